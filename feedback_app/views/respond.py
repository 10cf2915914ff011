"""The respondent journey at /s/<slug>: start, question pages, check, confirmation.

Answers between pages live in a server-side draft; the session cookie holds
only a random token per survey. Nothing here stores an IP address or a user
agent.
"""

from flask import Blueprint, abort, current_app, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from feedback_app.auth.permissions import public
from feedback_app.forms.respond import (
    ResumeForm,
    StartForm,
    SubmitForm,
    error_list,
    filled_honeypot,
    page_form,
    page_values,
)
from feedback_app.i18n import use_language
from feedback_app.services import journey, page_cache, rate_limit, training_pairing
from feedback_app.views.security import csp_nonce

bp = Blueprint("respond", __name__, url_prefix="/s")

DRAFTS = "drafts"


def _draft_tokens():
    return session.get(DRAFTS, {})


def _remember_draft(slug, token):
    tokens = dict(_draft_tokens())
    tokens[slug] = token
    session[DRAFTS] = tokens


def _forget_draft(slug):
    tokens = dict(_draft_tokens())
    tokens.pop(slug, None)
    session[DRAFTS] = tokens


@bp.after_request
def _no_store(response):
    # Answers may be sensitive and devices shared: never keep pages in caches.
    response.headers["Cache-Control"] = "no-store"
    return response


def _language(state, draft=None):
    if draft is not None:
        return draft.language
    wanted = request.args.get("lang") or session.get("lang", {}).get(state.survey.slug)
    return wanted if wanted in state.definition.languages else "en"


def _load(slug):
    state = journey.find_survey(slug)
    if state is None:
        abort(404)
    g.survey_state = state
    return state


def _unavailable(state, language):
    use_language(language)
    status = 410 if state.availability == "closed" else 403
    return render_template("views/respond/unavailable.html", state=state, language=language), status


def _current_draft(state):
    """The session's draft for this survey, or a redirect/response to send instead."""
    draft = journey.find_draft(_draft_tokens().get(state.survey.slug))
    if draft is None:
        return None, redirect(url_for("respond.start", slug=state.survey.slug))
    if journey.response_for(draft) is not None:
        return None, redirect(url_for("respond.confirmation", slug=state.survey.slug))
    return draft, None


def _open_draft(state):
    """The session's draft on a survey that is taking answers, or what to send instead."""
    draft, redirect_to = _current_draft(state)
    if redirect_to is not None:
        return None, redirect_to
    use_language(draft.language)
    if state.availability != "open":
        return None, _unavailable(state, draft.language)
    return draft, None


def _context(state, draft, language):
    use_language(language)
    return {"state": state, "definition": journey.draft_definition(draft) if draft else state.definition,
            "language": language}


@bp.route("/<slug>")
@public
def start(slug):
    state = _load(slug)
    if journey.needs_context(state):
        # A training form is started only from a course session's link: back to an answer in progress, if any.
        draft = journey.find_draft(_draft_tokens().get(slug))
        if draft is None or journey.response_for(draft) is not None:
            abort(404)
        return redirect(url_for("respond.next_page", slug=slug))
    language = _language(state)
    if request.args.get("lang") in state.definition.languages:
        session["lang"] = {**session.get("lang", {}), slug: request.args["lang"]}
    if state.availability != "open":
        return _unavailable(state, language)
    cohort = journey.cohort_for(state.survey, request.args.get("c"))
    form = StartForm(cohort=cohort.token if cohort else "")
    draft = journey.find_draft(_draft_tokens().get(slug))
    in_progress = draft is not None and not journey.is_expired(draft) and journey.response_for(draft) is None
    use_language(language)

    def render():
        return render_template("views/respond/start.html", state=state, definition=state.definition,
                               language=language, form=form, in_progress=in_progress)

    if current_user.is_authenticated:
        return render()
    # The page a whole assembly opens at once: rendered once per version, language, link and progress.
    key = ("start", state.version.id, state.version.content_hash, language, form.cohort.data, in_progress,
           request.args.get("c"))
    return page_cache.render_once(key, render, (generate_csrf, csp_nonce))


