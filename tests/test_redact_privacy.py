"""Nothing submitted to RedactPHI is kept: not in logs, the cache, the database or an
error report. A marker runs through every path, then is looked for everywhere."""

import base64
import json
import logging
import pickle
import sys

import pytest
from django.apps import apps
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.views.debug import get_exception_reporter_class

from tests.people import verified_member

MARKER = "Zebulon Quixwick-Marrowfield"
TEXT = f"Patient: {MARKER}, MRN QX-4417302, seen 03/14/2026 at Quixwick Valley Hospital."


def everything_logged(caplog: pytest.LogCaptureFixture) -> str:
    formatter = logging.Formatter()
    return "\n".join(formatter.format(record) + repr(vars(record)) for record in caplog.records)


def every_row() -> str:
    """Every row of every table Django knows, serialized, and the cache table's rows
    (their values unpickled)."""
    dumped = [
        serializers.serialize("json", model._base_manager.all()) for model in apps.get_models()
    ]
    from django.conf import settings

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        table = connection.ops.quote_name(settings.CACHES["default"]["LOCATION"])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608
            for key, value in cursor.fetchall():
                dumped.append(key)
                dumped.append(repr(pickle.loads(base64.b64decode(value))))  # noqa: S301
    return "\n".join(dumped)


def every_cache_entry() -> str:
    from django.conf import settings
    from django.core.cache import cache

    if settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        return ""  # read with the tables
    client = cache._cache.get_client()
    return "\n".join(repr((key, client.get(key))) for key in client.keys("*"))


@pytest.mark.django_db(transaction=True)
def test_a_run_leaves_no_trace(client, settings, caplog):
    caplog.set_level(logging.DEBUG)
    settings.TOOLS_GUEST_RUNS_PER_DAY = 4
    for style in ("tags", "surrogates", "mask"):
        response = client.post(
            "/api/redact-phi",
            json.dumps({"text": TEXT, "style": style}),
            content_type="application/json",
        )
        assert response.status_code == 200
        assert MARKER.split()[0] not in response.json()["redacted"]
    upload = SimpleUploadedFile("note.txt", TEXT.encode())
    assert client.post("/tools/redact-phi/", {"file": upload, "style": "tags"}).status_code == 200
    # Failures log too: over the limit, too long, bad JSON.
    assert client.post("/tools/redact-phi/", {"text": TEXT, "style": "tags"}).status_code == 429
    settings.TOOLS_MAX_CHARS = 10
    assert (
        client.post(
            "/api/redact-phi", json.dumps({"text": TEXT}), content_type="application/json"
        ).status_code
        == 413
    )
    assert client.post("/api/redact-phi", TEXT, content_type="application/json").status_code == 400
    member = verified_member()
    client.force_login(member)
    settings.TOOLS_MAX_CHARS = 50_000
    assert client.post("/tools/redact-phi/", {"text": TEXT, "style": "mask"}).status_code == 200

    assert caplog.records  # the capture worked: Django logged the 4xx answers
    logged = everything_logged(caplog)
    stored = every_row() + every_cache_entry()
    assert '"tool": "redact-phi"' in stored  # the run counts are there, the text is not
    for part in (MARKER, "Quixwick", "QX-4417302"):
        assert part not in logged
        assert part not in stored


def _report(request) -> tuple[str, str]:
    try:
        note = TEXT  # a local variable holding the text, as a view's frame would
        raise ValueError(f"could not parse {note}") from KeyError(note)
    except ValueError:
        reporter = get_exception_reporter_class(request)(request, *sys.exc_info())
        return reporter.get_traceback_html(), reporter.get_traceback_text()


@pytest.mark.django_db
def test_exception_reports_of_tool_requests_withhold_the_text(settings):
    settings.DEBUG = True  # the technical 500 page shows the most
    factory = RequestFactory()
    requests = [
        factory.post(
            "/api/redact-phi", json.dumps({"text": TEXT}), content_type="application/json"
        ),
        factory.post("/tools/redact-phi/", {"text": TEXT, "style": "tags"}),
        factory.post(
            "/tools/redact-phi/",
            {"file": SimpleUploadedFile(f"{MARKER}.txt", TEXT.encode()), "style": "tags"},
        ),
    ]
    for request in requests:
        html, text = _report(request)
        assert "withheld" in html and "withheld" in text
        for part in ("Quixwick", "QX-4417302"):
            assert part not in html
            assert part not in text
    # Elsewhere reports stay as useful as Django makes them.
    html, _ = _report(factory.post("/search/", {"q": TEXT}))
    assert "Quixwick" in html


