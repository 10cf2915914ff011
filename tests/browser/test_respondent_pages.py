"""Every respondent page of the fixture survey in Chromium: axe-core, keyboard, no JavaScript."""

import re

import pytest

from tests.browser.conftest import ARTIFACTS, assert_accessible

pytestmark = pytest.mark.browser
SLUG = "all-types"


def _continue(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


def fill_valid(page, path):
    """Answer the page at ``path`` with valid answers, by label as a person would."""
    page_id = path.rsplit("/", 1)[1]
    if page_id == "consent":
        page.get_by_label("I agree to take part").check()
    elif page_id == "age":
        page.get_by_label("14 to 16").check()
    elif page_id == "worries":
        page.get_by_label("Things online").check()
    elif page_id == "online-detail":
        page.get_by_label("What worries you online?").fill("Strangers adding me")
    elif page_id == "safety":
        page.get_by_label("Safe", exact=True).check()
        page.get_by_label("Agree", exact=True).check()
    elif page_id == "grid":
        page.locator("input[name=services__police][value=agree]").check()
        page.locator("input[name=services__school][value=dont_know]").check()
    elif page_id == "number":
        page.get_by_label("How many youth sessions have you been to?").fill("3")
    elif page_id == "date":
        page.get_by_label("Day").fill("4")
        page.get_by_label("Month").fill("5")
        page.get_by_label("Year").fill("2025")
    elif page_id == "tell":
        page.get_by_label("Yes", exact=True).check()
    elif page_id == "better":
        page.get_by_label("What should the partnership do better?").fill("More places to go at night")


def test_every_respondent_page_has_no_axe_violations(page):
    page.goto(f"/s/{SLUG}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    seen = 0
    while "/q/" in page.url:
        assert_accessible(page)
        if seen == 2:
            # The error state of a page, too.
            _continue(page)
            expect_error = page.locator(".govuk-error-summary")
            assert expect_error.is_visible()
            assert page.title().startswith("Error:")
            assert_accessible(page)
        fill_valid(page, page.url)
        _continue(page)
        seen += 1
    assert page.url.endswith("/check")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send answers").click()
    assert page.url.endswith("/confirmation")
    assert_accessible(page)
    assert seen >= 10


def test_save_resume_and_unavailable_pages_have_no_axe_violations(page):
    page.goto(f"/s/{SLUG}")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Save and come back later").click()
    assert page.url.endswith("/saved")
    assert_accessible(page)
    code = page.locator("#resume-code").inner_text()
    page.goto(f"/s/{SLUG}/resume")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert_accessible(page)  # the error state
    page.get_by_label("Continue your answers").fill(code)
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert "/q/" in page.url
    for url in ("/s/no-such-survey", "/", "/accessibility"):
        page.goto(url)
        assert_accessible(page)


def _tab_to(page, predicate_js, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate_js}; }})()"):
            focused = page.evaluate(
                "(() => { const s = getComputedStyle(document.activeElement);"
                " return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; })()"
            )
            assert focused, "the focused element shows visible focus"
            return
    raise AssertionError(f"could not reach {predicate_js} with Tab")


def _tab_to_button(page, text):
    _tab_to(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === {text!r}")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _keyboard_answer(page, page_id):
    first_input = "el.tagName === 'INPUT' || el.tagName === 'TEXTAREA'"
    if page_id == "intro":
        pass
    elif page_id in ("consent", "worries"):
        _tab_to(page, "el.type === 'checkbox'")
        page.keyboard.press("Space")
    elif page_id in ("age", "tell"):
        _tab_to(page, "el.type === 'radio'")
        page.keyboard.press("Space")
    elif page_id == "safety":
        _tab_to(page, "el.name === 'safe_school'")
        page.keyboard.press("Space")
        _tab_to(page, "el.name === 'adults_listen'")
        page.keyboard.press("Space")
    elif page_id == "grid":
        _tab_to(page, "el.name === 'services__police'")
        page.keyboard.press("Space")
        _tab_to(page, "el.name === 'services__school'")
        page.keyboard.press("Space")
    elif page_id == "number":
        _tab_to(page, first_input)
        page.keyboard.type("4")
    elif page_id == "date":
        pass  # optional question: leave it blank
    elif page_id in ("online-detail", "better"):
        _tab_to(page, first_input)
        page.keyboard.type("Typed with the keyboard alone")
    _tab_to_button(page, "Continue")


def test_a_survey_can_be_completed_with_the_keyboard_alone(page):
    page.goto(f"/s/{SLUG}")
    _tab_to(page, "el.textContent.includes('Start now')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/q/intro$", page.url)
    # An error moves focus to the error summary.
    page.goto(f"/s/{SLUG}/q/intro")
    _tab_to_button(page, "Continue")
    page.wait_for_url(re.compile(r"/q/consent$"))
    _tab_to_button(page, "Continue")
    page.wait_for_selector(".govuk-error-summary")
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    visited = []
    while "/q/" in page.url:
        page_id = page.url.rsplit("/", 1)[1]
        visited.append(page_id)
        _keyboard_answer(page, page_id)
        assert len(visited) < 20
    assert page.url.endswith("/check")
    _tab_to_button(page, "Send answers")
    assert page.url.endswith("/confirmation")
    assert page.locator(".govuk-panel__title").inner_text().strip() == "Answers sent"


def test_survey_completes_with_javascript_off(page_without_js):
    page = page_without_js
    page.goto(f"/s/{SLUG}")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    while "/q/" in page.url:
        fill_valid(page, page.url)
        _continue(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send answers").click()
    assert page.url.endswith("/confirmation")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "confirmation-no-js.png"), full_page=True)
