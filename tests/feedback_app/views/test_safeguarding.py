"""A possible disclosure reaches the DSL: alert, email (no answer text), queue, review, escalation."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import AlertStatus, Answer, AuditEvent, OutboxEmail, SafeguardingAlert
from feedback_app.services.safeguarding import due_after
from tests.conftest import path_of, wait_for_jobs
from tests.feedback_app.journey import answer_all, submit

pytestmark = pytest.mark.usefixtures("surveys_loaded")
DISCLOSURE = "my stepdad hits me when mum is at work. call me on 07700 900123"


def _alerts():
    return db.session.scalars(select(SafeguardingAlert)).all()


def _actions():
    return [event.action for event in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_the_dsl_journey_end_to_end(app, client_request, create_user, sign_in, smtp_server, runner):
    dsl = create_user("dsl", email="dsl@partnership.example")
    app.config["SAFEGUARDING_ESCALATION_EMAIL"] = "deputy@partnership.example"

    # A young person's answer is submitted ...
    answer_all(client_request, overrides={"better": {"do_better": DISCLOSURE}})
    submit(client_request)
    assert jobs.join_all(timeout=30), "the DSL is emailed in the background"
    db.session.expire_all()

    # ... an alert is created, holding the only copy of the original words ...
    [alert] = _alerts()
    assert alert.status == AlertStatus.new
    assert "physical_abuse" in alert.categories
    assert alert.original_text == DISCLOSURE
    stored = db.session.scalar(select(Answer).where(Answer.question_id == "do_better"))
    assert "07700 900123" not in stored.text and "[phone]" in stored.text
    assert stored.value == stored.text

    # ... the DSL gets an email with a link and no answer text ...
    [message] = smtp_server.messages
    assert message["To"] == dsl.email
    body = message.get_content()
    assert f"/staff/safeguarding/{alert.id}" in body
    assert "stepdad" not in body and "hits" not in body
    assert alert.notified_at is not None

    # ... the queue shows it, and the DSL reads the full answer ...
    client_request.client.get("/exit")
    client_request.submit("/staff/sign-in", {"email": dsl.email, "password": "correct horse battery staple"})
    queue = client_request.get("/staff/safeguarding/")
    assert queue.select_one("tbody tr a")["href"] == f"/staff/safeguarding/{alert.id}"
    assert "Physical abuse" in queue.select_one("tbody").text or "physical" in queue.select_one("tbody").text.lower()
    page = client_request.get(f"/staff/safeguarding/{alert.id}")
    assert page.select_one(".app-answer-text").text == DISCLOSURE
    assert "cannot be contacted" in page.select_one(".app-anonymous .govuk-warning-text").text
    assert "safeguarding.alert_viewed" in _actions()

    # ... and records the review, which lands in the audit log.
    response = client_request.submit(f"/staff/safeguarding/{alert.id}",
                                     {"outcome": "referred", "referred_to": "MASH",
                                      "note": "Phoned at 10:15, they will speak to the school"})
    assert path_of(response.location) == "/staff/safeguarding/"
    db.session.expire_all()
    alert = db.session.get(SafeguardingAlert, alert.id)
    assert alert.status == AlertStatus.referred
    assert alert.reviewed_by_id == dsl.id
    assert (alert.referred_to, alert.review_note) == ("MASH", "Phoned at 10:15, they will speak to the school")
    reviewed = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "safeguarding.reviewed"))
    assert reviewed.detail == {"outcome": "referred", "note": True, "referred_to": "MASH"}
    done = client_request.get(f"/staff/safeguarding/{alert.id}")
    assert done.select_one(".app-referred-to").text == "Referred to: MASH"
    assert reviewed.actor_id == dsl.id


def test_unreviewed_alert_is_escalated_after_its_deadline(app, client_request, create_user, smtp_server, runner):
    create_user("dsl")
    app.config["SAFEGUARDING_ESCALATION_EMAIL"] = "deputy@partnership.example"
    answer_all(client_request, overrides={"better": {"do_better": "i want to kill myself"}})
    submit(client_request)
    assert jobs.join_all(timeout=30)
    [alert] = _alerts()
    result = runner.invoke(args=["safeguarding", "escalate"])
    assert "Escalated 0 alerts" in result.output, "not before the deadline"
    alert.due_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    result = runner.invoke(args=["safeguarding", "escalate"])
    assert "Escalated 1 alerts" in result.output
    escalation = smtp_server.messages[-1]
    assert escalation["To"] == "deputy@partnership.example"
    assert "kill" not in escalation.get_content()
    result = runner.invoke(args=["safeguarding", "escalate"])
    assert "Escalated 0 alerts" in result.output, "escalated once"
    assert "safeguarding.escalated" in _actions()


def test_failed_email_is_retried_later_and_never_lost(app, client_request, create_user, smtp_server, runner):
    create_user("dsl")
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = 9  # nothing listens here
    answer_all(client_request, overrides={"better": {"do_better": "my uncle touches me and says its our secret"}})
    submit(client_request)
    assert jobs.join_all(timeout=30)
    [alert] = _alerts()
    assert alert.notified_at is None and alert.mail_queued_at is not None
    assert smtp_server.messages == []
    [waiting] = db.session.scalars(select(OutboxEmail)).all()
    assert waiting.purpose == f"safeguarding_alert:{alert.id}" and waiting.attempts == 1
    app.config["MAIL_PORT"] = working_port
    waiting.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    result = runner.invoke(args=["mail", "retry"])
    assert "Sent 1, 0 still waiting" in result.output
    assert len(smtp_server.messages) == 1
    db.session.expire_all()
    assert db.session.get(SafeguardingAlert, alert.id).notified_at is not None
    assert "safeguarding.delivered" in _actions()


def test_ordinary_answers_raise_no_alert_and_are_redacted(client_request):
    answer_all(
        client_request, overrides={"better": {"do_better": "The session on self harm helped. Email me at a.b@x.org"}}
    )
    submit(client_request)
    assert _alerts() == []
    stored = db.session.scalar(select(Answer).where(Answer.question_id == "do_better"))
    assert stored.text == "The session on self harm helped. Email me at [email]"


def test_review_needs_an_outcome_a_note_and_whom_when_referred(client_request, sign_in):
    answer_all(client_request, overrides={"better": {"do_better": "my dad hits me"}})
    submit(client_request)
    client_request.client.get("/exit")
    sign_in("dsl")
    [alert] = _alerts()
    page = client_request.submit(f"/staff/safeguarding/{alert.id}", {}, _expected_status=422)
    assert "Select the outcome of your review" in page.select_one(".govuk-error-summary").text
    page = client_request.submit(f"/staff/safeguarding/{alert.id}", {"outcome": "referred"}, _expected_status=422)
    assert "Say who it was referred to, for example MASH" in page.select_one("#referred_to-error").text
    assert "Write a short note" in page.select_one("#note-error").text
    for outcome in ("no_concern", "false_alarm"):
        page = client_request.submit(f"/staff/safeguarding/{alert.id}", {"outcome": outcome, "note": "  "},
                                     _expected_status=422)
        assert "Write a short note saying why you chose this outcome" in page.select_one("#note-error").text
        assert page.select_one("#referred_to-error") is None
    db.session.expire_all()
    assert db.session.get(SafeguardingAlert, alert.id).status == AlertStatus.new


@pytest.mark.parametrize("role", ["admin", "analyst", "trainer", "viewer"])
def test_only_the_dsl_sees_the_queue(client_request, sign_in, role):
    answer_all(client_request, overrides={"better": {"do_better": "my dad hits me"}})
    submit(client_request)
    client_request.client.get("/exit")
    [alert] = _alerts()
    sign_in(role)
    client_request.get("/staff/safeguarding/", _expected_status=403)
    client_request.get(f"/staff/safeguarding/{alert.id}", _expected_status=403)
    assert client_request.client.post(f"/staff/safeguarding/{alert.id}",
                                      data={"outcome": "false_alarm", "note": "x"}).status_code in (400, 403)
    db.session.expire_all()
    assert db.session.get(SafeguardingAlert, alert.id).status == AlertStatus.new


def test_answer_text_is_escaped_in_the_queue(client_request, sign_in):
    answer_all(client_request, overrides={"better": {"do_better": "<script>alert(1)</script> my mum hits me"}})
    submit(client_request)
    client_request.client.get("/exit")
    sign_in("dsl")
    [alert] = _alerts()
    body = client_request.client.get(f"/staff/safeguarding/{alert.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_deadline_skips_the_weekend():
    friday = datetime(2026, 11, 20, 16, 0, tzinfo=UTC)
    assert due_after(friday) == datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    tuesday = datetime(2026, 11, 17, 9, 0, tzinfo=UTC)
    assert due_after(tuesday) == datetime(2026, 11, 18, 9, 0, tzinfo=UTC)


PERSONAL = ("Mr Hughes from the duty team never called back, ring me on 07700 900456 "
            "or email sam.jones@example.com, I live at 14 Acacia Avenue, NE1 4ST")
LEAKS = ("Hughes", "07700 900456", "sam.jones@example.com", "14 Acacia Avenue", "NE1 4ST")


def test_no_unredacted_personal_data_reaches_analysts_pages_or_exports(client_request, sign_in):
    answer_all(client_request, overrides={"better": {"do_better": PERSONAL}})
    submit(client_request)
    client_request.client.get("/exit")
    for alert in _alerts():  # the screen may flag it: a DSL's "no concern" lets the (redacted) answer out
        alert.status = AlertStatus.no_concern
    db.session.commit()
    sign_in("analyst")
    for url in ("/staff/results/all-types/text", "/staff/results/all-types/export.csv",
                "/staff/results/all-types/export.xlsx", "/staff/results/all-types"):
        if url.endswith(".xlsx"):  # asked for, written in the background, then downloaded
            status = client_request.submit(url).location
            wait_for_jobs()
            url = client_request.get(path_of(status)).select_one("main a[download]")["href"]
        response = client_request.client.get(url)
        assert response.status_code == 200, url
        body = response.get_data(as_text=True) if not url.endswith(".xlsx") else _xlsx_text(response.data)
        for leak in LEAKS:
            assert leak not in body, f"{leak!r} reached {url}"
    text_page = client_request.client.get("/staff/results/all-types/text").get_data(as_text=True)
    assert "[phone]" in text_page and "[email]" in text_page


def _xlsx_text(data):
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(cell) for sheet in workbook for row in sheet.iter_rows(values_only=True) for cell in row)
