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
    rf"|\b{_LEVELS}[- ]complexity\s*(?:[.;:\n]|$)"
    rf"|\b{_LEVELS}[- ]complexity (?:office |outpatient |E/?M )?visit\b"
    rf"|\bvisit of {_LEVELS}(?:[- ]complexity)?\b",
    re.IGNORECASE,
)
# "Level 4 established visit", "level III ED visit": office and emergency visit levels 2-5
# are, by decision making, straightforward, low, moderate and high.
NUMBERED = re.compile(
    r"\blevel[- ]?(?:([2-5])|(II|III|IV|V))\b(?=[\w\s./-]{0,30}\b(?:visit|E/?M|encounter)\b)",
    re.IGNORECASE,
)
BY_NUMBER = {"2": "straightforward", "3": "low", "4": "moderate", "5": "high"}
ROMAN = {"II": "2", "III": "3", "IV": "4", "V": "5"}
EMERGENCY = re.compile(r"\bemergency (?:department|room)\b|\bED visit\b", re.IGNORECASE)
EMERGENCY_SHORT = re.compile(r"\b(?:ED|ER)\b")  # in capitals: not the word "ed"
HOSPITAL = re.compile(r"\bhospital(?:ist)?\b|\binpatient\b|\bobservation\b", re.IGNORECASE)
NEW = re.compile(r"\bnew (?:patient|pt)\b", re.IGNORECASE)
# A follow-up or return visit is by an established patient.
ESTABLISHED = re.compile(
    r"\bestablished\b|\best\.? (?:patient|pt)\b"
    r"|\b(?:follow[- ]?up|return) (?:office )?visit\b|\breturns (?:to (?:the )?clinic )?for\b"
    r"|\bf/u\b|\bhere for (?:a |her |his |their )?(?:\S+ )?follow[- ]?up\b|\best\.? visit\b"
    r"|\b(?:recheck|routine check)\b",
    re.IGNORECASE,
)


def find(text: str) -> list[Procedure]:
    match = LEVEL.search(text) or NUMBERED.search(text)
    if match is None:
        return []
    if match.re is NUMBERED:
        number = match[1] or ROMAN[match[2].upper()]
        level = BY_NUMBER[number]
    else:
        level = next(g for g in match.groups() if g).lower()
    if EMERGENCY.search(text) or EMERGENCY_SHORT.search(text):
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
