"""Case2Code: the text a visitor submits leaves no trace (logs, rows, cache, error reports)."""

import json
import logging

import pytest
from django.test import RequestFactory

from tests.privacy import MARKER, TEXT, every_cache_entry, every_row, everything_logged, report

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


@pytest.mark.django_db
def test_exception_reports_of_case2code_withhold_the_text(settings):
    settings.DEBUG = True
    factory = RequestFactory()
    for request in (
        factory.post("/api/case2code", json.dumps({"text": TEXT}), content_type="application/json"),
        factory.post("/tools/case2code/", {"text": TEXT, "setting": "outpatient"}),
    ):
        html, text = report(request)
        assert "withheld" in html and "Quixwick" not in html and "Quixwick" not in text
