"""Street addresses and the other lines of a postal address: the civic number and street,
the flat, suite or floor before or after it, rural routes and boxes, numbered county
roads, and the town and postcode written after the street.

An address is told by its shape (a number, capitalised words, a street word) rather
than by a list of streets, so it holds for streets nobody has written down.
"""

import re
from collections.abc import Iterator

from .categories import Category, Finding
from .lexicon import FACILITY_WORDS, REGION_CODES, STREET_WORDS, UNIT_WORDS
from .places import is_generic, is_region

L = Category.LOCATION
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĒĖĘĚĞĪĮŁŃŇŌŐŒŘŚŠŢŤŪŮŰŲŹŻŽ"
LOWER = "a-zß-öø-ÿāăąćčďēėęěğīįłńňōőœřśšţťūůűųźżž"
# A word of a street's name: capitalised, an ordinal ("82nd"), or a joining word.
_WORD = rf"(?:[{UPPER}][\w'’-]*\.?|\d+(?:st|nd|rd|th)|of|de|la|du|des|the)"
_ORDINAL = r"(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Ground|Upper|Lower|Top)"
# What may follow a street on its line: ", Suite 300", ", Building C", ", 2nd floor rear",
# ", Bay 3", ", RD 4" (a New Zealand rural delivery), "app. 3".
_UNIT = (
    rf"(?:,?[ \t]+(?:{UNIT_WORDS})\.?[ \t]*[\w-]+"
    rf"|,[ \t]*{_ORDINAL}[ \t]+(?i:floor)(?:[ \t]+(?:rear|front|back|left|right))?"
    r"|,[ \t]*RD[ \t]+\d{1,2})"
)
_STREET = re.compile(
    rf"(?:\b(?:Flat|Apt\.?|Apartment|Unit|Suite|Ste\.?|Shop|Level)[ \t]+\w+,?[ \t]+"
    rf"|#\d+[ \t]*[-–][ \t]*)?"
    rf"\b(?:\d+/)?\d{{1,6}}[A-Z]?(?:-\d+)?,?[ \t]+"
    rf"(?:(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?[ \t]+)?"
    rf"(?:{_WORD}[ \t]+){{0,4}}(?:{STREET_WORDS})\.?(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b)?"
    rf"(?:{_UNIT}){{0,3}}(?![\w])",
)
# Street word first, as in French, Spanish or Italian: "117, rue des Érables, app. 3".
_STREET_WORD_FIRST = re.compile(
    rf"\b\d{{1,6}}[A-Z]?,?[ \t]+(?i:ch\.|chemin|rue|boul\.|boulevard|av\.|avenue|route|rang|montée"
    rf"|via|calle|avenida|camino|rua|strada|place|allée|impasse|quai)"
    rf"[ \t]+(?:(?:de|du|des|la|le|l'|del|do|da|dos)[ \t]*)*[{UPPER}][\w'’-]+"
    rf"(?:[ \t-][{UPPER}][\w'’-]+)*(?:{_UNIT}){{0,2}}"
)
_ROAD = re.compile(
    # I-95, US-119, Route 9 (never "I10": that is a diagnosis code)
    r"\b(?:(?:US|SR|State Route|Route|Rte\.?|Hwy|Highway|Interstate|County Road|CR)[- ]|I-)"
    r"\d{1,3}[A-Z]?"
    r"(?:[ \t]+(?:north|south|east|west)bound)?"
    r"(?:[ \t]+(?:near|at|by)[ \t]+(?:mile marker|mile|exit|MM)[ \t]*\d+)?\b"
)
# A house on a numbered rural road: "10417 N County Road 600 W".
_NUMBERED_ROAD = re.compile(
    r"\b\d{1,6}[ \t]+(?:[NSEW][ \t]+)?(?:County (?:Road|Rd\.?)|CR|State (?:Road|Rd\.?)|FM"
    r"|Farm to Market Road|Township Road|Range Road|Concession(?: Road)?)[ \t]+\d{1,4}[A-Z]?"
    r"(?:[ \t]+[NSEW]\b)?"
)
_RURAL = re.compile(
    # "RR 18" alone is a respiratory rate and "HC 34" a head circumference: only with a box
    r"\b(?:Rural Route|Star Route)[ \t]*\d+(?:,?[ \t]*Box[ \t]*\d+(?:-?[A-Z])?)?\b"
    r"|\b(?:RR|HC|Route|Rte\.?)[ \t]*\d+,?[ \t]*Box[ \t]*\d+(?:-?[A-Z])?\b"
)
_NAMED_STREET = re.compile(
    rf"\b(?:on|off|along|corner of|near|at the corner of|down|up|onto|via|our|the)[ \t]+"
    rf"(?P<street>(?:(?:[A-Z][\w'’-]+|\d+(?:st|nd|rd|th))[ \t]+){{1,3}}(?:{STREET_WORDS})\b\.?)"
)
# A street on a line of its own, as letters write an address: "Godley Bank Road".
_STREET_LINE = re.compile(
    rf"^[ \t]*(?P<street>(?:[A-Z][\w'’-]+[ \t]+){{1,3}}(?:{STREET_WORDS}))\.?[ \t]*(?:,|$)",
    re.MULTILINE,
)
_PO_BOX = re.compile(
    r"\b(?:P\.?[ ]?O\.?|Post Office)[ \t]+Box[ \t]+\d+\b"
    r"(?:,?[ \t]*(?:Stn|Station|RPO|Postal Station)[ \t]+[A-Z][\w'’-]*)?",
    re.IGNORECASE,
)
# A flat, unit or building named before the street or on a line of its own:
# "Flat 3, Weavers Court", "Building 3, Second Floor", "Lot 44, Desert Palms RV Resort".
_CAP_RUN = r"(?:[A-Z][\w'’-]*[ \t]+){0,4}"
_PLACE_END = "|".join(sorted(FACILITY_WORDS, key=len, reverse=True))
_UNIT_FIRST = re.compile(
    r"\b(?:Flat|Unit|Shop|Suite|Apt\.?|Apartment|Building|Bldg\.?|Lot|Level|Floor)[ \t]+"
    r"[A-Z0-9][\w-]{0,4},[ \t]+"
    rf"(?:(?:Flat|Unit|Suite|Apt\.?|Apartment|Building|Bldg\.?|Floor|Level)[ \t]+[A-Z0-9][\w-]*"
    rf"|{_ORDINAL}[ \t]+Floor"
    rf"|{_CAP_RUN}(?:{STREET_WORDS}|{_PLACE_END})\b)"
)
# A named building and the suite in it: "Medical Office Tower B, Suite 410".
_BUILDING_SUITE = re.compile(
    r"(?:^|(?<=[:(,]))[ \t]*(?P<place>[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|[IVX]+|\d+))*"
    r",[ \t]+(?:Suite|Ste\.?|Unit|Floor|Level)[ \t]+[A-Z0-9][\w-]*)",
    re.MULTILINE,
)


