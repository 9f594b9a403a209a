"""The search index after imports: the same files give the same documents, whatever ran last."""

from datetime import date

import pytest
from django.core.management import call_command

from codes.models import Code
from tests.cmsfiles import PFS_ROWS, SHARED, jan_codes, real_files, write_hcpcs, write_pprrvu
from tests.importing import snapshot
from tests.test_admin import code_form

pytestmark = pytest.mark.django_db
NO_WRITES = "search documents created: 0, search documents updated: 0, search documents removed: 0"


def test_hcpcs_fee_schedule_then_hcpcs_again_writes_nothing(tmp_path, capsys):
    hcpcs = write_hcpcs(tmp_path / "HCPC2026_JAN_ANWEB.txt", jan_codes())
    call_command("import_hcpcs", str(hcpcs), verbosity=0)
    # The fee schedule lists G0008, which this HCPCS file does not: a bare entry.
    pfs = write_pprrvu(tmp_path / "PPRRVU2026_Jan.csv", PFS_ROWS)
    call_command("import_pfs", str(pfs), verbosity=0)
    before = snapshot()
    capsys.readouterr()
    call_command("import_hcpcs", str(hcpcs), verbosity=0)
    assert NO_WRITES in capsys.readouterr().out
    assert snapshot() == before
    assert Code.objects.get(code="G0008").status == Code.Status.ACTIVE


@real_files
def test_real_hcpcs_fee_schedule_then_hcpcs_again_writes_nothing(capsys):
    hcpcs = SHARED / "hcpcs-2019" / "HCPC2019_CONTR_ANWEB.txt"
    call_command("import_hcpcs", str(hcpcs), release=date(2019, 1, 1), verbosity=0)
    pfs = SHARED / "pfs-2025" / "PPRRVU2025_Oct.csv"
    call_command("import_pfs", str(pfs), release=date(2025, 10, 1), verbosity=0)
    capsys.readouterr()
    call_command("rebuild_search")
    assert "search documents updated: 0" in capsys.readouterr().out
    call_command("import_hcpcs", str(hcpcs), release=date(2019, 1, 1), verbosity=0)
    assert NO_WRITES in capsys.readouterr().out


def test_an_admin_edit_indexes_as_the_full_sync_would(staff_client, capsys):
    call_command("load_sample", verbosity=0)
    form = code_form(code="97799", plain_description="Zebrafish conditioning, each hour.")
    assert staff_client.post("/admin/codes/code/add/", form).status_code == 302
    code = Code.objects.get(system="cpt", code="97799")
    form["plain_description"] = "Work hardening for zebrafish keepers."  # words come and go
    assert staff_client.post(f"/admin/codes/code/{code.pk}/change/", form).status_code == 302
    capsys.readouterr()
    call_command("rebuild_search", verbosity=0)
    out = capsys.readouterr().out
    for line in ["documents created: 0", "documents updated: 0", "words created: 0"]:
        assert f"search {line}" in out
    assert "search words updated: 0" in out  # new words came with their frequency
