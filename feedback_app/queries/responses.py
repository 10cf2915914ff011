"""Drafts and responses."""

from sqlalchemy import delete, func, select
from sqlalchemy.orm import joinedload

from feedback_app.extensions import db
from feedback_app.models import Answer, Draft, Response


def add_draft(token_hash, survey_version_id, cohort_id, language, expires_at):
    draft = Draft(token_hash=token_hash, survey_version_id=survey_version_id, cohort_id=cohort_id,
                  language=language, answers={}, visited_pages=[], expires_at=expires_at)
    db.session.add(draft)
    db.session.flush()
    return draft


def get_draft_by_token_hash(token_hash):
    """The draft and, in the same query, its response if it was sent (``draft.response``)."""
    return db.session.scalar(
        select(Draft).where(Draft.token_hash == token_hash).options(joinedload(Draft.response))
        .execution_options(populate_existing=True)
    )


def get_draft_by_resume_hash(code_hash):
    return db.session.scalar(select(Draft).where(Draft.resume_code_hash == code_hash))


def lock_draft(draft_id):
    """Re-read a draft, locking its row where the database can (PostgreSQL)."""
    return db.session.scalar(select(Draft).where(Draft.id == draft_id).with_for_update())


def get_response_for_draft(draft_id):
    return db.session.scalar(select(Response).where(Response.draft_id == draft_id))


def reference_exists(reference):
    return db.session.scalar(select(func.count()).select_from(Response).where(Response.reference == reference)) > 0


def add_response(reference, survey_id, survey_version_id, cohort_id, draft_id, language, answers):
    """``answers``: (question_id, value, text, text_language) tuples."""
    response = Response(reference=reference, survey_id=survey_id, survey_version_id=survey_version_id,
                        cohort_id=cohort_id, draft_id=draft_id, language=language)
    response.answers = [Answer(question_id=qid, value=value, text=text, text_language=text_language)
                        for qid, value, text, text_language in answers]
    db.session.add(response)
    db.session.flush()
    return response


def count_responses(survey_id=None):
    query = select(func.count()).select_from(Response)
    if survey_id is not None:
        query = query.where(Response.survey_id == survey_id)
    return db.session.scalar(query)


def delete_draft(draft):
    db.session.delete(draft)
    db.session.flush()


def delete_expired_drafts(now):
    """Delete drafts past their expiry that never became a response."""
    submitted = select(Response.draft_id).where(Response.draft_id.is_not(None))
    result = db.session.execute(
        delete(Draft).where(Draft.expires_at < now, Draft.id.not_in(submitted))
    )
    return result.rowcount
