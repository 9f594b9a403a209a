"""CMS import throughput on synthetic files in the official layouts, into SQLite.

Writes a HCPCS file of 20,000 codes (fixed width, some continued descriptions) and an
NCCI practitioner file of 500,000 pairs, then times `import_hcpcs` and `import_ncci`
into an empty database (and a no-change re-run of each). Goals on a 2-core machine:
≤ 30 s for the HCPCS file and ≤ 120 s for the NCCI file.

    .venv/bin/python bench/imports.py
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cmsfiles import write_hcpcs  # noqa: E402  (the same writer the tests use)

LETTERS = "ABCEGJKLQ"


def hcpcs_codes(count):
    for n in range(count):
        letter, number = LETTERS[n % len(LETTERS)], n // len(LETTERS) + 1000
        long = f"Synthetic supply item number {n} for throughput measurement" + (
            ", with a description long enough to continue on a second record of the file"
            if n % 3 == 0
            else ""
        )
        yield {
            "code": f"{letter}{number:04d}",
            "long": long,
            "short": f"Synthetic item {n}"[:28],
            "price": "32",
            "mult": "A",
            "cov": "C",
            "betos": "D1E",
            "tos": "P",
            "added": "20200101",
            "act_eff": "20200101",
            "action": "N",
        }


def ncci_lines(pairs, codes):
    yield "CPT codes and descriptions only are copyright 2025 American Medical Association.\r\n"
    yield "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\tModifier\tPTP Edit Rationale\r\n"
    width = len(codes)
    for n in range(pairs):
        first, second = codes[n % width], codes[(n * 7 + 1 + n // width) % width]
        if first == second:
            second = codes[(n + 1) % width]
        yield f"{first}\t{second}\t\t20200101\t*\t1\tStandards of medical / surgical practice\r\n"


def run(args, env):
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main():
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        env = {**os.environ, "DEBUG": "on", "DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}"}
        run(["migrate", "-v0"], env)
        hcpcs = write_hcpcs(folder / "HCPC2026_JAN_ANWEB_bench.txt", list(hcpcs_codes(20_000)))
        codes = [f"{n:05d}" for n in range(10000, 12000)]
        ncci = folder / "ccipra-v321r0-f1.txt"
        with ncci.open("w", encoding="latin-1") as stream:
            stream.writelines(ncci_lines(500_000, codes))
        for label, args in [
            ("HCPCS 20,000 codes", ["import_hcpcs", str(hcpcs), "-v0"]),
            ("NCCI 500,000 pairs", ["import_ncci", str(ncci), "--release", "2026-01-01", "-v0"]),
        ]:
            first = run(args, env)
            again = run(args, env)
            print(f"{label:<22} import {first:6.1f} s   no-change re-run {again:6.1f} s")


if __name__ == "__main__":
    main()
