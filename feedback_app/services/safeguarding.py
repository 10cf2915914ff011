"""Screening free text on submit, the DSL's alerts, emails and escalation.

Every free-text answer is redacted of personal data before it is stored; on a
survey with screening switched on it is first screened for possible
disclosures. A flagged answer's original text is kept only on its alert,
which only the designated safeguarding lead (DSL) can read.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app, url_for
from flask_babel import gettext as _

from analysis.redaction import redact_text
from analysis.screening import screen_text
from feedback_app import jobs, queries
from feedback_app.models import AlertStatus
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import users as user_queries
from feedback_app.services import audit_cache, outbox

# The category of an alert raised because the screen cannot read the language: "not_screened:<code>".
NOT_SCREENED = "not_screened:"


@dataclass(frozen=True)
class Finding:
    question_id: str
    original_text: str
    categories: tuple
    evidence: tuple


def _now():
    return datetime.now(UTC)


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


def _queue_link():
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        return url_for("safeguarding.queue", _external=True)


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


def unread_only(alert):
    """An alert raised only because the screen cannot read the answer's language ("not_screened:cy")."""
    return bool(alert.categories) and all(str(c).startswith(NOT_SCREENED) for c in alert.categories)


def notify_new_alerts():
    """Put emails to every DSL in the outbox for the alerts not yet emailed, then send them.

    A possible disclosure gets an email of its own. Answers raised only because the screen cannot read
    their language (a Welsh or Urdu survey raises one for every free-text answer) share one email per
    run, which says how many there are and links to the queue: a flood of identical emails would bury
    the ones that matter.

    Returns ``(queued, failed)`` counted in alerts: ``failed`` counts alerts with no one to email. An
    email the mail server refuses stays in the outbox for ``flask mail retry``; an alert counts as
    delivered only once the server has taken its email (``email_delivered``, ``digest_delivered``).
    """
    recipients = _dsl_addresses()
    queued = failed = 0
    unqueued = alert_queries.list_unqueued()
    if not recipients:
        for alert in unqueued:
            current_app.logger.error("safeguarding alert %s: no DSL account or escalation contact to email",
                                     alert.id)
        return 0, len(unqueued)
    for alert in unqueued:
        if unread_only(alert):
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
    unread = [alert for alert in unqueued if unread_only(alert)]
    if unread:
        queued += _notify_unread(unread, recipients)
    return queued, failed


def _notify_unread(alerts, recipients):
    """One email per DSL for ``alerts`` (answers the screen cannot read); returns how many it covers."""
    with queries.transaction():
        now = _now()  # one value for the whole batch: the digest's alerts are those queued at this moment
        claimed = [alert for alert in alerts if alert_queries.claim_for_mail(alert.id, now)]
        if not claimed:
            return 0
        with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
            from feedback_app.services.safeguarding_view import language_name  # noqa: PLC0415 - views' helper

            languages = sorted({language_name(str(c)[len(NOT_SCREENED):]) for a in claimed for c in a.categories})
        link = _queue_link()
        email_ids = [
            outbox.keep(f"{alert_queries.DIGEST_EMAIL}:{claimed[0].id}", address,
                        _("Survey answers the safeguarding screen cannot read"),
                        _("%(count)s free-text answers are written in a language the safeguarding screen cannot "
                          "read (%(languages)s). A person must read each one for a possible disclosure.\n\n"
                          "Read them today: %(link)s\n\nThe answers are not included in this email.",
                          count=len(claimed), languages=", ".join(languages), link=link))
            for address in recipients]
        audit_queries.add_event(None, "safeguarding.notified", f"alerts {claimed[0].id}+{len(claimed) - 1}",
                                {"recipients": len(recipients), "alerts": len(claimed)})
    for email_id in email_ids:
        outbox.dispatch(email_id)
    return len(claimed)


def digest_delivered(reference):
    """The mail server took a digest of unread-language answers: each alert it covers is delivered."""
    alert = alert_queries.get_alert(int(reference)) if str(reference).isdigit() else None
    if alert is None:
        return
    for other in alert_queries.queued_with(alert):
        if other.notified_at is None and unread_only(other):
            other.notified_at = _now()
    audit_queries.add_event(None, "safeguarding.delivered", f"digest {alert.id}")


def email_delivered(reference):
    """The mail server took an alert's email (called by the outbox, inside its transaction)."""
    alert = alert_queries.get_alert(int(reference)) if str(reference).isdigit() else None
    if alert is not None and alert.notified_at is None:
        alert.notified_at = _now()
        audit_queries.add_event(None, "safeguarding.delivered", f"alert {alert.id}")


def escalate_overdue(now=None):
    """Send alerts not reviewed by their deadline to the second contact, through the outbox.

    Answers the screen cannot read (``unread_only``) that are overdue go in one email, as they went to the
    DSLs. Returns ``(escalated, failed)`` counted in alerts; ``failed`` counts overdue alerts with no contact.
    """
    contact = current_app.config["SAFEGUARDING_ESCALATION_EMAIL"]
    overdue = alert_queries.list_overdue(now or _now())
    if not contact:
        for alert in overdue:
            current_app.logger.error("safeguarding alert %s overdue: no escalation contact set", alert.id)
        return 0, len(overdue)
    escalated = 0
    for alert in overdue:
        if unread_only(alert):
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
    unread = [alert for alert in overdue if unread_only(alert)]
    if unread:
        with queries.transaction():
            for alert in unread:
                alert.escalated_at = _now()
            email_id = outbox.keep(
                f"safeguarding_escalation:{unread[0].id}", contact,
                _("Overdue: survey answers the safeguarding screen cannot read have not been read"),
                _("%(count)s free-text answers written in a language the safeguarding screen cannot read have not "
                  "been read by their deadline. Each may contain a disclosure.\n\nRead them now: %(link)s\n\n"
                  "The answers are not included in this email.", count=len(unread), link=_queue_link()))
            audit_queries.add_event(None, "safeguarding.escalated", f"alerts {unread[0].id}+{len(unread) - 1}",
                                    {"to": contact, "alerts": len(unread)})
        outbox.dispatch(email_id)
        escalated += len(unread)
    return escalated, 0


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
    audit_cache.data_changed(alert.survey_id)  # an answer held back or released: the counts moved


def category_labels(categories):
    from feedback_app.services.safeguarding_view import category_labels as labels

    return labels(categories)