@bp.route("/<slug>/start", methods=["POST"])
@public
def begin(slug):
    state = _load(slug)
    if journey.needs_context(state):
        abort(404)
    language = _language(state)
    if state.availability != "open":
        return _unavailable(state, language)
    if filled_honeypot(request.form):
        # A bot: a neutral answer, and no draft made.
        return redirect(url_for("respond.start", slug=slug))
    rate_limit.hit("start")
    form = StartForm()
    form.validate()
    cohort = journey.cohort_for(state.survey, form.cohort.data)
    _, token = journey.start_draft(state, cohort, language, current_app.config["DRAFT_LIFETIME"])
    _remember_draft(slug, token)
    first = state.definition.visible_pages({})[0]
    return redirect(url_for("respond.question", slug=slug, page_id=first.id))


def _neighbours(definition, answers, page):
    pages = definition.visible_pages(answers)
    ids = [p.id for p in pages]
    index = ids.index(page.id) if page.id in ids else len(ids)
    previous = pages[index - 1] if index > 0 else None
    following = pages[index + 1] if index + 1 < len(pages) else None
    return previous, following, index + 1, len(pages)


def _render_page(state, draft, definition, page, form, language, status=200, notice=None):
    answers = definition.visible_answers(draft.answers or {})
    previous, _, number, total = _neighbours(definition, answers, page)
    slug = state.survey.slug
    back = (url_for("respond.check", slug=slug) if request.args.get("change")
            else url_for("respond.question", slug=slug, page_id=previous.id) if previous
            else url_for("respond.start", slug=slug))
    return render_template(
        "views/respond/question.html", state=state, definition=definition, page=page,
        questions=page.shown_questions(answers), form=form, language=language, back_url=back,
        number=number, total=total, errors=error_list(page, answers, form), notice=notice,
        change=bool(request.args.get("change")),
    ), status


@bp.route("/<slug>/q/<page_id>", methods=["GET", "POST"])
@public
def question(slug, page_id):
    state = _load(slug)
    draft, send_instead = _open_draft(state)
    if send_instead is not None:
        return send_instead
    language = draft.language
    definition = journey.draft_definition(draft)
    try:
        page = definition.page(page_id)
    except KeyError:
        abort(404)
    lifetime = current_app.config["DRAFT_LIFETIME"]
    notice = None
    if journey.is_expired(draft):
        if request.method == "GET":
            _forget_draft(slug)
            return render_template("views/respond/expired.html", state=state, language=language), 410
        # Keep what was typed on this page in a fresh draft.
        draft, token = journey.start_draft(state, draft.cohort, language, lifetime, context=draft.context)
        _remember_draft(slug, token)
        notice = _("Your earlier answers were deleted because you did not continue for a while. "
                   "What you entered on this page has been kept.")
    answers = definition.visible_answers(draft.answers or {})
    if not page.is_shown(answers):
        return redirect(url_for("respond.next_page", slug=slug))
    incomplete = journey.incomplete_page(definition, draft)
    order = [p.id for p in definition.pages]
    if notice is None and incomplete is not None and order.index(page.id) > order.index(incomplete.id):
        # No skipping ahead past a page that still needs an answer.
        return redirect(url_for("respond.question", slug=slug, page_id=incomplete.id))
    if request.method == "GET":
        form = page_form(page, answers, language)
        return _render_page(state, draft, definition, page, form, language)
    if filled_honeypot(request.form):
        # A bot: carry on as if all was well, storing nothing.
        return redirect(url_for("respond.next_page", slug=slug))
    form = page_form(page, answers, language, formdata=request.form)
    valid = form.validate()
    if request.form.get("action") == "save":
        journey.save_answers(draft, page.id, page_values(page, answers, form, only_valid=True), lifetime)
        code = journey.create_resume_code(draft)
        session["resume_code"] = code
        return redirect(url_for("respond.saved", slug=slug))
    if notice is not None:
        journey.save_answers(draft, page.id, page_values(page, answers, form, only_valid=True), lifetime)
        return _render_page(state, draft, definition, page, form, language, status=410, notice=notice)
    if not valid:
        return _render_page(state, draft, definition, page, form, language, status=422)
    journey.save_answers(draft, page.id, page_values(page, answers, form), lifetime)
    if request.args.get("change") and journey.incomplete_page(definition, draft) is None:
        return redirect(url_for("respond.check", slug=slug))
    answers = definition.visible_answers(draft.answers)
    following = _neighbours(definition, answers, page)[1]
    if following is None:
        return redirect(url_for("respond.check", slug=slug))
    return redirect(url_for("respond.question", slug=slug, page_id=following.id))


