"""The audit log: rows are only ever added."""

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent


def add_event(actor, action, target=None, detail=None):
    event = AuditEvent(actor_id=actor.id if actor else None, actor_email=actor.email if actor else None,
                       action=action, target=target, detail=detail or {})
    db.session.add(event)
    db.session.flush()
    return event


def list_events(action=None, limit=50, offset=0):
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if action:
        query = query.where(AuditEvent.action == action)
    return list(db.session.scalars(query.limit(limit).offset(offset)))


def count_events(action=None):
    query = select(func.count()).select_from(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    return db.session.scalar(query)


def list_actions():
    return list(db.session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))
