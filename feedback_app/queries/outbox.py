"""The outbox: emails waiting for the mail server."""

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import OutboxEmail


def add_email(purpose, recipient, subject, body, expires_at, next_attempt_at):
    email = OutboxEmail(purpose=purpose, recipient=recipient, subject=subject, body=body, attempts=0,
                        expires_at=expires_at, next_attempt_at=next_attempt_at)
    db.session.add(email)
    db.session.flush()
    return email


def lock_email(email_id):
    """Re-read an email, locking its row where the database can, so two senders never both send it."""
    return db.session.scalar(
        select(OutboxEmail).where(OutboxEmail.id == email_id).with_for_update(skip_locked=True)
    )


def list_due_ids(now):
    return list(db.session.scalars(
        select(OutboxEmail.id).where(OutboxEmail.next_attempt_at <= now).order_by(OutboxEmail.id)
    ))


def delete_email(email):
    db.session.delete(email)
    db.session.flush()
