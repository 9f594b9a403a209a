"""Case2Code on its evaluation set: recall and precision of the suggested diagnoses and
procedures (codes the catalogue holds), units, time per case, the same on the five
held-out sets and on the blind set (blind5.jsonl, never tuned on: the figure to expect on
unseen cases), and the claim check's p50/p95 for 10 codes.

    .venv/bin/python bench/case2code.py [--misses]

Runs against the configured database (the full official data, and the 2019 HCPCS file
for the supplies and drugs: `manage.py import_hcpcs HCPC2019_CONTR_ANWEB.txt`). The
issue's floors: recall ≥ 0.85 for diagnoses, ≥ 0.70 for procedures; ≤ 50 ms p95 for the
check of 10 codes.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")

import django

django.setup()

from tools import claims  # noqa: E402
from tools.case2code import evaluation  # noqa: E402

CLAIM = "99214, 97545 GP, 97546 x2 GP, 20610 RT, J1885 x2, 96372, E11.9, I10, E10.9, S30.1XXA"


def scores(tally: evaluation.Tally, show: bool, indent: str = "") -> None:
    """Recall and precision of diagnoses and procedures (and, with --misses, each miss)."""
    for label, score in (("diagnoses", tally.diagnoses), ("procedures", tally.procedures)):
        print(
            f"{indent}{label:<11} recall {score.recall:.3f} ({score.found}/{score.expected})  "
            f"precision {score.precision:.3f} ({score.found}/{score.suggested})"
        )
        if show:
            print(f"{indent}  missed:", ", ".join(score.misses) or "none")
            print(f"{indent}  not expected:", ", ".join(score.false_alarms) or "none")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss and false alarm")
    show = parser.parse_args().misses
    every = evaluation.cases()
    evaluation.measure(every[:1])  # warm: search vocabulary, word weights
    began = time.perf_counter()
    tally = evaluation.measure(every)
    elapsed = time.perf_counter() - began
    print(f"{tally.cases} cases in {elapsed:.1f} s ({elapsed / tally.cases * 1000:.0f} ms a case)")
    scores(tally, show)
    found = tally.procedures.found
    print(f"units right on {tally.units_right} of {found} procedures found")
    print(f"suggested though the case says not to code: {len(tally.not_coded)}", tally.not_coded)
    print(f"expected codes the catalogue does not hold (not scored): {len(tally.not_held)}")
    for name, title in evaluation.OTHER_SETS.items():
        held = evaluation.measure(evaluation.other(name))
        print(f"{title}, {name}.jsonl, {held.cases} cases")
        scores(held, show, indent="  ")
    lines = claims.parse(CLAIM)
    claims.check(lines, date(2026, 1, 15))
    wall, cpu = [], []
    for _ in range(200):
        start, start_cpu = time.perf_counter(), time.process_time()
        claims.check(lines, date(2026, 1, 15))
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    for label, times in (("wall", wall), ("CPU", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"claim check of {len(lines)} codes ({label}): p50 {statistics.median(times):.1f} ms, "
            f"p95 {p95:.1f} ms"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
