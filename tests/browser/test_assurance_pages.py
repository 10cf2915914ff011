"""Assurance in Chromium: an agency lead completes a Section 11 self-assessment by keyboard alone, a panel
member challenges one standard, and every assurance page has zero axe violations."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from feedback_app.extensions import db
from feedback_app.models import AuditProposal, ProposalStatus
from feedback_app.queries import assurance as q
from feedback_app.services.assurance import actions, case_audits, frameworks, rounds
from tests.browser.conftest import assert_accessible, sample_args
from tests.browser.journeys import focused
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser
STANDARDS = ["leadership", "responsibilities", "accountability", "childrens_views", "training", "safer_recruitment",
             "inter_agency", "information_sharing"]


@pytest.fixture(scope="module")
def assurance(live_server):
    app = live_server["app"]
    with app.app_context():
        frameworks.load_directory(app.config["FRAMEWORKS_DIR"])
        framework = q.get_framework_by_slug("section-11")
        with_agencies = rounds.agencies_by_name(["Browser Police", "Browser Health"])
        db.session.commit()
        round_ = rounds.create_round(framework, "Section 11 browser", date.today() + timedelta(days=30),
                                     with_agencies, None)
        police, health = sorted(round_.submissions, key=lambda s: s.agency.name, reverse=True)
        police_token = rounds.issue_invitation(police, None)
        health_token = rounds.issue_invitation(health, None)
        action = actions.add_action(health, "training", "Train new starters", "Head of learning",
                                    date.today() - timedelta(days=3), "browser")
        proposal = q.add(AuditProposal(title="Browser neglect audit", question="Early help?", programme_year=2026,
                                       quarter=1, lead_agency="Police", status=ProposalStatus.scheduled))
        db.session.commit()
        case_audit = case_audits.create(proposal, q.get_framework_by_slug("case-audit"), with_agencies, "Sam Lead",
                                        "lead@browser.test", None)
        participant = case_audit.agencies[0]
        case = case_audits.add_case(case_audit, "MACA-B-01", "5-10", [p.agency_id for p in case_audit.agencies],
                                    None)
        case_token = case_audits.issue_invitation(participant, None)
        ids = {"round_id": round_.id, "submission_id": police.id, "standard_id": "training", "action_id": action.id,
               "case_audit_id": case_audit.id, "case_id": case.id, "participant_id": participant.id,
               "health_id": health.id}
        sample_args(round_id=round_.id, submission_id=police.id, standard_id="training", action_id=action.id,
                    case_audit_id=case_audit.id, case_id=case.id)
        db.session.remove()
    return {"app": app, "police": police_token, "health": health_token, "case": case_token, **ids}


def tab_to(page, selector, limit=250):
    """Press Tab until the element matching ``selector`` has focus; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        assert now["visibleFocus"], f"{page.url}: no visible focus on {now}"
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return
    raise AssertionError(f"{page.url}: could not reach {selector} with Tab")


def test_an_agency_lead_completes_a_section_11_self_assessment_by_keyboard_alone(page, assurance):
    page.goto(f"/agency/start/{assurance['police']}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Section 11 browser")
    assert_accessible(page)
    sid = assurance["submission_id"]
    for index, standard in enumerate(STANDARDS):
        tab_to(page, f"a[href$='/standards/{standard}']")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        if index == 0:
            # Saved with nothing chosen: the errors are accessible too.
            tab_to(page, "main button.govuk-button")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            expect(page.locator(".govuk-error-summary")).to_contain_text("Select a rating")
            assert_accessible(page)
        tab_to(page, "input[name=rating]")  # the first rating of the group: red
        page.keyboard.press("ArrowDown")  # amber
        page.keyboard.press("ArrowDown")  # green
        tab_to(page, "#evidence")
        page.keyboard.type(f"Evidence for {standard}, typed by keyboard.")
        if index == 0:
            assert_accessible(page)
        tab_to(page, "main button.govuk-button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    expect(page.locator(".govuk-task-list")).to_contain_text("Completed")
    tab_to(page, f"a[href$='/self-assessment/{sid}/actions/new']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)
    page.goto(f"/agency/self-assessment/{sid}")
    tab_to(page, f"a[href$='/self-assessment/{sid}/submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_accessible(page)
    tab_to(page, "main form button.govuk-button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Self-assessment submitted")
    assert_accessible(page)
    with assurance["app"].app_context():
        submission = q.get_submission(sid)
        assert submission.status.value == "submitted"
        assert {a.self_rating for a in submission.answers} == {"green"}
        db.session.remove()


def test_a_panel_member_challenges_one_standard(page, assurance):
    if "submitted" not in _status(assurance):
        test_an_agency_lead_completes_a_section_11_self_assessment_by_keyboard_alone(page, assurance)
        page.context.clear_cookies()
    sign_in(page, staff_user(assurance["app"], "qpp"))
    page.goto(f"/staff/assurance/submissions/{assurance['submission_id']}")
    assert_accessible(page)
    with page.expect_navigation():
        page.locator("a[href$='/standards/training/challenge']").click()
    assert_accessible(page)
    page.get_by_label("Panel comment (optional)").fill("Show this year's figures")
    page.get_by_label("Amber").check()
    page.get_by_label("Ask for more evidence (optional)").fill("Training figures by team")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the panel's review").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Panel review")
    assert_accessible(page)
    page.get_by_label("Partly assured: actions agreed").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Record the outcome").click()
    assert_accessible(page)
    with assurance["app"].app_context():
        answer = q.get_answer(assurance["submission_id"], "training")
        assert (answer.self_rating, answer.agreed_rating, answer.unlocked) == ("green", "amber", True)
        db.session.remove()


def _status(assurance):
    with assurance["app"].app_context():
        status = q.get_submission(assurance["submission_id"]).status.value
        db.session.remove()
    return status


def test_every_agency_page_and_the_case_audit_form(page, assurance):
    page.goto(f"/agency/start/{assurance['health']}")
    assert_accessible(page)
    hid = assurance["health_id"]
    for url in (f"/agency/self-assessment/{hid}/standards/training", f"/agency/self-assessment/{hid}/submit",
                f"/agency/self-assessment/{hid}/actions/{assurance['action_id']}",
                f"/agency/self-assessment/{hid}/actions/new"):
        page.goto(url)
        assert_accessible(page)
    page.goto(f"/agency/self-assessment/{hid}/actions/new")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the action").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.goto("/agency/start/not-a-real-token")
    assert_accessible(page)
    page.goto(f"/agency/start/{assurance['case']}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Case MACA-B-01").click()
    assert_accessible(page)
    page.get_by_label("Your answer: The child's voice").fill("Jayden said he was scared at home")
    with page.expect_navigation():
        page.get_by_role("button", name="Send for moderation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("may name a child")
    assert_accessible(page)


def test_a_standard_is_saved_without_javascript(page_without_js, assurance):
    page = page_without_js
    page.goto(f"/agency/start/{assurance['health']}")
    with page.expect_navigation():
        page.locator("a[href$='/standards/leadership']").click()
    page.get_by_label("Amber").check()
    page.get_by_label("Evidence").fill("Saved with JavaScript off.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and return").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Saved")
    assert_accessible(page)
    with assurance["app"].app_context():
        answer = q.get_answer(assurance["health_id"], "leadership")
        assert (answer.self_rating, answer.evidence) == ("amber", "Saved with JavaScript off.")
        db.session.remove()
