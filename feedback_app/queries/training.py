"""Training courses, sessions, response links and follow-up reminders."""

from datetime import date

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import aliased

from feedback_app.extensions import db
from feedback_app.models import (
    Answer,
    FollowupReminder,
    Response,
    TrainingCourse,
    TrainingResponse,
    TrainingSession,
    User,
    UserRole,
)

# -- courses and sessions ----------------------------------------------------


def _visible_to(query, trainer_id):
    """Only courses ``trainer_id`` runs (as the course's trainer or a session's); all for ``None``."""
    if trainer_id is None:
        return query
    any_session = aliased(TrainingSession)
    runs_a_session = exists().where(any_session.course_id == TrainingCourse.id, any_session.trainer_id == trainer_id)
    return query.where(or_(TrainingCourse.trainer_id == trainer_id, runs_a_session))


def list_courses(trainer_id=None):
    return list(db.session.scalars(_visible_to(select(TrainingCourse), trainer_id)
                                   .order_by(TrainingCourse.title, TrainingCourse.id)))


def get_course(course_id, trainer_id=None):
    return db.session.scalar(_visible_to(select(TrainingCourse), trainer_id).where(TrainingCourse.id == course_id))


def get_session(session_id, trainer_id=None):
    query = select(TrainingSession).join(TrainingCourse).where(TrainingSession.id == session_id)
    return db.session.scalar(_visible_to(query, trainer_id))


def sessions_in_year(year, trainer_id=None):
    """Sessions held in ``year`` of courses visible to ``trainer_id``, by course then date."""
    query = (select(TrainingSession).join(TrainingCourse)
             .where(TrainingSession.held_on.between(date(year, 1, 1), date(year, 12, 31)))
             .order_by(TrainingCourse.title, TrainingSession.held_on, TrainingSession.id))
    return list(db.session.scalars(_visible_to(query, trainer_id)))


def session_years(trainer_id=None):
    query = _visible_to(select(TrainingSession.held_on).join(TrainingCourse), trainer_id)
    return sorted({held_on.year for held_on in db.session.scalars(query)}, reverse=True)


def add_course(title, objectives, priority_codes, trainer_id, pairing_salt):
    course = TrainingCourse(title=title, objectives=objectives, priority_codes=priority_codes,
                            trainer_id=trainer_id, pairing_salt=pairing_salt)
    db.session.add(course)
    db.session.flush()
    return course


def add_session(course, held_on, delivery, venue, trainer_id, attendance, tokens):
    session = TrainingSession(course_id=course.id, held_on=held_on, delivery=delivery, venue=venue,
                              trainer_id=trainer_id, attendance=attendance, before_token=tokens["before"],
                              after_token=tokens["after"], followup_token=tokens["followup"])
    db.session.add(session)
    db.session.flush()
    return session


def token_exists(token):
    column_match = or_(TrainingSession.before_token == token, TrainingSession.after_token == token,
                       TrainingSession.followup_token == token)
    return db.session.scalar(select(func.count()).select_from(TrainingSession).where(column_match)) > 0


def session_by_token(token):
    """``(session, stage)`` for a session link's token, or ``(None, None)``."""
    if not token:
        return None, None
    for stage, column in (("before", TrainingSession.before_token), ("after", TrainingSession.after_token),
                          ("followup", TrainingSession.followup_token)):
        session = db.session.scalar(select(TrainingSession).where(column == token))
        if session is not None:
            return session, stage
    return None, None


def trainers():
    """Active staff who may run courses (trainers and admins), by email."""
    query = (select(User).join(UserRole).where(UserRole.role.in_(("trainer", "admin")), User.active.is_(True))
             .distinct().order_by(User.email))
    return list(db.session.scalars(query))


def course_has_responses(course_id):
    query = (select(func.count()).select_from(TrainingResponse).join(TrainingSession)
             .where(TrainingSession.course_id == course_id))
    return db.session.scalar(query) > 0


# -- responses ---------------------------------------------------------------


def add_response_link(response_id, session_id, stage, pairing_hash):
    # A link left by a response deleted where foreign keys are not enforced (SQLite) must not block a new one.
    db.session.execute(delete(TrainingResponse).where(TrainingResponse.response_id == response_id))
    link = TrainingResponse(response_id=response_id, session_id=session_id, stage=stage, pairing_hash=pairing_hash)
    db.session.add(link)
    db.session.flush()
    return link


def delete_orphan_links():
    """Links whose response is gone (SQLite does not enforce the cascade)."""
    gone = ~exists().where(Response.id == TrainingResponse.response_id)
    return db.session.execute(delete(TrainingResponse).where(gone)).rowcount


def response_links(session_ids):
    """``[(response_id, session_id, stage, pairing_hash)]`` for the sessions, oldest response first."""
    if not session_ids:
        return []
    rows = db.session.execute(
        select(TrainingResponse.response_id, TrainingResponse.session_id, TrainingResponse.stage,
               TrainingResponse.pairing_hash)
        .where(TrainingResponse.session_id.in_(session_ids)).order_by(TrainingResponse.response_id)
    )
    return [tuple(row) for row in rows]


def answers_for(response_ids):
    """``[(response_id, question_id, value, text)]`` for the responses."""
    if not response_ids:
        return []
    rows = db.session.execute(
        select(Answer.response_id, Answer.question_id, Answer.value, Answer.text)
        .where(Answer.response_id.in_(list(response_ids))).order_by(Answer.response_id, Answer.id)
    )
    return [tuple(row) for row in rows]


def response_link(response_id):
    return db.session.scalar(select(TrainingResponse).where(TrainingResponse.response_id == response_id))


def count_responses(session_id):
    return dict(db.session.execute(
        select(TrainingResponse.stage, func.count()).where(TrainingResponse.session_id == session_id)
        .group_by(TrainingResponse.stage)
    ).all())


# -- follow-up reminders ----------------------------------------------------


def add_reminder(reminder_id, email, due_on, session_id):
    reminder = FollowupReminder(id=reminder_id, email=email, due_on=due_on, session_id=session_id,
                                failed_attempts=0)
    db.session.add(reminder)
    db.session.flush()
    return reminder


def due_reminders(today):
    return list(db.session.scalars(select(FollowupReminder).where(FollowupReminder.due_on <= today)
                                   .order_by(FollowupReminder.due_on, FollowupReminder.id)))


def lock_reminder(reminder_id):
    return db.session.scalar(select(FollowupReminder).where(FollowupReminder.id == reminder_id)
                             .with_for_update(skip_locked=True))


def delete_reminder(reminder):
    db.session.execute(delete(FollowupReminder).where(FollowupReminder.id == reminder.id))


def count_reminders(session_id=None):
    query = select(func.count()).select_from(FollowupReminder)
    if session_id is not None:
        query = query.where(FollowupReminder.session_id == session_id)
    return db.session.scalar(query)
