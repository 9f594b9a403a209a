"""The sources the packages ship beside the code sets, loaded in full by load_codes:
Table 6K CC exclusions, MDC names and the MS-DRG list, PCS guidelines and index, the
ICD-9-CM procedure GEMs. Named values pinned from the files; pages through HTTP.
(Slow: runs last, with the full catalogue.)"""

import json
import subprocess
from datetime import date
from decimal import Decimal

import pytest

from codes import crosswalks, drg
from codes.models import Code, Icd9Procedure, PcsIndexEntry, Release
from tests.test_html import vnu

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def text(response):
    """The page with its whitespace collapsed (templates wrap long lines)."""
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_cc_exclusions_from_table_6k(full_catalogue):
    # Part 1: A02.1 Salmonella sepsis is an MCC; PDX collection 0005 (60 codes) holds
    # A41.9 Sepsis, unspecified organism, so with A41.9 as principal it is no MCC.
    status = drg.cc_status("A02.1", principal="A41.9")
    assert (status.level, status.collection, status.fiscal_year) == ("mcc", 5, 2026)
    assert status.excluded_by_principal and not status.counts
    assert drg.cc_status("a021", principal="E11.9").counts
    assert len(drg.cc_exclusions("A02.1")) == 60
    assert drg.cc_exclusions("A00.0") == ["A00.0", "A00.1", "A00.9"]
    # Part 2: cardiac arrest is an MCC only if the patient is discharged alive.
    assert drg.cc_status("I46.9").alive_only
    assert not drg.cc_status("A02.1").alive_only
    # Part 3: S06.1X3A does not count in MS-DRGs 082-084.
    groups = [(g.first_drg, g.last_drg) for g in drg.cc_status("S06.1X3A").drg_exclusions]
    assert ("082", "084") in groups
    # "No Excl": D89.833 is a CC no principal diagnosis cancels.
    assert drg.cc_status("D89.833").collection == 0
    # Not a CC, and not a code: an honest answer, not a guess.
    assert drg.cc_status("E11.9").level is None
    assert drg.cc_status("E11.9").source == ""
    assert drg.cc_status("ZZZ.99") is None


def test_ms_drg_and_mdc_names(full_catalogue):
    found = drg.ms_drg("470")
    assert found.title.startswith("MAJOR HIP AND KNEE JOINT REPLACEMENT")
    assert (found.weight, found.mdc, found.type) == (Decimal("1.9289"), "08", "Surgical")
    assert (
        found.mdc_title
        == "Diseases and Disorders of the Musculoskeletal System And Connective Tissue"
    )
    assert drg.ms_drg("999").type == "**"  # stored as Table 5 prints it
    retired = drg.ms_drg("9")
    assert (retired.fiscal_year, retired.retired_on) == (None, date(2010, 10, 1))
    assert drg.ms_drg("000") is None
    title, drgs = drg.mdc("8")
    assert title.startswith("Diseases and Disorders of the Musculoskeletal")
    assert "470" in [d.drg for d in drgs]


def test_gems_and_icd9_descriptions(full_catalogue):
    walk = crosswalks.icd9_to_pcs("47.01")
    assert walk.description == "Laparoscopic appendectomy"  # "aparoscopic" in the file
    assert [(t.pcs_code, t.approximate, t.no_map) for t in walk.targets] == [
        ("0DTJ4ZZ", True, False)
    ]
    assert ("47.01", "Laparoscopic appendectomy") in [
        (code, description) for code, description, _row in crosswalks.pcs_from_icd9("0DTJ4ZZ")
    ]
    assert crosswalks.icd9_to_pcs("4701").code == "47.01"
    no_map = crosswalks.icd9_to_pcs("00.16").targets
    assert [(t.pcs_code, t.no_map) for t in no_map] == [("NoPCS", True)]
    # "ther" has one letter that makes a word of our vocabulary: "other".
    assert crosswalks.icd9_to_pcs("99.99").description == "Other miscellaneous procedures"
    # "ocal" could be local, focal or vocal: left empty, never shown truncated.
    blank = Icd9Procedure.objects.filter(description="")
    assert blank.filter(source_text__startswith="ocal ").exists()
    assert Icd9Procedure.objects.count() == 3_882
    assert Icd9Procedure.objects.exclude(description="").count() == 3_598
    assert crosswalks.icd9_to_pcs("12.345") is None


