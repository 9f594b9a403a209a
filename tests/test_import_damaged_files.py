"""Damaged files stop the import: file, line and reason, a non-zero exit, nothing changed."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import Code, FeeScheduleIndicator
from tests.cmsfiles import (
    PFS_ROWS,
    SHARED,
    jan_codes,
    real_files,
    write_hcpcs,
    write_pprrvu,
)
from tests.importing import FIXTURES

pytestmark = pytest.mark.django_db
CM = FIXTURES / "icd10cm"
REAL_HCPCS = SHARED / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt"


def long_modifier_codes():
    """jan_codes() with a modifier long enough to continue on a RIC 8 record."""
    codes = jan_codes()
    codes[-1]["long"] = (
        "Services delivered under an outpatient physical therapy plan of care, "
        "written and certified by the treating physician or non-physician practitioner"
    )
    return codes


@pytest.mark.parametrize("ric", ["3", "4", "7", "8"])
def test_hcpcs_record_of_any_kind_cut_short(tmp_path, ric):
    path = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", long_modifier_codes())
    lines = path.read_bytes().split(b"\r\n")
    number = next(n for n, line in enumerate(lines) if line[10:11] == ric.encode())
    lines[number] = lines[number][:30]
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(
        CommandError,
        match=rf"HCPC2026_JAN_ANWEB\.txt:{number + 1}: record is 30 characters, expected 320",
    ):
        call_command("import_hcpcs", str(path), verbosity=0)
    assert not Code.objects.exists()


@real_files
def test_real_hcpcs_continuation_record_cut_short(tmp_path):
    cut = tmp_path / "HCPC2019_CONTR_ANWEB.txt"
    data = REAL_HCPCS.read_bytes()
    cut.write_bytes(data[: data.index(b"\r\nG9140002004") + 32])  # G9140's second line, cut
    with pytest.raises(CommandError, match=r"ANWEB\.txt:4998: record is 30 characters"):
        call_command("import_hcpcs", str(cut), release=date(2019, 1, 1), verbosity=0)
    assert not Code.objects.exists()


def test_fee_schedule_row_with_missing_cells(tmp_path):
    rows = [*PFS_ROWS[:2], ",".join(PFS_ROWS[2].split(",")[:20])]
    path = write_pprrvu(tmp_path / "PPRRVU2026_Jan.csv", rows)
    with pytest.raises(
        CommandError, match=r"PPRRVU2026_Jan\.csv:13: the row has 20 cells, the header 31"
    ):
        call_command("import_pfs", str(path), verbosity=0)
    assert not FeeScheduleIndicator.objects.exists()


def hcpcs_with(tmp_path, old: bytes, new: bytes):
    path = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    data = path.read_bytes()
    path.write_bytes(data.replace(old, new, 1))
    return path, data[: data.index(old)].count(b"\n") + 1


@pytest.mark.parametrize(
    ("old", "new", "reason"),
    [
        (b"Surgical trays", b"Surgical\x81trays", r"byte 0x81 at column 20 is not cp1252 text"),
        (b"Surgical trays", b"Surgical\x00trays", r"control character U\+0000 at column 20"),
        (b"Surgical trays", b"Surgical\x0ctrays", r"control character U\+000C at column 20"),
    ],
)
def test_hcpcs_bytes_that_are_not_text(tmp_path, old, new, reason):
    path, line = hcpcs_with(tmp_path, old, new)
    with pytest.raises(CommandError, match=rf"HCPC2026_JAN_ANWEB\.txt:{line}: {reason}"):
        call_command("import_hcpcs", str(path), verbosity=0)
    assert not Code.objects.exists()


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("Type 2 diabetes\xff", r"byte 0xff at column 24 is not utf-8 text"),
        ("Type 2\x07diabetes", r"control character U\+0007 at column 15"),
    ],
)
def test_code_list_bytes_that_are_not_text(tmp_path, bad, reason):
    listing = tmp_path / "icd10cm_codes_2026.txt"
    text = (CM / "icd10cm_codes_2025.txt").read_text().replace("Type 2 diabetes", "{}", 1)
    listing.write_bytes(text.encode().replace(b"{}", bad.encode("latin-1")))
    with pytest.raises(CommandError, match=rf"icd10cm_codes_2026\.txt:1: {reason}"):
        call_command(
            "load_codes", icd10cm_billable=str(listing), effective=date(2025, 10, 1), verbosity=0
        )
    assert not Code.objects.exists()


def test_xml_with_entities_names_the_line(tmp_path):
    xml = (CM / "tabular.xml").read_text()
    xml = xml.replace(
        "<ICD10CM.tabular>",
        '<!DOCTYPE ICD10CM.tabular [\n<!ENTITY lol "lol">\n]>\n<ICD10CM.tabular>',
        1,
    )
    bad = tmp_path / "icd10cm_tabular_2027.xml"
    bad.write_text(xml)
    with pytest.raises(
        CommandError,
        match=r"icd10cm_tabular_2027\.xml:3: XML entity declarations and external references",
    ):
        call_command(
            "load_codes",
            icd10cm_tabular=str(bad),
            icd10cm_code_list=str(CM / "code-list.txt"),
            effective=date(2026, 10, 1),
            verbosity=0,
        )
    assert not Code.objects.exists()
