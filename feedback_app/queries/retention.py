"""Reads and writes for the retention policy: free text past its survey's keep-until date."""

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Response


def list_free_text_answers(survey_id, submitted_before, limit):
    """Answers of a survey still holding free text, on responses submitted before a date."""
    query = (select(Answer).join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, Response.submitted_at < submitted_before,
                    Answer.text.is_not(None), Answer.text_deleted_at.is_(None))
             .order_by(Answer.id).limit(limit))
    return list(db.session.scalars(query))


def delete_free_text(answer, when):
    """Forget an answer's free text; a coded value that is not the text itself is kept."""
    if answer.value == answer.text:
        answer.value = None
    answer.text = None
    answer.text_language = None
    answer.text_deleted_at = when
