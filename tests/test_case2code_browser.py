"""Case2Code in a real browser (Chromium driven by Playwright): describe a case, tick
codes, set units, run the claim check and read the findings, all without a reload."""

from django.core.management import call_command
from playwright.sync_api import expect

from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared fixture

CASE = "Work conditioning session of 3 hours for a roofer recovering from a shoulder strain."


def test_describe_tick_check_and_see_findings(browser, live_server, transactional_db):  # noqa: F811
    call_command("load_sample", verbosity=0)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/case2code/")
    page.evaluate("window.stillHere = true")  # gone if the page reloads
    page.fill("textarea[name=text]", CASE)
    page.get_by_role("button", name="Find codes").click()
    page.locator("#candidate-rows input[value='97546']").wait_for()
    assert page.locator("#candidate-rows input[name=pick]").evaluate_all(
        "boxes => boxes.map(box => box.value)"
    ) == ["97545", "97546"]
    assert (
        page.locator("#candidate-rows q").first.inner_text()
        == "Work conditioning session of 3 hours"
    )
    # Keep only the add-on, with 4 units: the check finds both problems.
    page.uncheck("#candidate-rows input[value='97545']")
    page.fill("input[name='units-97546']", "4")
    page.fill("input[name='modifiers-97546']", "GP")
    page.fill("input[name=date_of_service]", "2026-06-01")
    page.get_by_role("button", name="Check the ticked codes").click()
    page.locator("#finding-rows tr").first.wait_for()
    findings = page.locator("#finding-rows").inner_text()
    assert "97546 is an add-on code: report it with one of its primary codes (97545)" in findings
    assert "over its MUE of 2" in findings
    assert page.evaluate("window.stillHere") is True
    page.screenshot(path=ARTIFACTS / "case2code.png", full_page=True)
    # Tick the primary again and bring the units within the MUE: no error is left.
    page.check("#candidate-rows input[value='97545']")
    page.fill("input[name='units-97546']", "1")
    page.get_by_role("button", name="Check the ticked codes").click()
    expect(page.locator("#finding-rows")).not_to_contain_text("over its MUE")
    assert page.locator("#finding-rows tr.error").count() == 0
    page.close()


def test_case2code_fits_a_phone(browser, live_server, transactional_db):  # noqa: F811
    call_command("load_sample", verbosity=0)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(live_server.url + "/tools/case2code/")
    page.fill("textarea[name=text]", CASE)
    page.get_by_role("button", name="Find codes").click()
    page.locator("#candidate-rows tr").first.wait_for()
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.close()
