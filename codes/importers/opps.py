"""OPPS Addendum B (the "508" CSV): status indicator, APC, relative weight, payment rate.

Latin-1 CSV with preamble rows; the header row starts "HCPCS Code". Money cells look
like "$1,234.56"; unused cells hold ".". Layout: ../shared/cms-formats.md §5.
"""

import csv
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from .. import valuesets
from ..models import OppsIndicator
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .ncci import CODE, system_of
from .rows import ensure_codes, sync_rows
from .textfile import read_lines
from .upsert import ImportReport


def _money(path: str | Path, number: int, text: str) -> Decimal | None:
    text = text.replace("$", "").replace(",", "").strip()
    if text in ("", "."):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ImportFileError(path, number, f"not an amount: {text!r}") from None


OppsRow = tuple[int, str, str, str, Decimal | None, Decimal | None]


def parse(path: str | Path) -> Iterator[OppsRow]:
    """(line, code, status indicator, APC, relative weight, payment rate) per row."""
    reader = csv.reader(read_lines(path, "cp1252"))
    columns: dict[str, int] | None = None
    for cells in reader:
        cells = [" ".join(cell.split()) for cell in cells]
        if columns is None:
            if cells and cells[0].lower().startswith("hcpcs code"):
                columns = {name.lower(): index for index, name in enumerate(cells)}
                missing = {"si", "apc"} - set(columns)
                if missing:
                    raise ImportFileError(path, reader.line_num, "missing SI or APC column")
            continue
        if not cells or not CODE.match(cells[0]):
            continue
        number = reader.line_num

        def cell(name: str, cells: list[str] = cells, columns: dict[str, int] = columns) -> str:
            index = columns.get(name)
            return cells[index] if index is not None and index < len(cells) else ""

        indicator = cell("si")
        if indicator not in valuesets.OPPS_STATUS_INDICATOR:
            raise ImportFileError(path, number, f"unknown status indicator {indicator!r}")
        yield (
            number,
            cells[0],
            indicator,
            cell("apc"),
            _money(path, number, cell("relative weight")),
            _money(path, number, cell("payment rate")),
        )
    if columns is None:
        raise ImportFileError(path, None, "no header row starting 'HCPCS Code': not Addendum B")


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec, year: int | None = None) -> ImportReport:
    year = year or spec.effective_date.year
    release = get_release(spec)
    rows = list(parse(path))
    ids = ensure_codes({(system_of(code), code) for _, code, *_ in rows}, release)
    wanted = [
        {
            "code_id": ids[(system_of(code), code)],
            "year": year,
            "status_indicator": indicator,
            "apc": apc,
            "relative_weight": weight,
            "payment_rate": rate,
            "release_id": release.id,
        }
        for _line, code, indicator, apc, weight, rate in rows
    ]
    scope = OppsIndicator.objects.filter(year=year)
    return sync_rows(
        OppsIndicator, ["code_id", "year"], wanted, scope, delete_missing=True, guard=spec
    )
