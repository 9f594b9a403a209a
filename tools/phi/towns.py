"""Towns, villages and workplaces named in running text, by a gazetteer or by the words
around them.

A town of two words or more that the gazetteer knows is a town anywhere; one word only
where a note places it ("in Bend", "Kellogg, ID"). Beyond the gazetteer, the sentence
says it: where someone lives ("her father in Gordonville"), the town a facility stands
in ("Family Clinic in Osburn"), the firm someone works for ("retired from Big Sandy
Coal & Coke"). Everyday words, given names, clinical words and regions are never towns.
"""

import functools
import re
import sys
import unicodedata
from collections.abc import Iterator

from .categories import Category, Finding
from .lexicon import MONTHS, NOT_NAMES, REGION_CODES
from .places import is_facility_word, is_generic, is_region

L = Category.LOCATION
UPPER = "A-ZÀ-ÖØ-ÞĀĒĪŌŪŁŚŠŽ"
LOWER = "a-zß-öø-ÿāēīōūłśšž"
_PIECE = rf"(?:[{UPPER}][{LOWER}'’.-]+|d'[{UPPER}][{LOWER}]+)"


def plain(value: str) -> str:
    """Without accents: "Te Kūiti" and "Te Kuiti" are one town."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", value) if ord(ch) < 0x300)


@functools.cache
def towns() -> frozenset[str]:
    """Town and city names of the countries our notes come from (US, Canada, UK, Ireland,
    Australia, New Zealand), read once from the geocoding data Google's phonenumbers
    ships (a Presidio dependency): a real gazetteer we need not keep ourselves."""
    from phonenumbers.geodata import GEOCODE_DATA

    names = set()
    for prefix, by_language in GEOCODE_DATA.items():
        if prefix.startswith(("1", "44", "61", "64", "353")) and "en" in by_language:
            for part in re.split(r"[/,(]", by_language["en"])[:1]:
                if part.strip() and not is_region(part.strip()):
                    names.add(plain(part.strip()))
    # The data is 38 MB of modules: keep the names, let the rest go.
    for module in [name for name in sys.modules if name.startswith("phonenumbers.geodata")]:
        del sys.modules[module]
    return frozenset(names)


_TOWN_CONTEXT = re.compile(
    r"(?:\b(?:in|at|near|from|to|of|outside|around|visiting|lives|moved|city|town|home)"
    r"|\b(?:City|Town|Location|Residence|Address|Home)[ \t]*:)[ \t]+$"
)
_REGION_AFTER = re.compile(r",[ \t]*(?:[A-Z]{2,3}\b|[A-Z][a-z]+)")
_CAPITALISED_RUN = re.compile(rf"\b{_PIECE}(?:[ \t]{_PIECE}){{0,2}}")


def gazetteer(text: str, common: frozenset[str]) -> Iterator[Finding]:
    """Known towns: a name of two or three words anywhere; a single word only after a
    word that introduces a place ("in Bend") or before its state ("Kellogg, ID"), and
    never an everyday word or given name."""
    known = towns()
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size]).rstrip(".")
            if plain(candidate) not in known or any(
                (is_generic(w) and not (i == 0 and w == "The")) or is_facility_word(w)
                for i, w in enumerate(words[:size])
            ):
                continue
            if size == 1:
                before = text[max(0, match.start() - 16) : match.start()]
                after = text[match.start() + len(candidate) : match.start() + len(candidate) + 12]
                placed = (
                    _TOWN_CONTEXT.search(before)
                    or re.match(r",? (?:Co\.|County) ", after)
                    or _region_after(after)
                )
                if candidate.lower() in common or not placed:
                    break
            yield Finding(match.start(), match.start() + len(candidate), L, 0.55)
            break


def _region_after(after: str) -> bool:
    match = _REGION_AFTER.match(after)
    if not match:
        return False
    region = match.group().strip(", \t")
    return region in REGION_CODES or region == "ID" or is_region(region)


_TOWN = rf"(?:The[ \t]+)?{_PIECE}(?:[ \t]{_PIECE}){{0,2}}"
# Where someone lives or comes from: the words of the sentence before the town.
_LIVES = re.compile(
    r"\b(?:lives|living|live|resides|residing|reside|moved|moving|relocated|relocating"
    r"|stays|staying|home|house|farm|ranch|cottage|grew up|born|raised|family"
    r"|parents?|mother|father|daughter|son|sister|brother|wife|husband|picks? (?:her|him) up)"
    r"(?:[ \t]+(?:here|there|now|still|alone|nearby|back|out|with[ \t]+\w+))*"
    rf"[ \t]+(?:in|near|outside(?:[ \t]+of)?|to|from|at)[ \t]+(?P<town>{_TOWN})"
    rf"|\b(?:out of|road to|drive to|drove to|way to|trip to|back to|minutes from"
    rf"|miles from|lives on|island of)[ \t]+(?P<town2>{_TOWN})"
)
# The firm someone works for, which Safe Harbor counts as a place.
_WORKS = re.compile(
    r"\b(?i:works|worked|working|employed|retired|job|shifts?|volunteers|volunteered"
    r"|contracts)[ \t]+(?:(?:part[- ]time|full[- ]time|nights|days|now)[ \t]+)?"
    r"(?:as[ \t]+an?[ \t]+[a-z]+(?:[ \t][a-z]+)?[ \t]+)?"
    r"(?:at|for|from|with)[ \t]+(?:the[ \t]+)?"
    rf"(?P<firm>{_PIECE}(?:[ \t]+(?:{_PIECE}|&|of|and|[A-Z]{{2,4}})){{0,5}})"
    rf"|\b(?:at work|Employer:?|employer,)[ \t]*\(?[ \t]*(?P<firm2>{_PIECE}"
    rf"(?:[ \t]+(?:{_PIECE}|&|of|and|[A-Z]{{2,4}})){{0,5}})"
)
_IN_TOWN = re.compile(rf"[ \t]+(?:in|at)[ \t]+(?P<town>{_TOWN})")
_MILITARY = frozenset({"Army", "Navy", "Air", "Marines", "Marine", "Coast", "Guard", "Force"})


def by_context(text: str, found: list[Finding], common: frozenset[str]) -> Iterator[Finding]:
    """Towns where the sentence places someone; firms where it employs them; the town
    after a facility ("Mullan Road Family Clinic in Osburn")."""
    for match in _LIVES.finditer(text):
        group = "town" if match.group("town") else "town2"
        yield from _town(text, match.start(group), match.end(group), common)
    for match in _WORKS.finditer(text):
        group = "firm" if match.group("firm") else "firm2"
        words = match.group(group).split()
        while words and words[-1] in ("&", "of", "and"):
            words.pop()
        if words and words[-1].endswith("."):
            words[-1] = words[-1][:-1]  # the sentence's full stop
        if not words or any(w in _MILITARY for w in words) or _not_firm(words, common):
            continue
        start = match.start(group)
        yield Finding(start, start + len(" ".join(words)), L, 0.55)
    for finding in found:
        value = text[finding.start : finding.end]
        facility = finding.category is L and any(is_facility_word(w) for w in value.split())
        if facility and (town := _IN_TOWN.match(text, finding.end)):
            yield from _town(text, town.start("town"), town.end("town"), common)


# Places whose name says so: Port Fourchon, Fort Kent, Mount Vernon, Cape Girardeau.
_PREFIXED = re.compile(rf"\b(?:Port|Fort|Mount|Mt\.|Cape|Lake)[ \t]+(?P<rest>{_PIECE})")


def prefixed(text: str, common: frozenset[str]) -> Iterator[Finding]:
    for match in _PREFIXED.finditer(text):
        if not _not_place([match.group("rest")], common):
            yield Finding(match.start(), match.end(), L, 0.55)


def short_forms(text: str, found: list[Finding], common: frozenset[str]) -> Iterator[Finding]:
    """A facility named once in full and then by the first words of its name:
    "Aboite Meadows Rehabilitation & Nursing", later "chose Aboite Meadows"."""
    stems = set()
    for finding in found:
        words = text[finding.start : finding.end].split()
        if finding.category is not L or len(words) < 3 or not is_facility_word(words[-1]):
            continue
        lead: list[str] = []
        for word in words:
            if is_generic(word) or is_facility_word(word) or not word[0].isupper():
                break
            lead.append(word)
        if len(lead) >= 2 and not _not_place(lead, common) and len(lead) < len(words):
            stems.add(" ".join(lead))
    for stem in stems:
        for match in re.finditer(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text):
            yield Finding(match.start(), match.end(), L, 0.55)


def _town(text: str, start: int, end: int, common: frozenset[str]) -> Iterator[Finding]:
    words = text[start:end].rstrip(".").split()
    # Cut at the first word that cannot be part of a town's name.
    kept: list[str] = []
    for word in words:
        if _not_place([word], common) and not (not kept and word == "The"):
            break
        kept.append(word)
    if kept and kept != ["The"]:
        yield Finding(start, start + len(" ".join(kept)), L, 0.55)


def _not_place(words: list[str], common: frozenset[str]) -> bool:
    for word in words:
        bare = word.strip(".,'’")
        if (
            bare.lower() in common
            or bare in NOT_NAMES
            or is_region(bare)
            or re.fullmatch(MONTHS, bare)
            or (bare.isupper() and len(bare) > 1 and len(words) == 1)
            or len(bare) < 3
        ):
            return True
    return all(is_generic(w) for w in words)


def _not_firm(words: list[str], common: frozenset[str]) -> bool:
    """One everyday word ("works at Home") or only clinical or generic words."""
    if len(words) == 1:
        return _not_place(words, common)
    return all(is_generic(w) or w in NOT_NAMES or is_region(w) for w in words)
