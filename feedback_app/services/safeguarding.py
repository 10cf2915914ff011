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
from analysis.screening import label_for, screen_text
from feedback_app import queries
from feedback_app.models import AlertStatus
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import users as user_queries
from feedback_app.services import mail


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
    to store and the findings to raise alerts for.
    """
    stored, findings = [], []
    for question_id, value, text, language in rows:
        if text:
            if definition.screening:
                result = screen_text(text)
                if result.flagged:
                    findings.append(Finding(question_id, text, tuple(result.categories),
                                            tuple(hit.evidence for hit in result.hits)))
            redacted = redact_text(text)
            value = redacted if value == text else value
            text = redacted
        stored.append((question_id, value, text, language))
    return stored, findings


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


def notify_new_alerts():
    """Email every DSL a link to each alert not yet notified. Returns (sent, failed)."""
    recipients = [user.email for user in user_queries.list_users_with_role("dsl")]
    fallback = current_app.config["SAFEGUARDING_ESCALATION_EMAIL"]
    if not recipients and fallback:
        recipients = [fallback]
    sent = failed = 0
    for alert in alert_queries.list_unnotified():
        if not recipients:
            current_app.logger.error("safeguarding alert %s: no DSL to notify", alert.id)
            failed += 1
            continue
        try:
            for address in recipients:
                # Never the answer itself: only a link to it, behind sign-in.
                mail.send(address, _("A survey answer needs a safeguarding review"),
                          _("A free-text answer submitted to a survey may contain a safeguarding disclosure.\n\n"
                            "Review it today: %(link)s\n\nThe answer is not included in this email.",
                            link=_link(alert)))
        except mail.MailError:
            current_app.logger.exception("safeguarding alert %s: email failed, will retry", alert.id)
            failed += 1
            continue
        with queries.transaction():
            alert.notified_at = _now()
            audit_queries.add_event(None, "safeguarding.notified", f"alert {alert.id}",
                                    {"recipients": len(recipients)})
        sent += 1
    return sent, failed


def escalate_overdue(now=None):
    """Send alerts not reviewed by their deadline to the second contact. Returns (escalated, failed)."""
    contact = current_app.config["SAFEGUARDING_ESCALATION_EMAIL"]
    escalated = failed = 0
    for alert in alert_queries.list_overdue(now or _now()):
        if not contact:
            current_app.logger.error("safeguarding alert %s overdue: no escalation contact set", alert.id)
            failed += 1
            continue
        try:
            mail.send(contact, _("Overdue: a safeguarding alert has not been reviewed"),
                      _("A possible safeguarding disclosure raised on %(raised)s has not been reviewed by its "
                        "deadline.\n\nReview it now: %(link)s\n\nThe answer is not included in this email.",
                        raised=alert.created_at.strftime("%d %B %Y %H:%M UTC"), link=_link(alert)))
        except mail.MailError:
            current_app.logger.exception("safeguarding alert %s: escalation email failed", alert.id)
            failed += 1
            continue
        with queries.transaction():
            alert.escalated_at = _now()
            audit_queries.add_event(None, "safeguarding.escalated", f"alert {alert.id}", {"to": contact})
        escalated += 1
    return escalated, failed


def record_view(alert, actor):
    with queries.transaction():
        audit_queries.add_event(actor, "safeguarding.alert_viewed", f"alert {alert.id}")


def review(alert, outcome, note, actor):
    with queries.transaction():
        alert.status = AlertStatus(outcome)
        alert.review_note = note or None
        alert.reviewed_at = _now()
        alert.reviewed_by_id = actor.id
        audit_queries.add_event(actor, "safeguarding.reviewed", f"alert {alert.id}",
                                {"outcome": outcome, "note": bool(note)})


def category_labels(categories):
    return [str(label_for(category)) for category in categories]
