"""Keep the search tables in step with the catalogue.

`sync()` runs after every import (and `manage.py rebuild_search`): it compares each
code's search text with what is stored and writes only differences, so a second run
writes nothing. `refresh_code()` runs on admin edits (signals), one code at a time.
"""

import re
from collections import Counter, defaultdict

from django.db import transaction

from .importers.upsert import bulk_update_rows
from .models import Code, CodeNote, SearchDocument, SearchTerm

# Notes that name the condition itself, searched as secondary text.
TERM_NOTES = (CodeNote.Kind.INCLUSION_TERM, CodeNote.Kind.INCLUDES)
WORD = re.compile(r"[a-z][a-z'-]{2,}")
BATCH = 5000


def words(text: str) -> list[str]:
    return [w.strip("'-") for w in WORD.findall(text.lower()) if len(w.strip("'-")) >= 3]


def _documents(codes):
    notes = defaultdict(list)
    for code_id, text in (
        CodeNote.objects.filter(code__in=codes, kind__in=TERM_NOTES)
        .order_by("code_id", "kind", "position")
        .values_list("code_id", "text")
    ):
        notes[code_id].append(text)
    for code in codes.values(
        "id",
        "system",
        "short_description",
        "medium_description",
        "long_description",
        "plain_description",
        "billable",
        "status",
    ):
        title = (
            code["short_description"]
            or code["medium_description"]
            or code["long_description"]
            or code["plain_description"]
        )
        others = [code["long_description"], code["medium_description"], code["plain_description"]]
        terms = " ; ".join([*(t for t in others if t and t != title), *notes[code["id"]]])
        yield SearchDocument(
            code_id=code["id"],
            system=code["system"],
            title=title,
            terms=terms,
            billable=code["billable"],
            active=code["status"] == Code.Status.ACTIVE,
        )


@transaction.atomic
def sync() -> dict:
    """Bring every code's search document and the vocabulary up to date."""
    stored = {
        row[0]: row[1:]
        for row in SearchDocument.objects.values_list(
            "code_id", "system", "title", "terms", "billable", "active"
        )
    }
    create, update, seen = [], [], set()
    vocabulary = Counter()
    for document in _documents(Code.objects.all()):
        seen.add(document.code_id)
        vocabulary.update(words(document.title))
        vocabulary.update(words(document.terms))
        values = (
            document.system,
            document.title,
            document.terms,
            document.billable,
            document.active,
        )
        if document.code_id not in stored:
            create.append(document)
        elif stored[document.code_id] != values:
            update.append(document)
    SearchDocument.objects.bulk_create(create, batch_size=BATCH)
    fields = ["system", "title", "terms", "billable", "active"]
    bulk_update_rows(SearchDocument, fields, update, batch_size=BATCH)
    gone = sorted(set(stored) - seen)
    for part in _chunks(gone):
        SearchDocument.objects.filter(code_id__in=part).delete()
    return {
        "search documents created": len(create),
        "search documents updated": len(update),
        "search documents removed": len(gone),
        **_sync_vocabulary(vocabulary),
    }


def _sync_vocabulary(counts: Counter) -> dict:
    stored = dict(SearchTerm.objects.values_list("word", "frequency"))
    create = [
        SearchTerm(word=w, frequency=n)
        for w, n in counts.items()
        if w not in stored and len(w) <= 60
    ]
    changed = {w: n for w, n in counts.items() if w in stored and stored[w] != n}
    SearchTerm.objects.bulk_create(create, batch_size=BATCH)
    ids = dict(SearchTerm.objects.values_list("word", "id")) if changed else {}
    objs = [SearchTerm(id=ids[w], word=w, frequency=n) for w, n in changed.items()]
    bulk_update_rows(SearchTerm, ["frequency"], objs, batch_size=BATCH)
    gone = sorted(set(stored) - set(counts))
    for part in _chunks(gone):
        SearchTerm.objects.filter(word__in=part).delete()
    return {"search words created": len(create), "search words updated": len(changed)}


def _chunks(items, size=900):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def refresh_code(code_id: int) -> None:
    """One code's document after an edit, and any new words it brings."""
    found = list(_documents(Code.objects.filter(pk=code_id)))
    if not found:
        SearchDocument.objects.filter(code_id=code_id).delete()
        return
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
    for word in set(words(document.title) + words(document.terms)):
        SearchTerm.objects.get_or_create(word=word[:60])
