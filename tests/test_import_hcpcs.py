"""HCPCS Level II files (the CMS record layout and the workbook) through import_hcpcs."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import (
    Code,
    HcpcsIndicator,
    ServiceCategory,
)
from tests.cmsfiles import (
    J0129_LONG,
    SHARED,
    apr_codes,
    jan_codes,
    real_files,
    write_hcpcs,
)
from tests.importing import page_text, snapshot

pytestmark = pytest.mark.django_db


def test_hcpcs_records_become_codes_with_indicators(staff_client, hcpcs_files):
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    j0129 = Code.objects.get(system="hcpcs", code="J0129")
    assert j0129.long_description == J0129_LONG  # joined across the continuation record
    assert j0129.short_description == "Abatacept injection"
    assert Code.objects.get(system="modifier", code="GP").short_description == "Op pt services"
    assert HcpcsIndicator.objects.get(code=j0129).pricing == ["51"]
    page = page_text(staff_client, "/hcpcs/J0129/")
    for fact in [
        "Pricing indicator 51 – Drugs",
        "Coverage D – Special coverage instructions apply",
        "BETOS O1E – Other drugs",
        "Type of service 1 – Medical care",
        "2007-01-01 Added",
    ]:
        assert fact in page, fact
    assert not ServiceCategory.objects.filter(
        code__code="A4550"
    ).exists()  # blank fields stay blank


def test_two_releases_record_added_revised_and_deleted(staff_client, hcpcs_files):
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    call_command("import_hcpcs", str(hcpcs_files[1]), verbosity=0)
    added = page_text(staff_client, "/hcpcs/G0568/")
    assert "2026-04-01 Added" in added
    revised = page_text(staff_client, "/hcpcs/G0102/")
    assert "Prostate cancer screening; digital rectal examination, by a physician" in revised
    assert "2026-04-01 Revised Long description changed" in revised
    deleted = page_text(staff_client, "/hcpcs/Q0091/")
    assert "This code is deleted" in deleted and "valid through 2026-03-31" in deleted
    assert "2026-04-01 Deleted Discontinued" in deleted
    assert Code.objects.get(code="Q0091").status == "deleted"


def test_hcpcs_second_run_writes_nothing(hcpcs_files):
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    before = snapshot()
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    assert snapshot() == before


def test_unknown_indicator_names_file_line_and_changes_nothing(hcpcs_files, tmp_path):
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    before = snapshot()
    codes = apr_codes()
    codes[1]["price"] = "77"
    bad = write_hcpcs(tmp_path / "HCPC2026_APR_ANWEB_bad.txt", codes)
    with pytest.raises(
        CommandError,
        match=r"HCPC2026_APR_ANWEB_bad\.txt:\d+: unknown pricing indicator '77' for J0129",
    ):
        call_command("import_hcpcs", str(bad), verbosity=0)
    assert snapshot() == before


def test_truncated_hcpcs_record(tmp_path):
    path = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    lines = path.read_bytes().split(b"\r\n")
    lines[-2] = lines[-2][:200]
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(CommandError, match=r"record is 200 characters, expected 320"):
        call_command("import_hcpcs", str(path), verbosity=0)
    assert not Code.objects.exists()


@real_files
@pytest.mark.parametrize("name", ["HCPC2019_CONTR_ANWEB.txt", "HCPC2019_CONTR_ANWEB.xlsx"])
def test_real_hcpcs_2019_file(staff_client, name):
    call_command(
        "import_hcpcs", str(SHARED / "hcpcs-2019" / name), release=date(2019, 1, 1), verbosity=0
    )
    assert Code.objects.filter(system="hcpcs").count() == 6440
    assert Code.objects.filter(system="modifier").count() == 360
    assert Code.objects.filter(system="hcpcs", status="deleted").count() == 506  # ended by 2018
    g0503 = Code.objects.get(code="G0503")
    assert g0503.long_description.endswith("and are prepared for discharge from active treatment")
    page = page_text(staff_client, "/hcpcs/A0428/")
    assert "A0428 Ambulance service, basic life support, non-emergency transport, (bls)" in page
    assert "Short descriptor: Bls" in page
    assert "BETOS O1A – Ambulance" in page_text(staff_client, "/hcpcs/A0428/")
    assert Code.objects.get(system="modifier", code="GP").long_description == (
        "Services delivered under an outpatient physical therapy plan of care"
    )


# Physician fee schedule
