"""Code lookup and word search over every code set: one entry point, `search()`.

Code-shaped input (E11.9, e119, E11.*, 0DT, 99202-99205) resolves by exact code,
then by prefix in official order. Words are matched against titles and other
descriptor text with stemming, the last word as a prefix (typing), coder
abbreviations and synonyms expanded, all words before some words, and misspelt
words corrected from the vocabulary (ranked after exact matches). Two backends
share this logic: SQLite FTS5 and PostgreSQL full-text search with pg_trgm.
"""

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q

from . import searchwords
from .formats import System, normalize
from .models import Code, SearchTerm

Systems = Sequence[str] | None
MAX_QUERY = 200  # characters; longer input is cut (documented on the search page)
CANDIDATES = 300
TOKEN = re.compile(r'"[^"]*"|[^\s"]+')
WORD = re.compile(r"[a-z0-9]+")
CODE_SHAPE = re.compile(r"^[A-Z0-9]{1,3}(?:\.?[A-Z0-9]{1,4})?(?:\.?\*)?$")
# Words coders type that the table maps (appendectomy…): spelling candidates too.
EXPANSION_WORDS = [key for key in searchwords.EXPANSIONS if key.isalpha() and len(key) > 3]
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


@dataclass
class Term:
    """One query word (or quoted phrase) and the word groups that may stand for it."""

    alternatives: list[list[str]]
    prefix: bool = False
    phrase: bool = False


@dataclass
class WordQuery:
    terms: list[Term] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [w for term in self.terms for w in term.alternatives[0]]


def search(query: str, systems: Systems = None, limit: int = 20) -> list[SearchHit]:
    query = " ".join((query or "").split())[:MAX_QUERY]
    if not query:
        return []
    hits: dict[tuple[str, str], SearchHit] = {}
    for hit in lookup_codes(query, systems, limit):
        hits.setdefault((hit.system, hit.code), hit)
    if len(hits) < limit:
        for hit in search_words(query, systems, limit):
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
    rows = codes.filter(prefix).order_by("system", "position", "code")[: limit + len(found)]
    found += [_hit(row, "code prefix") for row in rows if (row.system, row.code) not in exact]
    return found[:limit]


def _hit(row: Code, why: str) -> SearchHit:
    return SearchHit(row.system, row.code, row.title, row.billable, why)


# Words


def parse_words(query: str) -> WordQuery:
    """Tokens → terms: quoted phrases kept whole, stop words dropped, expansions added."""
    parsed = WordQuery()
    tokens = _join_phrases(TOKEN.findall(query.lower()))
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1 and not query.endswith((" ", '"'))
        if token.startswith('"'):
            words = WORD.findall(token)
            if words:
                parsed.terms.append(Term([words], phrase=True))
            continue
        words = WORD.findall(token)
        if not words or (len(words) == 1 and words[0] in searchwords.STOP_WORDS):
            continue
        alternatives = expand(words)
        prefix = last and len(alternatives) == 1 and len(words[-1]) >= 2
        parsed.terms.append(Term(alternatives, prefix=prefix))
    return parsed


def _join_phrases(tokens: list[str]) -> list[str]:
    """Two words the expansion table knows together ("heart attack") become one token."""
    joined, index = [], 0
    while index < len(tokens):
        pair = " ".join(tokens[index : index + 2])
        if index + 1 < len(tokens) and pair in searchwords.EXPANSIONS:
            joined.append(pair)
            index += 2
        else:
            joined.append(tokens[index])
            index += 1
    return joined


def expand(words: list[str]) -> list[list[str]]:
    """The words, then what they stand for (two steps: lap → laparoscopic →
    percutaneous endoscopic)."""
    alternatives = [words]
    key = " ".join(words)
    for _step in range(2):
        expansion = searchwords.EXPANSIONS.get(key)
        if not expansion:
            break
        found = [w for w in WORD.findall(expansion) if w not in searchwords.STOP_WORDS]
        if found in alternatives:
            break
        alternatives.append(found)
        key = expansion
    return alternatives


def search_words(query: str, systems: Systems, limit: int) -> list[SearchHit]:
    parsed = parse_words(query)
    if not parsed.terms:
        return []
    backend = BACKENDS[connection.vendor]
    ranked: dict[int, tuple[float, str]] = {}
    # Passes in rank order: every word as typed; every word, misspellings corrected;
    # some of the words. A pass runs only while the page is not full.
    passes = [(parsed, "all", 0, "all words")]
    corrected = correct_spelling(parsed, backend)
    if corrected is not None:
        passes.append((corrected, "all", -50, "similar spelling"))
    if len(parsed.terms) > 1:
        passes.append((parsed, "any", -100, "some words"))
    for query_terms, mode, offset, why in passes:
        if len(ranked) >= limit:
            break
        for code_id, relevance in backend.match(query_terms, mode, systems, CANDIDATES):
            ranked.setdefault(code_id, (relevance + offset, why))
    return _rank(corrected or parsed, ranked, limit)  # titles compare with the words meant


def correct_spelling(parsed: WordQuery, backend: "Backend") -> WordQuery | None:
    """The query with each word the vocabulary lacks replaced by its nearest word."""
    known = backend.known_words({w for term in parsed.terms for w in term.alternatives[0]})
    changed = False
    terms = []
    for term in parsed.terms:
        words = []
        for word in term.alternatives[0]:
            if word in known or len(word) < 4 or word.isdigit():
                words.append(word)
                continue
            candidates = [*backend.similar_words(word), *EXPANSION_WORDS]
            best = max(
                candidates,
                key=lambda candidate: difflib.SequenceMatcher(None, word, candidate).ratio(),
                default=None,
            )
            if best and difflib.SequenceMatcher(None, word, best).ratio() >= 0.8:
                words.append(best)
                changed = True
            else:
                words.append(word)
        alternatives = [words] if term.phrase else expand(words)
        terms.append(Term(alternatives, prefix=False, phrase=term.phrase))
    return WordQuery(terms) if changed else None