@bp.route("/<slug>/next")
@public
def next_page(slug):
    state = _load(slug)
    draft, redirect_to = _current_draft(state)
    if redirect_to is not None:
        return redirect_to
    page = journey.incomplete_page(journey.draft_definition(draft), draft)
    if page is None:
        return redirect(url_for("respond.check", slug=slug))
    return redirect(url_for("respond.question", slug=slug, page_id=page.id))


@bp.route("/<slug>/check", methods=["GET", "POST"])
@public
def check(slug):
    state = _load(slug)
    draft, send_instead = _open_draft(state)
    if send_instead is not None:
        return send_instead
    language = draft.language
    if journey.is_expired(draft):
        _forget_draft(slug)
        return render_template("views/respond/expired.html", state=state, language=language), 410
    definition = journey.draft_definition(draft)
    incomplete = journey.incomplete_page(definition, draft)
    if incomplete is not None:
        return redirect(url_for("respond.question", slug=slug, page_id=incomplete.id))
    form = SubmitForm()
    if request.method == "POST" and form.validate():
        if filled_honeypot(request.form):
            # A bot: nothing stored, the draft and its answers dropped, a neutral page.
            journey.discard_draft(draft)
            _forget_draft(slug)
            return redirect(url_for("respond.start", slug=slug))
        rate_limit.hit("submit")
        journey.submit(draft)
        return redirect(url_for("respond.confirmation", slug=slug))
    answers = definition.visible_answers(draft.answers or {})
    return render_template("views/respond/check.html", state=state, definition=definition, form=form,
                           language=language, answers=answers, pages=definition.visible_pages(answers))


@bp.route("/<slug>/confirmation")
@public
def confirmation(slug):
    state = _load(slug)
    draft = journey.find_draft(_draft_tokens().get(slug))
    response = journey.response_for(draft) if draft else None
    if response is None:
        return redirect(url_for("respond.start", slug=slug))
    language = response.language
    use_language(language)
    return render_template("views/respond/confirmation.html", state=state,
                           definition=journey.draft_definition(draft), language=language,
                           reference=response.reference, reminder_token=training_pairing.reminder_token(response))


@bp.route("/<slug>/saved")
@public
def saved(slug):
    state = _load(slug)
    draft, redirect_to = _current_draft(state)
    if redirect_to is not None:
        return redirect_to
    code = session.pop("resume_code", None)
    if code is None:
        return redirect(url_for("respond.next_page", slug=slug))
    use_language(draft.language)
    days = current_app.config["DRAFT_LIFETIME"].days
    return render_template("views/respond/saved.html", state=state, definition=state.definition,
                           language=draft.language, code=code, days=days)


@bp.route("/<slug>/resume", methods=["GET", "POST"])
@public
def resume(slug):
    state = _load(slug)
    language = _language(state)
    use_language(language)
    if state.availability != "open":
        return _unavailable(state, language)
    form = ResumeForm(data={"code": request.args.get("code", "")} if request.method == "GET" else None)
    status = 200
    if request.method == "POST":
        if form.validate():
            draft, token = journey.resume(form.code.data, current_app.config["DRAFT_LIFETIME"], slug=slug)
            if draft is not None:
                _remember_draft(slug, token)
                return redirect(url_for("respond.next_page", slug=slug))
            form.code.errors.append(_("We could not find answers saved with that code. Check the code, "
                                      "or start again: saved answers are deleted after %(days)s days.",
                                      days=current_app.config["DRAFT_LIFETIME"].days))
        status = 422
    return render_template("views/respond/resume.html", state=state, definition=state.definition,
                           language=language, form=form), status


def page_after_csrf_failure():
    """Re-show a question page whose token had expired, keeping what was typed."""
    slug, page_id = request.view_args["slug"], request.view_args["page_id"]
    state = _load(slug)
    draft, redirect_to = _current_draft(state)
    if redirect_to is not None or journey.is_expired(draft):
        return None
    definition = journey.draft_definition(draft)
    try:
        page = definition.page(page_id)
    except KeyError:
        return None
    answers = definition.visible_answers(draft.answers or {})
    use_language(draft.language)
    form = page_form(page, answers, draft.language, formdata=request.form)
    notice = _("This page timed out, so your answers on it were not saved yet. "
               "Check them and select Continue again.")
    return _render_page(state, draft, definition, page, form, draft.language, status=400, notice=notice)
