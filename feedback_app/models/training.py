"""Training courses, their sessions, the links between responses and sessions, follow-up reminders.

Nothing here identifies an attendee. A response is tied to a session and a
stage (before, after, follow-up) and, where the attendee chose to, to a
pairing hash: a salted, slow hash of a code only they can recreate, or of a
random token their browser carried. Follow-up reminder emails are kept in a
table of their own with no link to any response, and deleted once sent.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, UTCDateTime, utcnow

STAGES = ("before", "after", "followup")
DELIVERY = ("in_person", "online")


class TrainingCourse(db.Model):
    __tablename__ = "training_course"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # [{"id": "o1", "text": "..."}]: ids are never reused, so answers keep their meaning.
    objectives: Mapped[list] = mapped_column(JSONType, default=list)
    # Codes of the partnership's priority areas (config/priorities.yaml) the course serves.
    priority_codes: Mapped[list] = mapped_column(JSONType, default=list)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    # Salts attendees' pairing codes, so the same code gives unrelated hashes on different courses.
    pairing_salt: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    trainer = relationship("User")
    sessions: Mapped[list["TrainingSession"]] = relationship(
        back_populates="course", order_by="(TrainingSession.held_on, TrainingSession.id)"
    )


class TrainingSession(db.Model):
    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    delivery: Mapped[str] = mapped_column(String(20))
    venue: Mapped[str | None] = mapped_column(String(200))
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    attendance: Mapped[int | None]
    before_token: Mapped[str] = mapped_column(String(40), unique=True)
    after_token: Mapped[str] = mapped_column(String(40), unique=True)
    followup_token: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    course: Mapped[TrainingCourse] = relationship(back_populates="sessions")
    trainer = relationship("User")

    def token(self, stage):
        return getattr(self, f"{stage}_token")


class TrainingResponse(db.Model):
    """Which session and stage a response answered, and its pairing hash if any."""

    __tablename__ = "training_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"), unique=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(String(10))
    pairing_hash: Mapped[str | None] = mapped_column(String(64))

    response = relationship("Response")
    session: Mapped[TrainingSession] = relationship()


class FollowupReminder(db.Model):
    """An email address waiting to be sent a session's follow-up link, then deleted.

    Deliberately unlinked from answers: a random key (no sequence), the due day
    only (no time), and no response or draft id.
    """

    __tablename__ = "training_followup_reminder"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"), index=True)
    failed_attempts: Mapped[int] = mapped_column(default=0)

    session: Mapped[TrainingSession] = relationship()
