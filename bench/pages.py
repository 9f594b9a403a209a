"""Code-page throughput under gunicorn with the full official data, next to /healthz.

Builds (once) a SQLite database with the official ICD-10 data and the sample set in
bench/.data/, starts gunicorn on 127.0.0.1 with one worker per core, drives each URL
with wrk (Debian package `wrk`) and prints requests/s and p50/p99 latency, then the
same over thousands of distinct pages (mostly page-cache misses). Metering is off
here; bench/allowance.py measures it. Goal: code pages ≥ 40% of /healthz.

    .venv/bin/python bench/pages.py [--seconds 10] [--connections 16]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / ".data"
PORT = 8765
URLS = ["/healthz", "/icd10cm/E11.9/", "/icd10cm/S72.001A/", "/icd10pcs/0DTJ4ZZ/", "/cpt/97546/"]


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(**extra):
    """The bench environment and database (built once: migrate, sample, official data)."""
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    DATA.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DEBUG": "off",
        "SECRET_KEY": "bench-only-key-not-secret-0123456789-abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{DATA / 'pages.sqlite3'}",
        **extra,
    }
    manage("migrate", "-v0", env=env)
    manage("load_sample", "-v0", env=env)
    manage("load_codes", "--if-empty", "-v0", env=env)
    manage("rebuild_search", "-v0", env=env)
    manage("collectstatic", "--no-input", "-v0", env=env)
    return env


def serve(env, port):
    """gunicorn with one worker per core on 127.0.0.1:port, once it answers."""
    workers = str(os.cpu_count() or 2)
    command = [sys.executable, "-m", "gunicorn", "-w", workers, "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        [*command, "codeahead.wsgi"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.1)  # waiting for the port to open, not timing anything
    return server


def wrk(url, seconds, connections, script=None, headers=()):
    extra = ["-s", str(script)] if script else []
    for header in headers:
        extra += ["-H", header]
    out = subprocess.run(
        ["wrk", "--latency", "-t2", f"-c{connections}", f"-d{seconds}s", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", out)[1]
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", out)[1]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(errors[1]) if errors else 0


def show(label, result):
    rps, p50, p99, errors = result
    print(f"{label:<24} {rps:8.0f} req/s   p50 {p50:>8}   p99 {p99:>8}   errors {errors}")


def many_paths(env, count=20000):
    """Every 4th billable ICD-10-CM code's page, from the bench database."""
    script = (
        "from codes.models import Code; print(*Code.objects.filter(system='icd10cm', "
        f"billable=True).order_by('position').values_list('code', flat=True)[:{count * 4}:4])"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [f"/icd10cm/{code}/" for code in out]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    env = prepare(ALLOWANCE_ENABLED="off")
    server = serve(env, PORT)
    base = f"http://127.0.0.1:{PORT}"
    try:
        print(
            f"gunicorn {os.cpu_count()} workers, wrk 2 threads {options.connections} "
            f"connections, {options.seconds}s per URL"
        )
        results = {}
        for url in URLS:
            urllib.request.urlopen(base + url, timeout=5)  # noqa: S310 (warm up)
            results[url] = wrk(base + url, options.seconds, options.connections)
            show(url, results[url])
        script = DATA / "many.lua"
        paths = many_paths(env)
        script.write_text(
            "paths = {" + ",".join(f'"{p}"' for p in paths) + "}\n"
            "request = function() return wrk.format(nil, paths[math.random(#paths)]) end\n"
        )
        show(f"{len(paths)} codes, cold", wrk(base, options.seconds, options.connections, script))
        floor = results["/healthz"][0]
        for url in URLS[1:]:
            print(f"{url:<24} {results[url][0] / floor:6.0%} of /healthz throughput")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
