"""A round of a framework: invitations, drafts, submission, reopening and carry-forward.

An agency lead answers every rated standard (a rating and an evidence narrative,
with supporting links and any supplementary questions). Answers carried forward
from the agency's last round must be confirmed or changed before submission.
Submitting locks the answers; the business unit can reopen a submission with a
reason, and the panel can reopen a single standard by asking for more evidence.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.models import Agency, Round, StandardAnswer, Submission, SubmissionStatus
from feedback_app.models._types import utcnow
from feedback_app.queries import assurance as q
from feedback_app.services import audit
from feedback_app.services.assurance import tokens
from feedback_app.services.assurance.frameworks import definition_of

S = SubmissionStatus
STATUS_LABELS = {S.not_started: _l("Not started"), S.draft: _l("In progress"), S.submitted: _l("Submitted"),
                 S.reopened: _l("Reopened")}
STATUS_TAGS = {S.not_started: "govuk-tag--grey", S.draft: "govuk-tag--blue", S.submitted: "govuk-tag--green",
               S.reopened: "govuk-tag--orange"}


class RoundRefused(Exception):
    def __init__(self, message, field=None):
        super().__init__(str(message))
        self.message, self.field = message, field


def status_label(status):
    return STATUS_LABELS[status]


def target(submission):
    return f"assurance_submission:{submission.id}"


def definition(round_):
    return definition_of(round_.definition)


def agencies_by_name(names):
    """The agencies with these names, adding any new ones (no commit)."""
    found = []
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        agency = q.get_agency_by_name(name) or q.add(Agency(name=name))
        if agency not in found:
            found.append(agency)
    return found


def create_round(framework, title, deadline, agencies, actor, previous_round=None):
    """A new round with a submission per agency; the agency's last answers carried forward."""
    if previous_round is not None and previous_round.framework_id != framework.id:
        raise RoundRefused(_l("The previous round must be of the same framework"), "previous_round")
    if not agencies:
        raise RoundRefused(_l("Choose at least one agency"), "agencies")
    with queries.transaction():
        round_ = q.add(Round(framework_id=framework.id, title=title, definition=framework.definition,
                             deadline=deadline, previous_round_id=previous_round.id if previous_round else None))
        for agency in agencies:
            _add_submission(round_, agency, previous_round)
        audit.add(actor, "assurance.round_created", f"assurance_round:{round_.id}", title=title,
                  framework=framework.slug, agencies=len(agencies),
                  previous_round=previous_round.id if previous_round else None)
    return round_


def _add_submission(round_, agency, previous_round):
    submission = q.add(Submission(round_id=round_.id, agency_id=agency.id))
    carried = 0
    earlier = q.find_submission(previous_round.id, agency.id) if previous_round else None
    if earlier is not None:
        wanted = {s.id for s in definition(round_).standards}
        for old in earlier.answers:
            if old.standard_id in wanted and (old.self_rating or old.evidence):
                q.add(StandardAnswer(submission_id=submission.id, standard_id=old.standard_id,
                                     self_rating=old.agreed_rating or old.self_rating, evidence=old.evidence,
                                     links=old.links, supplementary={}, carried_forward=True, confirmed=False))
                carried += 1
    return submission, carried


def add_agency(round_, agency, actor):
    if q.find_submission(round_.id, agency.id) is not None:
        raise RoundRefused(_l("That agency is already in this round"), "agency")
    with queries.transaction():
        submission, carried = _add_submission(round_, agency, round_.previous_round)
        audit.add(actor, "assurance.agency_added", target(submission), agency=agency.name, carried=carried)
    return submission


def issue_invitation(submission, actor):
    """A new invitation link token for the agency's lead (an earlier link stops working)."""
    token, hashed = tokens.new_token()
    with queries.transaction():
        submission.token_hash = hashed
        audit.add(actor, "assurance.invitation_issued", target(submission), agency=submission.agency.name)
    return token


def submission_for_token(token):
    return q.get_submission_by_token_hash(tokens.token_hash(token)) if token else None


def answers_by_standard(submission):
    return {answer.standard_id: answer for answer in submission.answers}


