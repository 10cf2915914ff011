"""Published reports: snapshots the Board (the viewer role) may read."""

from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import PublishedReport


def add_report(kind, title, content, user, subject=None):
    """A new snapshot: the next version of the report on ``kind`` and ``subject``."""
    subject = None if subject is None else str(subject)
    latest = db.session.scalar(select(func.max(PublishedReport.version)).where(
        PublishedReport.kind == kind, PublishedReport.subject == subject)) if subject is not None else None
    report = PublishedReport(kind=kind, subject=subject, version=(latest or 0) + 1, title=title, content=content,
                             published_by_id=user.id if user else None)
    db.session.add(report)
    db.session.flush()
    return report


def list_versions(report, include_withdrawn=False):
    """Every version of the report ``report`` is one of, newest first."""
    if report.subject is None:
        return [report]
    query = select(PublishedReport).where(PublishedReport.kind == report.kind,
                                          PublishedReport.subject == report.subject)
    if not include_withdrawn:
        query = query.where(PublishedReport.withdrawn_at.is_(None))
    return list(db.session.scalars(query.order_by(PublishedReport.version.desc())))


def get_report(report_id):
    return db.session.get(PublishedReport, report_id)


def list_reports(include_withdrawn=False):
    query = select(PublishedReport).order_by(PublishedReport.published_at.desc(), PublishedReport.id.desc())
    if not include_withdrawn:
        query = query.where(PublishedReport.withdrawn_at.is_(None))
    return list(db.session.scalars(query))
