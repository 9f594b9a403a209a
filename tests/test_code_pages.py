"""Public code pages: facts shown, canonical URLs, 404s, browse, machine-readable extras."""

import re
from datetime import date

import pytest
from django.core.management import call_command
from django.test import Client

from tests.importing import FIXTURES

CM = FIXTURES / "icd10cm"


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text(client, url):
    """The page as a reader sees it: tags removed, white space folded."""
    return " ".join(re.sub(r"<[^>]+>", " ", html(client, url)).split())


# CPT / HCPCS


def test_97546_page_shows_every_fact(client, sample):
    page = text(client, "/cpt/97546/")
    for fact in [
        "Sample data.",
        "97546 WORK HARDENING ADD-ON",
        "Official description Work hardening/conditioning; each additional hour (List separately in addition to code for primary procedure)",
        "CPT® descriptor © American Medical Association",
        "Common language description Each extra hour of a work hardening",
        "1. Indications",
        "2. Procedure",
        "3. Post-Procedure",
        "Short WORK HARDENING ADD-ON",
        "Medium WORK HARDENING/CONDITIONING EACH HOUR",
        "Status R – Restricted coverage",
        "Global days ZZZ – Code related to another service",
        "PC/TC indicator 7 – Physical therapy service, payment may not be made",
        "Multiple procedure 0 – No payment adjustment for multiple procedures",
        "Bilateral surgery 0 – 150% bilateral adjustment does not apply",
        "Assistant surgeon 0 – Assistant at surgery paid only with documentation",
        "Co surgeons 0 – Co-surgeons not permitted",
        "Team surgery 0 – Team surgery not permitted",
        "Physician supervision 09 – Supervision concept does not apply",
        "Diagnostic imaging family 99 – Imaging family concept does not apply",
        "Conversion factor 32.3465",
        "OPPS status indicator A – Paid under a fee schedule or payment system other than OPPS",
        "Type of service 1 – Medical care",
        "BETOS Z2 – Undefined codes",
        "MUE (Practitioner services) 2",
        "CCS category 213 – Physical therapy exercises, manipulation, and other procedures",
        "This is an add-on code; report it with one of these primary codes: 97545",
        "GP Services delivered under an outpatient physical therapy plan of care",
        "1993-01-01 Added First appearance in code book in 1993.",
    ]:
        assert fact in page, fact
    assert 'href="/cpt/97545/"' in html(client, "/cpt/97546/")


def test_primary_code_lists_its_addon(client, sample):
    page = text(client, "/cpt/97545/")
    assert "Add-on codes for 97545 97546 WORK HARDENING ADD-ON" in page


def test_cpt_without_licensed_descriptor_says_so(client, sample):
    page = text(client, "/cpt/99213/")
    assert (
        "The AMA's CPT descriptor appears here when the site's CPT data files are loaded." in page
    )
    assert "Office or outpatient visit for an established patient" in page


def test_hcpcs_page(client, sample):
    page = text(client, "/hcpcs/G0008/")
    assert "Administration of influenza virus vaccine" in page
    assert "BETOS O1G – Immunizations/vaccinations" in page
    assert "Type of service V – Pneumococcal/flu vaccine" in page
    assert "1994-01-01 Added" in page


def test_modifier_page_and_index(client, sample):
    page = text(client, "/modifiers/GP/")
    assert "Services delivered under an outpatient physical therapy plan of care" in page
    assert "Codes it applies to 97110" in page
    assert 'href="/modifiers/GP/"' in html(client, "/modifiers/")


# ICD-10-CM


def test_icd10cm_code_page(client, icd):
    page = text(client, "/icd10cm/E11.9/")
    assert "E11.9 Type 2 diabetes mellitus without complications" in page
    assert "Billable" in page and "Source: ICD-10-CM April 1 2026" in page
    body = html(client, "/icd10cm/E11.9/")
    crumbs = re.search(r'<nav aria-label="Breadcrumb".*?</nav>', body, re.S)[0]
    assert re.findall(r">([^<]+)</a>", crumbs) == [
        "ICD-10-CM",
        "E00-E89",
        "E08-E13",
        "E11",
    ]
    # Notes of the levels above, each labelled with the level it comes from.
    assert "Excludes1 from E11 category" in page
    assert "Includes from E11 category diabetes (mellitus) due to insulin secretory defect" in page
    assert "Excludes1 from E00-E89 chapter transitory endocrine" in page


def test_codes_inside_notes_link_to_their_pages(client, icd):
    body = html(client, "/icd10cm/E11/")
    assert 'type 1 diabetes mellitus (<a href="/icd10cm/E10/">E10</a>.-)' in body
    # Codes not in the catalogue stay plain text.
    assert "gestational diabetes (O24.4-)" in body


