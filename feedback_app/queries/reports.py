"""Published reports: snapshots the Board (the viewer role) may read."""

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import PublishedReport


def add_report(kind, title, content, user):
    report = PublishedReport(kind=kind, title=title, content=content, published_by_id=user.id if user else None)
    db.session.add(report)
    db.session.flush()
    return report


def get_report(report_id):
    return db.session.get(PublishedReport, report_id)


def list_reports(include_withdrawn=False):
    query = select(PublishedReport).order_by(PublishedReport.published_at.desc(), PublishedReport.id.desc())
    if not include_withdrawn:
        query = query.where(PublishedReport.withdrawn_at.is_(None))
    return list(db.session.scalars(query))
