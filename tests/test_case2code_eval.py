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
    assert tally.procedures.recall >= 0.70, tally.procedures.misses
    assert tally.procedures.precision >= 0.75, tally.procedures.false_alarms
    assert tally.units_right == tally.procedures.found


def test_diagnosis_recall(tally):
    assert tally.diagnoses.recall >= 0.85, tally.diagnoses.misses
