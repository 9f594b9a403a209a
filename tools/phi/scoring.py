"""How RedactPHI is measured on the annotated notes (tests/eval/phi/): one scorer for the
floor test, the bench and the figures the tool page shows.

Recall is strict about leaks: a gold span counts as found only when every one of its
letters and digits lies inside some predicted span (half a name still identifies).
Precision is lenient about borders: a predicted span is right when at least half of
its letters and digits lie inside gold spans of any category (calling a record number
an account number still removes it).
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

MARK = re.compile(r"\{\{([A-Z_]+)\|([^{}|]*)\}\}")

Span = tuple[int, int, str]  # start, end (exclusive), category
Predictor = Callable[[str], list[Span]]


@dataclass(frozen=True)
class Note:
    name: str
    text: str
    gold: list[Span]


def parse(marked: str, name: str = "") -> Note:
    """The plain note and its gold spans, from {{CATEGORY|text}} markup."""
    parts: list[str] = []
    gold: list[Span] = []
    length = 0
    last = 0
    for match in MARK.finditer(marked):
        before = marked[last : match.start()]
        parts.append(before)
        length += len(before)
        inner = match.group(2)
        gold.append((length, length + len(inner), match.group(1)))
        parts.append(inner)
        length += len(inner)
        last = match.end()
    parts.append(marked[last:])
    return Note(name, "".join(parts), gold)


def load(folder: Path) -> list[Note]:
    return [
        parse(path.read_text(encoding="utf-8"), f"{folder.name}/{path.name}")
        for path in sorted(folder.glob("*.txt"))
    ]


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # note, category, text
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    def recall(self, category: str | None = None) -> float:
        found, total = _pick(self.recalled, self.gold, category)
        return found / total if total else 1.0

    def precision(self, category: str | None = None) -> float:
        right, total = _pick(self.correct, self.predicted, category)
        return right / total if total else 1.0


def _pick(part: Counter[str], whole: Counter[str], category: str | None) -> tuple[int, int]:
    if category is None:
        return sum(part.values()), sum(whole.values())
    return part[category], whole[category]


def _cover(text: str, spans: Iterable[Span]) -> list[bool]:
    covered = [False] * len(text)
    for start, end, _ in spans:
        for i in range(start, end):
            covered[i] = True
    return covered


def _alnum(text: str, start: int, end: int) -> list[int]:
    return [i for i in range(start, end) if text[i].isalnum()]


def score(notes: Iterable[Note], predict: Predictor) -> Tally:
    tally = Tally()
    for note in notes:
        predicted = predict(note.text)
        by_prediction = _cover(note.text, predicted)
        by_gold = _cover(note.text, note.gold)
        for start, end, category in note.gold:
            tally.gold[category] += 1
            if all(by_prediction[i] for i in _alnum(note.text, start, end)):
                tally.recalled[category] += 1
            else:
                tally.misses.append((note.name, category, note.text[start:end]))
        for start, end, category in predicted:
            tally.predicted[category] += 1
            letters = _alnum(note.text, start, end)
            inside = sum(by_gold[i] for i in letters)
            if inside * 2 >= len(letters):
                tally.correct[category] += 1
            else:
                tally.false_alarms.append((note.name, category, note.text[start:end]))
    return tally
