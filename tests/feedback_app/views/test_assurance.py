"""Assurance (issue 22): a Section 11 round from invitation to submission, challenge, agreed rating and
action plan; carry-forward; agency privacy; report figures; case audit moderation and same-day escalation."""

from datetime import date

import pytest

from feedback_app.models import AuditEvent, OutboxEmail, ProposalStatus
from feedback_app.queries import assurance as q
from feedback_app.services import audit_planning
from feedback_app.services.assurance import case_audits, rounds, summary
from tests.conftest import ClientRequest

SECTION_11 = ["leadership", "responsibilities", "accountability", "childrens_views", "training", "safer_recruitment",
              "inter_agency", "information_sharing"]


@pytest.fixture
def frameworks(runner):
    result = runner.invoke(args=["frameworks", "load"])
    assert result.exit_code == 0, result.output


def _agency_client(app, token):
    """A separate browser for an agency lead, signed in by nothing but the invitation link."""
    lead = ClientRequest(app.test_client())
    response = lead.client.get(f"/agency/start/{token}")
    assert response.status_code == 302
    return lead, response.location


def _new_round(client_request, title, agencies, previous=None):
    framework = q.get_framework_by_slug("section-11")
    data = {"framework": str(framework.id), "title": title, "deadline": ["31", "3", "2027"],
            "new_agencies": "\n".join(agencies), "previous_round": str(previous.id) if previous else ""}
    client_request.submit("/staff/assurance/rounds/new", data)
    return next(r for r in q.list_rounds() if r.title == title)


def _complete(lead, submission_id, rating="green", skip=()):
    for standard in SECTION_11:
        if standard not in skip:
            lead.submit(f"/agency/self-assessment/{submission_id}/standards/{standard}",
                        {"rating": rating, "evidence": f"Evidence for {standard}", "links": "policy.pdf"})


