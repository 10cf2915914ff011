"""Attendees: a session's three links, the optional pairing code, the browser key, the follow-up reminder."""

from datetime import date

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Draft, FollowupReminder, Response, Survey, SurveyStatus, TrainingResponse
from feedback_app.services import training_pairing
from feedback_app.survey_definitions import load_file, with_lists
from tests.conftest import path_of
from tests.feedback_app.test_training_fixtures import SURVEYS, make_course, make_session, training_surveys  # noqa: F401
from tests.surveys.answers import page_answers

SLUGS = training_pairing.STAGE_SURVEYS


@pytest.fixture
def session(app, training_surveys, create_user):  # noqa: F811
    trainer = create_user("trainer")
    return make_session(trainer, make_course(trainer), held_on=date(2026, 3, 5), attendance=10)


def _definition(session, stage):
    definition = load_file(SURVEYS / f"{SLUGS[stage]}.yaml")
    return with_lists(definition, {"learning_objectives": session.course.objectives})


def _answer(client_request, session, stage, code=None, variant=0):
    """Open the stage's link, optionally give a code, answer every page and send. Returns the response."""
    token = session.token(stage)
    data = {"street": code[0], "day": code[1]} if code else {}
    started = client_request.submit(f"/t/{token}", data)
    slug = SLUGS[stage]
    definition = _definition(session, stage)
    location = path_of(started.location)
    assert location == f"/s/{slug}/q/{definition.pages[0].id}"
    while location.startswith(f"/s/{slug}/q/"):
        page = client_request.get(location)
        page_id = location.rsplit("/", 1)[1]
        form, _values = page_answers(definition.page(page_id), variant)
        location = path_of(client_request.submit(location, form).location)
    assert location == f"/s/{slug}/check"
    done = client_request.submit(f"/s/{slug}/check", {})
    assert path_of(done.location) == f"/s/{slug}/confirmation"
    db.session.expire_all()
    return db.session.scalars(select(Response).order_by(Response.id.desc())).first(), page


def _link(response):
    return db.session.scalar(select(TrainingResponse).where(TrainingResponse.response_id == response.id))


def test_the_form_shows_the_sessions_objectives(client_request, session):
    client_request.submit(f"/t/{session.before_token}", {})
    page = client_request.get("/s/training-before/q/confidence")
    assert [legend.text.strip() for legend in page.select(".app-grid-statement legend")] == [
        "Spot the signs of neglect", "Use the neglect screening tool"]
    assert page.select_one("input[name=confidence__o1][value='5']")


def test_three_forms_paired_by_code_and_by_browser(client_request, session, app):
    before, _page = _answer(client_request, session, "before", code=("  Elm Road", "7"))
    link = _link(before)
    assert (link.session_id, link.stage) == (session.id, "before")
    expected = training_pairing.code_hash(session.course, "elm:07")
    assert link.pairing_hash == expected and len(expected) == 64 and "elm" not in expected
    answers = {a.question_id: a.value for a in before.answers}
    assert answers["confidence"] == {"o1": 1, "o2": 1}
    assert db.session.scalar(select(Draft.context).where(Draft.id == before.draft_id)) is None

    # Straight after, same browser, no code: the browser's key pairs it.
    after, confirmation = _answer(client_request, session, "after")
    assert _link(after).pairing_hash == expected and _link(after).stage == "after"

    # Three months on, another device: the same code pairs it.
    other = type(client_request)(app.test_client())
    followup, _page = _answer(other, session, "followup", code=("ELM", "07"))
    assert _link(followup).pairing_hash == expected and _link(followup).stage == "followup"

    # A different course gives the same code a different hash.
    other_course = make_course(session.course.trainer, title="Another course")
    assert training_pairing.code_hash(other_course, "elm:07") != expected


def test_without_a_code_or_the_browser_nothing_pairs(client_request, session, app):
    before, _page = _answer(client_request, session, "before")
    stranger = type(client_request)(app.test_client())
    after, _page = _answer(stranger, session, "after")
    assert _link(before).pairing_hash and _link(after).pairing_hash
    assert _link(before).pairing_hash != _link(after).pairing_hash


