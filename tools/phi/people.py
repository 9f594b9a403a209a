"""People's names: by the title, label, relation or credential around them, and by a
list of given names; then every other mention of a name found once.

The language model finds many names on its own; these rules catch what it misses in
clinical layouts ("Patient: WHITCOMB, FRANK ELLIS", "D. Lusk, NRP", "her son, Rui")
and keep words a note uses in their ordinary sense ("grace period", "Will recheck").
"""

import functools
import re
from collections.abc import Iterable, Iterator

from .categories import Category, Finding
from .lexicon import (
    CREDENTIALS,
    FACILITY_WORDS,
    GENERIC_WORDS,
    NAME_LABELS,
    NOT_NAMES,
    RELATIONS,
    TITLES,
)

N = Category.NAME
# One word of a name: capitalised (Unicode letters), hyphens and apostrophes inside;
# or an initial ("M.", "M.-È.").
_PART = (
    r"(?:(?:[A-ZÀ-ÖØ-Þ]['’])?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)*"
    r"(?:-[a-z]{2,4}(?![\w-]))?"  # Jae-won, Min-jun
    r"|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)"  # McAllister, DeShawn
)
_INITIAL = r"(?:[A-ZÀ-ÖØ-Þ]\.(?:-[A-ZÀ-ÖØ-Þ]\.)?)"
_NICK = r"(?:\"[A-Z][a-z]+\"|“[A-Z][a-z]+”|\([A-Z][a-z]+\))"
_CAPS = r"(?:(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]{2,})*)"  # O'CONNOR
# Words of one name are one space apart: wider gaps are the columns of a form.
# Particles inside a name: Anneke van der Berg, María de la Cruz, Omar bin Said.
_PARTICLE = r"(?:(?:van|von|der|den|de|del|della|di|da|du|dos|la|le|bin|binti|ibn|al|el|ter) )"
NAME = (
    # Capitals first: "O'CONNOR, SEAN P" is one name, not "O'" and the rest.
    rf"(?:{_CAPS}, {_CAPS}(?: {_CAPS})?(?: [A-Z]\.?(?![\w]))?"
    rf"|(?:{_INITIAL} ?)*{_PART}(?: (?:{_NICK} )?(?:{_INITIAL} ?)?{_PARTICLE}*{_PART}){{0,3}}"
    rf"|{_INITIAL}[ \t]?{_PART})"
)
_TITLED = re.compile(rf"\b(?:{TITLES})\.?[ \t]+(?P<name>{NAME})")
_SURNAME_FIRST = rf"{_PART}, {_PART}(?: {_INITIAL}| {_PART})?(?![\w-])"
_LABELLED = re.compile(
    rf"(?:^|(?<=[ \t(]))(?:{NAME_LABELS}|{NAME_LABELS.upper()})\b\.?[ \t]*[:\-]?[ \t]*"
    rf"(?:(?:{TITLES})\.?[ \t]+)?(?P<name>{_SURNAME_FIRST}|{NAME})",
    re.MULTILINE,
)
# A nickname in quotes or brackets right after a name: Baby Boy Nakamura-Ellis ("Theo").
_NICKNAME_AFTER = re.compile(r"[ \t]*\(?[\"“](?P<name>[A-Z][a-z]+)[\"”]\)?")
_RELATED = re.compile(
    rf"\b(?i:{RELATIONS})\b(?:[ \t]*\(\d+\))?,?[ \t]*:?[ \t]+"
    rf"(?:(?:{TITLES})\.?[ \t]+)?(?P<name>{NAME})"
)
_CREDENTIALED = re.compile(
    rf"(?P<name>{NAME}),?[ \t]+(?:{CREDENTIALS})\b(?![\w-])(?!\s*(?:unit|floor|team|clinic))"
)
_SIGN_OFF = re.compile(
    rf"^[ \t]*(?:[-–]{{1,2}}[ \t]*)?(?P<name>{NAME})(?:[ \t]*$|(?=[ \t]{{2,}}\d))"
    rf"|(?:^|[ \t])(?:[-–]{{1,2}}|/)[ \t]*(?P<initials>[A-Z]{{2,3}}|(?:[A-Z]\.){{2,3}})[ \t]*$",
    re.MULTILINE,
)
_INITIALS = re.compile(r"\b(?:by|per|initials?|/s/)[ \t]+(?P<name>[A-Z]{2,3})\b(?![\w-])")
# A capitalised word in a run that might be a name: checked against the given names.
_PAIR = re.compile(
    rf"\b(?P<first>[A-Z][a-z]+)[ \t]+(?P<rest>(?:{_INITIAL}[ \t]+)?{_PART}(?:[ \t]+{_PART})?)"
)
_CAPS_WORDS = frozenset(CREDENTIALS.split("|"))
# A nickname in quotes between given name and surname: Alphonse "Al" Dubuisson.
_NICKNAMED = re.compile(rf"\b{_PART} (?:\"[A-Z][a-z]+\"|“[A-Z][a-z]+”) {_PART}(?: {_PART})?")
_KNOWN_AS = re.compile(
    rf"\b(?:known as|goes by|nicknamed|prefers to be called|also called|a\.k\.a\.?"
    rf"|(?:her|his|their|my) name is|named)[ \t]+[\"“]?(?P<name>{_PART}(?: {_PART})?)"
)
# A name with the relation after it in brackets: "per Babajide (son)".
_RELATION_AFTER = re.compile(rf"(?P<name>{_PART}(?: {_PART})?)[ \t]*\((?i:{RELATIONS})\)")
# A name after the closing words of a message: "Thanks, Bea", "Kind regards,\nTheo Vance".
_CLOSING = re.compile(
    rf"\b(?:Thanks|Thank you|Many thanks|Regards|Best|Cheers|Sincerely|Warmly|Best wishes"
    rf"|Kind regards|Warm regards|Yours sincerely|Yours|Take care),?[ \t]*\n?[ \t]*"
    rf"(?:[-–][ \t]*)?(?P<name>{_PART}(?: {_PART})?)(?:[ \t]*(?:$|[,.]))",
    re.MULTILINE,
)
# Initials alone after a sign-off label: "Reviewed: DLW".
_SIGNED_INITIALS = re.compile(
    r"\b(?:Reviewed|Signed|Initials|Checked|Verified|Approved|Entered|Completed|Prepared)"
    r"(?:[ \t]+by)?:?[ \t]+(?P<name>[A-Z]{2,3})[ \t]*$",
    re.MULTILINE,
)
# Given names that are everyday words too: a name only before a surname-like word.
_WORD_NAMES = re.compile(
    rf"\b(?:Grace|Faith|Hope|Iris|Daisy|Penny|Joy|Dawn|Summer|Ruby|Amber|Crystal|June|April"
    rf"|Rose) (?P<last>{_PART})(?![\w'’-])"
)
# Endings of English words, not of surnames: "Grace Period", "Hope Springs" stay.
_WORDLIKE = re.compile(
    r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ings|ated|ized|ised|ive|ous|ful|less|ule"
    r"|iod|uria|emia|itis|osis|ngs)$",
    re.IGNORECASE,
)


