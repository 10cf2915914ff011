"""Follow-up reminders: sent once, when due, to the right address, then gone from the database."""

import socket
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import FollowupReminder
from feedback_app.services import training_reminders
from tests.feedback_app.test_training_fixtures import make_course, make_session, training_surveys  # noqa: F401


def _reminders():
    db.session.expire_all()
    return db.session.scalars(select(FollowupReminder)).all()


@pytest.fixture
def trainer(app, training_surveys, create_user):  # noqa: F811
    return create_user("trainer")


def test_due_three_months_after_the_session(trainer):
    session = make_session(trainer, make_course(trainer), held_on=date(2025, 11, 30))
    assert training_reminders.due_on(session) == date(2026, 2, 28)
    assert training_reminders.add_months(date(2026, 3, 5), 3) == date(2026, 6, 5)
    assert training_reminders.add_months(date(2026, 10, 31), 3) == date(2027, 1, 31)


def test_sent_once_when_due_to_the_right_address_then_deleted(app, trainer, smtp_server):
    course = make_course(trainer)
    session = make_session(trainer, course, held_on=date(2026, 3, 5))
    later = make_session(trainer, course, held_on=date(2026, 4, 20))
    training_reminders.add_reminder(session, "sam@agency.example")
    training_reminders.add_reminder(later, "alex@agency.example")

    result = training_reminders.send_due(today=date(2026, 6, 4))
    assert (result.sent, result.failed) == (0, 0)
    assert smtp_server.messages == []
    assert len(_reminders()) == 2

    result = training_reminders.send_due(today=date(2026, 6, 5))
    assert (result.sent, result.failed) == (1, 0)
    [message] = smtp_server.messages
    assert message["To"] == "sam@agency.example"
    assert message["Subject"] == "Your 3-month follow-up: Neglect: recognise and respond"
    body = message.get_content()
    assert f"{app.config['BASE_URL']}/t/{session.followup_token}" in body
    assert "5 March 2026" in body
    assert [r.email for r in _reminders()] == ["alex@agency.example"]

    result = training_reminders.send_due(today=date(2026, 6, 30))
    assert (result.sent, result.failed) == (0, 0)
    assert len(smtp_server.messages) == 1, "sent once"


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_command_keeps_a_reminder_while_the_mail_server_is_down(app, runner, trainer, smtp_server):
    session = make_session(trainer, make_course(trainer), held_on=date.today() - timedelta(days=100))
    training_reminders.add_reminder(session, "sam@agency.example")
    working_port = app.config["MAIL_PORT"]

    app.config["MAIL_PORT"] = _closed_port()
    result = runner.invoke(args=["training", "send-followups"])
    assert result.exit_code == 1
    assert "Sent 0 follow-up reminders, 1 kept to try again" in result.output
    [kept] = _reminders()
    assert (kept.email, kept.failed_attempts) == ("sam@agency.example", 1)

    app.config["MAIL_PORT"] = working_port
    result = runner.invoke(args=["training", "send-followups"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 follow-up reminders, 0 kept to try again" in result.output
    assert [m["To"] for m in smtp_server.messages] == ["sam@agency.example"]
    assert db.session.scalar(select(func.count()).select_from(FollowupReminder)) == 0
    assert runner.invoke(args=["training", "send-followups"]).output.startswith("Sent 0")
    assert len(smtp_server.messages) == 1