def test_pcs_guidelines_and_index(full_catalogue):
    b31a = crosswalks.pcs_guideline("b3.1a")
    assert b31a.key == "B3.1a" and b31a.section == "Root Operation"
    assert b31a.text.startswith("In order to determine the appropriate root operation")
    assert crosswalks.pcs_guideline("Z9") is None
    # 3,739 rows, 496 of them "(continued)" parts of the entry before them.
    assert PcsIndexEntry.objects.count() == 3_243
    appendectomy = crosswalks.pcs_index("Appendectomy")[0]
    assert "**0DTJ**" in appendectomy.text and "**0DBJ**" in appendectomy.text


def test_pcs_code_set_is_labelled_fy2024(full_catalogue):
    # No New Technology group A (FY2025) code, 0SG6 coccygeal fusion still present.
    pcs = Code.objects.in_system("icd10pcs")
    assert not pcs.filter(kind="code", code__startswith="X", code__endswith="A").exists()
    assert pcs.filter(kind="code", code__startswith="X", code__endswith="9").exists()
    assert pcs.filter(code="0SG604Z").exists()
    release = Release.objects.get(source="icd10pcs")
    assert (release.name, release.effective_date) == (
        "ICD-10-PCS FY2024 (October 1 2023)",
        date(2023, 10, 1),
    )


def test_cc_page_lists_its_exclusions(staff_client, full_catalogue):
    client = staff_client  # two code pages: more than a guest's allowance
    page = text(client.get("/icd10cm/A02.1/"))
    assert "When it does not count as a CC/MCC" in page
    assert "one of these 60 codes" in page and 'href="/icd10cm/A40.8/"' in page
    assert 'href="/ms-drg/pdx-collection/2026/5/"' in page
    assert 'href="/ms-drg/974/"' in page  # Part 3: MS-DRGs 974-976
    assert "MS-DRG v43 CC exclusions FY2026 (Table 6K)" in page
    alive = text(client.get("/icd10cm/I46.9/"))
    assert "counts as an MCC only if the patient is discharged alive" in alive
    collection = text(client.get("/ms-drg/pdx-collection/2026/5/"))
    assert 'href="/icd10cm/A41.9/"' in collection and 'href="/icd10cm/A02.1/"' in collection


def test_pcs_page_shows_gems_guidelines_and_index_terms(client, full_catalogue):
    page = text(client.get("/icd10pcs/0DTJ4ZZ/"))
    assert "ICD-9-CM procedure codes that map here" in page
    assert 'href="/icd9-procedures/47.01/"' in page and "Laparoscopic appendectomy" in page
    assert 'href="/icd10pcs/guidelines/B3.8/"' in page  # Excision vs Resection
    assert "Vermiform appendix" in page  # index: "use Appendix"
    assert "Source: ICD-10-PCS FY2024 (October 1 2023)" in page
    guideline = text(client.get("/icd10pcs/guidelines/B3.1a/"))
    assert "In order to determine the appropriate root operation" in guideline
    icd9 = text(client.get("/icd9-procedures/47.01/"))
    assert 'href="/icd10pcs/0DTJ4ZZ/"' in icd9 and "Approximate" in icd9
    index = text(client.get("/icd10pcs/index/A/"))
    assert "Appendectomy" in index and 'href="/icd10pcs/0DT/"' in index


def test_ms_drg_pages(client, full_catalogue):
    page = text(client.get("/ms-drg/470/"))
    assert "1.9289" in page and "MDC 08" in page and "MS-DRG v43 weights FY2026" in page
    assert 'href="/ms-drg/470/"' in text(client.get("/ms-drg/mdc/08/"))
    assert "Diseases and Disorders of the Eye" in text(client.get("/ms-drg/"))
    assert "** (as Table 5 prints it)" in text(client.get("/ms-drg/999/"))
    assert "retired on 2010-10-01" in text(client.get("/ms-drg/009/"))
    assert client.get("/ms-drg/70/").headers["Location"] == "/ms-drg/070/"


