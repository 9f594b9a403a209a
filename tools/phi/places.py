"""Places smaller than a state: street addresses, cities, counties, postal codes and
named facilities or workplaces.

An address has a shape (a number, words, a street word); a city is the capitalised
run before a state code ("Dayton, OH") or a postal code; a facility is a capitalised
run ending in a word like Hospital, Clinic or Pharmacy. Payers and programmes are
left alone: Safe Harbor does not ask for them.
"""

import functools
import re
from collections.abc import Iterator

from .categories import Category, Finding
from .lexicon import (
    AMBIGUOUS_REGIONS,
    FACILITY_WORDS,
    GENERIC_WORDS,
    MULTI_WORD_REGIONS,
    PAYER_WORDS,
    REGION_CODES,
    REGION_NAMES,
)

L = Category.LOCATION
CAP = r"(?:[A-Z][\w'’.&-]*|&|de|du|la|of|the|and|St\.)"
_WORD = r"[A-Z][\w'’-]*\.?"

_FRENCH_FACILITY = re.compile(
    r"\b(?:Clinique|Hôpital|Pharmacie|Centre hospitalier|CLSC|CHSLD|Polyclinique)\b"
    r"(?:[ \t]+(?:[a-zéèêàâîôûç'’-]+))*[ \t]+[A-ZÉÈ][\w'’-]+(?:[ \t-][A-ZÉÈ][\w'’-]+)*"
)
_ZIP_AFTER_REGION = re.compile(
    r"\b(?P<region>[A-Z]{2,3})[ \t]+(?P<zip>\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)\b"
)
_AU_REGIONS = frozenset({"NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"})
_CITY_REGION = re.compile(
    r"(?P<city>[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,3})(?P<sep>,?)"
    r"(?:[ \t]+|(?<=,)[ \t]*\n[ \t]*)(?P<region>[A-Z]{2,3})\b(?![\w-])"
)
_EIRCODE = re.compile(r"\b[AC-FHKNPRTV-Y]\d[0-9W][ \t]?[AC-FHKNPRTV-Y0-9]{4}\b")
_DUBLIN = re.compile(r"\bDublin[ \t]+(?:[1-9]|1\d|2[0-4]|6W)\b")
_IRISH_COUNTY = re.compile(r"\b(?:County|Co\.)[ \t]+[A-Z][a-z]+\b")
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]+\d[A-Z]{2}\b")
_CA_POSTCODE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[A-Z][ \t]\d[A-Z]\d\b")
_CITY_BEFORE_POSTCODE = re.compile(r"(?P<city>[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)[ \t,]+$")
_COUNTY = re.compile(
    r"\b(?:[A-Z][\w'’-]+\.?[ \t]+){1,2}(?:County|Parish|Borough|Township|Twp\.?)\b"
)
_FACILITY = re.compile(
    rf"\b[A-Z][\w'’.&-]*(?:[ \t]+{CAP}){{0,7}}(?:,[ \t]+(?:PLLC|LLC|Inc\.?|Ltd\.?|PC|P\.C\.))?"
)
_STORE_NUMBER = re.compile(r"[ \t]*#[ \t]?\d{1,5}\b")
_NEAR_IN = re.compile(r"\b(?:in|at|near|from|to|of|lives in|lives at)[ \t]+$")


