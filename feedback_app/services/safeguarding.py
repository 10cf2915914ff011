"""Screening free text on submit, the DSL's alerts, emails and escalation.

Every free-text answer is redacted of personal data before it is stored; on a
survey with screening switched on it is first screened for possible
disclosures. A flagged answer's original text is kept only on its alert,
which only the designated safeguarding lead (DSL) can read.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app, url_for
from flask_babel import gettext as _

from analysis.redaction import redact_text
from analysis.screening import screen_text
from feedback_app import jobs, queries
from feedback_app.models import AlertStatus
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import users as user_queries
from feedback_app.services import outbox


@dataclass(frozen=True)
class Finding:
    question_id: str
    original_text: str
    categories: tuple
    evidence: tuple


def _now():
    return datetime.now(timezone.utc)


def due_after(created, working_days=1):
    """The same time on the next working day (Saturdays and Sundays skipped)."""
    due = created
    remaining = working_days
    while remaining:
        due += timedelta(days=1)
        if due.weekday() < 5:
            remaining -= 1
    return due


def prepare_answers(definition, rows):
    """Redact free text in answer rows; screen it first when the survey asks.

    ``rows`` are ``(question_id, value, text, text_language)``; returns the rows
    to store and the findings to raise alerts for. Each answer is screened beside its
    question: the question's English wording and the kind the survey declares on it
    (``screening: trusted_person``), so "my dad" answering "Who would you tell?" is an answer.
    """
    stored, findings = [], []
    for question_id, value, text, language in rows:
        if text:
            if definition.screening:
                question = _question(definition, question_id)
                result = screen_text(text, question=question.text("en") if question else None,
                                     question_kind=question.screening_kind if question else None)
                if result.flagged:
                    findings.append(Finding(question_id, text, tuple(result.categories),
                                            tuple(hit.evidence for hit in result.hits)))
            redacted = redact_text(text)
            value = redacted if value == text else value
            text = redacted
        stored.append((question_id, value, text, language))
    return stored, findings


def _question(definition, question_id):
    try:
        return definition.question(question_id)
    except KeyError:
        return None


def add_alerts(response, findings, working_days):
    """Create alerts inside the caller's transaction."""
    return [
        alert_queries.add_alert(response.id, response.survey_id, f.question_id, f.original_text, f.categories,
                                f.evidence, due_after(_now(), working_days))
        for f in findings
    ]


def _link(alert):
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        return url_for("safeguarding.alert", alert_id=alert.id, _external=True)


NOTIFY_JOB = "feedback_app.services.safeguarding.notify_new_alerts"


def notify_in_background():
    """Hand new alerts' emails to the background queue: never sent inside the respondent's request.

    If the queue cannot be reached, ``flask safeguarding notify`` (scheduled) queues them later, and
    staff pages show the alert as not yet delivered.
    """
    try:
        jobs.enqueue(NOTIFY_JOB, job_timeout=600)
    except Exception as error:  # noqa: BLE001 - the response is saved; never fail the respondent here
        current_app.logger.error("safeguarding: could not queue the DSL emails, left for "
                                 "'flask safeguarding notify': %s", error)


def _dsl_addresses():
    recipients = [user.email for user in user_queries.list_users_with_role("dsl")]
    fallback = current_app.config["SAFEGUARDING_ESCALATION_EMAIL"]
    return recipients or ([fallback] if fallback else [])


def notify_new_alerts():
    """Put an email to every DSL in the outbox for each alert not yet emailed, then send them.

    Returns ``(queued, failed)``: ``failed`` counts alerts with no one to email. An email the mail
    server refuses stays in the outbox for ``flask mail retry``; the alert counts as delivered only
    once the server has taken one (``email_delivered``).
    """
    recipients = _dsl_addresses()
    queued = failed = 0
    for alert in alert_queries.list_unqueued():
        if not recipients:
            current_app.logger.error("safeguarding alert %s: no DSL account or escalation contact to email",
                                     alert.id)
            failed += 1
            continue
        with queries.transaction():
            if not alert_queries.claim_for_mail(alert.id, _now()):
                continue  # another job (two submits at once) is emailing about it
            email_ids = [
                # Never the answer itself: only a link to it, behind sign-in.
                outbox.keep(f"{alert_queries.ALERT_EMAIL}:{alert.id}", address,
                            _("A survey answer needs a safeguarding review"),
                            _("A free-text answer submitted to a survey may contain a safeguarding disclosure.\n\n"
                              "Review it today: %(link)s\n\nThe answer is not included in this email.",
                              link=_link(alert)))
                for address in recipients]
            audit_queries.add_event(None, "safeguarding.notified", f"alert {alert.id}",
                                    {"recipients": len(recipients)})
        for email_id in email_ids:
            outbox.dispatch(email_id)
        queued += 1
    return queued, failed


def email_delivered(reference):
    """The mail server took an alert's email (called by the outbox, inside its transaction)."""
    alert = alert_queries.get_alert(int(reference)) if str(reference).isdigit() else None
    if alert is not None and alert.notified_at is None:
        alert.notified_at = _now()
        audit_queries.add_event(None, "safeguarding.delivered", f"alert {alert.id}")


def escalate_overdue(now=None):
    """Send alerts not reviewed by their deadline to the second contact, through the outbox.

    Returns ``(escalated, failed)``; ``failed`` counts overdue alerts with no contact set.
    """
    contact = current_app.config["SAFEGUARDING_ESCALATION_EMAIL"]
    escalated = failed = 0
    for alert in alert_queries.list_overdue(now or _now()):
        if not contact:
            current_app.logger.error("safeguarding alert %s overdue: no escalation contact set", alert.id)
            failed += 1
            continue
        with queries.transaction():
            alert.escalated_at = _now()
            email_id = outbox.keep(
                f"safeguarding_escalation:{alert.id}", contact,
                _("Overdue: a safeguarding alert has not been reviewed"),
                _("A possible safeguarding disclosure raised on %(raised)s has not been reviewed by its "
                  "deadline.\n\nReview it now: %(link)s\n\nThe answer is not included in this email.",
                  raised=alert.created_at.strftime("%d %B %Y %H:%M UTC"), link=_link(alert)))
            audit_queries.add_event(None, "safeguarding.escalated", f"alert {alert.id}", {"to": contact})
        outbox.dispatch(email_id)
        escalated += 1
    return escalated, failed


def record_view(alert, actor):
    with queries.transaction():
        audit_queries.add_event(actor, "safeguarding.alert_viewed", f"alert {alert.id}")


def review(alert, outcome, note, actor, referred_to=None):
    """Record the DSL's outcome: every outcome has a note; "referred on" says to whom."""
    with queries.transaction():
        alert.status = AlertStatus(outcome)
        alert.review_note = (note or "").strip() or None
        alert.referred_to = (referred_to or "").strip() or None if outcome == "referred" else None
        alert.reviewed_at = _now()
        alert.reviewed_by_id = actor.id
        audit_queries.add_event(actor, "safeguarding.reviewed", f"alert {alert.id}",
                                {"outcome": outcome, "note": bool(alert.review_note),
                                 "referred_to": alert.referred_to})


def category_labels(categories):
    from feedback_app.services.safeguarding_view import category_labels as labels

    return labels(categories)
