"""The coder vocabulary (codes/vocabulary.py), one test per entry, on the full data.

Every meaning must find codes on its own (its words are the catalogue's words), or be a
term whose Index default is listed; every Index default must name an active, billable
ICD-10-CM code and come first when its term is searched.
"""

import pytest

from codes import vocabulary

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

MEANINGS = [
    (table, typed, meaning)
    for table in ("ABBREVIATIONS", "LAY_TERMS", "BRANDS", "PROCEDURE_WORDS", "ANATOMY")
    for typed, meanings in getattr(vocabulary, table).items()
    for meaning in ((meanings,) if isinstance(meanings, str) else meanings)
]


@pytest.mark.parametrize(
    ("table", "typed", "meaning"), MEANINGS, ids=[f"{t}:{k}" for t, k, _m in MEANINGS]
)
def test_each_meaning_finds_codes(full_catalogue, table, typed, meaning):
    from django.db import connection

    from codes.searchbackends import BACKENDS
    from codes.searchquery import parse_words

    if meaning in vocabulary.INDEX_DEFAULTS:
        return  # found by its default (tested below)
    parsed = parse_words(meaning + " ")
    assert parsed.terms, f"{typed!r} means only stop words"
    assert BACKENDS[connection.vendor].match(parsed, "all", None, 1), f"{meaning!r} finds nothing"


@pytest.mark.parametrize(("term", "code"), sorted(vocabulary.INDEX_DEFAULTS.items()))
def test_each_index_default_is_a_billable_code_found_first(client, full_catalogue, term, code):
    from codes.models import Code

    row = Code.objects.get(system="icd10cm", code=code)
    assert row.billable and row.status == Code.Status.ACTIVE
    hits = client.get("/api/suggest", {"q": term}).json()["hits"]
    assert hits[0]["code"] == code, [hit["code"] for hit in hits]
