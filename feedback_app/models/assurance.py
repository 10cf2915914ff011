"""Assurance: standards frameworks, self-assessment rounds, panel challenge, action plans and case audits.

Agencies are organisations, not people. An agency's lead opens its self-assessment
through an invitation link; only a hash of the link's token is stored. A round keeps
a copy of the framework as it was when the round began, so later edits to the file
do not change what agencies answered.
"""

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Enum, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback_app.extensions import db
from feedback_app.models._types import JSONType, UTCDateTime, utcnow


class SubmissionStatus(enum.Enum):
    not_started = "not_started"
    draft = "draft"
    submitted = "submitted"
    reopened = "reopened"


class ActionStatus(enum.Enum):
    open = "open"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"


def _enum(cls, name):
    return Enum(cls, name=name, native_enum=False, length=20)


class Framework(db.Model):
    __tablename__ = "assurance_framework"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    content_hash: Mapped[str] = mapped_column(String(64))
    definition: Mapped[dict] = mapped_column(JSONType, default=dict)
    source_file: Mapped[str | None] = mapped_column(String(200))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Agency(db.Model):
    __tablename__ = "assurance_agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Round(db.Model):
    __tablename__ = "assurance_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    framework_id: Mapped[int] = mapped_column(ForeignKey("assurance_framework.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    definition: Mapped[dict] = mapped_column(JSONType, default=dict)
    deadline: Mapped[date]
    previous_round_id: Mapped[int | None] = mapped_column(ForeignKey("assurance_round.id", ondelete="SET NULL"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    framework: Mapped[Framework] = relationship()
    previous_round = relationship("Round", remote_side=[id])
    submissions: Mapped[list["Submission"]] = relationship(back_populates="round", cascade="all, delete-orphan",
                                                           order_by="Submission.id")


class Submission(db.Model):
    """One agency's self-assessment in a round."""

    __tablename__ = "assurance_submission"
    __table_args__ = (UniqueConstraint("round_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("assurance_round.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("assurance_agency.id", ondelete="RESTRICT"), index=True)
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    status: Mapped[SubmissionStatus] = mapped_column(_enum(SubmissionStatus, "submission_status"),
                                                     default=SubmissionStatus.not_started)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    panel_outcome: Mapped[str | None] = mapped_column(String(30))
    panel_note: Mapped[str | None] = mapped_column(Text)
    panel_reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    round: Mapped[Round] = relationship(back_populates="submissions")
    agency: Mapped[Agency] = relationship()
    answers: Mapped[list["StandardAnswer"]] = relationship(back_populates="submission", cascade="all, delete-orphan",
                                                           order_by="StandardAnswer.id")


class StandardAnswer(db.Model):
    """An agency's rating and evidence for one standard, and the panel's challenge of it (both kept)."""

    __tablename__ = "assurance_answer"
    __table_args__ = (UniqueConstraint("submission_id", "standard_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("assurance_submission.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str] = mapped_column(String(60))
    self_rating: Mapped[str | None] = mapped_column(String(30))
    evidence: Mapped[str | None] = mapped_column(Text)
    links: Mapped[str | None] = mapped_column(Text)
    supplementary: Mapped[dict] = mapped_column(JSONType, default=dict)
    carried_forward: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    agreed_rating: Mapped[str | None] = mapped_column(String(30))
    panel_comment: Mapped[str | None] = mapped_column(Text)
    evidence_request: Mapped[str | None] = mapped_column(Text)
    unlocked: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    submission: Mapped[Submission] = relationship(back_populates="answers")


class AgencyAction(db.Model):
    """A single-agency improvement action, raised in a round and tracked until done."""

    __tablename__ = "assurance_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("assurance_agency.id", ondelete="CASCADE"), index=True)
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("assurance_submission.id", ondelete="SET NULL"),
                                                      index=True)
    standard_id: Mapped[str | None] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date]
    status: Mapped[ActionStatus] = mapped_column(_enum(ActionStatus, "assurance_action_status"),
                                                 default=ActionStatus.open)
    completed_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    agency: Mapped[Agency] = relationship()
    submission = relationship("Submission")
    updates: Mapped[list["ActionUpdate"]] = relationship(back_populates="action", cascade="all, delete-orphan",
                                                         order_by="ActionUpdate.id")


class ActionUpdate(db.Model):
    __tablename__ = "assurance_action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("assurance_action.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    by: Mapped[str] = mapped_column(String(254))

    action: Mapped[AgencyAction] = relationship(back_populates="updates")


class Priority(db.Model):
    """A multi-agency priority drawn from a round's actions and low ratings.

    Linkable to an audit proposal and to one of the partnership's priority areas.
    """

    __tablename__ = "assurance_priority"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("assurance_round.id", ondelete="CASCADE"), index=True)
    standard_id: Mapped[str | None] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    proposal_id: Mapped[int | None] = mapped_column(ForeignKey("audit_proposal.id", ondelete="SET NULL"))
    priority_area_id: Mapped[int | None] = mapped_column(ForeignKey("priority_area.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    proposal = relationship("AuditProposal")
    priority_area = relationship("PriorityArea")


class CaseAudit(db.Model):
    """A multi-agency case audit, run for a scheduled audit of the audit programme."""

    __tablename__ = "case_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(ForeignKey("audit_proposal.id", ondelete="CASCADE"), index=True)
    definition: Mapped[dict] = mapped_column(JSONType, default=dict)
    escalation_name: Mapped[str] = mapped_column(String(200))
    escalation_email: Mapped[str] = mapped_column(String(254))
    # A follow-up audit checks whether an earlier case audit's recommendations were acted on.
    follows_id: Mapped[int | None] = mapped_column(ForeignKey("case_audit.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    proposal = relationship("AuditProposal")
    follows = relationship("CaseAudit", remote_side=[id])
    agencies: Mapped[list["CaseAuditAgency"]] = relationship(back_populates="case_audit", cascade="all, delete-orphan",
                                                             order_by="CaseAuditAgency.id")
    cases: Mapped[list["AuditCase"]] = relationship(back_populates="case_audit", cascade="all, delete-orphan",
                                                    order_by="AuditCase.id")


class CaseAuditAgency(db.Model):
    """An agency taking part in a case audit; its auditor's invitation link (hash only)."""

    __tablename__ = "case_audit_agency"
    __table_args__ = (UniqueConstraint("case_audit_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_audit_id: Mapped[int] = mapped_column(ForeignKey("case_audit.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("assurance_agency.id", ondelete="RESTRICT"))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    case_audit: Mapped[CaseAudit] = relationship(back_populates="agencies")
    agency: Mapped[Agency] = relationship()


class AuditCase(db.Model):
    """A sampled case, by the partnership's own reference only: never a name."""

    __tablename__ = "case_audit_case"
    __table_args__ = (UniqueConstraint("case_audit_id", "reference"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_audit_id: Mapped[int] = mapped_column(ForeignKey("case_audit.id", ondelete="CASCADE"), index=True)
    reference: Mapped[str] = mapped_column(String(40))
    age_band: Mapped[str] = mapped_column(String(20))
    agency_ids: Mapped[list] = mapped_column(JSONType, default=list)
    agreed_grade: Mapped[str | None] = mapped_column(String(30))
    learning_points: Mapped[str | None] = mapped_column(Text)
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    concern_raised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    escalated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    case_audit: Mapped[CaseAudit] = relationship(back_populates="cases")
    returns: Mapped[list["CaseReturn"]] = relationship(back_populates="case", cascade="all, delete-orphan",
                                                       order_by="CaseReturn.id")


class CaseReturn(db.Model):
    """One agency's answers about its involvement in a case."""

    __tablename__ = "case_audit_return"
    __table_args__ = (UniqueConstraint("case_id", "agency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_audit_case.id", ondelete="CASCADE"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("assurance_agency.id", ondelete="RESTRICT"))
    answers: Mapped[dict] = mapped_column(JSONType, default=dict)
    grade: Mapped[str | None] = mapped_column(String(30))
    immediate_concern: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[AuditCase] = relationship(back_populates="returns")
    agency: Mapped[Agency] = relationship()
