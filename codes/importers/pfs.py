"""Medicare physician fee schedule national RVU file (PPRRVU) → fee schedule indicators.

The CSV (preamble and a five-row stacked header; columns found by name) or the
fixed-width text (HDR lines, positions from the RVU documentation). One row per
code and modifier: the global row (no modifier) and 26 / TC / 53 rows are kept
apart. Layout: ../shared/cms-formats.md §2. The DESCRIPTION column (AMA copyright
for CPT codes) is not stored.
"""

import csv
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from itertools import chain
from pathlib import Path
from typing import Any

from django.db import transaction

from .. import valuesets
from ..formats import System
from ..models import CodeHistory, FeeScheduleIndicator, Release
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .rows import ensure_codes, sync_rows
from .textfile import read_lines
from .upsert import ImportReport

CPT = re.compile(r"^\d{4}[0-9FTU]$")
HCPCS = re.compile(r"^[A-Z]\d{4}$")

# Stacked CSV header → our field; value set each must belong to (None: a number or text).
COLUMNS = {
    "HCPCS": ("code", None),
    "MOD": ("modifier", valuesets.PFS_MODIFIER),
    "STATUS CODE": ("status", valuesets.PFS_STATUS),
    "NOT USED FOR MEDICARE PAYMENT": ("not_used_for_payment", None),
    "WORK RVU": ("work_rvu", None),
    "NON-FAC PE RVU": ("nonfacility_pe_rvu", None),
    "NON-FAC NA INDICATOR": ("nonfacility_na", None),
    "FACILITY PE RVU": ("facility_pe_rvu", None),
    "FACILITY NA INDICATOR": ("facility_na", None),
    "MP RVU": ("mp_rvu", None),
    "NON-FACILITY TOTAL": ("nonfacility_total", None),
    "FACILITY TOTAL": ("facility_total", None),
    "PCTC IND": ("pctc", valuesets.PFS_PCTC),
    "GLOB DAYS": ("global_days", valuesets.PFS_GLOBAL_DAYS),
    "MULT PROC": ("multiple_procedure", valuesets.PFS_MULTIPLE_PROCEDURE),
    "BILAT SURG": ("bilateral_surgery", valuesets.PFS_BILATERAL),
    "ASST SURG": ("assistant_surgeon", valuesets.PFS_ASSISTANT_SURGEON),
    "CO- SURG": ("co_surgeons", valuesets.PFS_CO_SURGEONS),
    "TEAM SURG": ("team_surgery", valuesets.PFS_TEAM_SURGERY),
    "ENDO BASE": ("endoscopic_base", None),
    "CONV FACTOR": ("conversion_factor", None),
    "PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES": (
        "physician_supervision",
        valuesets.PFS_PHYSICIAN_SUPERVISION,
    ),
    "DIAGNOSTIC IMAGING FAMILY INDICATOR": ("imaging_family", valuesets.PFS_IMAGING_FAMILY),
}
REQUIRED = {"HCPCS", "MOD", "STATUS CODE", "WORK RVU", "PCTC IND", "GLOB DAYS", "CONV FACTOR"}
DECIMALS = set(FeeScheduleIndicator.RVUS)
# Fixed-width text: (field, first position, last position), 1-based inclusive.
POSITIONS = [
    ("code", 1, 5), ("modifier", 6, 7), ("status", 58, 58), ("not_used_for_payment", 59, 59),
    ("work_rvu", 60, 65), ("nonfacility_pe_rvu", 67, 72), ("nonfacility_na", 73, 74),
    ("facility_pe_rvu", 76, 81), ("facility_na", 82, 83), ("mp_rvu", 85, 89),
    ("nonfacility_total", 91, 96), ("facility_total", 97, 102), ("pctc", 103, 103),
    ("global_days", 104, 106), ("multiple_procedure", 116, 116), ("bilateral_surgery", 117, 117),
    ("assistant_surgeon", 118, 118), ("co_surgeons", 119, 119), ("team_surgery", 120, 120),
    ("endoscopic_base", 128, 132), ("conversion_factor", 133, 140),
    ("physician_supervision", 142, 143), ("imaging_family", 146, 147),
]  # fmt: skip
TXT_NEEDED = max(last for _field, _first, last in POSITIONS)  # records are 200 characters
VALUESETS = {field: valueset for field, valueset in COLUMNS.values() if valueset is not None}


