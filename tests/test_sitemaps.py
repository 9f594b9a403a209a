"""sitemap.xml, robots.txt and the favicon: what crawlers and browsers ask the root for."""

from django.test import Client

from codes.models import Code


def body(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_sitemap_index_and_sections(client, icd, sample):
    index = body(client, "/sitemap.xml")
    assert "http://testserver/sitemap-icd10cm.xml" in index and "sitemap-cpt.xml" in index
    assert "<lastmod>" in index
    section = body(client, "/sitemap-icd10cm.xml")
    assert "<loc>http://testserver/icd10cm/E11.9/</loc>" in section
    assert "<loc>http://testserver/icd10cm/E00-E89/</loc>" in section


def test_sitemaps_cost_a_few_queries_cold_and_none_warm(
    client, icd, sample, django_assert_max_num_queries, django_assert_num_queries
):
    # The index reads one aggregate per code set, not every code (that took 5-8 s).
    with django_assert_max_num_queries(12):
        client.get("/sitemap.xml")
    with django_assert_max_num_queries(3):
        client.get("/sitemap-icd10cm.xml")
    with django_assert_num_queries(0):
        client.get("/sitemap.xml")
        client.get("/sitemap-icd10cm.xml")


def test_a_catalogue_edit_starts_the_sitemap_over(client, sample):
    assert "/cpt/97750/" not in body(client, "/sitemap-cpt.xml")
    Code.objects.create(system="cpt", code="97750", kind="code", billable=True)
    assert "/cpt/97750/" in body(client, "/sitemap-cpt.xml")


def test_unknown_sitemap_pages_are_not_found(client, db):
    for url in ["/sitemap-nothing.xml", "/sitemap.xml?p=x", "/sitemap-cpt.xml?p=99"]:
        assert client.get(url).status_code == 404, url


def test_robots_txt(client, db):
    text = body(client, "/robots.txt")
    assert "Disallow: /admin/" in text and "Sitemap: http://testserver/sitemap.xml" in text


def test_favicon(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("img/favicon.svg")
