"""The extent of burns (T31) when the case gives the total body surface area burned.

The tabular note at T20-T25 asks to "use additional code from category T31 ... when the
site of the burn is specified", and T31's titles are the extent: "Burns involving less
than 10% of body surface", "... 20-29% of body surface with 10-19% third degree burns".
The percentages come from the case; the code is the billable title that holds them.
"""

import re

from codes.formats import System
from codes.models import Code

from .diagnoses import Diagnosis

TOTAL = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*%\s*(?:of (?:the )?)?(?:TBSA|BSA|total body surface(?: area)?|"
    r"body surface(?: area)?)",
    re.I,
)
THIRD = re.compile(
    r"(\d{1,3}(?:\.\d+)?)\s*%[^.;%]{0,30}?\b(?:third[- ]degree|full[- ]thickness)", re.I
)
BURN = re.compile(r"^T2[0-5]\.[0-3]")  # a burn (not a corrosion; .4-.7)


def find(text: str, found: list[Diagnosis]) -> list[Diagnosis]:
    burns = [d for d in found if BURN.match(d.code)]
    total = TOTAL.search(text)
    if not burns or not total or any(d.code.startswith("T31") for d in found):
        return []
    percent = float(total.group(1))
    third_said = THIRD.search(text)
    if third_said:
        third = float(third_said.group(1))
    else:  # every burn full thickness: all of it is third degree
        third = percent if all(d.code[4] == "3" for d in burns) else 0.0
    title = _title(percent, third)
    row = (
        Code.objects.in_system(System.ICD10CM)
        .filter(code__startswith="T31", billable=True, long_description__iexact=title)
        .values_list("code", "long_description")
        .first()
    )
    if row is None:
        return []
    return [Diagnosis(row[0], row[1], total.start(), total.end(), total.group())]


def _band(percent: float) -> str:
    low = min(int(percent // 10) * 10, 90)
    return "90% or more" if low == 90 else "0% to 9%" if low == 0 else f"{low}-{low + 9}%"


def _title(percent: float, third: float) -> str:
    if percent < 10:
        return "Burns involving less than 10% of body surface"
    return (
        f"Burns involving {_band(percent)} of body surface with {_band(third)} third degree burns"
    )
