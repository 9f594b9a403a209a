"""Units of a code from the amount a case states and the unit the code's own text names.

Nothing here is written per code: a descriptor says how its code is counted ("per 15 mg",
"per 50 strips", "per statute mile", "initial 2 hours", "each additional hour", "billed
in 15-minute units"), and the case says how much was given or how long it took.
Timed 15-minute services follow the CMS 8-minute rule (a unit once 8 minutes of it are
done); a code for the first part of a service and its add-on for each further part
split a time between them.
"""

import math
import re
from dataclasses import dataclass

from .quantities import TO_MG, Amount, number

NUM = r"(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six)"
PER_DOSE = re.compile(rf"(?:per\s+|up to\s+|,\s*){NUM}\s*(mg|mcg|g)\b", re.IGNORECASE)
PER_ITEMS = re.compile(rf"per\s+(?:box\s+of\s+)?{NUM}(?:\s+([a-z]+))?", re.IGNORECASE)
PER_MILE = re.compile(r"per\s+(?:statute\s+)?mile\b", re.IGNORECASE)
INITIAL = re.compile(rf"\b(?:initial|first)\s+{NUM}\s*(hours?|minutes?)", re.IGNORECASE)
ADDITIONAL = re.compile(
    rf"\beach\s+(?:additional|further)\s+(?:full\s+)?(?:{NUM}\s*)?(hours?|minutes?)", re.I
)
TIMED = re.compile(rf"\b(?:{NUM}-minute\s+units?|(?:each|per)\s+{NUM}\s+minutes)", re.IGNORECASE)


@dataclass(frozen=True)
class Quantum:
    """How one code is counted: `kind` (mg, items, miles, minutes) and the size of a unit.
    For time: `initial` when the code covers the first part only, `additional` for an
    add-on's each further part, neither for a plain timed unit."""

    kind: str
    size: float
    item: str = ""
    initial: bool = False
    additional: bool = False


def _minutes(value: str | None, unit: str) -> float:
    amount = number(value) if value else 1.0
    return amount * 60 if unit.lower().startswith("hour") else amount


def quantum(text: str) -> Quantum | None:
    """The counting unit a code's descriptor text names, if any."""
    if match := INITIAL.search(text):
        return Quantum("minutes", _minutes(match[1], match[2]), initial=True)
    if match := ADDITIONAL.search(text):
        return Quantum("minutes", _minutes(match[1], match[2]), additional=True)
    if match := TIMED.search(text):
        return Quantum("minutes", number(match[1] or match[2]))
    if PER_MILE.search(text):
        return Quantum("miles", 1.0)
    if match := PER_DOSE.search(text):
        return Quantum("mg", number(match[1]) * TO_MG[match[2].lower()])
    if match := re.search(rf"^[^,]*,[^,]*,\s*{NUM}\s*(mg|mcg|g)\s*$", text, re.IGNORECASE):
        return Quantum("mg", number(match[1]) * TO_MG[match[2].lower()])
    if match := PER_ITEMS.search(text):
        return Quantum("items", number(match[1]), (match[2] or "").lower())
    return None


def timed_units(minutes: float, size: float) -> int:
    """Whole units, and one more once half a unit or more is done (8 of 15 minutes)."""
    whole, rest = divmod(minutes, size)
    return int(whole) + (1 if rest >= size / 2 else 0)


def units_for(unit: Quantum, found: list[Amount]) -> tuple[int, Amount] | None:
    """Units of a code counted by `unit`, from the amounts of its phrase (the first that
    fits), with the amount they came from."""
    for amount in found:
        if amount.kind != unit.kind or amount.value <= 0:
            continue
        if unit.kind == "items" and unit.item and not _same_item(unit.item, amount.item):
            continue
        if unit.kind == "minutes" and not (unit.initial or unit.additional):
            return max(timed_units(amount.value, unit.size), 1), amount
        if unit.kind == "minutes":
            continue  # a first-part/add-on pair: see split_time
        return max(math.ceil(round(amount.value / unit.size, 6)), 1), amount
    return None


def split_time(total: float, first: Quantum, each: Quantum) -> tuple[int, int]:
    """Units of a first-part code and of its add-on for `total` minutes: the first part
    once it is done, then one add-on unit per full further part."""
    if total < first.size:
        return (1, 0) if total >= first.size / 2 else (0, 0)
    return 1, int((total - first.size) // each.size)


def _same_item(unit_item: str, item: str) -> bool:
    words = {w.rstrip("s") for w in item.split()}
    return unit_item.rstrip("s") in words