def by_context(text: str) -> Iterator[Finding]:
    common = common_words()
    for pattern, score in (
        (_TITLED, 0.85),
        (_LABELLED, 0.7),
        (_RELATED, 0.8),
        (_CREDENTIALED, 0.85),
    ):
        for match in pattern.finditer(text):
            if pattern is _LABELLED and match.group("name").lower() in common:
                continue  # "RE: Request for…": a label before an everyday word
            yield from _trimmed(text, match.start("name"), match.end("name"), score)
    for pattern in (_INITIALS, _SIGNED_INITIALS):
        for match in pattern.finditer(text):
            if match.group("name") not in NOT_NAMES and match.group("name") not in _CAPS_WORDS:
                yield Finding(match.start("name"), match.end("name"), N, 0.5)
    for match in _CLOSING.finditer(text):
        first = match.group("name").split()[0]
        if first.lower() not in common and not re.fullmatch(TITLES, first):
            yield from _trimmed(text, match.start("name"), match.end("name"), 0.6)
    for match in _NICKNAMED.finditer(text):
        yield from _trimmed(text, match.start(), match.end(), 0.8)
    for pattern in (_KNOWN_AS, _RELATION_AFTER):
        for match in pattern.finditer(text):
            if match.group("name").split()[0].lower() not in common:
                yield from _trimmed(text, match.start("name"), match.end("name"), 0.7)
    for match in _WORD_NAMES.finditer(text):
        last = match.group("last")
        if (
            last.lower() not in common
            and not _not_name(last)
            and last not in FACILITY_WORDS | GENERIC_WORDS
            and not _WORDLIKE.search(last)
        ):
            yield Finding(match.start(), match.end(), N, 0.6)


def sign_offs(text: str, names: Iterable[str]) -> Iterator[Finding]:
    """A line holding only a name that matches a given name, or initials after a dash."""
    given = set(names)
    for match in _SIGN_OFF.finditer(text):
        if match.group("initials"):
            yield Finding(match.start("initials"), match.end("initials"), N, 0.5)
        elif match.group("name"):
            first = match.group("name").split()[0]
            if first in given or re.fullmatch(_INITIAL, first):
                yield from _trimmed(text, match.start("name"), match.end("name"), 0.6)


def by_gazetteer(text: str, first_names: frozenset[str]) -> Iterator[Finding]:
    """A known given name followed by a capitalised word: "Grace Oyelaran", not "Grace"."""
    for match in _PAIR.finditer(text):
        if match.group("first") in first_names and match.group("first") not in NOT_NAMES:
            yield from _trimmed(text, match.start(), match.end(), 0.6)


def nicknames(text: str, found: list[Finding]) -> Iterator[Finding]:
    for finding in found:
        if finding.category is N and (match := _NICKNAME_AFTER.match(text, finding.end)):
            yield Finding(match.start("name"), match.end("name"), N, 0.7)


