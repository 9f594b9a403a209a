"""Code lookup and word search over every code set: one entry point, `search()`.

Code-shaped input (E11.9, e119, E11.*, 0DT, 99202-99205) resolves by exact code,
then by prefix in official order. Words are matched against titles and other
descriptor text with stemming, the last word as a prefix (typing), coder
abbreviations and synonyms expanded, all words before some words, and misspelt
words corrected from the vocabulary (ranked after exact matches). Two backends
share this logic: SQLite FTS5 and PostgreSQL full-text search with pg_trgm.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Lower

from . import searchwords, vocabulary
from .formats import System, normalize
from .models import Code, SearchName
from .searchbackends import BACKENDS, Backend, Systems
from .searchquery import Term, WordQuery, name_keys, parse_words
from .searchrank import Candidate, score

MAX_QUERY = 200  # characters; longer input is cut (documented on the search page)
CANDIDATES = 80  # per full-text pass for suggestions; a results page asks for its own limit
MIN_PREFIX = 3  # letters of a lone word being typed before its words are searched
COMMON = 10_000  # a word this frequent in the searchable text tells little on its own
CODE_SHAPE = re.compile(r"^[A-Z0-9]{1,3}(?:\.?[A-Z0-9]{1,4})?(?:\.?\*)?$")
# Words coders type that the table maps (appendectomy…): spelling candidates too.
CODER_WORDS = frozenset(
    w
    for phrase in [*searchwords.EXPANSIONS, *vocabulary.INDEX_DEFAULTS]
    for w in phrase.split()
    if w.isalpha() and len(w) > 3
)
EXPANSION_WORDS = sorted(CODER_WORDS)
WORDS = re.compile(r"[a-z0-9]+")
MODIFIER = re.compile(r"^[A-Z]{2}$")  # letters only; 59, 25 or F5 are code-shaped anyway
RANGE = re.compile(r"^([A-Z0-9]{5})\s*-\s*([A-Z0-9]{5})$")


@dataclass
class SearchHit:
    system: str
    code: str
    title: str
    billable: bool
    why: str
    score: float = 0.0

    @property
    def system_label(self) -> str:
        return System(self.system).label


def search(query: str, systems: Systems = None, limit: int = 20) -> list[SearchHit]:
    query = " ".join((query or "").split())[:MAX_QUERY]
    if not query:
        return []
    hits: dict[tuple[str, str], SearchHit] = {}
    codes = lookup_codes(query, systems, limit)
    exact = [hit for hit in codes if hit.why == "code"]
    # An abbreviation the vocabulary knows ("dm2", "t2dm") is meant as words, even when
    # it is also the start of some code: its word hits come before code prefixes.
    words_first = query.lower() in searchwords.EXPANSIONS
    for hit in [h for h in exact if h.system == System.MODIFIER] if words_first else codes:
        hits.setdefault((hit.system, hit.code), hit)
    if len(hits) < limit:
        for hit in search_words(query, systems, limit):
            hits.setdefault((hit.system, hit.code), hit)
    for hit in codes:
        hits.setdefault((hit.system, hit.code), hit)
    return list(hits.values())[:limit]


# Code-shaped input


def lookup_codes(query: str, systems: Systems, limit: int) -> list[SearchHit]:
    typed = query.upper().replace(" ", "")
    codes = Code.objects.filter(system__in=systems) if systems else Code.objects.all()
    if match := RANGE.match(query.upper()):
        first, last = match[1], match[2]
        rows = codes.filter(code__gte=first, code__lte=last, kind="code").exclude(
            code__contains="-"
        )
        rows = rows.filter(code__regex=r"^[A-Z0-9]{5}$").order_by("system", "code")[:limit]
        return [_hit(row, "code range") for row in rows]
    if MODIFIER.match(typed):  # GP, KX, LT: a modifier by its code, before any word
        rows = codes.filter(system=System.MODIFIER, code=typed)
        return [_hit(row, "code") for row in rows]
    if not CODE_SHAPE.match(typed) or not any(ch.isdigit() for ch in typed):
        return []
    wildcard = typed.endswith("*")
    stem = typed.rstrip("*").rstrip(".")
    forms = {normalize(system, stem) for system in System.values} | {stem}
    found = []
    if not wildcard:
        found += [_hit(row, "code") for row in codes.filter(code__in=forms).order_by("system")]
    prefix = Q()
    for form in forms:
        if connection.vendor == "sqlite":  # SQLite's LIKE cannot use the code index
            prefix |= Q(code__gte=form, code__lt=form + "\uffff")
        else:  # PostgreSQL: LIKE 'E11%' uses the varchar_pattern_ops index
            prefix |= Q(code__startswith=form)
    exact = {(hit.system, hit.code) for hit in found}
    # On PostgreSQL, an order no index holds (lower(system): the values are lower case
    # already): the planner then reads the few codes the prefix index finds and sorts
    # them, instead of walking an ordered index over all 185,000 codes to find the one
    # "D37.3" names (51-70 ms).
    first = Lower("system") if connection.vendor == "postgresql" else F("system")
    rows = codes.filter(prefix).order_by(first, "position", "code")[: limit + len(found)]
    found += [_hit(row, "code prefix") for row in rows if (row.system, row.code) not in exact]
    return found[:limit]


def _hit(row: Code, why: str) -> SearchHit:
    return SearchHit(row.system, row.code, row.title, row.billable, why)


# Words


def search_words(query: str, systems: Systems, limit: int) -> list[SearchHit]:
    parsed = parse_words(query)
    if not parsed.terms:
        return []
    lone = _lone_word(parsed)
    if lone is not None and parsed.terms[0].prefix and len(lone) < MIN_PREFIX:
        return []  # "di" starts 25,000 titles' words: ranking them says nothing yet
    backend = BACKENDS[connection.vendor]
    # Every word a term may stand for: the typed ones for spelling, all for relevance;
    # for a word being typed, how often the words it may become occur.
    last = parsed.terms[-1]
    frequency = backend.frequencies(
        {w for term in parsed.terms for words in term.alternatives for w in words},
        last.alternatives[0][-1] if last.prefix else "",
    )
    corrected = correct_spelling(query, parsed, backend, frequency)
    named = _named(query, parsed, corrected, systems)
    wanted = max(CANDIDATES, limit)
    ranked = _title_starts(parsed, lone, frequency, systems, wanted)
    # Passes in rank order: every word as typed; every word, misspellings corrected;
    # some of the words. A pass runs only while the page is not full.
    passes = [(parsed, "all", 0, "all words")]
    if corrected is not None:
        passes.append((corrected, "all", -50, "similar spelling"))
    if len(parsed.terms) > 1:
        passes.append((_telling_terms(parsed, frequency), "any", -100, "some words"))
    for query_terms, mode, offset, why in passes:
        if len(ranked) >= limit or (mode == "any" and ranked):
            break  # some words only when all the words found nothing: it is the slow pass
        for code_id, relevance in backend.match(query_terms, mode, systems, wanted, frequency):
            ranked.setdefault(code_id, (relevance + offset, why))
    for code_id in named:
        ranked.setdefault(code_id, (0.0, "name"))
    # Titles compare with the words meant: the corrected spelling when there is one.
    return _rank(corrected or parsed, query, ranked, named, limit)


def _named(
    query: str, parsed: WordQuery, corrected: WordQuery | None, systems: Systems
) -> dict[int, int]:
    """Codes the whole query names (code id -> the name's weight), in one query."""
    keys = name_keys(parsed, query) + (name_keys(corrected, query) if corrected else [])
    rows = SearchName.objects.filter(key__in=keys)
    if systems:
        rows = rows.filter(code__system__in=systems)
    named: dict[int, int] = {}
    for code_id, weight in rows.values_list("code_id", "weight"):
        named[code_id] = max(weight, named.get(code_id, 0))
    return named


def _title_starts(
    parsed: WordQuery,
    lone: str | None,
    frequency: dict[str, int],
    systems: Systems,
    wanted: int,
) -> dict[int, tuple[float, str]]:
    """For one word found in tens of thousands of titles ("encounte", "unspecifi" while
    typing), the titles that start with it ("Encounter for …"); the passes over every
    title that holds it run only when these do not fill the page."""
    if lone is None:
        return {}
    prefix = parsed.terms[0].prefix
    if frequency.get(lone + "*" if prefix else lone, 0) <= COMMON:
        return {}
    backend = BACKENDS[connection.vendor]
    found = backend.title_starts(lone, prefix, systems, wanted)
    return {code_id: (relevance, "all words") for code_id, relevance in found}


def _lone_word(parsed: WordQuery) -> str | None:
    """The query's one word, when it is one word with no other meaning."""
    if len(parsed.terms) != 1 or parsed.terms[0].phrase:
        return None
    term = parsed.terms[0]
    if len(term.alternatives) != 1 or len(term.alternatives[0]) != 1:
        return None
    return term.alternatives[0][0]


def _telling_terms(parsed: WordQuery, frequency: dict[str, int]) -> WordQuery:
    """The terms worth an "any of these words" match: words found in tens of thousands
    of titles (right, initial, encounter, open) match most of the catalogue alone, so
    they only rank; when every term is that common, the rarest one is kept."""

    def count(term: Term) -> int:
        if len(term.alternatives) > 1 or term.phrase:
            return 0
        return max((frequency.get(w, 0) for w in term.alternatives[0]), default=0)

    telling = [term for term in parsed.terms if count(term) <= COMMON]
    return WordQuery(telling or [min(parsed.terms, key=count)])


def correct_spelling(
    query: str, parsed: WordQuery, backend: Backend, frequency: dict[str, int]
) -> WordQuery | None:
    """The query again with each word the vocabulary lacks replaced by its nearest word
    (parsed anew, so a corrected word can join a known phrase), or None if none changed.
    Fewest edits win; on a tie, coder terms (the vocabulary's words) first, then the
    more frequent word: "osteoperosis" -> osteoporosis, not osteopetrosis. Each chosen
    word's frequency joins `frequency`, for the corrected pass's relevance."""
    typed = {w for term in parsed.terms if not term.phrase for w in term.alternatives[0]}
    # A word being typed that starts vocabulary words ("arthroplas") is not misspelt.
    started = {w[:-1] for w, n in frequency.items() if w.endswith("*") and n}
    unknown = typed - set(frequency) - started - set(searchwords.EXPANSIONS)
    replaced = {}
    for word in unknown:
        if len(word) < 4 or not word.isalpha():
            continue
        allowed = 1 if len(word) < 7 else 2
        near = (w for w in EXPANSION_WORDS if abs(len(w) - len(word)) <= allowed)
        candidates = [*backend.similar_words(word), *((w, 0) for w in near)]
        scored = [(edits(word, c), c not in CODER_WORDS, -n, c) for c, n in candidates]
        best = min(scored, default=None)
        if best and best[0] <= allowed:
            replaced[word] = best[3]
            frequency.setdefault(best[3], -best[2])
    if not replaced:
        return None
    text = WORDS.sub(lambda match: replaced.get(match[0], match[0]), query.lower())
    return parse_words(text.rstrip() + " ")  # corrected words are whole, not prefixes


def edits(first: str, second: str) -> int:
    """Edit distance with adjacent swaps counted as one edit (pnuemonia -> pneumonia),
    up to 3: beyond 2 edits no word is a correction, so the count stops there (most of
    the vocabulary is more than 2 edits away, and the spelling pass compares hundreds)."""
    if abs(len(first) - len(second)) > 2:
        return 3
    previous2: list[int] = []
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, 1):
        current = [i]
        for j, b in enumerate(second, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        if min(current) > 2 and min(previous) > 2:
            return 3  # no cell of a later row can come back under 3
        previous2, previous = previous, current
    return min(previous[-1], 3)


def _rank(
    parsed: WordQuery,
    query: str,
    ranked: dict[int, tuple[float, str]],
    named: dict[int, int],
    limit: int,
) -> list[SearchHit]:
    """Candidates scored by codes.searchrank; one query reads their titles."""
    if not ranked:
        return []
    rows = Code.objects.filter(pk__in=list(ranked)).only(
        "system",
        "code",
        "short_description",
        "medium_description",
        "long_description",
        "plain_description",
        "billable",
        "status",
        "kind",
    )
    term_words = [term.alternatives for term in parsed.terms]
    hits = []
    for row in rows:
        relevance, why = ranked[row.id]
        candidate = Candidate(
            row.system,
            row.code,
            _scored_title(row),
            row.billable,
            row.status == Code.Status.ACTIVE,
            relevance,
            named.get(row.id, 0),
        )
        value = score(candidate, term_words, query)
        hits.append(SearchHit(row.system, row.code, row.title, row.billable, why, value))
    hits.sort(key=lambda hit: (-hit.score, hit.code))
    return hits[:limit]


def _scored_title(row: Code) -> str:
    """The text a code's title is scored by: a CPT code shown without its licensed
    descriptor ("CPT code 36415") is scored by our plain-language description."""
    title = row.title
    if row.plain_description and title == f"{System(row.system).label} code {row.code}":
        return row.plain_description
    return title
