"""Possible safeguarding disclosures found in free-text answers, for the DSL to review."""

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import UTCDateTime, utcnow


class AlertStatus(enum.Enum):
    new = "new"
    no_concern = "no_concern"
    referred = "referred"
    false_alarm = "false_alarm"


class SafeguardingAlert(db.Model):
    """One flagged answer. ``original_text`` is the only place the unredacted answer is kept."""

    __tablename__ = "safeguarding_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    original_text: Mapped[str] = mapped_column(Text)
    categories: Mapped[list] = mapped_column(JSON, default=list)
    evidence: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[AlertStatus] = mapped_column(
        Enum(AlertStatus, name="alert_status", native_enum=False, length=20), default=AlertStatus.new, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # When the alert's emails were put in the outbox, and when the mail server first took one for a DSL.
    mail_queued_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    review_note: Mapped[str | None] = mapped_column(Text)
    # "Referred on": to whom (free text, e.g. "MASH").
    referred_to: Mapped[str | None] = mapped_column(String(200))

    response = relationship("Response")
    survey = relationship("Survey")
    reviewed_by = relationship("User")
