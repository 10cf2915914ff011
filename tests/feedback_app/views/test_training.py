"""Staff training pages: courses, sessions, links and QR codes, impact reports; who may see what."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, TrainingCourse, TrainingSession, User
from tests.conftest import path_of
from tests.feedback_app.services.test_training_impact import _answers
from tests.feedback_app.test_training_fixtures import make_course, make_session, training_surveys  # noqa: F401

BASE = "/staff/training"


def _urls(course, session):
    return [BASE, f"{BASE}/courses/new", f"{BASE}/courses/{course.id}", f"{BASE}/courses/{course.id}/edit",
            f"{BASE}/courses/{course.id}/sessions/new", f"{BASE}/courses/{course.id}/report",
            f"{BASE}/sessions/{session.id}", f"{BASE}/sessions/{session.id}/report",
            f"{BASE}/sessions/{session.id}/before/qr.svg", f"{BASE}/report/2026"]


@pytest.fixture
def two_trainers(app, training_surveys, create_user):  # noqa: F811
    mine = create_user("trainer", email="me@partnership.example")
    theirs = create_user("trainer", email="them@partnership.example")
    my_course = make_course(mine, title="Neglect")
    my_session = make_session(mine, my_course, attendance=12)
    their_course = make_course(theirs, title="Exploitation")
    their_session = make_session(theirs, their_course)
    return (my_course, my_session), (their_course, their_session)


def _sign_in_as(client_request, email):
    from tests.conftest import PASSWORD
    client_request.submit("/staff/sign-in", {"email": email, "password": PASSWORD})


# -- the role-by-route matrix ---------------------------------------------------------

def test_trainers_see_their_own_courses_and_not_others(client_request, two_trainers):
    (course, session), (their_course, their_session) = two_trainers
    _sign_in_as(client_request, "me@partnership.example")
    for url in _urls(course, session):
        client_request.get(url)
    for url in _urls(their_course, their_session)[2:9]:
        client_request.get(url, _expected_status=404)


def test_trainers_list_only_their_own_courses(client_request, two_trainers):
    _sign_in_as(client_request, "me@partnership.example")
    page = client_request.get(BASE)
    assert [a.text for a in page.select("table a")] == ["Neglect"]
    report = client_request.get(f"{BASE}/report/2026")
    assert [a.text.split(",")[0] for a in report.select(".app-training-sessions a")] == ["Neglect"]


def test_a_trainer_of_one_session_sees_its_course(client_request, sign_in, two_trainers):
    _mine, (course, _session) = two_trainers
    from feedback_app.services import training
    admin = sign_in("admin")
    me = db.session.scalar(select(User).where(User.email == "me@partnership.example"))
    session = training.add_session(admin, course, date(2026, 4, 1), "online", None, None, trainer_id=me.id)
    client = client_request.client.application.test_client()
    other = type(client_request)(client)
    _sign_in_as(other, "me@partnership.example")
    other.get(f"{BASE}/courses/{course.id}")
    other.get(f"{BASE}/sessions/{session.id}/report")


def test_admins_see_every_course(client_request, sign_in, two_trainers):
    (course, session), (their_course, their_session) = two_trainers
    sign_in("admin")
    for url in _urls(course, session) + _urls(their_course, their_session):
        client_request.get(url)


@pytest.mark.parametrize("role", ["analyst", "dsl", "viewer"])
def test_other_roles_are_refused(client_request, sign_in, two_trainers, role):
    (course, session), _theirs = two_trainers
    sign_in(role)
    for url in _urls(course, session):
        client_request.get(url, _expected_status=403)


def test_anonymous_users_are_sent_to_sign_in(client, two_trainers):
    (course, session), _theirs = two_trainers
    for url in _urls(course, session):
        response = client.get(url)
        assert response.status_code == 302 and path_of(response.location) == "/staff/sign-in"


def test_trainers_cannot_change_other_trainers_sessions(client_request, two_trainers):
    _mine, (_course, session) = two_trainers
    _sign_in_as(client_request, "me@partnership.example")
    client_request.submit(f"{BASE}/sessions/{session.id}/attendance", {"attendance": "9"}, _expected_status=404,
                          _form_url=BASE)
    db.session.expire_all()
    assert db.session.get(TrainingSession, session.id).attendance is None


@pytest.mark.parametrize("role, shown", [("trainer", True), ("admin", True), ("analyst", False), ("dsl", False)])
def test_training_is_in_the_menu_for_trainers(client_request, sign_in, role, shown):
    sign_in(role)
    page = client_request.get("/staff/")
    assert ("Training" in [a.text.strip() for a in page.select(".govuk-service-navigation a")]) is shown


# -- courses and sessions ----------------------------------------------------------------

def test_a_trainer_adds_a_course_and_a_session(client_request, sign_in, training_surveys):  # noqa: F811
    trainer = sign_in("trainer")
    done = client_request.submit(f"{BASE}/courses/new", {
        "title": "Neglect: recognise and respond",
        "objectives": "1. Spot the signs of neglect\n\n- Use the screening tool\n",
    })
    course = db.session.scalar(select(TrainingCourse))
    assert path_of(done.location) == f"{BASE}/courses/{course.id}"
    assert course.trainer_id == trainer.id
    assert course.objectives == [{"id": "o1", "text": "Spot the signs of neglect"},
                                 {"id": "o2", "text": "Use the screening tool"}]
    assert len(course.pairing_salt) == 32
    added = client_request.submit(f"{BASE}/courses/{course.id}/sessions/new", {
        "held_on-day": "5", "held_on-month": "3", "held_on-year": "2026", "delivery": "online", "venue": "",
        "attendance": "",
    })
    session = db.session.scalar(select(TrainingSession))
    assert path_of(added.location) == f"{BASE}/sessions/{session.id}"
    assert (session.held_on, session.delivery, session.venue, session.attendance, session.trainer_id) == (
        date(2026, 3, 5), "online", None, None, trainer.id)
    tokens = {session.before_token, session.after_token, session.followup_token}
    assert len(tokens) == 3
    page = client_request.get(f"{BASE}/sessions/{session.id}")
    links = [a["href"] for a in page.select(".app-link-url")]
    assert links == [f"http://localhost/t/{session.before_token}", f"http://localhost/t/{session.after_token}",
                     f"http://localhost/t/{session.followup_token}"]
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.action.like("training.%"))
                                 .order_by(AuditEvent.id)).all()
    assert actions == ["training.course_added", "training.session_added"]


def test_bad_course_answers_are_shown_with_nothing_lost(client_request, sign_in, training_surveys):  # noqa: F811
    sign_in("trainer")
    page = client_request.submit(f"{BASE}/courses/new", {"title": "Neglect", "objectives": "Same\nsame"},
                                 _expected_status=400)
    assert page.select_one(".govuk-error-summary a").text == "Each learning objective must be different"
    assert page.select_one("#title")["value"] == "Neglect"
    assert page.select_one("#objectives").text.strip() == "Same\nsame"
    page = client_request.submit(f"{BASE}/courses/new", {"title": "", "objectives": ""}, _expected_status=400)
    assert [a.text for a in page.select(".govuk-error-summary a")] == [
        "Enter the course title", "Enter at least one learning objective"]
    assert db.session.scalar(select(func.count()).select_from(TrainingCourse)) == 0


def test_bad_session_answers_are_shown(client_request, sign_in, training_surveys):  # noqa: F811
    trainer = sign_in("trainer")
    course = make_course(trainer)
    url = f"{BASE}/courses/{course.id}/sessions/new"
    page = client_request.submit(url, {"held_on-day": "31", "held_on-month": "2", "held_on-year": "2026",
                                       "delivery": "in_person", "venue": "", "attendance": "lots"},
                                 _expected_status=400)
    assert sorted(a.text for a in page.select(".govuk-error-summary a")) == [
        "Date must be a real date", "Enter a whole number, like 12"]
    page = client_request.submit(url, {"held_on-day": "3", "held_on-month": "2", "held_on-year": "2026",
                                       "delivery": "in_person", "venue": " "}, _expected_status=400)
    assert [a.text for a in page.select(".govuk-error-summary a")] == ["Enter the venue"]
    assert db.session.scalar(select(func.count()).select_from(TrainingSession)) == 0


def test_objectives_answered_about_cannot_be_removed(client_request, sign_in, training_surveys):  # noqa: F811
    from tests.feedback_app.test_training_fixtures import add_response
    trainer = sign_in("trainer")
    course = make_course(trainer)
    session = make_session(trainer, course)
    add_response(session, "before", "A", {"confidence": {"o1": 3, "o2": 2}})
    url = f"{BASE}/courses/{course.id}/edit"
    page = client_request.submit(url, {"title": "Neglect", "objectives": "Spot the signs of neglect"},
                                 _expected_status=400)
    assert "you cannot remove or reword them" in page.select_one(".govuk-error-summary a").text
    client_request.submit(url, {"title": "Neglect", "objectives": "Spot the signs of neglect\n"
                                "Use the neglect screening tool\nTalk to the family"})
    db.session.expire_all()
    assert [o["id"] for o in db.session.get(TrainingCourse, course.id).objectives] == ["o1", "o2", "o3"]


def test_attendance_is_saved_and_checked(client_request, sign_in, training_surveys):  # noqa: F811
    trainer = sign_in("trainer")
    session = make_session(trainer, make_course(trainer))
    url = f"{BASE}/sessions/{session.id}/attendance"
    page = client_request.submit(url, {"attendance": "-3"}, _expected_status=400,
                                 _form_url=f"{BASE}/sessions/{session.id}")
    assert page.select_one(".govuk-error-summary a").text == "Enter a whole number, like 12"
    client_request.submit(url, {"attendance": "14"}, _form_url=f"{BASE}/sessions/{session.id}")
    db.session.expire_all()
    assert db.session.get(TrainingSession, session.id).attendance == 14


def test_qr_codes_carry_each_stage_link(client_request, sign_in, training_surveys):  # noqa: F811
    import segno
    trainer = sign_in("trainer")
    session = make_session(trainer, make_course(trainer))
    for stage in ("before", "after", "followup"):
        response = client_request.get(f"{BASE}/sessions/{session.id}/{stage}/qr.svg")
        assert response.mimetype == "image/svg+xml"
        svg = ET.fromstring(response.get_data())
        desc = svg.find("{http://www.w3.org/2000/svg}desc").text
        assert desc == f"http://localhost/t/{session.token(stage)}"
        assert segno.make(desc, error="m")
    client_request.get(f"{BASE}/sessions/{session.id}/during/qr.svg", _expected_status=404)


# -- the report page ----------------------------------------------------------------------

def _table(page, css):
    return [[" ".join(cell.text.split()) for cell in row.select("th, td")] for row in page.select(f"{css} tbody tr")]


def test_the_session_report_page_shows_every_figure(client_request, sign_in, training_surveys):  # noqa: F811
    trainer = sign_in("trainer")
    course = make_course(trainer)
    session = make_session(trainer, course, attendance=12)
    other = make_session(trainer, course, attendance=3)
    _answers(session, other)
    page = client_request.get(f"{BASE}/sessions/{session.id}/report")
    assert page.select_one(".app-training-attendance").text == "12"
    assert _table(page, ".app-training-reach") == [
        ["Before the course", "8", "67%"], ["Straight after the course", "5", "42%"], ["3-month follow-up", "4", "33%"]]
    assert _table(page, ".app-training-pairs") == [["Before and after", "3"], ["After and follow-up", "3"],
                                                   ["All three", "1"]]
    assert _table(page, ".app-training-confidence") == [
        ["1. Spot the signs of neglect", "2.13", "8", "3.50", "4", "2", "1.50", "3.50", "2.00"],
        ["2. Use the neglect screening tool", "2.50", "6", "4.20", "5", "2", "2.50", "4.50", "2.00"]]
    assert _table(page, ".app-training-applied") == [
        ["1. Spot the signs of neglect", "2", "1", "0", "1", "4"],
        ["2. Use the neglect screening tool", "2", "0", "1", "0", "3"]]
    head = [th.text.strip() for th in page.select(".app-training-applied thead th")]
    assert head[1:5] == ["Yes", "Partly", "No", "Not had the chance"]
    assert _table(page, ".app-training-reaction-relevance") == [
        ["1 – Not at all useful", "0"], ["2", "0"], ["3", "1"], ["4", "2"], ["5 – Very useful", "2"],
        ["People answering", "5"], ["Average (1 to 5)", "4.20"]]
    assert _table(page, ".app-training-reaction-delivery")[-2:] == [["People answering", "5"],
                                                                   ["Average (1 to 5)", "3.80"]]
    assert _table(page, ".app-training-followup-practice_changed") == [
        ["Yes - a lot", "1"], ["Yes - a little", "1"], ["No", "1"], ["Too soon to say", "1"], ["People answering", "4"]]
    assert _table(page, ".app-training-followup-difference")[-1] == ["People answering", "4"]
    assert [li.text for li in page.select(".app-training-texts li")] == [
        "Learn about neglect", "Ask more questions", "I use the screening tool", "Workload",
        "A family got help sooner"]
    headings = [h.text for h in page.select("h2")]
    for level in ("Kirkpatrick level 1: reaction", "Kirkpatrick level 2: learning",
                  "Kirkpatrick level 3: behaviour", "Kirkpatrick level 4: results"):
        assert level in headings
    assert len(page.select(".app-chart svg")) == 6  # confidence, 2 ratings, 3 follow-up questions


def test_the_course_report_hides_small_figures(client_request, sign_in, training_surveys):  # noqa: F811
    trainer = sign_in("trainer")
    course = make_course(trainer)
    session = make_session(trainer, course, attendance=12)
    other = make_session(trainer, course, attendance=3)
    _answers(session, other)
    page = client_request.get(f"{BASE}/courses/{course.id}/report")
    assert _table(page, ".app-training-reach") == [
        ["Before the course", "9", "60%"], ["Straight after the course", "6", "40%"],
        ["3-month follow-up", "hidden [a]", "hidden [a]"]]
    assert "Figures for fewer than 5 people" in page.text
    assert "[a] Hidden: a small group, fewer than 5 people" in page.text


def test_a_one_session_course_report_does_not_say_it_covers_more_than_one(client_request, sign_in,
                                                                          training_surveys):  # noqa: F811
    """Issue 19: the course report said "covers more than one session" for a course with one session."""
    trainer = sign_in("trainer")
    course = make_course(trainer)
    session = make_session(trainer, course, attendance=12)
    _answers(session, make_session(trainer, make_course(trainer), attendance=3))
    page = client_request.get(f"{BASE}/courses/{course.id}/report")
    assert "more than one session" not in page.text
    assert "Figures for fewer than 5 people" in page.select_one(".govuk-inset-text").text


def test_training_forms_work_on_the_ordinary_results_pages(client_request, sign_in, create_user,
                                                            training_surveys):  # noqa: F811
    trainer = create_user("trainer")
    course = make_course(trainer)
    _answers(make_session(trainer, course, attendance=12), make_session(trainer, course))
    sign_in("analyst")
    for slug in ("training-before", "training-after", "training-followup"):
        client_request.get(f"/staff/results/{slug}")
        client_request.get(f"/staff/results/{slug}/text")
        assert client_request.get(f"/staff/results/{slug}/export.csv").status_code == 200
    page = client_request.get("/staff/results/training-followup/text")
    assert "I use the screening tool" in page.text