def _rank(parsed: WordQuery, ranked: dict, limit: int) -> list[SearchHit]:
    """Text relevance first, then billable, active and short titles; title words count."""
    if not ranked:
        return []
    codes = {
        row.id: row
        for row in Code.objects.filter(pk__in=list(ranked)).only(
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
    }
    ordered = parsed.words
    wanted = set(ordered)
    hits = []
    for code_id, (relevance, why) in ranked.items():
        row = codes.get(code_id)
        if row is None:
            continue
        title = row.title
        title_words = WORD.findall(title.lower())
        in_title = wanted <= set(title_words) if wanted else False
        coverage = len(wanted & set(title_words)) / max(len(set(title_words)), 1)
        score = (
            relevance
            + (4 if row.billable else 0)
            + (2 if row.status == Code.Status.ACTIVE else -20)
            + (3 if in_title else 0)
            + 6 * coverage  # a closer title: fewer words beyond the query's
            + (2 if title_words[: len(ordered)] == ordered else 0)  # starts as typed
            + (1 if "unspecified" in title_words and "unspecified" not in wanted else 0)
            - len(title) / 25
        )
        hits.append(SearchHit(row.system, row.code, title, row.billable, why, score))
    hits.sort(key=lambda hit: (-hit.score, hit.code))
    return hits[:limit]


class Backend:
    """Full-text query syntax and lookups for one database; subclasses fill them in."""

    AND, OR, FOLLOWED_BY, PREFIX = " AND ", " OR ", " ", "*"

    def word(self, word: str) -> str:
        return word

    def phrase(self, words: list[str]) -> str:
        return "(" + self.FOLLOWED_BY.join(self.word(w) for w in words) + ")"

    def expression(self, parsed: WordQuery, mode: str) -> str:
        """(term1 alternatives) AND (term2 alternatives)…, or OR for "some words"."""
        groups = []
        for term in parsed.terms:
            options = []
            for words in term.alternatives:
                if term.phrase:
                    options.append(self.phrase(words))
                    continue
                parts = [self.word(w) for w in words]
                if term.prefix and words is term.alternatives[0]:
                    parts[-1] += self.PREFIX
                options.append("(" + self.AND.join(parts) + ")")
            groups.append("(" + self.OR.join(options) + ")")
        return (self.AND if mode == "all" else self.OR).join(groups)

    def match(
        self, parsed: WordQuery, mode: str, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        """(code id, relevance) of the best `limit` documents matching the query."""
        raise NotImplementedError

    def similar_words(self, word: str) -> list[str]:
        """Vocabulary words spelled like `word`, closest first."""
        raise NotImplementedError

    def known_words(self, words: Iterable[str]) -> set[str]:
        rows = SearchTerm.objects.filter(word__in=list(words))
        return set(rows.values_list("word", flat=True))


class SqliteBackend(Backend):
    """FTS5: porter-stemmed words (bm25, title weighted 10:2); trigram vocabulary."""

    def word(self, word: str) -> str:
        return '"' + word.replace('"', "") + '"'

    def phrase(self, words: list[str]) -> str:
        return self.word(" ".join(words))

    def match(
        self, parsed: WordQuery, mode: str, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        sql = (
            "SELECT d.code_id, -bm25(codes_search_fts, 10.0, 2.0) FROM codes_search_fts "
            "JOIN codes_searchdocument d ON d.code_id = codes_search_fts.rowid "
            "WHERE codes_search_fts MATCH %s"
        )
        params: list[Any] = [self.expression(parsed, mode)]
        if systems:
            sql += f" AND d.system IN ({', '.join(['%s'] * len(systems))})"
            params += list(systems)
        sql += " ORDER BY bm25(codes_search_fts, 10.0, 2.0) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

    def similar_words(self, word: str) -> list[str]:
        grams = {word[i : i + 3] for i in range(len(word) - 2)}
        if not grams:
            return []
        expression = " OR ".join(f'"{gram}"' for gram in grams)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.word FROM codes_searchterm_fts JOIN codes_searchterm t "
                "ON t.id = codes_searchterm_fts.rowid WHERE codes_searchterm_fts MATCH %s "
                "ORDER BY bm25(codes_searchterm_fts), t.frequency DESC LIMIT 40",
                [expression],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend(Backend):
    """tsvector (english stemming, title weight A, other text B) ranked by ts_rank_cd;
    pg_trgm similarity over the vocabulary."""

    AND, OR, FOLLOWED_BY, PREFIX = " & ", " | ", " <-> ", ":*"

    def match(
        self, parsed: WordQuery, mode: str, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        sql = (
            "SELECT code_id, 10 * ts_rank_cd(search_vector, query, 2 | 32) "
            "FROM codes_searchdocument, to_tsquery('english', %s) query "
            "WHERE search_vector @@ query"
        )
        params: list[Any] = [self.expression(parsed, mode)]
        if systems:
            sql += " AND system = ANY(%s)"
            params.append(list(systems))
        sql += " ORDER BY ts_rank_cd(search_vector, query, 2) DESC LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

    def similar_words(self, word: str) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM codes_searchterm WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, frequency DESC LIMIT 40",
                [word, word],
            )
            return [row[0] for row in cursor.fetchall()]


BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}
