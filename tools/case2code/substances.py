"""Substance use disorders as the Index words them, and remission.

The Index sends the DSM wording to the F10-F19 axes: "Disorder, alcohol use, mild
F10.10; moderate F10.20; severe F10.20", each "in remission" to .11 / .21. A case that
says the patient has stayed off the substance ("sober 5 months", "abstinent since
spring", "in early remission") makes abuse or dependence "in remission"; a use disorder
with a severity is never the unspecified "use" code. The code is the catalogue's: the
same substance's category with the abuse or dependence axis, checked by its title.
"""

import re

from codes.formats import System
from codes.models import Code

from .diagnoses import Diagnosis

SENTENCE = re.compile(r"[^.\n]+")  # a remission may follow a semicolon
SEVERITY = re.compile(r"\buse disorder\b[^.;]{0,20}?\b(mild|moderate|severe)\b", re.I)
SEVERITY_BEFORE = re.compile(r"\b(mild|moderate|severe)\s+\w+\s+use disorder\b", re.I)
REMISSION = re.compile(
    r"\bin (?:early |sustained |full |partial )?remission\b|\b(?:sober|abstinent|clean)\b"
    r"|\bsobriety\b|\bno (?:drinking|alcohol use|use) (?:for|since)\b",
    re.I,
)
RELAPSE = re.compile(r"\b(?:relaps\w*|resumed|drinking again|using again)\b", re.I)
# The substance categories with the abuse / dependence / use axes (nicotine has none).
AXES = re.compile(r"^F1[0-689]\.[129][01]$")


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    out = []
    for d in found:
        if AXES.match(d.code):
            d = _axis(text, d) or d
        out.append(d)
    return out


def _axis(text: str, found: Diagnosis) -> Diagnosis | None:
    sentence = next(
        (s for s in SENTENCE.finditer(text) if s.start() <= found.start < s.end()), None
    )
    if sentence is None:
        return None
    said = sentence.group()
    severity = SEVERITY.search(said) or SEVERITY_BEFORE.search(said)
    kind = found.code[4]
    if severity:
        kind = "1" if severity.group(1).lower() == "mild" else "2"
    if kind == "9":
        return None  # use without abuse or dependence said: leave it as found
    remission = REMISSION.search(said) and not RELAPSE.search(said)
    code = f"{found.code[:4]}{kind}{'1' if remission else '0'}"
    if code == found.code:
        return None
    row = Code.objects.in_system(System.ICD10CM).filter(code=code, billable=True).first()
    wanted = ", in remission" if remission else ", uncomplicated"
    if row is None or not row.title.endswith(wanted):
        return None
    return Diagnosis(row.code, row.title, found.start, found.end, found.text)
