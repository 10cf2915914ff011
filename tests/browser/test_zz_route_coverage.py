"""Every staff page walked in the browser once per role; the check that fails the run on any HTML page
the browser suite never checked is ``tests/browser/route_coverage.py`` (run by the main process once
every worker has finished), tested here.

This module runs last among the browser tests of its worker (its name sorts last), so the walker can
use the data and route arguments (``conftest.sample_args``) the modules run before it made.
"""

import pytest
from bs4 import BeautifulSoup
from flask import url_for
from werkzeug.routing import BuildError

from feedback_app.auth.permissions import ANY_STAFF
from feedback_app.extensions import db
from tests.browser.conftest import SAMPLE_ARGS, assert_accessible, new_context, record_checked
from tests.browser.route_coverage import coverage_problems, html_get_rules, staff_rules
from tests.browser.test_respondent_pages import fill_valid
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser

BUILT_IN_ARGS = {"slug": "all-types", "user_id": 1, "alert_id": 1, "code": "youth_forum", "page_id": "intro"}
WALKED = []  # (endpoint, role, status) for every page the walker opened


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
    context = new_context(browser, live_server, java_script_enabled=False)
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
    context = new_context(browser, live_server)
    page = context.new_page()
    refusal_checked, refusal_heading = False, None
    try:
        sign_in(page, email)
        args = {**BUILT_IN_ARGS, **_discovered_args(app), **SAMPLE_ARGS}
        for rule, allowed in staff_rules(app):
            with app.test_request_context():
                try:
                    url = url_for(rule.endpoint, **{name: args[name] for name in rule.arguments})
                except (KeyError, BuildError):
                    continue  # reported by the meta-test below unless another module checked it
            if role not in allowed and refusal_checked:
                # Every refusal is the same error page (views/errors.py), which axe checked for this role the
                # first time: the rest are fetched in the same signed-in session without drawing them.
                response = page.request.get(url, max_redirects=0)
                WALKED.append((rule.endpoint, role, response.status))
                assert response.status == 403, (role, url, response.status)
                heading = BeautifulSoup(response.text(), "html.parser").select_one("h1").get_text(strip=True)
                assert heading == refusal_heading, (role, url)
                record_checked(page, status=403, role=role, url=url)
                continue
            response = page.goto(url)
            WALKED.append((rule.endpoint, role, response.status))
            if role in allowed:
                assert response.status in (200, 404), (role, url, response.status)
                assert_accessible(page, role=role)
                continue
            assert response.status == 403, (role, url, response.status)
            assert_accessible(page, role=role)
            refusal_heading, refusal_checked = page.locator("h1").inner_text(), True
    finally:
        context.close()


def test_the_coverage_check_catches_a_missing_page_and_a_missing_role(live_server):
    app = live_server["app"]
    everything = [{"endpoint": rule.endpoint, "status": 200 if role in allowed else 403, "roles": {role}}
                  for rule, allowed in staff_rules(app) for role in ANY_STAFF]
    everything += [{"endpoint": rule.endpoint, "status": 200, "roles": set()} for rule in html_get_rules(app)]
    assert coverage_problems(app, everything) == []
    without_accessibility = [r for r in everything if r["endpoint"] != "main.accessibility"]
    assert coverage_problems(app, without_accessibility) == [
        "main.accessibility (/accessibility): never checked with axe-core"]
    no_viewer = [r for r in everything if not (r["endpoint"] == "staff.dashboard" and "viewer" in r["roles"])]
    assert coverage_problems(app, no_viewer) == ["staff.dashboard (/staff/): never visited as viewer"]
    shown = [r if not (r["endpoint"] == "staff.audit_log" and "viewer" in r["roles"]) else {**r, "status": 200}
             for r in everything]
    assert coverage_problems(app, shown) == ["staff.audit_log: viewer may not see it but got [200]"]
