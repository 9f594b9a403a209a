"""A code page as it stood on a date of service (?date=YYYY-MM-DD), from dates and history.

The small fixture's second release takes effect 2026-04-01: E11.69 is deleted (valid
through 2026-03-31), S72.002A is added, S72.001A's descriptor is revised, and S72.001
stops being billable (it gains 7th-character codes).
"""

import re

import pytest

from accounts.models import Unlock


def banner(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(
        r'<section class="banner as-of".*?</section>', response.content.decode(), re.S
    )
    assert found, f"no date-of-service banner on {url}"
    return " ".join(re.sub(r"<[^>]+>", " ", found[0]).split())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/icd10cm/E11.69/?date=2026-03-31", "E11.69 was valid for services on 2026-03-31."),
        ("/icd10cm/E11.69/?date=2026-04-01", "E11.69 was deleted: valid through 2026-03-31."),
        (
            "/icd10cm/S72.002A/?date=2026-03-31",
            "S72.002A took effect on 2026-04-01, after 2026-03-31.",
        ),
        ("/icd10cm/S72.002A/?date=2026-04-01", "S72.002A was valid for services on 2026-04-01."),
        ("/icd10cm/E11.9/?date=2020-01-01", "E11.9 was valid for services on 2020-01-01."),
    ],
)
def test_validity_on_a_date_of_service(client, icd, settings, url, expected):
    settings.ALLOWANCE_ENABLED = False
    assert expected in banner(client, url)


def test_a_revised_descriptor_shows_as_it_was(client, icd, settings):
    settings.ALLOWANCE_ENABLED = False
    before = banner(client, "/icd10cm/S72.001A/?date=2026-03-31")
    assert (
        "Descriptor then: Fracture of unsp part of neck of right femur, init for clos fx" in before
    )
    assert "Descriptor then" not in banner(client, "/icd10cm/S72.001A/?date=2026-04-01")


def test_the_page_without_a_date_shows_no_banner_and_both_are_cached_apart(client, icd, settings):
    settings.ALLOWANCE_ENABLED = False
    banner(client, "/icd10cm/E11.69/?date=2026-03-31")
    assert "As it stood on" not in client.get("/icd10cm/E11.69/").content.decode()
    assert "2026-04-01" in banner(client, "/icd10cm/E11.69/?date=2026-04-01")


@pytest.mark.parametrize("typed", ["yesterday", "2026-13-01", "2026-02-30", "2026-1-1", "x" * 500])
def test_a_bad_date_is_a_clear_400(client, icd, typed):
    response = client.get("/icd10cm/E11.9/", {"date": typed})
    assert response.status_code == 400
    assert "Give it as YYYY-MM-DD" in response.content.decode()


def test_a_dated_page_spends_the_same_view_as_the_page(client, icd):
    client.get("/icd10cm/E11.9/")
    client.get("/icd10cm/E11.9/?date=2025-12-01")
    assert Unlock.objects.filter(subject__startswith="g:").count() == 1
