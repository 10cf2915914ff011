"""Emails that must never be lost silently: kept in the outbox until the mail server takes them.

``send()`` writes the email to the ``mail_outbox`` table first, then tries to
deliver it: at once in this process, or on an RQ worker when ``REDIS_URL`` is
set. A delivered email's row is deleted. If the mail server is down the row
stays, with the error and a time for the next attempt (backing off), and
``flask mail retry`` (schedule it every few minutes) sends it later. An email
that can no longer help (a reset link past its expiry) is given up with an
error in the log and an ``mail.given_up`` event in the audit log, never quietly.
"""

from datetime import UTC, datetime, timedelta

from flask import current_app

from feedback_app import jobs, queries
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import outbox as outbox_queries
from feedback_app.services import mail

MAX_BACKOFF = timedelta(hours=6)


def _now():
    return datetime.now(UTC)


# Told when an email of theirs has been taken by the mail server: purpose "kind:reference" -> function(reference).
SENT_HOOKS = {"safeguarding_alert": "feedback_app.services.safeguarding.email_delivered",
              "safeguarding_digest": "feedback_app.services.safeguarding.digest_delivered"}


def send(purpose, recipient, subject, body, expires_at=None):
    """Keep an email, then try to deliver it; returns the outbox row's id (gone once sent)."""
    with queries.transaction():
        email_id = keep(purpose, recipient, subject, body, expires_at)
    dispatch(email_id)
    return email_id


def keep(purpose, recipient, subject, body, expires_at=None):
    """Add an email to the outbox inside the caller's transaction; ``dispatch`` it once committed."""
    return outbox_queries.add_email(purpose, recipient, str(subject), str(body), expires_at, _now()).id


def dispatch(email_id):
    """Try to deliver a kept email: on an RQ worker when Redis is set, else here and now."""
    if current_app.config.get("REDIS_URL"):
        try:
            jobs.enqueue("feedback_app.services.outbox.deliver", email_id, job_timeout=120)
        except Exception as error:  # noqa: BLE001 - Redis down: the row is kept and `flask mail retry` sends it
            current_app.logger.error("outbox %s: could not queue, kept for retry: %s", email_id, error)
    else:
        deliver(email_id)


def _backoff(attempts):
    step = timedelta(minutes=current_app.config.get("MAIL_RETRY_MINUTES", 5))
    return min(step * (2 ** max(0, attempts - 1)), MAX_BACKOFF)


def deliver(email_id):
    """Try one email. Returns "sent", "waiting", "given_up" or "gone" (already sent elsewhere)."""
    with queries.transaction():
        email = outbox_queries.lock_email(email_id)
        if email is None:
            return "gone"
        now = _now()
        if email.expires_at is not None and email.expires_at < now:
            current_app.logger.error("outbox %s (%s): given up after %s attempts, expired: %s",
                                     email.id, email.purpose, email.attempts, email.last_error)
            audit_queries.add_event(None, "mail.given_up", email.purpose,
                                    {"attempts": email.attempts, "error": email.last_error})
            outbox_queries.delete_email(email)
            return "given_up"
        try:
            mail.send(email.recipient, email.subject, email.body)
        except mail.MailError as error:
            email.attempts += 1
            email.last_error = str(error)[:500]
            email.next_attempt_at = now + _backoff(email.attempts)
            current_app.logger.warning("outbox %s (%s): not sent (attempt %s), will retry: %s",
                                       email.id, email.purpose, email.attempts, error)
            return "waiting"
        outbox_queries.delete_email(email)
        kind, _sep, reference = email.purpose.partition(":")
        if kind in SENT_HOOKS:
            jobs.resolve(SENT_HOOKS[kind])(reference)
        return "sent"


def send_due(now=None):
    """Try every email whose next attempt is due. Returns a count per outcome."""
    outcomes = {"sent": 0, "waiting": 0, "given_up": 0, "gone": 0}
    for email_id in outbox_queries.list_due_ids(now or _now()):
        outcomes[deliver(email_id)] += 1
    return outcomes

