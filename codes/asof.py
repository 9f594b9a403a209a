"""What was in force on a date: one answer for code pages (?date=), the claim check and
CasePilot.

A code is reportable on a date of service between its effective date and its
termination date; whether it was billable then, and which descriptor it had, follow
from its dated history (a heading that was billable before it was expanded into
subcodes, a descriptor revised since). Codes of the first release we hold have no
known start: they count as in force on any earlier date we are asked about, and the
answer says the data starts there.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .importers.codehistory import NOW_BILLABLE, WAS_DESCRIBED
from .models import Code, CodeHistory

# History actions after which a code was no longer billable, and before which it was.
ENDED_BILLING = {"deleted", "expanded"}


@dataclass(frozen=True)
class Standing:
    """A code as it stood on one day."""

    day: date
    exists: bool  # in the code set on that day (added before, not yet deleted)
    billable: bool  # valid on a claim for a service that day
    descriptor: str  # the official descriptor in force that day
    reason: str  # one sentence a coder can act on

    @property
    def valid(self) -> bool:
        return self.exists and self.billable


def standing(code: Code, history: Iterable[CodeHistory], day: date) -> Standing:
    """How `code` stood on `day`, from its dates and its history (plain data: no query)."""
    events = sorted(history, key=lambda event: event.date)
    label = code.code
    if code.effective_date and day < code.effective_date:
        reason = f"{label} took effect on {code.effective_date:%Y-%m-%d}, after {day:%Y-%m-%d}."
        return Standing(day, False, False, code.long_description, reason)
    if code.termination_date and day > code.termination_date:
        reason = f"{label} was deleted: valid through {code.termination_date:%Y-%m-%d}."
        return Standing(day, False, False, code.long_description, reason)
    later = [event for event in events if event.date > day]
    billable = code.billable and not code.is_deleted
    for event in later:  # the first change after `day` tells what held before it
        if event.action in ENDED_BILLING:
            billable = True
            break
        if event.action == "added" and event.notes == NOW_BILLABLE:
            billable = False
            break
    descriptor = code.long_description
    revised = next((e for e in later if e.action == "revised"), None)
    if revised and revised.notes.startswith(WAS_DESCRIBED):
        descriptor = revised.notes.removeprefix(WAS_DESCRIBED)
    if billable:
        reason = f"{label} was valid for services on {day:%Y-%m-%d}."
    else:
        reason = f"{label} was a heading on {day:%Y-%m-%d}: report one of its more specific codes."
    return Standing(day, True, billable, descriptor, reason)


def standing_on(system: str, value: str, day: date) -> Standing | None:
    """How a code stood on `day` (two queries), or None for a code we never held."""
    code = Code.objects.in_system(system).filter(code=value).first()
    if code is None:
        return None
    return standing(code, code.history.all(), day)
