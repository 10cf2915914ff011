"""Safeguarding alerts."""

from sqlalchemy import case, func, select

from feedback_app.extensions import db
from feedback_app.models import AlertStatus, SafeguardingAlert


def add_alert(response_id, survey_id, question_id, original_text, categories, evidence, due_at):
    alert = SafeguardingAlert(response_id=response_id, survey_id=survey_id, question_id=question_id,
                              original_text=original_text, categories=list(categories), evidence=list(evidence),
                              status=AlertStatus.new, due_at=due_at)
    db.session.add(alert)
    db.session.flush()
    return alert


def get_alert(alert_id):
    return db.session.get(SafeguardingAlert, alert_id)


def list_alerts(status=None):
    query = select(SafeguardingAlert).order_by(
        case((SafeguardingAlert.status == AlertStatus.new, 0), else_=1), SafeguardingAlert.created_at.desc()
    )
    if status is not None:
        query = query.where(SafeguardingAlert.status == status)
    return list(db.session.scalars(query))


def list_unnotified():
    return list(db.session.scalars(select(SafeguardingAlert).where(SafeguardingAlert.notified_at.is_(None))
                                   .order_by(SafeguardingAlert.id)))


def list_overdue(now):
    return list(db.session.scalars(select(SafeguardingAlert).where(
        SafeguardingAlert.status == AlertStatus.new, SafeguardingAlert.due_at < now,
        SafeguardingAlert.escalated_at.is_(None),
    ).order_by(SafeguardingAlert.id)))


def count_new():
    return db.session.scalar(select(func.count()).select_from(SafeguardingAlert)
                             .where(SafeguardingAlert.status == AlertStatus.new))
