"""Reads and writes for theme runs, their themes, assignments, review events and triangulation."""

from sqlalchemy import func, select, update

from feedback_app.extensions import db
from feedback_app.models import (
    Answer,
    Cohort,
    Response,
    RunStatus,
    Survey,
    Theme,
    ThemeAnswer,
    ThemeReviewEvent,
    ThemeRun,
    ThemeTriangulation,
)
from feedback_app.queries.safeguarding import released_clause

# --- runs -----------------------------------------------------------------------------------------


def get_run(run_id):
    return db.session.get(ThemeRun, run_id)


def get_run_for_update(run_id):
    """The run, read fresh from the database (not from the session's cache)."""
    db.session.expire_all()
    return db.session.get(ThemeRun, run_id)


def list_runs(status=None, limit=100, offset=0):
    """Runs, newest first; ``status`` a ``RunStatus`` or a tuple of them."""
    query = select(ThemeRun).order_by(ThemeRun.created_at.desc(), ThemeRun.id.desc())
    if status is not None:
        statuses = status if isinstance(status, tuple | list) else (status,)
        query = query.where(ThemeRun.status.in_(statuses))
    return list(db.session.scalars(query.limit(limit).offset(offset)))


def list_complete_runs(exclude_id=None):
    query = select(ThemeRun).where(ThemeRun.status == RunStatus.complete)
    if exclude_id is not None:
        query = query.where(ThemeRun.id != exclude_id)
    return list(db.session.scalars(query.order_by(ThemeRun.created_at.desc(), ThemeRun.id.desc())))


def add_run(**fields):
    run = ThemeRun(**fields)
    db.session.add(run)
    db.session.flush()
    return run


def update_run(run_id, **fields):
    """Set columns on a run with one UPDATE (used from the background job)."""
    db.session.execute(update(ThemeRun).where(ThemeRun.id == run_id).values(**fields))


def touch_run(run_id, attempt, now):
    """The job's heartbeat: only while this attempt still owns the running run."""
    db.session.execute(update(ThemeRun).where(ThemeRun.id == run_id, ThemeRun.status == RunStatus.running,
                                              ThemeRun.attempts == attempt).values(heartbeat_at=now))


def finish_run(run_id, attempt, now, **fields):
    """Mark the run complete if this attempt still owns it; ``False`` otherwise."""
    result = db.session.execute(
        update(ThemeRun).where(ThemeRun.id == run_id, ThemeRun.status == RunStatus.running,
                               ThemeRun.attempts == attempt)
        .values(status=RunStatus.complete, finished_at=now, progress=100, stage="done", heartbeat_at=now,
                original_output=fields.pop("output"), **fields))
    return result.rowcount == 1


def end_session():
    """Give back this thread's session (background threads call it when they finish)."""
    db.session.remove()


def claim_run(run_id, now):
    """Move a queued run to running; ``False`` if it was not queued (already claimed, cancelled)."""
    result = db.session.execute(
        update(ThemeRun).where(ThemeRun.id == run_id, ThemeRun.status == RunStatus.queued)
        .values(status=RunStatus.running, started_at=now, heartbeat_at=now, progress=0,
                attempts=ThemeRun.attempts + 1)
    )
    return result.rowcount == 1


def delete_results(run_id):
    """Remove a run's themes and assignments (before a retry writes them again)."""
    db.session.execute(ThemeAnswer.__table__.delete().where(ThemeAnswer.run_id == run_id))
    db.session.execute(update(Theme).where(Theme.run_id == run_id).values(merged_into_id=None))
    db.session.execute(Theme.__table__.delete().where(Theme.run_id == run_id))


# --- source answers -------------------------------------------------------------------------------


def list_surveys(slugs=None, audiences=None):
    query = select(Survey).order_by(Survey.title)
    if slugs:
        query = query.where(Survey.slug.in_(slugs))
    if audiences:
        query = query.where(Survey.audience.in_(audiences))
    return list(db.session.scalars(query))


