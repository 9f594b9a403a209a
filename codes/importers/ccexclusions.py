"""IPPS Table 6K, the complete list of CC exclusions (fixed-layout text) → rules,
PDX collections, their ranges in official order, and the Part 3 DRG exclusions.

Part 1: ` A000    CC  0002:3 codes     Cholera …` (each CC/MCC code, its level and PDX
collection), then `PDX collection 0002` blocks listing the collection's principal
diagnoses. Part 2: codes that are a CC/MCC only if the patient is discharged alive.
Part 3: `MDC 01 DRGs 082-084 Title` blocks of codes that are no CC/MCC in those DRGs.
"""

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from django.db import transaction

from ..formats import System
from ..models import CcExclusion, CcExclusionRange, CcExclusionRule, Code, DrgSeverityExclusion
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .progress import Progress
from .rows import sync_rows
from .textfile import lines_with_numbers
from .upsert import ImportReport

# "No Excl": no principal diagnosis cancels the code (stored as collection 0).
RULE = re.compile(r"^ ([A-Z][0-9A-Z]{2,6}) +(CC|MCC) +(?:(\d{4}):([\d,]+) codes?|No Excl) *\S")
COLLECTION = re.compile(r"^PDX collection (\d{4})$")
LISTED = re.compile(r"^ {2}([A-Z][0-9A-Z]{2,6}) +\S")
DRG_GROUP = re.compile(r"^MDC (\d\d) DRGs (\d{3})-(\d{3}) (.+)$")


@dataclass
class Table6K:
    rules: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Undotted code → (level, collection, size) as Part 1 states them."""
    collections: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    alive_only: list[str] = field(default_factory=list)
    drg_groups: list[tuple[str, str, str, str, list[str]]] = field(default_factory=list)
    """(MDC, first DRG, last DRG, title, codes) of Part 3."""


def parse(path: str | Path) -> Table6K:
    """Read the whole table; a line that fits no part of the layout is refused."""
    table = Table6K()
    part, collection = 0, 0
    group: tuple[str, str, str, str, list[str]] | None = None
    for number, line in lines_with_numbers(path, "cp1252"):
        text = line.rstrip()
        if text.startswith("K Part "):
            part = int(text[7])
            continue
        if not text or part == 0 or text.startswith(" I10 Dx"):
            continue
        if part == 1 and (match := RULE.match(text)):
            code, level, number_, size = match.groups()
            size = (size or "0").replace(",", "")
            table.rules[code] = (level.lower(), int(number_ or 0), int(size))
        elif part == 1 and (match := COLLECTION.match(text)):
            collection = int(match.group(1))
        elif part == 1 and collection and (match := LISTED.match(text)):
            table.collections[collection].append(match.group(1))
        elif part == 2 and (match := LISTED.match(text)):
            table.alive_only.append(match.group(1))
        elif part == 3 and (match := DRG_GROUP.match(text)):
            mdc, first, last, title = match.groups()
            group = (mdc, first, last, title, [])
            table.drg_groups.append(group)
        elif part == 3 and group is not None and (match := LISTED.match(text)):
            group[4].append(match.group(1))
        else:
            raise ImportFileError(path, number, f"not a Table 6K line: {text[:60]!r}")
    if not table.rules or not table.collections:
        raise ImportFileError(path, None, "no Part 1 rows or PDX collections: not Table 6K")
    for code, (_level, number_, size) in table.rules.items():
        if len(table.collections.get(number_, ())) != size:
            found = len(table.collections.get(number_, ()))
            reason = f"{code}: collection {number_:04d} says {size} codes, lists {found}"
            raise ImportFileError(path, None, reason)
    return table


@transaction.atomic
def load(
    path: str | Path, spec: ReleaseSpec, fiscal_year: int, stream: TextIO | None = None
) -> ImportReport:
    progress = Progress(f"{spec.name}: reading", 0, stream)
    table = parse(path)
    release = get_release(spec)
    codes = _codes()

    def code_id(code: str) -> int:
        found = codes.get(code)
        if found is None:
            raise ImportFileError(path, None, f"{code} is not an ICD-10-CM code in the catalogue")
        return found[0]

    alive = set(table.alive_only)
    rules = [
        {
            "code_id": code_id(code),
            "fiscal_year": fiscal_year,
            "level": level,
            "collection": collection,
            "collection_size": size,
            "alive_only": code in alive,
            "release_id": release.id,
        }
        for code, (level, collection, size) in table.rules.items()
    ]
    members = [
        {
            "fiscal_year": fiscal_year,
            "collection": collection,
            "principal_id": code_id(code),
            "release_id": release.id,
        }
        for collection, listed in table.collections.items()
        for code in listed
    ]
    ranges = [
        {**row, "fiscal_year": fiscal_year, "collection": collection, "release_id": release.id}
        for collection, listed in table.collections.items()
        for row in _ranges(listed, codes)
    ]
    drg = [
        {
            "code_id": code_id(code),
            "fiscal_year": fiscal_year,
            "mdc": mdc,
            "first_drg": first,
            "last_drg": last,
            "heading": title,
            "release_id": release.id,
        }
        for mdc, first, last, title, listed in table.drg_groups
        for code in listed
    ]
    progress.finish()
    report = ImportReport()
    year = {"fiscal_year": fiscal_year}
    for model, keys, rows in (
        (CcExclusionRule, ["code_id", "fiscal_year"], rules),
        (CcExclusion, ["fiscal_year", "collection", "principal_id"], members),
        (CcExclusionRange, ["fiscal_year", "collection", "position"], ranges),
        (DrgSeverityExclusion, ["code_id", "fiscal_year", "first_drg"], drg),
    ):
        scope = model._default_manager.filter(**year)
        report.update(sync_rows(model, keys, rows, scope, delete_missing=True, guard=spec))
    return report


def _codes() -> dict[str, tuple[int, int]]:
    """Undotted ICD-10-CM code → (id, rank among live billable codes in official order;
    -1 for other codes)."""
    rows = (
        Code.objects.in_system(System.ICD10CM)
        .order_by("position", "code")
        .values_list("id", "code", "billable", "status")
    )
    found: dict[str, tuple[int, int]] = {}
    rank = 0
    for pk, code, billable, status in rows:
        live = billable and status == Code.Status.ACTIVE
        found[code.replace(".", "")] = (pk, rank if live else -1)
        rank += live
    return found


def _ranges(listed: list[str], codes: dict[str, tuple[int, int]]) -> Iterator[dict[str, int]]:
    """Runs of codes adjacent among live billable codes, in official order (a code that
    is not live billable stands alone)."""
    ordered = sorted((codes[code][1], codes[code][0]) for code in listed if code in codes)
    run: list[tuple[int, int]] = []
    position = 0
    for rank, pk in ordered:
        if run and (rank < 0 or run[-1][0] < 0 or rank != run[-1][0] + 1):
            position += 1
            yield _range(run, position)
            run = []
        run.append((rank, pk))
    if run:
        yield _range(run, position + 1)


def _range(run: list[tuple[int, int]], position: int) -> dict[str, int]:
    return {"first_id": run[0][1], "last_id": run[-1][1], "count": len(run), "position": position}
