"""What takes the place of each finding: a category tag, a mask, or a consistent fake.

Surrogates keep a note readable and its facts usable: the same name becomes the same
fake name throughout the document, and every date moves by one random offset, so
intervals (days since surgery, age at a visit) survive. A lone year is not PHI and was
never found, so it stays. Ages over 89 become "90+", as Safe Harbor aggregates them.
"""

import random
import re
from datetime import date, timedelta
from enum import StrEnum

from .categories import Category, Finding

C = Category
MASK = "█"


class Style(StrEnum):
    TAGS = "tags"
    SURROGATES = "surrogates"
    MASK = "mask"


def tag(category: Category) -> str:
    return f"[{category.value}]"


class Surrogates:
    """One document's fakes: built per request, so nothing carries over between texts."""

    def __init__(self, rng: random.Random, text: str = "") -> None:
        self.rng = rng
        self.text = text.lower()  # a fake that the text already holds would read as real
        self.offset = timedelta(days=rng.choice([-1, 1]) * rng.randint(30, 365))
        self.seen: dict[tuple[Category, str], str] = {}
        self.name_parts: dict[str, str] = {}

    def __call__(self, category: Category, value: str) -> str:
        key = (category, value)
        if key not in self.seen:
            self.seen[key] = self._make(category, value)
        return self.seen[key]

    def _make(self, category: Category, value: str) -> str:
        if category is C.NAME:
            return self._name(value)
        if category is C.DATE:
            return shift_date(value, self.offset) or tag(category)
        if category is C.AGE:
            return "90+"
        if category is C.LOCATION:
            return self._place(value)
        if category is C.EMAIL:
            first, last = self._person_words()
            return f"{first.lower()}.{last.lower()}@example.org"
        if category is C.URL:
            return f"https://example.org/{self._shape('a1b2c3')}"
        if category is C.IP:
            return f"192.0.2.{self.rng.randint(1, 254)}"
        return self._shape(value)

    def _person_words(self) -> tuple[str, str]:
        first, last = _name_lists()
        return self._pick(first), self._pick(last)

    def _pick(self, pool: list[str]) -> str:
        """A word of `pool` that the document does not hold ("Brandt" for "Brandt" would
        leave the real name standing)."""
        word = self.rng.choice(pool)
        for _ in range(20):
            if word.lower() not in self.text:
                break
            word = self.rng.choice(pool)
        return word

    def _name(self, value: str) -> str:
        """Word by word, so "Grace Oyelaran" and a later "Ms. Oyelaran" agree."""
        first, last = _name_lists()
        words = re.split(r"(\W+)", value)
        named = [w for w in words if w and w[0].isalpha()]
        out = []
        for word in words:
            if not word or not word[0].isalpha():
                out.append(word)
                continue
            if word not in self.name_parts:
                if len(word) == 1:
                    self.name_parts[word] = self.rng.choice("ABCDEFGHJKLMNPRSTW")
                else:
                    pool = first if word is named[0] and len(named) > 1 else last
                    self.name_parts[word] = self._pick(pool)
            fake = self.name_parts[word]
            out.append(fake.upper() if word.isupper() and len(word) > 1 else fake)
        return "".join(out)

    def _place(self, value: str) -> str:
        _, last = _name_lists()
        if re.fullmatch(r"\d{5}(?:-\d{4})?|[A-Z0-9]{2,4} ?[A-Z0-9]{3}", value):
            return self._shape(value)
        town = self._pick(last) + self.rng.choice(["ville", "ton", "field", " Falls", "wood"])
        if value[:1].isdigit():
            street = self.rng.choice(["Street", "Avenue", "Road", "Lane", "Drive"])
            return f"{self.rng.randint(10, 9899)} {self._pick(last)} {street}"
        kind = value.split()[-1] if len(value.split()) > 1 else ""
        return f"{town} {kind}".strip()

    def _shape(self, value: str) -> str:
        """Same shape, new characters: digits for digits, letters for letters."""
        chars = []
        for ch in value:
            if ch.isdigit():
                chars.append(str(self.rng.randint(0, 9)))
            elif ch.isalpha() and ch not in "Xx*":
                letter = self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
                chars.append(letter if ch.isupper() else letter.lower())
            else:
                chars.append(ch)
        return "".join(chars)


