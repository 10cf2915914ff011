"""Every staff page, signed in, in Chromium with axe-core: zero violations."""

import pytest
from werkzeug.routing import BuildError

from feedback_app.services import accounts
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"
SAMPLE_ARGS = {"slug": "all-types", "user_id": 1, "alert_id": 1, "code": "youth_forum", "page_id": "intro"}
NOT_HTML = (".svg", ".csv", ".xlsx", ".json")


def _staff_get_routes(app):
    routes = []
    for rule in app.url_map.iter_rules():
        view = app.view_functions[rule.endpoint]
        if getattr(view, "required_roles", None) and "GET" in rule.methods:
            routes.append(rule)
    return routes


@pytest.fixture(scope="module")
def staff_data(live_server, browser):
    app = live_server["app"]
    with app.app_context():
        if accounts.user_queries.get_user_by_email("admin@browser.test") is None:
            accounts.create_user("admin@browser.test", PASSWORD, ["admin", "dsl"])
    # A disclosure, so the safeguarding queue has an alert to show.
    context = browser.new_context(base_url=live_server["url"], java_script_enabled=False)
    page = context.new_page()
    page.goto("/s/all-types")
    page.get_by_role("button", name="Start now").click()
    from tests.browser.test_respondent_pages import fill_valid
    while "/q/" in page.url:
        fill_valid(page, page.url)
        if page.url.endswith("/better"):
            page.get_by_label("What should the partnership do better?").fill("my dad hits me when he is drunk")
        page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Send answers").click()
    context.close()
    return app


def test_every_staff_page_has_no_axe_violations(page, staff_data):
    app = staff_data
    page.goto("/staff/sign-in")
    assert_accessible(page)
    page.get_by_label("Email address").fill("admin@browser.test")
    page.locator("#password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    visited, skipped = [], []
    for rule in _staff_get_routes(app):
        with app.test_request_context():
            from flask import url_for
            try:
                url = url_for(rule.endpoint, **{arg: SAMPLE_ARGS[arg] for arg in rule.arguments})
            except (KeyError, BuildError):
                skipped.append(rule.endpoint)
                continue
        if url.endswith(NOT_HTML):
            continue
        response = page.goto(url)
        assert response.status == 200, (url, response.status)
        assert_accessible(page)
        visited.append(rule.endpoint)
    assert skipped == [], f"staff routes the browser suite cannot visit: {skipped}"
    assert "safeguarding.alert" in visited and "staff.audit_log" in visited
