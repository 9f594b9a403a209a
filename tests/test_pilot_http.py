"""CasePilot through HTTP: the conversation page (form POST, no script), the JSON API,
bad input, the run limit, and the conversation kept in the visitor's session only."""

import json

import pytest
from django.test import Client

from tests.people import verified_member

PAGE = "/tools/casepilot/"
API = "/api/casepilot"


def ask(client: Client, payload: object):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(API, body, content_type="application/json")


@pytest.fixture
def catalogue(sample, icd):
    """The bundled sample (CPT, HCPCS, modifiers) and the small ICD-10-CM releases."""


@pytest.mark.django_db
def test_api_answers_with_facts_citations_and_release(client, catalogue):
    response = ask(client, {"question": "can 97546 be billed without 97545", "history": []})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert set(data) >= {"answer", "facts", "citations", "used_model"}
    assert data["verdict"] == "no" and data["used_model"] is False
    assert "97545" in data["codes"]
    assert "/cpt/97546/#addon-h" in [c["url"] for c in data["citations"]]
    assert all(c["release"] for c in data["citations"] if c["url"].startswith("/cpt/97546/"))


@pytest.mark.django_db
def test_api_cites_the_block_of_each_kind_of_answer(client, catalogue):
    cases = {
        "which modifiers go with 97546": "/cpt/97546/#mods-h",
        "what add-on code goes with 97545": "/cpt/97545/#addons-h",
        "what does status E mean for J1885": "/hcpcs/J1885/#pfs-1",
        "is E11.621 a CC": "/icd10cm/E11.621/#facts-h",
        "what is modifier GP": "/modifiers/GP/#official-h",
    }
    for question, url in cases.items():
        data = ask(client, {"question": question}).json()
        assert url in [c["url"] for c in data["citations"]], (question, data)
        assert not data["declined"], question


@pytest.mark.django_db
def test_a_code_we_do_not_hold_is_declined_with_nearest_searches(client, catalogue):
    data = ask(client, {"question": "what is E11.99"}).json()
    assert data["declined"] is True and data["codes"] == [] and data["citations"] == []
    assert data["answer"].startswith("I can't answer that from our data.")
    assert data["searches"] and data["searches"][0]["url"].startswith("/search/?q=")


@pytest.mark.django_db
def test_out_of_scope_questions_are_declined_even_when_they_name_a_code(client, catalogue):
    for question in (
        "what will Aetna pay for 99213 in Ohio",
        "what dose of ketorolac should I give",
        "write an appeal letter for a denied 97546 claim",
    ):
        data = ask(client, {"question": question}).json()
        assert data["declined"] is True and data["codes"] == [], question


@pytest.mark.django_db
def test_public_titles_only_never_the_gated_plain_text(client, catalogue):
    data = ask(client, {"question": "what is 97110"}).json()
    said = json.dumps(data)
    assert "Therapeutic exercise to build strength" not in said  # ours, behind the gate
    assert "/cpt/97110/" in said


@pytest.mark.django_db
def test_a_follow_up_uses_the_history(client, catalogue):
    data = ask(client, {"question": "is it a CC", "history": ["what is E11.621"]}).json()
    assert data["codes"] == ["E11.621"] and data["verdict"] == "yes"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("not json", 400),
        ({"text": "is E11.9 a CC"}, 400),
        ({"question": "   "}, 400),
        ({"question": "is E11.9 a CC", "history": "E11.9"}, 400),
        ({"question": "is E11.9 a CC", "history": [3]}, 400),
        ({"question": "x" * 501}, 413),
    ],
)
def test_bad_input(client, catalogue, body, status):
    response = ask(client, body)
    assert response.status_code == status
    assert "error" in response.json()


@pytest.mark.django_db
def test_get_is_not_allowed_on_the_api(client):
    assert client.get(API).status_code == 405


@pytest.mark.django_db
def test_api_needs_the_csrf_token(catalogue):
    client = Client(enforce_csrf_checks=True)
    assert ask(client, {"question": "is E11.9 a CC"}).status_code == 403


@pytest.mark.django_db
def test_guests_get_ten_questions_a_day_members_a_hundred(client, catalogue, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 2
    settings.TOOLS_MEMBER_RUNS_PER_DAY = 3
    for _ in range(2):
        assert ask(client, {"question": "what is GP"}).status_code == 200
    over = ask(client, {"question": "what is GP"})
    assert over.status_code == 429 and "free runs" in over.json()["error"]
    assert client.post(PAGE, {"question": "what is GP"}).status_code == 429
    client.force_login(verified_member())
    for _ in range(3):
        assert ask(client, {"question": "what is GP"}).status_code == 200
    assert ask(client, {"question": "what is GP"}).status_code == 429


@pytest.mark.django_db
def test_the_page_works_as_a_form_post(client, catalogue):
    page = client.get(PAGE)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert 'aria-live="polite"' in page.content.decode()
    response = client.post(PAGE, {"question": "can 97546 be billed without 97545"})
    body = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert 'href="/cpt/97546/#addon-h"' in body
    assert "Answered\n        from our data without a language model" in body
    follow = client.post(PAGE, {"follow_up": "what is 97546", "question": ""})
    assert follow.status_code == 200 and 'href="/cpt/97546/#official-h"' in follow.content.decode()
    assert client.post(PAGE, {"question": ""}).status_code == 400


@pytest.mark.django_db
def test_the_conversation_lives_in_the_session_only(client, catalogue):
    client.post(PAGE, {"question": "is E11.621 a CC"})
    client.post(PAGE, {"question": "what replaced S72.001"})
    page = client.get(PAGE).content.decode()
    assert "is E11.621 a CC" in page and "what replaced S72.001" in page
    cookie = client.cookies["casepilot"]
    assert cookie["path"] == PAGE and cookie["httponly"]
    # A stranger's cookie (another session) does not verify.
    other = Client()
    other.cookies["casepilot"] = cookie.value
    assert "is E11.621 a CC" not in other.get(PAGE).content.decode()
    # "Clear" forgets it at once.
    cleared = client.post(PAGE, {"clear": "1"})
    assert cleared.status_code == 303 and client.cookies["casepilot"].value == ""
    assert "is E11.621 a CC" not in client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_logging_out_ends_the_conversation(client, catalogue):
    client.force_login(verified_member())
    client.post(PAGE, {"question": "is E11.621 a CC"})
    assert "is E11.621 a CC" in client.get(PAGE).content.decode()
    kept = client.cookies["casepilot"].value
    client.post("/accounts/logout/")
    client.cookies["casepilot"] = kept  # even if the browser kept the cookie
    assert "is E11.621 a CC" not in client.get(PAGE).content.decode()


@pytest.mark.django_db
def test_the_tools_page_links_casepilot(client):
    assert 'href="/tools/casepilot/"' in client.get("/tools/").content.decode()
