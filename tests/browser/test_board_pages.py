"""The Board's figures in Chromium (issue 19): the quarterly scorecard (axe clean), and a viewer who sees
only published reports, current version first with earlier versions beneath, and nothing live."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.queries import reports as report_queries
from feedback_app.services import accounts, reports
from tests.browser.conftest import assert_accessible
from tests.feedback_app import results_data

pytestmark = pytest.mark.browser
PASSWORD = "browser board password"
ANALYST = "figures-analyst@browser.test"
VIEWER = "figures-board@browser.test"


@pytest.fixture(scope="module")
def board_app(live_server):
    app = live_server["app"]
    with app.app_context():
        for email, roles in ((ANALYST, ["analyst"]), (VIEWER, ["viewer"])):
            if accounts.user_queries.get_user_by_email(email) is None:
                accounts.create_user(email, PASSWORD, roles)
        year = datetime.now(UTC).year
        results_data.add(12, when=datetime(year, 1, 20, 12, tzinfo=UTC), prefix="B")
        results_data.add(6, {"told_someone": "no"}, when=datetime(year, 1, 21, 12, tzinfo=UTC), start=100, prefix="B")
        db.session.remove()
    return app


def _sign_in(page, email):
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.locator("#password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_choosing_indicators_and_publishing_the_scorecard(page, board_app):
    _sign_in(page, ANALYST)
    page.goto("/staff/reports/")
    with page.expect_navigation():
        page.get_by_role("link", name="Choose the scorecard’s indicators").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Scorecard indicators")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the indicator")
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.get_by_label("Indicator", exact=True).fill("Share who told an adult about a worry")
    page.get_by_label("Question").select_option(
        label="Every answer type: Have you ever told an adult about a worry?")
    page.get_by_label("Target (optional)").fill("70")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("Yes", exact=True).check()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Add the indicator").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Indicator added")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("link", name="See the scorecard").click()
    table = page.locator(".app-scorecard-indicator table")
    expect(table).to_contain_text("January to March")
    expect(table.locator("tbody tr").first).to_contain_text("67%")
    assert_accessible(page)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.locator(".app-no-print")).to_be_hidden()
    page.emulate_media(media="screen")
    for _time in range(2):  # published twice: version 1, then version 2 of the same report
        with page.expect_navigation():
            page.get_by_role("button", name="Publish for the Board").click()
        expect(page.locator(".govuk-notification-banner")).to_contain_text("Report published")
        assert_accessible(page)
        page.go_back()
        page.reload()


@pytest.fixture
def scorecard_published_twice(board_app):
    """This year's scorecard published twice, whether or not the publishing test ran first (it publishes twice
    too): the viewer's test stands alone."""
    with board_app.app_context():
        analyst = accounts.user_queries.get_user_by_email(ANALYST)
        year = datetime.now(UTC).year
        published = [r for r in report_queries.list_reports() if r.kind == "scorecard" and str(r.subject) == str(year)]
        for _time in range(2 - len(published)):
            reports.publish("scorecard", year, analyst)
        db.session.remove()


def test_a_viewer_sees_only_published_versions(page, board_app, scorecard_published_twice):
    _sign_in(page, VIEWER)
    menu = page.get_by_role("navigation", name="Staff menu")
    expect(menu.get_by_role("link", name="Results")).to_have_count(0)
    response = page.goto("/staff/results/")
    assert response.status == 403
    response = page.goto("/staff/reports/scorecard")
    assert response.status == 403

    page.goto("/staff/reports/")
    row = page.locator("main table tbody tr").filter(has_text="Scorecard")
    expect(row).to_have_count(1)
    expect(row.locator("td").nth(1)).to_have_text("2")
    row.locator("summary").click()
    expect(row.locator(".app-report-versions a")).to_have_text(re.compile(r"^Version 1, published "))
    assert_accessible(page)
    with page.expect_navigation():
        row.locator(".app-report-versions a").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("This is an earlier version")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile("Read the current version")).click()
    expect(page.locator(".app-report-version")).to_contain_text("Version 2, published")
    expect(page.get_by_role("button", name="Publish for the Board")).to_have_count(0)
    assert_accessible(page)


def test_the_qr_poster_prints_on_one_a4_page(page, board_app):
    """Issue 19: the poster printed onto two pages; it needs the partnership's name and a link one can type."""
    _sign_in(page, ANALYST)
    page.goto("/staff/surveys/all-types/links/youth_forum/poster")
    poster = page.locator(".app-poster")
    expect(poster.locator(".app-poster__partnership")).to_have_text(board_app.config["PARTNERSHIP_NAME"])
    link = poster.locator(".app-poster__link").inner_text()
    assert not link.startswith("http") and re.fullmatch(r"[^/]+/j/[2-9A-Z]{6}", link), link
    assert_accessible(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf)) == 1


def test_figures_by_a_breakdown_being_prepared_then_shown(page, board_app, monkeypatch):
    """No audit of the breakdowns for the data as it is (the job has not run): the page says its figures are being
    prepared (axe clean) and asks for the job, which no request runs; once it has, the page's script notices and
    shows them (no "Try again now" click needed)."""
    held = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: held.append(args) or "held")
    _sign_in(page, ANALYST)
    page.goto(f"/staff/results/all-types?year={datetime.now(UTC).year}&breakdown=age_band")
    expect(page.get_by_role("heading", level=1)).to_have_text("These figures are being prepared")
    expect(page.locator("main table")).to_have_count(0)
    # The script runs, so the page says it checks by itself, and not the words for no script.
    expect(page.locator(".app-js-only")).to_be_visible()
    expect(page.locator(".app-no-js")).to_be_hidden()
    assert_accessible(page)
    [(func_path, survey_id)] = held
    with board_app.app_context():
        jobs.resolve(func_path)(survey_id)  # the job, run here rather than in a thread
        db.session.remove()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("These figures are being prepared", timeout=15000)
    expect(page.locator("main table").first).to_be_visible()
    assert held == [(func_path, survey_id)]  # its polling queued nothing more
