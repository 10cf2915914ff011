"""The scorecard's indicators."""

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import ScorecardIndicator, Survey


def get_survey(survey_id):
    return db.session.get(Survey, survey_id)


def list_indicators():
    return list(db.session.scalars(select(ScorecardIndicator).order_by(ScorecardIndicator.position,
                                                                        ScorecardIndicator.id)))


def get_indicator(indicator_id):
    return db.session.get(ScorecardIndicator, indicator_id)


def add_indicator(title, survey_id, item_key, codes, target):
    position = (db.session.scalar(select(func.max(ScorecardIndicator.position))) or 0) + 1
    indicator = ScorecardIndicator(title=title, survey_id=survey_id, item_key=item_key, codes=list(codes),
                                   target=target, position=position)
    db.session.add(indicator)
    db.session.flush()
    return indicator


def delete_indicator(indicator):
    db.session.delete(indicator)
    db.session.flush()
