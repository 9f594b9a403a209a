"""A code's life: when it was added, deleted or expanded, what replaced it, and whether
it was valid on a date of service (codes/asof.py, the one answer the pages use too)."""

from datetime import timedelta

from codes import asof
from codes.formats import System
from codes.models import Code, CodeHistory, CodeRelation, HcpcsIndicator

from .answer import Answer, Fact, cite, release_of
from .question import Question


def valid_on(question: Question) -> Answer:
    code = question.known[0]
    day = question.day
    if day is None:
        return history(question)
    events = list(code.history.all())
    standing = asof.standing(code, events, day)
    verdict = "yes" if standing.valid else "no"
    text = f"{'Yes' if standing.valid else 'No'}: {standing.reason}"
    facts = [Fact("Date of service", f"{day:%Y-%m-%d}")]
    if code.effective_date:
        facts.append(Fact("Effective", f"{code.effective_date:%Y-%m-%d}", release_of(code)))
    if code.termination_date:
        facts.append(Fact("Valid through", f"{code.termination_date:%Y-%m-%d}", release_of(code)))
    facts += [_event_fact(event) for event in events]
    return Answer(
        text,
        "date_of_service",
        facts,
        [cite(code, "asof-h", query=f"date={day:%Y-%m-%d}")],
        [code.code],
        verdict=verdict,
        suggestions=[f"what replaced {code.code}"] if not standing.valid else [],
    )


def _event_fact(event: CodeHistory) -> Fact:
    release = event.release.name if event.release_id and event.release else ""
    notes = f": {event.notes}" if event.notes else ""
    return Fact(f"{event.date:%Y-%m-%d}", f"{event.get_action_display()}{notes}", release)


def history(question: Question) -> Answer:
    code = question.known[0]
    events = list(code.history.select_related("release"))
    hcpcs = HcpcsIndicator.objects.filter(code=code).first()
    added = code.effective_date or (hcpcs.added_date if hcpcs else None)
    first_added = next((e for e in events if e.action == CodeHistory.Action.ADDED), None)
    # Deleted, or (since FY2026's history) "expanded": a billable code turned heading.
    ended = next((e for e in events if e.action in asof.ENDED_BILLING), None)
    replacements = _replacements(code, ended)
    facts: list[Fact] = []
    if added:
        facts.append(Fact("Added", f"{added:%Y-%m-%d}", release_of(code)))
    if code.termination_date:
        facts.append(Fact("Last valid day", f"{code.termination_date:%Y-%m-%d}", release_of(code)))
    facts += [_event_fact(event) for event in events]
    if replacements:
        facts.append(Fact("Use instead", ", ".join(r.code for r in replacements), release_of(code)))
    parts = []
    if code.is_deleted:
        until = (
            f"; its last valid day was {code.termination_date:%Y-%m-%d}"
            if code.termination_date
            else ""
        )
        parts.append(f"{code.code} was deleted{until}.")
    elif ended is not None and not code.billable:
        parts.append(
            f"{code.code} is no longer billable: since {ended.date:%Y-%m-%d} it is a heading."
        )
    if replacements:
        parts.append(f"Use instead: {', '.join(r.code for r in replacements)}.")
    if added and not code.is_deleted:
        new = " It is new in FY2026." if _fy2026(added) and code.system == System.ICD10CM else ""
        parts.append(f"{code.code} was added on {added:%Y-%m-%d}.{new}")
    elif first_added is not None and not added:
        parts.append(f"{code.code}: {first_added.notes or 'added'} ({first_added.date:%Y-%m-%d}).")
    if not parts:
        parts.append(f"Our data records no changes to {code.code}; it is in the current release.")
    anchor = "xwalk-h" if replacements and code.system == System.HCPCS else "history-h"
    citations = [cite(code, anchor if events or replacements else "")]
    citations += [cite(r) for r in replacements[:8]]
    return Answer(
        " ".join(parts),
        "history",
        facts,
        citations,
        [code.code, *(r.code for r in replacements)],
        suggestions=[f"was {code.code} valid on {added:%Y-%m-%d}"] if added else [],
    )


def _fy2026(day: object) -> bool:
    return str(day) >= "2025-10-01" and str(day) <= "2026-09-30"


def _replacements(code: Code, ended: CodeHistory | None) -> list[Code]:
    """What to report instead: a cross-reference or replacement link where the source
    gives one; for an ICD-10-CM code deleted in a split, the codes added under the same
    heading on the day after its last (same 7th character); for a code that became a
    heading, its billable codes."""
    linked = CodeRelation.objects.filter(
        source=code, kind__in=[CodeRelation.Kind.CROSSWALK, CodeRelation.Kind.REPLACED_BY]
    ).select_related("target")
    found = [relation.target for relation in linked]
    if found or code.system != System.ICD10CM:
        return found
    icd = Code.objects.in_system(System.ICD10CM).billable().select_related("release")
    if code.is_deleted and code.termination_date and code.parent_id:
        added = icd.filter(
            code__startswith=code.parent.code if code.parent else code.code,
            effective_date=code.termination_date + timedelta(days=1),
        ).order_by("position", "code")
        plain = code.code.replace(".", "")
        if len(plain) == 7:
            added = added.filter(code__endswith=plain[-1])
        return list(added)
    if ended is not None and not code.billable:
        return list(icd.filter(code__startswith=code.code).order_by("position", "code"))
    return []
