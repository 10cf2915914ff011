"""Training: courses and sessions for trainers (``/staff/training``), and the attendee links (``/t``).

Trainers see and manage only the courses they run; another course is "not
found" to them. Admins see every course. Attendees reach the three forms of a
session through its links, then answer in the ordinary respondent journey.
"""

from datetime import date

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import public, roles_required
from feedback_app.forms.training import AttendanceForm, CourseForm, PairingForm, ReminderForm, SessionForm
from feedback_app.i18n import use_language
from feedback_app.models.training import STAGES
from feedback_app.queries import training as training_queries
from feedback_app.services import journey, rate_limit, survey_admin, training, training_pairing, training_reminders
from feedback_app.services.links import external_url
from feedback_app.services.training_report import report
from feedback_app.views.respond import _remember_draft

bp = Blueprint("training", __name__, url_prefix="/staff/training")
respond_bp = Blueprint("training_respond", __name__, url_prefix="/t")

RUNS_COURSES = ("trainer",)  # and admins


@bp.app_context_processor
def _helpers():
    return {"stage_labels": training.STAGE_LABELS, "stage_short": training.STAGE_SHORT,
            "delivery_labels": training.DELIVERY_LABELS}


def _is_admin():
    return "admin" in current_user.roles


def _course_or_404(course_id):
    return training.course_for(current_user, course_id) or abort(404)


def _session_or_404(session_id):
    return training.session_for(current_user, session_id) or abort(404)


def _stage_url(session, stage):
    return external_url("training_respond.start", token=session.token(stage))


# -- courses -------------------------------------------------------------------------

@bp.route("")
@roles_required(*RUNS_COURSES)
def index():
    return render_template("views/training/index.html", courses=training.courses_for(current_user),
                           years=training.years_for(current_user))


def _course_form(course=None):
    trainers = training.trainer_choices() if _is_admin() else None
    data = None
    if course is not None and request.method == "GET":
        data = {"title": course.title, "objectives": training.objectives_text(course),
                "priorities": course.priority_codes, "trainer": course.trainer_id}
    return CourseForm(data=data, priorities=training.priority_choices(), trainers=trainers)


def _trainer_choice(form):
    return form.trainer.data if "trainer" in form else None


@bp.route("/courses/new", methods=["GET", "POST"])
@roles_required(*RUNS_COURSES)
def new_course():
    form = _course_form()
    if form.validate_on_submit():
        try:
            course = training.create_course(current_user, form.title.data, form.objectives.data,
                                            form.priorities.data, _trainer_choice(form))
        except training.TrainingRefused as refused:
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            flash(_("Course added: %(title)s.", title=course.title))
            return redirect(url_for("training.course", course_id=course.id))
    return render_template("views/training/course_form.html", form=form, course=None), 400 if form.errors else 200


@bp.route("/courses/<int:course_id>")
@roles_required(*RUNS_COURSES)
def course(course_id):
    found = _course_or_404(course_id)
    return render_template("views/training/course.html", course=found,
                           priorities=training.priority_titles(found.priority_codes))


@bp.route("/courses/<int:course_id>/edit", methods=["GET", "POST"])
@roles_required(*RUNS_COURSES)
def edit_course(course_id):
    found = _course_or_404(course_id)
    form = _course_form(found)
    if form.validate_on_submit():
        try:
            training.update_course(current_user, found, form.title.data, form.objectives.data, form.priorities.data,
                                   _trainer_choice(form))
        except training.TrainingRefused as refused:
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            flash(_("Course changed."))
            return redirect(url_for("training.course", course_id=found.id))
    return render_template("views/training/course_form.html", form=form, course=found,
                           locked=training.objectives_locked(found)), 400 if form.errors else 200


@bp.route("/courses/<int:course_id>/sessions/new", methods=["GET", "POST"])
@roles_required(*RUNS_COURSES)
def new_session(course_id):
    found = _course_or_404(course_id)
    form = SessionForm(trainers=training.trainer_choices() if _is_admin() else None,
                       data={"trainer": found.trainer_id} if request.method == "GET" else None)
    if form.validate_on_submit():
        day, month, year = (int(part) for part in form.held_on.data)
        attendance = int(form.attendance.data) if (form.attendance.data or "").strip() else None
        try:
            session = training.add_session(current_user, found, date(year, month, day), form.delivery.data,
                                           form.venue.data, attendance, _trainer_choice(form))
        except training.TrainingRefused as refused:
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            flash(_("Session added. Share its links and QR codes below."))
            return redirect(url_for("training.session", session_id=session.id))
    return render_template("views/training/session_form.html", form=form, course=found), 400 if form.errors else 200


# -- sessions ----------------------------------------------------------------------------

def _render_session(session, form, status=200):
    links = [{"link": link, "url": _stage_url(session, link.stage)} for link in training.stage_links(session)]
    return render_template("views/training/session.html", session=session, course=session.course, links=links,
                           form=form, reminders=training_queries.count_reminders(session.id)), status