def addresses(text: str) -> Iterator[Finding]:
    for pattern in (
        _STREET,
        _STREET_WORD_FIRST,
        _PO_BOX,
        _ROAD,
        _NUMBERED_ROAD,
        _RURAL,
        _UNIT_FIRST,
    ):
        for match in pattern.finditer(text):
            yield Finding(match.start(), match.end(), L, 0.85)
    for pattern in (_NAMED_STREET, _STREET_LINE):
        for match in pattern.finditer(text):
            words = match.group("street").split()
            if pattern is _NAMED_STREET or not all(is_generic(w) for w in words[:-1]):
                yield Finding(match.start("street"), match.end("street"), L, 0.6)
    for match in _BUILDING_SUITE.finditer(text):
        words = match.group("place").split(",")[0].split()
        if not is_region(words[0]) and not all(is_generic(w) for w in words):
            yield Finding(match.start("place"), match.end("place"), L, 0.6)


_TOWN = rf"[{UPPER}][{LOWER}'’-]+(?:[ \t](?:d'|de |la |le )?[{UPPER}][{LOWER}'’-]+){{0,2}}"
_TOWN_AFTER_STREET = re.compile(
    rf",?[ \t]*(?P<town>{_TOWN})"
    r"(?=[ \t]*(?:,|$|\(|[A-Z]{2,3}\b|\d{4}|\.[ \t]*$|\.[ \t]+[A-Z]))",
    re.MULTILINE,
)
# A postcode right after a town: "Te Awamutu 3800", "Spencerville 46788".
_POSTCODE_AFTER = re.compile(
    r",?[ \t]+(?P<code>\d{5}(?:-\d{4})?|\d{4})\b(?![.,]?\d|[ \t]*(?:%|mg|kg))"
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def after_street(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The town written after a street address: "14 Main Street, Ballina"."""
    for finding in found:
        if finding.category is not L or not text[finding.start : finding.start + 1].isdigit():
            continue
        match = _TOWN_AFTER_STREET.match(text, finding.end)
        if match:
            words = match.group("town").split()
            if not is_region(match.group("town")) and not any(is_generic(w) for w in words):
                yield Finding(match.start("town"), match.end("town"), L, 0.6)


_PART_OF_ADDRESS = re.compile(rf"(?:{_TOWN}|County [A-Z][a-z]+|Co\. [A-Z][a-z]+)")


def before_postcodes(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The towns and districts listed before a postcode on its line, comma by comma:
    "Cloonagh, Louisburgh, County Mayo F28 P9N4"; a state code is passed over."""
    for finding in found:
        value = text[finding.start : finding.end]
        if finding.category is not L or not any(ch.isdigit() for ch in value):
            continue
        line_start = text.rfind("\n", 0, finding.start) + 1
        position = finding.start
        for chunk in reversed(text[line_start : finding.start].split(",")[-4:]):
            start = position - len(chunk)
            position = start - 1  # the comma
            name = chunk.strip()
            if not name or name in REGION_CODES or is_region(name):
                continue
            if not _PART_OF_ADDRESS.fullmatch(name) or any(is_generic(w) for w in name.split()):
                break
            offset = start + chunk.index(name)
            yield Finding(offset, offset + len(name), L, 0.55)


def postcodes_after_towns(text: str, found: list[Finding]) -> Iterator[Finding]:
    """The postcode a town is written with, with no state between: "Fort Wayne 46804"."""
    for finding in found:
        value = text[finding.start : finding.end]
        if finding.category is not L or any(ch.isdigit() for ch in value):
            continue
        if any(word in FACILITY_WORDS for word in value.split()):
            continue  # "Clinic 2": a town is what a postcode follows
        match = _POSTCODE_AFTER.match(text, finding.end)
        if match and not _YEAR.fullmatch(match.group("code")):
            yield Finding(match.start("code"), match.end("code"), L, 0.6)
