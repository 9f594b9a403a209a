"""Search and code lookup through /search/ and /api/suggest, on both database backends."""

import pytest

from codes.models import Code
from tests.importing import load_small_catalogue
from tests.test_admin import code_form


@pytest.fixture
def catalogue(db):
    load_small_catalogue()


def suggest(client, query):
    response = client.get("/api/suggest", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [hit["code"] for hit in response.json()["hits"]]


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("E11.9", "E11.9"),
        ("e119", "E11.9"),
        ("E11.9 ", "E11.9"),
        ("97546", "97546"),
        ("g0008", "G0008"),
        ("0DTJ4ZZ", "0DTJ4ZZ"),
        ("0dtj4zz", "0DTJ4ZZ"),
        ("S72.001A", "S72.001A"),
        ("s72001a", "S72.001A"),
    ],
)
def test_code_shaped_input_finds_the_code_first(client, catalogue, query, first):
    assert suggest(client, query)[0] == first


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("E11", ["E11", "E11.6", "E11.62", "E11.621", "E11.9"]),
        ("E11.*", ["E11", "E11.6", "E11.62", "E11.621", "E11.9"]),
        ("0DT", ["0DT", "0DTJ0ZZ", "0DTJ4ZZ", "0DTJ8ZZ"]),
        (
            "S72.00",
            [
                "S72.00",
                "S72.001",
                "S72.001A",
                "S72.001B",
                "S72.001D",
                "S72.002",
                "S72.002A",
                "S72.002B",
            ],
        ),
    ],
)
def test_prefix_and_wildcard_list_codes_in_order(client, catalogue, query, expected):
    assert suggest(client, query)[: len(expected)] == expected


def test_code_range(client, catalogue):
    assert suggest(client, "99202-99215") == ["99203", "99213", "99214"]


def test_words_with_stemming(client, catalogue):
    assert "S72.001A" in suggest(client, "fractures femur neck right")  # fracture, femur…
    assert suggest(client, "diabetes without complications")[0] in ("E11.9", "E10.9")


def test_the_last_word_matches_as_a_prefix_while_typing(client, catalogue):
    assert "E11.9" in suggest(client, "type 2 diab")
    assert "E11.9" in suggest(client, "diabet")


def test_all_words_rank_before_some_words(client, catalogue):
    codes = suggest(client, "diabetes foot ulcer")
    assert codes[0] == "E11.621"


def test_billable_and_closer_titles_rank_higher(client, catalogue):
    codes = suggest(client, "type 2 diabetes")
    assert codes.index("E11.9") < codes.index("E11")  # billable before its heading
    assert codes.index("E11.9") < 5


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("dm2", "E11.9"),
        ("t2dm foot ulcer", "E11.621"),
        ("appendectomy laparoscopic", "0DTJ4ZZ"),
        ("lap appendectomy", "0DTJ4ZZ"),
        ("lap chole", "0FT44ZZ"),
    ],
)
def test_coder_abbreviations_and_synonyms(client, catalogue, query, code):
    assert code in suggest(client, query)


@pytest.mark.parametrize(
    ("query", "code"),
    [("diabtes", "E11.9"), ("apendectomy", "0DTJ4ZZ"), ("fractre femur", "S72.001A")],
)
def test_typos_are_tolerated(client, catalogue, query, code):
    assert code in suggest(client, query)


def test_typo_matches_rank_below_exact_matches(client, catalogue):
    hits = client.get("/api/suggest", {"q": "diabetes ulcr"}).json()["hits"]
    passes = [hit["match"] for hit in hits]
    assert passes[0] == "similar spelling", passes
    rank = {"all words": 0, "similar spelling": 1, "some words": 2, "name": 0}
    assert [rank[p] for p in passes] == sorted(rank[p] for p in passes), passes


def test_some_words_only_when_all_the_words_find_nothing(client, catalogue):
    """The any-word pass is the slow one: it runs only when no code holds every word."""
    hits = client.get("/api/suggest", {"q": "diabetes zebrafish"}).json()["hits"]
    assert hits and {hit["match"] for hit in hits} == {"some words"}
    hits = client.get("/api/suggest", {"q": "diabetes foot"}).json()["hits"]
    assert "some words" not in {hit["match"] for hit in hits}


def test_quoted_phrase_matches_as_a_phrase(client, catalogue):
    assert "E11.621" in suggest(client, '"foot ulcer"')
    assert "E11.621" not in suggest(client, '"ulcer foot"')


