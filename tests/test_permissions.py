"""Every route either says it is public or checks the signed-in user's roles."""

import pytest
from werkzeug.routing import IntegerConverter

from feedback_app.auth.permissions import ANY_STAFF

PUBLIC_PREFIXES = ("respond.", "main.", "auth.sign_in", "auth.reset_request", "auth.reset_password",
                   "training_respond.", "agency.")


def test_every_route_is_public_or_checks_a_role(app):
    unchecked = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "public", False):
            assert rule.endpoint.startswith(PUBLIC_PREFIXES), f"{rule.endpoint} is public but is a staff route"
            continue
        if not getattr(view, "required_roles", None):
            unchecked.append(rule.endpoint)
    assert unchecked == [], f"routes without a role check: {unchecked}"


def test_staff_routes_exist(app):
    staff = [rule.endpoint for rule in app.url_map.iter_rules()
             if getattr(app.view_functions[rule.endpoint], "required_roles", None)]
    assert "staff.users" in staff
    assert set(app.view_functions["staff.dashboard"].required_roles) == set(ANY_STAFF)


# -- audit planning and reports (issue 7): who may use each route ------------------------------------
PLANNERS = {"admin", "analyst"}
BOARD = {"admin", "analyst", "viewer"}
AUDIT_AND_REPORT_ROLES = {
    "audits.index": PLANNERS, "audits.new": PLANNERS, "audits.proposal": PLANNERS, "audits.change_status": PLANNERS,
    "audits.edit": PLANNERS, "audits.evidence": PLANNERS, "audits.complete": PLANNERS,
    "reports.index": BOARD, "reports.published": BOARD, "reports.published_csv": BOARD,
    "reports.withdraw": PLANNERS, "reports.theme_summary": PLANNERS, "reports.theme_summary_csv": PLANNERS,
    "reports.programme": PLANNERS, "reports.programme_csv": PLANNERS, "reports.publish": PLANNERS,
    "reports.scorecard": PLANNERS, "reports.scorecard_csv": PLANNERS, "reports.indicators": PLANNERS,
    "reports.remove_indicator": PLANNERS,
}


def test_audit_and_report_routes_check_the_right_roles(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()
                 if rule.endpoint.startswith(("audits.", "reports."))}
    assert endpoints == set(AUDIT_AND_REPORT_ROLES)
    for endpoint, roles in AUDIT_AND_REPORT_ROLES.items():
        assert set(app.view_functions[endpoint].required_roles) == roles, endpoint


@pytest.mark.parametrize("role", ANY_STAFF)
def test_audit_and_report_pages_by_role(client, sign_in, role):
    sign_in(role)
    for url, endpoint in [("/staff/audits/", "audits.index"), ("/staff/audits/new", "audits.new"),
                          ("/staff/reports/", "reports.index"), ("/staff/reports/programme", "reports.programme"),
                          ("/staff/reports/programme.csv", "reports.programme_csv")]:
        expected = 200 if role in AUDIT_AND_REPORT_ROLES[endpoint] else 403
        assert client.get(url).status_code == expected, (role, url)


# -- theme runs and review (issue 7): analysts and admins only ----------------------------------------
THEME_ROLES = {"admin", "analyst"}


def test_theme_routes_are_for_analysts_and_admins_only(app):
    endpoints = [rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("themes.")]
    assert len(endpoints) >= 19
    for endpoint in endpoints:
        assert set(app.view_functions[endpoint].required_roles) == THEME_ROLES, endpoint


@pytest.mark.parametrize("role", ANY_STAFF)
def test_theme_pages_by_role(client, sign_in, role):
    sign_in(role)
    for url in ("/staff/themes", "/staff/themes/new"):
        assert client.get(url).status_code == (200 if role in THEME_ROLES else 403), (role, url)


# -- training (issue 5): trainers and admins; a trainer sees only their own courses ---------------------
TRAINING_ROLES = {"admin", "trainer"}
TRAINING_ENDPOINTS = {
    "training.index", "training.new_course", "training.course", "training.edit_course", "training.new_session",
    "training.session", "training.attendance", "training.qr_code", "training.session_report",
    "training.course_report", "training.year_report",
}


def test_training_routes_are_for_trainers_and_admins_only(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("training.")}
    assert endpoints == TRAINING_ENDPOINTS
    for endpoint in endpoints:
        assert set(app.view_functions[endpoint].required_roles) == TRAINING_ROLES, endpoint
    attendee = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("training_respond.")}
    assert attendee == {"training_respond.start", "training_respond.reminder", "training_respond.reminder_set"}
    assert all(app.view_functions[endpoint].public for endpoint in attendee)


@pytest.mark.parametrize("role", ANY_STAFF)
def test_training_pages_by_role(client, sign_in, role):
    # Object-level checks (another trainer's course is "not found") are in tests/feedback_app/views/test_training.py.
    sign_in(role)
    for url in ("/staff/training", "/staff/training/courses/new"):
        assert client.get(url).status_code == (200 if role in TRAINING_ROLES else 403), (role, url)


# -- safeguarding (issue 18): alerts and their words for the DSL alone; admins see counts and ages -------
SAFEGUARDING_ROLES = {"safeguarding.queue": {"dsl"}, "safeguarding.alert": {"dsl"},
                      "safeguarding.overview": {"admin"}}


