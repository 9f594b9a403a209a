"""HCPCS Level II annual/quarterly file → catalogue, indicators and dated history.

Codes and modifiers go through `apply_release` (the file dates its own actions);
BETOS, type of service, pricing and coverage indicators, cross-references and the
history from the file's own add dates and action codes are synced beside them.
Reading the file: `hcpcs_file`.
"""

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from django.db import transaction

from .. import valuesets
from ..formats import Kind, System
from ..models import Code, CodeHistory, CodeRelation, HcpcsIndicator, Release, ServiceCategory
from .catalogue import ApplyRules, CatalogueEntry, ReleaseSpec, apply_release, get_release
from .hcpcs_file import HcpcsRecord, parse
from .rows import CodeKey, Row, sync_rows
from .upsert import ImportReport

__all__ = ["HcpcsRecord", "load", "parse"]
RecordId = Callable[[HcpcsRecord], int]  # a record's stored code id


@transaction.atomic
def load(path: str | Path, spec: ReleaseSpec, stream: TextIO | None = None) -> ImportReport:
    """Apply one HCPCS release: codes and modifiers, then indicators, then history."""
    records = list(parse(path))
    report = ImportReport()
    procedures = [r for r in records if not r.modifier]
    modifiers = [r for r in records if r.modifier]
    dated = ApplyRules(dated_by_source=True)  # the file dates its own actions
    codes = _entries(procedures, Kind.CODE)
    report.update(apply_release(System.HCPCS, spec, codes, stream, dated))
    level_two = replace(dated, owns=lambda code: not code.isdigit())
    report.update(
        apply_release(System.MODIFIER, spec, _entries(modifiers, Kind.MODIFIER), None, level_two)
    )
    release = get_release(spec)
    ids = {
        (system, code): pk
        for system, code, pk in Code.objects.filter(
            system__in=[System.HCPCS, System.MODIFIER]
        ).values_list("system", "code", "id")
    }

    def key(record: HcpcsRecord) -> int:
        return ids[(System.MODIFIER if record.modifier else System.HCPCS, record.code)]

    report.update(_indicators(records, key, release))
    report.update(_categories(procedures, key, release))
    report.update(_history(records, key, release))
    report.update(_cross_references(procedures, key, ids, release))
    return report


def _entries(records: list[HcpcsRecord], kind: str) -> Iterator[CatalogueEntry]:
    for position, record in enumerate(records, start=1):
        yield CatalogueEntry(
            code=record.code,
            kind=kind,
            long_description=record.long_description,
            short_description=record.short,
            position=position,
            billable=kind == Kind.CODE,
            effective_date=record.added,
            termination_date=record.terminated,
        )


def _indicators(records: list[HcpcsRecord], key: RecordId, release: Release) -> ImportReport:
    rows = [
        {
            "code_id": key(record),
            "pricing": record.pricing,
            "multiple_pricing": record.multiple_pricing,
            "coverage": record.coverage,
            "asc_group": record.asc_group,
            "processing_note": record.processing_note,
            "lab_certifications": record.lab_certifications,
            "action": record.action,
            "action_effective_date": record.action_effective,
            "added_date": record.added,
            "release_id": release.id,
        }
        for record in records
    ]
    return sync_rows(
        HcpcsIndicator,
        ["code_id"],
        rows,
        HcpcsIndicator.objects.filter(code_id__in=[r["code_id"] for r in rows]),
    )


def _categories(records: list[HcpcsRecord], key: RecordId, release: Release) -> ImportReport:
    rows: list[Row] = []
    for record in records:
        if record.betos:
            rows.append(
                {
                    "code_id": key(record),
                    "scheme": "betos",
                    "value": record.betos,
                    "label": "",
                    "release_id": release.id,
                }
            )
        for value in record.type_of_service:
            rows.append(
                {
                    "code_id": key(record),
                    "scheme": "tos",
                    "value": value,
                    "label": "",
                    "release_id": release.id,
                }
            )
    scope = ServiceCategory.objects.filter(code__system=System.HCPCS, scheme__in=["betos", "tos"])
    return sync_rows(
        ServiceCategory, ["code_id", "scheme", "value"], rows, scope, delete_missing=True
    )


ACTION_HISTORY = {
    "A": CodeHistory.Action.ADDED,
    "D": CodeHistory.Action.DELETED,
    "R": CodeHistory.Action.REINSTATED,
    "B": CodeHistory.Action.REVISED,
    "C": CodeHistory.Action.REVISED,
    "S": CodeHistory.Action.REVISED,
    "F": CodeHistory.Action.REVISED,
    "P": CodeHistory.Action.REVISED,
    "T": CodeHistory.Action.REVISED,
}


def _history(records: list[HcpcsRecord], key: RecordId, release: Release) -> ImportReport:
    """Added on the file's add date; the action code on its action effective date."""
    events: dict[tuple[int, date, str], str] = {}
    for record in records:
        code_id = key(record)
        if record.added:
            events[(code_id, record.added, CodeHistory.Action.ADDED)] = "Added to HCPCS Level II."
        action = ACTION_HISTORY.get(record.action)
        when = record.action_effective or release.effective_date
        if action and when and (code_id, when, action) not in events:
            events[(code_id, when, action)] = (
                f"{valuesets.HCPCS_ACTION[record.action]} ({release.name})."
            )
    rows = [
        {
            "code_id": code_id,
            "date": when,
            "action": action,
            "notes": notes,
            "release_id": release.id,
        }
        for (code_id, when, action), notes in events.items()
    ]
    scope = CodeHistory.objects.filter(code_id__in={row["code_id"] for row in rows})
    # History accumulates: existing events stay as they were first written.
    return sync_rows(CodeHistory, ["code_id", "date", "action"], rows, scope, update=False)


def _cross_references(
    records: list[HcpcsRecord], key: RecordId, ids: dict[CodeKey, int], release: Release
) -> ImportReport:
    """XREF: the code to use instead of a deleted or non-Medicare code."""
    rows: list[Row] = []
    for record in records:
        for target in record.cross_references:
            target_id = ids.get((System.HCPCS, target))
            if target_id and target_id != key(record):
                rows.append(
                    {
                        "source_id": key(record),
                        "target_id": target_id,
                        "kind": CodeRelation.Kind.CROSSWALK,
                        "setting": "",
                        "release_id": release.id,
                    }
                )
    scope = CodeRelation.objects.filter(
        kind=CodeRelation.Kind.CROSSWALK, source__system=System.HCPCS
    )
    return sync_rows(
        CodeRelation,
        ["source_id", "kind", "target_id", "setting"],
        rows,
        scope,
        delete_missing=True,
    )
