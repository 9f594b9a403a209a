"""The claim check through its JSON API and page: every rule on the data in force on the date.

Procedure rules run on the sample set and on NCCI/MUE files in the official layouts;
diagnosis rules on the small ICD-10-CM fixture (its second release, effective
2026-04-01, deletes E11.69 and turns T14.8 into a heading); the full-data checks
(E11.9 + E10.9, S30.1XXA) live in test_claim_check_full.py.
"""

import json
from datetime import date

import pytest
from django.core.management import call_command

from tests.cmsfiles import MUE, NCCI

URL = "/api/claim-check"


def check(client, codes, day="2026-06-01", setting="practitioner"):
    payload = {"codes": codes, "date_of_service": day, "setting": setting}
    response = client.post(URL, json.dumps(payload), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def rules(result) -> set[tuple[str, str, tuple[str, ...]]]:
    return {(f["rule"], f["severity"], tuple(f["codes"])) for f in result["findings"]}


@pytest.fixture
def edits(sample, tmp_path):
    """The sample set plus NCCI practitioner pairs and an MUE table in CMS's layouts."""
    ncci = tmp_path / "ccipra-v321r0-f1.txt"
    ncci.write_text(NCCI, encoding="latin-1")
    call_command("import_ncci", str(ncci), release=date(2026, 1, 1), verbosity=0)
    mue = tmp_path / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"
    mue.write_text(MUE, encoding="latin-1")
    call_command("import_mue", str(mue), release=date(2026, 1, 1), verbosity=0)


def test_an_add_on_without_its_primary(client, sample):
    result = check(client, [{"code": "97546", "units": 1, "modifiers": ["GP"]}])
    assert ("add-on", "error", ("97546",)) in rules(result)
    message = next(f["message"] for f in result["findings"] if f["rule"] == "add-on")
    assert "97545" in message
    with_primary = check(client, [{"code": "97546", "modifiers": ["GP"]}, {"code": "97545"}])
    assert ("add-on", "error", ("97546",)) not in rules(with_primary)
    assert ("add-on", "info", ("97546",)) in rules(with_primary)


def test_units_over_the_mue(client, sample):
    result = check(client, ["97545", {"code": "97546", "units": 4}])
    finding = next(f for f in result["findings"] if f["rule"] == "mue")
    assert finding["severity"] == "error" and finding["codes"] == ["97546"]
    assert "4 units on the date of service, over its MUE of 2" in finding["message"]
    assert finding["release"]  # the data's vintage is named
    assert not any(f["rule"] == "mue" for f in check(client, ["97545", "97546"])["findings"])


def test_mue_per_line_or_per_day_as_its_indicator_says(client, edits):
    # 97546's MUE is 2 with indicator 2 (date of service): two lines of 2 are 4 that day.
    two_lines = check(
        client, ["97545", {"code": "97546", "units": 2}, {"code": "97546", "units": 2}]
    )
    assert ("mue", "error", ("97546",)) in rules(two_lines)


def test_ncci_pairs_with_their_modifier_indicator(client, edits):
    bare = check(client, ["29881", "29870"], day="2026-03-01")
    assert ("ncci", "error", ("29881", "29870")) in rules(bare)
    with_59 = check(client, ["29881", {"code": "29870", "modifiers": ["59"]}], day="2026-03-01")
    assert ("ncci", "info", ("29881", "29870")) in rules(with_59)
    assert ("ncci", "error", ("29881", "29870")) not in rules(with_59)
    # 97546/97545's pair ended in 2010: not in force in 2026.
    ended = check(client, ["97545", "97546"], day="2026-03-01")
    assert not any(f["rule"] == "ncci" for f in ended["findings"])


def test_a_rule_without_its_data_says_so(client, sample):
    result = check(client, ["29881", "20610"])
    notice = next(f for f in result["findings"] if f["rule"] == "ncci")
    assert notice["severity"] == "info" and "not loaded" in notice["message"]
    outpatient = check(client, ["97545", {"code": "97546", "units": 9}], setting="outpatient")
    mue = next(f for f in outpatient["findings"] if f["rule"] == "mue")
    assert "not loaded for the outpatient setting" in mue["message"]


def test_fee_schedule_status_and_modifier_indicators(client, sample):
    result = check(client, [{"code": "J1885"}, {"code": "29881", "modifiers": ["62"]}])
    found = rules(result)
    assert any(rule == "fee-schedule" and codes == ("J1885",) for rule, _, codes in found)
    co_surgeons = [f for f in result["findings"] if f["rule"] == "modifier-indicator"]
    assert co_surgeons and co_surgeons[0]["codes"] == ["29881", "62"]
    assert "MPFS" in co_surgeons[0]["release"]


def test_modifiers_that_do_not_exist_or_contradict(client, sample):
    result = check(
        client,
        [{"code": "97110", "modifiers": ["ZZ"]}, {"code": "20610", "modifiers": ["LT", "RT"]}],
    )
    found = rules(result)
    assert ("modifier", "error", ("97110", "ZZ")) in found
    assert ("modifier", "error", ("20610", "LT", "RT")) in found


def test_excludes1_between_diagnoses_and_non_billable_headings(client, icd):
    result = check(client, ["E11.9", "E10.9", "S72.001"])
    found = rules(result)
    assert ("excludes1", "error", ("E11.9", "E10.9")) in found
    assert ("not-billable", "error", ("S72.001",)) in found


def test_validity_follows_the_date_of_service(client, icd):
    before = check(client, ["E11.69"], day="2026-03-31")
    assert before["checked"][0]["valid_on_date"] is True
    after = check(client, ["E11.69"], day="2026-04-01")
    assert after["checked"][0]["valid_on_date"] is False
    assert ("date-of-service", "error", ("E11.69",)) in rules(after)
    # T14.8 was billable before the release made it a heading.
    assert check(client, ["T14.8"], day="2026-03-31")["checked"][0]["valid_on_date"] is True
    assert check(client, ["T14.8"], day="2026-04-01")["checked"][0]["valid_on_date"] is False


def test_unknown_codes_are_named_not_guessed(client, sample):
    result = check(client, ["99999", "not-a-code"])
    messages = [f["message"] for f in result["findings"] if f["rule"] == "code"]
    assert any("99999 is not a code CodeAhead holds" in m for m in messages)
    assert any("not shaped like any code set" in m for m in messages)
    assert [item["system"] for item in result["checked"]] == [None, None]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("not json", "must be JSON"),
        ('{"codes": "97546"}', '"codes", a list'),
        ('{"codes": []}', "is empty"),
        ('{"codes": [{"code": "97546", "units": 0}]}', "at least 1"),
        ('{"codes": ["97546"], "date_of_service": "tomorrow"}', "YYYY-MM-DD"),
        ('{"codes": ["97546"], "setting": "inpatient"}', '"practitioner" or "outpatient"'),
    ],
)
def test_bad_requests_get_a_clear_400(client, db, body, message):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_the_page_checks_pasted_codes(client, sample):
    response = client.post(
        "/tools/case2code/check/",
        {"codes": "97546 x4 GP\nZZZZZ", "date_of_service": "2026-06-01", "setting": "practitioner"},
    )
    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert "97546 is an add-on code: report it with one of its primary codes (97545)" in page
    assert "over its MUE of 2" in page
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )


