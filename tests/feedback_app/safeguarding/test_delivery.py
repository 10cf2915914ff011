"""Alert emails never block the respondent and never fail silently; only DSLs read alerts."""

import logging
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import AlertStatus, OutboxEmail, SafeguardingAlert
from feedback_app.services import mail, safeguarding_status
from tests.conftest import PASSWORD
from tests.feedback_app.journey import answer_all, submit

pytestmark = pytest.mark.usefixtures("surveys_loaded")
DISCLOSURE = "my dad hits me with a belt when he is angry"


def _disclose(client_request):
    answer_all(client_request, overrides={"better": {"do_better": DISCLOSURE}})
    submit(client_request)
    client_request.client.get("/exit")


def _alert():
    db.session.expire_all()
    [alert] = db.session.scalars(select(SafeguardingAlert)).all()
    return alert


def _banner(page):
    return page.select_one(".app-safeguarding-banner")


def _reasons(page):
    return {item["data-reason"] for item in page.select(".app-safeguarding-banner__reason")}


def test_the_respondent_gets_their_answer_before_the_mail_server_does(app, client_request, create_user,
                                                                    monkeypatch):
    """A hanging mail server: the submit returns first, the email is sent afterwards, in the background."""
    create_user("dsl")
    events, release = [], threading.Event()

    def hanging_send(to, subject, body):
        events.append("send started")
        release.wait(30)  # the mail server hangs until the test lets it go
        events.append("sent")

    monkeypatch.setattr(mail, "send", hanging_send)
    answer_all(client_request, overrides={"better": {"do_better": DISCLOSURE}})
    submit(client_request)
    events.append("respondent answered")
    confirmation = client_request.get("/s/all-types/confirmation")
    assert confirmation.select_one("h1")
    release.set()
    assert jobs.join_all(timeout=30)
    assert events.index("respondent answered") < events.index("sent")
    assert _alert().notified_at is not None


def test_a_failing_mail_server_logs_a_line_not_a_traceback_and_keeps_the_email(app, client_request, create_user,
                                                                            caplog):
    create_user("dsl")
    app.config["MAIL_PORT"] = 9  # nothing listens here
    with caplog.at_level(logging.INFO, logger=app.logger.name):
        _disclose(client_request)
        assert jobs.join_all(timeout=30)
    mail_records = [r for r in caplog.records if "outbox" in r.getMessage() or "safeguarding" in r.getMessage()]
    assert mail_records and all(r.exc_info is None for r in caplog.records)
    assert db.session.scalar(select(OutboxEmail)).purpose == f"safeguarding_alert:{_alert().id}"


def test_banner_when_there_is_no_dsl_account(client_request, sign_in, create_user):
    _disclose(client_request)
    assert jobs.join_all(timeout=30)
    sign_in("admin")
    page = client_request.get("/staff/")
    banner = _banner(page)
    assert banner is not None and _reasons(page) == {"no_dsl"}
    assert banner.select_one("[data-count]")["data-count"] == "1"
    assert banner.select_one("a[href='/staff/users/new']")
    assert DISCLOSURE not in page.text
    # on every staff page
    assert _banner(client_request.get("/staff/results/")) is not None


def test_banner_when_mail_is_failing_and_gone_once_delivered(app, client_request, create_user, smtp_server,
                                                            runner):
    dsl = create_user("dsl", email="dsl@partnership.example")
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = 9
    _disclose(client_request)
    assert jobs.join_all(timeout=30)
    client_request.submit("/staff/sign-in", {"email": dsl.email, "password": PASSWORD})
    page = client_request.get("/staff/safeguarding/")
    assert _reasons(page) == {"mail"}
    assert "mail" in _banner(page).text.lower() and "flask mail retry" in _banner(page).text

    app.config["MAIL_PORT"] = working_port
    email = db.session.scalar(select(OutboxEmail))
    email.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    assert runner.invoke(args=["mail", "retry"]).exit_code == 0
    assert _banner(client_request.get("/staff/safeguarding/")) is None


def test_banner_when_an_alert_is_overdue_and_not_for_other_roles(app, client_request, create_user, sign_in,
                                                                smtp_server):
    create_user("dsl")
    _disclose(client_request)
    assert jobs.join_all(timeout=30)
    assert safeguarding_status.undelivered() is None, "delivered, in time: no banner"
    alert = _alert()
    alert.due_at = datetime.now(UTC) - timedelta(hours=1)
    db.session.commit()
    sign_in("admin")
    assert _reasons(client_request.get("/staff/")) == {"overdue"}
    client_request.client.get("/exit")
    sign_in("analyst")
    assert _banner(client_request.get("/staff/")) is None


def test_no_banner_once_reviewed(client_request, sign_in):
    _disclose(client_request)
    assert jobs.join_all(timeout=30)
    alert = _alert()
    alert.status = AlertStatus.false_alarm
    db.session.commit()
    sign_in("admin")
    assert _banner(client_request.get("/staff/")) is None


def test_an_admin_sees_counts_and_ages_never_words(client_request, sign_in):
    _disclose(client_request)
    sign_in("admin")
    page = client_request.get("/staff/safeguarding/overview")
    assert page.select_one(".app-open-count")["data-count"] == "1"
    assert len(page.select("tbody tr")) == 1
    assert "belt" not in page.text and "hits" not in page.text and "Physical" not in page.text
    client_request.get(f"/staff/safeguarding/{_alert().id}", _expected_status=403)
    nav = [a.text.strip() for a in page.select(".govuk-service-navigation__link")]
    assert "Safeguarding alerts" in nav and "Safeguarding queue" not in nav


def test_an_admin_who_is_also_a_dsl_reads_the_alert(client_request, sign_in):
    _disclose(client_request)
    sign_in("admin", "dsl")
    page = client_request.get(f"/staff/safeguarding/{_alert().id}")
    assert "belt" in page.select_one(".app-answer-text").text


@pytest.mark.parametrize("role", ["analyst", "trainer", "viewer", "dsl"])
def test_only_admins_see_the_overview(client_request, sign_in, role):
    sign_in(role)
    client_request.get("/staff/safeguarding/overview", _expected_status=403)


def test_with_redis_the_alert_email_is_a_queued_job_not_part_of_the_request(app, client_request, create_user,
                                                                           smtp_server):
    import os

    from rq import SimpleWorker

    create_user("dsl")
    app.config["REDIS_URL"] = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
    connection = jobs.redis_connection()
    queue = jobs.queue(connection)
    queue.empty()
    try:
        _disclose(client_request)
        assert len(queue.job_ids) == 1, "the request only queued the job"
        assert smtp_server.messages == [] and _alert().mail_queued_at is None
        SimpleWorker([queue], connection=connection).work(burst=True)  # the notify job, then its email's job
        assert len(smtp_server.messages) == 1
        assert _alert().notified_at is not None
    finally:
        queue.empty()
        connection.close()


def test_two_senders_at_once_email_about_an_alert_once(app, client_request, create_user, smtp_server, monkeypatch):
    """Two submits' jobs may both read the alert as not yet emailed: only the first one emails."""
    from feedback_app.queries import safeguarding as alert_queries
    from feedback_app.services import safeguarding

    create_user("dsl")
    _disclose(client_request)
    assert jobs.join_all(timeout=30)
    assert len(smtp_server.messages) == 1
    stale = _alert()
    monkeypatch.setattr(alert_queries, "list_unqueued", lambda: [stale])  # as the second job read it
    assert safeguarding.notify_new_alerts() == (0, 0)
    assert len(smtp_server.messages) == 1