def cities(text: str) -> Iterator[Finding]:
    for match in _ZIP_AFTER_REGION.finditer(text):
        region, code = match.group("region"), match.group("zip")
        if region not in REGION_CODES or (len(code) == 4) != (region in _AU_REGIONS):
            continue
        if region in REGION_CODES:
            yield Finding(match.start("zip"), match.end("zip"), L, 0.85)
    for match in _CITY_REGION.finditer(text):
        region, comma = match.group("region"), match.group("sep")
        if region not in REGION_CODES:
            continue
        if region in AMBIGUOUS_REGIONS and not comma:
            continue
        postcode = r"[ \t]+\d{4}\b" if region in _AU_REGIONS else r"[ \t]+(?:\d{5}|[A-Z]\d[A-Z])"
        if not comma and not re.match(postcode, text[match.end() :]):
            continue
        words = match.group("city").split()
        # Keep the words nearest the state that read as a place name.
        while words and (words[0] in FACILITY_WORDS or (words[0].isupper() and len(words[0]) <= 3)):
            words.pop(0)
        if not words or any(word in FACILITY_WORDS for word in words):
            continue
        start = match.end("city") - len(" ".join(words))
        if text[start : match.end("city")] == " ".join(words):
            yield Finding(start, match.end("city"), L, 0.8)
    for pattern in (_UK_POSTCODE, _CA_POSTCODE):
        for match in pattern.finditer(text):
            yield Finding(match.start(), match.end(), L, 0.75)
            line_start = text.rfind("\n", 0, match.start()) + 1
            before = _CITY_BEFORE_POSTCODE.search(text[line_start : match.start()])
            if before and before.group("city") not in REGION_NAMES:
                city_start = line_start + before.start("city")
                words = before.group("city").split()
                if words[-1] in REGION_CODES:
                    continue
                yield Finding(city_start, line_start + before.end("city"), L, 0.7)
    for pattern in (_COUNTY, _IRISH_COUNTY, _DUBLIN):
        for match in pattern.finditer(text):
            yield Finding(match.start(), match.end(), L, 0.8)
    for match in _EIRCODE.finditer(text):
        tail = match.group()[-4:]
        if any(ch.isdigit() for ch in tail) and any(ch.isalpha() for ch in tail):
            yield Finding(match.start(), match.end(), L, 0.7)


def facilities(text: str) -> Iterator[Finding]:
    """Capitalised runs (a line of capitals too) that end in a facility word."""
    for match in _FRENCH_FACILITY.finditer(text):
        yield Finding(match.start(), match.end(), L, 0.85)
    for match in _FACILITY.finditer(text):
        words = match.group().split()
        # Trim trailing connectors, then cut at the last facility word.
        last = max((i for i, w in enumerate(words) if is_facility_word(w)), default=-1)
        if last < 0:
            continue
        words = words[: last + 1]
        while words and words[0] in ("of", "and", "&", "de", "la", "at"):
            words.pop(0)
        if words and words[-1].endswith(".") and words[-1] not in ("Co.", "Inc.", "Ltd.", "St."):
            words[-1] = words[-1][:-1]  # the sentence's full stop
        phrase = " ".join(words)
        if not is_facility_name(words) or payer_follows(text, match.start() + len(phrase)):
            continue
        start = text.find(phrase, match.start())
        if start < 0:
            continue
        store = _STORE_NUMBER.match(text, start + len(phrase))  # "Northland Drug #2208"
        yield Finding(start, store.end() if store else start + len(phrase), L, 0.7)


def _word(word: str) -> str:
    return word.rstrip(",.;:")


def is_facility_name(words: list[str]) -> bool:
    """Two words or more, ending in a facility word, one of them our own (not "WOUND
    CARE CLINIC"), none a payer's ("Golden Coast Health Plan")."""
    if len(words) < 2 or any(_word(w) in PAYER_WORDS for w in words):
        return False
    if not any(is_facility_word(w) for w in words):
        return False
    return not all(is_facility_word(w) or is_generic(w) for w in words)


def payer_follows(text: str, end: int) -> bool:
    """ "Golden Coast Health Plan", "Apple Health (Medicaid)", "Laya Healthcare membership",
    "Hoosier Heartland PPO": a payer, named with its plan or its member's number."""
    return bool(
        re.match(r"[^\w\n]{0,3}(?:Plan|Insurance|Medicaid|Medicare)\b", text[end : end + 16])
        or _PAYER_AFTER.match(text, end)
    )


def payer_before(text: str, start: int) -> bool:
    """ "Private insurer: Southern Cross", "Primary: Hoosier Heartland PPO"."""
    return bool(_PAYER_BEFORE.search(text[max(0, start - 24) : start]))


_PAYER_AFTER = re.compile(
    r"(?:[ \t]+(?:Dental|Vision|Health|Healthcare|Medical|Rx))?"
    r",?[ \t]+(?:member(?:ship)?|group|policy|subscriber|PPO|HMO|EPO|PDP|Medigap|Plan"
    r"|Insurance)\b"
    r"|[ \t]+ID\b"
)
_PAYER_BEFORE = re.compile(
    r"\b(?:insurer|insurance|payer|payor|carrier|coverage|Primary|Secondary|Tertiary)"
    r"[ \t]*:[ \t]*$",
    re.IGNORECASE,
)


