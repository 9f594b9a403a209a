"""RedactPHI's JSON API through HTTP: each style, the limits, bad input, CSRF."""

import json
import re

import pytest
from django.test import Client

from accounts.models import Profile
from tests.people import verified_member

NOTE = (
    "Patient: Grace Oyelaran   DOB: 07/19/1961   MRN: 00482913\n"
    "Ms. Oyelaran, a 64-year-old woman, was seen on 03/14/2026 by Dr. Lucia Brandt.\n"
    "Phone (937) 555-0142. Her mother, 94, lives in Dayton, OH 45410.\n"
    "Plan: recheck on 03/28/2026.\n"
)
URL = "/api/redact-phi"


def post(client: Client, payload: object, **extra: str):
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", **extra)


def spans_of(data: dict) -> list[tuple[str, str]]:
    return [(NOTE[s["start"] : s["end"]], s["category"]) for s in data["spans"]]


@pytest.mark.django_db
def test_tags_replace_each_finding_with_its_category(client):
    response = post(client, {"text": NOTE, "style": "tags"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    found = spans_of(data)
    for expected in [
        ("Grace Oyelaran", "NAME"),
        ("Oyelaran", "NAME"),
        ("07/19/1961", "DATE"),
        ("00482913", "MRN"),
        ("Lucia Brandt", "NAME"),
        ("(937) 555-0142", "PHONE"),
        ("Dayton", "LOCATION"),
        ("45410", "LOCATION"),
        ("94", "AGE"),
    ]:
        assert expected in found, expected
    assert ("64", "AGE") not in found  # ages up to 89 stay
    assert data["redacted"].startswith(
        "Patient: [NAME]   DOB: [DATE]   MRN: [MRN]\nMs. [NAME], a 64-year-old"
    )
    assert "OH" in data["redacted"]  # the state stays
    assert {s["category"] for s in data["spans"]} <= {
        "NAME",
        "LOCATION",
        "DATE",
        "AGE",
        "PHONE",
        "MRN",
    }
    assert all(0 < s["score"] <= 1 for s in data["spans"])


@pytest.mark.django_db
def test_surrogates_keep_names_consistent_and_intervals(client):
    data = post(client, {"text": NOTE, "style": "surrogates"}).json()
    redacted = data["redacted"]
    assert "Oyelaran" not in redacted and "Brandt" not in redacted
    by_value: dict[str, set[str]] = {}
    for span in data["spans"]:
        by_value.setdefault(NOTE[span["start"] : span["end"]], set()).add(span["replacement"])
    assert all(len(fakes) == 1 for fakes in by_value.values())  # same value, same fake
    surname = by_value["Oyelaran"].pop()
    assert by_value["Grace Oyelaran"].pop().endswith(surname)  # "Ms. Oyelaran" agrees
    visit, recheck = re.findall(r"\d\d/\d\d/\d{4}", redacted)[1:3]
    from datetime import datetime

    days = (datetime.strptime(recheck, "%m/%d/%Y") - datetime.strptime(visit, "%m/%d/%Y")).days
    assert days == 14  # one offset per document: the interval survives
    assert visit != "03/14/2026"


@pytest.mark.django_db
def test_mask_keeps_the_layout(client):
    data = post(client, {"text": NOTE, "style": "mask"}).json()
    assert len(data["redacted"]) == len(NOTE)
    assert "Patient: █████ ████████" in data["redacted"]


@pytest.mark.django_db
def test_style_defaults_to_tags_and_empty_text_finds_nothing(client):
    assert post(client, {"text": "Grace Oyelaran"}).json()["redacted"] == "[NAME]"
    assert post(client, {"text": ""}).json() == {
        "redacted": "",
        "spans": [],
        "counts": {},
        "remaining_runs": 8,
    }


@pytest.mark.django_db
def test_catalogue_codes_are_never_identifiers(client, sample):
    codes = post(client, {"text": "Order #: 97546 billed."}).json()
    assert codes["spans"] == []  # 97546 is a CPT code of our catalogue
    other = post(client, {"text": "Order #: 88123 billed."}).json()
    assert [(s["category"]) for s in other["spans"]] == ["ID"]


@pytest.mark.django_db
def test_text_over_the_limit_is_413(client, settings):
    settings.TOOLS_MAX_CHARS = 100
    response = post(client, {"text": "x" * 101})
    assert response.status_code == 413
    assert response.json()["error"] == (
        "The text has 101 characters; RedactPHI takes up to 100 at a time. "
        "Split it and redact each part."
    )
    assert post(client, {"text": "x" * 100}).status_code == 200


@pytest.mark.django_db
def test_a_body_too_large_to_hold_allowed_text_is_413_unread(client, settings):
    settings.TOOLS_MAX_CHARS = 10
    response = post(client, "{" + " " * 70_000 + "}")
    assert response.status_code == 413


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{not json", 'The body must be JSON: {"text": "...", "style": "tags"}.'),
        (b"\xff\xfe", 'The body must be JSON: {"text": "...", "style": "tags"}.'),
        ('["text"]', 'Send a JSON object with "text", a string.'),
        ('{"text": 5}', 'Send a JSON object with "text", a string.'),
        ('{"text": "a", "style": "bold"}', '"style" is one of "tags", "surrogates" or "mask".'),
    ],
)
def test_bad_requests_say_what_is_wrong(client, body, message):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json() == {"error": message}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_only_post(client):
    assert client.get(URL).status_code == 405


@pytest.mark.django_db
def test_guests_are_limited_per_address(client, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 2
    assert post(client, {"text": "a"}).json()["remaining_runs"] == 1
    assert post(client, {"text": "a"}).status_code == 200
    response = post(client, {"text": "a"})
    assert response.status_code == 429
    assert response.json()["error"].startswith(
        "You have used today's 2 free runs. Log in or register"
    )
    # A new cookie jar behind the same address gains nothing; another address has its own.
    assert post(Client(), {"text": "a"}).status_code == 429
    assert post(Client(REMOTE_ADDR="10.9.8.7"), {"text": "a"}).status_code == 200


@pytest.mark.django_db
def test_members_get_more_runs_and_the_unlimited_plan_none(client, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 1
    settings.TOOLS_MEMBER_RUNS_PER_DAY = 2
    member = verified_member()
    client.force_login(member)
    assert post(client, {"text": "a"}).status_code == 200
    assert post(client, {"text": "a"}).status_code == 200
    over = post(client, {"text": "a"})
    assert over.status_code == 429
    assert over.json()["error"] == "You have used today's 2 runs; the count resets at midnight UTC."
    Profile.objects.create(user=member, plan=Profile.Plan.UNLIMITED)
    for _ in range(3):
        response = post(client, {"text": "a"})
        assert response.status_code == 200
        assert response.json()["remaining_runs"] is None


@pytest.mark.django_db
def test_run_counts_are_kept_under_the_address_hash_not_the_address(client, settings):
    from tools.models import RunCount

    settings.TOOLS_GUEST_RUNS_PER_DAY = 5
    post(Client(REMOTE_ADDR="203.0.113.77"), {"text": "a"})
    (run,) = RunCount.objects.all()
    assert run.tool == "redact-phi" and run.count == 1
    assert "203.0.113.77" not in run.subject and run.subject.startswith("a:")


@pytest.mark.django_db(transaction=True)
def test_concurrent_runs_never_pass_the_limit(settings):
    """Twenty requests at once from one guest with 5 runs left: exactly 5 run."""
    import threading

    from django.db import connection

    settings.TOOLS_GUEST_RUNS_PER_DAY = 5
    barrier = threading.Barrier(20)
    statuses: list[int] = []

    def one() -> None:
        try:
            barrier.wait()
            statuses.append(post(Client(REMOTE_ADDR="203.0.113.88"), {"text": "a"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(statuses) == 20
    assert statuses.count(200) == 5 and statuses.count(429) == 15


@pytest.mark.django_db
def test_csrf_is_enforced_with_the_pages_token():
    browser = Client(enforce_csrf_checks=True)
    assert post(browser, {"text": "Grace Oyelaran"}).status_code == 403
    page = browser.get("/tools/redact-phi/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    response = post(browser, {"text": "Grace Oyelaran"}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json()["redacted"] == "[NAME]"
