"""The assurance panel (QPP) challenges each submission.

Per standard: a comment, an agreed rating that may differ from the agency's own
(both are kept), and a request for more evidence, which reopens that standard
for the agency. Per submission: a panel outcome. All in the audit log.
"""

from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.models import SubmissionStatus
from feedback_app.models._types import utcnow
from feedback_app.queries import assurance as q
from feedback_app.services import audit
from feedback_app.services.assurance.rounds import RoundRefused, definition, target

OUTCOMES = {
    "assured": _l("Assured"),
    "assured_with_actions": _l("Partly assured: actions agreed"),
    "not_assured": _l("Not assured: more evidence needed"),
}


def outcome_label(value):
    return OUTCOMES.get(value, value or "")


def review_standard(submission, standard_id, actor, comment, agreed_rating, evidence_request):
    """Record the panel's view of one standard; a request for more evidence reopens it for the agency."""
    if submission.status != SubmissionStatus.submitted:
        raise RoundRefused(_l("The panel reviews submitted self-assessments only"), "comment")
    framework = definition(submission.round)
    standard = framework.standard(standard_id)
    if standard is None:
        raise RoundRefused(_l("There is no such standard"))
    if agreed_rating and framework.level(agreed_rating) is None:
        raise RoundRefused(_l("Select a rating from the list"), "agreed_rating")
    answer = q.get_answer(submission.id, standard_id)
    if answer is None:
        raise RoundRefused(_l("The agency has not answered this standard"), "comment")
    with queries.transaction():
        before = answer.agreed_rating
        answer.panel_comment = comment or None
        answer.agreed_rating = agreed_rating or None
        if evidence_request:
            answer.evidence_request = evidence_request
            answer.unlocked = True
        audit.add(actor, "assurance.challenged", target(submission), standard=standard_id,
                  self_rating=answer.self_rating, agreed_before=before, agreed=answer.agreed_rating,
                  comment=bool(comment), evidence_requested=bool(evidence_request))
    return answer


def record_outcome(submission, actor, outcome, note):
    if outcome not in OUTCOMES:
        raise RoundRefused(_l("Select an outcome"), "outcome")
    if submission.status != SubmissionStatus.submitted:
        raise RoundRefused(_l("The panel reviews submitted self-assessments only"), "outcome")
    with queries.transaction():
        submission.panel_outcome, submission.panel_note = outcome, note or None
        submission.panel_reviewed_at = utcnow()
        audit.add(actor, "assurance.panel_outcome", target(submission), outcome=outcome, note=bool(note))
