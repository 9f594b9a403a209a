"""DetectICD10CM's coding behaviour through its API over the full official catalogue:
the rules the issue names, each on text of its own (not the evaluation set's)."""

import json

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def found(client, text: str, setting: str = "outpatient") -> list[tuple[str, str, bool]]:
    response = client.post(
        "/api/detect-icd10cm",
        json.dumps({"text": text, "setting": setting}),
        content_type="application/json",
    )
    assert response.status_code == 200
    findings = response.json()["findings"]
    for f in findings:
        assert f["billable"] is True, f  # a heading is never offered
        assert text[f["start"] : f["end"]] == f["text"]
    return [(f["code"], f["status"], f["coded"]) for f in findings]


def coded(client, text: str, setting: str = "outpatient") -> list[str]:
    return sorted({code for code, _, is_coded in found(client, text, setting) if is_coded})


def test_scope_ends_at_the_clause(client, full_catalogue):
    assert coded(client, "No history of diabetes; hypertension is present.") == ["I10"]
    assert coded(client, "Brother has T1DM; patient has hypothyroidism.") == ["E03.9"]


def test_without_inside_a_diagnosis_is_not_a_negation(client, full_catalogue):
    assert coded(client, "Type 2 diabetes mellitus without complications.") == ["E11.9"]


def test_unqualified_terms_get_the_index_default(client, full_catalogue):
    assert coded(client, "Hypertension. Diabetes. Pneumonia. UTI. Asthma.") == [
        "E11.9",
        "I10",
        "J18.9",
        "J45.909",
        "N39.0",
    ]


def test_most_specific_code_and_seventh_character(client, full_catalogue):
    text = "Closed fracture of left femoral neck, initial encounter."
    assert coded(client, text) == ["S72.002A"]
    text = "Fracture of the right patella, closed; subsequent encounter with routine healing."
    assert coded(client, text) == ["S82.001D"]


def test_combination_code_and_the_code_its_note_asks_for(client, full_catalogue):
    text = "Type 2 diabetes with diabetic chronic kidney disease, stage 4."
    assert coded(client, text) == ["E11.22", "N18.4"]
    assert coded(client, "Hypertension and CKD stage 2.") == ["I12.9", "N18.2"]


def test_statuses(client, full_catalogue):
    text = (
        "Denies chest pain. Father had a stroke. History of appendicitis as a child. "
        "Possible pneumonia. Call if fever develops."
    )
    assert found(client, text) == [
        ("R07.9", "negated", False),
        ("I63.9", "family", False),
        ("K37", "history", False),
        ("J18.9", "uncertain", False),
        ("R50.9", "hypothetical", False),
    ]
    assert coded(client, "Probable pneumonia at discharge.", "inpatient") == ["J18.9"]


def test_abbreviations_lay_terms_and_one_letter_typos(client, full_catalogue):
    assert coded(client, "HTN, CHF, COPD, AFib.") == ["I11.0", "I48.91", "I50.9", "J44.9"]
    assert coded(client, "He had a heart attack.") == ["I21.9"]
    assert coded(client, "Pnuemonia") == []  # two letters swapped: two edits, not read
    assert coded(client, "Hypothyroidsm") == ["E03.9"]


def test_excludes1_pairs_are_warned(client, full_catalogue):
    response = client.post(
        "/api/detect-icd10cm",
        json.dumps({"text": "Type 1 diabetes. Type 2 diabetes."}),
        content_type="application/json",
    )
    warnings = response.json()["warnings"]
    assert {
        "codes": ["E11.9", "E10.9"],
        "note": "E11 Excludes1: type 1 diabetes mellitus (E10.-)",
    } in warnings
    page = client.post("/tools/detect-icd10cm/", {"text": "Type 1 diabetes. Type 2 diabetes."})
    assert "E11.9 and E10.9 are never reported together" in page.content.decode()


def test_cue_words_that_name_no_condition(client, full_catalogue):
    assert coded(client, "CT of the chest without contrast for hemoptysis.") == ["R04.2"]
    assert coded(client, "Non-emergency transport of a patient with COPD.") == ["J44.9"]
    assert coded(client, "Screening examination for colon cancer; no symptoms.") == []
    assert coded(client, "She came in for her flu shot.") == []


def test_a_past_strokes_deficit_is_a_sequela(client, full_catalogue):
    text = "Aphasia from a cerebral infarction three years ago."
    assert coded(client, text) == ["I69.320"]
    assert coded(client, "Acute cerebral infarction with aphasia today.") == ["I63.9", "R47.01"]


def test_the_7th_character_follows_the_visit(client, full_catalogue):
    text = "Follow-up visit: closed fracture of the left distal radius, healing well."
    assert [c[-1] for c in coded(client, text) if c.startswith("S52")] == ["D"]
    text = "Scar on the left forearm left by a laceration five years ago."
    assert "S51.812S" in coded(client, text)


def test_a_delivery_gives_its_outcome_and_weeks(client, full_catalogue):
    text = (
        "Spontaneous full-term vaginal delivery at 40 weeks of a live baby girl; no complications."
    )
    assert coded(client, text, "inpatient") == ["O80", "Z37.0", "Z3A.40"]


def test_a_cancer_named_before_its_site(client, full_catalogue):
    assert coded(client, "Carcinoma of the left lung, upper lobe.") == ["C34.12"]
    assert coded(client, "Benign tumor of the colon.") != ["C18.9"]
