"""Case2Code: a case description → the diagnoses and procedures a coder would report.

Diagnoses come from DetectICD10CM (present conditions, a relative's as family history),
made specific by details named apart (specific.py), the drugs taken long term
(drugs.py), statuses stated in words (status.py), cancer spread and finished treatment
(neoplasms.py) and, for preventive services, the reason for the encounter
(encounters.py); procedures, services and supplies from phrases searched in
the code sets of the setting (procedures.py), visit levels from what the case says of
the visit (visits.py). Every suggestion carries the
words it came from. Plain Python over the catalogue; nothing of the text is kept.
"""

import re
from dataclasses import dataclass, field

from codes.models import Code

from . import (
    allergies,
    burns,
    companions,
    diagnoses,
    drugs,
    encounters,
    neoplasms,
    obstetric,
    organisms,
    procedures,
    specific,
    status,
    substances,
    surgical,
    visits,
)
from .counting import Procedure
from .diagnoses import Diagnosis

SETTINGS = ("outpatient", "inpatient")
# "Code the diagnosis only", "Diagnosis coding only", "Diagnosis codes only", "Code the
# diagnoses.": the case asks for no procedure codes.
DIAGNOSIS_ONLY = re.compile(
    r"\bdiagnos[ie]s (?:cod(?:es?|ing) )?only\b|^\s*code the diagnos[ie]s\s*[.!]?\s*$",
    re.IGNORECASE,
)
SENTENCES = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass
class Suggestions:
    diagnoses: list[Diagnosis] = field(default_factory=list)
    procedures: list[Procedure] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def suggest(text: str, setting: str = "outpatient") -> Suggestions:
    """Candidate codes for a case, in the order their evidence appears."""
    result = Suggestions()
    result.diagnoses, notice = diagnoses.find(text, setting)
    if notice:
        result.notices.append(notice)
    result.diagnoses += companions.find(text, result.diagnoses)
    result.diagnoses = specific.find(text, result.diagnoses)
    result.diagnoses = organisms.sepsis(text, result.diagnoses)
    result.diagnoses += organisms.find(text, result.diagnoses)
    result.diagnoses += burns.find(text, result.diagnoses)
    result.diagnoses += drugs.find(text, {d.code for d in result.diagnoses})
    result.diagnoses = obstetric.find(text, result.diagnoses)
    result.diagnoses = status.find(text, result.diagnoses)
    result.diagnoses = substances.find(text, result.diagnoses)
    result.diagnoses = neoplasms.find(text, result.diagnoses)
    result.diagnoses = surgical.find(text, result.diagnoses)
    result.diagnoses = allergies.find(text, result.diagnoses)
    found = visits.find(text) + procedures.find(text, setting)
    seen: dict[str, Procedure] = {}
    for procedure in found:
        seen.setdefault(procedure.code, procedure)
    services = sorted(seen.values(), key=lambda p: (p.start, p.code))
    descriptors = {
        row.code: f"{row.long_description} {row.plain_description}"
        for row in Code.objects.filter(code__in=[p.code for p in services])
    }
    # the services still tell the reason for the visit when only diagnoses are asked for
    reasons = encounters.find(text, services, descriptors)
    if not any(DIAGNOSIS_ONLY.search(s.group()) for s in SENTENCES.finditer(text)):
        result.procedures = services
    known = {d.code for d in result.diagnoses}
    result.diagnoses = [r for r in reasons if r.code not in known] + result.diagnoses
    return result


__all__ = ["SETTINGS", "Diagnosis", "Procedure", "Suggestions", "suggest"]
