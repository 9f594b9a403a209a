"""The deletion guard: a release that leaves out many stored codes or rows is refused
(usually a file cut short), unless the operator gives --allow-deletions."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import Code, FeeScheduleIndicator
from tests.cmsfiles import (
    MUE,
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
from tests.importing import FIXTURES, snapshot

pytestmark = pytest.mark.django_db
CM = FIXTURES / "icd10cm"
REAL_HCPCS = SHARED / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt"


def test_hcpcs_release_leaving_out_codes_is_refused_unless_allowed(tmp_path):
    jan = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    call_command("import_hcpcs", str(jan), verbosity=0)
    before = snapshot()
    short = [c for c in apr_codes() if c["code"] not in ("A4550", "J0129")]
    path = write_hcpcs(tmp_path / "HCPC2026_APR_ANWEB.txt", short)
    with pytest.raises(
        CommandError,
        match=r"HCPC2026_APR_ANWEB\.txt: HCPCS Level II April 2026 would remove 2 of the 5 "
        r"active hcpcs codes stored \(40%\).*--allow-deletions",
    ):
        call_command("import_hcpcs", str(path), verbosity=0)
    assert snapshot() == before
    call_command("import_hcpcs", str(path), allow_deletions=True, verbosity=0)
    assert Code.objects.get(code="A4550").status == Code.Status.DELETED


def test_codes_the_file_ends_itself_are_not_refused(tmp_path):
    jan = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    call_command("import_hcpcs", str(jan), verbosity=0)
    codes = jan_codes()
    for ended in codes[:4]:
        ended.update(action="D", act_eff="20260401", term="20260331")
    apr = write_hcpcs(tmp_path / "HCPC2026_APR_ANWEB.txt", codes)
    call_command("import_hcpcs", str(apr), verbosity=0)
    assert Code.objects.filter(system="hcpcs", status="deleted").count() == 4


@real_files
def test_real_hcpcs_file_cut_at_a_line_is_refused(tmp_path):
    call_command("import_hcpcs", str(REAL_HCPCS), release=date(2019, 1, 1), verbosity=0)
    before = snapshot()
    cut = tmp_path / "HCPC2019_APR_ANWEB.txt"
    data = REAL_HCPCS.read_bytes()
    cut.write_bytes(data[: data.index(b"\r\nJ0129") + 2])  # a whole-line cut, half way
    with pytest.raises(CommandError, match=r"would remove [\d,]+ of the 5,934 active hcpcs codes"):
        call_command("import_hcpcs", str(cut), verbosity=0)
    assert snapshot() == before


def load_tabular(**options):
    call_command(
        "load_codes",
        icd10cm_tabular=str(CM / "tabular.xml"),
        icd10cm_code_list=str(CM / "code-list.txt"),
        effective=date(2026, 4, 1),
        verbosity=0,
        **options,
    )


def test_icd10cm_release_leaving_out_codes_is_refused_unless_allowed():
    call_command(
        "load_codes",
        icd10cm_billable=str(CM / "icd10cm_codes_2025.txt"),
        effective=date(2025, 10, 1),
        verbosity=0,
    )
    before = snapshot()
    # The tabular drops E11.69: 1 of the 7 billable codes, over the 2% guard.
    with pytest.raises(
        CommandError, match=r"icd10cm-tabular: .* would remove 1 of the 7 active icd10cm codes"
    ):
        load_tabular()
    assert snapshot() == before
    load_tabular(allow_deletions=True)
    assert Code.objects.get(code="E11.69").status == Code.Status.DELETED


def test_pcs_release_leaving_out_codes_is_refused(tmp_path):
    listing = FIXTURES / "icd10pcs" / "icd_10_pcs.csv"
    call_command("load_codes", icd10pcs=str(listing), effective=date(2025, 10, 1), verbosity=0)
    before = snapshot()
    short = tmp_path / "icd10pcs_codes_2027.csv"
    short.write_text("".join(listing.read_text().splitlines(keepends=True)[:3]))
    with pytest.raises(
        CommandError, match=r"icd10pcs: .* would remove 7 of the 13 active icd10pcs"
    ):
        call_command("load_codes", icd10pcs=str(short), effective=date(2026, 10, 1), verbosity=0)
    assert snapshot() == before


def test_cpt_release_leaving_out_codes_is_refused(tmp_path):
    folder = cpt_folder(tmp_path)
    call_command("import_cpt", str(folder), release=date(2026, 1, 1), verbosity=0)
    before = snapshot()
    (folder / "LONGULT.txt").write_text("97545\tWork hardening/conditioning; initial 2 hours\r\n")
    with pytest.raises(CommandError, match=r"cpt2026: CPT .* would remove 1 of the 2 active cpt"):
        call_command("import_cpt", str(folder), release=date(2027, 1, 1), verbosity=0)
    assert snapshot() == before


def test_fee_schedule_release_leaving_out_rows_is_refused(tmp_path):
    jan = write_pprrvu(tmp_path / "PPRRVU2026_Jan.csv", PFS_ROWS)
    call_command("import_pfs", str(jan), verbosity=0)
    before = snapshot()
    path = write_pprrvu(tmp_path / "PPRRVU2026_Apr.csv", PFS_ROWS[:3])
    with pytest.raises(
        CommandError, match=r"PPRRVU2026_Apr\.csv: MPFS April 2026 would remove 3 of the 6 "
    ):
        call_command("import_pfs", str(path), verbosity=0)
    assert snapshot() == before
    call_command("import_pfs", str(path), allow_deletions=True, verbosity=0)
    assert FeeScheduleIndicator.objects.count() == 3


@pytest.mark.parametrize(
    ("command", "name", "content"),
    [
        ("import_opps", "2026_january_web_addendum_b.csv", OPPS),
        ("import_mue", "MCR_MUE_PractitionerServices_Eff_01-01-2026.csv", MUE),
    ],
)
def test_indicator_release_leaving_out_rows_is_refused(tmp_path, command, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="cp1252")
    call_command(command, str(path), release=date(2026, 1, 1), verbosity=0)
    before = snapshot()
    last_row = content.rstrip().rindex("\r\n") + 2
    path.write_text(content[:last_row], encoding="cp1252")
    with pytest.raises(CommandError, match=rf"{name}: .* would remove 1 of the 2 "):
        call_command(command, str(path), release=date(2026, 4, 1), verbosity=0)
    assert snapshot() == before


def test_import_release_passes_allow_deletions_on(tmp_path):
    jan = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    call_command("import_hcpcs", str(jan), verbosity=0)
    folder = tmp_path / "april"
    folder.mkdir()
    write_pprrvu(folder / "PPRRVU2026_Apr.csv", PFS_ROWS)
    short = [c for c in apr_codes() if c["code"] not in ("A4550", "J0129")]
    write_hcpcs(folder / "HCPC2026_APR_ANWEB.txt", short)
    before = snapshot()
    with pytest.raises(CommandError, match=r"HCPC2026_APR_ANWEB\.txt: .* would remove 2 of the 5"):
        call_command("import_release", str(folder), verbosity=0)
    assert snapshot() == before
    call_command("import_release", str(folder), allow_deletions=True, verbosity=0)
    assert Code.objects.get(code="A4550").status == Code.Status.DELETED
