"""Theme runs: one analysis of free-text answers, its themes, the review trail and triangulation.

A run keeps what the theme engine produced, unchanged: ``ThemeRun.original_output``
(themes, terms, quotes, k selection) and ``ThemeAnswer.original_theme_id``. The
reviewed state lives in the current rows (``Theme``, ``ThemeAnswer.theme_id``);
every change an analyst makes is a ``ThemeReviewEvent`` with the state before and
after, so the review can be audited and undone. Theme rows and assignments are
written in one transaction when the run finishes: a run that did not finish has
none, so nothing half-written is ever shown.

Only redacted text is stored here: quotes are copies of ``Answer.text``, which
is redacted on submit, and the run redacts it again before analysis.
"""

import enum
from datetime import datetime

from sqlalchemy import Boolean, Enum, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, UTCDateTime, utcnow


class RunStatus(enum.Enum):
    queued = "queued"
    running = "running"
    complete = "complete"
    failed = "failed"
    cancelled = "cancelled"


FINISHED = (RunStatus.complete, RunStatus.failed, RunStatus.cancelled)


class ThemeRun(db.Model):
    __tablename__ = "theme_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # {"surveys": [slug], "questions": ["slug:question_id"], "years": [int], "cohorts": [id],
    #  "audiences": [audience]}; an empty list means "all".
    sources: Mapped[dict] = mapped_column(JSONType, default=dict)
    backend: Mapped[str] = mapped_column(String(20), default="tfidf")
    k: Mapped[int | None]
    seed: Mapped[int] = mapped_column(default=0)
    status: Mapped[RunStatus] = mapped_column(
        Enum(RunStatus, name="theme_run_status", native_enum=False, length=20), default=RunStatus.queued, index=True
    )
    progress: Mapped[int] = mapped_column(default=0)  # 0-100
    stage: Mapped[str | None] = mapped_column(String(60))
    error: Mapped[str | None] = mapped_column(Text)
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    job_id: Mapped[str | None] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(default=0)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    previous_run_id: Mapped[int | None] = mapped_column(ForeignKey("theme_run.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_count: Mapped[int] = mapped_column(default=0)
    non_answer_count: Mapped[int] = mapped_column(default=0)
    # What the engine produced, never changed: {"themes": [...], "k_selection": ..., "timings": ...,
    # "matches": [...]}; each theme has "number", "label", "terms", "size", "quotes".
    original_output: Mapped[dict | None] = mapped_column(JSONType)
    narrative: Mapped[str | None] = mapped_column(Text)

    themes: Mapped[list["Theme"]] = relationship(
        back_populates="run", order_by="Theme.number", cascade="all, delete-orphan", passive_deletes=True
    )
    created_by = relationship("User", foreign_keys=[created_by_id])
    previous_run = relationship("ThemeRun", remote_side=[id], foreign_keys=[previous_run_id])

    @property
    def finished(self):
        return self.status in FINISHED


class Theme(db.Model):
    """A theme as reviewed now. ``number`` is the engine's theme id (kept across matched runs)."""

    __tablename__ = "theme"
    __table_args__ = (UniqueConstraint("run_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("theme_run.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    label: Mapped[str] = mapped_column(String(200))
    original_label: Mapped[str] = mapped_column(String(200))
    terms: Mapped[list] = mapped_column(JSONType, default=list)
    quotes: Mapped[list] = mapped_column(JSONType, default=list)
    # "engine" (found by the run), "split" (made by splitting another theme).
    origin: Mapped[str] = mapped_column(String(20), default="engine")
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    narrative: Mapped[str | None] = mapped_column(Text)
    # The matched theme of the previous run, by its number there.
    previous_number: Mapped[int | None]
    previous_similarity: Mapped[float | None] = mapped_column(Float)

    run: Mapped[ThemeRun] = relationship(back_populates="themes")
    merged_into = relationship("Theme", remote_side=[id], foreign_keys=[merged_into_id])

    @property
    def active(self):
        """Shown in the review: not merged away (excluded themes stay listed, marked)."""
        return self.merged_into_id is None


class ThemeAnswer(db.Model):
    """One analysed answer of a run: its theme now and the theme the engine gave it."""

    __tablename__ = "theme_answer"
    __table_args__ = (UniqueConstraint("run_id", "answer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("theme_run.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"), index=True)
    original_theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"))
    non_answer: Mapped[bool] = mapped_column(Boolean, default=False)

    answer = relationship("Answer")
    theme = relationship("Theme", foreign_keys=[theme_id])


class ThemeReviewEvent(db.Model):
    """One review change: who, when, what, with the state before and after (for audit and undo)."""

    __tablename__ = "theme_review_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("theme_run.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    user_email: Mapped[str | None] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # rename | merge | split | move | exclude | include | narrative | run_narrative
    op: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict] = mapped_column(JSONType, default=dict)  # {"before": ..., "after": ..., ...}
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))

    user = relationship("User", foreign_keys=[user_id])


class ThemeTriangulation(db.Model):
    """A closed-question result an analyst chose to show beside a theme."""

    __tablename__ = "theme_triangulation"
    __table_args__ = (UniqueConstraint("theme_id", "survey_id", "item_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"), index=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    # A results item key: a question id, or "question.statement" for a grid statement.
    item_key: Mapped[str] = mapped_column(String(160))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    survey = relationship("Survey")