def _name_lists() -> tuple[list[str], list[str]]:
    from faker.providers.person.en_US import Provider

    return list(Provider.first_names), list(Provider.last_names)


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_NUMERIC = re.compile(r"(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{2,4}))?$")
_COMPACT = re.compile(r"((?:19|20)\d\d)(\d\d)(\d\d)$")
_WORDY = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?[ -](?:of )?)?(?P<m>[A-Za-z]{3,9})\.?"
    r"(?:[ -](?P<d2>\d{1,2})(?:st|nd|rd|th)?)?(?:,?[ -](?P<y>\d{2,4}))?$"
)


def shift_date(value: str, offset: timedelta) -> str | None:
    """`value` moved by `offset`, written the way it was written; None if unreadable."""
    text = value.strip()
    if match := _COMPACT.match(text):
        day = _date(int(match[1]), int(match[2]), int(match[3]))
        return (day + offset).strftime("%Y%m%d") if day else None
    if match := _NUMERIC.match(text):
        return _shift_numeric(match, offset)
    if match := _WORDY.match(text):
        return _shift_wordy(match, offset)
    return None


def _shift_numeric(match: re.Match[str], offset: timedelta) -> str | None:
    a, sep, b, c = match[1], match[2], match[3], match[4]
    if len(a) == 4:  # year first
        day = _date(int(a), int(b), int(c or 1))
        return (day + offset).strftime(f"%Y{sep}%m{sep}%d") if day else None
    if c is None:  # month/day, or month/year
        if len(b) == 4 or int(b) > 31:
            day = _date(int(b), int(a), 15)
            if not day:
                return None
            return f"{(day + offset).month:0{len(a)}d}{sep}{(day + offset).year}"
        day = _date(2000, int(a), int(b))
        if not day:
            return None
        return f"{(day + offset).month:0{len(a)}d}{sep}{(day + offset).day:0{len(b)}d}"
    year = int(c) + (2000 if len(c) == 2 and int(c) < 50 else 1900 if len(c) == 2 else 0)
    month, dom, day_first = int(a), int(b), False
    if month > 12:
        month, dom, day_first = dom, month, True
    day = _date(year, month, dom)
    if not day:
        return None
    new = day + offset
    first, second = (new.day, new.month) if day_first else (new.month, new.day)
    shown_year = f"{new.year % 100:02d}" if len(c) == 2 else str(new.year)
    return f"{first:0{len(a)}d}{sep}{second:0{len(b)}d}{sep}{shown_year}"


def _shift_wordy(match: re.Match[str], offset: timedelta) -> str | None:
    month_word = match["m"]
    month = next(
        (i for i, m in enumerate(_MONTHS, 1) if m.lower().startswith(month_word.lower()[:3])), 0
    )
    if not month:
        return None
    day_number = match["d1"] or match["d2"]
    year = int(match["y"]) if match["y"] and len(match["y"]) == 4 else 2000
    day = _date(year, month, int(day_number) if day_number else 15)
    if not day:
        return None
    new = day + offset
    name = _MONTHS[new.month - 1]
    name = name[: len(month_word)] if len(month_word) <= 4 else name
    parts = [name] if not match["d1"] else [str(new.day), name]
    if match["d2"]:
        parts.append(str(new.day))
    out = " ".join(parts)
    if match["y"] and len(match["y"]) == 4:
        out += f"{',' if ',' in match.group() else ''} {new.year}"
    return out


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def replace(text: str, findings: list[Finding], style: Style, rng: random.Random) -> list[str]:
    """The replacement of each finding, in order."""
    if style is Style.TAGS:
        return [tag(f.category) for f in findings]
    if style is Style.MASK:
        return [re.sub(r"\S", MASK, text[f.start : f.end]) for f in findings]
    fake = Surrogates(rng, text)
    return [fake(f.category, text[f.start : f.end]) for f in findings]
