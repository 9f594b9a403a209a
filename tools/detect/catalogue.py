"""The ICD-10-CM catalogue as DetectICD10CM reads it: loaded from the database once per
process, then read-only.

Holds each active code's official title, parent, children and billable flag, the
words of its title, its "use additional code" references, and a phrase table (titles,
inclusion terms and our lexicon, folded like a note) that the matcher walks.
"""

import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from codes.formats import System
from codes.models import Code, CodeNote, Release

from .lexicon import TERMS
from .text import STOP, content, fold, title_words, words

# Words a title may carry that a note never needs to say for the code to fit.
OPTIONAL = frozenset(["unspecified", "nos", "mellitus", "elsewhere", "classified", "not"])
# Phrase sources, best first: our lexicon, a billable title, an inclusion term, a heading.
LEXICON, TITLE, INCLUSION, HEADING = 0, 1, 2, 3
MAX_PHRASE = 8
# "Chronic or unspecified gastric ulcer", "unspecified as acute or chronic": no word needed
EITHER = re.compile(r"\b\w+ or unspecified\b|\bunspecified as \w+ or \w+")
GUSTILO = re.compile(r"open fracture type I or II\b")
KEPT_Z = ("Z68", "Z3A", "Z99", "Z95", "Z96", "Z89", "Z93", "Z94", "Z80", "Z85", "Z86", "Z87")
# Kinds of injury whose code is found from the site words around them, in any order.
HEADS = frozenset(
    [
        "fracture",
        "sprain",
        "strain",
        "laceration",
        "contusion",
        "burn",
        "dislocation",
        "ulcer",
        "bite",
        "tear",  # of a meniscus (S83.2-)
        "abrasion",
    ]
)
BRACKETED = re.compile(r"\s*\[([^\]]+)\]")
REFERENCE = re.compile(
    r"\b([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)(?:-([A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?))?"
)


@dataclass
class Entry:
    code: str
    title: str
    billable: bool
    parent: str | None
    words: frozenset[str] = frozenset()  # what the title requires
    bonus: frozenset[str] = frozenset()  # its nonessential (parenthesised) words
    without: frozenset[str] = frozenset()  # words after "without": the default state
    children: list[str] = field(default_factory=list)
    additional: list[tuple[str, str]] = field(default_factory=list)  # (from, to) ranges
    excludes1: list[tuple[str, str, str]] = field(default_factory=list)  # (from, to, note)


@dataclass
class Catalogue:
    release: str
    entries: dict[str, Entry]
    phrases: dict[tuple[str, ...], list[tuple[int, str]]]
    first_words: dict[str, int]  # first word → longest phrase starting with it
    vocabulary: frozenset[str]
    deletions: dict[str, str]  # one-letter deletion of a long word → the word
    injuries: dict[str, list[str]]  # head word → injury codes (before the 7th character)
    below: dict[str, list[str]] = field(default_factory=dict)

    def billable_under(self, code: str) -> list[str]:
        """Every billable code at or below `code`, in official order (kept per code:
        the catalogue is read-only)."""
        known = self.below.get(code)
        if known is None:
            known = self.below[code] = self._billable_under(code)
        return known

    def _billable_under(self, code: str) -> list[str]:
        out: list[str] = []
        stack = [code]
        while stack:
            entry = self.entries.get(stack.pop())
            if entry is None:
                continue
            if entry.billable:
                out.append(entry.code)
            stack.extend(reversed(entry.children))
        return out

    def ancestors(self, code: str) -> list[str]:
        out = []
        entry = self.entries.get(code)
        while entry is not None and entry.parent:
            out.append(entry.parent)
            entry = self.entries.get(entry.parent)
        return out

    def excludes(self, code: str, other: str) -> str | None:
        """The Excludes1 note on `code` or above that names `other`, if any."""
        for owner in [code, *self.ancestors(code)]:
            entry = self.entries.get(owner)
            for low, high, note in entry.excludes1 if entry else ():
                if _within(other, low, high):
                    return f"{owner} Excludes1: {note}"
        return None

    def asks_for(self, code: str, other: str) -> bool:
        """Does a "use additional code" note on `code` or above name `other`?"""
        for owner in [code, *self.ancestors(code)]:
            entry = self.entries.get(owner)
            for low, high in entry.additional if entry else ():
                if _within(other, low, high):
                    return True
        return False


def _within(code: str, low: str, high: str) -> bool:
    """Is `code` in the range a note names ("N18.1-N18.6", "E10.-", "I50.-")?"""
    return code.startswith(low) or low <= code <= high + "~"


_lock = threading.Lock()
_loaded: tuple[object, Catalogue] | None = None


def load() -> Catalogue:
    """The process's catalogue, built on first use (a few seconds) and kept until the
    ICD-10-CM data changes (a new release imported): one small query tells."""
    global _loaded
    stamp = _stamp()
    if _loaded is None or _loaded[0] != stamp:
        with _lock:
            if _loaded is None or _loaded[0] != stamp:
                _loaded = (stamp, _build())
    return _loaded[1]


def _stamp() -> object:
    return tuple(
        Release.objects.filter(source="icd10cm")
        .order_by("-created_at", "-pk")
        .values_list("pk", "created_at")[:1]
    )