def test_ranking_boosts_exact_code_first(client, catalogue):
    # "R99" is both a code and a word in its title's block: the code comes first.
    assert suggest(client, "R99")[0] == "R99"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "the of and",
        '"',
        "*",
        "NEAR",
        "OR",
        "'",
        "\\",
        ")(",
        "E11.9' OR 1=1 --",
        "a" * 5000,
        "ü€✓",
    ],
)
def test_bad_input_never_errors(client, catalogue, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/api/suggest", {"q": query}).status_code == 200


def test_very_long_input_is_cut_and_said(client, catalogue):
    body = results(client, "diabetes " * 100)
    assert "Only the first 200 characters were searched." in body


def test_empty_result_page_helps(client, catalogue):
    body = results(client, "zzzzqqqq")
    assert "No codes match" in body and 'href="/icd10cm/"' in body


def test_results_page_filters_by_code_set_and_pages(client, catalogue):
    body = results(client, "injection")
    assert "HCPCS Level II (" in body and "CPT (" in body
    only_hcpcs = results(client, "injection", system="hcpcs")
    assert 'href="/hcpcs/J1100/"' in only_hcpcs and 'href="/cpt/96372/"' not in only_hcpcs
    first = results(client, "E11.*")
    assert 'href="/icd10cm/E11/"' in first


def test_suggest_returns_at_most_ten(client, catalogue):
    Code.objects.bulk_create(
        Code(system="hcpcs", code=f"K10{n:02d}", kind="code", long_description=f"Item {n}")
        for n in range(15)
    )
    hits = client.get("/api/suggest", {"q": "K10"}).json()["hits"]
    assert len(hits) == 10
    assert [hit["code"] for hit in hits] == [f"K10{n:02d}" for n in range(10)]


def test_search_pages_are_not_metered(client, catalogue):
    for query in ["97546", "diabetes", "E11.9", "lap chole"]:
        results(client, query)
        suggest(client, query)
    from accounts.models import Unlock

    assert not Unlock.objects.exists()


def test_the_index_follows_admin_edits(staff_client, catalogue):
    """A code added in the admin, then edited there, is found by its new words."""
    form = code_form(code="97799", plain_description="A rehabilitation service no code describes.")
    assert staff_client.post("/admin/codes/code/add/", form).status_code == 302
    assert "97799" in suggest(staff_client, "rehabilitation service")
    code = Code.objects.get(system="cpt", code="97799")
    form["plain_description"] = "Zebrafish conditioning hour."
    assert staff_client.post(f"/admin/codes/code/{code.pk}/change/", form).status_code == 302
    assert "97799" in suggest(staff_client, "zebrafish")


@pytest.mark.parametrize(
    ("query", "first"), [("GP", "GP"), ("gp", "GP"), ("lt", "LT"), ("TC", "TC")]
)
def test_a_modifier_is_found_by_its_code(client, catalogue, query, first):
    assert suggest(client, query)[0] == first


def test_a_bare_term_finds_the_code_its_nos_inclusion_term_names(client, catalogue):
    # The tabular lists "diabetes NOS" under E11: the bare term means type 2 diabetes
    # without complications, E11.9, the billable default below that heading.
    assert suggest(client, "diabetes")[0] == "E11.9"
    assert suggest(client, "diabetis")[0] == "E11.9"  # misspelt, then named


def test_an_abbreviation_is_read_as_words_before_a_code_prefix(client, catalogue):
    assert suggest(client, "dm2")[0] == "E11.9"


def test_concepts_not_asked_for_rank_lower(client, catalogue):
    codes = suggest(client, "fracture femur neck right")
    assert codes.index("S72.001A") < codes.index("S72.001D")  # subsequent encounter later


def test_search_page_query_count_does_not_grow_with_results(
    client, catalogue, django_assert_num_queries
):
    results(client, "diabetes")  # warm the session and the page's first-use reads
    for query in ["diabetes", "fracture femur neck right", "lap chole"]:
        with django_assert_num_queries(QUERIES_PER_SEARCH):
            results(client, query)


# A word search reads: word frequencies, names, one full-text pass, the candidates' rows.
QUERIES_PER_SEARCH = 4


def test_names_follow_admin_edits(staff_client, catalogue):
    """A code whose title is edited in the admin is named by its new title at once."""
    form = code_form(code="97799", plain_description="Zebrafish conditioning hour.")
    assert staff_client.post("/admin/codes/code/add/", form).status_code == 302
    assert suggest(staff_client, "zebrafish conditioning hour")[0] == "97799"


def test_kept_suggestions_follow_admin_edits(staff_client, catalogue):
    """Suggestions are kept per catalogue version: an edit shows in the next suggestion."""
    assert "97799" not in suggest(staff_client, "zebrafish conditioning")
    form = code_form(code="97799", plain_description="Zebrafish conditioning hour.")
    assert staff_client.post("/admin/codes/code/add/", form).status_code == 302
    assert suggest(staff_client, "zebrafish conditioning")[0] == "97799"


def test_kept_suggestions_never_hold_the_query(client, catalogue):
    """What is kept is the hits under a digest of the query, not the query's words."""
    from django.core.cache import caches

    typed = "diabetes mellitus typo zqxv"
    suggest(client, typed)
    suggest(client, typed)
    kept = caches["pages"]
    assert kept._cache  # the suggestions were kept
    for key, value in kept._cache.items():
        assert "zqxv" not in key and b"zqxv" not in value
