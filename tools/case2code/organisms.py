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


def sepsis(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    """Sepsis with its organism named ("blood cultures grew E. coli") is the sepsis code
    that names it (A41.51 "Sepsis due to Escherichia coli"), not A41.9 and a B96 code;
    severe sepsis (R65.2-, "code first underlying infection") has its sepsis code, and
    sepsis with organ dysfunction said in words is severe sepsis (R65.20)."""
    found = _severe(text, found)
    at = next((i for i, d in enumerate(found) if d.code == "A41.9"), None)
    if at is None:
        return found
    rows = (
        Code.objects.in_system(System.ICD10CM)
        .filter(code__regex=r"^A4[01]", billable=True)
        .values_list("code", "long_description")
    )
    titles = [(code, title) for code, title in rows if title.lower().startswith("sepsis due to")]
    for _hit, title in _grown(text):
        name = title.lower().removeprefix("unspecified ")
        code = next(
            (r for r in titles if r[1].lower().removeprefix("sepsis due to ").startswith(name)),
            None,
        )
        if code is not None:
            was = found[at]
            return [
                *found[:at],
                Diagnosis(code[0], code[1], was.start, was.end, was.text),
                *found[at + 1 :],
            ]
    return found


ORGAN_DYSFUNCTION = re.compile(
    r"(?<!no )(?<!without )\b(?:sepsis[- ]related |acute )?organ dysfunction\b", re.I
)


def _severe(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    codes = {d.code for d in found}
    sepsis = [d for d in found if d.code[:3] in ("A40", "A41")]
    severe = [d for d in found if d.code.startswith("R65.2")]
    if severe and not sepsis:
        row = Code.objects.in_system(System.ICD10CM).filter(code="A41.9").first()
        if row is not None:
            first = severe[0]
            return [Diagnosis(row.code, row.title, first.start, first.end, first.text), *found]
    if sepsis and not severe and "R65.20" not in codes:
        said = ORGAN_DYSFUNCTION.search(text)
        row = Code.objects.in_system(System.ICD10CM).filter(code="R65.20").first()
        if said and row is not None:
            return [*found, Diagnosis(row.code, row.title, said.start(), said.end(), said.group())]
    return found


def _grown(text: str) -> list[tuple[re.Match[str], str]]:
    """The organisms the case says were found (not suspected, pending or negative)."""
    out = []
    for words, title in ORGANISMS:
        hit = re.search(rf"\b(?:{words})(?![\w-])", text, re.I)
        if not hit or NOT_GROWN.search(text[max(0, hit.start() - 40) : hit.start()]):
            continue
        if NOT_GROWN_AFTER.search(text[hit.end() : hit.end() + 40]):
            continue
        out.append((hit, title))
    return out


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    if not found or not _asked(found):
        return []
    if any(d.code[:3] in ("A40", "A41") and d.code != "A41.9" for d in found):
        return []  # the sepsis code names the organism
    known = {d.code for d in found}
    rows = None
    for hit, title in _grown(text):
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
