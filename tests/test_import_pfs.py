"""The physician fee schedule (PPRRVU, CSV and fixed width) through import_pfs."""

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from codes.models import FeeScheduleIndicator
from tests.cmsfiles import (
    PFS_ROWS,
    SHARED,
    real_files,
    write_pprrvu,
)
from tests.importing import page_text

pytestmark = pytest.mark.django_db


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
    page = page_text(staff_client, "/cpt/97546/")
    assert "Status R – Restricted coverage" in page and "Conversion factor 32.3465" in page
    assert "MPFS 2026" in page
    tc = page_text(staff_client, "/cpt/70450/")
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
    assert "Global days ZZZ – Code related to another service" in page_text(
        staff_client, "/cpt/97546/"
    )
    capsys.readouterr()
    call_command("import_pfs", str(path), release=date(2025, 10, 1))
    assert "fee schedule indicators unchanged: 19090" in capsys.readouterr().out


# NCCI, MUE, OPPS, CCS, CPT