@pytest.mark.parametrize(
    "url",
    [
        "/ms-drg/000/",
        "/ms-drg/mdc/99/",
        "/ms-drg/mdc/<script>/",
        "/ms-drg/pdx-collection/2026/9999/",
        "/ms-drg/pdx-collection/1999/5/",
        "/icd10pcs/guidelines/Z9/",
        "/icd9-procedures/00.00/",
        "/icd10pcs/index/1/",
    ],
)
def test_unknown_reference_pages_are_404(client, full_catalogue, url):
    assert client.get(url).status_code == 404


def test_tabular_notes_as_the_source_has_them(staff_client, full_catalogue):
    # E11.A: the double space of the source is kept.
    e11a = Code.objects.get(system="icd10cm", code="E11.A")
    assert e11a.notes.filter(
        kind="excludes1", text="type 2 diabetes mellitus, with complications  (E11.0-E11.8)"
    ).exists()
    # S72: B means what the source says; the note among the definitions is a note of
    # the 7th-character table, not part of B.
    s72 = Code.objects.get(system="icd10cm", code="S72")
    b = s72.notes.get(kind="seventh_character", character="B")
    assert b.text == "initial encounter for open fracture type I or II"
    assert s72.notes.filter(
        kind="seventh_character_note", text="initial encounter for open fracture NOS"
    ).exists()
    page = text(staff_client.get("/icd10cm/S72.001B/"))
    assert "initial encounter for open fracture NOS" in page
    # H54.8: the visual impairment table of the XML, rendered.
    h548 = text(staff_client.get("/icd10cm/H54.8/"))
    assert "<caption>Visual acuity with best possible correction</caption>" in h548
    assert '<th scope="col">Category of visual impairment</th>' in h548
    assert "<td" in h548 and "1/60(finger counting at one meter)" in h548


def test_pcs_labels_say_where_they_come_from(staff_client, full_catalogue):
    # 0SG6… (coccygeal joint) is not in the FY2025 tables: its body part is unlabelled,
    # and the page says so instead of claiming the tables for every position.
    page = text(staff_client.get("/icd10pcs/0SG604Z/"))
    assert "Labels: ICD-10-PCS FY2025 tables (axis labels)" in page
    assert "Not in these tables: position 4" in page
    assert "Not in these tables" not in text(staff_client.get("/icd10pcs/0DTJ4ZZ/"))
    # A section 2-X table the tables do not name is called what it is.
    assert "ICD-10-PCS table 2W0" in text(staff_client.get("/icd10pcs/2W0/"))


def test_reference_pages_are_valid_html(staff_client, full_catalogue, tmp_path):
    """One page of each new template, with the real data in it, through the Nu checker."""
    pages = [
        "/ms-drg/",
        "/ms-drg/mdc/08/",
        "/ms-drg/470/",
        "/ms-drg/009/",
        "/ms-drg/082/",
        "/ms-drg/pdx-collection/2026/5/",
        "/icd10pcs/guidelines/",
        "/icd10pcs/guidelines/B3.1a/",
        "/icd10pcs/index/E/",
        "/icd9-procedures/",
        "/icd9-procedures/47.01/",
        "/icd9-procedures/gem-flags/",
        "/icd10cm/A02.1/",
        "/icd10cm/H54.8/",
        "/icd10pcs/0DTJ4ZZ/",
    ]
    for number, url in enumerate(pages):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        (tmp_path / f"page{number}.html").write_bytes(response.content)
    command = [*vnu(), "--errors-only", "--format", "json", "--stdout"]
    result = subprocess.run(
        [*command, *map(str, sorted(tmp_path.glob("*.html")))],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stdout or "{}").get("messages", [])
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}: line {m.get('lastLine')}: {m.get('message')}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors)
