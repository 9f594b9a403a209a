"""Full official-data load into an empty SQLite database, then a no-change re-run.

Prints wall time, CPU time (user + system: steadier than wall time on a machine others
share) and peak memory (RSS) of each `manage.py load_codes` process; load_codes itself
prints each step's time. Goals on a 2-core machine: full load ≤ 60 s and ≤ 1 GB;
re-run ≤ 15 s.

    .venv/bin/python bench/load_codes.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args, env):
    started = time.monotonic()
    process = subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if status != 0:
        sys.exit(f"manage.py {' '.join(args)} failed")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # KiB -> MiB on Linux


def main():
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DEBUG": "on",
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
        }
        run(["migrate", "-v0"], env)
        run(["createcachetable"], env)  # importers bump the catalogue version in the cache
        for label in ("full load (empty database)", "re-run (no changes)"):
            seconds, cpu, peak = run(["load_codes", "-v0"], env)
            print(f"{label:<28} {seconds:6.1f} s (CPU {cpu:5.1f} s)   peak RSS {peak:6.0f} MiB")


if __name__ == "__main__":
    main()
