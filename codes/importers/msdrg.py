"""MS-DRG relative weights (CMS IPPS Table 5, tab-delimited) → MsDrg rows."""

import csv
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction

from ..models import MsDrg
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .progress import Progress
from .rows import sync_rows
from .textfile import read_lines
from .upsert import ImportReport


def parse(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line, values) for each MS-DRG row; the header row names the columns."""
    header: list[str] | None = None
    reader = csv.reader(read_lines(path, "cp1252", tabs=True), delimiter="\t")
    for cells in reader:
        number = reader.line_num
        cells = [" ".join(cell.split()) for cell in cells]
        if header is None:
            if cells and cells[0].upper().startswith("MS-DRG"):
                header = [cell.lower() for cell in cells]
            continue
        if not any(cells):
            continue
        yield number, _row(path, number, header, cells)
    if header is None:
        raise ImportFileError(path, None, "no 'MS-DRG' header row: not an MS-DRG weights table")


def _row(path: str | Path, number: int, header: list[str], cells: list[str]) -> dict[str, Any]:
    def column(*words: str) -> str:
        for index, name in enumerate(header):
            if all(word in name for word in words) and index < len(cells):
                return cells[index]
        raise ImportFileError(path, number, f"no column with {' '.join(words)!r}")

    def decimal(text: str) -> Decimal | None:
        if text in ("", "."):  # Table 5 prints "." where there is no value (DRGs 998, 999)
            return None
        try:
            return Decimal(text.replace(",", ""))
        except InvalidOperation:
            raise ImportFileError(path, number, f"not a number: {text!r}") from None

    drg = cells[0].strip()
    if not (drg.isdigit() and len(drg) == 3):
        raise ImportFileError(path, number, f"not an MS-DRG number: {drg!r}")
    return {
        "drg": drg,
        "mdc": column("mdc"),
        "type": _type(path, number, column("type").upper()),
        "title": column("title"),
        "weight": decimal(column("cap applied")),
        "weight_before_cap": decimal(column("before cap")),
        "geometric_mean_los": decimal(column("geometric")),
        "arithmetic_mean_los": decimal(column("arithmetic")),
        "post_acute": column("post-acute").lower() == "yes",
        "special_pay": column("special pay").lower() == "yes",
    }


def _type(path: str | Path, number: int, value: str) -> str:
    """The TYPE column as the source has it (SURG, MED, or "**" for DRGs 998/999)."""
    if value and value not in MsDrg.Type.values:
        raise ImportFileError(path, number, f"unknown MS-DRG type: {value!r}")
    return value


@transaction.atomic
def load(
    path: str | Path, spec: ReleaseSpec, fiscal_year: int, stream: TextIO | None = None
) -> ImportReport:
    release = get_release(spec)
    progress = Progress(f"{spec.name}: reading", 0, stream)
    rows = [
        {**values, "fiscal_year": fiscal_year, "release_id": release.id}
        for _number, values in progress.each(parse(path))
    ]
    report = sync_rows(
        MsDrg, ["fiscal_year", "drg"], rows, MsDrg.objects.filter(fiscal_year=fiscal_year)
    )
    progress.finish()
    return report
