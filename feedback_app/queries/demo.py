"""Bulk writes for demo data (``flask demo-data``)."""

from sqlalchemy import insert, select

from feedback_app.extensions import db
from feedback_app.models import Answer, Response


def existing_references(references):
    """The subset of ``references`` already used by a response."""
    found = set()
    references = list(references)
    for start in range(0, len(references), 500):
        chunk = references[start:start + 500]
        found.update(db.session.scalars(select(Response.reference).where(Response.reference.in_(chunk))))
    return found


def add_responses(survey_id, survey_version_id, language, rows):
    """Add submitted responses in bulk. No commit.

    ``rows``: ``(reference, cohort_id, submitted_at, answers)`` where
    ``answers`` are ``(question_id, value, text, text_language)`` tuples.
    Demo responses have no draft. Returns the responses, in the order of ``rows``.
    """
    responses = [
        Response(reference=reference, survey_id=survey_id, survey_version_id=survey_version_id,
                 cohort_id=cohort_id, draft_id=None, language=language, submitted_at=submitted_at)
        for reference, cohort_id, submitted_at, _ in rows
    ]
    db.session.add_all(responses)
    db.session.flush()
    answers = [
        {"response_id": response.id, "question_id": qid, "value": value, "text": text,
         "text_language": text_language}
        for response, (_, _, _, answer_rows) in zip(responses, rows, strict=True)
        for qid, value, text, text_language in answer_rows
    ]
    if answers:
        db.session.execute(insert(Answer), answers)
    return responses
