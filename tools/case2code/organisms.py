"""The infectious agent as an additional code (B95-B96) when the infection's own code
does not name it.

The tabular asks for it in a "use additional code (B95-B97) to identify infectious
agent" note at the code or a level above it (N39.0, N30, the block L00-L08); the case
names the organism apart ("culture grew E. coli"). Our table puts the organisms as notes
write them in the words of the B95-B96 titles; the code is the billable title the
catalogue holds. A negative or absent culture names nothing.
"""

import re

from codes.formats import System
from codes.models import Code, CodeNote

from .diagnoses import Diagnosis

# Ordered: the more specific wording first.
ORGANISMS = (
    (r"MRSA|methicillin[- ]resistant (?:staph\w*|S\. aureus)", "Methicillin resistant Staph"),
    (
        r"MSSA|methicillin[- ](?:susceptible|sensitive) (?:staph\w*|S\. aureus)"
        r"|staph\w* aureus|S\. aureus",
        "Methicillin susceptible Staph",
    ),
    (r"coagulase[- ]negative staph\w*|staph\w* epidermidis", "Other staphylococcus"),
    (
        r"group A strep\w*|strep\w* pyogenes|beta[- ]hemolytic strep\w* group A",
        "Streptococcus, group A",
    ),
    (r"group B strep\w*|strep\w* agalactiae", "Streptococcus, group B"),
    (r"strep\w* pneumoniae|pneumococc\w*", "Streptococcus pneumoniae"),
    (r"enterococc\w*", "Enterococcus"),
    (r"E\. ?coli|Escherichia coli", "Unspecified Escherichia coli"),
    (r"Klebsiella pneumoniae|K\. pneumoniae", "Klebsiella pneumoniae"),
    (r"Proteus(?: mirabilis)?", "Proteus"),
    (r"Pseudomonas(?: aeruginosa)?", "Pseudomonas"),
    (r"H\. influenzae|Haemophilus influenzae|Hemophilus influenzae", "Hemophilus influenzae"),
    (r"H\. pylori|Helicobacter pylori", "Helicobacter pylori"),
)
NOT_GROWN = re.compile(
    r"\b(?:no|negative|not|without|rule out|r/o|pending|awaiting)\b[^.;]{0,25}$", re.I
)
# Said after the organism: "MRSA suspected, results pending", "E. coli ruled out".
NOT_GROWN_AFTER = re.compile(
    r"^[^.;]{0,25}?\b(?:suspected|possible|possibly|likely|pending|negative|ruled out|"
    r"not (?:grown|found|isolated))\b",
    re.I,
)
ASKS = re.compile(r"\bB95\b.*\binfectious agent|\binfectious agent\b.*\bB95\b", re.I)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    if not found or not _asked(found):
        return []
    known = {d.code for d in found}
    rows = None
    for words, title in ORGANISMS:
        hit = re.search(rf"\b(?:{words})(?![\w-])", text, re.I)
        if not hit or NOT_GROWN.search(text[max(0, hit.start() - 40) : hit.start()]):
            continue
        if NOT_GROWN_AFTER.search(text[hit.end() : hit.end() + 40]):
            continue
        rows = rows or list(
            Code.objects.in_system(System.ICD10CM)
            .filter(code__regex=r"^B9[56]", billable=True)
            .values_list("code", "long_description")
        )
        code = next((r for r in rows if r[1].lower().startswith(title.lower())), None)
        if code and code[0] not in known:
            return [Diagnosis(code[0], code[1], hit.start(), hit.end(), hit.group())]
    return []


def _asked(found: list[Diagnosis]) -> bool:
    """Whether a note at a found code, a level above it or its block asks for B95-B97."""
    levels = {d.code[:n] for d in found for n in range(3, len(d.code) + 1)}
    ranges = Code.objects.in_system(System.ICD10CM).filter(code__contains="-")
    for code in ranges.values_list("code", flat=True):
        low, high = code.split("-")
        if any(low <= d.code[: len(low)] <= high for d in found):
            levels.add(code)
    notes = CodeNote.objects.filter(
        code__system=System.ICD10CM,
        code__code__in=levels,
        kind=CodeNote.Kind.USE_ADDITIONAL_CODE,
    ).values_list("text", flat=True)
    return any(ASKS.search(note) for note in notes)
