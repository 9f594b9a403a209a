"""Apply one release of a code set to the catalogue: bulk upsert plus history.

Every code-set importer turns its file into `CatalogueEntry` records and calls
`apply_release()`. It compares the release with what is stored, writes only the
differences in one transaction, and records the history a coder wants to see
(`codehistory`). Loading the same release twice writes nothing.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from .. import pagecache
from ..models import Code, CodeHistory, CodeNote, Release
from .codehistory import CodeRow, Event, changes, write_history
from .guard import check_deletions
from .progress import Progress
from .upsert import ImportReport, insert_rows, update_rows

FIELDS = list(CodeRow._fields)
Note = tuple[str, str, str]  # (kind, character, text)


@dataclass
class CatalogueEntry:
    """One entry of a release as its importer read it, before it meets the database."""

    code: str
    kind: str
    long_description: str
    parent: str | None = None
    position: int = 0
    billable: bool = True
    short_description: str = ""
    notes: list[Note] | None = None
    """In order; None when the source carries no notes (its stored notes stay)."""
    effective_date: date | None = None
    """Sources that date codes themselves (HCPCS): first valid day…"""
    termination_date: date | None = None
    """…and last valid day."""


@dataclass(frozen=True)
class ReleaseSpec:
    """One release of one source, as the operator or the bundled-data table names it."""

    key: str
    """Unique slug of the Release row ("icd10cm-2025-10-01"); loading it again updates it."""
    name: str
    """The vintage pages print beside the data ("ICD-10-CM FY2026 (October 1 2025)")."""
    source: str
    """The series it belongs to (icd10cm, hcpcs, …): an older release of a series is refused."""
    effective_date: date
    """The day it takes effect, from the release's own declaration: history carries this
    date and codes it drops end the day before."""
    changes_dated: date | None = None
    """When the changes against the previous release took effect, if not on
    effective_date: the CDC's April 1 2026 files carry the FY2026 changes, in force
    since 2025-10-01 (their own <version> says fiscal year 2026)."""
    allow_deletions: bool = False
    """The operator's --allow-deletions: accept a release that would delete more than
    guard.DELETION_GUARD of a code set's active codes (normally a sign of a damaged file)."""


class Scope(StrEnum):
    FULL = "full"
    BILLABLE = "billable"


@dataclass(frozen=True)
class ApplyRules:
    """How one source's release is compared with the stored code set."""

    scope: Scope = Scope.FULL
    """FULL: the release lists every entry, so a stored entry it lacks is deleted.
    BILLABLE: it lists billable codes only, so stored headings are left alone."""
    dated_by_source: bool = False
    """True when the file dates its own actions (HCPCS add dates and action codes): no
    history is derived by comparing releases."""
    owns: Callable[[str], bool] | None = None
    """Which stored codes of the system the release speaks for (HCPCS modifier records
    speak for Level II modifiers, never CPT's numeric ones); None: all of them."""


class StaleRelease(Exception):
    """A newer release of the same source is already applied."""


def get_release(spec: ReleaseSpec) -> Release:
    """The Release row for `spec`; refuses one older than what the catalogue holds."""
    newer = (
        Release.objects.filter(source=spec.source, effective_date__gt=spec.effective_date)
        .order_by("-effective_date")
        .first()
    )
    if newer:
        raise StaleRelease(f"{spec.name} is older than the stored {newer.name}")
    transaction.on_commit(pagecache.bump)  # cached code pages are stale once this commits
    release, _ = Release.objects.update_or_create(
        key=spec.key,
        defaults={"name": spec.name, "source": spec.source, "effective_date": spec.effective_date},
    )
    return release


@transaction.atomic
def apply_release(
    system: str,
    spec: ReleaseSpec,
    entries: Iterable[CatalogueEntry],
    stream: TextIO | None = None,
    rules: ApplyRules = ApplyRules(),
) -> ImportReport:
    """Make the stored `system` codes match the release; return what changed."""
    report = ImportReport()
    release = get_release(spec)
    entries = _read(spec.name, entries, stream)
    stored = {
        code: (pk, CodeRow(*values))
        for pk, code, *values in Code.objects.filter(system=system).values_list(
            "id", "code", *FIELDS
        )
    }
    baseline = not stored  # a first load is the starting point, not a change
    gone = _left_out(system, spec, stored, {e.code for e in entries}, rules)
    day = spec.changes_dated or spec.effective_date
    history: list[Event] = []
    progress = Progress(f"{spec.name}: writing", len(entries) * 2, stream)

    # 1. New codes (parents are linked in step 2, once every row has an id).
    new = [e for e in entries if e.code not in stored]
    insert_rows(
        Code,
        ["system", "code", "effective_date", *FIELDS],
        (
            (system, e.code, e.effective_date or (None if baseline else day), *row)
            for e in progress.each(new)
            for row in [_wanted(e, day, release.id, None)]
        ),
    )
    ids = dict(Code.objects.filter(system=system).values_list("code", "id"))
    if not rules.dated_by_source:
        history += [(e.code, CodeHistory.Action.ADDED, "") for e in new if e.billable]

    # 2. Every entry of the release: compare, then update what differs.
    changed: list[tuple[int, CodeRow]] = []
    updated = 0
    for e in progress.each(entries):
        want = _wanted(e, day, release.id, ids.get(e.parent) if e.parent else None)
        if e.code not in stored:  # inserted above with no parent
            if want.parent_id is not None:
                changed.append((ids[e.code], want))
            continue
        pk, old = stored[e.code]
        if old != want:
            changed.append((pk, want))
            updated += 1
            if not baseline and not rules.dated_by_source:
                history += changes(e.code, old, want)

    # 3. Stored codes the release no longer has.
    last_day = day - timedelta(days=1)
    for code, pk, old in gone:
        parent_id = old.parent_id or _nearest_ancestor(code, ids)
        changed.append(
            (
                pk,
                old._replace(
                    status=Code.Status.DELETED,
                    billable=False,
                    parent_id=parent_id,
                    termination_date=last_day,
                    release_id=release.id,
                ),
            )
        )
        if not rules.dated_by_source:
            history.append((code, CodeHistory.Action.DELETED, "Removed from the code set."))
    now = timezone.now()
    update_rows(Code, [*FIELDS, "updated_at"], ((*row, now, pk) for pk, row in changed))
    report["codes created"] += len(new)
    report["codes updated"] += updated
    report["codes deleted"] += len(gone)
    report["codes unchanged"] += len(entries) - len(new) - updated

    # 4. Notes and history.
    if any(e.notes is not None for e in entries):
        _sync_notes(system, entries, ids, report)
    if not baseline:
        write_history(history, ids, day, release, report)
    progress.finish()
    return report


