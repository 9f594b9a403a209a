"""DetectICD10CM: the text a visitor submits leaves no trace (logs, rows, cache, error reports)."""

import json
import logging

import pytest
from django.test import RequestFactory

from tests.privacy import MARKER, TEXT, every_cache_entry, every_row, everything_logged, report

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
@pytest.mark.parametrize("path", DETECT_PATHS)
def test_exception_reports_of_detect_requests_withhold_the_text(settings, path):
    settings.DEBUG = True
    request = RequestFactory().post(path, {"text": TEXT, "setting": "outpatient"})
    html, text = report(request)
    assert "withheld" in html and "withheld" in text
    for part in ("Quixwick", "QX-4417302"):
        assert part not in html
        assert part not in text
