"""Reads for results, free text and exports. Counting happens here, in SQL (``count_*``: GROUP BY
question, answer, year, cohort and breakdown answer); suppression and percentages in ``services.results``."""

from datetime import UTC, datetime

from sqlalchemy import Text, and_, case, cast, func, literal_column, null, select, text
from sqlalchemy.orm import aliased

from feedback_app.extensions import db
from feedback_app.models import Answer, Cohort, Draft, Response, ResultsDataVersion, SurveyVersion
from feedback_app.queries.safeguarding import released_clause


def response_counts():
    """``{survey_id: number of responses}`` for every survey with any."""
    rows = db.session.execute(select(Response.survey_id, func.count()).group_by(Response.survey_id))
    return dict(rows.all())


def list_responses(survey_id, start=None, end=None):
    """Responses to a survey, oldest first, optionally submitted in ``[start, end)``."""
    query = select(Response).where(Response.survey_id == survey_id)
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    return list(db.session.scalars(query.order_by(Response.submitted_at, Response.id)))


def list_answers(survey_id, start=None, end=None):
    """``(response_id, question_id, value, text)`` for a survey's responses.

    Answers held back for safeguarding review are left out (exports show their cells empty).
    """
    query = (select(Answer.response_id, Answer.question_id, Answer.value, Answer.text)
             .join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, released_clause()))
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    return db.session.execute(query.order_by(Answer.response_id, Answer.id)).all()


def count_unsubmitted_drafts(survey_id, start=None, end=None):
    """Drafts started for a survey (in ``[start, end)``) that never became a response."""
    submitted = select(Response.draft_id).where(Response.draft_id.is_not(None))
    query = (select(func.count()).select_from(Draft)
             .join(SurveyVersion, SurveyVersion.id == Draft.survey_version_id)
             .where(SurveyVersion.survey_id == survey_id, Draft.id.not_in(submitted)))
    if start is not None:
        query = query.where(Draft.created_at >= start)
    if end is not None:
        query = query.where(Draft.created_at < end)
    return db.session.scalar(query)


def list_cohorts(survey_id):
    return list(db.session.scalars(select(Cohort).where(Cohort.survey_id == survey_id).order_by(Cohort.id)))


def _free_text_query(survey_id, question_ids, search, cohort_id, start, end):
    query = (select(Answer, Response).join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, Answer.question_id.in_(question_ids),
                    Answer.text.is_not(None), Answer.text != "", released_clause()))
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Answer.text.ilike(f"%{escaped}%", escape="\\"))
    if cohort_id == "none":
        query = query.where(Response.cohort_id.is_(None))
    elif cohort_id is not None:
        query = query.where(Response.cohort_id == cohort_id)
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    return query


def list_free_text(survey_id, question_ids, search=None, cohort_id=None, start=None, end=None,
                   limit=50, offset=0):
    """``(Answer, Response)`` pairs of free-text answers, newest first."""
    query = _free_text_query(survey_id, question_ids, search, cohort_id, start, end)
    query = query.order_by(Response.submitted_at.desc(), Answer.id).limit(limit).offset(offset)
    return db.session.execute(query).all()


def count_free_text(survey_id, question_ids, search=None, cohort_id=None, start=None, end=None):
    query = _free_text_query(survey_id, question_ids, search, cohort_id, start, end)
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def submitted_span(survey_id):
    """``(first, last)`` submission times of a survey's responses, or ``(None, None)``."""
    return tuple(db.session.execute(select(func.min(Response.submitted_at), func.max(Response.submitted_at))
                                    .where(Response.survey_id == survey_id)).one())


def _year_of(years):
    """A SQL expression for the (UTC) year a response was submitted in, one of ``years`` (ascending)."""
    if len(years) == 1:
        return literal_column(str(int(years[0])))
    return case(*[(Response.submitted_at < datetime(year + 1, 1, 1, tzinfo=UTC), year) for year in years[:-1]],
                else_=years[-1])


def _grouping(years, breakdown_question):
    """Columns and join shared by the counts: year, cohort and (as JSON text) the breakdown answer,
    an answer held back for safeguarding counting as no answer, as everywhere else."""
    columns = [_year_of(years).label("year"), Response.cohort_id]
    if breakdown_question is None:
        return columns + [null().label("group_value")], None
    other = aliased(Answer)
    join = (other, and_(other.response_id == Response.id, other.question_id == breakdown_question,
                        released_clause(other)))
    return columns + [cast(other.value, Text).label("group_value")], join


def _ordinals(count):
    # GROUP BY 1, 2, ...: the year's CASE carries parameters, and PostgreSQL would not match it by value.
    return [literal_column(str(n)) for n in range(1, count + 1)]


