"""Running surveys: status changes, response counts and distribution links."""

from sqlalchemy import case, func, select

from feedback_app.extensions import db
from feedback_app.models import Cohort, Response, Survey, SurveyStatus


def lock_survey(survey_id):
    """Re-read a survey, locking its row where the database can (PostgreSQL)."""
    return db.session.scalar(select(Survey).where(Survey.id == survey_id).with_for_update()
                             .execution_options(populate_existing=True))


def set_status(survey, status):
    survey.status = SurveyStatus(status)
    db.session.flush()
    return survey


def response_counts(since):
    """``{survey_id: (total, since)}``: all responses, and those submitted at or after ``since``."""
    rows = db.session.execute(
        select(Response.survey_id, func.count(),
               func.coalesce(func.sum(case((Response.submitted_at >= since, 1), else_=0)), 0))
        .group_by(Response.survey_id)
    )
    return {survey_id: (total, recent) for survey_id, total, recent in rows}


def submission_times(survey_id, since):
    """When each of a survey's responses since ``since`` was submitted (no other detail)."""
    return list(db.session.scalars(
        select(Response.submitted_at).where(Response.survey_id == survey_id, Response.submitted_at >= since)
    ))


def counts_by_version(survey_id):
    rows = db.session.execute(
        select(Response.survey_version_id, func.count()).where(Response.survey_id == survey_id)
        .group_by(Response.survey_version_id)
    )
    return dict(rows.all())


def counts_by_cohort(survey_id):
    """``{cohort_id or None: count}`` for a survey's responses."""
    rows = db.session.execute(
        select(Response.cohort_id, func.count()).where(Response.survey_id == survey_id)
        .group_by(Response.cohort_id)
    )
    return dict(rows.all())


def list_cohorts(survey_id):
    return list(db.session.scalars(select(Cohort).where(Cohort.survey_id == survey_id).order_by(Cohort.id)))


def cohort_with_label(survey_id, label):
    """A cohort of the survey whose label matches ``label`` ignoring case, or ``None``."""
    return db.session.scalar(
        select(Cohort).where(Cohort.survey_id == survey_id, func.lower(Cohort.label) == label.lower()).limit(1)
    )


def token_exists(token):
    return db.session.scalar(select(func.count()).select_from(Cohort).where(Cohort.token == token)) > 0
