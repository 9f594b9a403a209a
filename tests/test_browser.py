"""Code pages in a real browser (Debian's Chromium driven by Playwright) at phone and desktop widths."""

import shutil
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.importing import FIXTURES

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not shutil.which(CHROMIUM), reason="Chromium is not installed (.ci/run installs it)"
)


@pytest.fixture
def browser(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls made here
    # (fixture loading) finish before any page is opened.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def catalogue(transactional_db):
    call_command("load_sample", verbosity=0)
    call_command(
        "load_codes",
        verbosity=0,
        icd10cm_tabular=str(FIXTURES / "icd10cm" / "tabular.xml"),
        icd10cm_code_list=str(FIXTURES / "icd10cm" / "code-list.txt"),
        release_date=date(2026, 4, 1),
    )
    call_command(
        "load_codes",
        verbosity=0,
        icd10pcs=str(FIXTURES / "icd10pcs" / "icd_10_pcs.csv"),
        release_date=date(2025, 10, 1),
    )


PAGES = [
    ("/cpt/97546/", "97546 WORK HARDENING ADD-ON"),
    ("/icd10cm/S72.001A/", "S72.001A Fracture of unspecified part of neck of right femur"),
    ("/icd10pcs/0DTJ4ZZ/", "0DTJ4ZZ Resection of Appendix"),
]


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
        name = path.strip("/").replace("/", "-").replace(".", "_")
        page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
    page.close()
