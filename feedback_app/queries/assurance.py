"""Assurance: frameworks, agencies, rounds, submissions, answers, actions, priorities and case audits."""

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import (
    ActionStatus,
    ActionUpdate,
    Agency,
    AgencyAction,
    AuditCase,
    AuditProposal,
    CaseAudit,
    CaseAuditAgency,
    CaseReturn,
    Framework,
    Priority,
    ProposalStatus,
    Round,
    StandardAnswer,
    Submission,
)


def add(row):
    db.session.add(row)
    db.session.flush()
    return row


# -- frameworks and agencies ---------------------------------------------------------------------------
def get_framework_by_slug(slug):
    return db.session.scalar(select(Framework).where(Framework.slug == slug))


def get_framework(framework_id):
    return db.session.get(Framework, framework_id)


def list_frameworks(kind=None):
    query = select(Framework).order_by(Framework.title)
    if kind:
        query = query.where(Framework.kind == kind)
    return list(db.session.scalars(query))


def list_agencies(active_only=True):
    query = select(Agency).order_by(Agency.name)
    if active_only:
        query = query.where(Agency.active.is_(True))
    return list(db.session.scalars(query))


def get_agency(agency_id):
    return db.session.get(Agency, agency_id)


def get_agency_by_name(name):
    return db.session.scalar(select(Agency).where(db.func.lower(Agency.name) == name.lower()))


# -- rounds and submissions ----------------------------------------------------------------------------
def list_rounds():
    return list(db.session.scalars(select(Round).order_by(Round.deadline.desc(), Round.id.desc())))


def get_round(round_id):
    return db.session.get(Round, round_id)


def get_submission(submission_id):
    return db.session.get(Submission, submission_id)


def get_submission_by_token_hash(token_hash):
    return db.session.scalar(select(Submission).where(Submission.token_hash == token_hash))


def find_submission(round_id, agency_id):
    return db.session.scalar(select(Submission).where(Submission.round_id == round_id,
                                                      Submission.agency_id == agency_id))


def get_answer(submission_id, standard_id):
    return db.session.scalar(select(StandardAnswer).where(StandardAnswer.submission_id == submission_id,
                                                          StandardAnswer.standard_id == standard_id))


# -- actions and priorities ----------------------------------------------------------------------------
def get_action(action_id):
    return db.session.get(AgencyAction, action_id)


def list_actions_of_agency(agency_id, open_only=False):
    query = select(AgencyAction).where(AgencyAction.agency_id == agency_id)
    if open_only:
        query = query.where(AgencyAction.status.in_([ActionStatus.open, ActionStatus.in_progress]))
    return list(db.session.scalars(query.order_by(AgencyAction.due_on, AgencyAction.id)))


def list_actions_of_agencies(agency_ids):
    if not agency_ids:
        return []
    return list(db.session.scalars(select(AgencyAction).where(AgencyAction.agency_id.in_(agency_ids))
                                   .order_by(AgencyAction.due_on, AgencyAction.id)))


def add_action_update(action, status, note, by):
    return add(ActionUpdate(action_id=action.id, status=status, note=note, by=by))


def list_priorities(round_id):
    return list(db.session.scalars(select(Priority).where(Priority.round_id == round_id).order_by(Priority.id)))


def list_open_proposals():
    return list(db.session.scalars(
        select(AuditProposal).where(AuditProposal.status.in_([ProposalStatus.proposed, ProposalStatus.agreed,
                                                              ProposalStatus.scheduled]))
        .order_by(AuditProposal.programme_year.desc(), AuditProposal.title)))


def get_proposal(proposal_id):
    return db.session.get(AuditProposal, proposal_id)


def list_scheduled_proposals():
    return list(db.session.scalars(select(AuditProposal).where(AuditProposal.status == ProposalStatus.scheduled)
                                   .order_by(AuditProposal.title)))


# -- case audits -----------------------------------------------------------------------------------------
def list_case_audits():
    return list(db.session.scalars(select(CaseAudit).order_by(CaseAudit.created_at.desc(), CaseAudit.id.desc())))


def get_case_audit(case_audit_id):
    return db.session.get(CaseAudit, case_audit_id)


def list_case_audits_for_proposal(proposal_id):
    return list(db.session.scalars(select(CaseAudit).where(CaseAudit.proposal_id == proposal_id)
                                   .order_by(CaseAudit.id)))


def get_case(case_id):
    return db.session.get(AuditCase, case_id)


def get_case_audit_agency(participant_id):
    return db.session.get(CaseAuditAgency, participant_id)


def get_case_audit_agency_by_token_hash(token_hash):
    return db.session.scalar(select(CaseAuditAgency).where(CaseAuditAgency.token_hash == token_hash))


def find_return(case_id, agency_id):
    return db.session.scalar(select(CaseReturn).where(CaseReturn.case_id == case_id, CaseReturn.agency_id == agency_id))
