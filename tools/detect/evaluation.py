"""Scoring DetectICD10CM on the annotated set in tests/eval/detect (our own cases):
exact-code and category precision/recall per group, status accuracy, and the
mentions that must never be coded (negated, family, hypothetical) that were.
Shared by the evaluation test and bench/detect.py.
"""

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import Finding, detect

CASES = Path(__file__).resolve().parents[2] / "tests" / "eval" / "detect" / "cases.jsonl"
NEVER_CODED = frozenset(["negated", "family", "hypothetical"])


@dataclass
class Counts:
    tp: int = 0
    predicted: int = 0
    expected: int = 0

    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Tally:
    exact: dict[str, Counts] = field(default_factory=dict)
    category: dict[str, Counts] = field(default_factory=dict)
    status_right: Counter[str] = field(default_factory=Counter)
    status_seen: Counter[str] = field(default_factory=Counter)
    leaks: list[tuple[str, str, str]] = field(default_factory=list)  # (case, code, status)
    misses: list[tuple[str, str]] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)

    def overall(self, table: str = "exact") -> Counts:
        rows = (self.exact if table == "exact" else self.category).values()
        return Counts(*(sum(getattr(c, a) for c in rows) for a in ("tp", "predicted", "expected")))

    def status_accuracy(self, status: str | None = None) -> float:
        keys = [status] if status else list(self.status_seen)
        seen = sum(self.status_seen[k] for k in keys)
        return sum(self.status_right[k] for k in keys) / seen if seen else 1.0


def cases(path: Path = CASES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def measure(items: list[dict[str, Any]] | None = None) -> Tally:
    tally = Tally()
    for case in items if items is not None else cases():
        findings = detect(case["text"], case["setting"])
        _score(tally, case, findings)
    return tally


def _score(tally: Tally, case: dict[str, Any], findings: list[Finding]) -> None:
    group = case["group"]
    # A code is reported once however often the note names it: sets, not mentions.
    wanted = {
        e["code"] for e in case["expected"] if e["status"] == "present" or e.get("inpatient_codes")
    }
    coded = {f.code for f in findings if f.coded}
    for table, key in ((tally.exact, str), (tally.category, lambda c: c[:3])):
        counts = table.setdefault(group, Counts())
        want, got = Counter(set(map(key, wanted))), Counter(set(map(key, coded)))
        counts.tp += sum((want & got).values())
        counts.predicted += sum(got.values())
        counts.expected += sum(want.values())
    want, got = Counter(wanted), Counter(coded)
    tally.misses += [(case["id"], c) for c in (want - got).elements()]
    tally.extras += [(case["id"], c) for c in (got - want).elements()]
    text = case["text"]
    for entry in case["expected"]:
        near = _mention(text, entry, findings)
        tally.status_seen[entry["status"]] += 1
        if any(f.status == entry["status"] for f in near):
            tally.status_right[entry["status"]] += 1
        if entry["status"] in NEVER_CODED and any(f.coded for f in near):
            tally.leaks.append((case["id"], entry["code"], entry["status"]))


def _mention(text: str, entry: dict[str, Any], findings: list[Finding]) -> list[Finding]:
    """The findings at the annotated words. Words that occur more than once ("asthma"
    in the patient and in the father) are read where a finding with the annotated code
    or status sits, else at their first occurrence."""
    spots = []
    start = text.find(entry["evidence"])
    while start >= 0:
        end = start + len(entry["evidence"])
        spots.append([f for f in findings if f.start < end and start < f.end])
        start = text.find(entry["evidence"], start + 1)
    for wanted in (
        lambda f: f.code == entry["code"] and f.status == entry["status"],
        lambda f: f.status == entry["status"],
    ):
        for near in spots:
            if any(wanted(f) for f in near):
                return near
    return spots[0] if spots else []
