"""DetectICD10CM on its annotated set (tests/eval/detect, 352 cases written for us):
exact-code and 3-character-category precision/recall/F1 per group, status accuracy,
never-coded leaks, notes per second, and p50/p95 milliseconds (wall and CPU: the machine is shared)
per 2,000-character note, in-process over the full official data of the dev database.

    DEBUG=off SECRET_KEY=x .venv/bin/python bench/detect.py

Goals: exact F1 ≥ 0.85, category F1 ≥ 0.92, no negated/family/hypothetical condition
coded, a 2,000-character note well under 200 ms p50 (the issue asks ≤ 20 ms).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("DEBUG", "off")

import django  # noqa: E402

django.setup()

from tools.detect import detect, release  # noqa: E402
from tools.detect import evaluation as ev  # noqa: E402


def table() -> None:
    tally = ev.measure()
    print(f"{'group':<14}{'exact P':>8}{'R':>7}{'F1':>7}   {'category P':>10}{'R':>7}{'F1':>7}")
    for group in [*tally.exact, "ALL"]:
        exact = tally.overall() if group == "ALL" else tally.exact[group]
        category = tally.overall("category") if group == "ALL" else tally.category[group]
        print(
            f"{group:<14}{exact.precision():>8.3f}{exact.recall():>7.3f}{exact.f1():>7.3f}"
            f"   {category.precision():>10.3f}{category.recall():>7.3f}{category.f1():>7.3f}"
        )
    print("\nstatus accuracy (the mention found with the annotated status)")
    for status in tally.status_seen:
        print(f"  {status:<13}{tally.status_accuracy(status):>7.3f}  ({tally.status_seen[status]})")
    print(f"  {'all':<13}{tally.status_accuracy():>7.3f}")
    print(f"\nnever-coded mentions coded: {len(tally.leaks)} {tally.leaks}")


def speed() -> None:
    cases = ev.cases()
    started = time.perf_counter()
    for case in cases:
        detect(case["text"], case["setting"])
    elapsed = time.perf_counter() - started
    print(f"\n{len(cases)} cases in {elapsed:.2f} s: {len(cases) / elapsed:.0f} cases/s")
    notes = [c["text"] for c in cases if c["group"] == "notes"]
    text = "\n\n".join(notes * 3)
    windows = [text[i : i + 2000] for i in range(0, len(text) - 2000, 1000)]
    wall, cpu = [], []
    for window in windows:
        began, began_cpu = time.perf_counter(), time.process_time()
        detect(window)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    for name, times in (("wall", wall), ("CPU", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{len(windows)} notes of 2,000 characters, {name} time: "
            f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"
        )


def main() -> None:
    began = time.perf_counter()
    name = release()
    print(f"{name}: catalogue loaded in {time.perf_counter() - began:.1f} s\n")
    table()
    speed()


if __name__ == "__main__":
    main()
