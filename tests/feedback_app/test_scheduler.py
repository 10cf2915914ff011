"""The scheduler shipped with the service runs escalation, mail retry, purges and reminders by itself."""

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app import jobs, scheduler
from feedback_app.extensions import db
from feedback_app.models import AuditEvent, SafeguardingAlert
from tests.feedback_app.journey import answer_all, submit

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def test_a_due_escalation_is_sent_without_anyone_running_a_command(app, client_request, create_user, smtp_server):
    create_user("dsl")
    app.config["SAFEGUARDING_ESCALATION_EMAIL"] = "deputy@partnership.example"
    answer_all(client_request, overrides={"better": {"do_better": "i want to kill myself"}})
    submit(client_request)
    assert jobs.join_all(60), "the DSL's alert email (a background job) has gone before the clock starts"
    alert = db.session.scalar(select(SafeguardingAlert))
    alert.due_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    notified = len(smtp_server.messages)

    running = scheduler.Scheduler(app)
    thread = threading.Thread(target=running.run_forever, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(smtp_server.messages) == notified:
            time.sleep(0.2)
    finally:
        running.stop()
        thread.join(60)
    assert [message["To"] for message in smtp_server.messages[notified:]] == ["deputy@partnership.example"]
    db.session.expire_all()
    assert db.session.scalar(select(SafeguardingAlert)).escalated_at is not None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "safeguarding.escalated"))


def test_every_periodic_command_is_scheduled_and_exists(app):
    names = set(scheduler.schedule(app.config))
    assert names == {"safeguarding notify", "safeguarding escalate", "mail retry", "drafts purge", "exports purge",
                     "retention purge", "training send-followups"}
    for name in names:
        assert scheduler.command_for(app, name) is not None


def test_intervals_can_be_changed_or_switched_off(app):
    from feedback_app.config import _schedule

    app.config["SCHEDULE"] = _schedule("mail retry=120, retention  purge=0")
    intervals = scheduler.schedule(app.config)
    assert intervals["mail retry"] == 120 and "retention purge" not in intervals


def test_a_command_runs_once_per_interval_and_again_when_due(app):
    app.config["SCHEDULE"] = {name: 0 for name in scheduler.DEFAULT_SCHEDULE} | {"drafts purge": 3600}
    running = scheduler.Scheduler(app)
    assert running.run_due(now=1000) == [("drafts purge", 0)]
    assert running.run_due(now=2000) == []
    assert running.run_due(now=4601) == [("drafts purge", 0)]


def test_the_scheduler_command_runs_everything_once(runner):
    result = runner.invoke(args=["scheduler", "--once"])
    assert "flask safeguarding escalate: every 900 seconds" in result.output
    assert "Deleted 0 expired drafts" in result.output
