"""Dates and ages over 89: the two categories with a shape of their own.

Safe Harbor removes every date element but the year, so a month alone ("in April") or
a day and month ("3/14") are dates; a lone year, a weekday, a time, a duration ("2
days"), a post-operative day or a fraction ("7/12 visits", "2/10 pain", "142/88") are
not. Ages are PHI only from 90 up: younger ages stay in the text.
"""

import re
from collections.abc import Iterator

from .categories import Category, Finding
from .lexicon import FULL_MONTHS, MONTHS, ORDINAL_WORDS

M = rf"(?:{MONTHS})\.?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d\d"

_DATES = [
    # 03/14/2026, 3-14-26, 14.03.2026, 2026-03-14, 2026/03/14
    r"\b\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})\b",
    r"\b(?:19|20)\d\d([/.-])\d{1,2}\2\d{1,2}\b",
    # 14-Mar-2026, 14 Mar 2026, 14th March 2026, 22 Jun 1950, the 2nd of March
    rf"\b{DAY}(?:[ -]|\s+of\s+){M}(?:,?[ -]{YEAR}|[ -]\d\d\b)?(?![a-z])",
    # Mar 14, 2026; March 11th, 2026; Sept 9; Nov 2025; March 2026; Mar 3-5, 2026
    rf"\b{M}[ \t]+{DAY}(?:[ \t]*(?:[-–]|to|through)[ \t]*{DAY}\b)?(?:,?[ \t]+{YEAR})?\b",
    # 05MAR2026, 5Mar26: the military and pharmacy form
    rf"\b\d{{1,2}}(?:{MONTHS})(?:\d{{4}}|\d{{2}})\b",
    # 3/5-3/7: a range of days
    r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])[-–](?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
    r"(?:/(?:\d{4}|\d{2}))?\b",
    rf"\b{M},?[ \t]+(?:of[ \t]+)?{YEAR}\b",
    rf"\b{M}[ \t]+['’]\d\d\b",  # Dec '25
    r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b(?!-\d)",  # 2026-03
    # the second of March
    rf"\b(?:{ORDINAL_WORDS})\s+of\s+{M}(?:,?\s+{YEAR})?",
    # 10/2025 (month and year)
    rf"\b(?:0?[1-9]|1[0-2])/{YEAR}\b",
]
_DATE = re.compile("|".join(f"(?:{p})" for p in _DATES), re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"\b(?:(?:early|mid|late)-)?(?:{FULL_MONTHS}|(?:{MONTHS})\.)(?![\w-])")
_MAY = re.compile(
    r"(?:\b(?:in|since|from|until|till|by|during|through|early|late|mid|of|last|next|this)"
    r"[ -])(?:May|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b(?![.'’])"
)
_COMPACT = re.compile(r"(?<![\w-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\w-])")
_MONTH_DAY = re.compile(r"(?<![\w/.:-])(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?![\w/]|\.\d)")
# A compact date after a date's label: "DOS 030526", "DOB: 19440312".
_LABELLED_COMPACT = re.compile(
    r"\b(?:DOS|DOB|D\.O\.B\.|date(?: of [a-z]+)?)[ \t]*[:#]?[ \t]*(?P<d>\d{6}|\d{8})\b",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(
    r"\b(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?:[a-z]*day)?\.?,?[ \t]$", re.IGNORECASE
)
_ORDINAL_DAY = re.compile(r"\bthe\s+([12]?\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[a-z])")
# Words around "7/12" that make it a count, a score or a ratio rather than a date.
_SCORE_NAME = re.compile(r"(?:^|[\s(])[A-Z][\w-]*:?[ \t]$")
_NOT_MONTH_DAY = re.compile(
    r"(?:visits?|sessions?|pain|score|strength|power|grade|rated|scale|dose|tabs?|of|out|"
    r"x|BP|ratio|stage|ecog|apgar|nrs|vas)[:\s]*$",
    re.IGNORECASE,
)
_NOT_MONTH_DAY_AFTER = re.compile(
    r"^\s*(?:visits?|sessions?|pain|strength|doses?|tabs?|of|on|in|with|score|mmhg|"
    r"bilaterally|throughout|at rest|hr|bpm)\b",
    re.IGNORECASE,
)


def dates(text: str) -> Iterator[Finding]:
    for match in _DATE.finditer(text):
        if _valid_numeric(match.group()):
            yield Finding(match.start(), match.end(), Category.DATE, 0.85)
    for match in _MONTH_ALONE.finditer(text):
        yield Finding(match.start(), match.end(), Category.DATE, 0.6)
    for match in _MAY.finditer(text):
        month = match.group().split()[-1].split("-")[-1]
        yield Finding(match.end() - len(month), match.end(), Category.DATE, 0.6)
    for match in _COMPACT.finditer(text):
        yield Finding(match.start(), match.end(), Category.DATE, 0.6)
    for match in _LABELLED_COMPACT.finditer(text):
        digits = match.group("d")
        month, day = (digits[4:6], digits[6:]) if len(digits) == 8 else (digits[:2], digits[2:4])
        if len(digits) == 8 and not digits.startswith(("19", "20")):
            month, day = digits[:2], digits[2:4]  # 03051944: month, day, year
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            yield Finding(match.start("d"), match.end("d"), Category.DATE, 0.7)
    for match in _ORDINAL_DAY.finditer(text):
        yield Finding(match.start(1), match.end(), Category.DATE, 0.6)
    for match in _MONTH_DAY.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        after = text[match.end() : match.end() + 16]
        top, bottom = int(match.group(1)), int(match.group(2))
        weekday = _WEEKDAY_BEFORE.search(before)  # "Tues 3/5" is a date
        if not match.group(1).startswith("0") and not weekday:  # so is "03/17"
            if _NOT_MONTH_DAY.search(before) or _NOT_MONTH_DAY_AFTER.match(after):
                continue
            if top <= bottom <= 10 and _SCORE_NAME.search(before):
                continue  # "Katz 4/6", "EHL 3/5", "Pain: 2/10": a score out of a maximum
        yield Finding(match.start(), match.end(), Category.DATE, 0.55)


def _valid_numeric(value: str) -> bool:
    """Numeric dates must have a month 1-12 somewhere sensible (not 142/88/12)."""
    parts = re.split(r"[/.-]", value)
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return True
    numbers = [int(part) for part in parts]
    if len(parts[0]) == 4:
        return 1 <= numbers[1] <= 12 and 1 <= numbers[2] <= 31
    first, second = numbers[0], numbers[1]
    # Month first (US) or day first (UK, Europe): either reading must be a real date.
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= second <= 12 and 1 <= first <= 31)