def parse(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, raw fields) per data row, from the CSV or the fixed-width text."""
    lines = read_lines(path, "cp1252")
    first = next(lines, "")
    lines = chain([first], lines)
    rows = _parse_txt(path, lines) if first.startswith("HDR") else _parse_csv(path, lines)
    found = False
    for number, raw in rows:
        found = True
        yield number, _clean(path, number, raw)
    if not found:
        raise ImportFileError(path, None, "no data rows: not a PPRRVU file")


def _parse_csv(path: str | Path, lines: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    reader = csv.reader(lines)
    recent: list[list[str]] = []
    names: list[str] | None = None
    for cells in reader:
        number = reader.line_num
        if names is None:
            recent = [*recent[-4:], cells]
            if cells and cells[0].strip() == "HCPCS":
                names = _stacked_names(recent)
                missing = REQUIRED - set(names)
                if missing:
                    raise ImportFileError(
                        path, number, f"missing columns: {', '.join(sorted(missing))}"
                    )
            continue
        if not cells or not cells[0].strip():
            continue
        if len(cells) < len(names) or any(cell.strip() for cell in cells[len(names) :]):
            # A cut row would store blanks; a longer one has shifted columns.
            raise ImportFileError(
                path, number, f"the row has {len(cells)} cells, the header {len(names)}"
            )
        yield (
            number,
            {
                COLUMNS[name][0]: cells[index].strip()
                for index, name in enumerate(names)
                if name in COLUMNS
            },
        )
    if names is None:
        raise ImportFileError(path, None, "no header row starting 'HCPCS': not a PPRRVU file")


def _stacked_names(rows: list[list[str]]) -> list[str]:
    width = len(rows[-1])
    return [
        " ".join(
            " ".join(row[column].split())
            for row in rows
            if column < len(row) and row[column].strip()
        )
        for column in range(width)
    ]


def _parse_txt(path: str | Path, lines: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if line.startswith("HDR") or not line.strip():
            continue
        if len(line) < TXT_NEEDED:
            raise ImportFileError(path, number, f"record is {len(line)} characters, expected 200")
        yield number, {field: line[first - 1 : last].strip() for field, first, last in POSITIONS}


def _clean(path: str | Path, number: int, raw: dict[str, str]) -> dict[str, Any]:
    code = raw["code"]
    if not (CPT.match(code) or HCPCS.match(code)):
        raise ImportFileError(path, number, f"not a CPT or HCPCS code: {code!r}")
    values: dict[str, Any] = dict(raw)
    for field, valueset in VALUESETS.items():
        value = values.get(field, "")
        if value not in valueset and not (value == "" and field != "status"):
            raise ImportFileError(
                path, number, f"unknown {field.replace('_', ' ')} {value!r} for {code}"
            )
    for field in DECIMALS:
        text = values.get(field, "")
        try:
            values[field] = Decimal(text) if text else None
        except InvalidOperation:
            raise ImportFileError(
                path, number, f"{field.replace('_', ' ')} is not a number: {text!r}"
            ) from None
    values["not_used_for_payment"] = values.get("not_used_for_payment") == "+"
    values["nonfacility_na"] = values.get("nonfacility_na") == "NA"
    values["facility_na"] = values.get("facility_na") == "NA"
    return values


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec, year: int | None = None) -> ImportReport:
    year = year or spec.effective_date.year
    release = get_release(spec)
    rows = [values for _line, values in parse(path)]
    system_of = {
        value["code"]: System.CPT if CPT.match(value["code"]) else System.HCPCS for value in rows
    }
    ids = ensure_codes({(system_of[c], c) for c in system_of}, release)
    wanted = []
    for values in rows:
        code = values.pop("code")
        wanted.append(
            {
                **values,
                "code_id": ids[(system_of[code], code)],
                "year": year,
                "release_id": release.id,
            }
        )
    scope = FeeScheduleIndicator.objects.filter(year=year)
    before = dict(scope.filter(modifier="").values_list("code_id", "status"))
    report = sync_rows(
        FeeScheduleIndicator,
        ["code_id", "year", "modifier"],
        wanted,
        scope,
        delete_missing=True,
        guard=spec,
    )
    report.update(_status_history(before, wanted, spec, release))
    return report


def _status_history(
    before: dict[int, str], wanted: list[dict[str, Any]], spec: ReleaseSpec, release: Release
) -> ImportReport:
    """A changed fee schedule status is a dated event on the code's page."""
    rows = [
        {
            "code_id": row["code_id"],
            "date": spec.effective_date,
            "action": CodeHistory.Action.REVISED,
            "notes": f"Fee schedule status {before[row['code_id']]} → {row['status']}.",
            "release_id": release.id,
        }
        for row in wanted
        if not row["modifier"]
        and row["code_id"] in before
        and before[row["code_id"]] != row["status"]
    ]
    scope = CodeHistory.objects.filter(
        date=spec.effective_date, code_id__in=[r["code_id"] for r in rows]
    )
    return sync_rows(CodeHistory, ["code_id", "date", "action"], rows, scope, update=False)
