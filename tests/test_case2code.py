"""Case2Code through its JSON API and page, on the sample set: procedures with units and
evidence, the ticked codes sent on to the claim check, clear errors, nothing cached."""

import json

import pytest

URL = "/api/case2code"


def suggest(client, text, setting="outpatient"):
    response = client.post(URL, json.dumps({"text": text, "setting": setting}), "application/json")
    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    return response.json()


def lines(result) -> set[tuple[str, int]]:
    return {(p["code"], p["units"]) for p in result["procedures"]}


def test_hours_of_work_hardening_split_between_the_first_two_hours_and_each_further_hour(
    client, sample
):
    text = "Today's session lasts 3 hours of work hardening under the plan of care."
    result = suggest(client, text)
    assert lines(result) == {("97545", 1), ("97546", 1)}
    for procedure in result["procedures"]:
        assert text[procedure["start"] : procedure["end"]] == procedure["text"]
        assert "3 hours" in procedure["text"] and procedure["system"] == "cpt"
        assert procedure["url"] == f"/cpt/{procedure['code']}/"
    four = suggest(client, "Work conditioning session of 4 hours for a roofer.")
    assert lines(four) == {("97545", 1), ("97546", 2)}
    two = suggest(client, "First day of work hardening; the session runs exactly 2 hours.")
    assert lines(two) == {("97545", 1)}


def test_a_drug_by_its_dose_unit_and_its_injection(client, sample):
    result = suggest(client, "Ketorolac 30 mg is given by intramuscular injection for back pain.")
    assert ("J1885", 2) in lines(result)  # per 15 mg
    assert ("96372", 1) in lines(result)


def test_timed_therapy_units_by_the_eight_minute_rule(client, sample):
    result = suggest(client, "Physical therapy visit: 40 minutes of therapeutic exercise.")
    assert ("97110", 3) in lines(result)


def test_the_visit_level_comes_from_the_medical_decision_making(client, sample):
    result = suggest(
        client, "Established patient seen for reflux. Moderate-complexity medical decision making."
    )
    assert ("99214", 1) in lines(result)
    assert not suggest(client, "Reflux, better on omeprazole.")["procedures"]


def test_a_phrase_without_a_code_in_the_catalogue_yields_nothing(client, sample):
    assert not suggest(client, "Removal of 2 skin tags from the neck.")["procedures"]


def test_negated_procedures_are_not_suggested(client, sample):
    result = suggest(client, "Knee pain. No joint injection was done and no X-ray was taken.")
    assert not result["procedures"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ("not json", 400, "must be JSON"),
        ('{"text": 4}', 400, '"text", a string'),
        ('{"text": "  "}', 400, "is empty"),
        ('{"text": "x", "setting": "home"}', 400, '"outpatient" or "inpatient"'),
    ],
)
def test_bad_requests_get_a_clear_answer(client, db, body, status, message):
    response = client.post(URL, body, content_type="application/json")
    assert response.status_code == status
    assert message in response.json()["error"]


def test_too_long_a_case_is_413(client, db, settings):
    settings.TOOLS_MAX_CHARS = 20
    response = client.post(URL, json.dumps({"text": "x" * 21}), "application/json")
    assert response.status_code == 413
    assert "takes up to 20" in response.json()["error"]
    page = client.post("/tools/case2code/", {"text": "x" * 21, "setting": "outpatient"})
    assert page.status_code == 413


def test_runs_are_limited_like_every_tool(client, sample, settings):
    settings.TOOLS_GUEST_RUNS_PER_DAY = 1
    suggest(client, "Chest X-ray with two views.")
    response = client.post(URL, json.dumps({"text": "Chest X-ray."}), "application/json")
    assert response.status_code == 429


def test_the_page_without_script_lists_candidates_and_checks_the_ticked_ones(client, sample):
    page = client.get("/tools/case2code/")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    response = client.post(
        "/tools/case2code/",
        {"text": "Today's session lasts 3 hours of work hardening.", "setting": "outpatient"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="pick" value="97545"' in html and 'name="pick" value="97546"' in html
    assert 'href="/cpt/97546/"' in html and "<q>3 hours of work hardening</q>" in html
    # Only the add-on ticked, with 4 units and GP: the claim check's own page answers.
    check = client.post(
        "/tools/case2code/check/",
        {
            "pick": ["97546"],
            "units-97546": "4",
            "modifiers-97546": "GP",
            "date_of_service": "2026-06-01",
            "setting": "practitioner",
        },
    )
    assert check.status_code == 200
    findings = " ".join(check.content.decode().split())
    assert "97546 is an add-on code: report it with one of its primary codes (97545)" in findings
    assert "over its MUE of 2" in findings


def test_the_tools_page_links_case2code(client, db):
    assert 'href="/tools/case2code/"' in client.get("/tools/").content.decode()
