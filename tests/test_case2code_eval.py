"""Case2Code on the whole evaluation set (87 cases) with the full official data: the
recall floors the issue sets, among the codes the catalogue holds; the held-out set and
the general rules on our own wording."""

import pytest

from tests.suggesting import check
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


# Floors of the sets not tuned on: (cases, diagnoses (recall, precision), procedures
# (recall, precision)), a hair under what each measures; tools/case2code/evaluation.py
# says what each set is, tests/eval/case2code/README.md gives their first figures.
# - heldout (h-…): first, blind, dx 0.587 / 0.755, procedures 0.462; then used to find
#   general gaps; now dx 0.952 (60/63), 0.984; procedures 1.0, precision 0.867 on SQLite
#   and 0.8125 on PostgreSQL (whose ranking offers one more PCS code for an inpatient case).
# - blind (b-…): first dx 0.618 / 0.857, procedures 0.818 / 1.0; then used to find gaps
#   (statuses after an operation, allergy, chemotherapy, organisms, burns, previous
#   cesarean, secondhand smoke, remission; tests/test_case2code_rules.py); now dx 0.956
#   (65/68), 0.985; procedures 1.0 / 1.0.
# - blind2 (u-…): first dx 0.530 / 0.629, procedures 0.544 / 0.738; then used to find gaps
#   (notes' own wording: tests/test_case2code_note_wording.py); now dx 0.819 (68/83), 0.850;
#   procedures 0.754 / 0.811 on SQLite, 0.772 / 0.830 on PostgreSQL.
# - blind3 (v-…): first dx 0.581 / 0.746, procedures 0.545 / 0.833; 0.698 / 0.822 and
#   0.691 / 0.864 after the blind2 work, before anyone read it; then used to find gaps;
#   now dx 0.779 (67/86), 0.870; procedures 0.745 / 0.911 (SQLite), 0.782 / 0.915 (PG).
# - blind4 (w-…): first dx 0.721 (62/86), 0.747, procedures 0.800 / 0.889 (PG 0.780 /
#   0.867); then used to find gaps; now dx 0.779 (67/86), 0.807; procedures 0.820 / 0.891
#   (SQLite), 0.800 / 0.870 (PG).
# - blind5 (x-…): never used to change a rule, the figure for unseen text: dx 0.840
#   (63/75), 0.829; procedures 0.735 / 0.818 on SQLite, 0.714 / 0.814 on PostgreSQL.
FLOORS = {
    "heldout": (30, (0.95, 0.98), (0.99, 0.80)),
    "blind": (30, (0.95, 0.98), (0.99, 0.95)),
    "blind2": (40, (0.81, 0.84), (0.75, 0.79)),
    "blind3": (40, (0.77, 0.86), (0.74, 0.90)),
    "blind4": (40, (0.77, 0.80), (0.79, 0.86)),
    "blind5": (40, (0.83, 0.82), (0.71, 0.81)),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_sets_not_tuned_on(full_catalogue, name):
    """Each (recall, precision) floor of the held-out and blind sets."""
    count, diagnoses, procedures = FLOORS[name]
    tally = evaluation.measure(evaluation.other(name))
    assert tally.cases == count and not tally.not_held, tally.not_held
    assert tally.diagnoses.recall >= diagnoses[0], tally.diagnoses.misses
    assert tally.diagnoses.precision >= diagnoses[1], tally.diagnoses.false_alarms
    assert tally.procedures.recall >= procedures[0], tally.procedures.misses
    assert tally.procedures.precision >= procedures[1], tally.procedures.false_alarms


# Our own sentences for each general rule the held-out misses pointed at, worded unlike
# either evaluation set: (text, the diagnoses, the procedures; None: not checked).
GENERAL = [
    ("Est pt with gout, stable on allopurinol. MDM: moderate.", None, {"99214"}),
    ("Established patient seen for hypothyroidism. Low complexity MDM.", None, {"99213"}),
    (
        "Wellness exam, 50-year-old man, all normal. Tdap vaccine administered. Diagnosis "
        "codes only.",
        {"Z00.00", "Z23"},
        set(),
    ),
    (
        "Well-child check for a 2 year old girl; development normal. Diagnoses only.",
        {"Z00.129"},
        set(),
    ),
    ("She gets her annual screening mammogram today. Code the diagnosis.", {"Z12.31"}, set()),
    ("COPD, stable. Ex-smoker who stopped 3 years ago.", {"J44.9", "Z87.891"}, None),
    ("Hypertension. Smokes 1 ppd.", {"I10", "F17.210"}, None),
    ("Asthma, mild intermittent. Never smoked.", {"J45.20"}, None),
    ("Hypertension. He smokes a pack a day and drinks no alcohol.", {"I10", "F17.210"}, None),
    ("Hypertension. No tobacco use.", {"I10"}, None),
    # J45's note asks for exposure to environmental tobacco smoke (Z77.22)
    ("Asthma. Her husband smokes indoors.", {"J45.909", "Z77.22"}, None),
    ("COPD. Baseline O2 saturation 91% on room air.", {"J44.9"}, None),
    ("Tdap given today. Hypertension.", {"Z23", "I10"}, None),
    ("Breast cancer; bone scan to rule out bone metastases.", {"C50.919"}, None),
    ("COPD. On 2 liters of home oxygen at night.", {"J44.9", "Z99.81"}, None),
    ("Routine prenatal visit, G2P1 at 31 weeks, uncomplicated.", {"Z34.83", "Z3A.31"}, None),
    (
        "Primigravida at 10 weeks for her first prenatal visit; normal pregnancy.",
        {"Z34.01", "Z3A.10"},
        None,
    ),
    ("Gestational diabetes at 33 weeks, now requires insulin.", {"O24.414", "Z3A.33"}, None),
    ("Gestational diabetes at 29 weeks, controlled with metformin.", {"O24.415", "Z3A.29"}, None),
    ("Community-acquired pneumonia. Sputum culture grew Klebsiella pneumoniae.", {"J15.0"}, None),
    ("Pneumonia; pneumococcal urine antigen positive.", {"J13"}, None),
    ("Breast cancer with bone metastases.", {"C50.919", "C79.51"}, None),
    (
        "Surveillance visit 5 years after right hemicolectomy for colon cancer; no evidence of "
        "recurrence.",
        {"Z08", "Z85.038"},
        None,
    ),
    (
        "Carcinoma of the left breast, estrogen receptor negative, on chemotherapy.",
        {"C50.912", "Z17.1"},
        None,
    ),
    ("Breast cancer, left, upper outer quadrant.", {"C50.412"}, None),
    (
        "Type 2 diabetes. Medications: metformin 500 mg BID and glipizide.",
        {"E11.9", "Z79.84"},
        None,
    ),
    ("Headache and feeling dizzy for a week; no cause found.", {"R51.9", "R42"}, None),
    ("Troponin elevated, no ST elevation on ECG, so NSTEMI is diagnosed.", {"I21.4"}, None),
    ("Ankle sprain; she still wears an ankle brace at work.", None, set()),
    (
        "Established patient with palpitations; office 12-lead ECG with the tracing "
        "interpreted and reported. Low complexity MDM.",
        {"R00.2"},
        {"93000", "99213"},
    ),
    (
        "Commercially insured man, 52, for a screening colonoscopy; no polyps found.",
        {"Z12.11"},
        {"45378"},
    ),
]


@pytest.mark.parametrize(("text", "diagnoses", "procedures"), GENERAL)
def test_general_rules_on_our_own_wording(full_catalogue, text, diagnoses, procedures):
    check(text, diagnoses, procedures)
