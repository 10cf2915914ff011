"""SMTP down: emails are kept in the outbox and sent when it is back, never lost silently."""

import email
import email.policy
import socket
from datetime import UTC, datetime, timedelta

import pytest
from aiosmtpd.controller import Controller
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, OutboxEmail
from feedback_app.services import outbox
from tests.conftest import wait_for_jobs


class Keeper:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
        return "250 OK"


@pytest.fixture
def smtp_later(app):
    """A mail server that is down until the test calls ``.start()``, on a port fixed in advance."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_RETRY_MINUTES=5)

    class Server:
        keeper = Keeper()
        controller = None

        def start(self):
            self.controller = Controller(self.keeper, hostname="127.0.0.1", port=port)
            self.controller.start()

    server = Server()
    yield server
    if server.controller is not None:
        server.controller.stop()


def _waiting():
    return db.session.scalars(select(OutboxEmail).order_by(OutboxEmail.id)).all()


def _request_reset(client, address):
    page = BeautifulSoup(client.get("/staff/reset-password").get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]
    response = client.post("/staff/reset-password", data={"csrf_token": token, "email": address})
    wait_for_jobs()  # the link is made and sent in a background job
    return response


def test_a_reset_email_sent_while_smtp_is_down_is_kept_and_sent_when_it_is_back(app, client, create_user,
                                                                               runner, smtp_later):
    user = create_user("analyst")
    response = _request_reset(client, user.email)
    assert response.status_code == 200, "the person sees the usual 'check your email' page"
    [kept] = _waiting()
    assert kept.recipient == user.email and kept.purpose == "password_reset"
    assert kept.attempts == 1 and kept.last_error
    assert kept.next_attempt_at > datetime.now(UTC)

    # Still down when the scheduled retry runs: kept, and the command fails loudly.
    result = runner.invoke(args=["mail", "retry"])
    assert "Sent 0" in result.output  # not due yet
    kept.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "retry"])
    assert result.exit_code == 1 and "1 still waiting" in result.output
    db.session.expire_all()
    [kept] = _waiting()
    assert kept.attempts == 2
    assert kept.next_attempt_at - datetime.now(UTC) > timedelta(minutes=9), "backs off"

    smtp_later.start()
    kept.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "retry"])
    assert result.exit_code == 0 and "Sent 1" in result.output
    [message] = smtp_later.keeper.messages
    assert message["To"] == user.email and message["Subject"] == "Reset your password"
    assert "/staff/reset-password/" in message.get_content()
    db.session.expire_all()
    assert _waiting() == [], "deleted once sent: the link is not kept"


def test_when_smtp_is_up_the_email_goes_at_once_and_nothing_is_kept(app, client, create_user, smtp_server):
    user = create_user("viewer")
    _request_reset(client, user.email)
    assert len(smtp_server.messages) == 1
    assert _waiting() == []


def test_an_email_past_its_use_is_given_up_loudly(app, runner, smtp_later, caplog):
    email_id = outbox.send("password_reset", "a@partnership.example", "Reset", "link",
                           expires_at=datetime.now(UTC) + timedelta(minutes=1))
    row = db.session.get(OutboxEmail, email_id)
    row.expires_at = row.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "retry"])
    assert result.exit_code == 1 and "1 given up" in result.output
    assert "given up after 1 attempts" in caplog.text
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "mail.given_up"))
    assert event.target == "password_reset" and event.detail["attempts"] == 1
    assert db.session.scalar(select(func.count()).select_from(OutboxEmail)) == 0


def test_with_redis_the_email_is_queued_for_a_worker_and_kept_until_then(app, monkeypatch, smtp_server):
    queued = []
    monkeypatch.setattr("feedback_app.jobs.enqueue", lambda path, *args, **kwargs: queued.append((path, args)))
    app.config["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    email_id = outbox.send("test", "b@partnership.example", "Hello", "Body")
    assert queued == [("feedback_app.services.outbox.deliver", (email_id,))]
    assert smtp_server.messages == [] and len(_waiting()) == 1
    # What the worker runs:
    assert outbox.deliver(email_id) == "sent"
    assert len(smtp_server.messages) == 1 and _waiting() == []
    assert outbox.deliver(email_id) == "gone", "a second worker finds nothing to send"