def _build() -> Catalogue:
    rows = (
        Code.objects.filter(system=System.ICD10CM, status=Code.Status.ACTIVE)
        .order_by("position", "code")
        .values_list("code", "long_description", "billable", "parent__code")
    )
    entries: dict[str, Entry] = {}
    memo: dict[str, list[str]] = {}
    bares: dict[str, list[str]] = {}
    for code, title, billable, parent in rows:
        # the Gustilo type of an open fracture is a detail a note rarely gives
        full, bare = title_words(EITHER.sub("", GUSTILO.sub("open fracture", title)), memo)
        bares[code] = bare
        without = _without_part(title, memo)
        required = frozenset(content(bare)) - OPTIONAL
        bonus = frozenset(content(full)) - OPTIONAL - required
        entries[code] = Entry(code, title, billable, parent, required, bonus, without)
    for entry in entries.values():
        if entry.parent in entries:
            entries[entry.parent].children.append(entry.code)
    phrases: dict[tuple[str, ...], list[tuple[int, str]]] = defaultdict(list)
    for entry in entries.values():
        if entry.billable or entry.children:
            bare = bares[entry.code]
            source = TITLE if entry.billable else HEADING
            if "encounter" not in bare and "-" not in entry.code and _condition(entry.code):
                _add(phrases, bare, source, entry.code)
    notes = CodeNote.objects.filter(
        code__system=System.ICD10CM,
        code__status=Code.Status.ACTIVE,
        kind__in=[
            CodeNote.Kind.INCLUSION_TERM,
            CodeNote.Kind.USE_ADDITIONAL_CODE,
            CodeNote.Kind.EXCLUDES1,
        ],
    ).values_list("code__code", "kind", "text")
    for code, kind, text in notes:
        if kind == CodeNote.Kind.INCLUSION_TERM:
            if not _condition(code):
                continue
            for term in text.split(";"):
                # "... preserved ejection fraction [HFpEF]": the term without its short form
                _, bare = title_words(BRACKETED.sub("", term), memo)
                _add(phrases, bare, INCLUSION, code)
        elif kind == CodeNote.Kind.EXCLUDES1:
            entries[code].excludes1.extend(
                (low, high or low, text) for low, high in REFERENCE.findall(text)
            )
        else:
            entries[code].additional.extend(
                (low, high or low) for low, high in REFERENCE.findall(text)
            )
    for term, code in TERMS.items():
        if code in entries:
            _add(phrases, [w.norm for w in words(term)], LEXICON, code)
    vocabulary = frozenset(w for phrase in phrases for w in phrase)
    deletions: dict[str, str] = {}
    for word in vocabulary:
        if len(word) >= 6 and word.isalpha():
            for i in range(len(word)):
                deletions.setdefault(word[:i] + word[i + 1 :], word)
    first_words: dict[str, int] = {}
    for phrase in phrases:
        first_words[phrase[0]] = max(first_words.get(phrase[0], 0), len(phrase))
    release = (
        Release.objects.filter(source="icd10cm")
        .order_by("-effective_date")
        .values_list("name", flat=True)
        .first()
    )
    injuries: dict[str, list[str]] = defaultdict(list)
    for entry in entries.values():
        if _injury_base(entries, entry):
            for head in HEADS & entry.words:
                injuries[head].append(entry.code)
    return Catalogue(
        release or "ICD-10-CM",
        entries,
        dict(phrases),
        first_words,
        vocabulary,
        deletions,
        dict(injuries),
    )


def _condition(code: str) -> bool:
    """External causes and most Z codes (encounters, counseling) are not conditions a
    note documents; statuses the notes ask for (BMI, dialysis, weeks) stay."""
    return code[0] not in "VWXY" and (code[0] != "Z" or code.startswith(KEPT_Z))


def _injury_base(entries: dict[str, Entry], entry: Entry) -> bool:
    """An injury code a site and a kind of injury name, before its 7th character."""
    if not entry.code.startswith(("S", "T2", "T3", "L89")) or len(entry.code) > 7:
        return False
    if entry.billable:
        return True
    kids = entry.children
    return bool(kids) and all(len(k) == 8 and entries[k].billable for k in kids)


def _add(
    phrases: dict[tuple[str, ...], list[tuple[int, str]]], norms: list[str], source: int, code: str
) -> None:
    key = tuple(w for w in content(norms) if w not in OPTIONAL)
    if not key or len(key) > MAX_PHRASE:
        return
    if (source, code) not in phrases[key]:
        phrases[key].append((source, code))


def _without_part(title: str, memo: dict[str, list[str]]) -> frozenset[str]:
    """The words a title says are absent ("without spontaneous rupture of ear drum"):
    from "without", "not" or "except" to the next "with" or comma, less words it also says are
    there ("..., left ear")."""
    absent: set[str] = set()
    present: set[str] = set()
    # "without complications in remission": the remission is there, not absent
    for piece in title.replace(" in remission", ", in remission").split(", "):
        inside = False
        for w in title_words(piece, memo)[0]:
            if w in ("without", "not", "except"):
                inside = True
                if w == "except":
                    absent.add(w)  # "due to plants, except food": food is the other code
            elif w == "with":
                inside = False
            elif w not in STOP and w not in OPTIONAL:
                (absent if inside else present).add(w)
    return frozenset(absent - present) | ({"without"} if "without" in title.lower() else set())


__all__ = ["Catalogue", "Entry", "fold", "load"]
