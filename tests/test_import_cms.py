"""CMS and AMA importers through their commands, on files written in the official layouts."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from codes.models import (
    Code,
    CodeRelation,
    FeeScheduleIndicator,
    HcpcsIndicator,
    MueLimit,
    OppsIndicator,
    ServiceCategory,
)
from tests.cmsfiles import (
    J0129_LONG,
    MUE,
    NCCI,
    OPPS,
    PFS_ROWS,
    SHARED,
    apr_codes,
    cpt_folder,
    jan_codes,
    real_files,
    write_hcpcs,
    write_pprrvu,
)
from tests.importing import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def hcpcs_files(tmp_path):
    return (
        write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes()),
        write_hcpcs(tmp_path / "HCPC2026_APR_ANWEB.txt", apr_codes()),
    )


def text(client, url):
    import re

    response = client.get(url)
    assert response.status_code == 200, url
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_hcpcs_records_become_codes_with_indicators(staff_client, hcpcs_files):
    call_command("import_hcpcs", str(hcpcs_files[0]), verbosity=0)
    j0129 = Code.objects.get(system="hcpcs", code="J0129")
    assert j0129.long_description == J0129_LONG  # joined across the continuation record
    assert j0129.short_description == "Abatacept injection"
    assert Code.objects.get(system="modifier", code="GP").short_description == "Op pt services"
    assert HcpcsIndicator.objects.get(code=j0129).pricing == ["51"]
    page = text(staff_client, "/hcpcs/J0129/")
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
    added = text(staff_client, "/hcpcs/G0568/")
    assert "2026-04-01 Added" in added
    revised = text(staff_client, "/hcpcs/G0102/")
    assert "Prostate cancer screening; digital rectal examination, by a physician" in revised
    assert "2026-04-01 Revised Long description changed" in revised
    deleted = text(staff_client, "/hcpcs/Q0091/")
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
    page = text(staff_client, "/hcpcs/A0428/")
    assert "A0428 Ambulance service, basic life support, non-emergency transport, (bls)" in page
    assert "Short descriptor: Bls" in page
    assert "BETOS O1A – Ambulance" in text(staff_client, "/hcpcs/A0428/")
    assert Code.objects.get(system="modifier", code="GP").long_description == (
        "Services delivered under an outpatient physical therapy plan of care"
    )


# Physician fee schedule


def test_pprrvu_csv_rows_and_modifier_rows(staff_client, tmp_path):
    path = write_pprrvu(tmp_path / "PPRRVU2026_Jan.csv", PFS_ROWS)
    call_command("import_pfs", str(path), verbosity=0)
    rows = FeeScheduleIndicator.objects.filter(code__code="70450").order_by("modifier")
    assert [(r.modifier, str(r.work_rvu), r.physician_supervision) for r in rows] == [
        ("", "0.85", "09"),
        ("26", "0.85", "09"),
        ("TC", "0.00", "01"),
    ]
    assert [r.facility_na for r in rows] == [True, False, True]
    assert FeeScheduleIndicator.objects.get(code__code="0001F").not_used_for_payment
    page = text(staff_client, "/cpt/97546/")
    assert "Status R – Restricted coverage" in page and "Conversion factor 32.3465" in page
    assert "MPFS 2026" in page
    tc = text(staff_client, "/cpt/70450/")
    assert "modifier TC (Technical component)" in tc


def test_pprrvu_fixed_width_text(tmp_path):
    from codes.importers.pfs import POSITIONS

    def line(values):
        out = [" "] * 200
        for field, first, last in POSITIONS:
            value = values.get(field, "")
            out[first - 1 : last] = list(
                value.rjust(last - first + 1)
                if field.endswith("rvu") or field.endswith("total") or field == "conversion_factor"
                else value.ljust(last - first + 1)
            )
        return "".join(out)

    body = ["HDR 2026 National Physician Fee Schedule Relative Value File"] * 7
    body.append(
        line(
            {
                "code": "97546",
                "status": "R",
                "work_rvu": "0.00",
                "pctc": "7",
                "global_days": "ZZZ",
                "multiple_procedure": "0",
                "bilateral_surgery": "0",
                "assistant_surgeon": "0",
                "co_surgeons": "0",
                "team_surgery": "0",
                "conversion_factor": "32.3465",
                "physician_supervision": "09",
                "imaging_family": "99",
            }
        )
    )
    path = tmp_path / "PPRRVU26_JAN.txt"
    path.write_text("\r\n".join(body) + "\r\n", encoding="latin-1")
    call_command("import_pfs", str(path), verbosity=0)
    row = FeeScheduleIndicator.objects.get(code__code="97546")
    assert (row.status, row.global_days, row.pctc, str(row.conversion_factor)) == (
        "R",
        "ZZZ",
        "7",
        "32.3465",
    )


def test_pprrvu_unknown_status_names_the_line(tmp_path):
    rows = [*PFS_ROWS[:2], PFS_ROWS[2].replace(",A,", ",Q,", 1)]
    path = write_pprrvu(tmp_path / "PPRRVU2026_Jan.csv", rows)
    with pytest.raises(CommandError, match=r"PPRRVU2026_Jan\.csv:13: unknown status 'Q' for 70450"):
        call_command("import_pfs", str(path), verbosity=0)
    assert not FeeScheduleIndicator.objects.exists()


@real_files
def test_real_pprrvu_2025_october(staff_client, capsys):
    path = SHARED / "pfs-2025" / "PPRRVU2025_Oct.csv"
    call_command("import_pfs", str(path), release=date(2025, 10, 1), verbosity=0)
    assert FeeScheduleIndicator.objects.filter(year=2025).count() == 19090
    assert FeeScheduleIndicator.objects.filter(modifier="26").count() == 1127
    row = FeeScheduleIndicator.objects.get(code__code="97546", modifier="")
    assert (row.status, row.global_days, row.pctc, str(row.conversion_factor)) == (
        "R",
        "ZZZ",
        "7",
        "32.3465",
    )
    assert "Global days ZZZ – Code related to another service" in text(staff_client, "/cpt/97546/")
    capsys.readouterr()
    call_command("import_pfs", str(path), release=date(2025, 10, 1))
    assert "fee schedule indicators unchanged: 19090" in capsys.readouterr().out


# NCCI, MUE, OPPS, CCS, CPT


def test_ncci_pairs_show_on_both_pages(staff_client, tmp_path):
    path = tmp_path / "ccipra-v321r0-f1.txt"
    path.write_text(NCCI, encoding="latin-1")
    call_command("import_ncci", str(path), release=date(2026, 1, 1), verbosity=0)
    pair = CodeRelation.objects.get(kind="ncci_ptp", source__code="29881", target__code="29870")
    assert (pair.setting, pair.modifier_indicator, pair.end_date) == ("practitioner", "1", None)
    assert CodeRelation.objects.get(source__code="97546", kind="ncci_ptp").end_date == date(
        2010, 1, 1
    )
    column1 = text(staff_client, "/cpt/29881/")
    assert "29881 29870 Practitioner 1 – Modifier allowed" in column1
    assert "29881 29870" in text(staff_client, "/cpt/29870/")
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
    assert "MUE (Practitioner services) 2 · 2 – Date of service edit, policy" in text(
        staff_client, "/cpt/97546/"
    )
    bad = tmp_path / "MCR_MUE_OutpatientHospitalServices_Eff_01-01-2026.csv"
    bad.write_text(MUE.replace("97546,2,", "97546,two,"), encoding="latin-1")
    with pytest.raises(CommandError, match=r"MUE value is not a whole number: 'two'"):
        call_command("import_mue", str(bad), release=date(2026, 1, 1), verbosity=0)


def test_opps_addendum_b(staff_client, tmp_path):
    path = tmp_path / "2026_january_web_addendum_b.csv"
    path.write_text(OPPS, encoding="latin-1")
    call_command("import_opps", str(path), release=date(2026, 1, 1), verbosity=0)
    row = OppsIndicator.objects.get(code__code="70450")
    assert (row.status_indicator, row.apc, row.payment_rate) == ("S", "5522", Decimal("1117.49"))
    assert "OPPS status indicator A – Paid under a fee schedule" in text(
        staff_client, "/cpt/97546/"
    )
    path.write_text(OPPS.replace(",S,5522", ",ZZ,5522"), encoding="latin-1")
    with pytest.raises(CommandError, match=r"addendum_b\.csv:5: unknown status indicator 'ZZ'"):
        call_command("import_opps", str(path), release=date(2026, 4, 1), verbosity=0)


def test_cpt_data_files(staff_client, tmp_path):
    call_command("import_cpt", str(cpt_folder(tmp_path)), release=date(2026, 1, 1), verbosity=0)
    code = Code.objects.get(system="cpt", code="97546")
    assert (code.short_description, code.medium_description) == (
        "WORK HARDENING ADD-ON",
        "WORK HARDENING/CONDITIONING EACH HOUR",
    )
    assert code.consumer_description == "Test consumer text for an extra hour"
    assert CodeRelation.objects.filter(kind="addon_of", source=code, target__code="97545").exists()
    page = text(staff_client, "/cpt/97546/")
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
    assert "CCS category 213 – Physical therapy exercises" in text(staff_client, "/cpt/97545/")


def test_import_release_recognises_a_folder(tmp_path, hcpcs_files, capsys):
    folder = hcpcs_files[0].parent
    hcpcs_files[1].unlink()  # one HCPCS release in the folder
    write_pprrvu(folder / "PPRRVU2026_Jan.csv", PFS_ROWS)
    (folder / "ccipra-v321r0-f1.txt").write_text(NCCI, encoding="latin-1")
    (folder / "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv").write_text(MUE, encoding="latin-1")
    (folder / "2026_january_web_addendum_b.csv").write_text(OPPS, encoding="latin-1")
    cpt_folder(folder)
    call_command("import_release", str(folder), release=date(2026, 1, 1))
    out = capsys.readouterr().out
    for name in [
        "cpt2026",
        "HCPC2026_JAN_ANWEB.txt",
        "PPRRVU2026_Jan.csv",
        "addendum_b.csv",
        "MCR_MUE",
        "ccipra",
    ]:
        assert name in out, name
    assert "6 files imported." in out
    assert Code.objects.get(system="cpt", code="97546").short_description == "WORK HARDENING ADD-ON"


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
