"""Staff data entry in /admin/: access, validation, and a full CPT entry viewed on site."""

import re

import pytest

from codes.models import Code

INLINE_PREFIXES = [
    "sections",
    "notes",
    "fee_schedule",
    "opps",
    "mues",
    "categories",
    "relations_out",
    "modifier_links",
    "history",
]


def code_form(**fields):
    """POST data for the Code add form with every inline empty unless given."""
    data = {
        "system": "cpt",
        "code": "",
        "kind": "code",
        "position": "0",
        "status": "active",
        **fields,
    }
    for prefix in INLINE_PREFIXES:
        data.setdefault(f"{prefix}-TOTAL_FORMS", "0")
        data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    return data


ADMIN_PAGES = [
    "/admin/",
    "/admin/codes/code/",
    "/admin/codes/code/add/",
    "/admin/codes/release/",
    "/admin/codes/code/?system__exact=hcpcs",
    "/admin/codes/code/?q=G00",
    "/admin/codes/code/?q=work+hardening",
]


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_pages_render_for_staff(staff_client, sample, url):
    assert staff_client.get(url).status_code == 200


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_admin_pages_redirect_anonymous_users_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_admin_change_page_renders_with_every_inline(staff_client, sample):
    code = Code.objects.get(system="cpt", code="97546")
    response = staff_client.get(f"/admin/codes/code/{code.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    for prefix in INLINE_PREFIXES:
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    # Code-to-code links are autocomplete widgets, never a select of every code.
    assert "admin-autocomplete" in html
    assert html.count("<option") < 500
    assert re.search(r'href="/admin/r/\d+/\d+/"[^>]*>View on site', html)


def test_admin_code_search_matches_code_prefix_without_dot(staff_client, sample):
    response = staff_client.get("/admin/codes/code/?q=9754")
    html = response.content.decode()
    assert "97545" in html and "97546" in html
    assert "G0008" not in html


@pytest.mark.parametrize("url", ["/admin/codes/code/", "/admin/codes/code/?system__exact=cpt"])
def test_admin_list_does_not_count_the_whole_table(
    staff_client, sample, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8) as captured:
        response = staff_client.get(url)
    assert response.status_code == 200
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert counts, "the list counts its rows once"
    for sql in counts:
        assert "LIMIT" in sql.upper(), sql  # at most CappedPaginator.CAP rows


@pytest.mark.parametrize(
    ("system", "kind", "bad", "rule"),
    [
        ("icd10cm", "code", "E1", "a letter, two characters, an optional dot and up to four more"),
        ("icd10cm", "code", "E11.99999", "up to four more"),
        ("cpt", "code", "9754", "four digits followed by"),
        ("hcpcs", "code", "97546", "a letter from A to V followed by four digits"),
        ("icd10pcs", "code", "0DTJ4ZI", "never I or O"),
        ("modifier", "modifier", "GPX", "two letters or digits"),
        ("icd10cm", "block", "E08", "range of categories"),
    ],
)
def test_invalid_code_format_is_a_form_error_naming_the_rule(
    staff_client, db, system, kind, bad, rule
):
    response = staff_client.post(
        "/admin/codes/code/add/", code_form(system=system, kind=kind, code=bad)
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert rule in " ".join(errors["code"])
    assert not Code.objects.exists()


def test_kind_must_belong_to_the_system(staff_client, db):
    response = staff_client.post(
        "/admin/codes/code/add/", code_form(system="cpt", kind="chapter", code="97546")
    )
    assert (
        "CPT entries can be: code range, code." in response.context["adminform"].form.errors["kind"]
    )


def test_admin_normalizes_the_code_typed(staff_client, db):
    response = staff_client.post(
        "/admin/codes/code/add/",
        code_form(system="icd10cm", code="e119", short_description="Type 2 diabetes"),
    )
    assert response.status_code == 302
    assert Code.objects.get().code == "E11.9"


def test_admin_rejects_a_duplicate_code(staff_client, db):
    Code.objects.create(system="icd10cm", code="E11.9")
    response = staff_client.post("/admin/codes/code/add/", code_form(system="icd10cm", code="E119"))
    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors)


def test_staff_enter_a_cpt_code_with_section_indicator_history_and_addon(staff_client, sample):
    primary = Code.objects.get(system="cpt", code="97545")
    data = code_form(
        code="97799",
        long_description="Unlisted physical medicine/rehabilitation service or procedure",
        plain_description="A rehabilitation service that no other code describes.",
        billable="on",
        **{
            "sections-TOTAL_FORMS": "1",
            "sections-0-position": "1",
            "sections-0-title": "Indications",
            "sections-0-body": "Used when no specific code fits the service.",
            "fee_schedule-TOTAL_FORMS": "1",
            "fee_schedule-0-year": "2025",
            "fee_schedule-0-modifier": "",
            "fee_schedule-0-status": "C",
            "fee_schedule-0-global_days": "XXX",
            "history-TOTAL_FORMS": "1",
            "history-0-date": "1990-01-01",
            "history-0-action": "added",
            "history-0-notes": "Entered by staff.",
            "relations_out-TOTAL_FORMS": "1",
            "relations_out-0-target": str(primary.pk),
            "relations_out-0-kind": "addon_of",
        },
    )
    response = staff_client.post("/admin/codes/code/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    code = Code.objects.get(system="cpt", code="97799")
    assert code.sections.get().title == "Indications"

    change = staff_client.get(f"/admin/codes/code/{code.pk}/change/").content.decode()
    view_on_site = re.search(r'href="(/admin/r/[^"]+)"', change)[1]
    page = staff_client.get(view_on_site, follow=True)
    assert page.redirect_chain[-1][0].endswith("/cpt/97799/")
    html = page.content.decode()
    assert "Unlisted physical medicine/rehabilitation service or procedure" in html
    assert "Indications" in html
    assert "C – Carrier priced" in html
    assert "XXX – Global period concept does not apply" in html
    assert "1990-01-01" in html and "Entered by staff." in html
    assert 'href="/cpt/97545/"' in html
