"""Audit planning and Board reports in Chromium: a theme becomes a proposal; every page has zero axe violations."""

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.services import accounts, audit_planning, reports
from tests.browser.conftest import assert_accessible, sample_args
from tests.feedback_app import audit_data

pytestmark = pytest.mark.browser
PASSWORD = "browser audit password"
ANALYST = "planner@browser.test"
VIEWER = "board@browser.test"


@pytest.fixture(scope="module")
def audit_app(live_server):
    app = live_server["app"]
    with app.app_context():
        for email, roles in ((ANALYST, ["analyst"]), (VIEWER, ["viewer"])):
            if accounts.user_queries.get_user_by_email(email) is None:
                accounts.create_user(email, PASSWORD, roles)
        # Answers dated now: a second survey year would add year-comparison charts to the results pages.
        now = datetime.now(UTC)
        _previous, current, themes = audit_data.two_runs(previous_when=now, current_when=now)
        run_id = current.id
        # A scheduled proposal and a published report, so the route walker can open every page.
        audit_planning.priorities(app.config["PRIORITIES_FILE"])
        proposal = audit_planning.create_proposal(
            current, [themes["Youth workers"]], None, title="Youth work audit", question="Is youth work reaching "
            "the young people who ask for it?", priority_ids=[], year=2026, quarter=3, lead_agency="Youth service")
        audit_planning.change_status(proposal, "agreed", None)
        audit_planning.change_status(proposal, "scheduled", None)
        report = reports.publish("theme_summary", run_id, None)
        sample_args(proposal_id=proposal.id, report_id=report.id, run_id=run_id)
        db.session.remove()
    return {"app": app, "run_id": run_id}


def _sign_in(page, email):
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.locator("#password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def _menu(page, name):
    return page.get_by_role("navigation", name="Staff menu").get_by_role("link", name=name)


def _check(page):
    assert_accessible(page)
    return page


def test_promoting_a_theme_to_an_audit_proposal_and_publishing_the_programme(page, audit_app):
    _sign_in(page, ANALYST)
    _menu(page, "Audit programme").click()
    _check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Propose an audit from a theme").click()
    _check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Youth voice 2025").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Propose an audit")
    _check(page)

    # Nothing filled in: the errors are shown, and the error page is accessible too.
    with page.expect_navigation():
        page.get_by_role("button", name="Make the proposal").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select at least one theme")
    assert page.title().startswith("Error:")
    _check(page)

    page.get_by_label("Online safety (21 answers)").check()
    page.get_by_label("Title").fill("Online harm: do we ask?")
    page.get_by_label("Online safety", exact=True).check()
    page.get_by_label("The question the audit should answer").fill("Do practitioners ask about online harm?")
    page.get_by_label("Proposed quarter").select_option(label="Quarter 2 (July to September)")
    page.get_by_label("Lead agency (optional)").fill("Northshire Police")
    with page.expect_navigation():
        page.get_by_role("button", name="Make the proposal").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Online harm: do we ask?")
    expect(page.locator(".app-evidence").first).to_contain_text("21 of the 53 answers analysed")
    expect(page.locator(".app-evidence").first).to_contain_text("Young people: 15 of 39 answers (38%)")
    _check(page)
    proposal_url = page.url

    # An invalid change gives a message next to the field (the page stays accessible).
    page.get_by_label("Dropped").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").click()
    expect(page.locator("#reason-error")).to_contain_text("Say why the proposal is being dropped")
    _check(page)
    page.get_by_label("Agreed").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").click()
    page.get_by_label("Scheduled").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Change status").click()
    expect(page.locator(".govuk-summary-list")).to_contain_text("Scheduled")

    with page.expect_navigation():
        page.get_by_role("link", name="Edit the evidence").click()
    _check(page)
    page.get_by_label("How many answers are about this").fill("About two in five answers are about online harm.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the evidence").click()
    expect(page.locator(".govuk-inset-text")).to_contain_text("Edited by staff")
    _check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Change the details").click()
    _check(page)
    page.goto(proposal_url)
    with page.expect_navigation():
        page.get_by_role("link", name="Record the findings and complete the audit").click()
    _check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Complete the audit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the audit’s findings")
    _check(page)

    # The programme lists it in its quarter; its report prints without the service's navigation.
    _menu(page, "Audit programme").click()
    expect(page.locator("#quarter-2 + div")).to_contain_text("Online harm: do we ask?")
    with page.expect_navigation():
        page.get_by_role("link", name="Printable programme for the Board (save as PDF)").click()
    _check(page)
    page.emulate_media(media="print")
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.locator(".app-no-print")).to_be_hidden()
    expect(page.locator(".govuk-back-link")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.emulate_media(media="screen")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish for the Board").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Report published")
    _check(page)
    with page.expect_navigation():
        page.get_by_role("link", name="All reports").click()
    _check(page)
    page.goto(f"/staff/reports/themes/{audit_app['run_id']}")
    _check(page)


def test_a_viewer_reads_the_published_report(page, audit_app, browser):
    # Depends on nothing above: publish here if no report exists yet.
    _sign_in(page, ANALYST)
    page.goto("/staff/reports/programme")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish for the Board").click()
    page.context.clear_cookies()

    _sign_in(page, VIEWER)
    expect(_menu(page, "Reports")).to_be_visible()
    expect(_menu(page, "Audit programme")).to_have_count(0)
    _menu(page, "Reports").click()
    _check(page)
    with page.expect_navigation():
        page.locator("main table a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Audit programme \d{4} to \d{4}$"))
    expect(page.get_by_role("button", name="Publish for the Board")).to_have_count(0)
    _check(page)
