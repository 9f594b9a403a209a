"""Evaluation and management visits: the level comes from what the case says of the visit.

A visit code is chosen by where it took place (office, emergency department, hospital),
whether the patient is new or established, and the level of medical decision making;
the case's words for each build one search over the visit codes, and a hit must name the
same level and patient status.
"""

import re

from codes.formats import System
from codes.models import Code
from codes.search import search

from .counting import Procedure

# The level as notes write it: "moderate-complexity medical decision making", "MDM: low",
# "MDM moderate", "low complexity MDM", or "Low complexity." standing alone.
_LEVELS = r"(straightforward|low|moderate|high)"
_MDM = r"(?:(?:medical )?decision[- ]making|MDM)"
LEVEL = re.compile(
    rf"\b{_LEVELS}(?:[- ]complexity)?\s+{_MDM}"
    rf"|\b{_MDM}(?:\s*(?:[:=-]|is|was|of|level))*\s*{_LEVELS}\b"
    rf"|\b{_LEVELS}[- ]complexity\s*(?:[.;\n]|$)",
    re.IGNORECASE,
)
EMERGENCY = re.compile(r"\bemergency (?:department|room)\b|\bED visit\b", re.IGNORECASE)
HOSPITAL = re.compile(r"\bhospital(?:ist)?\b|\binpatient\b|\bobservation\b", re.IGNORECASE)
NEW = re.compile(r"\bnew (?:patient|pt)\b", re.IGNORECASE)
# A follow-up or return visit is by an established patient.
ESTABLISHED = re.compile(
    r"\bestablished\b|\best\.? (?:patient|pt)\b"
    r"|\b(?:follow[- ]?up|return) (?:office )?visit\b|\breturns (?:to (?:the )?clinic )?for\b",
    re.IGNORECASE,
)


def find(text: str) -> list[Procedure]:
    match = LEVEL.search(text)
    if match is None:
        return []
    level = next(g for g in match.groups() if g).lower()
    if EMERGENCY.search(text):
        place, status = "emergency department visit", ""
    elif HOSPITAL.search(text) and not NEW.search(text):
        place, status = "hospital inpatient or observation care later day", ""
    else:
        place = "office or outpatient visit"
        status = "new patient" if NEW.search(text) else "established patient"
        if not (NEW.search(text) or ESTABLISHED.search(text)):
            return []  # the visit's kind is not stated: no level to suggest
    query = f"{place} {status} {level}-complexity medical decision making"
    for hit in search(query, systems=[System.CPT], limit=10):
        row = Code.objects.filter(system=hit.system, code=hit.code).first()
        if row is None or not row.billable:
            continue
        described = f"{row.long_description} {row.plain_description}".lower()
        if f"{level}-complexity" not in described and f"{level} complexity" not in described:
            continue
        if status and status not in described:
            continue
        if place.split()[0] not in described:
            continue
        start, end = match.span()
        return [Procedure(row.code, row.system, row.title, 1, start, end, text[start:end])]
    return []
