"""import_release: a folder of CMS files, each recognised by name."""

from datetime import date

import pytest
from django.core.management import call_command

from codes.models import Code
from tests.cmsfiles import (
    MUE,
    NCCI,
    OPPS,
    PFS_ROWS,
    cpt_folder,
    write_pprrvu,
)

pytestmark = pytest.mark.django_db


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
