"""Every training page in Chromium with axe-core: the staff pages and the three attendee forms."""

import re

import pytest

from feedback_app.services import accounts
from tests.browser.conftest import assert_accessible, new_context
from tests.browser.journeys import keyboard_answer_page, press_button

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"
TRAINER = "trainer@browser.test"


def _click(page, name):
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


def _sign_in(page, app):
    with app.app_context():
        if accounts.user_queries.get_user_by_email(TRAINER) is None:
            accounts.create_user(TRAINER, PASSWORD, ["trainer"])
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(TRAINER)
    page.locator("#password").fill(PASSWORD)
    _click(page, "Sign in")


def _add_course_and_session(page):
    page.goto("/staff/training")
    assert_accessible(page)
    _click(page, "Add a course")
    assert_accessible(page)
    _click(page, "Save course")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.get_by_label("Course title").fill("Neglect: recognise and respond")
    page.get_by_label("Learning objectives").fill("Spot the signs of neglect\nUse the neglect screening tool")
    _click(page, "Save course")
    assert_accessible(page)  # the course page
    course_url = page.url
    with page.expect_navigation():
        page.get_by_role("link", name="Change the course").click()
    assert_accessible(page)
    page.goto(course_url)
    _click(page, "Add a session")
    assert_accessible(page)
    _click(page, "Add session")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.get_by_label("Day").fill("5")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("In person").check()
    page.get_by_label("Venue").fill("Town Hall")
    page.get_by_label("Number of people who came (optional)").fill("12")
    _click(page, "Add session")
    assert re.search(r"/staff/training/sessions/\d+$", page.url)
    assert_accessible(page)
    links = page.locator(".app-link-url").all_inner_texts()
    return course_url, page.url, links


def _answer_form(page, link, code=None):
    """Answer one of a session's forms, checking every page; returns the confirmation page's URL."""
    page.goto(link)
    assert_accessible(page)
    if code:
        page.get_by_label("The first 3 letters of the street you grew up on").fill(code[0])
        page.get_by_label("The day of the month you were born").fill(code[1])
    _click(page, "Start now")
    while "/q/" in page.url:
        assert_accessible(page)
        for group in page.locator("fieldset").all():
            radios = group.locator("input[type=radio]")
            if radios.count():
                radios.nth(min(3, radios.count() - 1)).check()
            boxes = group.locator("input[type=checkbox]")
            if boxes.count():
                boxes.first.check()
        for box in page.locator("textarea").all():
            box.fill("I will use the screening tool at home visits")
        _click(page, "Continue")
    assert page.url.endswith("/check")
    assert_accessible(page)
    _click(page, "Send answers")
    assert page.url.endswith("/confirmation")
    assert_accessible(page)


def test_training_pages_have_no_axe_violations(page, live_server):
    _sign_in(page, live_server["app"])
    course_url, session_url, (before, after, followup) = _add_course_and_session(page)

    # The attendee's start page and its error state.
    page.goto(before)
    page.get_by_label("The first 3 letters of the street you grew up on").fill("E1")
    _click(page, "Start now")
    assert page.title().startswith("Error:")
    assert_accessible(page)

    _answer_form(page, before, code=("Elm", "7"))
    _answer_form(page, after)
    with page.expect_navigation():
        page.get_by_role("link", name="Email me the link in 3 months").click()
    assert_accessible(page)
    _click(page, "Send me the reminder")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.get_by_label("Email address").fill("sam@agency.example")
    _click(page, "Send me the reminder")
    assert page.url.endswith("/reminder/set")
    assert_accessible(page)
    _answer_form(page, followup, code=("Elm", "7"))

    for url in (f"{session_url}/report", f"{course_url}/report", "/staff/training/report/2026", session_url):
        page.goto(url)
        assert_accessible(page)
    page.goto(f"{session_url}/report")
    assert page.locator(".app-training-pairs tbody tr").first.inner_text().split("\t")[-1].strip() == "1"


@pytest.fixture
def session_links(browser, live_server):
    """A new course and session made by the trainer; returns its before, after and follow-up links."""
    context = new_context(browser, live_server)
    staff_page = context.new_page()
    _sign_in(staff_page, live_server["app"])
    _course_url, _session_url, links = _add_course_and_session(staff_page)
    context.close()
    return links


def _no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_each_training_form_completes_with_the_keyboard_alone_at_320_pixels(browser, live_server, session_links):
    context = new_context(browser, live_server, viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        for link in session_links:
            page.goto(link)
            assert _no_horizontal_scroll(page), page.url
            press_button(page, "Start now")
            while "/q/" in page.url:
                assert _no_horizontal_scroll(page), page.url
                keyboard_answer_page(page)
                assert page.locator(".govuk-error-summary").count() == 0, page.url
            assert page.url.endswith("/check") and _no_horizontal_scroll(page)
            press_button(page, "Send answers")
            assert page.url.endswith("/confirmation") and _no_horizontal_scroll(page)
    finally:
        context.close()


def test_each_training_form_completes_with_javascript_off(page_without_js, session_links):
    for link in session_links:
        _answer_form(page_without_js, link)