def _trimmed(text: str, start: int, end: int, score: float) -> Iterator[Finding]:
    """Drop clinical words, credentials and facility words from the ends of a name."""
    if text[end : end + 1] == ":":
        end = text.rfind(" ", start, end)  # "Resident:" is the next label, not a name
        if end <= start:
            return
    words = list(re.finditer(r"\S+", text[start:end]))
    while words and _not_name(words[-1].group()):
        words.pop()
    while words and _not_name(words[0].group()):
        words.pop(0)
    if words:
        yield Finding(start + words[0].start(), start + words[-1].end(), N, score)


_ROLE = re.compile(
    r"(?:ologist|iatrist|ician|therapist|pharmacist|practitioner|hospitalist|intensivist)$",
    re.IGNORECASE,
)


def _not_name(word: str) -> bool:
    bare = word.strip(',.;:()"“”')
    return (
        not bare
        or bool(_ROLE.search(bare))
        or word.endswith(":")  # the next label of a form
        or bare in NOT_NAMES
        or bare in _CAPS_WORDS
        or bare.lower() in _STOP
    )


_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "at",
        "in",
        "on",
        "to",
        "for",
        "with",
        "from",
        "by",
        "is",
        "was",
        "has",
        "had",
        "be",
        "we",
        "i",
        "he",
        "she",
        "they",
        "this",
        "that",
        "it",
        "no",
        "not",
        "per",
        "via",
        "hospital",
        "clinic",
        "center",
        "centre",
        "medical",
        "health",
    ]
)


def spread(text: str, found: list[Finding]) -> Iterator[Finding]:
    """Every other mention of a name's words (a surname alone, the caps form)."""
    words: set[str] = set()
    for finding in found:
        if finding.category is N:
            for word in re.findall(r"[^\W\d_][\w'’-]*", text[finding.start : finding.end]):
                if len(word) >= 3 and word not in NOT_NAMES and word.lower() not in _STOP:
                    words.add(word)
    if not words:
        return
    forms = words | {w.upper() for w in words}
    pattern = re.compile(
        r"(?<![\w'’-])(?:"
        + "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))
        + r")(?:'s|’s)?(?![\w'’-])"
    )
    common = common_words()
    for match in pattern.finditer(text):
        end = match.end() - (2 if match.group().endswith(("'s", "’s")) else 0)
        word = text[match.start() : end]
        if word.lower() in common and not _beside_name(text, match.start(), end, forms):
            continue  # "Young adult", "Will recheck": the word in its ordinary sense
        yield Finding(match.start(), end, N, 0.6)


def _beside_name(text: str, start: int, end: int, forms: set[str]) -> bool:
    before = re.search(r"(\S+)\s+$", text[max(0, start - 30) : start])
    after = re.match(r"\s+(\S+)", text[end : end + 30])
    near = [m.group(1).strip(',.;:"') for m in (before, after) if m]
    return any(w in forms for w in near) or bool(
        before and re.fullmatch(rf"(?:{TITLES})\.?", before.group(1))
    )


@functools.cache
def common_words() -> frozenset[str]:
    """Everyday English words (Faker's word list) that are also given names or surnames
    (Will, Hope, Young): spread to other mentions only beside another part of a name."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list) | {
        "grace",
        "hope",
        "iris",
        "faith",
        "daisy",
        "penny",
        "joy",
        "rich",
        "frank",
        "major",
        "young",
        "brown",
        "baker",
        "hunter",
        "will",
        "bill",
        "mark",
        "dawn",
        "sky",
        "summer",
        "rose",
        "ruby",
        "amber",
        "crystal",
        "june",
        "april",
        "august",
        "king",
        "long",
        "white",
        "black",
        "green",
        "gray",
        "grey",
        "hill",
        "ward",
        "page",
        "bishop",
        "carter",
        "mason",
    }


@functools.cache
def given_names() -> frozenset[str]:
    """Given names from Faker's locales of the countries our users' patients come from:
    a list of thousands we need not keep ourselves. Everyday words are left out."""
    import importlib

    names: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attribute in ("first_names", "first_names_female", "first_names_male"):
            names.update(getattr(provider, attribute, ()))
    common = common_words()
    return frozenset(
        name
        for name in names
        if name.isalpha()
        and name[0].isupper()
        and name.lower() not in common
        and name not in NOT_NAMES
    )


_LOCALES = [
    "en_US",
    "en_GB",
    "en_IE",
    "en_NZ",
    "en_IN",
    "de_DE",
    "fr_FR",
    "es_ES",
    "es_MX",
    "it_IT",
    "pt_BR",
    "nl_NL",
    "sv_SE",
    "no_NO",
    "da_DK",
    "fi_FI",
    "pl_PL",
    "tr_TR",
    "yo_NG",
    "zu_ZA",
    "hi_IN",
    "vi_VN",
    "ko_KR",
    "ga_IE",
]