def count_responses_by_group(survey_id, years, breakdown_question=None):
    """``(year, cohort_id, breakdown answer as JSON text or None, responses)``, counted in the database.
    ``years``: every year with a response, ascending (from ``submitted_span``)."""
    columns, join = _grouping(years, breakdown_question)
    query = select(*columns, func.count()).select_from(Response).where(Response.survey_id == survey_id)
    if join is not None:
        query = query.outerjoin(*join)
    return db.session.execute(query.group_by(*_ordinals(3))).all()


def _room_to_hash():
    """On PostgreSQL, give this transaction's aggregations room to hash (``SET LOCAL``, undone at its end).

    The planner expects about one group per answer (it cannot know that 100,000 answers take a few
    thousand distinct values), finds that over the default 4 MB ``work_mem`` and sorts on disk
    instead: 1.4 to 1.9 s against 0.6 s for the hash on 10,000 responses (load average 9).
    """
    if db.session.get_bind().dialect.name == "postgresql":
        db.session.execute(text("SET LOCAL work_mem = '32MB'"))


def count_answers_by_group(survey_id, question_ids, years, breakdown_question=None):
    """``(question_id, value as JSON text, year, cohort_id, breakdown answer, responses)``: how many
    responses gave each (released) answer to the questions in ``question_ids``, counted in the database."""
    columns, join = _grouping(years, breakdown_question)
    query = (select(Answer.question_id, cast(Answer.value, Text), *columns, func.count()).select_from(Answer)
             .join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, Answer.question_id.in_(list(question_ids)),
                    released_clause()))
    if join is not None:
        query = query.outerjoin(*join)
    _room_to_hash()
    return db.session.execute(query.group_by(*_ordinals(5))).all()


def _profile(years, breakdown_questions):
    """Year, cohort and every breakdown question's (released) answer as JSON text: a response's profile."""
    columns = [_year_of(years).label("year"), Response.cohort_id]
    joins = []
    for number, question_id in enumerate(breakdown_questions):
        other = aliased(Answer)
        joins.append((other, and_(other.response_id == Response.id, other.question_id == question_id,
                                  released_clause(other))))
        columns.append(cast(other.value, Text).label(f"group_{number}"))
    return columns, joins


def _responses_by_profile(survey_id, years, breakdown_questions):
    columns, joins = _profile(years, breakdown_questions)
    query = select(*columns, func.count()).select_from(Response).where(Response.survey_id == survey_id)
    for join in joins:
        query = query.outerjoin(*join)
    return query.group_by(*_ordinals(len(columns)))


def _answers_by_profile(survey_id, question_ids, years, breakdown_questions):
    columns, joins = _profile(years, breakdown_questions)
    query = (select(Answer.question_id, cast(Answer.value, Text), *columns, func.count()).select_from(Answer)
             .join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, Answer.question_id.in_(list(question_ids)),
                    released_clause()))
    for join in joins:
        query = query.outerjoin(*join)
    return query.group_by(*_ordinals(len(columns) + 2))


def count_responses_by_profile(survey_id, years, breakdown_questions):
    """``(year, cohort_id, answer to each breakdown question..., responses)``, for the audit of suppression."""
    # Core rows (not through the ORM's loading): many, and read only as tuples.
    return db.session.connection().execute(_responses_by_profile(survey_id, years, breakdown_questions)).all()


def count_answers_by_profile(survey_id, question_ids, years, breakdown_questions):
    """``(question_id, value, year, cohort_id, answer to each breakdown question..., responses)``."""
    _room_to_hash()
    return db.session.connection().execute(
        _answers_by_profile(survey_id, question_ids, years, breakdown_questions)).all()


def data_version(survey_id, hold=False):
    """``(epoch, number)`` of the survey's results data (``ResultsDataVersion``, moved by the database's triggers
    with every write to what results count), or ``("", 0)`` before its first response. ``hold``: on PostgreSQL,
    keep a share lock on it to the end of this transaction, so no write to the survey's counted data can
    commit meanwhile (writers wait)."""
    query = select(ResultsDataVersion.epoch, ResultsDataVersion.version).where(
        ResultsDataVersion.survey_id == survey_id)
    if hold:
        query = query.with_for_update(read=True)
    row = db.session.execute(query).first()
    return ("", 0) if row is None else (row[0], int(row[1]))


def answers_by_response(survey_id, question_ids, years):
    """``(response id, year, cohort_id, question_id or None, value as JSON text)``: every response (a row with
    ``None`` for one with none of ``question_ids`` answered) and its (released) answers to ``question_ids``, for
    the sound audit of suppression (``services.suppression_sound``: each respondent's answers to every question)."""
    answer = and_(Answer.response_id == Response.id, Answer.question_id.in_(list(question_ids)), released_clause())
    query = (select(Response.id, _year_of(years).label("year"), Response.cohort_id, Answer.question_id,
                    cast(Answer.value, Text)).select_from(Response).outerjoin(Answer, answer)
             .where(Response.survey_id == survey_id))
    return db.session.connection().execute(query).all()
