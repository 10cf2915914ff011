"""Multi-agency case audits, run for a scheduled audit of the audit programme.

The business unit records a sample of cases by reference only (the partnership's own
audit reference, an age band and the agencies involved: never a name). Each involved
agency's auditor completes the case audit form for its own involvement, seeing only its
own agency's answers. Moderation shows every agency's answers side by side and agrees a
grade and the learning. A case of immediate concern is escalated at once, the same day,
to the named person, by email through the outbox, with no case details in it.
"""

import re

from flask import current_app, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from analysis.redaction import default_redactor
from feedback_app import queries
from feedback_app.models import AuditCase, CaseAudit, CaseAuditAgency, CaseReturn, ProposalStatus
from feedback_app.models._types import utcnow
from feedback_app.queries import assurance as q
from feedback_app.services import audit, outbox
from feedback_app.services.assurance import tokens
from feedback_app.services.assurance.frameworks import definition_of
from feedback_app.services.assurance.rounds import RoundRefused

AGE_BANDS = ("0-4", "5-10", "11-15", "16-17")
REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{1,39}$")
# Personal data the redaction library finds that should never be in a case audit record.
IDENTIFYING = {"name", "dob", "nhs", "address", "postcode", "phone", "email", "handle"}


def definition(case_audit):
    return definition_of(case_audit.definition)


def identifying_kinds(text):
    """Kinds of personal data the text seems to hold (for example a child's name)."""
    if not text:
        return []
    return sorted({kind for _a, _b, kind in default_redactor().find(text) if kind in IDENTIFYING})


def create(proposal, framework, agencies, escalation_name, escalation_email, actor, follows=None):
    if proposal.status != ProposalStatus.scheduled:
        raise RoundRefused(_l("Only a scheduled audit can run a case audit"), "proposal")
    if not agencies:
        raise RoundRefused(_l("Choose at least one agency"), "agencies")
    with queries.transaction():
        case_audit = q.add(CaseAudit(proposal_id=proposal.id, definition=framework.definition,
                                     escalation_name=escalation_name, escalation_email=escalation_email,
                                     follows_id=follows.id if follows else None))
        for agency in agencies:
            q.add(CaseAuditAgency(case_audit_id=case_audit.id, agency_id=agency.id))
        audit.add(actor, "case_audit.created", f"case_audit:{case_audit.id}", proposal=proposal.id,
                  agencies=len(agencies), follows=follows.id if follows else None)
    return case_audit


def add_case(case_audit, reference, age_band, agency_ids, actor):
    reference = reference.strip().upper()
    if not REFERENCE.match(reference):
        raise RoundRefused(_l("Enter the audit reference in capital letters, numbers, / and - only, for example "
                              "MACA-27-01"), "reference")
    if any(case.reference == reference for case in case_audit.cases):
        raise RoundRefused(_l("That reference is already in the sample"), "reference")
    if age_band not in AGE_BANDS:
        raise RoundRefused(_l("Select an age band"), "age_band")
    allowed = {p.agency_id for p in case_audit.agencies}
    if not agency_ids or not set(agency_ids) <= allowed:
        raise RoundRefused(_l("Select the agencies involved"), "agency_ids")
    with queries.transaction():
        case = q.add(AuditCase(case_audit_id=case_audit.id, reference=reference, age_band=age_band,
                               agency_ids=sorted(agency_ids)))
        audit.add(actor, "case_audit.case_added", f"case_audit:{case_audit.id}", case=case.id,
                  agencies=len(agency_ids))
    return case


def issue_invitation(participant, actor):
    token, hashed = tokens.new_token()
    with queries.transaction():
        participant.token_hash = hashed
        audit.add(actor, "case_audit.invitation_issued", f"case_audit:{participant.case_audit_id}",
                  agency=participant.agency.name)
    return token


def participant_for_token(token):
    return q.get_case_audit_agency_by_token_hash(tokens.token_hash(token)) if token else None


def cases_for(participant):
    return [case for case in participant.case_audit.cases if participant.agency_id in case.agency_ids]


