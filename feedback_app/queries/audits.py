"""Audit planning: priority areas, proposals, their actions, and the figures behind a proposal's evidence."""

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from feedback_app.extensions import db
from feedback_app.models import (
    Answer,
    AuditAction,
    AuditEvent,
    AuditProposal,
    AuditProposalTheme,
    PriorityArea,
    Response,
    Survey,
    Theme,
    ThemeAnswer,
)

# --- priority areas -------------------------------------------------------------------------------


def list_priorities(active_only=True):
    query = select(PriorityArea).order_by(PriorityArea.position, PriorityArea.title)
    if active_only:
        query = query.where(PriorityArea.active.is_(True))
    return list(db.session.scalars(query))


def get_priorities(ids):
    if not ids:
        return []
    return list(db.session.scalars(select(PriorityArea).where(PriorityArea.id.in_(list(ids)))
                                   .order_by(PriorityArea.position)))


def get_priority_by_code(code):
    return db.session.scalar(select(PriorityArea).where(PriorityArea.code == code))


def add_priority(code, title, description, position):
    priority = PriorityArea(code=code, title=title, description=description, position=position, active=True)
    db.session.add(priority)
    db.session.flush()
    return priority


def count_priorities():
    return db.session.scalar(select(func.count()).select_from(PriorityArea))


# --- proposals ------------------------------------------------------------------------------------


def add_proposal(**fields):
    proposal = AuditProposal(**fields)
    db.session.add(proposal)
    db.session.flush()
    return proposal


def add_proposal_theme(proposal, theme):
    link = AuditProposalTheme(proposal_id=proposal.id, theme_id=theme.id, label=theme.label)
    db.session.add(link)
    db.session.flush()
    return link


def get_proposal(proposal_id):
    return db.session.get(AuditProposal, proposal_id)


def list_proposals(year=None, priority_id=None, statuses=None):
    """Proposals for a programme year, by quarter (unscheduled last), then title."""
    query = (select(AuditProposal).options(selectinload(AuditProposal.priorities),
                                           selectinload(AuditProposal.theme_links),
                                           selectinload(AuditProposal.actions))
             .order_by(AuditProposal.programme_year, case((AuditProposal.quarter.is_(None), 5),
                                                         else_=AuditProposal.quarter),
                       AuditProposal.title, AuditProposal.id))
    if year is not None:
        query = query.where(AuditProposal.programme_year == year)
    if priority_id is not None:
        query = query.where(AuditProposal.priorities.any(PriorityArea.id == priority_id))
    if statuses:
        query = query.where(AuditProposal.status.in_(list(statuses)))
    return list(db.session.scalars(query))


def list_proposals_for_run(run_id):
    return list(db.session.scalars(select(AuditProposal).where(AuditProposal.theme_run_id == run_id)
                                   .order_by(AuditProposal.id)))


def list_programme_years():
    return list(db.session.scalars(select(AuditProposal.programme_year).distinct()
                                   .order_by(AuditProposal.programme_year)))


def count_by_status(year):
    rows = db.session.execute(select(AuditProposal.status, func.count()).where(AuditProposal.programme_year == year)
                              .group_by(AuditProposal.status))
    return {status: count for status, count in rows.all()}


def replace_actions(proposal, actions):
    """``actions``: ``(description, owner, due_on)`` in order; the old list is replaced."""
    proposal.actions.clear()
    db.session.flush()
    for position, (description, owner, due_on) in enumerate(actions):
        proposal.actions.append(AuditAction(position=position, description=description, owner=owner, due_on=due_on))
    db.session.flush()


def list_proposal_events(target):
    """The audit log entries about one proposal, oldest first."""
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.target == target)
                                   .order_by(AuditEvent.at, AuditEvent.id)))


# --- evidence figures -----------------------------------------------------------------------------


def answer_counts_by_audience(run_id, theme_ids):
    """``{audience: (answers in the themes, answers analysed)}`` for a run; non-answers are not counted."""
    in_themes = case((ThemeAnswer.theme_id.in_(list(theme_ids)), 1), else_=0)
    rows = db.session.execute(
        select(Survey.audience, func.sum(in_themes), func.count())
        .select_from(ThemeAnswer)
        .join(Answer, Answer.id == ThemeAnswer.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .join(Survey, Survey.id == Response.survey_id)
        .where(ThemeAnswer.run_id == run_id, ThemeAnswer.non_answer.is_(False))
        .group_by(Survey.audience)
    )
    return {audience: (int(themed or 0), int(total)) for audience, themed, total in rows.all()}


def get_theme_by_number(run_id, number):
    """A run's theme by its engine number, following a merge to the theme it went into."""
    theme = db.session.scalar(select(Theme).where(Theme.run_id == run_id, Theme.number == number))
    seen = set()
    while theme is not None and theme.merged_into_id is not None and theme.id not in seen:
        seen.add(theme.id)
        theme = db.session.get(Theme, theme.merged_into_id)
    return theme


def count_theme_answers(run_id, theme_ids):
    if not theme_ids:
        return 0
    return db.session.scalar(select(func.count()).select_from(ThemeAnswer).where(
        ThemeAnswer.run_id == run_id, ThemeAnswer.theme_id.in_(list(theme_ids)), ThemeAnswer.non_answer.is_(False)))


def count_run_answers(run_id):
    """Answers a run analysed, leaving out non-answers ("nothing", "n/a")."""
    return db.session.scalar(select(func.count()).select_from(ThemeAnswer).where(
        ThemeAnswer.run_id == run_id, ThemeAnswer.non_answer.is_(False)))
