"""Code pages in a real browser (Debian's Chromium driven by Playwright) at phone and desktop widths."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command

from tests import needs
from tests.importing import load_small_catalogue

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls made here
    # (fixture loading) finish before any page is opened.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=needs.chromium(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def catalogue(transactional_db):
    load_small_catalogue()


PAGES = [
    ("/cpt/97546/", "97546 Work hardening/conditioning; each additional hour"),
    ("/icd10cm/E11.9/", "E11.9 Type 2 diabetes mellitus without complications"),
    ("/icd10cm/S72.001A/", "S72.001A Fracture of unspecified part of neck of right femur"),
    ("/icd10pcs/0DTJ4ZZ/", "0DTJ4ZZ Resection of Appendix"),
]
# Table cells whose content overflows them, and words the browser split across lines
# (a line may still break after "/" or "-", as in "hardening/conditioning").
BROKEN_WORDS = """() => {
  const found = [];
  for (const cell of document.querySelectorAll("main table th, main table td")) {
    if (cell.scrollWidth > cell.clientWidth + 1) found.push("overflows: " + cell.textContent.trim());
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\/-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) found.push("broken: " + match[0]);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("width", [360, 1440])
def test_code_pages_fit_the_screen(browser, live_server, catalogue, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    for path, heading in PAGES:
        page.goto(live_server.url + path)
        assert heading in " ".join(page.locator("h1").inner_text().split())
        assert page.locator("h2").count() >= 1
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways at {width}px"
        assert page.evaluate(BROKEN_WORDS) == [], f"{path} at {width}px"
        name = path.strip("/").replace("/", "-").replace(".", "_")
        page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
    page.close()


def test_a_new_user_meets_the_gate_registers_and_reads_on(browser, live_server, transactional_db):
    call_command("load_sample", verbosity=0)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    codes = ["97546", "97545", "99213", "99214", "99203", "10060", "11042"]

    page.goto(f"{live_server.url}/cpt/{codes[0]}/")
    assert "0 code page views remaining" in page.content()
    page.goto(f"{live_server.url}/cpt/{codes[1]}/")
    assert page.locator(".gate").count() == 1

    page.get_by_role("link", name="Register free").click()
    page.fill("input[name=email]", "new.coder@example.com")
    page.fill("input[name=password1]", "long-enough-pass-123")
    page.fill("input[name=password2]", "long-enough-pass-123")
    page.get_by_role("button", name="Register").click()
    page.wait_for_load_state()

    confirm = next(
        line for line in mail.outbox[-1].body.split() if "/accounts/confirm-email/" in line
    )
    page.goto(confirm.replace("http://testserver", live_server.url))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_load_state()

    for code in codes[1:6]:
        page.goto(f"{live_server.url}/cpt/{code}/")
        assert page.locator(".gate").count() == 0, code
    page.goto(f"{live_server.url}/cpt/{codes[6]}/")
    assert page.locator(".gate").count() == 1
    assert "Your views reset on" in page.content()

    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", "new.coder@example.com")
    page.fill("input[name=password]", "long-enough-pass-123")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/accounts/")
    for code in codes[:6]:
        assert page.locator(f'a[href="/cpt/{code}/"]').count() >= 1, code
    page.screenshot(path=ARTIFACTS / "account-page.png", full_page=True)
    page.close()


def test_search_box_suggestions_by_keyboard(browser, live_server, catalogue):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    box = page.locator("#home-q")
    box.press_sequentially("diabet", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    first = listbox.get_by_role("option").first
    code = first.locator(".code").inner_text()
    box.press("ArrowDown")
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(f"**/{code}/")
    assert code in page.locator("h1").inner_text()
    page.screenshot(path=ARTIFACTS / "suggestion-landing.png")
    page.goto(live_server.url + "/")
    page.locator("#home-q").press_sequentially("diabet", delay=30)
    page.get_by_role("listbox").wait_for()
    page.locator("#home-q").press("Escape")
    assert page.locator("#home-q").get_attribute("aria-expanded") == "false"
    page.close()


def test_header_search_htn_picks_i10_by_keyboard(browser, live_server, catalogue):
    """A coder types the abbreviation into the header box and takes the Index default."""
    from codes import searchindex
    from codes.models import Code

    Code.objects.create(
        system="icd10cm",
        code="I10",
        kind="code",
        billable=True,
        long_description="Essential (primary) hypertension",
    )
    searchindex.sync()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/icd10cm/E11.9/")
    box = page.locator("header input[data-suggest]")
    box.press_sequentially("htn", delay=30)
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    first = listbox.get_by_role("option").first
    assert first.locator(".code").inner_text() == "I10"
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/icd10cm/I10/")
    assert "I10" in page.locator("h1").inner_text()
    page.close()
