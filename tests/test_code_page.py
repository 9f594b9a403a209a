"""The plain code page: canonical URLs, 404s and a fixed query count."""

import pytest


def test_lowercase_undotted_input_redirects_to_canonical_url(client, db):
    response = client.get("/icd10cm/e119")
    assert response.status_code == 301
    assert response["Location"] == "/icd10cm/E11.9/"


def test_modifier_input_redirects_to_upper_case(client, sample):
    response = client.get("/modifiers/gp/", follow=True)
    assert response.redirect_chain == [("/modifiers/GP/", 301)]
    assert response.status_code == 200


def test_unknown_code_is_404(client, db):
    response = client.get("/cpt/00000/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()


@pytest.mark.parametrize("url", ["/cpt/97546/", "/cpt/70450/", "/hcpcs/G0008/", "/modifiers/TC/"])
def test_code_page_runs_a_fixed_number_of_queries(
    client, sample, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200


def test_home_page(client, db):
    assert "CodeAhead" in client.get("/").content.decode()
