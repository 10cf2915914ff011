"""Password-reset links: built from BASE_URL alone, never the request's host, and only the newest works."""

import pytest
from sqlalchemy import select

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from feedback_app.models import PasswordResetToken
from feedback_app.services import accounts
from tests.conftest import IsolatedClient, path_of

BASE = "https://feedback.partnership.example"


@pytest.fixture
def proxied_client(app, smtp_server):
    """A client of an app behind one reverse proxy (PROXY_COUNT=1), mailing to the test SMTP server."""
    proxied = create_app(type("Proxied", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "PROXY_COUNT": 1, "BASE_URL": BASE,
        "MAIL_SERVER": app.config["MAIL_SERVER"], "MAIL_PORT": app.config["MAIL_PORT"]}))
    proxied.test_client_class = IsolatedClient
    yield proxied.test_client()
    with proxied.app_context():
        db.engine.dispose()


def _csrf(client, url, **kwargs):
    html = client.get(url, **kwargs).get_data(as_text=True)
    return html.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]


def _links(smtp_server):
    from tests.conftest import wait_for_jobs

    wait_for_jobs()
    return [line.strip() for message in smtp_server.messages
            for line in message.get_content().splitlines() if "/staff/reset-password/" in line]


@pytest.mark.parametrize("headers", [
    {"Host": "evil.example"},
    {"X-Forwarded-Host": "evil.example"},
    {"Host": "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http"},
], ids=["host", "x-forwarded-host", "both"])
def test_reset_link_is_built_from_base_url_whatever_host_the_request_claims(
        proxied_client, create_user, smtp_server, headers):
    user = create_user("admin")
    token = _csrf(proxied_client, "/staff/reset-password", headers=headers)
    response = proxied_client.post("/staff/reset-password", data={"csrf_token": token, "email": user.email},
                                   headers=headers)
    assert response.status_code == 200
    [link] = _links(smtp_server)
    assert link.startswith(BASE + "/staff/reset-password/"), link
    assert "evil" not in link


def test_a_new_reset_link_voids_the_older_ones(client_request, create_user):
    user = create_user("dsl")
    _, first = accounts.start_password_reset(user.email)
    _, second = accounts.start_password_reset(user.email)
    client_request.get(f"/staff/reset-password/{first}", _expected_status=410)
    client_request.get(f"/staff/reset-password/{second}")


def test_using_a_reset_link_voids_every_other_link_still_out(create_user):
    user = create_user("dsl")
    _, first = accounts.start_password_reset(user.email)
    # A second link made before the rule (or by a race): both unused.
    second = "second-token-made-by-a-race"
    record = PasswordResetToken(user_id=user.id, token_hash=accounts._hash_token(second),
                                expires_at=db.session.scalar(select(PasswordResetToken.expires_at)))
    db.session.add(record)
    db.session.commit()
    accounts.finish_password_reset(second, "a brand new long password")
    assert accounts.check_reset_token(first) is None
    with pytest.raises(accounts.AccountError):
        accounts.finish_password_reset(first, "the attacker's long password")


def test_links_shown_to_staff_use_base_url(app, client_request, sign_in):
    app.config["BASE_URL"] = BASE
    sign_in("admin")
    response = client_request.submit("/staff/users/new", {"email": "new@partnership.example", "roles": ["viewer"]})
    page = client_request.get(path_of(response.location))
    assert BASE + "/staff/reset-password/" in page.text
