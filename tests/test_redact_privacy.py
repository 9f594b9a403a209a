"""Nothing submitted to RedactPHI is kept: not in logs, the cache, the database or an
error report. A marker runs through every path, then is looked for everywhere."""

import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from tests.people import verified_member
from tests.privacy import MARKER, TEXT, every_cache_entry, every_row, everything_logged, report


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
        html, text = report(request)
        assert "withheld" in html and "withheld" in text
        for part in ("Quixwick", "QX-4417302"):
            assert part not in html
            assert part not in text
    # Elsewhere reports stay as useful as Django makes them.
    html, _ = report(factory.post("/search/", {"q": TEXT}))
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
