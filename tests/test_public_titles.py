"""One function decides a code's public title: official text only, wherever a page's gated
content may not appear (lists, search, suggestions, the gate, the 404 page)."""

import pytest

from codes.models import Code

# 97110's plain-language text is ours and gated: it belongs to its full page only.
PLAIN_97110 = "Therapeutic exercise to build strength"
PLAIN_36415 = "Drawing blood from a vein"


@pytest.mark.parametrize(
    ("system", "fields", "expected"),
    [
        ("cpt", {"plain_description": "Our words"}, "CPT code 99999"),
        ("cpt", {"short_description": "SHORT", "long_description": "Long"}, "SHORT"),
        ("cpt", {"medium_description": "MEDIUM", "plain_description": "x"}, "MEDIUM"),
        ("hcpcs", {"short_description": "Bls", "long_description": "Ambulance"}, "Ambulance"),
        ("hcpcs", {"plain_description": "Our words"}, "HCPCS Level II code 99999"),
        ("icd10cm", {"long_description": "Essential hypertension"}, "Essential hypertension"),
        ("icd10pcs", {"long_description": "Resection of Appendix"}, "Resection of Appendix"),
        ("modifier", {"long_description": "Services under PT plan"}, "Services under PT plan"),
        ("modifier", {"plain_description": "Distinct service"}, "Distinct service"),
    ],
)
def test_public_title_of_every_code_set(system, fields, expected):
    code = Code(system=system, code="99999", **fields)
    assert code.title == expected


def test_no_list_search_or_gate_shows_gated_text(client, sample):
    client.get("/cpt/97546/")  # the guest's one view: what follows would be gated
    pages = {
        "gate": client.get("/cpt/97110/"),
        "search": client.get("/search/?q=97110"),
        "search words": client.get("/search/?q=therapeutic+exercise"),
        "suggest": client.get("/api/suggest?q=97110"),
        "browse": client.get("/cpt/group/medicine/"),
        "404 list": client.get("/cpt/97119/"),
        "modifier page": client.get("/modifiers/GP/"),
        "36415 gate": client.get("/cpt/36415/"),
        "lab browse": client.get("/cpt/group/pathology-laboratory/"),
    }
    for place, response in pages.items():
        body = response.content.decode()
        assert response.status_code in (200, 404), place
        assert PLAIN_97110 not in body and PLAIN_36415 not in body, place
    assert "CPT code 97110" in pages["gate"].content.decode()
    assert "CPT code 97110" in pages["modifier page"].content.decode()
    assert '"title": "CPT code 97110"' in pages["suggest"].content.decode()


def test_the_full_page_shows_our_text(client, sample):
    page = client.get("/cpt/97110/").content.decode()
    assert PLAIN_97110 in page


def test_headings_list_their_codes_by_official_title(client, icd):
    page = client.get("/icd10cm/E11/").content.decode()
    assert "Type 2 diabetes mellitus without complications" in page
