"""Follow-up reminders: an email address that gets a session's follow-up link once, 3 months on.

The address is kept apart from the answers and cannot be tied to them: its
row has a random key (no sequence to line up with responses), only the day
it is due (the session's date plus 3 months, not when it was given), the
session, and nothing about any response or draft. It is written in a request
of its own, after the answers were sent. ``flask training send-followups``
sends those that are due and deletes each one the mail server accepted; if
the server is down the row is kept and tried again on the next run.
"""

import calendar
import secrets
from dataclasses import dataclass
from datetime import date

from flask import current_app
from flask_babel import gettext as _

from feedback_app import queries
from feedback_app.queries import training as training_queries
from feedback_app.services import mail

FOLLOWUP_MONTHS = 3


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_on(session):
    """The day a session's follow-up is due: 3 months after it was held."""
    return add_months(session.held_on, FOLLOWUP_MONTHS)


def followup_url(session):
    return current_app.config["BASE_URL"].rstrip("/") + "/t/" + session.followup_token


def add_reminder(session, email):
    """Keep ``email`` until the session's follow-up is due; returns the due day."""
    due = due_on(session)
    with queries.transaction():
        training_queries.add_reminder(secrets.token_hex(16), email.strip(), due, session.id)
    return due


@dataclass
class SendResult:
    sent: int = 0
    failed: int = 0


def send_due(today=None):
    """Send every reminder due by ``today``; delete each one sent, keep the rest for the next run."""
    today = today or date.today()
    result = SendResult()
    for reminder_id in [reminder.id for reminder in training_queries.due_reminders(today)]:
        with queries.transaction():
            reminder = training_queries.lock_reminder(reminder_id)
            if reminder is None:  # sent by another run meanwhile
                continue
            session = reminder.session
            try:
                mail.send(reminder.email, _("Your 3-month follow-up: %(course)s", course=session.course.title),
                          _("About 3 months ago you went on the course %(course)s (%(day)s) and asked us to "
                            "remind you about the follow-up form.\n\n"
                            "It takes about 5 minutes. It asks what you have used from the course and what "
                            "difference it made:\n%(url)s\n\n"
                            "We have now deleted your email address. It was never stored with your answers.",
                            course=session.course.title, day=session.held_on.strftime("%-d %B %Y"),
                            url=followup_url(session)))
            except mail.MailError as error:
                reminder.failed_attempts += 1
                current_app.logger.warning("follow-up reminder not sent (attempt %s), kept for the next run: %s",
                                           reminder.failed_attempts, error)
                result.failed += 1
                continue
            training_queries.delete_reminder(reminder)
            result.sent += 1
    return result
