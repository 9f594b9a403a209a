"""The reason for a preventive encounter, from the service the case reports.

A screening, a vaccine or a wellness visit is reported with an ICD-10-CM Z code that
states why the patient came (Official Guidelines I.C.21: screening, immunization,
general examination), which DetectICD10CM does not list because no condition is
named. Each rule searches the catalogue for the title the guidelines point to and keeps
a hit only when its title says the same thing; nothing is written per code.
"""

import re

from codes.formats import System
from codes.search import search

from .counting import Procedure
from .diagnoses import Diagnosis
from .words import stems

# A descriptor's adjective → the organ an ICD-10-CM screening title names.
ORGANS = {
    "colorectal": "colon",
    "colonoscopy": "colon",
    "papanicolaou": "cervix",
    "pap": "cervix",
    "cervical": "cervix",
    "prostate": "prostate",
    "mammography": "breast",
    "mammogram": "breast",
    "breast": "breast",
    "lung": "respiratory organs",  # Z12.2 names the organ system
}
SCREENING = re.compile(r"\bscreening\b", re.IGNORECASE)
VACCINE = re.compile(r"\b(?:vaccines?|immuni[sz]ation|toxoid)\b", re.IGNORECASE)
WELLNESS = re.compile(r"\b(?:wellness visit|preventive (?:medicine )?visit|physical exam)", re.I)
# The visit itself, as a case names it ("Physical exam:" is a section, not a visit).
VISIT = re.compile(
    r"\b(?:wellness|preventive(?: medicine| health)?|well[- ](?:child|baby|adolescent))"
    r"\s+(?:visit|exam(?:ination)?|check(?:[- ]?up)?)\b"
    r"|\b(?:annual|yearly|routine) (?:physical|check[- ]?up|health (?:exam|check))",
    re.I,
)
# An abnormal finding the case reports; "no abnormal findings" is not one.
ABNORMAL = re.compile(r"(?<!no )(?<!without )\babnormal (?:finding|result)s?\b", re.I)
# "no new complaints or abnormal findings": the "no" reaches across the list
NO_ABNORMAL = re.compile(r"\b(?:no|without)\b[^.;]{0,40}\babnormal (?:finding|result)s?\b", re.I)
CHILD = re.compile(
    r"\bwell[- ](?:child|baby|adolescent)\b|\b(?:infant|toddler|newborn|boy|girl|child)\b"
    r"|\b(\d{1,2})[- ]?(?:y/?o|yo|years?[- ]old|-year-old|months?[- ]old)\b",
    re.I,
)
# A vaccine given at the visit (Z23), whether or not its product code was found.
_SHOT = (
    r"\b(?:vaccines?|vaccinations?|immuni[sz]ations?|boosters?|flu shot|toxoids?|"
    r"Tdap|DTaP|Td|IPV|MMRV?|Hib|PCV\d*|PPSV\d*)\b"
)
GIVEN_VACCINE = re.compile(
    rf"{_SHOT}[^.;]*?\b(?:given|administered|received)\b"
    rf"|\b(?:given|administered|received|receives|gets)\b[^.;]*?{_SHOT}",
    re.I,
)
# Not given at this visit: refused, put off, or given before.
REFUSED = re.compile(
    r"\b(?:declin\w*|refus\w*|defer\w*|not|no|due|will|last|ago|previously|prior|"
    r"up to date|in (?:19|20)\d\d)\b",
    re.I,
)
SENTENCE = re.compile(r"[^.;\n]+")


def find(text: str, procedures: list[Procedure], descriptors: dict[str, str]) -> list[Diagnosis]:
    """Z codes for the reasons of the preventive services among `procedures`
    (`descriptors`: code → its descriptor text)."""
    found: dict[str, Diagnosis] = {}
    for procedure in procedures:
        said = f"{descriptors.get(procedure.code, '')} {procedure.text}"
        reason = None
        if SCREENING.search(said):
            reason = _screening(said)
        elif VACCINE.search(said):
            reason = _titled("encounter for immunization", "encounter for immunization", "")
        elif WELLNESS.search(said):
            reason = _wellness(text)
        if reason is not None and reason[0] not in found:
            code, title = reason
            found[code] = Diagnosis(code, title, procedure.start, procedure.end, procedure.text)
    if not any(code.startswith("Z23") for code in found):
        for sentence in SENTENCE.finditer(text):
            shot = GIVEN_VACCINE.search(sentence.group())
            if shot is None or REFUSED.search(sentence.group()):
                continue
            reason = _titled("encounter for immunization", "encounter for immunization", "")
            if reason is not None:
                start = sentence.start() + shot.start()
                end = sentence.start() + shot.end()
                found[reason[0]] = Diagnosis(*reason, start, end, text[start:end])
            break
    if not any(code.startswith("Z12") for code in found):
        # a screening the case names, when its service code was not found or not asked for
        for sentence in SENTENCE.finditer(text):
            said = sentence.group()
            if SCREENING.search(said) and not REFUSED.search(said):
                reason = _screening(said)
                if reason is not None:
                    found[reason[0]] = Diagnosis(*reason, sentence.start(), sentence.end(), said)
                    break
    visit = VISIT.search(text)
    if visit and not any(code.startswith("Z00") for code in found):
        # a wellness visit the case names is its reason even when no service code was found
        reason = _wellness(text)
        if reason is not None:
            code, title = reason
            found[code] = Diagnosis(code, title, visit.start(), visit.end(), visit.group())
    return list(found.values())


def _screening(said: str) -> tuple[str, str] | None:
    """The screening for a cancer of the organ `said` names; a mammogram has its own code."""
    organ = next((o for w, o in ORGANS.items() if re.search(rf"\b{w}", said, re.I)), None)
    if organ is None:
        return None
    if re.search(r"\bmammogra", said, re.I):
        return _titled(
            "encounter for screening mammogram for malignant neoplasm of breast",
            "encounter for screening mammogram",
            "breast",
        )
    return _titled(
        f"encounter for screening for malignant neoplasm of {organ}",
        "encounter for screening for malignant neoplasm of",
        organ,
    )


def _wellness(text: str) -> tuple[str, str] | None:
    """The general examination, a child's or an adult's; with abnormal findings only when
    the case reports one."""
    abnormal = ABNORMAL.search(text) and not NO_ABNORMAL.search(text)
    words = "abnormal findings" if abnormal else "without abnormal findings"
    age = CHILD.search(text)
    child = age is not None and (
        not age.group(1) or "month" in age.group().lower() or int(age.group(1)) < 18
    )
    exam = "routine child health examination" if child else "general adult medical examination"
    return _titled(f"encounter for {exam} {words}", f"encounter for {exam}", words)


def _titled(query: str, starts: str, must: str) -> tuple[str, str] | None:
    """The first billable hit whose title starts as the guidelines word it and says `must`."""
    for hit in search(query, [System.ICD10CM], 10):
        title = hit.title.lower()
        fits = hit.billable and title.startswith(starts) and stems(must) <= stems(title)
        if fits and ("without" in query or "without" not in title):
            return hit.code, hit.title
    return None
