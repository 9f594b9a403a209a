"""The CasePilot evaluation set (tests/eval/casepilot/) and how an answer is scored,
shared by bench/casepilot.py and tests/test_pilot_eval.py.

Each answer lands in one bucket: `correct` (the codes, a cited page, the value and the
yes/no verdict a correct answer needs), `declined` (said it cannot answer a question
the set expects answered), `uncited` (right codes, value and verdict, but none of the
pages the set names), or `wrong` (a different code, value or verdict, or an answer to
a question it should decline). A question the set expects declined is `correct` only
when declined.
"""

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import answer

SET = Path(__file__).resolve().parents[2] / "tests" / "eval" / "casepilot" / "questions.jsonl"
BUCKETS = ("correct", "declined", "uncited", "wrong")


def questions() -> list[dict[str, Any]]:
    with SET.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def bucket(expected: dict[str, Any], got: dict[str, Any]) -> str:
    """Score one answer (the JSON API's shape) against the set's expectation."""
    if expected["decline"]:
        return "correct" if got["declined"] and not got["codes"] else "wrong"
    if got["declined"]:
        return "declined"
    asserted = {code.upper() for code in got["codes"]}
    if not {code.upper() for code in expected["answer_codes"]} <= asserted:
        return "wrong"
    if expected.get("verdict") and got.get("verdict") != expected["verdict"]:
        return "wrong"
    said = " ".join([got["answer"], *(f"{f['label']} {f['value']}" for f in got["facts"])])
    if expected.get("value") and expected["value"].lower() not in said.lower():
        return "wrong"
    pages = {c["url"].split("#")[0].split("?")[0] for c in got["citations"] if c["url"]}
    if expected["cite"] and not pages & set(expected["cite"]):
        return "uncited"
    return "correct"


@dataclass
class Tally:
    buckets: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, bucket, answer)
    milliseconds: list[float] = field(default_factory=list)
    answered_codes: set[str] = field(default_factory=set)

    def count(self, name: str, kind: str | None = None) -> int:
        if kind is not None:
            return self.buckets[kind][name]
        return sum(counter[name] for counter in self.buckets.values())

    def total(self, kind: str | None = None) -> int:
        return sum(self.count(name, kind) for name in BUCKETS)

    @property
    def answerable(self) -> int:
        return self.total() - self.to_decline

    to_decline: int = 0
    declined_right: int = 0

    @property
    def cited_share(self) -> float:
        """Questions the set expects answered that got the right citation."""
        return (self.count("correct") - self.declined_right) / max(self.answerable, 1)

    @property
    def decline_share(self) -> float:
        return self.declined_right / max(self.to_decline, 1)


def measure(rows: list[dict[str, Any]] | None = None) -> Tally:
    tally = Tally()
    for expected in rows if rows is not None else questions():
        started = time.perf_counter()
        got = answer(expected["question"]).as_dict()
        tally.milliseconds.append((time.perf_counter() - started) * 1000)
        name = bucket(expected, got)
        tally.buckets[expected["kind"]][name] += 1
        tally.answered_codes.update(got["codes"])  # type: ignore[arg-type]
        if expected["decline"]:
            tally.to_decline += 1
            tally.declined_right += name == "correct"
        if name != "correct":
            tally.misses.append((expected["id"], name, str(got["answer"])[:120]))
    return tally