def list_cohorts(survey_ids):
    if not survey_ids:
        return []
    return list(db.session.scalars(select(Cohort).where(Cohort.survey_id.in_(survey_ids))
                                   .order_by(Cohort.survey_id, Cohort.label)))


def list_source_answers(survey_id, question_ids, start=None, end=None, cohort_ids=None):
    """``(answer_id, text)`` of non-empty free-text answers, in a stable order.

    Answers held back for safeguarding review are never analysed (so never quoted or named after).
    """
    query = (select(Answer.id, Answer.text).join(Response, Response.id == Answer.response_id)
             .where(Response.survey_id == survey_id, Answer.question_id.in_(question_ids),
                    Answer.text.is_not(None), Answer.text != "", released_clause()))
    if start is not None:
        query = query.where(Response.submitted_at >= start)
    if end is not None:
        query = query.where(Response.submitted_at < end)
    if cohort_ids:
        query = query.where(Response.cohort_id.in_(cohort_ids))
    return db.session.execute(query.order_by(Answer.id)).all()


# --- themes ---------------------------------------------------------------------------------------


def add_theme(**fields):
    theme = Theme(**fields)
    db.session.add(theme)
    db.session.flush()
    return theme


def add_assignments(run_id, rows):
    """``rows``: ``(answer_id, theme_id or None, non_answer)``; the engine's theme is also the original."""
    db.session.execute(ThemeAnswer.__table__.insert(), [
        {"run_id": run_id, "answer_id": answer_id, "theme_id": theme_id, "original_theme_id": theme_id,
         "non_answer": non_answer}
        for answer_id, theme_id, non_answer in rows
    ])


def get_theme(theme_id):
    return db.session.get(Theme, theme_id)


def theme_sizes(run_id):
    """``{theme_id: answers in it now}`` for a run."""
    rows = db.session.execute(select(ThemeAnswer.theme_id, func.count()).where(
        ThemeAnswer.run_id == run_id, ThemeAnswer.theme_id.is_not(None)).group_by(ThemeAnswer.theme_id))
    return dict(rows.all())


def list_themes(run_id, include_merged=False):
    """``[(theme, size)]`` of a run, largest first; merged-away themes only if asked."""
    sizes = theme_sizes(run_id)
    query = select(Theme).where(Theme.run_id == run_id)
    if not include_merged:
        query = query.where(Theme.merged_into_id.is_(None))
    themes = list(db.session.scalars(query))
    return sorted(((t, sizes.get(t.id, 0)) for t in themes), key=lambda pair: (pair[0].excluded, -pair[1],
                                                                                pair[0].number))


def theme_answers(theme_id, limit=None, offset=0):
    """``[(ThemeAnswer, Answer, Response)]`` now in a theme, oldest answer first."""
    query = (select(ThemeAnswer, Answer, Response).join(Answer, Answer.id == ThemeAnswer.answer_id)
             .join(Response, Response.id == Answer.response_id).where(ThemeAnswer.theme_id == theme_id)
             .order_by(Answer.id))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return db.session.execute(query).all()


def get_assignment(run_id, answer_id):
    return db.session.scalar(select(ThemeAnswer).where(ThemeAnswer.run_id == run_id,
                                                       ThemeAnswer.answer_id == answer_id))


def set_assignments(run_id, answer_ids, theme_id):
    """Put answers of a run into a theme (``None``: no theme)."""
    if answer_ids:
        db.session.execute(update(ThemeAnswer).where(ThemeAnswer.run_id == run_id,
                                                     ThemeAnswer.answer_id.in_(list(answer_ids)))
                           .values(theme_id=theme_id))


def assignment_map(run_id, theme_ids):
    """``{answer_id: theme_id}`` for answers now in any of ``theme_ids``."""
    rows = db.session.execute(select(ThemeAnswer.answer_id, ThemeAnswer.theme_id)
                              .where(ThemeAnswer.run_id == run_id, ThemeAnswer.theme_id.in_(list(theme_ids))))
    return dict(rows.all())


def next_theme_number(run_id):
    return (db.session.scalar(select(func.max(Theme.number)).where(Theme.run_id == run_id)) or 0) + 1


