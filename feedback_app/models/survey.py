"""Surveys, their versions (one per change of the definition file) and cohorts."""

import enum
from datetime import date, datetime

from sqlalchemy import Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, UTCDateTime, utcnow


class SurveyStatus(enum.Enum):
    draft = "draft"
    open = "open"
    closed = "closed"
    archived = "archived"


class Survey(db.Model):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    audience: Mapped[str] = mapped_column(String(40))
    status: Mapped[SurveyStatus] = mapped_column(
        Enum(SurveyStatus, name="survey_status", native_enum=False, length=20)
    )
    opens_on: Mapped[date | None]
    closes_on: Mapped[date | None]
    source_file: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list["SurveyVersion"]] = relationship(
        back_populates="survey", order_by="SurveyVersion.number"
    )
    cohorts: Mapped[list["Cohort"]] = relationship(back_populates="survey", order_by="Cohort.id")


class SurveyVersion(db.Model):
    __tablename__ = "survey_version"
    __table_args__ = (UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    number: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64))
    # Loaded only when first read: pages use the parsed definition cached per version (services.journey).
    definition: Mapped[dict] = mapped_column(JSONType, deferred=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # "file" (flask surveys load) or "builder" (made live in the browser), and by whom.
    source: Mapped[str] = mapped_column(String(20), default="file", server_default="file")
    created_by: Mapped[str | None] = mapped_column(String(254))

    survey: Mapped[Survey] = relationship(back_populates="versions")


class SurveyDraft(db.Model):
    """A survey being written in the builder: a new survey, or the next version of one.

    Respondents never see it; making it live turns it into a :class:`SurveyVersion`.
    """

    __tablename__ = "survey_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    survey_id: Mapped[int | None] = mapped_column(ForeignKey("survey.id"))
    base_version_id: Mapped[int | None] = mapped_column(ForeignKey("survey_version.id"))
    definition: Mapped[dict] = mapped_column(JSONType)
    created_by: Mapped[str | None] = mapped_column(String(254))
    updated_by: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Cohort(db.Model):
    """A distribution link's group (a youth group, an agency). Identifies no one."""

    __tablename__ = "cohort"
    __table_args__ = (UniqueConstraint("survey_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(200))
    token: Mapped[str] = mapped_column(String(40), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    survey: Mapped[Survey] = relationship(back_populates="cohorts")
