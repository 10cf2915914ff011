"""Surveys in more than one language: chosen on the start page, kept throughout, recorded with the
response; Urdu laid out right to left. Screenshots of the youth survey's first question in each
language at 320 and 1280 CSS pixels go to test-artifacts/screenshots/ (kept by CI)."""

import subprocess

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Response
from tests.browser.conftest import SCREENSHOTS, assert_accessible, new_context
from tests.browser.journeys import fill_page

pytestmark = pytest.mark.browser
SLUG = "youth-voice"
LANGUAGES = {"en": "Start now", "cy": "Dechrau nawr", "ur": "ابھی شروع کریں"}
URDU_ANSWER = "پارک میں روشنی کم ہے"


def _language_of_page(page):
    return page.evaluate("({lang: document.documentElement.lang, dir: getComputedStyle(document.body).direction})")


def _response(app, reference):
    with app.app_context():
        response = db.session.scalar(select(Response).where(Response.reference == reference))
        result = (response.language, {a.question_id: (a.text, a.text_language) for a in response.answers})
        db.session.remove()
    return result


def test_language_is_chosen_on_the_start_page_without_javascript_and_kept(page_without_js, live_server):
    page = page_without_js
    page.goto(f"/s/{SLUG}")
    chooser = page.get_by_role("navigation", name="Choose a language")
    assert [link.get_attribute("lang") for link in chooser.get_by_role("link").all()] == ["cy", "ur"]
    with page.expect_navigation():
        chooser.get_by_role("link", name="Cymraeg").click()
    assert _language_of_page(page) == {"lang": "cy", "dir": "ltr"}
    assert page.locator("h1").inner_text() == "Eich barn am deimlo'n ddiogel yn Northshire"
    # The other languages are named in their own language, marked as such.
    assert page.get_by_role("link", name="English").get_attribute("lang") == "en"
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Dechrau nawr").click()
    while "/q/" in page.url:
        assert _language_of_page(page)["lang"] == "cy"
        assert page.get_by_role("button", name="Parhau").is_visible()
        fill_page(page, text="Mwy o lefydd i fynd gyda'r nos")
        with page.expect_navigation():
            page.get_by_role("button", name="Parhau").click()
    assert page.locator("h1").inner_text() == "Gwiriwch eich atebion cyn eu hanfon"
    with page.expect_navigation():
        page.get_by_role("button", name="Anfon atebion").click()
    assert page.locator(".govuk-panel__title").inner_text() == "Atebion wedi'u hanfon"
    assert_accessible(page)
    reference = page.locator(".govuk-panel__body strong").inner_text().strip()
    language, answers = _response(live_server["app"], reference)
    assert language == "cy"
    assert answers["do_better"] == ("Mwy o lefydd i fynd gyda'r nos", "cy")


def test_urdu_pages_read_right_to_left(page, live_server):
    page.goto(f"/s/{SLUG}?lang=ur")
    assert _language_of_page(page) == {"lang": "ur", "dir": "rtl"}
    # The partnership's name stays English, and says so.
    assert page.locator(".app-header__name [lang=en]").count() == 1
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name=LANGUAGES["ur"]).click()
    assert _language_of_page(page) == {"lang": "ur", "dir": "rtl"}
    assert_accessible(page)
    # Mirrored: the radio button sits to the right of its label, the heading starts at the right.
    radio = page.locator(".govuk-radios__item").first
    circle = radio.locator("input").bounding_box()
    label = radio.locator("label").bounding_box()
    assert circle["x"] > label["x"]
    heading = page.locator("h1").bounding_box()
    main = page.locator("main").bounding_box()
    assert heading["x"] + heading["width"] > main["x"] + main["width"] - 40
    while "/q/" in page.url:
        assert _language_of_page(page) == {"lang": "ur", "dir": "rtl"}
        fill_page(page, text=URDU_ANSWER)
        with page.expect_navigation():
            page.get_by_role("button", name="جاری رکھیں").click()
    assert_accessible(page)  # the check answers page
    with page.expect_navigation():
        page.get_by_role("button", name="جوابات بھیجیں").click()
    assert_accessible(page)
    reference = page.locator(".govuk-panel__body strong").inner_text().strip()
    language, answers = _response(live_server["app"], reference)
    assert language == "ur"
    # Free text is kept as written and marked with its language for analysis.
    assert answers["do_better"] == (URDU_ANSWER, "ur")


def test_a_survey_offers_only_its_own_languages(page):
    page.goto("/s/all-types?lang=ur")  # the fixture survey is in English and Welsh only
    assert _language_of_page(page) == {"lang": "en", "dir": "ltr"}
    names = page.get_by_role("navigation", name="Choose a language").inner_text()
    assert "Cymraeg" in names and "اردو" not in names


def test_an_urdu_font_is_installed_for_the_screenshots():
    fonts = subprocess.run(["fc-list", ":lang=ur", "family"], capture_output=True, text=True, check=True).stdout
    assert fonts.strip(), "no font for Urdu: install fonts-noto-core (sudo apt-get install fonts-noto-core)"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", list(LANGUAGES))
def test_screenshot_of_the_first_question(browser, live_server, language, width):
    context = new_context(browser, live_server, viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"/s/{SLUG}?lang={language}")
        with page.expect_navigation():
            page.get_by_role("button", name=LANGUAGES[language]).click()
        assert page.url.endswith("/q/feeling-safe")
        assert _language_of_page(page)["lang"] == language
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.evaluate("document.fonts.ready")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{SLUG}-first-question-{language}-{width}px.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
    finally:
        context.close()
