"""Full-text matching per database: SQLite FTS5 and PostgreSQL tsvector with pg_trgm.

Both take a parsed word query and return (code id, relevance) of the best candidates;
search ranks them the same way whichever database found them.
"""

import math
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection

from .searchquery import WordQuery

Systems = Sequence[str] | None
# The candidate cut favours the small code sets: thousands of generated ICD-10-PCS titles
# ("… Therapeutic Exercise …") would otherwise crowd the one CPT or HCPCS code out of
# the candidates before ranking sees it. Ranking itself uses the plain relevance.
# What a title that starts with a lone query word scores as text relevance: about bm25's
# for one title word, so the ranking rules decide among them.
START_RELEVANCE = 10.0
SMALL_SETS_SQL = "(CASE WHEN system IN ('cpt', 'hcpcs', 'modifier') THEN 5.0 ELSE 0.0 END)"


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
        self,
        parsed: WordQuery,
        mode: str,
        systems: Systems,
        limit: int,
        frequency: dict[str, int] | None = None,
    ) -> list[tuple[int, float]]:
        """(code id, relevance) of the best `limit` documents matching the query (all
        its terms, or any of them);
        `frequency` holds the vocabulary's count of the query's words (read when absent)."""
        raise NotImplementedError

    def title_starts(
        self, word: str, prefix: bool, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        """The `limit` shortest titles that start with `word` (or a word it begins), as
        (code id, relevance): for a lone common word, bm25 over every title holding it
        costs 100+ ms and would rank by title length anyway."""
        raise NotImplementedError

    def similar_words(self, word: str) -> list[tuple[str, int]]:
        """Vocabulary words spelled like `word` and their frequency, closest first."""
        raise NotImplementedError

    def frequencies(self, words: Iterable[str], prefix: str = "") -> dict[str, int]:
        """How often each of `words` occurs in the searchable text (absent: unknown), and
        under `prefix + "*"` the occurrences of all words that start with `prefix`, in one query."""
        words = list(words)
        marks = ", ".join(["%s"] * len(words)) or "NULL"  # placeholders only: values are params
        sql = "SELECT word, frequency FROM codes_searchterm WHERE word IN (" + marks + ")"  # noqa: S608
        params: list[Any] = words
        if prefix:
            # SQLite's LIKE cannot use the index; PostgreSQL's varchar_pattern_ops index can.
            if connection.vendor == "sqlite":
                starts, after = "word >= %s AND word < %s", [prefix, prefix + "\uffff"]
            else:
                starts, after = "word LIKE %s", [prefix + "%"]
            sql += " UNION ALL SELECT %s, SUM(frequency) FROM codes_searchterm WHERE " + starts  # noqa: S608
            params = [*words, prefix + "*", *after]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return {word: count for word, count in cursor.fetchall() if count is not None}


class SqliteBackend(Backend):
    """FTS5: porter-stemmed words (bm25, title weighted 10:2); trigram vocabulary."""

    def word(self, word: str) -> str:
        return '"' + word.replace('"', "") + '"'

    def phrase(self, words: list[str]) -> str:
        return self.word(" ".join(words))

    def match(
        self,
        parsed: WordQuery,
        mode: str,
        systems: Systems,
        limit: int,
        frequency: dict[str, int] | None = None,
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
        sql += f" ORDER BY bm25(codes_search_fts, 10.0, 2.0) - {SMALL_SETS_SQL} LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

    def title_starts(
        self, word: str, prefix: bool, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        sql = (  # FTS5's initial-token query on the title column
            "SELECT d.code_id FROM codes_search_fts "
            "JOIN codes_searchdocument d ON d.code_id = codes_search_fts.rowid "
            "WHERE codes_search_fts MATCH %s"
        )
        expression = "{title} : ^" + self.word(word) + (self.PREFIX if prefix else "")
        params: list[Any] = [expression]
        if systems:
            sql += f" AND d.system IN ({', '.join(['%s'] * len(systems))})"
            params += list(systems)
        sql += " ORDER BY length(d.title) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [(row[0], START_RELEVANCE) for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[tuple[str, int]]:
        grams = {word[i : i + 3] for i in range(len(word) - 2)}
        if not grams:
            return []
        expression = " OR ".join(f'"{gram}"' for gram in grams)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT t.word, t.frequency FROM codes_searchterm_fts JOIN codes_searchterm t "
                "ON t.id = codes_searchterm_fts.rowid WHERE codes_searchterm_fts MATCH %s "
                "ORDER BY bm25(codes_searchterm_fts), t.frequency DESC LIMIT 40",
                [expression],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]


class PostgresBackend(Backend):
    """tsvector (english stemming, title weight A, other text B) scored like SQLite's
    bm25; pg_trgm similarity over the vocabulary.

    ts_rank alone knows no word rarity: for "triamcinolone acetonide 40 mg" it ranks
    "Interfyl, 1 mg" first, because "mg" in a three-word title weighs as much as the drug
    name. So each term is weighted by its inverse document frequency (from the search
    vocabulary) and by where it occurs (title 10, other text 2, as SQLite's bm25 is
    told), with bm25's saturation and length normalisation: relevance has the same
    scale on both databases, and searchrank's weights mean the same on both.
    """

    AND, OR, FOLLOWED_BY, PREFIX = " & ", " | ", " <-> ", ":*"
    DOCUMENTS = 185_000  # search documents on the full data: scales idf only
    # One term's part of bm25 as SQLite FTS5 computes it (k1 1.2, b 0.75; the mean document
    # holds 7.8 distinct lexemes on the full data), from its weighted occurrences t.
    TERM_SQL = "%s * t{i} * 2.2 / (t{i} + 1.2 * (0.25 + 0.75 * lexemes / 7.8))"
    # Weighted occurrences: ts_rank with weights {D, C, B, A} = {0, 0, 0.2, 1} gives 0.6079
    # for one title occurrence; x16.45 makes it 10 and one in other text 2, as in SQLite.
    OCCURRENCES_SQL = (
        "16.45 * ts_rank('{0, 0, 0.2, 1.0}', search_vector, to_tsquery('english', %s))"
    )

    def match(
        self,
        parsed: WordQuery,
        mode: str,
        systems: Systems,
        limit: int,
        frequency: dict[str, int] | None = None,
    ) -> list[tuple[int, float]]:
        terms = range(len(parsed.terms))
        occurrences = ", ".join(self.OCCURRENCES_SQL + " AS t" + str(i) for i in terms)
        found = (
            "SELECT code_id, system, length(search_vector) AS lexemes, " + occurrences + " "
            "FROM codes_searchdocument WHERE search_vector @@ to_tsquery('english', %s)"
        )
        params: list[Any] = [self.expression(WordQuery([term]), "all") for term in parsed.terms]
        params.append(self.expression(parsed, mode))
        if systems:
            found += " AND system = ANY(%s)"
            params.append(list(systems))
        relevance = " + ".join(self.TERM_SQL.format(i=i) for i in terms)
        # Built from the constants above only; every value goes in as a parameter.
        sql = (
            "SELECT code_id, relevance FROM (SELECT code_id, system, " + relevance + " AS relevance"  # noqa: S608
            " FROM (" + found + ") found) scored ORDER BY relevance + " + SMALL_SETS_SQL + " DESC"
            " LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self._idf(parsed, frequency), *params, limit])
            return cursor.fetchall()

    def _idf(self, parsed: WordQuery, frequency: dict[str, int] | None) -> list[float]:
        """Each term's inverse document frequency: its most common reading's rarest word.
        Words the vocabulary does not hold (numbers, two-letter units, a prefix being
        typed) count as fairly common: they rarely name a code alone."""
        if frequency is None:
            words = {w for term in parsed.terms for words in term.alternatives for w in words}
            frequency = self.frequencies(words)
        weights = []
        for term in parsed.terms:
            seen = [
                min(frequency.get(w, self.DOCUMENTS // 50) for w in words)
                for words in term.alternatives
            ]
            count = max(seen)
            weights.append(math.log(1 + (self.DOCUMENTS - count + 0.5) / (count + 0.5)))
        return weights

    def title_starts(
        self, word: str, prefix: bool, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        # lower(title) LIKE reads the title-start index (migration 0009); the tsquery keeps
        # whole words only ("open" is not "opening") unless the word is being typed.
        sql = (
            "SELECT code_id FROM codes_searchdocument WHERE lower(title) LIKE %s "
            "AND search_vector @@ to_tsquery('english', %s)"
        )
        query = self.word(word) + (self.PREFIX if prefix else "")
        params: list[Any] = [word + "%", query]
        if systems:
            sql += " AND system = ANY(%s)"
            params.append(list(systems))
        sql += " ORDER BY length(title) LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return [(row[0], START_RELEVANCE) for row in cursor.fetchall()]

    def similar_words(self, word: str) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                # lower(word): the expression the trigram index is on (migration 0009)
                "SELECT word, frequency FROM codes_searchterm WHERE lower(word) %% %s "
                "ORDER BY similarity(lower(word), %s) DESC, frequency DESC LIMIT 40",
                [word, word],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]


BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}
