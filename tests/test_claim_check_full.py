"""The claim check on the full official ICD-10-CM data (runs last, with the full catalogue)."""

import json

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def check(client, codes, day):
    body = json.dumps({"codes": codes, "date_of_service": day})
    response = client.post("/api/claim-check", body, content_type="application/json")
    assert response.status_code == 200
    return response.json()


def test_type_1_and_type_2_diabetes_are_excludes1(client, full_catalogue):
    result = check(client, ["E11.9", "E10.9"], "2026-01-15")
    finding = next(f for f in result["findings"] if f["rule"] == "excludes1")
    assert set(finding["codes"]) == {"E11.9", "E10.9"} and finding["severity"] == "error"
    assert finding["release"].startswith("ICD-10-CM")


def test_s30_1xxa_across_the_fy2026_boundary(client, full_catalogue):
    assert check(client, ["S30.1XXA"], "2025-09-30")["checked"][0]["valid_on_date"] is True
    after = check(client, ["S30.1XXA"], "2025-10-01")
    assert after["checked"][0]["valid_on_date"] is False
    assert any(f["rule"] == "date-of-service" for f in after["findings"])
