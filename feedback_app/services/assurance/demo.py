"""Demo assurance data for ``make run``: a Section 11 round part-way through, and a moderated case audit.

Repeatable and idempotent: nothing is added when any round exists already.
"""

import random
from datetime import date, timedelta

from feedback_app import queries
from feedback_app.models import AuditProposal, ProposalStatus
from feedback_app.queries import assurance as q
from feedback_app.services.assurance import actions, case_audits, challenge, frameworks, rounds

AGENCIES = ("Northshire Police", "Northshire Integrated Care Board", "Northshire Council children's social care",
            "Probation Service (Northshire)", "Northshire Youth Justice Service", "Northshire Community Health")
EVIDENCE = {
    "green": "In place and checked this year. Reports go to the board every quarter; the last audit found it working.",
    "amber": "Mostly in place. The policy is current but not every team has been checked; a plan is agreed.",
    "red": "Not yet in place across the agency. A new lead started recently and is writing a plan.",
}
BY = "demo data"


def _answer_all(submission, rng, weights=(1, 3, 4)):
    for standard in rounds.definition(submission.round).standards:
        rating = rng.choices(["red", "amber", "green"], weights=weights)[0]
        rounds.save_answer(submission, standard.id, rating, EVIDENCE[rating], "Annual safeguarding report", {}, BY)


def add_demo(directory, today=None, seed=2026):
    """Returns True when it added the demo, False when there was already assurance data."""
    if q.list_rounds():
        return False
    today = today or date.today()
    rng = random.Random(seed)  # noqa: S311 - repeatable demo data, not security
    frameworks.load_directory(directory)
    section_11 = q.get_framework_by_slug("section-11")
    with queries.transaction():
        agencies = rounds.agencies_by_name(AGENCIES)
    last = rounds.create_round(section_11, "Section 11 2025", today - timedelta(days=700), agencies, None)
    for submission in last.submissions:
        _answer_all(submission, rng)
        rounds.submit(submission, BY)
        for standard in rounds.definition(last).standards[:3]:
            answer = rounds.answers_by_standard(submission)[standard.id]
            challenge.review_standard(submission, standard.id, None, "Agreed at the panel.",
                                      answer.self_rating, "")
        challenge.record_outcome(submission, None, "assured_with_actions", "")
        actions.add_action(submission, "training", "Refresh safeguarding training for all front-line staff",
                           "Head of workforce development", today - timedelta(days=30), BY)
    current = rounds.create_round(section_11, "Section 11 2027", today + timedelta(days=60), agencies, None,
                                  previous_round=last)
    ordered = sorted(current.submissions, key=lambda s: s.agency.name)
    for index, submission in enumerate(ordered):
        if index < 2:  # two submitted, one challenged by the panel
            _answer_all(submission, rng, weights=(1, 2, 5))
            rounds.submit(submission, BY)
            if index == 0:
                challenge.review_standard(submission, "training", None, "Figures are for 2024; show this year's.",
                                          "amber", "Send this year's training figures by team")
        elif index < 4:  # drafts: some standards confirmed
            for standard in rounds.definition(current).standards[:index + 1]:
                rating = rng.choice(["amber", "green"])
                rounds.save_answer(submission, standard.id, rating, EVIDENCE[rating], "", {}, BY)
    _add_case_audit(agencies, today)
    return True


def _add_case_audit(agencies, today):
    proposals = q.list_scheduled_proposals()
    with queries.transaction():
        proposal = proposals[0] if proposals else q.add(AuditProposal(
            title="Neglect: multi-agency case audit", question="Do agencies recognise and act on neglect early?",
            programme_year=today.year if today.month >= 4 else today.year - 1, quarter=2,
            lead_agency=agencies[2].name, status=ProposalStatus.scheduled))
    record = case_audits.create(proposal, q.get_framework_by_slug("case-audit"), agencies[:3],
                                "Head of Safeguarding Partnership", "safeguarding-lead@partnership.example", None)
    ids = [p.agency_id for p in record.agencies]
    case = case_audits.add_case(record, "MACA-DEMO-01", "5-10", ids, None)
    case_audits.add_case(record, "MACA-DEMO-02", "11-15", ids[:2], None)
    texts = {"quality_of_practice": "Assessment completed within timescales; risk was understood.",
             "adherence": "Procedures followed; the strategy discussion was held the same day.",
             "childs_voice": "The child was seen alone twice and their wishes recorded.",
             "went_well": "Quick information sharing between school and police.",
             "to_improve": "Health history was not checked before the first visit."}
    framework = case_audits.definition(record)
    for participant in record.agencies:
        answers = {s.id: {"text": texts[s.id], "grade": "good" if s.rated else None} for s in framework.standards}
        case_audits.save_return(participant, case, answers, "good", False, True, BY)
    case_audits.moderate(case, "good", "Check health history before the first visit in every neglect case.", None)
