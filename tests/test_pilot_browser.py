"""CasePilot in a real browser (Debian's Chromium driven by Playwright), without any
script on the page: ask two questions, follow a citation to the code page, come back
to the conversation, clear it; the page fits a phone."""

from django.core.management import call_command
from playwright.sync_api import expect

from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared fixture


def test_ask_twice_follow_a_citation_and_return(browser, live_server, transactional_db):  # noqa: F811
    call_command("load_sample", verbosity=0)
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/casepilot/")
    page.get_by_label("Your question").fill("can 97546 be billed without 97545")
    page.get_by_role("button", name="Ask", exact=True).click()
    latest = page.locator("#latest[aria-live=polite]")
    expect(latest).to_contain_text("No: 97546 is an add-on code")

    page.get_by_label("Your question").fill("which modifiers go with 97546")
    page.get_by_role("button", name="Ask", exact=True).click()
    expect(latest).to_contain_text("Modifiers listed for 97546: GP.")
    expect(page.locator(".conversation")).to_contain_text("can 97546 be billed without 97545")
    page.screenshot(path=ARTIFACTS / "casepilot.png", full_page=True)

    page.locator("#latest").get_by_role("link", name="97546").first.click()
    page.wait_for_url("**/cpt/97546/#mods-h")
    expect(page.locator("#mods-h")).to_be_visible()
    # Back through the site's own links: the conversation is still there.
    page.locator(".site-header").get_by_role("link", name="Tools").click()
    page.get_by_role("link", name="CasePilot").click()
    page.wait_for_url("**/tools/casepilot/")
    conversation = page.locator(".conversation")
    expect(conversation).to_contain_text("can 97546 be billed without 97545")
    expect(conversation).to_contain_text("which modifiers go with 97546")

    page.get_by_role("button", name="Clear the conversation").click()
    expect(page.locator("#conversation")).not_to_contain_text("97546")
    page.close()


def test_a_follow_up_button_asks_the_suggestion(browser, live_server, transactional_db):  # noqa: F811
    call_command("load_sample", verbosity=0)
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(live_server.url + "/tools/casepilot/")
    page.get_by_label("Your question").fill("what is 97546")
    page.get_by_role("button", name="Ask", exact=True).click()
    page.get_by_role("button", name="which modifiers go with 97546").click()
    expect(page.locator("#latest")).to_contain_text("Modifiers listed for 97546")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    page.close()
