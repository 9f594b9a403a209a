"""Full-text matching per database: SQLite FTS5 and PostgreSQL tsvector with pg_trgm.

Both take a parsed word query and return (code id, relevance) of the best candidates;
search ranks them the same way whichever database found them.
"""

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection

from .models import SearchTerm
from .searchquery import WordQuery

Systems = Sequence[str] | None
# The candidate cut favours the small code sets: thousands of generated ICD-10-PCS titles
# ("… Therapeutic Exercise …") would otherwise crowd the one CPT or HCPCS code out of
# the candidates before ranking sees it. Ranking itself uses the plain relevance.
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
        self, parsed: WordQuery, mode: str, systems: Systems, limit: int
    ) -> list[tuple[int, float]]:
        """(code id, relevance) of the best `limit` documents matching the query."""
        raise NotImplementedError

    def similar_words(self, word: str) -> list[tuple[str, int]]:
        """Vocabulary words spelled like `word` and their frequency, closest first."""
        raise NotImplementedError

    def frequencies(self, words: Iterable[str]) -> dict[str, int]:
        """How often each of `words` occurs in the searchable text (absent: unknown)."""
        rows = SearchTerm.objects.filter(word__in=list(words))
        return dict(rows.values_list("word", "frequency"))


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
        sql += f" ORDER BY bm25(codes_search_fts, 10.0, 2.0) - {SMALL_SETS_SQL} LIMIT %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

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
        sql += (
            f" ORDER BY ts_rank_cd(search_vector, query, 2) + {SMALL_SETS_SQL} / 10 DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, limit])
            return cursor.fetchall()

    def similar_words(self, word: str) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, frequency FROM codes_searchterm WHERE word %% %s "
                "ORDER BY similarity(word, %s) DESC, frequency DESC LIMIT 40",
                [word, word],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]


BACKENDS = {"sqlite": SqliteBackend(), "postgresql": PostgresBackend()}