def save_return(participant, case, answers, grade, immediate_concern, submit, by):
    """Save (or submit) an agency's answers for a case; escalate at once when of immediate concern."""
    if participant.agency_id not in case.agency_ids or case.case_audit_id != participant.case_audit_id:
        raise RoundRefused(_l("Your agency is not involved in this case"))
    if case.moderated_at is not None:
        raise RoundRefused(_l("This case has been moderated and can no longer be changed"))
    framework = definition(participant.case_audit)
    if grade and framework.level(grade) is None:
        raise RoundRefused(_l("Select a grade from the list"), "grade")
    with queries.transaction():
        row = q.find_return(case.id, participant.agency_id) or q.add(
            CaseReturn(case_id=case.id, agency_id=participant.agency_id, answers={}))
        if row.submitted_at is not None:
            raise RoundRefused(_l("Your agency has already sent its answers for this case"))
        row.answers, row.grade, row.immediate_concern = answers, grade or None, immediate_concern
        row.updated_at = utcnow()
        if submit:
            row.submitted_at = utcnow()
        audit.add(None, "case_audit.return_submitted" if submit else "case_audit.return_saved",
                  f"case_audit:{case.case_audit_id}", by=by, case=case.id, agency=participant.agency.name,
                  immediate_concern=immediate_concern)
    if immediate_concern:
        raise_concern(case, None, by)
    return row


def _link(case):
    with current_app.test_request_context(base_url=current_app.config["BASE_URL"]):
        return url_for("assurance.moderate_case", case_id=case.id, _external=True)


def raise_concern(case, actor, by=None):
    """Mark the case as of immediate concern and email the named person now (once per case)."""
    if case.escalated_at is not None:
        return False
    case_audit = case.case_audit
    with queries.transaction():
        case.concern_raised_at = case.concern_raised_at or utcnow()
    # No case details: not the reference, the age band or the agencies. Only a link behind sign-in.
    outbox.send("case_audit_concern", case_audit.escalation_email,
                _("Immediate concern: a case in a multi-agency audit needs your attention today"),
                _("Dear %(name)s,\n\nAn auditor has marked a case in the multi-agency case audit "
                  "\"%(audit)s\" as a case of immediate concern.\n\nReview it today: %(link)s\n\n"
                  "No case details are included in this email.",
                  name=case_audit.escalation_name, audit=case_audit.proposal.title, link=_link(case)))
    with queries.transaction():
        case.escalated_at = utcnow()
        audit.add(actor, "case_audit.escalated", f"case_audit:{case_audit.id}", case=case.id, by=by,
                  to=case_audit.escalation_email)
    return True


def side_by_side(case):
    """Each involved agency's return for the moderation view (None where not yet sent)."""
    returns = {r.agency_id: r for r in case.returns}
    by_id = {p.agency_id: p.agency for p in case.case_audit.agencies}
    return [(by_id[agency_id], returns.get(agency_id)) for agency_id in case.agency_ids if agency_id in by_id]


def moderate(case, grade, learning_points, actor):
    framework = definition(case.case_audit)
    if framework.level(grade) is None:
        raise RoundRefused(_l("Select the agreed grade"), "grade")
    with queries.transaction():
        case.agreed_grade, case.learning_points = grade, learning_points
        case.moderated_at = utcnow()
        audit.add(actor, "case_audit.moderated", f"case_audit:{case.case_audit_id}", case=case.id, grade=grade)


def findings(case_audit):
    """The learning from moderated cases, to roll up into the audit's findings."""
    framework = definition(case_audit)
    counts = {level.value: 0 for level in framework.levels}
    learning = []
    for case in case_audit.cases:
        if case.moderated_at:
            counts[case.agreed_grade] += 1
            if case.learning_points:
                learning.append((case.reference, case.learning_points))
    return counts, learning


def findings_text(proposal, language="en"):
    """The moderated cases' grades and learning, as a first draft of the audit's findings ("" if none)."""
    from feedback_app.survey_definitions import translate

    parts = []
    for case_audit in q.list_case_audits_for_proposal(proposal.id):
        counts, learning = findings(case_audit)
        if not any(counts.values()):
            continue
        framework = definition(case_audit)
        grades = ", ".join(f"{translate(framework.level(value).label, language)}: {count}"
                           for value, count in counts.items() if count)
        parts.append(_("Multi-agency case audit of %(cases)s cases. Agreed grades: %(grades)s.",
                       cases=sum(counts.values()), grades=grades))
        parts.extend(f"{reference}: {text}" for reference, text in learning)
    return "\n".join(parts)


def recommendations_to_check(case_audit):
    """What a follow-up audit checks: the earlier audit's learning points and its agreed actions."""
    earlier = case_audit.follows
    if earlier is None:
        return None
    _counts, learning = findings(earlier)
    return {"title": earlier.proposal.title, "learning": learning, "actions": list(earlier.proposal.actions)}