@bp.route("/sessions/<int:session_id>")
@roles_required(*RUNS_COURSES)
def session(session_id):
    found = _session_or_404(session_id)
    form = AttendanceForm(data={"attendance": "" if found.attendance is None else str(found.attendance)})
    return _render_session(found, form)


@bp.route("/sessions/<int:session_id>/attendance", methods=["POST"])
@roles_required(*RUNS_COURSES)
def attendance(session_id):
    found = _session_or_404(session_id)
    form = AttendanceForm()
    if not form.validate_on_submit():
        return _render_session(found, form, status=400)
    training.set_attendance(current_user, found, int(form.attendance.data))
    flash(_("Attendance saved."))
    return redirect(url_for("training.session", session_id=found.id))


@bp.route("/sessions/<int:session_id>/<stage>/qr.svg")
@roles_required(*RUNS_COURSES)
def qr_code(session_id, stage):
    found = _session_or_404(session_id)
    if stage not in STAGES:
        abort(404)
    title = _("QR code for %(course)s: %(stage)s", course=training.session_name(found),
              stage=training.STAGE_LABELS[stage])
    response = Response(survey_admin.qr_svg(_stage_url(found, stage), title), mimetype="image/svg+xml")
    disposition = "attachment" if request.args.get("download") else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="session-{found.id}-{stage}.svg"'
    return response


# -- impact reports --------------------------------------------------------------------

@bp.route("/sessions/<int:session_id>/report")
@roles_required(*RUNS_COURSES)
def session_report(session_id):
    found = _session_or_404(session_id)
    return render_template("views/training/report.html", scope="session", session=found, course=found.course,
                           found=report([found], suppress=False))


@bp.route("/courses/<int:course_id>/report")
@roles_required(*RUNS_COURSES)
def course_report(course_id):
    found = _course_or_404(course_id)
    return render_template("views/training/report.html", scope="course", course=found,
                           found=report(list(found.sessions), suppress=True))


@bp.route("/report/<int:year>")
@roles_required(*RUNS_COURSES)
def year_report(year):
    sessions = training.sessions_in_year(current_user, year)
    if not sessions:
        abort(404)
    return render_template("views/training/report.html", scope="year", year=year,
                           found=report(sessions, suppress=True))


# -- attendees --------------------------------------------------------------------------

def _stage_of(token):
    session, stage = training_queries.session_by_token(token)
    if session is None:
        abort(404)
    state = journey.find_survey(training_pairing.STAGE_SURVEYS[stage])
    if state is None:
        abort(404)
    use_language("en")  # the training forms are in English
    return session, stage, state


@respond_bp.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _render_start(session, stage, state, form, status=200):
    remembered = training_pairing.read_cookie(request.cookies.get(training_pairing.COOKIE)).get(str(session.id))
    return render_template("views/training/start.html", session=session, stage=stage, state=state,
                           definition=state.definition, language="en", form=form,
                           remembered=bool(remembered) and stage != "before"), status


@respond_bp.route("/<token>", methods=["GET", "POST"])
@public
def start(token):
    session, stage, state = _stage_of(token)
    if state.availability != "open":
        return render_template("views/respond/unavailable.html", state=state, language="en"), (
            410 if state.availability == "closed" else 403)
    form = PairingForm()
    if request.method == "GET" or not form.validate_on_submit():
        return _render_start(session, stage, state, form, status=400 if form.errors else 200)
    rate_limit.hit("start")
    keys = training_pairing.read_cookie(request.cookies.get(training_pairing.COOKIE))
    code = training_pairing.normalise_code(form.street.data, form.day.data)
    pairing = training_pairing.pairing_for(session, stage, code, keys.get(str(session.id)))
    context = training_pairing.context_for(session, stage, pairing)
    _draft, draft_token = journey.start_draft(state, None, "en", current_app.config["DRAFT_LIFETIME"], context=context)
    _remember_draft(state.survey.slug, draft_token)
    first = journey.definition_in_context(state.definition, context).visible_pages({})[0]
    response = redirect(url_for("respond.question", slug=state.survey.slug, page_id=first.id))
    response.set_cookie(training_pairing.COOKIE, training_pairing.cookie_value(keys, session.id, pairing),
                        max_age=training_pairing.COOKIE_DAYS * 24 * 3600, httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@respond_bp.route("/<token>/reminder", methods=["GET", "POST"])
@public
def reminder(token):
    session, stage, state = _stage_of(token)
    if stage != "after":
        abort(404)
    form = ReminderForm()
    if form.validate_on_submit():
        training_reminders.add_reminder(session, form.email.data)
        return redirect(url_for("training_respond.reminder_set", token=token))
    page = render_template("views/training/reminder.html", session=session, state=state, definition=state.definition,
                           language="en", form=form, due=training_reminders.due_on(session))
    return page, 400 if form.errors else 200


@respond_bp.route("/<token>/reminder/set")
@public
def reminder_set(token):
    session, stage, state = _stage_of(token)
    if stage != "after":
        abort(404)
    return render_template("views/training/reminder_set.html", session=session, definition=state.definition,
                           language="en", due=training_reminders.due_on(session))
