"""NCCI procedure-to-procedure edits (practitioner `ccipra-*`, hospital `ccioph-*`).

Tab-delimited text (or CSV) with a preamble; data rows are recognised by shape:
column 1 code, column 2 code, '*' or blank (in existence before 1996), effective
date YYYYMMDD, deletion date YYYYMMDD or '*', modifier indicator 0/1/9, rationale.
Each quarterly file is cumulative; pairs are upserted on (column 1, column 2, setting).
Layout: ../shared/cms-formats.md §3.
"""

import csv
import re
from collections.abc import Iterator
from datetime import date
from itertools import chain, islice
from pathlib import Path

from django.db import transaction

from .. import valuesets
from ..formats import System
from ..models import CodeRelation
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .rows import ensure_codes, sync_rows
from .textfile import read_lines
from .upsert import ImportReport

CODE = re.compile(r"^(\d{4}[0-9FTU]|[A-Z]\d{4})$")
DATE = re.compile(r"^\d{8}$")


def setting_of(path: str | Path) -> str:
    name = Path(path).name.lower()
    if "ccioph" in name or "hospital" in name or "outpatient" in name:
        return "hospital"
    return "practitioner"


PtpRow = tuple[int, str, str, date, date | None, str, str]


def parse(path: str | Path) -> Iterator[PtpRow]:
    """(line, column 1, column 2, effective, deleted, modifier indicator, rationale)."""
    lines = read_lines(path, "cp1252", tabs=True)
    head = list(islice(lines, 20))  # preamble and header: tab-delimited or CSV?
    dialect = "excel-tab" if any("\t" in line for line in head) else "excel"
    reader = csv.reader(chain(head, lines), dialect=dialect)
    found = 0
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if len(cells) < 6 or not CODE.match(cells[0]) or not CODE.match(cells[1]):
            continue  # preamble, header, legend
        number = reader.line_num
        effective = _date(path, number, cells[3])
        deleted = None if cells[4] in ("*", "") else _date(path, number, cells[4])
        indicator = cells[5]
        if indicator not in valuesets.NCCI_MODIFIER_INDICATOR:
            raise ImportFileError(path, number, f"unknown modifier indicator {indicator!r}")
        rationale = " ".join(cells[6].split()) if len(cells) > 6 else ""
        found += 1
        yield number, cells[0], cells[1], effective, deleted, indicator, rationale
    if not found:
        raise ImportFileError(path, None, "no column 1 / column 2 rows: not an NCCI PTP file")


def _date(path: str | Path, number: int, text: str) -> date:
    if not DATE.match(text):
        raise ImportFileError(path, number, f"not a YYYYMMDD date: {text!r}")
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise ImportFileError(path, number, f"not a date: {text!r}") from None


def system_of(code: str) -> str:
    return System.HCPCS if code[0].isalpha() else System.CPT


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec, setting: str | None = None) -> ImportReport:
    setting = setting or setting_of(path)
    release = get_release(spec)
    pairs = list(parse(path))
    ids = ensure_codes({(system_of(c), c) for row in pairs for c in row[1:3]}, release)
    rows = [
        {
            "source_id": ids[(system_of(first), first)],
            "target_id": ids[(system_of(second), second)],
            "kind": CodeRelation.Kind.NCCI_PTP,
            "setting": setting,
            "effective_date": effective,
            "end_date": deleted,
            "modifier_indicator": indicator,
            "rationale": rationale[:200],
            "release_id": release.id,
        }
        for _line, first, second, effective, deleted, indicator, rationale in pairs
        if first != second
    ]
    scope = CodeRelation.objects.filter(kind=CodeRelation.Kind.NCCI_PTP, setting=setting)
    return sync_rows(CodeRelation, ["source_id", "kind", "target_id", "setting"], rows, scope)