def delete_theme(theme_id):
    db.session.execute(Theme.__table__.delete().where(Theme.id == theme_id))


# --- review events --------------------------------------------------------------------------------


def add_review_event(run_id, user, op, payload):
    event = ThemeReviewEvent(run_id=run_id, user_id=user.id if user else None,
                             user_email=user.email if user else None, op=op, payload=payload)
    db.session.add(event)
    db.session.flush()
    return event


def list_review_events(run_id):
    """A run's review events, newest first."""
    return list(db.session.scalars(select(ThemeReviewEvent).where(ThemeReviewEvent.run_id == run_id)
                                   .order_by(ThemeReviewEvent.at.desc(), ThemeReviewEvent.id.desc())))


def last_undoable_event(run_id):
    return db.session.scalar(select(ThemeReviewEvent).where(ThemeReviewEvent.run_id == run_id,
                                                            ThemeReviewEvent.undone_at.is_(None))
                             .order_by(ThemeReviewEvent.id.desc()).limit(1))


# --- triangulation --------------------------------------------------------------------------------


def list_triangulations(theme_id):
    return list(db.session.scalars(select(ThemeTriangulation).where(ThemeTriangulation.theme_id == theme_id)
                                   .order_by(ThemeTriangulation.id)))


def add_triangulation(theme_id, survey_id, item_key, user):
    row = ThemeTriangulation(theme_id=theme_id, survey_id=survey_id, item_key=item_key,
                             created_by_id=user.id if user else None)
    db.session.add(row)
    db.session.flush()
    return row


def get_triangulation(row_id):
    return db.session.get(ThemeTriangulation, row_id)


def delete_triangulation(row_id):
    db.session.execute(ThemeTriangulation.__table__.delete().where(ThemeTriangulation.id == row_id))


def delete_triangulation_item(theme_id, survey_id, item_key):
    db.session.execute(ThemeTriangulation.__table__.delete().where(
        ThemeTriangulation.theme_id == theme_id, ThemeTriangulation.survey_id == survey_id,
        ThemeTriangulation.item_key == item_key))


def response_years(survey_ids):
    """Years in which any of the surveys got responses, oldest first."""
    if not survey_ids:
        return []
    year = func.extract("year", Response.submitted_at)
    rows = db.session.scalars(select(year).where(Response.survey_id.in_(list(survey_ids))).distinct())
    return sorted({int(y) for y in rows})


def get_theme_by_number(run_id, number):
    return db.session.scalar(select(Theme).where(Theme.run_id == run_id, Theme.number == number))


def run_answer_facts(run_id):
    """``(answer_id, theme_id, non_answer, response_id, survey_id, audience)`` for every answer of a run."""
    query = (select(ThemeAnswer.answer_id, ThemeAnswer.theme_id, ThemeAnswer.non_answer,
                    Response.id.label("response_id"),
                    Response.survey_id, Survey.audience)
             .join(Answer, Answer.id == ThemeAnswer.answer_id).join(Response, Response.id == Answer.response_id)
             .join(Survey, Survey.id == Response.survey_id).where(ThemeAnswer.run_id == run_id))
    return db.session.execute(query).all()


def response_values(run_id, question_id):
    """``{response_id: value}`` of one question, for the responses whose answers a run analysed."""
    analysed = (select(Answer.response_id).join(ThemeAnswer, ThemeAnswer.answer_id == Answer.id)
                .where(ThemeAnswer.run_id == run_id))
    rows = db.session.execute(select(Answer.response_id, Answer.value).where(
        Answer.question_id == question_id, Answer.response_id.in_(analysed)))
    return dict(rows.all())


def survey_ids_of_run(run_id):
    query = (select(Response.survey_id).join(Answer, Answer.response_id == Response.id)
             .join(ThemeAnswer, ThemeAnswer.answer_id == Answer.id).where(ThemeAnswer.run_id == run_id).distinct())
    return list(db.session.scalars(query))


def get_survey(survey_id):
    return db.session.get(Survey, survey_id)