def test_safeguarding_routes_check_the_right_roles(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("safeguarding.")}
    assert endpoints == set(SAFEGUARDING_ROLES)
    for endpoint, roles in SAFEGUARDING_ROLES.items():
        assert set(app.view_functions[endpoint].required_roles) == roles, endpoint


@pytest.mark.parametrize("role", ANY_STAFF)
def test_safeguarding_pages_by_role(client, sign_in, role):
    sign_in(role)
    for url, endpoint in [("/staff/safeguarding/", "safeguarding.queue"),
                          ("/staff/safeguarding/overview", "safeguarding.overview")]:
        expected = 200 if role in SAFEGUARDING_ROLES[endpoint] else 403
        assert client.get(url).status_code == expected, (role, url)


# -- assurance (issue 22): the business unit plans, the panel (qpp) challenges; agency pages are by link ------
ASSURANCE_PLANNERS = {"admin", "analyst"}
ASSURANCE_READERS = {"admin", "analyst", "qpp"}
PANEL = {"admin", "qpp"}
ASSURANCE_ROLES = {
    "assurance.index": ASSURANCE_READERS, "assurance.new_round": ASSURANCE_PLANNERS,
    "assurance.round_page": ASSURANCE_READERS, "assurance.invite": ASSURANCE_PLANNERS,
    "assurance.reopen": ASSURANCE_PLANNERS, "assurance.actions": ASSURANCE_READERS,
    "assurance.action": ASSURANCE_PLANNERS, "assurance.priorities": ASSURANCE_PLANNERS,
    "assurance.round_summary": ASSURANCE_READERS, "assurance.round_summary_csv": ASSURANCE_READERS,
    "assurance.agency_report": ASSURANCE_READERS, "assurance.submission": ASSURANCE_READERS,
    "assurance.outcome": PANEL, "assurance.challenge_standard": PANEL,
    "assurance.new_case_audit": ASSURANCE_PLANNERS, "assurance.case_audit": ASSURANCE_READERS,
    "assurance.case_invite": ASSURANCE_PLANNERS, "assurance.moderate_case": ASSURANCE_READERS,
    "assurance.raise_concern": ASSURANCE_READERS,
    "assurance.add_agency": ASSURANCE_PLANNERS, "assurance.close_round": ASSURANCE_PLANNERS,
    "assurance.withdraw_invitation": ASSURANCE_PLANNERS,
}


def test_assurance_routes_check_the_right_roles(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("assurance.")}
    assert endpoints == set(ASSURANCE_ROLES)
    for endpoint, roles in ASSURANCE_ROLES.items():
        assert set(app.view_functions[endpoint].required_roles) == roles, endpoint
    agency = {rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("agency.")}
    assert agency and all(app.view_functions[endpoint].public for endpoint in agency)


@pytest.mark.parametrize("role", ANY_STAFF)
def test_assurance_pages_by_role(client, sign_in, role):
    sign_in(role)
    for url, endpoint in [("/staff/assurance/", "assurance.index"),
                          ("/staff/assurance/rounds/new", "assurance.new_round"),
                          ("/staff/assurance/case-audits/new", "assurance.new_case_audit")]:
        expected = 200 if role in ASSURANCE_ROLES[endpoint] else 403
        assert client.get(url).status_code == expected, (role, url)


# -- Board members (viewers): published reports only, nothing live (issue 19) ------------------------
VIEWER_ROUTES = {
    "staff.dashboard": "the staff home page, which lists what the signed-in person may open",
    "auth.sign_out": "signing out",
    "reports.index": "the list of published reports",
    "reports.published": "one published report version (a snapshot, not live figures)",
    "reports.published_csv": "the same published snapshot as CSV",
}


def _sample_url(adapter, rule):
    values = {arg: 1 if isinstance(rule._converters.get(arg), IntegerConverter) else "x"  # noqa: SLF001
              for arg in rule.arguments}
    return adapter.build(rule.endpoint, values)


def test_viewers_reach_only_published_reports(app, client, sign_in):
    """Walk the URL map: every staff route but the few above refuses a viewer, whatever its arguments.

    A route's role check runs before it looks anything up, so made-up arguments are enough: a viewer who
    gets anything but 403 from a results, export, theme, scorecard or report page could read live figures.
    """
    staff = [rule for rule in app.url_map.iter_rules()
             if getattr(app.view_functions[rule.endpoint], "required_roles", None)]
    allowed = {rule.endpoint for rule in staff if "viewer" in app.view_functions[rule.endpoint].required_roles}
    assert allowed == set(VIEWER_ROUTES)
    live = [rule for rule in staff if rule.endpoint.startswith(("results.", "themes.", "reports."))
            or rule.rule.endswith((".csv", ".xlsx"))]
    assert {r.endpoint for r in live} >= {"results.survey", "results.report", "results.export_csv",
                                          "results.export_xlsx", "results.summary_csv", "results.text",
                                          "reports.scorecard", "reports.theme_summary"}
    sign_in("viewer")
    adapter = app.url_map.bind("localhost")
    reached = []
    for rule in staff:
        if rule.endpoint in VIEWER_ROUTES or "GET" not in rule.methods:
            continue
        url = _sample_url(adapter, rule)
        status = client.get(url).status_code
        if status != 403:
            reached.append((rule.endpoint, url, status))
    assert reached == [], f"viewers were not refused: {reached}"
