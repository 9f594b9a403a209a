"""Case2Code: a case description → the diagnoses and procedures a coder would report.

Diagnoses come from DetectICD10CM (present conditions, a relative's as family history),
the drugs taken long term (drugs.py) and, for preventive services, the reason for the
encounter (encounters.py); procedures, services and supplies from phrases searched in
the code sets of the setting (procedures.py), visit levels from what the case says of
the visit (visits.py). Every suggestion carries the
words it came from. Plain Python over the catalogue; nothing of the text is kept.
"""

from dataclasses import dataclass, field

from codes.models import Code

from . import companions, diagnoses, drugs, encounters, procedures, visits
from .counting import Procedure
from .diagnoses import Diagnosis

SETTINGS = ("outpatient", "inpatient")
DIAGNOSIS_ONLY = ("diagnosis only", "diagnoses only")


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
    result.diagnoses += drugs.find(text, {d.code for d in result.diagnoses})
    if not any(words in text.lower() for words in DIAGNOSIS_ONLY):
        found = visits.find(text) + procedures.find(text, setting)
        seen: dict[str, Procedure] = {}
        for procedure in found:
            seen.setdefault(procedure.code, procedure)
        result.procedures = sorted(seen.values(), key=lambda p: (p.start, p.code))
    descriptors = {
        row.code: f"{row.long_description} {row.plain_description}"
        for row in Code.objects.filter(code__in=[p.code for p in result.procedures])
    }
    reasons = encounters.find(text, result.procedures, descriptors)
    known = {d.code for d in result.diagnoses}
    result.diagnoses = [r for r in reasons if r.code not in known] + result.diagnoses
    return result


__all__ = ["SETTINGS", "Diagnosis", "Procedure", "Suggestions", "suggest"]
