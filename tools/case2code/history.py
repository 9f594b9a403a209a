"""Family history codes (Z80-Z84) for a relative's condition the case names, and
personal history codes (Z85) for a cancer whose treatment is over.

DetectICD10CM finds "her father had a heart attack" as I21.9 with the status *family*,
which is never the patient's code; a coder reports the family history instead when it
bears on the care. Each Z80-Z84 code says in the tabular which conditions it covers
("Conditions classifiable to I00-I5A, I65-I99"); the relative's code is looked up in
those ranges, never in a table of ours.
"""

import re

from codes.formats import System
from codes.models import Code, CodeNote

CLASSIFIABLE = re.compile(r"^Conditions classifiable (elsewhere )?(in|to) (.+)$")
RANGE = re.compile(r"([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:\.-)?(?:-([A-Z]\d[0-9A-Z]))?")
FAMILY_BLOCK = r"^Z8[0-4]"
CANCER_HISTORY_BLOCK = r"^Z85"


def _ranges(block: str) -> tuple[tuple[str, str, str, bool], ...]:
    """(low, high, family history code, `elsewhere`) for every range a note names."""
    notes = CodeNote.objects.filter(
        code__system=System.ICD10CM,
        code__code__regex=block,
        kind=CodeNote.Kind.INCLUSION_TERM,
        text__startswith="Conditions classifiable",
    ).values_list("code__code", "text")
    out = []
    for owner, text in notes:
        said = CLASSIFIABLE.match(text.strip())
        if said is None:
            continue
        for low, high in RANGE.findall(said.group(3)):
            out.append((low, high or low, owner, bool(said.group(1))))
    return tuple(out)  # read per case: a few dozen rows, and tests load their own data


def code_for(relative: str, block: str = FAMILY_BLOCK) -> tuple[str, str] | None:
    """The billable history code of `block` (and its title) for the condition coded
    `relative`: the range that names it, a specific range before an "elsewhere in" one."""
    hits = [
        (elsewhere, -len(owner), owner)
        for low, high, owner, elsewhere in _ranges(block)
        if relative.startswith(low) or low <= relative[: len(high)] <= high
    ]
    if not hits:
        return None
    owner = min(hits)[2]
    rows = list(
        Code.objects.in_system(System.ICD10CM)
        .filter(code__startswith=owner, billable=True)
        .order_by("code")
        .values_list("code", "long_description")
    )
    if len(rows) < 2:
        return rows[0] if rows else None
    parent = Code.objects.in_system(System.ICD10CM).filter(code=owner).first()
    heading = parent.long_description if parent else ""
    # a child that names the condition's own site ("prostate" under genital organs)
    own = Code.objects.in_system(System.ICD10CM).filter(code=relative).first()
    site = _site_words(own.long_description) - _site_words(heading) if own else set()
    named = [r for r in rows if site & _site_words(r[1])]
    if named:
        return max(named, key=lambda r: len(site & _site_words(r[1])))
    # the child titled as its heading, else the "other" one: what is not singled out
    same = [r for r in rows if r[1] == heading]
    other = [r for r in rows if "other" in r[1].lower()]
    return (same or other or rows)[0]


GENERIC = frozenset(
    [
        "malignant",
        "neoplasm",
        "of",
        "and",
        "or",
        "the",
        "unspecified",
        "other",
        "site",
        "sites",
        "part",
        "parts",
        "female",
        "male",
        "right",
        "left",
        "personal",
        "family",
        "history",
        "overlapping",
        "lesion",
    ]
)


def _site_words(title: str) -> set[str]:
    return set(re.findall(r"[a-z]+", title.lower())) - GENERIC