_BEFORE_TOWN = re.compile(
    r"(?:^|(?<=[:\n]))[ \t]*"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t](?:[A-Z][\w'’.-]*|&|of|and)){1,5}),[ \t]*$"
)
_AFTER_CREDENTIAL = re.compile(
    r"\b(?:MD|DO|NP|PA-C|RN|DPM|DDS|PhD)(?:,|[ \t]+(?:-|–))[ \t]+"
    r"(?P<name>[A-Z][\w'’.-]*(?:[ \t](?:[A-Z][\w'’.-]*|&|of|and)){1,5})(?=[ \t]*(?:[,(\n]|$))"
)


def around_places(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Places named by where they stand: the run of capitals before a town and state
    ("Northern Lakes Heart & Rhythm, Duluth, MN") or after a clinician's credential
    ("Kenji Watanabe, MD, Merrimack Valley GI") names a practice."""
    for finding in found:
        if finding.category is L and re.match(
            r",?[ \t]*[A-Z]{2}\b", text[finding.end : finding.end + 5]
        ):
            line_start = text.rfind("\n", 0, finding.start) + 1
            if match := _BEFORE_TOWN.search(text[line_start : finding.start]):
                words = match.group("name").split()
                if not all(is_generic(w) or is_facility_word(w) for w in words):
                    start = line_start + match.start("name")
                    yield Finding(start, line_start + match.end("name"), L, 0.6)
    for match in _AFTER_CREDENTIAL.finditer(text):
        words = match.group("name").split()
        if not all(is_generic(w) or is_facility_word(w) for w in words) and not any(
            w in PAYER_WORDS for w in words
        ):
            yield Finding(match.start("name"), match.end("name"), L, 0.55)


def after_facility(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The town a facility names after it: "Lakeshore Imaging - Sandusky",
    "Cornerstone Rehab, Brookfield"; or its site: "The Ottawa Hospital - General Campus"."""
    for finding in found:
        if finding.category is not L:
            continue
        if site := _SITE_AFTER.match(text, finding.end):
            yield Finding(finding.start, site.end(), L, finding.score)
            continue
        match = _TOWN_AFTER.match(text, finding.end)
        town = match.group("town").split() if match else []
        if (
            match
            and not is_region(match.group("town"))
            and not any(is_generic(w) or is_facility_word(w) for w in town)
        ):
            yield Finding(match.start("town"), match.end("town"), L, 0.6)


_SITE_AFTER = re.compile(
    r"[ \t]+(?:-|–)[ \t]+(?:[A-Z][a-z]+[ \t]){0,2}(?:Campus|Site|Branch|Annex|Wing|Pavilion)\b"
)
_TOWN_AFTER = re.compile(
    r"[ \t]*(?:-|–|,)[ \t]*(?!(?:Mrs?|Ms|Mx|Dr|Prof|Rev|Sr|Jr)\b)"
    r"(?P<town>[A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)"
    r"(?=[ \t]*(?:\(|$|unit\b|site\b|office\b|campus\b|[-–][ \t]|[.;][ \t]|[.;]$))",
    re.MULTILINE,
)


def is_generic(word: str) -> bool:
    bare = _word(word)
    return (
        bare in GENERIC_WORDS
        or bare.title() in GENERIC_WORDS
        or bare.lower() in ("the", "of", "for", "and", "&", "to", "at", "on")
    )


def is_facility_word(word: str) -> bool:
    bare = _word(word)
    return bare in FACILITY_WORDS or bare.title() in FACILITY_WORDS or word in FACILITY_WORDS


def is_region(value: str) -> bool:
    """A state, province or country (Safe Harbor keeps those)."""
    if value.startswith(("the ", "The ")):
        value = value[4:]
    return (
        value in REGION_NAMES
        or value in REGION_CODES
        or value.title() in REGION_NAMES
        or value in MULTI_WORD_REGIONS
        or value in _countries()
    )


@functools.cache
def _countries() -> frozenset[str]:
    """Country names of more than one word in English ("Dominican Republic", "United
    Kingdom"), from the display names Google's phonenumbers ships; one-word names stay
    in our own list, since many are towns too (Lebanon, Cuba)."""
    from phonenumbers.geodata.locale import LOCALE_DATA

    names = set()
    for by_language in LOCALE_DATA.values():
        name = by_language.get("en", "")
        while name.startswith("*"):
            name = by_language.get(name[1:], "")
        if " " in name:
            names.add(name)
    return frozenset(names)