def test_a_round_from_invitation_to_submission_challenge_and_action_plan(app, client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police", "Northshire Health"])
    police, health = sorted(round_.submissions, key=lambda s: s.agency.name)[1], \
        sorted(round_.submissions, key=lambda s: s.agency.name)[0]
    assert police.agency.name == "Northshire Police"
    page = client_request.submit(f"/staff/assurance/submissions/{police.id}/invitation",
                                 _form_url=f"/staff/assurance/rounds/{round_.id}")
    page = client_request.get(page.location if hasattr(page, "location") else f"/staff/assurance/rounds/{round_.id}")
    link = page.select_one(".govuk-notification-banner").text.split(": ", 1)[1].split()[0]
    token = link.rsplit("/", 1)[1]
    assert q.get_submission(police.id).token_hash != token  # only the hash is stored

    lead, location = _agency_client(app, token)
    overview = lead.get(location)
    assert overview.select_one("h1").text.strip() == "Section 11 2027"
    assert len(overview.select(".govuk-task-list__item")) == 8

    # Nothing chosen: errors by the fields, 400.
    refused = lead.submit(f"/agency/self-assessment/{police.id}/standards/leadership", {}, _expected_status=400)
    assert "Select a rating" in refused.select_one(".govuk-error-summary").text
    # Submitting early is refused.
    early = lead.submit(f"/agency/self-assessment/{police.id}/submit", {}, _expected_status=400)
    assert "still to do" in early.select_one(".govuk-error-summary").text

    _complete(lead, police.id, skip=("training",))
    lead.submit(f"/agency/self-assessment/{police.id}/standards/training",
                {"rating": "amber", "evidence": "Most staff trained", "sup_training_multi_agency": "40"})
    lead.submit(f"/agency/self-assessment/{police.id}/actions/new",
                {"description": "Train the remaining staff", "owner": "Head of learning",
                 "due_on": ["1", "1", "2026"], "standard_id": "training"})
    lead.submit(f"/agency/self-assessment/{police.id}/submit", {})
    assert q.get_submission(police.id).status.value == "submitted"
    # Locked: no more changes.
    assert lead.client.post(f"/agency/self-assessment/{police.id}/standards/leadership",
                            data={"rating": "red"}).status_code in (400, 409)

    # An agency lead can never see another agency's answers.
    assert lead.client.get(f"/agency/self-assessment/{health.id}").status_code == 404
    assert lead.client.get(f"/agency/self-assessment/{health.id}/standards/leadership").status_code == 404
    assert lead.client.get("/staff/assurance/").status_code == 302  # no staff pages either

    # The panel challenges one standard: agreed rating differs (both kept), more evidence asked for.
    panel = ClientRequest(app.test_client())
    from feedback_app.services import accounts
    from tests.conftest import PASSWORD
    accounts.create_user("panel@partnership.example", PASSWORD, ["qpp"])
    panel.submit("/staff/sign-in", {"email": "panel@partnership.example", "password": PASSWORD})
    panel.submit(f"/staff/assurance/submissions/{police.id}/standards/training/challenge",
                 {"comment": "Show the training records", "agreed_rating": "red",
                  "evidence_request": "Send the training figures by team"})
    answer = q.get_answer(police.id, "training")
    assert (answer.self_rating, answer.agreed_rating, answer.unlocked) == ("amber", "red", True)
    # The standard is open again for the agency; others stay locked.
    page = lead.get(f"/agency/self-assessment/{police.id}/standards/training")
    assert "Send the training figures by team" in page.text
    assert lead.client.post(f"/agency/self-assessment/{police.id}/standards/leadership",
                            data={"rating": "red"}).status_code in (400, 409)
    lead.submit(f"/agency/self-assessment/{police.id}/standards/training",
                {"rating": "amber", "evidence": "Figures by team attached"})
    assert q.get_answer(police.id, "training").unlocked is False
    panel.submit(f"/staff/assurance/submissions/{police.id}/outcome",
                 {"outcome": "assured_with_actions", "note": "Good progress"},
                 _form_url=f"/staff/assurance/submissions/{police.id}")
    assert q.get_submission(police.id).panel_outcome == "assured_with_actions"
    # An analyst may not challenge.
    assert client_request.client.get(
        f"/staff/assurance/submissions/{police.id}/standards/training/challenge").status_code == 403

    # Action plan: the overdue action shows; progress is recorded.
    actions = client_request.get(f"/staff/assurance/rounds/{round_.id}/actions")
    assert "Overdue" in actions.select_one("tbody").text
    action = q.list_actions_of_agency(police.agency_id)[0]
    client_request.submit(f"/staff/assurance/actions/{action.id}", {"status": "done", "note": "All trained"})
    assert q.get_action(action.id).status.value == "done" and len(q.get_action(action.id).updates) == 1

    # Multi-agency priorities drawn from low ratings (the agreed one) and open actions, linked to an audit
    # proposal and a partnership priority.
    page = client_request.get(f"/staff/assurance/rounds/{round_.id}/priorities")
    candidates = page.select_one("main ul").text
    assert "Safeguarding training and supervision for staff: rated low by 1 agencies (Northshire Police)" in candidates
    proposal = _scheduled_proposal(app)
    area = audit_planning.priorities(app.config["PRIORITIES_FILE"])[0]
    client_request.submit(f"/staff/assurance/rounds/{round_.id}/priorities", {
        "title": "Training across agencies", "standard_id": "training", "proposal": str(proposal.id),
        "priority_area": str(area.id)})
    [priority] = q.list_priorities(round_.id)
    assert (priority.proposal_id, priority.priority_area_id, priority.standard_id) == (proposal.id, area.id, "training")

    # Reopen with a reason, audited.
    client_request.submit(f"/staff/assurance/submissions/{police.id}/reopen", {"reason": "Wrong team's figures"})
    assert q.get_submission(police.id).status.value == "reopened"
    actions_logged = {e.action for e in AuditEvent.query.all()}
    assert {"assurance.round_created", "assurance.invitation_issued", "assurance.answer_saved", "assurance.submitted",
            "assurance.challenged", "assurance.further_evidence", "assurance.panel_outcome",
            "assurance.action_added", "assurance.action_updated", "assurance.reopened",
            "assurance.priority_added"} <= actions_logged


def test_answers_and_open_actions_are_carried_forward(app, client_request, sign_in, frameworks):
    sign_in("analyst")
    first = _new_round(client_request, "Section 11 2025", ["Youth Service"])
    submission = first.submissions[0]
    lead, _location = _agency_client(app, rounds.issue_invitation(submission, None))
    _complete(lead, submission.id, rating="amber")
    lead.submit(f"/agency/self-assessment/{submission.id}/actions/new",
                {"description": "Refresh the allegations policy", "owner": "Director",
                 "due_on": ["1", "6", "2030"], "standard_id": ""})
    lead.submit(f"/agency/self-assessment/{submission.id}/submit", {})

    second = _new_round(client_request, "Section 11 2027", ["Youth Service"], previous=first)
    carried = second.submissions[0]
    answers = rounds.answers_by_standard(carried)
    assert set(answers) == set(SECTION_11)
    assert all(a.carried_forward and not a.confirmed and a.self_rating == "amber" for a in answers.values())
    lead2, location = _agency_client(app, rounds.issue_invitation(carried, None))
    page = lead2.get(location)
    assert len(page.select(".govuk-task-list__item")) == 8 and "Confirm or change" in page.text
    assert "Refresh the allegations policy" in page.text and "from an earlier round" in page.text
    # Carried answers must be confirmed before submission.
    assert lead2.submit(f"/agency/self-assessment/{carried.id}/submit", {}, _expected_status=400)
    _complete(lead2, carried.id, rating="green", skip=("training",))
    lead2.submit(f"/agency/self-assessment/{carried.id}/standards/training", {"rating": "red", "evidence": "Gaps"})
    lead2.submit(f"/agency/self-assessment/{carried.id}/submit", {})

    # The round summary's figures match the data, with movement since the last round.
    content = summary.round_summary(q.get_round(second.id))
    cells = {c["standard"]: c for c in content["agencies"][0]["cells"]}
    assert cells["leadership"]["movement"] == "up" and cells["training"]["movement"] == "down"
    totals = {t["standard"]: t["counts"] for t in content["totals"]}
    assert totals["leadership"] == {"red": 0, "amber": 0, "green": 1}
    assert totals["training"] == {"red": 1, "amber": 0, "green": 0}
    page = client_request.get(f"/staff/assurance/rounds/{second.id}/summary")
    heat = page.select_one("#heat-map tbody tr")
    assert [td["data-final"] for td in heat.select("td")] == [cells[s]["final"] for s in SECTION_11]
    counts = page.select_one("#counts tr[data-standard=training]")
    assert counts.select_one("td[data-level=red]").text == "1"
    csv = client_request.client.get(f"/staff/assurance/rounds/{second.id}/summary.csv").get_data(as_text=True)
    assert csv.count("Youth Service") == 8
    report = client_request.get(f"/staff/assurance/submissions/{carried.id}/report")
    assert "Refresh the allegations policy" in report.text
    # Published for the Board like other reports: the snapshot shows the same heat map.
    published = client_request.submit("/staff/reports/publish", {},
                                      _form_url=f"/staff/assurance/rounds/{second.id}/summary")
    page = client_request.get(published.location)
    assert [td["data-final"] for td in page.select_one("#heat-map tbody tr").select("td")] == [
        cells[s]["final"] for s in SECTION_11]


def _scheduled_proposal(app):
    from feedback_app.extensions import db
    from feedback_app.models import AuditProposal

    proposal = AuditProposal(title="Neglect audit", question="Do we spot neglect early?", programme_year=2026,
                             quarter=2, lead_agency="Children's social care", status=ProposalStatus.scheduled)
    db.session.add(proposal)
    db.session.commit()
    return proposal


def test_a_case_audit_moderated_and_escalated_the_same_day(app, client_request, sign_in, frameworks, smtp_server):
    sign_in("analyst")
    proposal = _scheduled_proposal(app)
    client_request.submit("/staff/assurance/case-audits/new", {
        "proposal": str(proposal.id), "new_agencies": "Police\nSchool nursing",
        "escalation_name": "Sam Lead", "escalation_email": "lead@partnership.example"})
    case_audit = q.list_case_audits()[0]
    ids = {p.agency.name: p.agency_id for p in case_audit.agencies}
    # A reference that is not a reference is refused by the field.
    page = client_request.submit(f"/staff/assurance/case-audits/{case_audit.id}", {
        "reference": "Jayden Smith", "age_band": "5-10", "agency_ids": [str(i) for i in ids.values()]},
        _expected_status=400)
    assert page.select_one("#reference-error")
    client_request.submit(f"/staff/assurance/case-audits/{case_audit.id}", {
        "reference": "MACA-27-01", "age_band": "5-10", "agency_ids": [str(i) for i in ids.values()]})
    case = q.get_case_audit(case_audit.id).cases[0]
    police = next(p for p in case_audit.agencies if p.agency.name == "Police")
    nursing = next(p for p in case_audit.agencies if p.agency.name == "School nursing")

    auditor, location = _agency_client(app, case_audits.issue_invitation(police, None))
    url = f"/agency/case-audit/{police.id}/cases/{case.id}"
    answers = {"text_quality_of_practice": "Risk assessed late", "rate_quality_of_practice": "requires_improvement",
               "text_adherence": "Strategy meeting held", "text_childs_voice": "Seen alone",
               "text_went_well": "Quick referral", "text_to_improve": "Earlier checks", "grade": "requires_improvement"}
    # Free text that seems to name a child is flagged before it is saved.
    warned = auditor.submit(url, {**answers, "text_childs_voice": "Jayden told officers he was scared",
                                  "send": "1"}, _expected_status=400)
    assert warned.select_one("#text_childs_voice-error")
    assert q.find_return(case.id, police.agency_id) is None
    auditor.submit(url, {**answers, "immediate_concern": "y", "send": "1"})
    row = q.find_return(case.id, police.agency_id)
    assert row.submitted_at and row.immediate_concern
    # Escalated at once to the named person, with no case details.
    case = q.get_case(case.id)
    assert case.escalated_at is not None and case.escalated_at.date() == date.today()
    assert OutboxEmail.query.count() == 0
    [message] = smtp_server.messages
    assert message["To"] == "lead@partnership.example"
    body = message.get_content()
    assert "MACA-27-01" not in body and "Risk assessed" not in body and "5-10" not in body and "Police" not in body
    assert f"/staff/assurance/cases/{case.id}" in body

    # The other agency's auditor sees only its own (empty) answers.
    other, _location = _agency_client(app, case_audits.issue_invitation(nursing, None))
    page = other.get(f"/agency/case-audit/{nursing.id}/cases/{case.id}")
    assert "Risk assessed late" not in page.text
    assert other.client.get(f"/agency/case-audit/{police.id}").status_code == 404

    # Moderation: every agency side by side, an agreed grade and learning points.
    page = client_request.get(f"/staff/assurance/cases/{case.id}")
    headers = [th.text for th in page.select("#side-by-side thead th")]
    assert headers == ["Question", "Police", "School nursing"]
    assert "Risk assessed late" in page.select_one("#side-by-side").text
    client_request.submit(f"/staff/assurance/cases/{case.id}",
                          {"grade": "requires_improvement", "learning_points": "Check history earlier"})
    case = q.get_case(case.id)
    assert case.agreed_grade == "requires_improvement" and case.moderated_at
    counts, learning = case_audits.findings(q.get_case_audit(case_audit.id))
    assert counts["requires_improvement"] == 1 and learning == [("MACA-27-01", "Check history earlier")]
    assert "can no longer be changed" in other.get(f"/agency/case-audit/{nursing.id}/cases/{case.id}").text
    assert other.client.post(f"/agency/case-audit/{nursing.id}/cases/{case.id}", data={}).status_code in (400, 409)
    # The findings roll up into the audit's completion form.
    completion = client_request.get(f"/staff/audits/{proposal.id}/complete")
    findings = completion.select_one("textarea[name=findings]").text
    assert "Requires improvement: 1" in findings and "MACA-27-01: Check history earlier" in findings
    # A later audit is set to check the earlier one's recommendations.
    later = _scheduled_proposal(app)
    client_request.submit("/staff/assurance/case-audits/new", {
        "proposal": str(later.id), "agencies": [str(i) for i in ids.values()], "follows": str(case_audit.id),
        "escalation_name": "Sam Lead", "escalation_email": "lead@partnership.example"})
    follow_up = next(c for c in q.list_case_audits() if c.proposal_id == later.id)
    page = client_request.get(f"/staff/assurance/case-audits/{follow_up.id}")
    assert "Check history earlier" in page.select_one("#to-check").text
