"""Load the bundled sample set (codes/sample_data.py) idempotently."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction

from . import pagecache, searchindex, signals
from . import sample_data as data
from .formats import Kind, System
from .importers.upsert import ImportReport, upsert
from .models import (
    Code,
    CodeHistory,
    CodeModifier,
    CodeRelation,
    CodeSection,
    FeeScheduleIndicator,
    MueLimit,
    OppsIndicator,
    Release,
    ServiceCategory,
)

DECIMAL_FIELDS = set(FeeScheduleIndicator.RVUS)


@transaction.atomic
def load_sample() -> ImportReport:
    """Write the sample set, then index it once (not row by row as admin edits are)."""
    with signals.bulk_write():
        report = _write_sample()
    for key, count in searchindex.sync().items():
        report[key] += count
    pagecache.bump()
    return report


def _write_sample() -> ImportReport:
    report = ImportReport()
    release = upsert(
        report,
        Release,
        {"key": data.SAMPLE_RELEASE["key"]},
        {"name": data.SAMPLE_RELEASE["name"], "is_sample": True},
    )
    codes = {}
    # Official order within each code set is code order here: 1, 2, 3…
    order = {
        value: position
        for group in ([*data.WORK_HARDENING, *data.CPT], data.HCPCS, data.MODIFIERS)
        for position, value in enumerate(sorted(group), start=1)
    }

    def code(system: str, value: str, kind: str = Kind.CODE, **fields: Any) -> Code:
        fields.setdefault("billable", kind == Kind.CODE)
        codes[value] = upsert(
            report,
            Code,
            {"system": system, "code": value},
            {"kind": kind, "release": release, "position": order[value], **fields},
        )
        return codes[value]

    for value, fields in data.WORK_HARDENING.items():
        code(System.CPT, value, **fields)
    for value, plain in data.CPT.items():
        code(System.CPT, value, plain_description=plain)
    for value, (long, short, betos, tos, added, plain) in data.HCPCS.items():
        entry = code(
            System.HCPCS,
            value,
            long_description=long,
            short_description=short,
            plain_description=plain,
            effective_date=date.fromisoformat(added),
        )
        _category(report, entry, ServiceCategory.Scheme.BETOS, betos, release)
        for char in tos:
            _category(report, entry, ServiceCategory.Scheme.TYPE_OF_SERVICE, char, release)
        _history(report, entry, added, "Added to HCPCS Level II.", release)
    for value, (long, short, added_on, plain) in data.MODIFIERS.items():
        entry = code(
            System.MODIFIER,
            value,
            kind=Kind.MODIFIER,
            billable=False,
            long_description=long,
            short_description=short,
            plain_description=plain,
            effective_date=date.fromisoformat(added_on) if added_on else None,
        )
        if added_on:
            _history(report, entry, added_on, "Added to HCPCS Level II.", release)

    for value, row in data.PFS.items():
        values: dict[str, Any] = dict(zip(data.PFS_FIELDS, row.split("|"), strict=True))
        for flag in ("not_used_for_payment", "nonfacility_na", "facility_na"):
            values[flag] = bool(values[flag])
        for name in DECIMAL_FIELDS:
            values[name] = Decimal(values[name]) if values[name] else None
        upsert(
            report,
            FeeScheduleIndicator,
            {"code": codes[value], "year": data.PFS_YEAR, "modifier": ""},
            {**values, "release": release},
        )

    for value, modifiers in data.CODE_MODIFIERS.items():
        for modifier in modifiers:
            upsert(
                report,
                CodeModifier,
                {"code": codes[value], "modifier": codes[modifier]},
                {},
            )

    _work_hardening_facts(report, codes["97545"], codes["97546"], release)
    return report


def _work_hardening_facts(
    report: ImportReport, primary: Code, addon: Code, release: Release
) -> None:
    for position, (title, body) in enumerate(data.SECTIONS_97546, start=1):
        upsert(
            report,
            CodeSection,
            {"code": addon, "position": position},
            {"title": title, "body": body},
        )
    upsert(
        report,
        OppsIndicator,
        {"code": addon, "year": data.PFS_YEAR},
        {"status_indicator": "A", "release": release},
    )
    _category(report, addon, ServiceCategory.Scheme.TYPE_OF_SERVICE, "1", release)
    _category(report, addon, ServiceCategory.Scheme.BETOS, "Z2", release)
    _category(
        report,
        addon,
        ServiceCategory.Scheme.CCS,
        "213",
        release,
        label="Physical therapy exercises, manipulation, and other procedures",
    )
    upsert(
        report,
        MueLimit,
        {"code": addon, "setting": "practitioner"},
        {"value": 2, "release": release},
    )
    upsert(
        report,
        CodeRelation,
        {
            "source": addon,
            "target": primary,
            "kind": CodeRelation.Kind.ADDON_OF,
            "setting": "",
        },
        {"release": release},
    )
    _history(report, addon, "1993-01-01", "First appearance in code book in 1993.", release)


def _category(
    report: ImportReport, entry: Code, scheme: str, value: str, release: Release, label: str = ""
) -> None:
    upsert(
        report,
        ServiceCategory,
        {"code": entry, "scheme": scheme, "value": value},
        {"label": label, "release": release},
    )


def _history(report: ImportReport, entry: Code, when: str, notes: str, release: Release) -> None:
    upsert(
        report,
        CodeHistory,
        {
            "code": entry,
            "date": date.fromisoformat(when),
            "action": CodeHistory.Action.ADDED,
        },
        {"notes": notes, "release": release},
    )
