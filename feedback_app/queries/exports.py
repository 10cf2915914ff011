"""Reads for the response exports: every response with its answers, in one pass, in batches.

A response export reads every response and every answer to a survey (10,000 responses carry over 100,000
answers). Reading the answers as rows of their own costs a JSON decode and a row object per answer; on
PostgreSQL each response's answers come instead as one JSON array (``json_agg``), decoded once. Rows are
read through a server-side cursor ``batch`` at a time (``yield_per``), so memory stays flat however many
there are. Answers held back for safeguarding review are left out (their cells are empty).
"""

import json
from itertools import groupby

from sqlalchemy import Text, and_, cast, delete, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by

from feedback_app.extensions import db
from feedback_app.models import Answer, Cohort, ExportFile, Response, Survey, SurveyVersion
from feedback_app.queries.safeguarding import released_clause

BATCH = 1000


def _bounded(query, start, end):
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    return query


def count_responses(survey_id, start=None, end=None):
    """How many responses to ``survey_id`` were submitted in ``[start, end)``."""
    query = select(func.count()).select_from(Response).where(Response.survey_id == survey_id)
    return db.session.scalar(_bounded(query, start, end))


def _responses(survey_id, *extra):
    return (select(Response.reference, Response.submitted_at, SurveyVersion.number, Cohort.label,
                   Response.language, *extra)
            .outerjoin(SurveyVersion, and_(SurveyVersion.id == Response.survey_version_id,
                                           SurveyVersion.survey_id == survey_id))
            .outerjoin(Cohort, and_(Cohort.id == Response.cohort_id, Cohort.survey_id == survey_id))
            .where(Response.survey_id == survey_id))


def iter_responses(survey_id, start=None, end=None, batch=BATCH):
    """``(reference, submitted_at, version number, cohort label, language, answers)`` for every response to
    ``survey_id`` submitted in ``[start, end)``, oldest first; ``answers`` are ``(question_id, value, text)``
    in the order they were stored."""
    if db.session.get_bind().dialect.name == "postgresql":
        # Read as text and decoded here: psycopg's own json loader took ten times as long on these arrays.
        answers = cast(select(func.json_agg(aggregate_order_by(
                           func.json_build_array(Answer.question_id, Answer.value, Answer.text), Answer.id)))
                       .where(Answer.response_id == Response.id, released_clause()).scalar_subquery(), Text)
        query = _bounded(_responses(survey_id, answers), start, end).order_by(Response.submitted_at, Response.id)
        for row in db.session.execute(query, execution_options={"yield_per": batch}):
            yield (*row[:5], json.loads(row[5]) if row[5] else ())
        return
    # Elsewhere (SQLite: tests, the embedded demo) one row per answer, grouped here as it streams past.
    query = (_responses(survey_id, Response.id, Answer.question_id, Answer.value, Answer.text)
             .outerjoin(Answer, and_(Answer.response_id == Response.id, released_clause())))
    query = _bounded(query, start, end).order_by(Response.submitted_at, Response.id, Answer.id)
    rows = db.session.execute(query, execution_options={"yield_per": batch})
    for _id, group in groupby(rows, key=lambda row: row[5]):
        group = list(group)
        yield (*group[0][:5], [(qid, value, text) for *_r, qid, value, text in group if qid is not None])


def add_export_file(**fields):
    """A new export file row (flushed, not committed)."""
    export = ExportFile(**fields)
    db.session.add(export)
    db.session.flush()
    return export


def get_export_file(token):
    return db.session.scalar(select(ExportFile).where(ExportFile.token == token))


def get_export_file_by_id(export_id):
    return db.session.get(ExportFile, export_id)


def export_content(export_id):
    return db.session.scalar(select(ExportFile.content).where(ExportFile.id == export_id))


def delete_expired_export_files(now):
    """Delete every export file that expired before ``now``; returns how many."""
    return db.session.execute(delete(ExportFile).where(ExportFile.expires_at < now)).rowcount


def survey_of(export):
    return db.session.get(Survey, export.survey_id)
