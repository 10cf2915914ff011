"""Action plans: each agency's actions tracked to completion; multi-agency priorities drawn from them.

An action belongs to its agency, so open actions raised in an earlier round show in
the next round's self-assessment to confirm or change. Overdue: past its date and
not done or dropped.
"""

from collections import defaultdict
from datetime import date

from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.models import ActionStatus, AgencyAction, Priority
from feedback_app.queries import assurance as q
from feedback_app.services import audit
from feedback_app.services.assurance.rounds import RoundRefused, definition

A = ActionStatus
STATUS_LABELS = {A.open: _l("Not started"), A.in_progress: _l("In progress"), A.done: _l("Done"),
                 A.dropped: _l("Dropped")}
STATUS_TAGS = {A.open: "govuk-tag--grey", A.in_progress: "govuk-tag--blue", A.done: "govuk-tag--green",
               A.dropped: "govuk-tag--grey"}


def status_label(status):
    return STATUS_LABELS[status]


def is_overdue(action, today=None):
    return action.status in (A.open, A.in_progress) and action.due_on < (today or date.today())


def add_action(submission, standard_id, description, owner, due_on, by, actor=None):
    if standard_id and definition(submission.round).standard(standard_id) is None:
        raise RoundRefused(_l("Select a standard from the list"), "standard_id")
    with queries.transaction():
        action = q.add(AgencyAction(agency_id=submission.agency_id, submission_id=submission.id,
                                    standard_id=standard_id or None, description=description, owner=owner,
                                    due_on=due_on))
        audit.add(actor, "assurance.action_added", f"assurance_action:{action.id}", by=by,
                  agency=submission.agency.name, due_on=due_on.isoformat())
    return action


def update_action(action, status, note, by, actor=None):
    """A progress update: the new status and what has happened."""
    new = A(status)
    with queries.transaction():
        before = action.status
        action.status = new
        action.completed_on = date.today() if new == A.done else None
        q.add_action_update(action, new.value, note, by)
        audit.add(actor, "assurance.action_updated", f"assurance_action:{action.id}", by=by,
                  before=before.value, after=new.value)


def round_actions(round_, today=None):
    """Every action of the round's agencies, with whether each is overdue; overdue first."""
    agency_ids = [s.agency_id for s in round_.submissions]
    actions = q.list_actions_of_agencies(agency_ids)
    return sorted(((a, is_overdue(a, today)) for a in actions), key=lambda pair: (not pair[1], pair[0].due_on))


def priority_candidates(round_):
    """Standards where agencies rated low (agreed rating when the panel gave one) or raised actions.

    Returns dicts sorted by how many agencies are affected: standard, low-rated agencies, open actions.
    """
    framework = definition(round_)
    low, actions = defaultdict(list), defaultdict(int)
    for submission in round_.submissions:
        for answer in submission.answers:
            rating = answer.agreed_rating or answer.self_rating
            if rating and framework.score(rating) in framework.low_scores:
                low[answer.standard_id].append(submission.agency.name)
    for action, _overdue in round_actions(round_):
        if action.standard_id and action.status in (A.open, A.in_progress):
            actions[action.standard_id] += 1
    candidates = []
    for standard in framework.standards:
        if low[standard.id] or actions[standard.id]:
            candidates.append({"standard": standard, "agencies": sorted(low[standard.id]),
                               "actions": actions[standard.id]})
    return sorted(candidates, key=lambda c: (-len(c["agencies"]), -c["actions"]))


def add_priority(round_, standard_id, title, description, proposal, actor, priority_area=None):
    with queries.transaction():
        priority = q.add(Priority(round_id=round_.id, standard_id=standard_id or None, title=title,
                                  description=description or None, proposal_id=proposal.id if proposal else None,
                                  priority_area_id=priority_area.id if priority_area else None))
        audit.add(actor, "assurance.priority_added", f"assurance_round:{round_.id}", title=title,
                  proposal=proposal.id if proposal else None,
                  priority_area=priority_area.code if priority_area else None)
    return priority
