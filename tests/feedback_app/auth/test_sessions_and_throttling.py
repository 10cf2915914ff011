"""Sign-out ends the session on the server, staff pages are never cached, and sign-in throttling
cannot be used to lock someone out or to learn which emails have accounts."""

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import OutboxEmail, PasswordResetToken, User
from feedback_app.services import accounts
from tests.conftest import PASSWORD, ClientRequest, path_of


def _attempt(client, email, password, address="192.0.2.10"):
    page = BeautifulSoup(client.get("/staff/sign-in").get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]
    return client.post("/staff/sign-in", data={"csrf_token": token, "email": email, "password": password},
                       environ_base={"REMOTE_ADDR": address})


def test_an_old_session_cookie_no_longer_works_after_sign_out(client_request, sign_in):
    sign_in("dsl")
    client = client_request.client
    copied = client.get_cookie("session").value
    assert client.get("/staff/").status_code == 200
    client_request.submit("/staff/sign-out", {}, _form_url="/staff/")
    client.set_cookie("session", copied)  # the same browser, replaying the cookie it had
    response = client.get("/staff/")
    assert response.status_code == 302 and path_of(response.location) == "/staff/sign-in"


def test_a_static_file_never_rewrites_the_session_cookie(client_request, sign_in):
    # A late stylesheet or icon of the page just left used to set the old session again over the one the next page
    # had just set (a fresh sign-in form's token): the form then failed as "This page timed out".
    sign_in("dsl")
    client = client_request.client
    for url in ("/static/app.js", "/static/favicon.svg", "/static/dist/app.css"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Set-Cookie" not in response.headers, url
    page = client.get("/staff/")
    assert page.status_code == 200
    assert "session=" in page.headers["Set-Cookie"]  # a page seen still slides the idle timeout


@pytest.mark.parametrize("url", ["/staff/", "/staff/users", "/staff/safeguarding/", "/staff/surveys",
                                 "/staff/audit-log", "/staff/sign-in", "/staff/reset-password"])
def test_every_staff_page_is_sent_with_no_store(client_request, sign_in, url):
    if url not in ("/staff/sign-in", "/staff/reset-password"):
        sign_in("admin", "dsl")  # the safeguarding queue is for DSLs alone
    response = client_request.client.get(url)
    assert response.status_code == 200, url
    assert response.headers["Cache-Control"] == "no-store"


def test_a_stranger_cannot_lock_the_real_person_out_of_their_own_browser(app, create_user):
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "sign_in": "1000/100000000",
                                 "sign_in_account": "10/100000000"}
    user = create_user("dsl")
    own = app.test_client()
    assert _attempt(own, user.email, PASSWORD).status_code == 302  # their usual browser
    stranger = app.test_client()
    statuses = [_attempt(stranger, user.email, f"guess {n}", address="203.0.113.9").status_code
                for n in range(15)]
    assert 429 in statuses and 403 not in statuses
    fresh = app.test_client()
    assert _attempt(fresh, user.email, PASSWORD).status_code == 429  # a new browser waits (or resets)
    assert _attempt(own, user.email, PASSWORD).status_code == 302  # their own browser still gets in


def test_guesses_at_one_account_are_throttled_per_account_across_addresses(app, create_user):
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "sign_in_account": "3/100000000"}
    user = create_user("admin")
    statuses = [_attempt(app.test_client(), user.email, "guess", address=f"198.51.100.{n}").status_code
                for n in range(5)]
    assert statuses == [401, 401, 401, 429, 429]
    # The same for an address with no account: the throttle does not reveal which emails exist.
    statuses = [_attempt(app.test_client(), "nobody@x.org", "guess", address=f"198.51.100.{n}").status_code
                for n in range(5)]
    assert statuses == [401, 401, 401, 429, 429]


@pytest.mark.parametrize("state", ["unknown", "wrong password", "disabled", "locked before"])
def test_every_failed_sign_in_gets_one_message_after_one_password_check(client_request, create_user,
                                                                       monkeypatch, state):
    user = create_user("dsl")
    password = "wrong password" if state == "wrong password" else PASSWORD
    email = "nobody@partnership.example" if state == "unknown" else user.email
    stored = db.session.get(User, user.id)
    if state == "disabled":
        stored.active = False
    if state == "locked before":
        stored.locked_until = datetime.now(UTC) + timedelta(minutes=10)
        password = "wrong password"
    db.session.commit()
    checks = []
    real_verify = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify", lambda self, *a: checks.append(1) or real_verify(self, *a))
    page = client_request.submit("/staff/sign-in", {"email": email, "password": password}, _expected_status=401)
    assert page.select_one(".govuk-error-message").text.strip().endswith("Enter a correct email address and password")
    assert len(checks) == 1


def test_reset_requests_do_the_same_work_for_known_and_unknown_emails(client_request, create_user, monkeypatch):
    from feedback_app import jobs

    user = create_user("dsl")
    queued = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: queued.append(args[0]) or "job")
    for email in (user.email, "nobody@partnership.example"):
        page = client_request.submit("/staff/reset-password", {"email": email}, _expected_status=200)
        assert page.select_one("h1").text.strip() == "Check your email"
    # Nothing looked up, written or sent in the request itself: the same background job for both.
    assert queued == ["feedback_app.services.password_reset.send_link"] * 2
    assert db.session.scalar(select(func.count()).select_from(PasswordResetToken)) == 0
    assert db.session.scalar(select(func.count()).select_from(OutboxEmail)) == 0


def test_the_reset_job_sends_a_link_only_to_a_real_account(app, create_user, smtp_server):
    from feedback_app.services import password_reset

    user = create_user("dsl")
    password_reset.send_link(user.email)
    password_reset.send_link("nobody@partnership.example")
    assert [message["To"] for message in smtp_server.messages] == [user.email]


def test_the_browser_that_used_a_reset_link_is_known_to_the_account(app, create_user):
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "sign_in_account": "2/100000000"}
    user = create_user("dsl")
    for _ in range(3):
        _attempt(app.test_client(), user.email, "guess")
    _, token = accounts.start_password_reset(user.email)
    browser = ClientRequest(app.test_client())
    new_password = "a brand new long password"
    browser.submit(f"/staff/reset-password/{token}", {"password": new_password, "confirm": new_password})
    assert _attempt(browser.client, user.email, new_password).status_code == 302
