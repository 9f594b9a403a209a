"""Case2Code on the whole evaluation set (87 cases) with the full official data: the
recall floors the issue sets, among the codes the catalogue holds."""

import pytest

from tools.case2code import evaluation

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(scope="module")
def tally(full_catalogue, django_db_blocker):
    with django_db_blocker.unblock():
        return evaluation.measure(evaluation.cases())


def test_every_expected_code_is_in_the_catalogue(tally):
    assert tally.cases == 87
    assert not tally.not_held


def test_procedure_recall_and_precision(tally):
    assert tally.procedures.recall >= 0.90, tally.procedures.misses  # the floor: 0.70
    assert tally.procedures.precision >= 0.90, tally.procedures.false_alarms
    assert tally.units_right == tally.procedures.found


# The floor for diagnoses is 0.85. DetectICD10CM with the preventive-encounter
# reasons, the notes' companion codes, family history (Z80-Z84) and long-term drugs
# (Z79) measures 0.983 (115/117), precision 1.0 (115/115); the floors sit a hair under.
DIAGNOSIS_RECALL = 0.98
DIAGNOSIS_PRECISION = 0.95


def test_diagnosis_recall(tally):
    assert tally.diagnoses.recall >= DIAGNOSIS_RECALL, tally.diagnoses.misses
    assert tally.diagnoses.precision >= DIAGNOSIS_PRECISION, tally.diagnoses.false_alarms


def test_diagnoses_and_the_reason_for_a_preventive_service(client, full_catalogue):
    text = (
        "Screening Pap smear collected and sent to the laboratory for a Medicare patient. "
        "She also has essential hypertension; there is no diabetes."
    )
    response = client.post(
        "/api/case2code", {"text": text, "setting": "outpatient"}, "application/json"
    )
    assert response.status_code == 200
    result = response.json()
    codes = [d["code"] for d in result["diagnoses"]]
    assert codes[0] == "Z12.4"  # the reason for the encounter comes first
    assert "I10" in codes and not any(code.startswith("E11") for code in codes)
    assert [p["code"] for p in result["procedures"]] == ["Q0091"]
    for item in result["diagnoses"] + result["procedures"]:
        assert text[item["start"] : item["end"]] == item["text"]


def test_a_note_asks_for_the_companion_code_the_case_names(client, full_catalogue):
    text = "Type 2 diabetes with hyperglycemia. He uses insulin daily and has no kidney disease."
    response = client.post("/api/case2code", {"text": text}, "application/json")
    codes = {d["code"]: d["text"] for d in response.json()["diagnoses"]}
    assert codes.get("Z79.4") == "insulin"  # E11's "use additional code": insulin (Z79.4)
    assert "Z99.2" not in codes and not any(code.startswith("N18") for code in codes)


def test_a_relatives_condition_and_a_drug_taken_long_term(client, full_catalogue):
    text = (
        "Atrial fibrillation; she takes warfarin every day. Her mother had breast cancer. "
        "Started metformin today for new type 2 diabetes."
    )
    response = client.post("/api/case2code", {"text": text}, "application/json")
    codes = {d["code"]: d["text"] for d in response.json()["diagnoses"]}
    assert codes.get("Z79.01") == "warfarin"  # long-term anticoagulant (I.C.21.c.3)
    assert codes.get("Z80.3") == "breast cancer"  # family history, not C50
    assert "Z79.84" not in codes and not any(code.startswith("C50") for code in codes)
