"""The codes a delivery note implies without naming a condition: the outcome of
delivery (Z37.-), which the guidelines (I.C.15.b.5) ask for on every maternal record
of a delivery, and O80 for a full-term, uncomplicated vaginal delivery of one live
infant, which its own note makes the only chapter 15 code of the record.

The codes are found from the catalogue's titles ("Single live birth", "Twins, both
liveborn"); the words here only say what the note reports: how many babies, born alive
or not, and whether anything complicated the birth.
"""

import re
from dataclasses import dataclass

from .catalogue import Catalogue

DELIVERY = re.compile(r"\b(deliver(y|ies|ed|s)|c(a)?esarean|c-section)\b", re.IGNORECASE)
LIVE = re.compile(
    r"\b(born alive|alive and well|live[- ]?born|live (baby|birth|infant|newborn|boy|girl)|"
    r"healthy (baby|infant|newborn|boy|girl))\b",
    re.IGNORECASE,
)
STILL = re.compile(r"\b(still[- ]?born|stillbirth|fetal demise|intrauterine death)\b", re.I)
# How many babies: the word an outcome title starts with; one baby unless said otherwise.
PLURALITY = (
    ("Twins", re.compile(r"\btwins?\b", re.I)),
    ("Triplets", re.compile(r"\btriplets?\b", re.I)),
    ("Quadruplets", re.compile(r"\bquadruplets?\b", re.I)),
)
# O80 is for a spontaneous, full-term, vaginal, single live birth with no complication.
TERM = re.compile(r"\b(full[- ]term|at term)\b|\b(3[7-9]|4[01])\s*(weeks?|wks?)\b", re.I)
VAGINAL = re.compile(r"\bvaginal(ly)?\b|\bspontaneous\b", re.IGNORECASE)
UNCOMPLICATED = re.compile(r"\b(uncomplicated|no complications?|without complications?)\b", re.I)
ASSISTED = re.compile(r"\b(c(a)?esarean|c-section|forceps|vacuum|breech|version)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Implied:
    code: str
    start: int
    end: int
    needs: tuple[str, ...] = ()  # reported only beside a code starting with one of these


def find(cat: Catalogue, text: str, obstetric: bool) -> list[Implied]:
    """Z37.- when the note says how the baby was born, and O80 when the birth was
    normal and `obstetric` (another pregnancy code was found) is false."""
    delivered = DELIVERY.search(text)
    if delivered is None:
        return []
    out = []
    outcome = _outcome(cat, text)
    if outcome:
        code, said = outcome
        out.append(Implied(code, said.start(), said.end(), ("O",)))  # the mother's record
    normal = (
        not obstetric
        and outcome
        and outcome[0] == "Z37.0"
        and TERM.search(text)
        and VAGINAL.search(text)
        and UNCOMPLICATED.search(text)
        and not ASSISTED.search(text)
    )
    if normal and "O80" in cat.entries:
        out.append(Implied("O80", delivered.start(), delivered.end()))
    return out


def _outcome(cat: Catalogue, text: str) -> tuple[str, re.Match[str]] | None:
    live, still = LIVE.search(text), STILL.search(text)
    said = live or still
    if said is None or (live and still):
        return None  # not said, or both: the coder reads which baby was which
    first = next((name for name, many in PLURALITY if many.search(text)), "Single")
    state = "live" if live else "still"
    for code in cat.billable_under("Z37"):
        title = cat.entries[code].title
        if title.startswith(first) and state in title and "one " not in title:
            return code, said
    return None
