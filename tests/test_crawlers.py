"""Search-engine crawlers proven by DNS read metered pages in full; a user agent alone
gets nothing; pages and gates say what is metered in schema.org paywall markup."""

import json
import re

import pytest
from django.test import Client

from accounts import crawlers
from accounts.models import Unlock

from . import fakedns

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
BINGBOT = "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"
CODES = ["97546", "97545", "99213", "99214", "10060"]


@pytest.fixture(autouse=True)
def _fake_dns(settings):
    settings.CRAWLER_RESOLVER = "tests.fakedns.Resolver"
    crawlers.resolver.cache_clear()
    fakedns.LOOKUPS.clear()
    yield
    crawlers.resolver.cache_clear()


def read(client: Client, code: str) -> str:
    response = client.get(f"/cpt/{code}/")
    assert response.status_code == 200
    return response.content.decode()


def json_ld(page: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert found, "no JSON-LD"
    return json.loads(found[1])


@pytest.mark.parametrize(
    ("address", "agent"), [("66.249.66.1", GOOGLEBOT), ("157.55.39.1", BINGBOT)]
)
def test_a_verified_crawler_reads_every_page_in_full(sample, address, agent):
    crawler = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=agent)  # cookieless, like a crawler
    for code in CODES:
        page = read(crawler, code)
        assert 'class="metered"' in page and 'class="gate"' not in page, code
    assert not Unlock.objects.exists()  # nothing counted against anyone
    assert [address] == fakedns.LOOKUPS  # verified once, then the verdict is remembered


@pytest.mark.parametrize(
    "address",
    [
        "198.51.100.20",  # no reverse name at all
        "203.0.113.66",  # googlebot.com.evil.example is not googlebot.com
        "203.0.113.67",  # reverse name does not resolve back to this address
    ],
)
def test_a_user_agent_alone_gets_the_guest_allowance(sample, address):
    spoofer = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=GOOGLEBOT)
    pages = [read(spoofer, code) for code in CODES[:2]]
    assert 'class="metered"' in pages[0]
    assert 'class="gate"' in pages[1]


def test_ordinary_visitors_cost_no_dns_lookup(client, sample):
    read(client, "97546")
    assert fakedns.LOOKUPS == []


def test_full_page_and_gate_carry_paywall_markup_and_the_gate_is_indexable(client, sample):
    full = read(client, "97546")
    gate = read(client, "97545")
    for page in (full, gate):
        data = json_ld(page)
        assert data["isAccessibleForFree"] is False
        assert data["hasPart"] == {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": ".metered",
        }
    assert json_ld(gate)["about"]["codeValue"] == "97545"
    assert 'name="robots"' not in gate  # indexable: the code and its official title
    assert '<link rel="canonical" href="http://testserver/cpt/97545/">' in gate
    assert 'class="metered"' not in gate


def test_free_pages_carry_no_paywall_markup(client, sample):
    data = json_ld(client.get("/modifiers/GP/").content.decode())
    assert "isAccessibleForFree" not in data
    assert data["about"]["codingSystem"] == "CPT/HCPCS modifier"
