"""Surveys, versions and cohorts."""

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Cohort, Survey, SurveyStatus, SurveyVersion


def get_survey(survey_id):
    return db.session.get(Survey, survey_id)


def get_survey_by_slug(slug):
    return db.session.scalar(select(Survey).where(Survey.slug == slug))


def list_surveys():
    return list(db.session.scalars(select(Survey).order_by(Survey.title)))


def get_survey_with_latest_version(slug):
    """``(survey, its latest version)`` in one query, or ``(None, None)``."""
    latest = (select(SurveyVersion.id).where(SurveyVersion.survey_id == Survey.id)
              .order_by(SurveyVersion.number.desc()).limit(1).correlate(Survey).scalar_subquery())
    row = db.session.execute(
        select(Survey, SurveyVersion).outerjoin(SurveyVersion, SurveyVersion.id == latest).where(Survey.slug == slug)
    ).first()
    return (row[0], row[1]) if row else (None, None)


def get_latest_version(survey):
    return db.session.scalar(
        select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
        .order_by(SurveyVersion.number.desc()).limit(1)
    )


def get_version(version_id):
    return db.session.get(SurveyVersion, version_id)


def add_survey(slug, title, audience, status, opens_on, closes_on, source_file):
    survey = Survey(slug=slug, title=title, audience=audience, status=SurveyStatus(status),
                    opens_on=opens_on, closes_on=closes_on, source_file=source_file)
    db.session.add(survey)
    db.session.flush()
    return survey


def add_version(survey, number, content_hash, definition):
    version = SurveyVersion(survey_id=survey.id, number=number, content_hash=content_hash, definition=definition)
    db.session.add(version)
    db.session.flush()
    return version


def get_cohort_by_code(survey, code):
    return db.session.scalar(select(Cohort).where(Cohort.survey_id == survey.id, Cohort.code == code))


def get_cohort_by_token(survey, token):
    if not token:
        return None
    return db.session.scalar(select(Cohort).where(Cohort.survey_id == survey.id, Cohort.token == token))


def add_cohort(survey, code, label, token):
    cohort = Cohort(survey_id=survey.id, code=code, label=label, token=token)
    db.session.add(cohort)
    db.session.flush()
    return cohort


def list_link_keys():
    """``(survey slug, cohort token or None)`` for every survey's general link and every cohort's link."""
    keys = [(slug, None) for slug in db.session.scalars(select(Survey.slug))]
    keys += list(db.session.execute(select(Survey.slug, Cohort.token).join(Cohort, Cohort.survey_id == Survey.id)))
    return [(slug, token) for slug, token in keys]
