"""Survey drafts written in the builder, and the history of a survey's versions."""

from sqlalchemy import or_, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, SurveyDraft, SurveyVersion
from feedback_app.models._types import utcnow


def get_draft(slug):
    return db.session.scalar(select(SurveyDraft).where(SurveyDraft.slug == slug))


def list_drafts():
    return list(db.session.scalars(select(SurveyDraft).order_by(SurveyDraft.slug)))


def add_draft(slug, definition, actor_email, survey_id=None, base_version_id=None):
    draft = SurveyDraft(slug=slug, definition=definition, survey_id=survey_id, base_version_id=base_version_id,
                        created_by=actor_email, updated_by=actor_email)
    db.session.add(draft)
    db.session.flush()
    return draft


def save_draft(draft, definition, actor_email):
    draft.definition = definition
    draft.updated_by = actor_email
    draft.updated_at = utcnow()
    db.session.flush()
    return draft


def delete_draft(draft):
    db.session.delete(draft)
    db.session.flush()


def set_version_author(version, source, actor_email):
    version.source = source
    version.created_by = actor_email
    db.session.flush()


def list_versions(survey_id):
    return list(db.session.scalars(
        select(SurveyVersion).where(SurveyVersion.survey_id == survey_id).order_by(SurveyVersion.number.desc())))


def survey_events(slug, limit=200):
    """Audit events about a survey (builder changes, status changes, links), newest first."""
    query = (select(AuditEvent).where(AuditEvent.target == slug,
                                      or_(AuditEvent.action.startswith("builder."),
                                          AuditEvent.action.startswith("survey.")))
             .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit))
    return list(db.session.scalars(query))
