"""Case2Code measured on our evaluation set (tests/eval/case2code/cases.jsonl, the set
the rules were tuned on), on five held-out sets (heldout.jsonl and blind.jsonl to
blind4.jsonl, each written blind to the engine, then used once to find general gaps) and
on the blind set (blind5.jsonl: only measured, the figure for unseen text).

Diagnoses and procedures are compared as sets of codes; only expected codes the
catalogue holds count (a code we do not hold cannot be suggested), and a suggestion the
case lists under `not_coded` is counted apart as well as a false alarm. Units are scored
on the procedures found.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from codes.models import Code

from . import suggest

FOLDER = Path(__file__).resolve().parents[2] / "tests" / "eval" / "case2code"
CASES = FOLDER / "cases.jsonl"
# Each set not tuned on: what it is, for the bench's and the tests' reports.
OTHER_SETS = {
    "heldout": "held-out set (written blind, then used to find general gaps)",
    "blind": "second held-out set (written blind, then used to find general gaps)",
    "blind2": "third held-out set (written blind, then used to find general gaps)",
    "blind3": "fourth held-out set (written blind, then used to find general gaps)",
    "blind4": "fifth held-out set (written blind, then used to find general gaps)",
    "blind5": "blind set (only measured, never tuned on: the figure for unseen text)",
}


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    suggested: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.found / self.suggested if self.suggested else 1.0


@dataclass
class Tally:
    cases: int = 0
    diagnoses: Score = field(default_factory=Score)
    procedures: Score = field(default_factory=Score)
    units_right: int = 0
    not_held: list[str] = field(default_factory=list)  # expected codes the catalogue lacks
    not_coded: list[str] = field(default_factory=list)  # suggested though the case says not


def cases() -> list[dict]:
    return _read(CASES)


def other(name: str) -> list[dict]:
    """One of OTHER_SETS (tests/eval/case2code/<name>.jsonl)."""
    if name not in OTHER_SETS:
        raise ValueError(f"no evaluation set {name!r}")
    return _read(FOLDER / f"{name}.jsonl")


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def measure(every: list[dict]) -> Tally:
    tally = Tally(len(every))
    wanted = {c for case in every for c in case["diagnoses"]}
    wanted |= {p["code"] for case in every for p in case["procedures"]}
    held = set(Code.objects.filter(code__in=wanted, billable=True).values_list("code", flat=True))
    for case in every:
        result = suggest(case["text"], case["setting"])
        name = case["id"]
        expected_dx = [c for c in case["diagnoses"] if c in held]
        tally.not_held += [f"{name} {c}" for c in case["diagnoses"] if c not in held]
        _score(tally.diagnoses, name, expected_dx, [d.code for d in result.diagnoses])
        units = {p["code"]: p["units"] for p in case["procedures"] if p["code"] in held}
        tally.not_held += [
            f"{name} {p['code']}" for p in case["procedures"] if p["code"] not in held
        ]
        got = {p.code: p.units for p in result.procedures}
        _score(tally.procedures, name, list(units), list(got))
        tally.units_right += sum(1 for code, n in units.items() if got.get(code) == n)
        said = {d.code for d in result.diagnoses} | set(got)
        tally.not_coded += [f"{name} {c}" for c in case.get("not_coded", []) if c in said]
    return tally


def _score(score: Score, name: str, expected: list[str], suggested: list[str]) -> None:
    score.expected += len(set(expected))
    score.suggested += len(set(suggested))
    score.found += len(set(expected) & set(suggested))
    score.misses += [f"{name} {c}" for c in sorted(set(expected) - set(suggested))]
    score.false_alarms += [f"{name} {c}" for c in sorted(set(suggested) - set(expected))]