_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_WORD_AGES = "|".join(
    [f"ninety(?:[- ]{unit})?" for unit in _UNITS[1:]]
    + ["ninety"]
    + [
        f"(?:a|one)[- ]hundred(?:[- ](?:and[- ])?(?:{'|'.join(_UNITS[1:])}|ten))?",
    ]
)
_OLD = r"(?=[- ]?(?:years?|yrs?|y/?o|y\.o\.|yo|y)\b|-year|\s*-?year-old)"
_AGE = re.compile(rf"\b(?:(?P<n>9\d|1[01]\d){_OLD}|(?P<w>{_WORD_AGES}){_OLD})", re.IGNORECASE)
_AGE_LABEL = re.compile(
    rf"\b(?:age[sd]?|aged|age at death|turned|turns|turning)\s*:?\s*"
    rf"(?P<n>9\d|1[01]\d|{_WORD_AGES})\b(?!\s*(?:%|mg|kg|lb|bpm|min|days?|weeks?|months?))",
    re.IGNORECASE,
)
_AGE_BRACKET = re.compile(
    r"\((?P<n>9\d|1[01]\d)(?:\s*y(?:rs?|ears?)?)?\)"
    # "her mother, 94, lives…": an age in apposition to a person
    r"|\b(?:mother|father|mom|dad|grandmother|grandfather|husband|wife|spouse|aunt|uncle"
    r"|sister|brother|patient|pt|widow|widower|man|woman|male|female|resident)\b"
    r",[ \t]*(?P<a>9\d|1[01]\d)(?=[ \t]*[,;)])",
    re.IGNORECASE,
)


def ages(text: str) -> Iterator[Finding]:
    for pattern in (_AGE, _AGE_LABEL):
        for match in pattern.finditer(text):
            group = "n" if match.group("n") else "w"
            yield Finding(match.start(group), match.end(group), Category.AGE, 0.85)
    for match in _AGE_BRACKET.finditer(text):
        group = "n" if match.group("n") else "a"
        yield Finding(match.start(group), match.end(group), Category.AGE, 0.6)
