"""DetectICD10CM through HTTP: the JSON API and the page (form POST without script),
the limits, bad input, and responses that are never stored. The small ICD-10-CM
fixture (diabetes, a femur fracture) is enough here; the whole catalogue is measured
in test_detect_eval.py."""

import json

import pytest
from django.test import Client

from codes.models import Release
from tests.importing import load_small_catalogue

URL = "/api/detect-icd10cm"
PAGE = "/tools/detect-icd10cm/"
NOTE = "Type 2 diabetes, stable. Mother has type 1 diabetes; no history of diabetic foot ulcer."


@pytest.fixture
def catalogue(db):
    load_small_catalogue()


def post(client: Client, payload: object):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json")


def test_findings_with_codes_spans_and_statuses(client, catalogue):
    response = post(client, {"text": NOTE})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["release"] == Release.objects.get(source="icd10cm").name
    found = [(f["code"], f["status"], NOTE[f["start"] : f["end"]]) for f in data["findings"]]
    assert found[0] == ("E11.9", "present", "Type 2 diabetes")
    assert ("E10.9", "family", "type 1 diabetes") in found
    assert all(f["text"] == NOTE[f["start"] : f["end"]] for f in data["findings"])
    coded = [f["code"] for f in data["findings"] if f["coded"]]
    assert coded == ["E11.9"]
    assert data["warnings"] == []  # the mother's type 1 diabetes is not coded: no Excludes1
    first = data["findings"][0]
    assert set(first) >= {
        "code",
        "title",
        "start",
        "end",
        "text",
        "status",
        "billable",
        "score",
        "alternatives",
    }
    assert first["title"] == "Type 2 diabetes mellitus without complications"
    assert first["billable"] is True and 0 < first["score"] <= 1
    assert first["url"] == "/icd10cm/E11.9/"


def test_a_fracture_gets_its_side_and_encounter(client, catalogue):
    text = "Closed fracture of the left femoral neck, initial encounter."
    (finding,) = post(client, {"text": text}).json()["findings"]
    assert finding["code"] == "S72.002A"
    assert finding["billable"] is True


def test_uncertain_is_coded_only_inpatient(client, catalogue):
    text = "Probable type 1 diabetes."
    outpatient = post(client, {"text": text}).json()["findings"]
    inpatient = post(client, {"text": text, "setting": "inpatient"}).json()["findings"]
    assert [(f["code"], f["status"], f["coded"]) for f in outpatient] == [
        ("E10.9", "uncertain", False)
    ]
    assert [(f["code"], f["coded"]) for f in inpatient] == [("E10.9", True)]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("not json", 400, "The body must be JSON"),
        (b"\xff\xfe", 400, "The body must be JSON"),
        ('["a list"]', 400, '"text", a string'),
        ({"text": 5}, 400, '"text", a string'),
        ({"text": "   "}, 400, "Send some clinical text"),
        ({"text": "diabetes", "setting": "home"}, 400, '"setting" is'),
    ],
)
def test_bad_input_is_refused_with_a_reason(client, catalogue, body, status, message):
    response = post(client, body)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert "no-store" in response["Cache-Control"]


def test_too_long_is_413(client, catalogue, settings):
    assert settings.TOOLS_MAX_CHARS == 50_000
    response = post(client, {"text": "diabetes " * 5_556})
    assert response.status_code == 413
    assert "50,000" in response.json()["error"]
    page = client.post(PAGE, {"text": "x" * 50_001, "setting": "outpatient"})
    assert page.status_code == 413
    assert "DetectICD10CM takes up to 50,000" in page.content.decode()


def test_get_is_not_allowed_on_the_api(client, catalogue):
    assert client.get(URL).status_code == 405


def test_run_limit_for_guests(client, catalogue, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 2
    assert post(client, {"text": "diabetes"}).status_code == 200
    assert post(client, {"text": "diabetes"}).status_code == 200
    over = post(client, {"text": "diabetes"})
    assert over.status_code == 429
    assert "free runs" in over.json()["error"]
    page = client.post(PAGE, {"text": "diabetes", "setting": "outpatient"})
    assert page.status_code == 429


def test_the_page_works_without_script(client, catalogue):
    page = client.get(PAGE)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert 'id="detect-form"' in html and 'data-api="/api/detect-icd10cm"' in html
    response = client.post(PAGE, {"text": NOTE, "setting": "outpatient"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = " ".join(response.content.decode().split())  # attribute line breaks aside
    assert '<a href="/icd10cm/E11.9/">E11.9</a>' in html
    assert 'class="dx dx-present dx-coded" title="E11.9 present">Type 2 diabetes</mark>' in html
    assert 'class="dx dx-family" title="E10.9 family">type 1 diabetes</mark>' in html
    assert '<pre id="code-list" class="redacted">E11.9</pre>' in html


def test_the_page_says_what_is_wrong(client, catalogue):
    response = client.post(PAGE, {"text": "  ", "setting": "outpatient"})
    assert response.status_code == 400
    assert "Paste some clinical text." in response.content.decode()


def test_the_tools_index_links_the_tool(client, db):
    html = client.get("/tools/").content.decode()
    assert f'href="{PAGE}"' in html
