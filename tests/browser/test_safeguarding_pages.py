"""A young person's disclosure reaches the DSL in Chromium: the survey, the queue, the alert with the
whole response, and a "referred on" review with a note. axe-core on every page."""

import pytest

from feedback_app import jobs
from tests.browser.conftest import assert_accessible, new_context
from tests.browser.journeys import fill_page
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser
DISCLOSURE = "my stepdad hits me when mum is at work and i am scared to go home"


@pytest.fixture(scope="module")
def mail_folder(live_server, tmp_path_factory):
    """Alert emails written to a folder, as under `make run`: delivered, so no banner."""
    from analysis.screening import default_screener

    default_screener()  # fitted before the first respondent, as the app does at start outside tests
    folder = tmp_path_factory.mktemp("mail")
    live_server["app"].config["MAIL_FOLDER"] = str(folder)
    return folder


def _continue(page):
    with page.expect_navigation():
        page.locator("main form button:not([value=save])").first.click()


def test_a_disclosure_reaches_the_dsl_who_refers_it_on(browser, live_server, mail_folder):
    app = live_server["app"]
    dsl = staff_user(app, "dsl")

    # A young person answers the youth survey and writes the disclosure.
    young = new_context(browser, live_server)
    page = young.new_page()
    page.goto("/s/youth-voice")
    with page.expect_navigation():
        page.locator("main form button").click()
    while "/q/" in page.url:
        fill_page(page)
        if page.url.endswith("/biggest-worry"):
            page.locator("textarea").fill(DISCLOSURE)
        _continue(page)
    assert page.url.endswith("/check")
    _continue(page)
    assert page.url.endswith("/confirmation")
    young.close()
    assert jobs.join_all(timeout=60)
    assert any(dsl in path.read_text() for path in mail_folder.glob("*.eml")), "the DSL was emailed"

    # The DSL signs in and sees the queue, with no warning banner.
    context = new_context(browser, live_server)
    page = context.new_page()
    try:
        sign_in(page, dsl)
        page.goto("/staff/safeguarding/")
        assert_accessible(page)
        assert page.locator(".app-safeguarding-banner").count() == 0
        link = page.locator("main tbody tr a").first
        with page.expect_navigation():
            link.click()

        # The alert: the words highlighted, the whole response.
        alert_url = page.url
        assert_accessible(page)
        assert page.locator(".app-answer-text").inner_text() == DISCLOSURE
        assert page.locator(".app-answer-text mark").count() >= 1
        assert page.locator(".app-whole-response .govuk-summary-list__row").count() >= 8
        assert "cannot be contacted" in page.locator(".app-anonymous").inner_text()

        # Referred on without saying to whom or why: refused by the fields.
        page.get_by_label("Reviewed: referred on").check()
        with page.expect_navigation():
            page.get_by_role("button", name="Record review").click()
        assert page.title().startswith("Error:")
        assert "Say who it was referred to" in page.locator("#referred_to-error").inner_text()
        assert "Write a short note" in page.locator("#note-error").inner_text()
        assert_accessible(page)

        page.get_by_label("Reviewed: referred on").check()
        page.get_by_label("Referred to", exact=True).fill("MASH")
        page.get_by_label("Note", exact=True).fill("Phoned MASH at 10:15; they will contact the school.")
        with page.expect_navigation():
            page.get_by_role("button", name="Record review").click()
        assert page.url.endswith("/staff/safeguarding/")
        assert "Review recorded" in page.locator(".govuk-notification-banner").inner_text()
        assert_accessible(page)
        # Back to the same alert (other tests' alerts may now come first in the queue).
        page.goto(alert_url)
        assert page.locator(".app-referred-to").inner_text() == "Referred to: MASH"
        assert_accessible(page)
    finally:
        context.close()
