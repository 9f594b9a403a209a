"""NCCI medically unlikely edits: `MCR_MUE_{Practitioner|OutpatientHospital|DMESupplier}Services*`.

CSV with a quoted, multi-line AMA preamble; the header row starts "HCPCS/CPT Code".
Columns: code, MUE value, adjudication indicator ("2 Date of Service Edit: Policy":
the first character), rationale. Layout: ../shared/cms-formats.md §4.
"""

import csv
import re
from pathlib import Path

from django.db import transaction

from .. import valuesets
from ..models import MueLimit
from .catalogue import ReleaseSpec, get_release
from .errors import ImportFileError
from .ncci import CODE, system_of
from .rows import ensure_codes, sync_rows
from .textfile import read_lines
from .upsert import ImportReport


def setting_of(path: str | Path, header_text: str = "") -> str:
    text = (Path(path).name + " " + header_text).lower().replace(" ", "")
    if "outpatient" in text or "hospital" in text:
        return "outpatient"
    if "dme" in text:
        return "dme"
    return "practitioner"


MueRow = tuple[int, str, int, str, str]  # (line, code, value, indicator, rationale)


def parse(path: str | Path) -> tuple[str, list[MueRow]]:
    """(setting, [(line, code, value, indicator, rationale)])."""
    reader = csv.reader(read_lines(path, "cp1252"))
    header, rows = None, []
    for cells in reader:
        cells = [" ".join(cell.split()) for cell in cells]
        if header is None:
            if cells and cells[0].upper().startswith("HCPCS"):
                header = cells
            continue
        if not cells or not CODE.match(cells[0]):
            continue
        number = reader.line_num
        if len(cells) < 3:
            raise ImportFileError(path, number, "expected code, MUE value and indicator")
        if not re.fullmatch(r"\d+", cells[1]):
            raise ImportFileError(path, number, f"MUE value is not a whole number: {cells[1]!r}")
        indicator = cells[2][:1]
        if indicator not in valuesets.MUE_ADJUDICATION:
            raise ImportFileError(path, number, f"unknown adjudication indicator {cells[2]!r}")
        rationale = cells[3] if len(cells) > 3 else ""
        rows.append((number, cells[0], int(cells[1]), indicator, rationale))
    if header is None:
        raise ImportFileError(path, None, "no header row starting 'HCPCS': not an MUE table")
    if not rows:
        raise ImportFileError(path, None, "no MUE rows")
    return setting_of(path, " ".join(header)), rows


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec) -> ImportReport:
    setting, rows = parse(path)
    release = get_release(spec)
    ids = ensure_codes({(system_of(code), code) for _, code, *_ in rows}, release)
    wanted = [
        {
            "code_id": ids[(system_of(code), code)],
            "setting": setting,
            "value": value,
            "adjudication_indicator": indicator,
            "rationale": rationale[:120],
            "effective_date": spec.effective_date,
            "release_id": release.id,
        }
        for _line, code, value, indicator, rationale in rows
    ]
    scope = MueLimit.objects.filter(setting=setting)
    return sync_rows(
        MueLimit, ["code_id", "setting"], wanted, scope, delete_missing=True, guard=spec
    )
