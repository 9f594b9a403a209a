"""Codes an instructional note asks for beside a diagnosis, when the case says what the
note names: E11's "use additional code to identify control using: insulin (Z79.4)" with
a case that says the patient uses insulin; N18.6's "dialysis status (Z99.2)".

The notes are the catalogue's own (inherited from every level above the code); a note
is followed only when it names one billable code and every word of its item is in the
case, not negated.
"""

import re

from codes.formats import System
from codes.models import Code, CodeNote
from codes.notelinks import TOKEN

from .diagnoses import Diagnosis
from .matching import negated_stems
from .words import stems, words

GENERIC = stems("code identify use additional status control using if applicable any")
# A sentence about what may come (a transplant evaluation, dialysis being planned) says
# nothing the patient has now.
PLANNED = re.compile(
    r"[^.;\n]*\b(?:awaiting|candidate|evaluat\w*|referr\w*|planned|planning|scheduled|"
    r"recommended|consider\w*|discuss\w*|will|may need|waitlist\w*)\b[^.;\n]*",
    re.I,
)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    if not found:
        return []
    levels = {code[:n] for d in found for code in [d.code] for n in range(3, len(code) + 1)}
    notes = CodeNote.objects.filter(
        code__system=System.ICD10CM,
        code__code__in=levels,
        kind=CodeNote.Kind.USE_ADDITIONAL_CODE,
    ).values_list("text", flat=True)
    now = PLANNED.sub(lambda m: " " * len(m.group()), text)
    case_words = words(now)
    said = {w.stem for w in case_words} - negated_stems(now)
    wanted: dict[str, set[str]] = {}
    for note in notes:
        mentions = list(TOKEN.finditer(note))
        if len(mentions) != 1 or mentions[0][2] or note[mentions[0].end() - 1 :].startswith("-"):
            continue
        item = stems(note[: mentions[0].start()].split(":")[-1]) - GENERIC
        if item and item <= said:
            wanted.setdefault(mentions[0][1], item)
    known = {d.code for d in found}
    rows = Code.objects.in_system(System.ICD10CM).filter(
        code__in=set(wanted) - known, billable=True
    )
    added = []
    for row in rows:
        first = next(w for w in case_words if w.stem in wanted[row.code])
        added.append(
            Diagnosis(row.code, row.title, first.start, first.end, text[first.start : first.end])
        )
    return added
