"""Training courses and their sessions: who may see them, adding and changing them, their links.

A trainer sees and manages only the courses they run: those they are the
trainer of, or run a session of. Admins see every course. Anyone else is
refused by the routes; a course out of a trainer's reach is "not found".
"""

import secrets
from dataclasses import dataclass

from flask import current_app
from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.models.training import STAGES
from feedback_app.queries import training as training_queries
from feedback_app.services import audit, audit_planning

MAX_OBJECTIVES = 12
MAX_OBJECTIVE_LENGTH = 300
DELIVERY_LABELS = {"in_person": _l("In person"), "online": _l("Online")}
STAGE_LABELS = {"before": _l("Before the course"), "after": _l("Straight after the course"),
                "followup": _l("3-month follow-up")}
STAGE_SHORT = {"before": _l("Before"), "after": _l("After"), "followup": _l("Follow-up")}


class TrainingRefused(Exception):
    """A change cannot be made as asked: ``field`` says which answer to change."""

    def __init__(self, field, message):
        super().__init__(str(message))
        self.field, self.message = field, message


# -- who sees what -------------------------------------------------------------

def scope_of(user):
    """``None`` (every course) for an admin, else the user's id (only the courses they run)."""
    return None if "admin" in user.roles else user.id


def courses_for(user):
    return training_queries.list_courses(scope_of(user))


def course_for(user, course_id):
    """The course if ``user`` may see it, else ``None``."""
    return training_queries.get_course(course_id, scope_of(user))


def session_for(user, session_id):
    return training_queries.get_session(session_id, scope_of(user))


def years_for(user):
    return training_queries.session_years(scope_of(user))


def sessions_in_year(user, year):
    return training_queries.sessions_in_year(year, scope_of(user))


def trainer_choices():
    """``[(id, email)]`` of the staff who can run courses."""
    return [(user.id, user.email) for user in training_queries.trainers()]


def priority_choices():
    """``[(code, title)]`` of the partnership's active priority areas."""
    return [(area.code, area.title) for area in audit_planning.priorities(current_app.config["PRIORITIES_FILE"])]


def priority_titles(codes):
    titles = dict(priority_choices())
    return [titles.get(code, code) for code in codes]


# -- courses -------------------------------------------------------------------

def objective_lines(text):
    """The non-empty lines of the objectives box, bullets and numbering taken off."""
    lines = []
    for line in (text or "").splitlines():
        line = line.strip().lstrip("-*•").strip()
        head, _dot, rest = line.partition(". ")
        if head.isdigit() and rest:
            line = rest.strip()
        if line:
            lines.append(line)
    return lines


def _check_objectives(lines):
    if not lines:
        raise TrainingRefused("objectives", _l("Enter at least one learning objective"))
    if len(lines) > MAX_OBJECTIVES:
        raise TrainingRefused("objectives", _l("Enter %(max)s learning objectives or fewer", max=MAX_OBJECTIVES))
    if any(len(line) > MAX_OBJECTIVE_LENGTH for line in lines):
        raise TrainingRefused("objectives", _l("Each learning objective must be %(max)s characters or fewer",
                                               max=MAX_OBJECTIVE_LENGTH))
    if len({line.casefold() for line in lines}) != len(lines):
        raise TrainingRefused("objectives", _l("Each learning objective must be different"))


def objectives_text(course):
    return "\n".join(item["text"] for item in course.objectives)


def _numbered(lines, previous=()):
    """``[{"id", "text"}]``: an unchanged objective keeps its id; new ones get ids never used before."""
    kept = {item["text"].casefold(): item["id"] for item in previous}
    used = [int(item["id"][1:]) for item in previous]
    following = max(used, default=0) + 1
    numbered = []
    for line in lines:
        if line.casefold() in kept:
            numbered.append({"id": kept[line.casefold()], "text": line})
        else:
            numbered.append({"id": f"o{following}", "text": line})
            following += 1
    return numbered


def create_course(actor, title, objectives, priority_codes, trainer_id=None):
    lines = objective_lines(objectives)
    _check_objectives(lines)
    trainer_id = trainer_id if "admin" in actor.roles and trainer_id else actor.id
    with queries.transaction():
        course = training_queries.add_course(title.strip(), _numbered(lines), list(priority_codes), trainer_id,
                                             secrets.token_hex(16))
        audit.add(actor, "training.course_added", f"course:{course.id}", title=course.title)
    return course


def objectives_locked(course):
    """Once anyone has answered, objectives can be added or reworded only by adding new ones."""
    return training_queries.course_has_responses(course.id)


def update_course(actor, course, title, objectives, priority_codes, trainer_id=None):
    lines = objective_lines(objectives)
    _check_objectives(lines)
    numbered = _numbered(lines, course.objectives)
    if objectives_locked(course):
        kept = {item["id"] for item in numbered}
        if any(item["id"] not in kept for item in course.objectives):
            raise TrainingRefused("objectives", _l(
                "People have already answered about these objectives, so you cannot remove or reword them. "
                "You can add new ones"))
    with queries.transaction():
        course.title = title.strip()
        course.objectives = numbered
        course.priority_codes = list(priority_codes)
        if "admin" in actor.roles and trainer_id:
            course.trainer_id = trainer_id
        audit.add(actor, "training.course_changed", f"course:{course.id}", title=course.title)
    return course


# -- sessions ------------------------------------------------------------------

def _new_token():
    token = secrets.token_urlsafe(12)
    while training_queries.token_exists(token):
        token = secrets.token_urlsafe(12)
    return token


def add_session(actor, course, held_on, delivery, venue, attendance=None, trainer_id=None):
    if delivery not in DELIVERY_LABELS:
        raise TrainingRefused("delivery", _l("Select in person or online"))
    venue = (venue or "").strip() or None
    if delivery == "in_person" and not venue:
        raise TrainingRefused("venue", _l("Enter the venue"))
    trainer_id = trainer_id if "admin" in actor.roles and trainer_id else (course.trainer_id or actor.id)
    with queries.transaction():
        session = training_queries.add_session(course, held_on, delivery, venue, trainer_id, attendance,
                                               {stage: _new_token() for stage in STAGES})
        audit.add(actor, "training.session_added", f"session:{session.id}", course=course.id,
                  held_on=held_on.isoformat())
    return session


def set_attendance(actor, session, attendance):
    with queries.transaction():
        session.attendance = attendance
        audit.add(actor, "training.attendance_set", f"session:{session.id}", attendance=attendance)
    return session


def session_name(session):
    return f"{session.course.title}, {session.held_on.strftime('%-d %B %Y')}"


@dataclass(frozen=True)
class StageLink:
    stage: str
    label: object
    token: str
    responses: int


def stage_links(session):
    counts = training_queries.count_responses(session.id)
    return [StageLink(stage, STAGE_LABELS[stage], session.token(stage), counts.get(stage, 0)) for stage in STAGES]
