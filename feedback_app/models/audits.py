"""Audit planning: priority areas, audit proposals made from themes, their actions, and published reports."""

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Column, Enum, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, UTCDateTime, utcnow


class ProposalStatus(enum.Enum):
    proposed = "proposed"
    agreed = "agreed"
    scheduled = "scheduled"
    completed = "completed"
    dropped = "dropped"


class PriorityArea(db.Model):
    """One of the partnership's priorities, seeded from ``config/priorities.yaml``."""

    __tablename__ = "priority_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


proposal_priority = Table(
    "audit_proposal_priority",
    db.metadata,
    Column("proposal_id", Integer, ForeignKey("audit_proposal.id", ondelete="CASCADE"), primary_key=True),
    Column("priority_id", Integer, ForeignKey("priority_area.id", ondelete="CASCADE"), primary_key=True),
)


class AuditProposal(db.Model):
    """A proposed multi-agency audit, made from one or more themes of a theme run.

    ``generated_evidence`` is the evidence as worked out from the data when the
    proposal was made; ``evidence`` is the version staff edit. Both are kept so
    the Board can see what changed.
    """

    __tablename__ = "audit_proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    status: Mapped[ProposalStatus] = mapped_column(
        Enum(ProposalStatus, name="proposal_status", native_enum=False, length=20),
        default=ProposalStatus.proposed, index=True,
    )
    programme_year: Mapped[int] = mapped_column(index=True)
    quarter: Mapped[int | None]
    lead_agency: Mapped[str | None] = mapped_column(String(200))
    theme_run_id: Mapped[int | None] = mapped_column(ForeignKey("theme_run.id", ondelete="SET NULL"), index=True)
    generated_evidence: Mapped[dict] = mapped_column(JSONType, default=dict)
    evidence: Mapped[dict] = mapped_column(JSONType, default=dict)
    evidence_edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    drop_reason: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[str | None] = mapped_column(Text)
    completed_on: Mapped[date | None]
    follow_up_survey: Mapped[str | None] = mapped_column(String(80))
    follow_up_question: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    status_changed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    priorities: Mapped[list[PriorityArea]] = relationship(secondary=proposal_priority, order_by="PriorityArea.position")
    theme_links: Mapped[list["AuditProposalTheme"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="AuditProposalTheme.id"
    )
    actions: Mapped[list["AuditAction"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="AuditAction.position"
    )
    created_by = relationship("User")


class AuditProposalTheme(db.Model):
    """A theme the proposal was made from. The label is kept in case the theme is later renamed or merged."""

    __tablename__ = "audit_proposal_theme"
    __table_args__ = (UniqueConstraint("proposal_id", "theme_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("audit_proposal.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id", ondelete="SET NULL"), index=True)
    label: Mapped[str] = mapped_column(String(200))

    proposal: Mapped[AuditProposal] = relationship(back_populates="theme_links")
    theme = relationship("Theme")


class AuditAction(db.Model):
    """An action agreed from a completed audit's findings."""

    __tablename__ = "audit_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("audit_proposal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_on: Mapped[date | None]

    proposal: Mapped[AuditProposal] = relationship(back_populates="actions")


class PublishedReport(db.Model):
    """A snapshot of a report, published for the Board: viewers see only these.

    ``content`` holds everything the report shows, as it was when published,
    so later changes to themes or proposals do not change a published report.
    """

    __tablename__ = "published_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    # What it reports on (a run's id, a year): publishing the same report again adds a version.
    subject: Mapped[str | None] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    title: Mapped[str] = mapped_column(String(300))
    content: Mapped[dict] = mapped_column(JSONType, default=dict)
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    published_by = relationship("User")


class ScorecardIndicator(db.Model):
    """One line of the Board's quarterly scorecard: the share of people giving some answers to a question.

    ``codes``: the answers counted (e.g. "agree" and "strongly agree"); ``target``: a percentage or none.
    """

    __tablename__ = "scorecard_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"))
    item_key: Mapped[str] = mapped_column(String(200))
    codes: Mapped[list] = mapped_column(JSONType, default=list)
    target: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    survey = relationship("Survey")
