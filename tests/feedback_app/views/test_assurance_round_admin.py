"""Running a round after it starts (issue 22): add an agency, withdraw an invitation link, close and reopen."""


from feedback_app.models import AuditEvent
from feedback_app.queries import assurance as q
from tests.feedback_app.views.test_assurance import _agency_client, _new_round
from tests.feedback_app.views.test_assurance import frameworks as frameworks  # noqa: F401, PLC0414 - a fixture


def _followed(client_request, response):
    return client_request.get(response.location)


def _invite(client_request, submission):
    page = _followed(client_request, client_request.submit(
        f"/staff/assurance/submissions/{submission.id}/invitation",
        _form_url=f"/staff/assurance/rounds/{submission.round_id}"))
    return page.select_one(".govuk-notification-banner").text.split(": ", 1)[1].split()[0].rsplit("/", 1)[1]


def _actions():
    return [e.action for e in AuditEvent.query.order_by(AuditEvent.id).all()]


def test_an_agency_joins_a_running_round_with_its_last_answers_carried_forward(client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police"])
    page = client_request.get(f"/staff/assurance/rounds/{round_.id}/agencies/new")
    # Agencies already taking part are not offered.
    assert [o.text for o in page.select("#agency option")] == ["Choose an agency"]

    page = _followed(client_request, client_request.submit(
        f"/staff/assurance/rounds/{round_.id}/agencies/new",
        {"agency": "", "new_agency": "  Northshire   Youth Justice "},
    ))
    assert "Northshire Youth Justice added to the round" in page.select_one(".govuk-notification-banner").text
    names = sorted(s.agency.name for s in q.get_round(round_.id).submissions)
    assert names == ["Northshire Police", "Northshire Youth Justice"]
    assert "assurance.agency_added" in _actions()
    rows = [r.select_one("td a").text for r in page.select("tbody tr")]
    assert rows == ["Northshire Police", "Northshire Youth Justice"]


def test_adding_an_agency_asks_for_one_clearly(client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police"])
    police = round_.submissions[0].agency
    url = f"/staff/assurance/rounds/{round_.id}/agencies/new"
    nothing = client_request.submit(url, {"agency": "", "new_agency": ""}, _expected_status=400)
    assert "Choose an agency, or enter the name of a new one" in nothing.select_one("#agency-error").text
    both = client_request.submit(url, {"agency": str(police.id), "new_agency": "Other"}, _expected_status=400)
    assert both.select_one("#new_agency-error") is not None
    assert both.select_one("#new_agency")["value"] == "Other"  # nothing typed is lost
    again = client_request.submit(url, {"agency": "", "new_agency": "Northshire Police"}, _expected_status=400)
    assert "already in this round" in again.select_one("#new_agency-error").text
    assert len(q.get_round(round_.id).submissions) == 1


def test_a_withdrawn_invitation_link_stops_working(app, client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police"])
    submission = round_.submissions[0]
    token = _invite(client_request, submission)
    page = client_request.get(f"/staff/assurance/rounds/{round_.id}")
    assert page.select_one(f"form[action$='/submissions/{submission.id}/invitation/withdraw']") is not None

    page = _followed(client_request, client_request.submit(
        f"/staff/assurance/submissions/{submission.id}/invitation/withdraw",
        _form_url=f"/staff/assurance/rounds/{round_.id}"))
    assert "no longer works" in page.select_one(".govuk-notification-banner").text
    assert q.get_submission(submission.id).token_hash is None
    assert app.test_client().get(f"/agency/start/{token}").status_code == 404
    assert "assurance.invitation_withdrawn" in _actions()
    assert page.select_one(f"form[action$='/submissions/{submission.id}/invitation/withdraw']") is None
    # Withdrawing twice is refused with a message, not an error page.
    csrf_token = page.select_one("form[method=post] input[name=csrf_token]")["value"]
    client_request.client.post(f"/staff/assurance/submissions/{submission.id}/invitation/withdraw",
                               data={"csrf_token": csrf_token})
    again = client_request.get(f"/staff/assurance/rounds/{round_.id}")
    assert "no invitation link to withdraw" in again.text


def test_a_closed_round_locks_every_agency_and_can_be_reopened(app, client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police"])
    submission = round_.submissions[0]
    lead, location = _agency_client(app, _invite(client_request, submission))
    lead.submit(f"/agency/self-assessment/{submission.id}/standards/leadership",
                {"rating": "green", "evidence": "Board minutes"})

    page = client_request.get(f"/staff/assurance/rounds/{round_.id}/close")
    assert "1 agency has not submitted." in page.select_one(".govuk-warning-text").text
    refused = client_request.submit(f"/staff/assurance/rounds/{round_.id}/close", {"reason": ""},
                                    _expected_status=400)
    assert refused.select_one("#reason-error") is not None
    assert q.get_round(round_.id).closed_at is None

    page = _followed(client_request, client_request.submit(f"/staff/assurance/rounds/{round_.id}/close",
                                                           {"reason": "Deadline passed"}))
    assert q.get_round(round_.id).closed_at is not None
    assert "Closed on" in page.select_one("main").text
    assert lead.client.post(f"/agency/self-assessment/{submission.id}/standards/leadership",
                            data={"rating": "red", "evidence": "Changed"}).status_code in (400, 409)
    assert q.get_answer(submission.id, "leadership").self_rating == "green"

    client_request.submit(f"/staff/assurance/rounds/{round_.id}/close", {"reason": "Extension agreed"})
    assert q.get_round(round_.id).closed_at is None
    lead.submit(f"/agency/self-assessment/{submission.id}/standards/leadership",
                {"rating": "amber", "evidence": "Changed"})
    assert q.get_answer(submission.id, "leadership").self_rating == "amber"
    assert {"assurance.round_closed", "assurance.round_reopened"} <= set(_actions())


def test_only_planners_run_a_round(client_request, sign_in, frameworks):
    sign_in("analyst")
    round_ = _new_round(client_request, "Section 11 2027", ["Northshire Police"])
    sign_in("qpp")
    for url in (f"/staff/assurance/rounds/{round_.id}/agencies/new", f"/staff/assurance/rounds/{round_.id}/close"):
        assert client_request.client.get(url).status_code == 403
    submission = round_.submissions[0]
    assert client_request.client.post(
        f"/staff/assurance/submissions/{submission.id}/invitation/withdraw").status_code in (400, 403)
