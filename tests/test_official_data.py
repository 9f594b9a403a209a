"""The bundled official files, loaded in full (slow: deselect with -m 'not slow')."""

from datetime import date

import pytest
from django.core.management import call_command

from codes.models import Code, CodeHistory, ComorbidityLevel, MsDrg, PcsAxisLabel

# The April 1 2026 tabular carries the FY2026 changes against the bundled FY2025 list;
# they took effect on October 1 2025 (see codes/importers/bundled.py).
FY2026 = date(2025, 10, 1)

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def history(code):
    return list(
        CodeHistory.objects.filter(code__system="icd10cm", code__code=code).values_list(
            "date", "action"
        )
    )


def test_full_official_load(capsys):
    call_command("load_codes", verbosity=0)
    cm = Code.objects.filter(system="icd10cm")

    # Every line of the April 2026 code list is an active entry (the 39 blocks named
    # like their only category, e.g. B10, are stored as B10-B10 beside category B10).
    assert cm.active().count() == 98_505
    # Billable = leaves after 7th-character expansion. (Counting the code list's
    # duplicate B20/F99/P84/R99/Z66 lines and its 12 empty super-blocks as leaves
    # would give 74,736.)
    assert cm.billable().count() == 74_719
    assert cm.filter(kind="chapter").count() == 22
    e119 = cm.get(code="E11.9")
    assert e119.long_description == "Type 2 diabetes mellitus without complications"
    assert e119.billable and e119.parent.code == "E11"
    assert cm.get(code="S72.001A").billable
    e11 = cm.get(code="E11")
    assert e11.children.count() == 10  # E11.0 … E11.9, E11.A
    assert e11.notes.filter(kind="excludes1", text="gestational diabetes (O24.4-)").exists()

    # FY2025 codes dropped in FY2026: 12 deleted; 16 became headings.
    deleted = cm.filter(status="deleted")
    assert deleted.count() == 12
    assert history("S30.1XXA") == [(FY2026, "deleted")]
    assert deleted.get(code="S30.1XXA").termination_date == date(2025, 9, 30)
    assert (
        CodeHistory.objects.filter(
            notes__startswith="No longer billable", code__system="icd10cm"
        ).count()
        == 16
    )
    for heading in ("R10.2", "G35"):
        assert not cm.get(code=heading).billable
        assert history(heading) == [(FY2026, "expanded")]
    assert history("R10.A2") == [(FY2026, "added")]
    assert CodeHistory.objects.filter(action="added", date=FY2026).count() == 487

    assert ComorbidityLevel.objects.filter(fiscal_year=2026, level="mcc").count() > 3000
    assert ComorbidityLevel.objects.filter(fiscal_year=2026, level="cc").count() > 15000
    assert MsDrg.objects.get(fiscal_year=2026, drg="001").title.startswith("HEART TRANSPLANT")

    pcs = Code.objects.filter(system="icd10pcs")
    assert pcs.billable().count() == 78_638
    assert pcs.filter(kind="section").count() == 17
    appendix = pcs.get(code="0DTJ4ZZ")
    assert appendix.long_description == "Resection of Appendix, Percutaneous Endoscopic Approach"
    labels = [
        PcsAxisLabel.objects.get(prefix=prefix, position=position, value=char).label
        for position, (prefix, char) in enumerate(
            zip(["", "0", "0D", "0DT", "0DT", "0DT", "0DT"], "0DTJ4ZZ", strict=True), start=1
        )
    ]
    assert labels == [
        "Medical and Surgical",
        "Gastrointestinal System",
        "Resection",
        "Appendix",
        "Percutaneous Endoscopic",
        "No Device",
        "No Qualifier",
    ]

    # E11's excludes notes link the codes they name (O24.4 from "(O24.4-)").
    from django.test import Client

    page = Client().get("/icd10cm/E11/").content.decode()  # a heading: not metered
    assert 'gestational diabetes (<a href="/icd10cm/O24.4/">O24.4</a>-)' in page

    # Search over the full data.
    from codes.search import search

    top = [hit.code for hit in search("type 2 diabetes", limit=5)]
    assert "E11.9" in top, top
    assert "0DTJ4ZZ" in [hit.code for hit in search("appendectomy laparoscopic", limit=10)]
    assert "J18.9" in [hit.code for hit in search("pnuemonia", limit=10)]
    assert [hit.code for hit in search("e119", limit=1)] == ["E11.9"]

    capsys.readouterr()
    call_command("load_codes", verbosity=0)
    out = capsys.readouterr().out
    assert "icd10cm-billable: skipped" in out
    assert "codes created: 0" in out and "codes updated: 0" in out and "codes deleted: 0" in out
    assert "code notes written: 0" in out and "code history created: 0" in out
    assert "search documents created: 0, search documents updated: 0" in out
