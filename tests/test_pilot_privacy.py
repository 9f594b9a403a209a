"""Nothing asked of CasePilot is kept: not in logs, the cache, the database or an error
report. A marker runs through the page and the API, then is looked for everywhere; the
conversation cookie is the visitor's own (tests/test_pilot_http.py)."""

import json
import logging

import pytest
from django.test import RequestFactory

from tests.people import verified_member
from tests.privacy import MARKER, TEXT, every_cache_entry, every_row, everything_logged, report


@pytest.mark.django_db(transaction=True)
def test_a_casepilot_question_leaves_no_trace(client, settings, caplog):
    """Questions to CasePilot: answered, declined, over the limit, too long, bad JSON; the
    conversation cookie is the visitor's, and the server keeps none of it."""
    caplog.set_level(logging.DEBUG)
    settings.TOOLS_GUEST_RUNS_PER_DAY = 3
    question = f"{TEXT} What is E11.9?"
    api = "/api/casepilot"
    for body in ({"question": question}, {"question": question, "history": [TEXT]}):
        response = client.post(api, json.dumps(body), content_type="application/json")
        assert response.status_code == 200
    assert client.post("/tools/casepilot/", {"question": question}).status_code == 200
    assert client.post("/tools/casepilot/", {"question": question}).status_code == 429
    too_long = json.dumps({"question": question * 10})
    assert client.post(api, too_long, content_type="application/json").status_code == 413
    assert client.post(api, question, content_type="application/json").status_code == 400
    client.force_login(verified_member())
    assert client.post("/tools/casepilot/", {"question": question}).status_code == 200
    assert client.get("/tools/casepilot/").status_code == 200

    assert caplog.records
    logged = everything_logged(caplog)
    stored = every_row() + every_cache_entry()
    assert '"tool": "casepilot"' in stored  # the run counts are there, the question is not
    for part in (MARKER, "Quixwick", "QX-4417302"):
        assert part not in logged
        assert part not in stored


@pytest.mark.django_db
def test_exception_reports_of_casepilot_requests_withhold_the_question(settings):
    settings.DEBUG = True  # the technical 500 page shows the most
    factory = RequestFactory()
    requests = [
        factory.post(
            "/api/casepilot", json.dumps({"question": TEXT}), content_type="application/json"
        ),
        factory.post("/tools/casepilot/", {"question": TEXT}),
        factory.post("/tools/casepilot/", {"follow_up": TEXT}),
    ]
    for request in requests:
        html, text = report(request)
        assert "withheld" in html and "withheld" in text
        for part in ("Quixwick", "QX-4417302"):
            assert part not in html
            assert part not in text