def can_edit(submission, standard_id=None):
    """Drafts and reopened submissions are open; a submitted one only where the panel asked for more."""
    if submission.round.closed_at is not None:
        return False
    if submission.status != S.submitted:
        return True
    answer = answers_by_standard(submission).get(standard_id) if standard_id else None
    return bool(answer and answer.unlocked)


@dataclass(frozen=True)
class StandardState:
    standard: object
    answer: object
    complete: bool
    editable: bool


def progress(submission):
    answers = answers_by_standard(submission)
    states = []
    for standard in definition(submission.round).standards:
        answer = answers.get(standard.id)
        complete = bool(answer and answer.confirmed and answer.evidence and (answer.self_rating or not standard.rated))
        states.append(StandardState(standard, answer, complete, can_edit(submission, standard.id)))
    return states


def save_answer(submission, standard_id, rating, evidence, links, supplementary, by):
    """Save one standard (a draft until submitted). ``by`` names who saved it, for the audit log."""
    standard = definition(submission.round).standard(standard_id)
    if standard is None:
        raise RoundRefused(_l("There is no such standard"))
    if not can_edit(submission, standard_id):
        raise RoundRefused(_l("This self-assessment has been submitted and can no longer be changed"))
    with queries.transaction():
        answer = q.get_answer(submission.id, standard_id)
        if answer is None:
            answer = q.add(StandardAnswer(submission_id=submission.id, standard_id=standard_id, supplementary={}))
        before = answer.self_rating
        answer.self_rating = rating if standard.rated else None
        answer.evidence, answer.links = evidence, links or None
        answer.supplementary = {p.id: supplementary.get(p.id, "") for p in standard.supplementary}
        answer.confirmed = True
        answer.updated_at = utcnow()
        more_evidence = answer.unlocked
        answer.unlocked = False
        if submission.status == S.not_started:
            submission.status = S.draft
        audit.add(None, "assurance.further_evidence" if more_evidence else "assurance.answer_saved",
                  target(submission), by=by, standard=standard_id, rating_before=before, rating=answer.self_rating)
    return answer


def submit(submission, by):
    missing = [state.standard.id for state in progress(submission) if not state.complete]
    if missing:
        raise RoundRefused(_l("Complete every standard before you submit: %(count)s still to do", count=len(missing)))
    if submission.status == S.submitted:
        raise RoundRefused(_l("This self-assessment has already been submitted"))
    with queries.transaction():
        submission.status = S.submitted
        submission.submitted_at = utcnow()
        audit.add(None, "assurance.submitted", target(submission), by=by, agency=submission.agency.name)


def reopen(submission, actor, reason):
    if submission.status != S.submitted:
        raise RoundRefused(_l("Only a submitted self-assessment can be reopened"), "reason")
    with queries.transaction():
        submission.status = S.reopened
        audit.add(actor, "assurance.reopened", target(submission), reason=reason, agency=submission.agency.name)


def withdraw_invitation(submission, actor):
    """The agency's invitation link stops working; a new one can be issued later."""
    if submission.token_hash is None:
        raise RoundRefused(_l("This agency has no invitation link to withdraw"))
    with queries.transaction():
        submission.token_hash = None
        audit.add(actor, "assurance.invitation_withdrawn", target(submission), agency=submission.agency.name)


def close_round(round_, actor, reason):
    """Closed: no agency can change its answers; the panel's review and reports carry on."""
    if round_.closed_at is not None:
        raise RoundRefused(_l("This round is already closed"), "reason")
    with queries.transaction():
        round_.closed_at = utcnow()
        audit.add(actor, "assurance.round_closed", f"assurance_round:{round_.id}", reason=reason,
                  not_submitted=not_submitted(round_))


def reopen_round(round_, actor, reason):
    if round_.closed_at is None:
        raise RoundRefused(_l("This round is not closed"), "reason")
    with queries.transaction():
        round_.closed_at = None
        audit.add(actor, "assurance.round_reopened", f"assurance_round:{round_.id}", reason=reason)


def not_submitted(round_):
    return sum(1 for submission in round_.submissions if submission.status != S.submitted)


def counts(round_):
    tally = {status: 0 for status in S}
    for submission in round_.submissions:
        tally[submission.status] += 1
    return tally
