"""RedactPHI in a real browser (Debian's Chromium driven by Playwright): paste, choose a
style, see the highlights, with no page reload; and the page fits a phone."""

from tests.test_browser import ARTIFACTS, browser  # noqa: F401 - the shared fixture

NOTE = (
    "Patient: Grace Oyelaran   DOB 07/19/1961\n"
    "Seen on 03/14/2026 by Dr. Lucia Brandt; her husband, Femi, drove her.\n"
)


def test_paste_choose_and_see_highlights_without_reload(browser, live_server, transactional_db):  # noqa: F811
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/redact-phi/")
    page.evaluate("window.stillHere = true")  # gone if the page reloads
    page.fill("textarea[name=text]", NOTE)
    page.check("input[name=style][value=surrogates]")
    page.get_by_role("button", name="Redact").click()
    page.locator("#result mark.phi-NAME").first.wait_for()
    assert page.evaluate("window.stillHere") is True
    output = page.locator("#redacted").inner_text()
    assert "Oyelaran" not in output and "Brandt" not in output and "Femi" not in output
    assert "07/19/1961" not in output
    names = page.locator("#redacted mark.phi-NAME").all_inner_texts()
    assert len(names) == 3 and all(names)
    assert page.locator("#redacted mark.phi-DATE").count() == 2
    counts = page.locator("#counts li").all_inner_texts()
    assert counts == ["NAME 3", "DATE 2"]
    href = page.locator("#download").get_attribute("href")
    assert href.startswith("data:text/plain;charset=utf-8,Patient%3A%20")
    page.screenshot(path=ARTIFACTS / "redact-phi.png", full_page=True)

    page.check("input[name=style][value=tags]")
    page.get_by_role("button", name="Redact").click()
    page.locator("#redacted mark", has_text="[NAME]").first.wait_for()
    assert page.locator("#redacted").inner_text().startswith("Patient: [NAME]   DOB [DATE]")
    assert page.evaluate("window.stillHere") is True
    page.close()


def test_errors_show_in_place(browser, live_server, transactional_db, settings):  # noqa: F811
    settings.TOOLS_MAX_CHARS = 20
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/tools/redact-phi/")
    page.get_by_role("button", name="Redact").click()
    assert page.locator("#tool-error").inner_text() == "Paste some text or choose a .txt file."
    page.fill("textarea[name=text]", NOTE)
    page.get_by_role("button", name="Redact").click()
    assert "RedactPHI takes up to 20 at a time" in page.locator("#tool-error").inner_text()
    assert page.locator("#result").is_hidden()
    page.close()


def test_tool_pages_fit_a_phone(browser, live_server, transactional_db):  # noqa: F811
    page = browser.new_page(viewport={"width": 360, "height": 800})
    for path in ("/tools/", "/tools/redact-phi/"):
        page.goto(live_server.url + path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    page.fill("textarea[name=text]", NOTE * 3)
    page.get_by_role("button", name="Redact").click()
    page.locator("#result mark").first.wait_for()
    assert (
        page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        <= 0
    )
    page.screenshot(path=ARTIFACTS / "redact-phi-360.png", full_page=True)
    page.close()
