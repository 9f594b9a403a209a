"""Score the search relevance set: hit@1, hit@required-rank and MRR per group.

Used by tests/test_search_relevance.py and bench/search.py; also runs on its own against
the development database (which needs the 2019 HCPCS file imported, see README.md):

    .venv/bin/python tests/eval/relevance/score.py [--misses] [--group NAME]
"""

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "queries.jsonl"
DEPTH = 10  # results looked at per query (what /api/suggest shows)


def load(path: Path = QUERIES) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@dataclass
class Outcome:
    row: dict
    found: list[str]
    position: int | None  # 1-based rank of the first accepted code, None if not in DEPTH

    @property
    def passed(self) -> bool:
        return self.position is not None and self.position <= self.row["rank"]


@dataclass
class Figures:
    queries: int = 0
    top1: int = 0
    passed: int = 0
    top5: int = 0
    reciprocal: float = 0.0
    misses: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.queries += 1
        if outcome.position is not None:
            self.reciprocal += 1 / outcome.position
            self.top1 += outcome.position == 1
            self.top5 += outcome.position <= 5
        if outcome.passed:
            self.passed += 1
        else:
            self.misses.append(outcome)

    def share(self, count: int) -> float:
        return count / self.queries if self.queries else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal / self.queries if self.queries else 0.0


def run(search: Callable[[str], list[str]], rows: Iterable[dict]) -> list[Outcome]:
    """Each query through `search` (query -> codes in rank order)."""
    outcomes = []
    for row in rows:
        found = search(row["query"])[:DEPTH]
        accepted = set(row["accept"])
        position = next((i for i, code in enumerate(found, 1) if code in accepted), None)
        outcomes.append(Outcome(row, found, position))
    return outcomes


def by_group(outcomes: list[Outcome]) -> dict[str, Figures]:
    """Figures per group, and for all queries under "all"."""
    groups: dict[str, Figures] = defaultdict(Figures)
    for outcome in outcomes:
        groups[outcome.row["group"]].add(outcome)
        groups["all"].add(outcome)
    return dict(groups)


def table(groups: dict[str, Figures]) -> str:
    lines = [f"{'group':<13} {'n':>4} {'hit@1':>7} {'hit@rank':>9} {'top5':>7} {'MRR':>6}"]
    for name in sorted(groups, key=lambda n: (n == "all", n)):
        g = groups[name]
        lines.append(
            f"{name:<13} {g.queries:>4} {g.share(g.top1):>7.1%} {g.share(g.passed):>9.1%} "
            f"{g.share(g.top5):>7.1%} {g.mrr:>6.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    import os

    import django

    sys.path.insert(0, str(HERE.parents[2]))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "codeahead.settings")
    django.setup()
    from codes.search import search

    rows = load()
    if "--group" in argv:
        wanted = argv[argv.index("--group") + 1]
        rows = [row for row in rows if row["group"] == wanted]
    outcomes = run(lambda q: [hit.code for hit in search(q, limit=DEPTH)], rows)
    groups = by_group(outcomes)
    if "--misses" in argv:
        for outcome in groups["all"].misses:
            row = outcome.row
            print(
                f"[{row['group']}] {row['query']!r} want {row['accept'][:4]} @{row['rank']} "
                f"got pos {outcome.position}: {outcome.found[:6]}"
            )
    print(table(groups))


if __name__ == "__main__":
    main(sys.argv[1:])
