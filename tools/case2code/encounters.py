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
    "lung": "lung",
}
SCREENING = re.compile(r"\bscreening\b", re.IGNORECASE)
VACCINE = re.compile(r"\b(?:vaccines?|immuni[sz]ation|toxoid)\b", re.IGNORECASE)
WELLNESS = re.compile(r"\b(?:wellness visit|preventive (?:medicine )?visit|physical exam)", re.I)
# The visit itself, as a case names it ("Physical exam:" is a section, not a visit).
VISIT = re.compile(r"\b(?:annual )?(?:wellness|preventive(?: medicine)?) visit\b", re.I)
ABNORMAL = re.compile(r"\bno abnormal findings\b|\bnormal findings\b", re.IGNORECASE)


def find(text: str, procedures: list[Procedure], descriptors: dict[str, str]) -> list[Diagnosis]:
    """Z codes for the reasons of the preventive services among `procedures`
    (`descriptors`: code → its descriptor text)."""
    found: dict[str, Diagnosis] = {}
    for procedure in procedures:
        said = f"{descriptors.get(procedure.code, '')} {procedure.text}"
        reason = None
        if SCREENING.search(said):
            organ = next((o for w, o in ORGANS.items() if re.search(rf"\b{w}", said, re.I)), None)
            if organ:
                reason = _titled(
                    f"encounter for screening for malignant neoplasm of {organ}",
                    "encounter for screening for malignant neoplasm of",
                    organ,
                )
        elif VACCINE.search(said):
            reason = _titled("encounter for immunization", "encounter for immunization", "")
        elif WELLNESS.search(said):
            reason = _wellness(text)
        if reason is not None and reason[0] not in found:
            code, title = reason
            found[code] = Diagnosis(code, title, procedure.start, procedure.end, procedure.text)
    visit = VISIT.search(text)
    if visit and not any(code.startswith("Z00") for code in found):
        # a wellness visit the case names is its reason even when no service code was found
        reason = _wellness(text)
        if reason is not None:
            code, title = reason
            found[code] = Diagnosis(code, title, visit.start(), visit.end(), visit.group())
    return list(found.values())


def _wellness(text: str) -> tuple[str, str] | None:
    words = "without abnormal findings" if ABNORMAL.search(text) else "abnormal findings"
    return _titled(
        f"encounter for general adult medical examination {words}",
        "encounter for general adult medical examination",
        words,
    )


def _titled(query: str, starts: str, must: str) -> tuple[str, str] | None:
    """The first billable hit whose title starts as the guidelines word it and says `must`."""
    for hit in search(query, [System.ICD10CM], 10):
        title = hit.title.lower()
        fits = hit.billable and title.startswith(starts) and stems(must) <= stems(title)
        if fits and ("without" in query or "without" not in title):
            return hit.code, hit.title
    return None
