"""Staff pages before and around signing in, in Chromium with axe-core: zero violations.

Every staff page for every role is visited by the walker in test_zz_route_coverage.py.
"""

import pytest

from feedback_app.services import accounts
from tests.browser.conftest import assert_accessible
from tests.conftest import wait_for_jobs

pytestmark = pytest.mark.browser
PASSWORD = "browser test password"


def staff_user(app, role):
    """A browser-test account holding only ``role``: ``role@browser.test``."""
    email = f"{role}@browser.test"
    with app.app_context():
        if accounts.user_queries.get_user_by_email(email) is None:
            accounts.create_user(email, PASSWORD, [role])
    return email


def sign_in(page, email, password=PASSWORD):
    page.goto("/staff/sign-in")
    page.get_by_label("Email address").fill(email)
    page.locator("#password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def test_sign_in_pages_and_their_errors(page, live_server):
    email = staff_user(live_server["app"], "analyst")
    page.goto("/staff/sign-in")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.title().startswith("Error:")
    assert_accessible(page)  # the error state
    # Focus moves to the error summary, whose links lead to the fields.
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
    sign_in(page, email, "not the password at all")
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    sign_in(page, email)
    assert page.url.endswith("/staff/")
    assert_accessible(page)


def test_password_reset_pages(page, live_server):
    app = live_server["app"]
    email = staff_user(app, "viewer")
    page.goto("/staff/reset-password")
    assert_accessible(page)
    page.get_by_label("Email address").fill(email)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the link").click()
    assert_accessible(page)
    wait_for_jobs()  # the emailed link is made in the background; a newer link voids it
    with app.app_context():
        _user, token = accounts.start_password_reset(email)
    page.goto(f"/staff/reset-password/{token}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save password").click()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.goto("/staff/reset-password/not-a-real-token")
    assert_accessible(page)


def test_error_pages(page, live_server):
    email = staff_user(live_server["app"], "viewer")
    page.goto("/no-such-page")
    assert_accessible(page)
    sign_in(page, email)
    response = page.goto("/staff/users")
    assert response.status == 403
    assert_accessible(page)
