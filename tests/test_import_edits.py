"""NCCI pairs and MUE limits through import_ncci and import_mue."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import (
    CodeRelation,
    MueLimit,
)
from tests.cmsfiles import (
    MUE,
    NCCI,
)
from tests.importing import page_text, snapshot

pytestmark = pytest.mark.django_db


def test_ncci_pairs_show_on_both_pages(staff_client, tmp_path):
    path = tmp_path / "ccipra-v321r0-f1.txt"
    path.write_text(NCCI, encoding="latin-1")
    call_command("import_ncci", str(path), release=date(2026, 1, 1), verbosity=0)
    pair = CodeRelation.objects.get(kind="ncci_ptp", source__code="29881", target__code="29870")
    assert (pair.setting, pair.modifier_indicator, pair.end_date) == ("practitioner", "1", None)
    assert CodeRelation.objects.get(source__code="97546", kind="ncci_ptp").end_date == date(
        2010, 1, 1
    )
    column1 = page_text(staff_client, "/cpt/29881/")
    assert "29881 29870 Practitioner 1 – Modifier allowed" in column1
    assert "29881 29870" in page_text(staff_client, "/cpt/29870/")
    before = snapshot()
    call_command("import_ncci", str(path), release=date(2026, 1, 1), verbosity=0)
    assert snapshot() == before


def test_ncci_bad_modifier_indicator(tmp_path):
    path = tmp_path / "ccioph-v321r0-f1.txt"
    path.write_text(NCCI.replace("\t1\tMisuse", "\t5\tMisuse"), encoding="latin-1")
    with pytest.raises(
        CommandError, match=r"ccioph-v321r0-f1\.txt:5: unknown modifier indicator '5'"
    ):
        call_command("import_ncci", str(path), release=date(2026, 1, 1), verbosity=0)
    assert not CodeRelation.objects.exists()


def test_mue_values(staff_client, tmp_path):
    path = tmp_path / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv"
    path.write_text(MUE, encoding="latin-1")
    call_command("import_mue", str(path), release=date(2026, 1, 1), verbosity=0)
    mue = MueLimit.objects.get(code__code="97546")
    assert (mue.setting, mue.value, mue.adjudication_indicator, mue.rationale) == (
        "practitioner",
        2,
        "2",
        "CMS Policy",
    )
    assert "MUE (Practitioner services) 2 · 2 – Date of service edit, policy" in page_text(
        staff_client, "/cpt/97546/"
    )
    bad = tmp_path / "MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"
    bad.write_text(MUE.replace("97546,2,", "97546,two,"), encoding="latin-1")
    with pytest.raises(CommandError, match=r"MUE value is not a whole number: 'two'"):
        call_command("import_mue", str(bad), release=date(2026, 1, 1), verbosity=0)
