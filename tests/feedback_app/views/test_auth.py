"""Sign-in with lockout, idle expiry, sign-out and password reset by a one-time link."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, PasswordResetToken, User
from feedback_app.services import accounts
from tests.conftest import PASSWORD, path_of, wait_for_jobs


def _events(action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_staff_pages_send_anonymous_people_to_sign_in(client):
    response = client.get("/staff/users")
    assert response.status_code == 302
    assert path_of(response.location) == "/staff/sign-in"


def test_sign_in_and_out(client_request, create_user):
    user = create_user("analyst")
    response = client_request.submit("/staff/sign-in", {"email": user.email.upper(), "password": PASSWORD})
    assert path_of(response.location) == "/staff/"
    page = client_request.get("/staff/")
    assert "Signed in as analyst@partnership.example" in page.text
    assert len(_events("user.signed_in")) == 1
    stored = db.session.get(User, user.id)
    assert stored.password_hash.startswith("$argon2")
    assert PASSWORD not in stored.password_hash

    response = client_request.submit("/staff/sign-out", {}, _form_url="/staff/")
    assert path_of(response.location) == "/staff/sign-in"
    assert client_request.client.get("/staff/").status_code == 302
    assert len(_events("user.signed_out")) == 1


def test_wrong_password_gets_a_clear_message(client_request, create_user):
    user = create_user("viewer")
    page = client_request.submit("/staff/sign-in", {"email": user.email, "password": "wrong"}, _expected_status=401)
    assert page.select_one(".govuk-error-message").text.strip().endswith("Enter a correct email address and password")
    assert page.select_one("#email")["value"] == user.email


def test_unknown_email_gets_the_same_message(client_request):
    page = client_request.submit("/staff/sign-in", {"email": "nobody@x.org", "password": "x"}, _expected_status=401)
    assert "Enter a correct email address and password" in page.select_one(".govuk-error-message").text


def test_empty_sign_in_form(client_request):
    page = client_request.submit("/staff/sign-in", {}, _expected_status=422)
    links = [a.text.strip() for a in page.select(".govuk-error-summary__list a")]
    assert links == ["Enter your email address", "Enter your password"]


def test_repeated_failures_never_lock_the_account(client_request, create_user):
    user = create_user("analyst")
    for _ in range(6):
        client_request.submit("/staff/sign-in", {"email": user.email, "password": "nope"}, _expected_status=401)
    assert _events("user.locked") == []
    client_request.submit("/staff/sign-in", {"email": user.email, "password": PASSWORD})


def test_disabled_account_cannot_sign_in(client_request, create_user):
    user = create_user("analyst")
    accounts.set_active(db.session.get(User, user.id), False, None)
    page = client_request.submit("/staff/sign-in", {"email": user.email, "password": PASSWORD}, _expected_status=401)
    assert "Enter a correct email address and password" in page.select_one(".govuk-error-message").text


def test_disabling_ends_existing_sessions(client_request, sign_in):
    user = sign_in("analyst")
    assert client_request.client.get("/staff/").status_code == 200
    accounts.set_active(db.session.get(User, user.id), False, None)
    assert client_request.client.get("/staff/").status_code == 302


def test_idle_session_expires(client_request, sign_in, app):
    sign_in("analyst")
    with client_request.client.session_transaction() as session:
        session["last_seen"] = session["last_seen"] - app.config["STAFF_IDLE_TIMEOUT"].total_seconds() - 5
    response = client_request.client.get("/staff/")
    assert response.status_code == 302
    page = client_request.get("/staff/sign-in")
    assert "signed out because you had not done anything" in page.text


def test_open_redirect_after_sign_in_is_refused(client_request, create_user):
    user = create_user("analyst")
    response = client_request.client.get("/staff/sign-in?next=https://evil.example/")
    token = response.get_data(as_text=True).split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client_request.client.post("/staff/sign-in?next=https://evil.example/",
                                          data={"csrf_token": token, "email": user.email, "password": PASSWORD})
    assert path_of(response.location) == "/staff/"
    assert "evil" not in response.location


def test_password_reset_by_one_time_link(client_request, create_user, smtp_server):
    user = create_user("dsl")
    page = client_request.submit("/staff/reset-password", {"email": user.email}, _expected_status=200)
    assert page.select_one("h1").text.strip() == "Check your email"
    wait_for_jobs()  # the link is made and sent in the background
    [message] = smtp_server.messages
    assert message["To"] == user.email
    link = next(line for line in message.get_content().splitlines() if "/staff/reset-password/" in line)
    path = path_of(link.strip())
    assert db.session.scalar(select(PasswordResetToken)).token_hash not in path, "only a hash is stored"

    new_password = "a brand new long password"
    response = client_request.submit(path, {"password": new_password, "confirm": new_password})
    assert path_of(response.location) == "/staff/sign-in"
    client_request.submit("/staff/sign-in", {"email": user.email, "password": new_password})
    # The link works once.
    page = client_request.get(path, _expected_status=410)
    assert page.select_one("h1").text.strip() == "This link has expired"


def test_expired_reset_link_gets_a_clear_message(client_request, create_user):
    user = create_user("dsl")
    _, token = accounts.start_password_reset(user.email)
    record = db.session.scalar(select(PasswordResetToken))
    record.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    page = client_request.get(f"/staff/reset-password/{token}", _expected_status=410)
    assert "Password reset links work once, for an hour" in page.text


def test_reset_for_unknown_email_reveals_nothing(client_request, smtp_server):
    page = client_request.submit("/staff/reset-password", {"email": "nobody@x.org"}, _expected_status=200)
    assert page.select_one("h1").text.strip() == "Check your email"
    wait_for_jobs()
    assert smtp_server.messages == []


def test_mismatched_new_passwords(client_request, create_user):
    user = create_user("dsl")
    _, token = accounts.start_password_reset(user.email)
    page = client_request.submit(f"/staff/reset-password/{token}",
                                 {"password": "long enough password", "confirm": "different password!"},
                                 _expected_status=422)
    assert "The passwords do not match" in page.select_one(".govuk-error-summary").text


def test_users_create_command(runner):
    result = runner.invoke(args=["users", "create", "Lead@Example.org", "--role", "dsl", "--role", "analyst",
                                 "--password-stdin"], input="a long enough password\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert user.email == "lead@example.org"
    assert user.roles == {"dsl", "analyst"}
    again = runner.invoke(args=["users", "create", "lead@example.org", "--role", "dsl", "--password-stdin"],
                          input="a long enough password\n")
    assert again.exit_code == 1
    assert "already exists" in again.output
    short = runner.invoke(args=["users", "create", "x@example.org", "--role", "dsl", "--password-stdin"],
                          input="short\n")
    assert "at least 12 characters" in short.output
