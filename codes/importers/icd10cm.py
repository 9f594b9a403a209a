"""ICD-10-CM sources → catalogue: the billable code list, the tabular XML, CC/MCC lists.

Each `load_*` function parses its file (streaming; file, line and reason on error)
and applies it in one transaction; nothing is written when the file is bad.
"""

from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from django.db import transaction

from ..formats import Kind, System, format_error, normalize
from ..models import Code, ComorbidityLevel
from . import icd10cm_tabular
from .catalogue import (
    ApplyRules,
    CatalogueEntry,
    ReleaseSpec,
    Scope,
    apply_release,
    get_release,
)
from .codelists import code_rows
from .errors import ImportFileError
from .progress import Progress
from .textfile import lines_with_numbers
from .upsert import ImportReport, insert_rows


def parse_billable_list(path: str | Path) -> Iterator[CatalogueEntry]:
    """A list of valid codes: CMS `icd10cm_codes_YYYY.txt` (code, space, description)
    or a two-column CSV (code,"description"). Codes may be undotted."""
    for number, row in code_rows(path):
        if not row or not row[0].strip():
            continue
        if len(row) < 2 or not row[1].strip():
            raise ImportFileError(path, number, "expected a code and its description")
        code = normalize(System.ICD10CM, row[0])
        if error := format_error(System.ICD10CM, Kind.CODE, code):
            raise ImportFileError(path, number, error)
        yield CatalogueEntry(
            code=code,
            kind=Kind.CODE,
            long_description=" ".join(row[1].split()),
            position=number,
        )


def load_billable_list(
    path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None
) -> ImportReport:
    rules = ApplyRules(scope=Scope.BILLABLE)
    return apply_release(System.ICD10CM, spec, parse_billable_list(path), stream, rules)


def tabular_entries(
    path: str | Path, code_list: str | Path | None = None
) -> Iterator[CatalogueEntry]:
    valid = icd10cm_tabular.read_code_list(code_list) if code_list else None
    for position, entry in enumerate(icd10cm_tabular.parse(path, valid), start=1):
        yield CatalogueEntry(
            code=entry.code,
            kind=entry.kind,
            long_description=entry.description,
            parent=entry.parent,
            position=position,
            billable=entry.billable,
            notes=[(note.kind, note.character, note.text) for note in entry.notes],
        )


def load_tabular(
    path: str | Path,
    spec: ReleaseSpec,
    code_list: str | Path | None = None,
    stream: TextIO | None = None,
) -> ImportReport:
    return apply_release(System.ICD10CM, spec, tabular_entries(path, code_list), stream)


def parse_cc_list(path: str | Path) -> Iterator[tuple[int, str]]:
    """CMS Table 6I (MCC) / 6J (CC): a title line, a header, then code<TAB>description."""
    header_seen = False
    for number, line in lines_with_numbers(path, "utf-8-sig", tabs=True):
        cells = line.split("\t")
        if not header_seen:
            header_seen = cells[0].strip().lower() == "diagnosis code"
            continue
        if not cells[0].strip():
            continue
        code = normalize(System.ICD10CM, cells[0])
        if error := format_error(System.ICD10CM, Kind.CODE, code):
            raise ImportFileError(path, number, error)
        yield number, code
    if not header_seen:
        raise ImportFileError(path, None, "no 'Diagnosis Code' header row: not a CC/MCC table")


@transaction.atomic
def load_cc_mcc(
    cc_path: str | Path,
    mcc_path: str | Path,
    spec: ReleaseSpec,
    fiscal_year: int,
    stream: TextIO | None = None,
) -> ImportReport:
    """Set the FY's CC/MCC level of every listed code; drop levels no longer listed."""
    release = get_release(spec)
    progress = Progress(f"{spec.name}: reading", 0, stream)
    ids = dict(Code.objects.filter(system=System.ICD10CM).values_list("code", "id"))
    wanted: dict[int, str] = {}
    for level, path in (
        (ComorbidityLevel.Level.CC, cc_path),
        (ComorbidityLevel.Level.MCC, mcc_path),
    ):
        for number, code in progress.each(parse_cc_list(path)):
            if code not in ids:
                raise ImportFileError(path, number, f"{code} is not in the ICD-10-CM catalogue")
            wanted[ids[code]] = level
    stored = dict(
        ComorbidityLevel.objects.filter(fiscal_year=fiscal_year).values_list("code_id", "level")
    )
    report = ImportReport()
    stale = [code_id for code_id, level in stored.items() if wanted.get(code_id) != level]
    ComorbidityLevel.objects.filter(fiscal_year=fiscal_year, code_id__in=stale).delete()
    rows = [
        (code_id, fiscal_year, level, release.id)
        for code_id, level in wanted.items()
        if stored.get(code_id) != level
    ]
    insert_rows(ComorbidityLevel, ["code_id", "fiscal_year", "level", "release_id"], rows)
    report["CC/MCC levels written"] += len(rows)
    report["CC/MCC levels removed"] += len(set(stale) - set(wanted))
    report["CC/MCC levels unchanged"] += len(wanted) - len(rows)
    progress.finish()
    return report