@pytest.mark.django_db
def test_logged_request_errors_of_tools_lose_the_request_and_message(caplog):
    caplog.set_level(logging.DEBUG)
    request = RequestFactory().post(
        "/api/redact-phi", json.dumps({"text": TEXT}), content_type="application/json"
    )
    try:
        raise RuntimeError(TEXT)
    except RuntimeError:
        logging.getLogger("django.request").error(
            "Internal Server Error: %s %s",
            request.path,
            TEXT,
            exc_info=True,
            extra={"request": request, "status_code": 500},
        )
    (record,) = [r for r in caplog.records if r.name == "django.request"]
    assert record.request is None
    logged = everything_logged(caplog)
    assert "Error in a text tool: /api/redact-phi" in logged
    assert "Quixwick" not in logged


CASE = f"{MARKER} had 3 hours of work hardening; Ketorolac 30 mg was given intramuscularly."


@pytest.mark.django_db(transaction=True)
def test_a_case2code_run_and_its_claim_check_leave_no_trace(client, settings, caplog):
    from django.core.management import call_command

    call_command("load_sample", verbosity=0)
    caplog.set_level(logging.DEBUG)
    settings.TOOLS_GUEST_RUNS_PER_DAY = 3
    for setting in ("outpatient", "inpatient"):
        body = json.dumps({"text": CASE, "setting": setting})
        assert (
            client.post("/api/case2code", body, content_type="application/json").status_code == 200
        )
    page = client.post("/tools/case2code/", {"text": CASE, "setting": "outpatient"})
    assert page.status_code == 200 and "97546" in page.content.decode()
    check = {"pick": ["97546"], "units-97546": "2", "date_of_service": "2026-06-01"}
    check["setting"] = "practitioner"
    assert client.post("/tools/case2code/check/", check).status_code == 200
    # Failures log too: over the limit, bad JSON.
    assert client.post("/tools/case2code/", {"text": CASE}).status_code == 429
    assert client.post("/api/case2code", CASE, content_type="application/json").status_code == 400

    assert caplog.records
    logged = everything_logged(caplog)
    stored = every_row() + every_cache_entry()
    assert '"tool": "case2code"' in stored
    for part in (MARKER, "Quixwick", "Ketorolac 30"):
        assert part not in logged
        assert part not in stored


DETECT_PATHS = ("/api/detect-icd10cm", "/tools/detect-icd10cm/")


@pytest.mark.django_db(transaction=True)
def test_a_detect_icd10cm_run_leaves_no_trace(client, settings, caplog):
    caplog.set_level(logging.DEBUG)
    settings.TOOLS_GUEST_RUNS_PER_DAY = 2
    note = f"{TEXT} She has type 2 diabetes; no history of {MARKER} syndrome."
    api, page = DETECT_PATHS
    ok = client.post(api, json.dumps({"text": note}), content_type="application/json")
    assert ok.status_code == 200
    assert "no-store" in ok["Cache-Control"]
    assert client.post(page, {"text": note, "setting": "inpatient"}).status_code == 200
    # Failures log too: over the limit, too long, bad JSON.
    assert client.post(page, {"text": note, "setting": "outpatient"}).status_code == 429
    settings.TOOLS_MAX_CHARS = 10
    assert (
        client.post(api, json.dumps({"text": note}), content_type="application/json").status_code
        == 413
    )
    assert client.post(api, note, content_type="application/json").status_code == 400

    assert caplog.records
    logged = everything_logged(caplog)
    stored = every_row() + every_cache_entry()
    assert '"tool": "detect-icd10cm"' in stored  # the run counts are there, the text is not
    for part in (MARKER, "Quixwick", "QX-4417302"):
        assert part not in logged
        assert part not in stored


@pytest.mark.django_db
def test_exception_reports_of_case2code_withhold_the_text(settings):
    settings.DEBUG = True
    factory = RequestFactory()
    for request in (
        factory.post("/api/case2code", json.dumps({"text": TEXT}), content_type="application/json"),
        factory.post("/tools/case2code/", {"text": TEXT, "setting": "outpatient"}),
    ):
        html, text = _report(request)
        assert "withheld" in html and "Quixwick" not in html and "Quixwick" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("path", DETECT_PATHS)
def test_exception_reports_of_detect_requests_withhold_the_text(settings, path):
    settings.DEBUG = True
    request = RequestFactory().post(path, {"text": TEXT, "setting": "outpatient"})
    html, text = _report(request)
    assert "withheld" in html and "withheld" in text
    for part in ("Quixwick", "QX-4417302"):
        assert part not in html
        assert part not in text
