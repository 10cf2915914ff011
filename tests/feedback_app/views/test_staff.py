"""User administration and the audit log, by role."""

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, User
from tests.conftest import path_of

ADMIN_ONLY = ["/staff/users", "/staff/users/new", "/staff/audit-log"]


@pytest.mark.parametrize("role", ["analyst", "trainer", "dsl", "viewer"])
@pytest.mark.parametrize("url", ADMIN_ONLY)
def test_only_admins_manage_users_and_read_the_audit_log(client_request, sign_in, role, url):
    sign_in(role)
    page = client_request.get(url, _expected_status=403)
    assert page.select_one("h1").text.strip() == "You do not have permission to see this page"


@pytest.mark.parametrize("url", ADMIN_ONLY)
def test_admin_can_use_admin_pages(client_request, sign_in, url):
    sign_in("admin")
    client_request.get(url)


@pytest.mark.parametrize("role", ["admin", "analyst", "trainer", "dsl", "viewer"])
def test_every_role_has_a_home_page(client_request, sign_in, role):
    sign_in(role)
    page = client_request.get("/staff/")
    assert page.select_one("h1").text.strip() == "Staff home"
    menu = [a.text.strip() for a in page.select(".govuk-service-navigation__link")]
    assert ("Users" in menu) == (role == "admin")


def test_admin_adds_a_user_and_changes_roles_with_an_audit_trail(client_request, sign_in):
    admin = sign_in("admin")
    response = client_request.submit("/staff/users/new", {"email": "new.analyst@x.org", "roles": ["analyst"]})
    assert path_of(response.location) == "/staff/users"
    page = client_request.get("/staff/users")
    assert "/staff/reset-password/" in page.select_one(".govuk-notification-banner").text
    user = db.session.scalar(select(User).where(User.email == "new.analyst@x.org"))
    assert user.roles == {"analyst"}

    client_request.submit(f"/staff/users/{user.id}", {"roles": ["analyst", "dsl"]})
    db.session.expire_all()
    assert db.session.get(User, user.id).roles == {"analyst", "dsl"}
    events = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    changed = [e for e in events if e.action == "user.roles_changed"][0]
    assert changed.actor_id == admin.id
    assert changed.target == "new.analyst@x.org"
    assert changed.detail == {"from": ["analyst"], "to": ["analyst", "dsl"]}
    assert "user.created" in {e.action for e in events}

    log = client_request.get("/staff/audit-log?action=user.roles_changed")
    rows = log.select("tbody tr")
    assert len(rows) == 1
    assert "new.analyst@x.org" in rows[0].text


def test_adding_a_user_with_no_role_or_a_bad_email(client_request, sign_in):
    sign_in("admin")
    page = client_request.submit("/staff/users/new", {"email": "not-an-email"}, _expected_status=422)
    messages = [a.text.strip() for a in page.select(".govuk-error-summary__list a")]
    assert "Enter an email address in the correct format, like name@example.org" in messages
    assert "Select at least one role" in messages
    assert page.select_one("#email")["value"] == "not-an-email"


def test_tampered_role_is_refused(client_request, sign_in):
    sign_in("admin")
    client_request.submit("/staff/users/new", {"email": "x@x.org", "roles": ["superuser"]}, _expected_status=422)
    assert db.session.scalar(select(User).where(User.email == "x@x.org")) is None


def test_admin_cannot_remove_their_own_admin_role(client_request, sign_in):
    admin = sign_in("admin")
    page = client_request.submit(f"/staff/users/{admin.id}", {"roles": ["viewer"]}, _expected_status=422)
    assert "You cannot remove your own admin role" in page.text


def test_disable_and_enable_a_user(client_request, sign_in, create_user):
    sign_in("admin")
    other = create_user("viewer")
    client_request.submit(f"/staff/users/{other.id}/active", {}, _form_url=f"/staff/users/{other.id}")
    db.session.expire_all()
    assert db.session.get(User, other.id).active is False
    actions = [e.action for e in db.session.scalars(select(AuditEvent))]
    assert "user.disabled" in actions
