"""Codes a number in the note picks: body mass index (Z68.-) and weeks of gestation
(Z3A.-). The code is found from the catalogue's own titles ("Body mass index [BMI]
37.0-37.9, adult", "30 weeks gestation of pregnancy"), never from a table of ours.

A BMI code is reported only with a condition it qualifies (obesity, overweight,
underweight, malnutrition), and weeks of gestation only with a pregnancy code, as
the tabular's notes and the guidelines ask.
"""

import re
from dataclasses import dataclass

from .catalogue import Catalogue

BMI = re.compile(
    r"\b(?:BMI|body mass index)\b\s*(?:of|is|was|:|=)?\s*(\d{2}(?:\.\d+)?)", re.IGNORECASE
)
# "30 weeks gestation", "32 wks pregnant", and a birth's "delivered at 39 weeks"
WEEKS = re.compile(
    r"\b(\d{1,2})\s*(?:weeks?|wks?)\b(?=[^.;\n]{0,25}\b(?:gestation|pregnan|today|GA\b|"
    r"trimester))|\b(\d{1,2})\s*(?:weeks?|wks?)\s+(?:of\s+)?(?:gestation|pregnancy)|"
    r"\b(?:deliver\w*|birth|born|labou?r)\b[^.;\n]{0,25}?\bat\s+(\d{1,2})\s*(?:weeks?|wks?)\b",
    re.IGNORECASE,
)
RANGE = re.compile(r"(\d+(?:\.\d)?)-(\d+(?:\.\d)?), adult")
# The conditions a BMI code goes with, and the codes that make a note a pregnancy's.
BMI_WITH = ("E66", "E44", "E43", "E46", "R63.6", "E41", "E45")


@dataclass(frozen=True)
class NumberCode:
    code: str
    start: int
    end: int
    needs: tuple[str, ...]  # reported only beside a code starting with one of these


def find(cat: Catalogue, text: str) -> list[NumberCode]:
    out = []
    for match in BMI.finditer(text):
        code = _bmi(cat, float(match.group(1)))
        if code:
            out.append(NumberCode(code, match.start(), match.end(), BMI_WITH))
    for match in WEEKS.finditer(text):
        weeks = int(match.group(1) or match.group(2) or match.group(3))
        code = _weeks(cat, weeks)
        if code:
            out.append(NumberCode(code, match.start(), match.end(), ("O",)))
    return out


def _bmi(cat: Catalogue, value: float) -> str | None:
    for code in cat.billable_under("Z68"):
        title = cat.entries[code].title
        if found := RANGE.search(title):
            if float(found.group(1)) <= value <= float(found.group(2)) + 0.05:
                return code
        elif ("or less, adult" in title and value <= float(title.split()[-4])) or (
            "or greater, adult" in title and value >= float(title.split()[-4])
        ):
            return code
    return None


def _weeks(cat: Catalogue, weeks: int) -> str | None:
    for code in cat.billable_under("Z3A"):
        if cat.entries[code].title.startswith(f"{weeks} weeks gestation"):
            return code
    return None
