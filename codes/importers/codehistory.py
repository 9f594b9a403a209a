"""The history a coder wants to see, derived by comparing a release with what is stored:
added, revised (descriptor changed), deleted, expanded (a billable code turned heading)
and reinstated."""

import unicodedata
from datetime import date
from typing import NamedTuple

from ..models import Code, CodeHistory, Release
from .upsert import BATCH, ImportReport, insert_rows

QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class CodeRow(NamedTuple):
    """The stored fields of a code that a release sets, in the order they are written;
    comparing two rows is one tuple comparison."""

    kind: str
    parent_id: int | None
    position: int
    billable: bool
    short_description: str
    long_description: str
    status: str
    termination_date: date | None
    release_id: int


Event = tuple[str, str, str]  # (code, action, notes)
# Notes whose wording the date-of-service view reads back (codes/asof.py).
NOW_BILLABLE = "Now a billable code."
WAS_DESCRIBED = "Description was: "


def changes(code: str, old: CodeRow, want: CodeRow) -> list[Event]:
    """Events for a code the release keeps, going from `old` to `want`."""
    events: list[Event] = []
    if old.status == Code.Status.DELETED:
        events.append((code, CodeHistory.Action.REINSTATED, "Back in the code set."))
    elif old.billable and not want.billable:
        events.append(
            (
                code,
                CodeHistory.Action.EXPANDED,
                "No longer billable: now a heading; report one of its more specific codes.",
            )
        )
    elif want.billable and not old.billable:
        events.append((code, CodeHistory.Action.ADDED, NOW_BILLABLE))
    before, after = old.long_description, want.long_description
    if before and before != after and fold(before) != fold(after):
        events.append((code, CodeHistory.Action.REVISED, f"{WAS_DESCRIBED}{before}"))
    return events


def fold(text: str) -> str:
    """Text as a coder reads it: accents, curly quotes and case are not a revision
    (CMS lists are ASCII, the CDC XML is not: "Sezary" vs "Sézary")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(QUOTES).casefold()


def write_history(
    events: list[Event], ids: dict[str, int], day: date, release: Release, report: ImportReport
) -> None:
    """Store the events on `day`, skipping any (code, action) already stored that day."""
    existing = set(
        CodeHistory.objects.filter(
            date=day, code_id__in=[ids[code] for code, _, _ in events]
        ).values_list("code_id", "action")
    )
    rows = []
    for code, action, notes in events:
        key = (ids[code], action)
        if key not in existing:
            existing.add(key)
            rows.append((ids[code], day, action, notes, release.id))
    insert_rows(CodeHistory, ["code_id", "date", "action", "notes", "release_id"], rows, BATCH)
    report["code history created"] += len(rows)