def test_a_shared_computer_starts_each_before_form_afresh(client_request, session):
    first, _page = _answer(client_request, session, "before")
    second, _page = _answer(client_request, session, "before")
    assert _link(first).pairing_hash != _link(second).pairing_hash


@pytest.mark.parametrize("street, day, message", [
    ("E1", "7", "Write at least 3 letters"),
    ("Elm", "32", "Write a number from 1 to 31"),
    ("Elm", "", "Write the day you were born, or leave both boxes empty"),
    ("", "7", "Write the first 3 letters of the street, or leave both boxes empty"),
])
def test_a_half_given_or_bad_code_is_explained(client_request, session, street, day, message):
    page = client_request.submit(f"/t/{session.before_token}", {"street": street, "day": day}, _expected_status=400)
    assert [a.text for a in page.select(".govuk-error-summary a")] == [message]
    assert page.select_one("#street")["value"] == street
    assert db.session.scalar(select(Draft)) is None


def test_back_to_the_start_of_a_form_in_progress(client_request, session):
    client_request.submit(f"/t/{session.before_token}", {})
    page = client_request.get("/s/training-before/q/confidence")
    assert page.select_one(".govuk-back-link")["href"] == "/s/training-before"
    back = client_request.get("/s/training-before", _expected_status=302)
    assert path_of(back.location) == "/s/training-before/next"


def test_training_forms_open_only_through_a_session_link(client_request, session):
    for slug in SLUGS.values():
        client_request.get(f"/s/{slug}", _expected_status=404)
        client_request.client.post(f"/s/{slug}/start")
    client_request.get("/t/not-a-token", _expected_status=404)
    assert db.session.scalar(select(Draft)) is None


def test_a_closed_form_says_so(client_request, session):
    survey = db.session.scalar(select(Survey).where(Survey.slug == "training-after"))
    survey.status = SurveyStatus.closed
    db.session.commit()
    page = client_request.get(f"/t/{session.after_token}", _expected_status=410)
    assert page.select_one("h1").text.strip() == "This survey has closed"


def test_the_reminder_is_offered_after_the_course_only(client_request, session):
    _response, _page = _answer(client_request, session, "before")
    confirmation = client_request.get("/s/training-before/confirmation")
    assert not confirmation.select(f"a[href='/t/{session.after_token}/reminder']")
    _response, _page = _answer(client_request, session, "after")
    confirmation = client_request.get("/s/training-after/confirmation")
    assert confirmation.select_one(f"a[href='/t/{session.after_token}/reminder']")
    client_request.get(f"/t/{session.before_token}/reminder", _expected_status=404)
    client_request.get(f"/t/{session.followup_token}/reminder", _expected_status=404)


def test_a_reminder_is_kept_apart_from_the_answers(client_request, session):
    response, _page = _answer(client_request, session, "after")
    url = f"/t/{session.after_token}/reminder"
    page = client_request.submit(url, {"email": "not an email"}, _expected_status=400)
    assert page.select_one(".govuk-error-summary a").text.startswith("Enter an email address in the correct format")
    assert page.select_one("#email")["value"] == "not an email"
    done = client_request.submit(url, {"email": " sam@agency.example "})
    assert path_of(done.location) == f"{url}/set"
    page = client_request.get(f"{url}/set")
    assert "5 June 2026" in page.text
    reminder = db.session.scalar(select(FollowupReminder))
    assert (reminder.email, reminder.due_on, reminder.session_id) == ("sam@agency.example", date(2026, 6, 5),
                                                                      session.id)
    assert len(reminder.id) == 32 and not reminder.id.isdigit()
    columns = set(FollowupReminder.__table__.columns.keys())
    assert columns == {"id", "email", "due_on", "session_id", "failed_attempts"}  # nothing that points at answers
    stored = db.session.scalars(select(Answer.value)).all() + db.session.scalars(select(Answer.text)).all()
    assert not any("sam@agency.example" in str(value) for value in stored)
    assert response.id
