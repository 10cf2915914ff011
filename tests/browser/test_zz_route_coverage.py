"""Every route of the service checked in the browser: the staff pages walked once per role, then
a meta-test that fails on any HTML page the browser suite never checked with axe-core.

This module runs last among the browser tests (its name sorts last), so the walker can use the
data and route arguments (``conftest.sample_args``) the other modules made.
"""

import pytest
from flask import url_for
from werkzeug.routing import BuildError

from feedback_app.auth.permissions import ANY_STAFF
from feedback_app.extensions import db
from tests.browser.conftest import CHECKED, SAMPLE_ARGS, assert_accessible
from tests.browser.test_respondent_pages import fill_valid
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser

BUILT_IN_ARGS = {"slug": "all-types", "user_id": 1, "alert_id": 1, "code": "youth_forum", "page_id": "intro"}
# Routes that never answer with an HTML page, by the end of their rule...
NOT_HTML = (".svg", ".csv", ".xlsx", ".json", ".txt", ".pdf", ".png")
# ...and by name, with the reason.
EXCLUDED = {
    "static": "CSS, JavaScript and images",
    "main.healthz": "plain-text health check for load balancers",
    "main.exit_this_page": "only redirects to a neutral website",
    "respond.next_page": "only redirects to the next unanswered page",
    "main.short_link": "only redirects a poster's short link to the survey's start page",
    "builder.export": "a YAML file to download, not a page",
    "agency.start": "only redirects an invitation link to the agency's pages (its 'link does not work' page is "
                    "checked in test_assurance_pages.py)",
}
WALKED = []  # (endpoint, role, status) for every page the walker opened


def _html_get_rules(app):
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in EXCLUDED or rule.rule.endswith(NOT_HTML):
            continue
        yield rule


def _staff_rules(app):
    for rule in _html_get_rules(app):
        roles = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if roles:
            yield rule, roles


def _discovered_args(app):
    """Ids of training courses and sessions other modules made (their tests offer none)."""
    from feedback_app.queries import training as training_queries

    found = {}
    with app.app_context():
        years = training_queries.session_years()
        if years:
            session = training_queries.sessions_in_year(years[0])[0]
            found.update(year=years[0], session_id=session.id, course_id=session.course_id)
        db.session.remove()
    return found


@pytest.fixture(scope="module")
def disclosure(live_server, browser):
    """A sent response with a possible disclosure, so the safeguarding queue has an alert to show."""
    context = browser.new_context(base_url=live_server["url"], java_script_enabled=False)
    page = context.new_page()
    page.goto("/s/all-types")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    while "/q/" in page.url:
        fill_valid(page, page.url)
        if page.url.endswith("/better"):
            page.get_by_label("What should the partnership do better?").fill("my dad hits me when he is drunk")
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Send answers").click()
    context.close()


@pytest.mark.parametrize("role", ANY_STAFF)
def test_every_staff_page_for_each_role(browser, live_server, disclosure, role):
    """Each role sees the pages it may with no axe violations, and is refused the others."""
    app = live_server["app"]
    email = staff_user(app, role)
    context = browser.new_context(base_url=live_server["url"])
    page = context.new_page()
    try:
        sign_in(page, email)
        args = {**BUILT_IN_ARGS, **_discovered_args(app), **SAMPLE_ARGS}
        for rule, allowed in _staff_rules(app):
            with app.test_request_context():
                try:
                    url = url_for(rule.endpoint, **{name: args[name] for name in rule.arguments})
                except (KeyError, BuildError):
                    continue  # reported by the meta-test below unless another module checked it
            response = page.goto(url)
            WALKED.append((rule.endpoint, role, response.status))
            if role in allowed:
                assert response.status in (200, 404), (role, url, response.status)
            else:
                assert response.status == 403, (role, url, response.status)
            assert_accessible(page, role=role)
    finally:
        context.close()


def coverage_problems(app, checked):
    """Routes never checked, and staff routes some role never saw (or was wrongly shown)."""
    problems = []
    seen = {}
    for record in checked:
        seen.setdefault(record["endpoint"], []).append(record)
    for rule in _html_get_rules(app):
        records = seen.get(rule.endpoint, [])
        if not any(r["status"] == 200 for r in records):
            problems.append(f"{rule.endpoint} ({rule.rule}): never checked with axe-core")
            continue
        allowed = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if not allowed:
            continue
        for role in ANY_STAFF:
            statuses = {r["status"] for r in records if role in r["roles"]}
            if not statuses:
                problems.append(f"{rule.endpoint} ({rule.rule}): never visited as {role}")
            elif role not in allowed and statuses != {403}:
                problems.append(f"{rule.endpoint}: {role} may not see it but got {sorted(statuses)}")
    return problems


def test_every_route_is_checked_in_the_browser(live_server):
    problems = coverage_problems(live_server["app"], CHECKED)
    assert problems == [], (
        "Pages the browser suite does not check. Visit each in a browser test and call "
        "assert_accessible(page), signed in as each role that may see it (the walker above does "
        "this for you when it can build the URL: offer route arguments with "
        "tests.browser.conftest.sample_args(name=value)), or, for a route that never answers with "
        "an HTML page, add it to EXCLUDED with the reason:\n" + "\n".join(problems)
    )


def test_the_coverage_check_catches_a_missing_page_and_a_missing_role(live_server):
    app = live_server["app"]
    everything = [{"endpoint": rule.endpoint, "status": 200 if role in allowed else 403, "roles": {role}}
                  for rule, allowed in _staff_rules(app) for role in ANY_STAFF]
    everything += [{"endpoint": rule.endpoint, "status": 200, "roles": set()} for rule in _html_get_rules(app)]
    assert coverage_problems(app, everything) == []
    without_accessibility = [r for r in everything if r["endpoint"] != "main.accessibility"]
    assert coverage_problems(app, without_accessibility) == [
        "main.accessibility (/accessibility): never checked with axe-core"]
    no_viewer = [r for r in everything if not (r["endpoint"] == "staff.dashboard" and "viewer" in r["roles"])]
    assert coverage_problems(app, no_viewer) == ["staff.dashboard (/staff/): never visited as viewer"]
    shown = [r if not (r["endpoint"] == "staff.audit_log" and "viewer" in r["roles"]) else {**r, "status": 200}
             for r in everything]
    assert coverage_problems(app, shown) == ["staff.audit_log: viewer may not see it but got [200]"]