def test_a_range_in_a_note_links_its_block(client, icd):
    from codes.models import Code, CodeNote

    e11 = Code.objects.get(system="icd10cm", code="E11")
    CodeNote.objects.create(
        code=e11, kind="note", position=9, text="see also (E08-E13) and (S70-S99)"
    )
    body = html(client, "/icd10cm/E11/")
    assert '(<a href="/icd10cm/E08-E13/">E08-E13</a>)' in body  # the block, hyphen and all
    # No block S70-S99: each end that exists is linked on its own, the hyphen kept.
    assert "(S70-S99)" in body


def test_seventh_character_table_and_inherited_notes(client, icd):
    page = text(client, "/icd10cm/S72.001A/")
    assert "7th characters from S72" in page
    assert "A initial encounter for closed fracture" in page
    assert "Excludes1 from S72 category traumatic amputation of hip and thigh (S78.-)" in page
    assert "MCC (major" not in page and "CC (complication or comorbidity)" in page
    page = html(client, "/icd10cm/S72.001A/")
    assert re.search(r'class="current">\s*<td data-label="7th character" class="code">A<', page)


def test_header_code_lists_what_to_use_instead(client, icd):
    page = text(client, "/icd10cm/S72.001/")
    assert "Not billable: use a more specific code (3)" in page
    assert "S72.001A" in page and "S72.001D" in page
    chapter = text(client, "/icd10cm/S00-T88/")
    assert "Contents" in chapter and "S70-S79" in chapter and "T07-T88" in chapter


def test_deleted_code_page(client, icd):
    page = text(client, "/icd10cm/E11.69/")
    assert "This code is deleted" in page
    assert "Deleted 2026-04-01 (ICD-10-CM April 1 2026)" in page
    assert "See the codes under E11.6" in page
    assert "valid through 2026-03-31" in page


def test_previous_and_next_code_links(client, icd):
    body = html(client, "/icd10cm/E11.621/")
    assert 'rel="prev" href="/icd10cm/E11.62/"' in body
    assert 'rel="next" href="/icd10cm/E11.9/"' in body


# ICD-10-PCS


def test_pcs_code_shows_seven_labelled_characters(client, pcs):
    page = text(client, "/icd10pcs/0DTJ4ZZ/")
    assert "0DTJ4ZZ Resection of Appendix, Percutaneous Endoscopic Approach" in page
    for row in [
        "1 Section 0 Medical and Surgical",
        "2 Body System D Gastrointestinal System",
        "3 Root Operation T Resection",
        "4 Body Part J Appendix",
        "5 Approach 4 Percutaneous Endoscopic",
        "6 Device Z No Device",
        "7 Qualifier Z No Qualifier",
    ]:
        assert row in page, row
    assert "Root operation: Resection Definition Cutting out or off, without replacement" in page


def test_pcs_table_page_lists_its_codes(client, pcs):
    page = text(client, "/icd10pcs/0DT/")
    assert "Codes in table 0DT (3)" in page
    assert "0DTJ0ZZ" in page and "0DTJ8ZZ" in page


# URLs, 404s, browse


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("/icd10cm/e119", "/icd10cm/E11.9/"),
        ("/icd10cm/e11.9/", "/icd10cm/E11.9/"),
        ("/icd10pcs/0dtj4zz/", "/icd10pcs/0DTJ4ZZ/"),
        ("/hcpcs/g0008", "/hcpcs/G0008/"),
        ("/modifiers/gp/", "/modifiers/GP/"),
    ],
)
def test_any_case_and_dot_redirects_permanently(client, db, typed, canonical):
    response = client.get(typed)
    assert (response.status_code, response["Location"]) == (301, canonical)


