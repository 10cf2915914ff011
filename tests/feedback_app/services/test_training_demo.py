"""The demo course for ``make run``: sessions with paired answers, added once, the same every time."""

from datetime import date

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Response, TrainingCourse, TrainingResponse, TrainingSession
from feedback_app.services import training_demo, training_report
from tests.feedback_app.test_training_fixtures import training_surveys  # noqa: F401

TODAY = date(2026, 11, 20)


def _rows():
    return db.session.execute(
        select(Response.reference, Response.submitted_at, TrainingResponse.stage, TrainingResponse.pairing_hash)
        .join(TrainingResponse, TrainingResponse.response_id == Response.id).order_by(Response.reference)
    ).all()


def test_demo_course_with_paired_answers(app, training_surveys):  # noqa: F811
    message = training_demo.add_demo_course(today=TODAY)
    assert message.startswith("Training demo: added a course with 3 sessions")
    course = db.session.scalar(select(TrainingCourse))
    assert [s.held_on.isoformat() for s in course.sessions] == ["2026-06-23", "2026-08-02", "2026-10-31"]
    report = training_report.report(list(course.sessions), suppress=True).impact
    assert report.reach.attendance == 53
    assert report.reach.before_after >= 5 and report.reach.all_three >= 5
    assert report.texts["practice_example"]
    # The newest session is not 3 months old yet: no follow-up answers.
    assert report.sessions[2].responses["followup"] == 0
    first = _rows()
    assert training_demo.add_demo_course(today=TODAY).endswith("already have answers)")
    assert db.session.scalar(select(func.count()).select_from(TrainingSession)) == 3
    assert _rows() == first


def test_demo_needs_the_training_forms(app):
    assert "skipped" in training_demo.add_demo_course(today=TODAY)
