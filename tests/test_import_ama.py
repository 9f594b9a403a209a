"""AMA files for licensed sites: CPT data files and CCS ranges."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import (
    Code,
    CodeRelation,
    ServiceCategory,
)
from tests.cmsfiles import cpt_folder
from tests.importing import page_text

pytestmark = pytest.mark.django_db


def test_cpt_data_files(staff_client, tmp_path):
    call_command("import_cpt", str(cpt_folder(tmp_path)), release=date(2026, 1, 1), verbosity=0)
    code = Code.objects.get(system="cpt", code="97546")
    assert (code.short_description, code.medium_description) == (
        "WORK HARDENING ADD-ON",
        "WORK HARDENING/CONDITIONING EACH HOUR",
    )
    assert code.consumer_description == "Test consumer text for an extra hour"
    assert CodeRelation.objects.filter(kind="addon_of", source=code, target__code="97545").exists()
    page = page_text(staff_client, "/cpt/97546/")
    assert "This is an add-on code; report it with one of these primary codes: 97545" in page


def test_ccs_ranges(staff_client, tmp_path):
    call_command("import_cpt", str(cpt_folder(tmp_path)), release=date(2026, 1, 1), verbosity=0)
    path = tmp_path / "2026_ccs_services_procedures.csv"
    path.write_text(
        "Code Range,CCS,CCS Label\r\n"
        "'97545-97546',213,\"Physical therapy exercises, manipulation, and other procedures\"\r\n"
    )
    call_command("import_ccs", str(path), release=date(2026, 1, 1), verbosity=0)
    assert ServiceCategory.objects.filter(scheme="ccs", value="213").count() == 2
    assert "CCS category 213 – Physical therapy exercises" in page_text(staff_client, "/cpt/97545/")


def test_cpt_file_with_a_bad_code_names_the_line(tmp_path):
    folder = cpt_folder(tmp_path)
    (folder / "LONGULT.txt").write_text(
        "97545\tWork hardening/conditioning; initial 2 hours\r\n9754X\tBroken\r\n"
    )
    with pytest.raises(CommandError, match=r"LONGULT\.txt:2: not a CPT code: '9754X'"):
        call_command("import_cpt", str(folder), release=date(2026, 1, 1), verbosity=0)
    assert not Code.objects.exists()


def test_ccs_file_with_a_bad_range_names_the_line(tmp_path):
    call_command("import_cpt", str(cpt_folder(tmp_path)), release=date(2026, 1, 1), verbosity=0)
    path = tmp_path / "2026_ccs_services_procedures.csv"
    path.write_text(
        "Code Range,CCS,CCS Label\r\n'97545-97546',213,Therapy\r\n'97546-9754T',214,Broken\r\n"
    )
    with pytest.raises(CommandError, match=r"ccs_services_procedures\.csv:3: not a code range"):
        call_command("import_ccs", str(path), release=date(2026, 1, 1), verbosity=0)
    assert not ServiceCategory.objects.filter(scheme="ccs").exists()
