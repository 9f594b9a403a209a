"""AHRQ HCUP CCS for services and procedures: `'61000-61055',1,Incision and excision of CNS`.

Each range covers the CPT/HCPCS codes of the same shape between its two ends.
Layout: ../shared/cms-formats.md §6.3.
"""

import bisect
import csv
import re
from collections.abc import Iterator
from pathlib import Path

from django.db import transaction

from ..formats import System
from ..models import Code, ServiceCategory
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .rows import sync_rows
from .textfile import read_lines
from .upsert import ImportReport

RANGE = re.compile(r"^'?\s*([0-9A-Z]{5})\s*-\s*([0-9A-Z]{5})\s*'?$")


def _shape(code: str) -> str:
    return "".join("9" if ch.isdigit() else "A" for ch in code)


def parse(path: str | Path) -> Iterator[tuple[int, str, str, str, str]]:
    """(line, first code, last code, category, label) per range."""
    reader = csv.reader(read_lines(path, "cp1252"), quotechar='"')
    found = 0
    for cells in reader:
        matched = RANGE.match(cells[0].strip()) if cells else None
        if matched is None:
            continue
        number = reader.line_num
        first, last = matched.groups()
        if _shape(first) != _shape(last) or first > last:
            raise ImportFileError(path, number, f"not a code range: {cells[0]!r}")
        category = cells[1].strip().strip("'") if len(cells) > 1 else ""
        if not category.isdigit():
            raise ImportFileError(path, number, f"CCS category is not a number: {category!r}")
        label = cells[2].strip().strip("'") if len(cells) > 2 else ""
        found += 1
        yield number, first, last, category, label
    if not found:
        raise ImportFileError(path, None, "no 'Code Range' rows: not a CCS services file")


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec) -> ImportReport:
    release = get_release(spec)
    codes = sorted(
        Code.objects.filter(system__in=[System.CPT, System.HCPCS], kind="code").values_list(
            "code", "id"
        )
    )
    keys = [code for code, _ in codes]
    rows = []
    for _line, first, last, category, label in parse(path):
        start, end = bisect.bisect_left(keys, first), bisect.bisect_right(keys, last)
        for code, code_id in codes[start:end]:
            if _shape(code) == _shape(first):
                rows.append(
                    {
                        "code_id": code_id,
                        "scheme": ServiceCategory.Scheme.CCS,
                        "value": category,
                        "label": label[:200],
                        "release_id": release.id,
                    }
                )
    scope = ServiceCategory.objects.filter(scheme=ServiceCategory.Scheme.CCS)
    return sync_rows(
        ServiceCategory, ["code_id", "scheme", "value"], rows, scope, delete_missing=True
    )
