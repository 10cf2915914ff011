"""Drafts (answers in progress, server-side) and submitted responses.

Nothing here stores an IP address, a user agent or any other identifier of
the person answering: a draft is found by a random token held in their
session cookie or by a resume code only they were shown.
"""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, SealedJSON, UTCDateTime, utcnow


class Draft(db.Model):
    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    resume_code_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    survey_version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"))
    language: Mapped[str] = mapped_column(String(10), default="en")
    # What the draft was started from beyond its survey, e.g. a course session: filled-in lists.
    context: Mapped[dict | None] = mapped_column(JSONType)
    # Encrypted at rest: names, phone numbers and addresses typed into an abandoned draft are not
    # readable from the database (the respondent still sees what they typed).
    answers: Mapped[dict] = mapped_column(SealedJSON, default=dict)
    visited_pages: Mapped[list] = mapped_column(JSONType, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    survey_version = relationship("SurveyVersion")
    cohort = relationship("Cohort")
    response: Mapped["Response | None"] = relationship(back_populates="draft")


class Response(db.Model):
    __tablename__ = "response"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    survey_version_id: Mapped[int] = mapped_column(ForeignKey("survey_version.id"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id"), index=True)
    # One response per draft: the unique key makes a double submit a no-op.
    draft_id: Mapped[int | None] = mapped_column(
        ForeignKey("draft.id", ondelete="SET NULL"), unique=True
    )
    language: Mapped[str] = mapped_column(String(10))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    draft: Mapped[Draft | None] = relationship(back_populates="response")
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="response", order_by="Answer.id", cascade="all, delete-orphan"
    )
    survey_version = relationship("SurveyVersion")
    cohort = relationship("Cohort")


class Answer(db.Model):
    """One question's answer. ``value`` holds the coded answer; ``text`` free text."""

    __tablename__ = "answer"
    # One answer per question of a response (migration 0016): a second would be counted twice.
    __table_args__ = (Index("uq_answer_response_question", "response_id", "question_id", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("response.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(80), index=True)
    value: Mapped[object] = mapped_column(JSONType)
    text: Mapped[str | None] = mapped_column(Text)
    text_language: Mapped[str | None] = mapped_column(String(10))
    # Set when the retention policy deleted the free text (closed answers are never deleted).
    text_deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    response: Mapped[Response] = relationship(back_populates="answers")


class ResultsDataVersion(db.Model):
    """What a survey's results are counted from, as a number that moves with every change: the audit of its
    breakdowns is cached under it (``services.audit_cache``).

    Written only by the database's own triggers (migration 0014), in the same transaction as the change:
    any insert, delete, or update of a counted column of ``response`` (survey, cohort, submission time),
    ``answer`` (response, question, value) or ``safeguarding_alert`` (any column that decides whether an
    answer is held back), whichever code made it. ``epoch`` is drawn at random when the row is made (a
    survey's first response, or again after its row went with the survey), so a number is never reused for
    other data.
    """

    __tablename__ = "results_data_version"

    survey_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    epoch: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(BigInteger)
