"""Keep the search tables in step with the catalogue.

`sync()` runs after every import (and `manage.py rebuild_search`): it compares each
code's search text with what is stored and writes only differences, so a second run
writes nothing. `refresh_code()` runs on admin edits (signals), one code at a time.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NamedTuple, TextIO

from django.db import connection, transaction
from django.db.models import F, Model, QuerySet
from django.db.models.functions import Greatest

from . import searchaliases
from .importers.progress import Progress
from .importers.upsert import insert_rows, update_rows
from .models import Code, CodeNote, SearchDocument, SearchTerm

# Notes that name the condition itself, searched as secondary text.
TERM_NOTES = (CodeNote.Kind.INCLUSION_TERM, CodeNote.Kind.INCLUDES)
WORD = re.compile(r"[a-z][a-z'-]{2,}")
BATCH = 5000


def words(text: str) -> list[str]:
    """The vocabulary words of `text`: lower case, three letters or more."""
    stripped = (word.strip("'-") for word in WORD.findall(text.lower()))
    return [word for word in stripped if len(word) >= 3]


class Document(NamedTuple):
    """A code's search document as stored (SearchDocument's columns, in order)."""

    code_id: int
    system: str
    title: str
    terms: str
    billable: bool
    active: bool


COLUMNS = list(Document._fields)


def _documents(codes: QuerySet[Code]) -> Iterator[Document]:
    """Each code's document: the one function both sync() and refresh_code() build with."""
    notes = defaultdict(list)
    for code_id, text in (
        CodeNote.objects.filter(code__in=codes, kind__in=TERM_NOTES)
        .order_by("code_id", "kind", "position")
        .values_list("code_id", "text")
    ):
        notes[code_id].append(text)
    for pk, system, short, medium, long, plain, billable, status in codes.values_list(
        "id",
        "system",
        "short_description",
        "medium_description",
        "long_description",
        "plain_description",
        "billable",
        "status",
    ):
        title = short or medium or long or plain
        others = [text for text in (long, medium, plain) if text and text != title]
        yield Document(
            code_id=pk,
            system=system,
            title=title,
            terms=" ; ".join([*others, *notes[pk]]),
            billable=billable,
            active=status == Code.Status.ACTIVE,
        )


@transaction.atomic
def sync(stream: TextIO | None = None) -> dict[str, int]:
    """Bring every code's search document and the vocabulary up to date."""
    stored = {row[0]: Document(*row) for row in SearchDocument.objects.values_list(*COLUMNS)}
    progress = Progress("Search index", Code.objects.count(), stream)
    create, update, seen = [], [], set()
    vocabulary: Counter[str] = Counter()
    for document in progress.each(_documents(Code.objects.all())):
        seen.add(document.code_id)
        vocabulary.update(words(f"{document.title} {document.terms}"))
        old = stored.get(document.code_id)
        if old is None:
            create.append(document)
        elif old != document:
            update.append((*document[1:], document.code_id))
    gone = sorted(set(stored) - seen)
    with _bulk_fts(SearchDocument, "codes_search_fts", len(create) + len(update) + len(gone)):
        insert_rows(SearchDocument, COLUMNS, create, BATCH)
        update_rows(SearchDocument, COLUMNS[1:], update, BATCH)
        for part in _chunks(gone):
            SearchDocument.objects.filter(code_id__in=part).delete()
    progress.finish()
    return {
        "search documents created": len(create),
        "search documents updated": len(update),
        "search documents removed": len(gone),
        **_sync_vocabulary(vocabulary),
        **searchaliases.sync_names(),
    }


def _sync_vocabulary(counts: Counter[str]) -> dict[str, int]:
    stored = dict(SearchTerm.objects.values_list("word", "frequency"))
    create = [(w, n) for w, n in counts.items() if w not in stored and len(w) <= 60]
    changed = {w: n for w, n in counts.items() if w in stored and stored[w] != n}
    gone = sorted(set(stored) - set(counts))
    with _bulk_fts(SearchTerm, "codes_searchterm_fts", len(create) + len(changed) + len(gone)):
        insert_rows(SearchTerm, ["word", "frequency"], create, BATCH)
        ids = dict(SearchTerm.objects.values_list("word", "id")) if changed else {}
        update_rows(SearchTerm, ["frequency"], [(n, ids[w]) for w, n in changed.items()], BATCH)
        for part in _chunks(gone):
            SearchTerm.objects.filter(word__in=part).delete()
    return {"search words created": len(create), "search words updated": len(changed)}


@contextmanager
def _bulk_fts(model: type[Model], fts: str, writes: int) -> Iterator[None]:
    """Many writes to `model` on SQLite: set its FTS5 triggers aside, then rebuild `fts`.

    The triggers (migration 0004) index row by row: 11.7 s for the 178,000 documents
    of a first load, against 0.8 s to write them bare and 2.3 s to rebuild the index
    from the table. Past a fifth of the table the rebuild wins. The triggers are put
    back in the same transaction, so admin edits stay indexed, and a failure rolls the
    whole swap back.
    """
    total = model._default_manager.count() + writes  # rows the table will hold, at most
    if connection.vendor != "sqlite" or writes * 5 < total:
        yield
        return
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [table],
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {connection.ops.quote_name(name)}")
        yield
        cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")  # noqa: S608 (fixed names)
        for _name, sql in triggers:
            cursor.execute(sql)


def _chunks[T](items: list[T], size: int = 900) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def refresh_code(code_id: int) -> None:
    """One code's document after an edit, and the vocabulary as sync() would leave it."""
    before = SearchDocument.objects.filter(code_id=code_id).values_list("title", "terms").first()
    found = list(_documents(Code.objects.filter(pk=code_id)))
    if found:
        document = found[0]
        SearchDocument.objects.update_or_create(
            code_id=code_id,
            defaults={
                "system": document.system,
                "title": document.title,
                "terms": document.terms,
                "billable": document.billable,
                "active": document.active,
            },
        )
    else:
        SearchDocument.objects.filter(code_id=code_id).delete()
    code = Code.objects.filter(pk=code_id).first()
    if code is not None:
        searchaliases.refresh_names(code)
    old = Counter(words(" ".join(before))) if before else Counter()
    new = Counter(words(f"{found[0].title} {found[0].terms}")) if found else Counter()
    _count_words({word: new[word] - old[word] for word in old | new if new[word] != old[word]})


def _count_words(change: dict[str, int]) -> None:
    """Apply one document's change of word counts to the vocabulary: frequencies are
    occurrences over all documents, so a word's frequency moves by its own change."""
    known = set(SearchTerm.objects.filter(word__in=list(change)).values_list("word", flat=True))
    for word, delta in change.items():
        if word in known:
            frequency = Greatest(F("frequency") + delta, 0)  # never below 0 (a check)
            SearchTerm.objects.filter(word=word).update(frequency=frequency)
        elif delta > 0 and len(word) <= 60:
            SearchTerm.objects.create(word=word, frequency=delta)
    SearchTerm.objects.filter(word__in=list(change), frequency__lte=0).delete()
