"""DetectICD10CM in a real browser (Debian's Chromium driven by Playwright): paste a
note, see the codes and the highlights with no page reload, and errors in place."""

from tests.importing import load_small_catalogue
from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared fixture

NOTE = (
    "Assessment: type 2 diabetes with a diabetic foot ulcer.\n"
    "Closed fracture of the left femoral neck, initial encounter.\n"
    "Family History: mother with type 1 diabetes."
)


def test_paste_and_see_codes_and_highlights_without_reload(browser, live_server, transactional_db):  # noqa: F811
    load_small_catalogue()
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/detect-icd10cm/")
    page.evaluate("window.stillHere = true")  # gone if the page reloads
    page.fill("textarea[name=text]", NOTE)
    page.get_by_role("button", name="Find codes").click()
    page.locator("#marked mark.dx-present").first.wait_for()
    assert page.evaluate("window.stillHere") is True
    codes = page.locator("#coded td.code").all_inner_texts()
    assert codes == ["E11.621", "S72.002A"]
    assert page.locator("#coded td.code a").first.get_attribute("href") == "/icd10cm/E11.621/"
    assert page.locator("#not-coded td.code").all_inner_texts() == ["E10.9"]
    assert page.locator("#marked mark.dx-family").inner_text() == "type 1 diabetes"
    marks = page.locator("#marked mark.dx-present").all_inner_texts()
    assert marks[0].startswith("type 2 diabetes")
    assert page.locator("#code-list").inner_text() == "E11.621\nS72.002A"
    assert page.locator("#marked").inner_text() == NOTE
    page.screenshot(path=ARTIFACTS / "detect-icd10cm.png", full_page=True)
    page.close()


def test_errors_show_in_place(browser, live_server, transactional_db, settings):  # noqa: F811
    settings.TOOLS_MAX_CHARS = 20
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/detect-icd10cm/")
    page.get_by_role("button", name="Find codes").click()
    assert page.locator("#tool-error").inner_text() == "Paste some clinical text."
    page.fill("textarea[name=text]", NOTE)
    page.get_by_role("button", name="Find codes").click()
    assert "DetectICD10CM takes up to 20 at a time" in page.locator("#tool-error").inner_text()
    assert page.locator("#result").is_hidden()
    page.close()


def test_the_page_fits_a_phone(browser, live_server, transactional_db):  # noqa: F811
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(live_server.url + "/tools/detect-icd10cm/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.close()
