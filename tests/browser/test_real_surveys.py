"""Each survey in surveys/ in Chromium: completed with the keyboard alone and in every other language it offers,
with axe-core on every page (each also looked at 320 CSS pixels wide, 400% zoom), and with JavaScript turned off
(axe-core on every page again)."""

from pathlib import Path

import pytest

from feedback_app.survey_definitions import load_file
from tests.browser.conftest import REAL_SURVEYS, assert_accessible
from tests.browser.journeys import fill_page, focused, keyboard_answer_page, press_button

pytestmark = pytest.mark.browser
DEFINITIONS = {path.stem: load_file(path) for path in sorted(Path(REAL_SURVEYS).glob("*.yaml"))}
# Training forms are reached only through a course session's links (tests/browser/test_training_pages.py).
SLUGS = sorted(slug for slug, definition in DEFINITIONS.items() if definition.audience != "training")
# English is checked on the keyboard-alone walk; each other language a survey offers, on a walk of its own.
SLUG_LANGUAGES = [(slug, language) for slug in SLUGS for language in DEFINITIONS[slug].languages if language != "en"]


def _start(page, slug, language="en"):
    page.goto(f"/s/{slug}" + ("" if language == "en" else f"?lang={language}"))
    with page.expect_navigation():
        page.locator("main form button").click()  # "Start now", in the page's language


def _continue(page):
    with page.expect_navigation():
        page.locator("main form button:not([value=save])").first.click()


def _reflows_at_320_css_pixels(page):
    """WCAG 1.4.10 reflow: at 320 CSS pixels (a 1280 pixel wide window zoomed to 400%) nothing needs
    horizontal scrolling. The page is looked at that wide, then put back."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    finally:
        page.set_viewport_size(size)


def _check(page):
    assert_accessible(page)
    assert _reflows_at_320_css_pixels(page), page.url


@pytest.mark.parametrize(("slug", "language"), SLUG_LANGUAGES)
def test_survey_completes_in_chromium_with_no_axe_violations_and_reflows_at_320_css_pixels(page, slug, language):
    page.goto(f"/s/{slug}?lang={language}")
    assert page.locator("html").get_attribute("lang") == language
    _check(page)
    _start(page, slug, language)
    pages = 0
    while "/q/" in page.url:
        assert page.locator("html").get_attribute("lang") == language, page.url
        _check(page)
        fill_page(page)
        _continue(page)
        assert page.locator(".govuk-error-summary").count() == 0, page.url
        pages += 1
        assert pages < 60
    assert page.url.endswith("/check")
    _check(page)
    _continue(page)
    assert page.url.endswith("/confirmation")
    assert page.locator("html").get_attribute("lang") == language
    _check(page)
    assert pages >= 5


def test_every_survey_offers_english_and_the_other_languages_are_walked():
    assert all("en" in DEFINITIONS[slug].languages for slug in SLUGS)
    assert ("youth-voice", "cy") in SLUG_LANGUAGES and ("youth-voice", "ur") in SLUG_LANGUAGES


@pytest.mark.parametrize("slug", SLUGS)
def test_survey_completes_with_the_keyboard_alone_with_no_axe_violations_and_reflows(page, slug):
    """Tab, Shift+Tab, Space and Enter only, with visible focus at every step; axe-core and reflow at 320 CSS
    pixels on every page of the English survey."""
    page.goto(f"/s/{slug}")
    assert page.locator("html").get_attribute("lang") == "en"
    _check(page)
    press_button(page, "Start now")
    # Shift+Tab goes back the way Tab came.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    forward = focused(page)
    page.keyboard.press("Shift+Tab")
    back = focused(page)
    assert back != forward and back["visibleFocus"]
    page.keyboard.press("Tab")
    assert focused(page) == forward
    page.goto(page.url)  # start the page again from the top
    # Sending a page with a required question unanswered moves focus to the error summary.
    first = page.url
    press_button(page, "Continue")
    if page.url == first:
        page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
        assert page.title().startswith("Error:")
        page.goto(first)
    pages = 0
    while "/q/" in page.url:
        _check(page)
        keyboard_answer_page(page)
        assert page.locator(".govuk-error-summary").count() == 0, page.url
        pages += 1
        assert pages < 60, page.url
    assert page.url.endswith("/check")
    _check(page)
    press_button(page, "Send answers")
    assert page.url.endswith("/confirmation")
    _check(page)
    assert pages >= 5


@pytest.mark.parametrize("slug", SLUGS)
def test_survey_completes_with_javascript_off(page_without_js, slug):
    page = page_without_js
    page.goto(f"/s/{slug}")
    assert page.evaluate("document.body.classList.contains('js-enabled')") is False
    assert_accessible(page)
    _start(page, slug)
    while "/q/" in page.url:
        assert_accessible(page)
        fill_page(page)
        _continue(page)
        assert page.locator(".govuk-error-summary").count() == 0, page.url
    assert page.url.endswith("/check")
    _continue(page)
    assert page.url.endswith("/confirmation")
    assert_accessible(page)
