"""Rate-limit counters (when there is no Redis) and the outbox of emails still to send.

A counter is keyed by an HMAC of the client's address with a secret that changes
every day: the address itself is never stored, and yesterday's keys cannot be
linked to today's. An outbox row holds an email until the mail server accepts it;
it is deleted on success, so nothing is kept once it has been sent.
"""

from datetime import datetime

from sqlalchemy import BigInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from feedback_app.extensions import db
from feedback_app.models._types import UTCDateTime, utcnow


class RateLimitCounter(db.Model):
    __tablename__ = "rate_limit_counter"
    __table_args__ = (UniqueConstraint("key_hash", "window_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    window_start: Mapped[int] = mapped_column(BigInteger, index=True)  # seconds since the epoch
    count: Mapped[int] = mapped_column(default=0)


class OutboxEmail(db.Model):
    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # After this the email is pointless (a reset link that has expired): given up, and the give-up logged.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