def test_the_page_without_codes_is_a_form_error(client, db):
    response = client.post(
        "/tools/case2code/check/", {"codes": ",,", "date_of_service": "2026-06-01"}
    )
    assert response.status_code == 400
    assert "No codes found" in response.content.decode()


def test_a_fee_schedule_not_loaded_is_said_not_passed(client, sample):
    from codes.models import FeeScheduleIndicator

    assert not any(
        f["rule"] == "fee-schedule" and f["severity"] == "info"
        for f in check(client, ["97545"])["findings"]
    )
    FeeScheduleIndicator.objects.filter(code__code="97110").delete()
    missing = check(client, ["97110"])
    row = next(f for f in missing["findings"] if f["rule"] == "fee-schedule")
    assert row["severity"] == "info" and "no physician fee schedule row" in row["message"]
    FeeScheduleIndicator.objects.all().delete()
    result = check(client, ["97545", "E11.9"])
    notice = next(f for f in result["findings"] if f["rule"] == "fee-schedule")
    assert notice["severity"] == "info" and notice["codes"] == ["97545"]
    assert "fee schedule is not loaded" in notice["message"]


def test_every_finding_on_loaded_data_names_its_release(client, edits):
    result = check(
        client,
        [
            "29881",
            "29870",
            {"code": "97546", "units": 4},
            {"code": "20610", "modifiers": ["LT", "RT"]},
            {"code": "J1885"},
        ],
        day="2026-03-01",
    )
    rules_seen = {f["rule"] for f in result["findings"]}
    assert {"ncci", "mue", "add-on", "modifier", "fee-schedule"} <= rules_seen
    for finding in result["findings"]:
        assert finding["release"], finding