def _read(
    name: str, entries: Iterable[CatalogueEntry], stream: TextIO | None
) -> list[CatalogueEntry]:
    """The whole release in memory (it is compared twice), counted as the file is parsed."""
    progress = Progress(f"{name}: reading", 0, stream)
    read = list(progress.each(entries))
    progress.finish()
    return read


def _left_out(
    system: str,
    spec: ReleaseSpec,
    stored: dict[str, tuple[int, CodeRow]],
    in_release: set[str],
    rules: ApplyRules,
) -> list[tuple[str, int, CodeRow]]:
    """The stored active codes the release speaks for but no longer lists.

    Refuses the release (guard.TooManyDeletions) when they are too large a share.
    Codes another source's file put there bare (`rows.ensure_codes`: a 2025 fee
    schedule lists HCPCS codes a 2019 HCPCS file never had) are not this release's to
    delete: it says nothing about them.
    """
    others = set(
        Release.objects.exclude(source__in=["", spec.source])
        .filter(is_sample=False)
        .values_list("id", flat=True)
    )
    spoken_for = [
        (code, pk, old)
        for code, (pk, old) in stored.items()
        if old.status != Code.Status.DELETED
        and (rules.owns is None or rules.owns(code))
        and (rules.scope == Scope.FULL or old.billable)  # a billable list skips headings
        and old.release_id not in others
    ]
    gone = [item for item in spoken_for if item[0] not in in_release]
    check_deletions(
        spec.name, f"active {system} codes", len(gone), len(spoken_for), spec.allow_deletions
    )
    return gone


def _wanted(e: CatalogueEntry, day: date, release_id: int, parent_id: int | None) -> CodeRow:
    """The stored form of an entry."""
    ended = e.termination_date is not None and e.termination_date < day
    return CodeRow(
        kind=e.kind,
        parent_id=parent_id,
        position=e.position,
        billable=e.billable and not ended,
        short_description=e.short_description,
        long_description=e.long_description,
        status=Code.Status.DELETED if ended else Code.Status.ACTIVE,
        termination_date=e.termination_date,
        release_id=release_id,
    )


def _nearest_ancestor(code: str, ids: dict[str, int]) -> int | None:
    """A code loaded from a flat list has no parent; hang it under its longest stored
    prefix (S30.1XXA under S30.1) so its page still leads somewhere."""
    for end in range(len(code) - 1, 0, -1):
        prefix = code[:end].rstrip(".")
        if prefix in ids and prefix != code:
            return ids[prefix]
    return None


def _sync_notes(
    system: str, entries: list[CatalogueEntry], ids: dict[str, int], report: ImportReport
) -> None:
    """Replace the notes of each code whose notes differ from the release's."""
    stored: dict[int, list[Note]] = defaultdict(list)
    for code_id, kind, character, text in (
        CodeNote.objects.filter(code__system=system)
        .order_by("code_id", "position")
        .values_list("code_id", "kind", "character", "text")
    ):
        stored[code_id].append((kind, character, text))
    for notes in stored.values():
        notes.sort(key=lambda note: note[0])  # by kind, keeping position order within it
    stale: list[int] = []
    rows: list[tuple[int, str, int, str, str]] = []
    for e in entries:
        if e.notes is None:
            continue
        code_id = ids[e.code]
        want = sorted(e.notes, key=lambda note: note[0])  # stable: keeps order within a kind
        if stored.get(code_id, []) == want:
            continue
        stale.append(code_id)
        positions: dict[str, int] = defaultdict(int)
        for kind, character, text in want:
            positions[kind] += 1
            rows.append((code_id, kind, positions[kind], character, text))
    for start in range(0, len(stale), 500):
        CodeNote.objects.filter(code_id__in=stale[start : start + 500]).delete()
    insert_rows(CodeNote, ["code_id", "kind", "position", "character", "text"], rows)
    report["code notes written"] += len(rows)
    report["codes with notes replaced"] += len(stale)
