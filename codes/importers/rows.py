"""Bulk, idempotent writes of indicator-style rows shared by the CMS importers."""

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import models

from ..formats import Kind
from ..models import Code, Release
from .guard import check_deletions
from .upsert import ImportReport, insert_rows, update_rows

if TYPE_CHECKING:
    from .catalogue import ReleaseSpec

Row = dict[str, Any]  # column attname → value
CodeKey = tuple[str, str]  # (system, code)

BATCH = 5000


def sync_rows(
    model: type[models.Model],
    key_fields: list[str],
    rows: list[Row],
    scope: "models.QuerySet[Any]",
    *,
    delete_missing: bool = False,
    update: bool = True,
    guard: "ReleaseSpec | None" = None,
) -> ImportReport:
    """Make `scope` (a queryset) hold `rows` (dicts of column attnames), keyed by `key_fields`.

    Creates missing rows, updates rows whose values differ (unless update=False) and,
    with delete_missing, deletes stored rows of the scope that `rows` no longer has:
    refused (guard.TooManyDeletions) when they are too large a share and `guard`, the
    release the rows come from, does not allow deletions. Tables derived from a code
    set already guarded (HCPCS categories, cross-references) pass no guard.
    A second call with the same rows writes nothing.
    """
    report = ImportReport()
    label = str(model._meta.verbose_name_plural)
    if not rows and not delete_missing:
        return report
    fields = sorted({name for row in rows for name in row} - set(key_fields)) if rows else []
    # Tuples, not dicts: a re-run compares up to 180,000 stored rows (Table 6K).
    width = len(key_fields)
    stored = {
        values[1 : width + 1]: (values[0], values[width + 1 :])
        for values in scope.values_list("pk", *key_fields, *fields)
    }
    wanted = {tuple(row[name] for name in key_fields) for row in rows}
    gone = [pk for key, (pk, _old) in stored.items() if key not in wanted] if delete_missing else []
    if guard is not None:
        check_deletions(guard.name, label, len(gone), len(stored), guard.allow_deletions)
    columns = [*key_fields, *fields]
    create, change, seen = [], [], set()
    for row in rows:
        key = tuple(row[name] for name in key_fields)
        if key in seen:
            continue  # the file lists the same key twice: first one wins
        seen.add(key)
        found = stored.get(key)
        if found is None:
            create.append([row[name] for name in columns])
        elif update and found[1] != (values := tuple(row[name] for name in fields)):
            change.append([*values, found[0]])
    insert_rows(model, columns, create, BATCH)
    update_rows(model, fields, change, BATCH)
    report[f"{label} created"] += len(create)
    report[f"{label} updated"] += len(change)
    report[f"{label} unchanged"] += len(wanted) - len(create) - len(change)
    if delete_missing:
        for start in range(0, len(gone), 900):
            model._default_manager.filter(pk__in=gone[start : start + 900]).delete()
        report[f"{label} removed"] += len(gone)
    return report


def ensure_codes(pairs: Iterable[CodeKey], release: Release) -> dict[CodeKey, int]:
    """{(system, code): id} for every pair, creating bare entries for codes the catalogue
    lacks (a CMS file may list CPT codes before the licensed descriptors are loaded)."""
    wanted = set(pairs)
    systems = {system for system, _ in wanted}
    ids = {
        (system, code): pk
        for system, code, pk in Code.objects.filter(system__in=systems).values_list(
            "system", "code", "id"
        )
    }
    missing = sorted(pair for pair in wanted if pair not in ids)
    insert_rows(
        Code,
        ["system", "code", "kind", "billable", "release_id"],
        [(system, code, Kind.CODE, True, release.id) for system, code in missing],
        BATCH,
    )
    if missing:
        rows = Code.objects.filter(system__in=systems).values_list("system", "code", "id")
        ids = {(system, code): pk for system, code, pk in rows}
    return ids
