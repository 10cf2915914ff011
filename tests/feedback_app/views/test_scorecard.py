"""The quarterly scorecard (issue 19): indicators chosen on a page, by quarter, against last year and a target."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, PublishedReport, ScorecardIndicator
from tests.conftest import path_of
from tests.feedback_app import results_data

Q1_2025 = datetime(2025, 2, 1, 12, tzinfo=UTC)
Q2_2025 = datetime(2025, 5, 1, 12, tzinfo=UTC)
Q1_2026 = datetime(2026, 2, 1, 12, tzinfo=UTC)
Q2_2026 = datetime(2026, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def answered(app, surveys_loaded):
    add = results_data.add
    add(10, when=Q1_2025)  # told_someone: yes
    add(10, {"told_someone": "no"}, when=Q1_2025, start=100)
    add(15, when=Q1_2026, start=200)
    add(5, {"told_someone": "no"}, when=Q1_2026, start=300)
    add(12, when=Q2_2026, start=400)
    add(6, {"told_someone": "no"}, when=Q2_2026, start=500)
    return results_data.survey()


def _add(client_request, survey, answers, target="60"):
    question = f"{survey.id}|told_someone"
    url = "/staff/reports/scorecard/indicators"
    page = client_request.submit(url, {"title": "% who told an adult", "question": question, "target": target},
                                 _expected_status=200)
    assert [i["value"] for i in page.select("input[name=answers]")] == ["yes", "no", "dont_know"]
    return client_request.submit(url, {"title": "% who told an adult", "question": question, "target": target,
                                       "answers": answers, "step": "answers"})


def test_indicators_are_chosen_on_a_page(client_request, sign_in, answered):
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    indicator = db.session.scalar(select(ScorecardIndicator))
    assert (indicator.item_key, indicator.codes, indicator.target) == ("told_someone", ["yes"], 60)
    page = client_request.submit("/staff/reports/scorecard/indicators",
                                 {"title": "", "question": f"{answered.id}|told_someone", "target": "150",
                                  "answers": ["yes"], "step": "answers"}, _expected_status=400)
    assert "Enter the indicator" in page.select_one(".govuk-error-summary").text
    assert "from 0 to 100" in page.select_one(".govuk-error-summary").text


def test_the_scorecard_by_quarter_against_last_year_and_target(client_request, sign_in, answered):
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    page = client_request.get("/staff/reports/scorecard?year=2026")
    rows = [[c.text.strip() for c in row.select("th, td")] for row in page.select(".app-scorecard-indicator tbody tr")]
    assert rows[0] == ["January to March", "75%", "50%", "+25 points", "Met"]
    assert rows[1] == ["April to June", "67%", "–", "–", "Met"]
    assert rows[2][1] == "no answers"
    assert rows[4][:3] == ["Whole year", "71%", "50%"]


def test_a_small_quarter_is_hidden_with_what_would_give_it_away(client_request, sign_in, answered):
    results_data.add(3, {"told_someone": "no"}, when=datetime(2026, 8, 1, 12, tzinfo=UTC), start=600)
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    page = client_request.get("/staff/reports/scorecard?year=2026")
    rows = [[c.text.strip() for c in row.select("th, td")] for row in page.select(".app-scorecard-indicator tbody tr")]
    assert rows[2][:2] == ["July to September", "hidden"]
    assert sum(row[1] == "hidden" for row in rows[:4]) >= 2  # else the year's figure would give it away
    assert "fewer than" not in page.select_one(".app-scorecard-indicator").text


def test_the_scorecard_is_published_like_other_reports(client, client_request, sign_in, create_user, answered):
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    client_request.submit("/staff/reports/publish", {"kind": "scorecard", "subject": "2026"},
                          _form_url="/staff/reports/scorecard?year=2026")
    report = db.session.scalar(select(PublishedReport))
    assert (report.kind, report.subject, report.version) == ("scorecard", "2026", 1)
    csv_text = client.get(f"/staff/reports/published/{report.id}.csv").get_data(as_text=True)
    assert "January to March,75" in csv_text and "[c]" in csv_text


def test_an_indicator_is_removed_from_its_page_and_the_removal_is_audited(client, client_request, sign_in,
                                                                        answered):
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    indicator = db.session.scalar(select(ScorecardIndicator))
    page = client_request.get("/staff/reports/scorecard/indicators")
    button = page.select_one(f"form[action='/staff/reports/scorecard/indicators/{indicator.id}/remove'] button")
    assert " ".join(button.text.split()) == "Remove % who told an adult"
    url = f"/staff/reports/scorecard/indicators/{indicator.id}/remove"
    assert client.post(url).status_code == 400  # no CSRF token: nothing removed
    assert db.session.scalar(select(ScorecardIndicator)) is not None
    client_request.submit(f"/staff/reports/scorecard/indicators/{indicator.id + 1}/remove",
                          _form_url="/staff/reports/scorecard/indicators", _expected_status=404)
    client_request.submit(url, _form_url="/staff/reports/scorecard/indicators")
    assert path_of(client_request.last.location) == "/staff/reports/scorecard/indicators"
    db.session.expire_all()
    assert db.session.scalar(select(ScorecardIndicator)) is None
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "scorecard.indicator_removed"))
    assert event.detail["title"] == "% who told an adult"
    page = client_request.get("/staff/reports/scorecard/indicators")
    assert "No indicators have been chosen yet." in page.select_one("main").text
    assert "Indicator removed from the scorecard." in page.select_one(".govuk-notification-banner").text


def test_a_board_member_cannot_remove_an_indicator(client_request, sign_in, answered):
    sign_in("analyst")
    _add(client_request, answered, ["yes"])
    indicator_id = db.session.scalar(select(ScorecardIndicator.id))
    sign_in("viewer")
    client_request.submit(f"/staff/reports/scorecard/indicators/{indicator_id}/remove",
                          _form_url="/staff/", _expected_status=403)
    db.session.expire_all()
    assert db.session.scalar(select(ScorecardIndicator)) is not None