def test_unknown_code_is_a_404_that_offers_a_search(client, icd):
    response = client.get("/icd10cm/E11.99/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "No ICD-10-CM code E11.99" in body
    assert 'href="/search/?q=E11.99"' in body
    assert 'href="/icd10cm/E11.9/"' in body  # codes that start alike


def test_browse_from_index_to_code(client, icd, sample):
    assert 'href="/icd10cm/E00-E89/"' in html(client, "/icd10cm/")
    assert 'href="/cpt/group/medicine/"' in html(client, "/cpt/")
    assert 'href="/cpt/97546/"' in html(client, "/cpt/group/medicine/")
    assert 'href="/cpt/99213/"' in html(client, "/cpt/group/evaluation-management/")
    assert 'href="/cpt/99213/"' not in html(client, "/cpt/group/medicine/")
    assert 'href="/hcpcs/G0008/"' in html(client, "/hcpcs/group/G/")
    assert client.get("/hcpcs/group/W/").status_code == 404


# For machines


def test_title_description_canonical_and_structured_data(client, icd):
    body = html(client, "/icd10cm/E11.9/")
    assert (
        "<title>E11.9: Type 2 diabetes mellitus without complications · ICD-10-CM · CodeAhead</title>"
        in body
    )
    assert '<meta name="description" content="ICD-10-CM E11.9 (billable): Type 2 diabetes' in body
    assert '<link rel="canonical" href="http://testserver/icd10cm/E11.9/">' in body
    assert '"@type": "MedicalCode", "codeValue": "E11.9", "codingSystem": "ICD-10-CM"' in body


def test_structured_data_names_the_canonical_address_whatever_the_first_visitor_sent(client, icd):
    html(client, "/icd10cm/E11/?utm_source=mail&x=<b>")
    body = html(client, "/icd10cm/E11/")
    assert '"url": "http://testserver/icd10cm/E11/"' in body
    assert "utm_source" not in body
    assert '"@type": "DefinedTermSet"' in body  # a category is a set of codes, not a code


# Cost


# Queries load_page() runs for each kind of page: assert exactly, so growth is noticed.
# CPT/HCPCS: code with ancestors and neighbours, history, relations, sections, fee schedule,
# OPPS, MUE, categories, modifiers. Modifier: code, history, the codes it applies to (+1
# spare for children). ICD-10-CM: code, history, notes of every level, the codes notes
# name, CC/MCC with its Table 6K rule, the rule's ranges, Table 6K Part 3; a heading also
# reads its children, a deleted code what replaces it. PCS: code, history, character
# labels, GEM sources, guidelines, index terms.
PAGE_QUERIES = [
    ("/cpt/97546/", 9),
    ("/cpt/70450/", 9),
    ("/hcpcs/G0008/", 9),
    ("/modifiers/TC/", 4),
    # ICD-10-CM: + Table 6K's PDX collection ranges and Part 3 DRGs (the rule rides on
    # the CC/MCC query), on every ICD-10-CM page alike.
    ("/icd10cm/E11.9/", 7),
    ("/icd10cm/S72.001A/", 7),
    ("/icd10cm/E11/", 8),
    ("/icd10cm/S00-T88/", 7),
    ("/icd10cm/E11.69/", 8),  # deleted: it also reads the codes to use instead
    # PCS: + GEM sources, root-operation guidelines, index terms of the body part/device.
    ("/icd10pcs/0DTJ4ZZ/", 6),
    ("/icd10pcs/0DT/", 7),
]
# What a cold page adds for a member: session, user, their plan (staff: none).
REQUEST_QUERIES = 2


@pytest.mark.parametrize(("url", "queries"), PAGE_QUERIES)
def test_code_page_runs_a_fixed_number_of_queries(
    staff_client, sample, icd, pcs, url, queries, django_assert_num_queries
):
    """A cold page (nothing cached), for a visitor with no allowance to check."""
    staff_client.get("/")  # session and catalogue version read once
    with django_assert_num_queries(queries + REQUEST_QUERIES):
        response = staff_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/cpt/97546/", "/icd10cm/E11.9/", "/icd10pcs/0DTJ4ZZ/"])
def test_the_allowance_adds_a_fixed_number_of_queries(
    client,
    transactional_db,
    sample,
    icd,
    pcs,
    url,
    django_assert_num_queries,
):
    """On a cached page, a guest's first view costs a read, then one transaction of a read
    and an insert, with BEGIN and COMMIT logged (5); re-reading costs one read.
    transactional_db: no test-wide transaction, so no savepoints, as in production."""
    Client(REMOTE_ADDR="192.0.2.7").get(url)  # a visitor elsewhere warms the page cache
    with django_assert_num_queries(5):
        first = client.get(url)
    assert "0 code page views remaining" in first.content.decode()
    with django_assert_num_queries(1):  # the guest's unlocks, one indexed read
        again = client.get(url)
    assert "0 code page views remaining" in again.content.decode()


def test_home_page(client, sample):
    body = html(client, "/")
    assert "CodeAhead" in body and 'action="/search/"' in body


# The page cache


def test_an_admin_edit_shows_at_once_on_a_cached_page(staff_client, client, sample):
    assert "Each extra hour of a work hardening" in html(client, "/cpt/97546/")  # now cached
    from codes.models import Code

    code = Code.objects.get(system="cpt", code="97546")
    code.plain_description = "Edited by staff."
    code.save()
    assert "Edited by staff." in html(client, "/cpt/97546/")


def test_a_cached_page_shows_each_visitor_their_own_navigation(staff_client, sample):
    anonymous = Client()
    assert 'href="/admin/"' in html(staff_client, "/cpt/97546/")
    assert 'href="/admin/"' not in html(anonymous, "/cpt/97546/")
    assert "<!--visitor:" not in html(anonymous, "/cpt/97546/")


def test_a_new_import_refreshes_cached_pages(client, icd, tmp_path):
    assert "Type 2 diabetes mellitus without complications" in html(client, "/icd10cm/E11.9/")
    xml = (
        (CM / "tabular.xml")
        .read_text()
        .replace(
            "<desc>Type 2 diabetes mellitus without complications</desc>",
            "<desc>Type 2 diabetes mellitus without any complications</desc>",
        )
    )
    (tmp_path / "next.xml").write_text(xml)
    call_command(
        "load_codes",
        verbosity=0,
        icd10cm_tabular=str(tmp_path / "next.xml"),
        icd10cm_code_list=str(CM / "code-list.txt"),
        effective=date(2026, 10, 1),
    )
    assert "Type 2 diabetes mellitus without any complications" in html(client, "/icd10cm/E11.9/")
