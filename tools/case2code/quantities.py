"""Amounts a case states: durations, doses, counts of items and distances.

Each is found with its offsets so a suggestion can show the words its units came from.
Numbers may be digits ("1,000") or words up to twelve ("three hours").
"""

import re
from dataclasses import dataclass

NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
)
DURATION = re.compile(
    rf"\b(?P<n>{NUMBER})(?:\s*-\s*|\s+)(?:consecutive\s+)?(?P<unit>hours?|hrs?|minutes?|mins?|days?)\b",
    re.IGNORECASE,
)
DOSE = re.compile(
    rf"\b(?P<n>{NUMBER})\s*(?P<unit>mg|mcg|µg|micrograms?|milligrams?|grams?|g)\b", re.I
)
MILES = re.compile(rf"\b(?P<n>{NUMBER})\s+(?:statute\s+)?miles?\b", re.IGNORECASE)
# "100 blood glucose test strips", "one box of 100 lancets", "36 vials": a number, then the
# item within three words (the number of a box's contents counts the items inside).
COUNT = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:box(?:es)?\s+of\s+(?P<inner>\d+)\s+)?(?P<item>(?:[a-z-]+\s+){{0,3}}?[a-z-]+s)\b",
    re.IGNORECASE,
)
TOTAL_AFTER = re.compile(r"\s+(?:in all|in total|total)\b", re.IGNORECASE)
TOTAL_BEFORE = re.compile(r"\b(?:total(?: of)?|in all)\s+$", re.IGNORECASE)
TO_MG = {"mg": 1.0, "milligram": 1.0, "g": 1000.0, "gram": 1000.0, "mcg": 0.001, "µg": 0.001}
TO_MG["microgram"] = 0.001


@dataclass(frozen=True)
class Amount:
    kind: str  # minutes | mg | miles | items
    value: float
    start: int
    end: int
    item: str = ""  # for counts: the item's words ("blood glucose test strips")
    total: bool = False  # stated as a total ("90 mg in all", "a total of 90 mg")


def number(text: str) -> float:
    word = text.lower().replace(",", "")
    return float(NUMBER_WORDS[word]) if word in NUMBER_WORDS else float(word)


def amounts(text: str, offset: int = 0) -> list[Amount]:
    """Every amount in `text`, with offsets shifted by `offset`."""
    found = []
    for match in DURATION.finditer(text):
        value = number(match["n"])
        value *= {"h": 60, "d": 1440}.get(match["unit"][0].lower(), 1)
        found.append(Amount("minutes", value, match.start() + offset, match.end() + offset))
    for match in DOSE.finditer(text):
        unit = match["unit"].lower().rstrip("s")
        total = bool(
            TOTAL_AFTER.match(text, match.end()) or TOTAL_BEFORE.search(text[: match.start()])
        )
        value = number(match["n"]) * TO_MG[unit]
        found.append(Amount("mg", value, match.start() + offset, match.end() + offset, total=total))
    for match in MILES.finditer(text):
        found.append(
            Amount("miles", number(match["n"]), match.start() + offset, match.end() + offset)
        )
    for match in COUNT.finditer(text):
        item = match["item"].lower()
        if item.split()[0] in {"hours", "minutes", "miles", "days", "weeks", "years", "months"}:
            continue
        value = number(match["n"]) * (float(match["inner"]) if match["inner"] else 1)
        found.append(Amount("items", value, match.start() + offset, match.end() + offset, item))
    return found
