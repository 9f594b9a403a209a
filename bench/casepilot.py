"""CasePilot on its evaluation set (tests/eval/casepilot/, 212 questions): per intent the
answers with the right citation, declines, uncited and wrong answers; overall the share
answered with the right citation, the share correctly declined, and p50/p95 time per
question without a model (in-process, second pass, warm).

Needs the full official data and the HCPCS 2019 file in the database it runs on
(manage.py load_codes; manage.py import_hcpcs HCPC2019_CONTR_ANWEB.txt):

    .venv/bin/python bench/casepilot.py
"""

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")

import django

django.setup()

from tools.pilot import evaluation  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    evaluation.measure()  # warm: the first pass fills the database's caches
    tally = evaluation.measure()
    print(f"{'intent':<20}{'n':>4}" + "".join(f"{name:>10}" for name in evaluation.BUCKETS))
    for kind, counts in tally.buckets.items():
        cells = "".join(f"{counts[name]:>10}" for name in evaluation.BUCKETS)
        print(f"{kind:<20}{sum(counts.values()):>4}{cells}")
    print(
        f"\nanswered with the right citation: {tally.cited_share:.1%} of {tally.answerable}"
        f"\ncorrectly declined: {tally.decline_share:.1%} of {tally.to_decline}"
        f"\nwrong answers: {tally.count('wrong')}"
        f"\ntime per question: p50 {statistics.median(tally.milliseconds):.0f} ms, "
        f"p95 {percentile(tally.milliseconds, 0.95):.0f} ms"
    )
    for question, name, said in tally.misses:
        if name == "wrong":
            print(f"  wrong {question}: {said}")


if __name__ == "__main__":
    main()
