"""Running surveys: the list, status changes, distribution links, QR codes, posters, preview."""

from flask import Blueprint, Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.surveys import CohortForm, StatusForm, preview_form
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import journey
from feedback_app.services import survey_admin as admin
from feedback_app.services.links import external_url

bp = Blueprint("surveys", __name__, url_prefix="/staff/surveys")

READERS = ("admin", "analyst")


@bp.app_context_processor
def _helpers():
    return {"survey_status_label": admin.status_label}


def _load(slug):
    state = journey.find_survey(slug)
    if state is None:
        abort(404)
    return state


def _language(state):
    wanted = request.args.get("lang")
    return wanted if wanted in state.definition.languages else "en"


def _link_url(state, cohort):
    return external_url("respond.start", slug=state.survey.slug, c=cohort.token if cohort else None)


def _link_name(cohort):
    return cohort.label if cohort else _("General link (no group)")


def _load_link(state, code):
    found, cohort = admin.find_link(state.survey, code)
    if not found:
        abort(404)
    return cohort


@bp.route("")
@roles_required(*READERS)
def index():
    summaries = admin.survey_summaries(survey_queries.list_surveys())
    return render_template("views/surveys/index.html", summaries=summaries, recent_days=admin.RECENT_DAYS)


def _render_survey(state, form, error=None, status=200):
    versions = admin.versions_with_counts(state.survey)
    return render_template(
        "views/surveys/survey.html", state=state, form=form, error=error, has_errors=bool(error),
        actions=admin.actions_for(state.survey.status), days=admin.daily_counts(state.survey),
        versions=versions, total=sum(count for _version, count in versions),
        can_manage=current_user.has_role("admin"),
    ), status


@bp.route("/<slug>")
@roles_required(*READERS)
def survey(slug):
    return _render_survey(_load(slug), StatusForm())


@bp.route("/<slug>/status", methods=["POST"])
@roles_required("admin")
def change_status(slug):
    state = _load(slug)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    before = state.survey.status
    try:
        admin.change_status(state.survey, form.action.data, current_user)
    except admin.TransitionRefused as refused:
        return _render_survey(_load(slug), StatusForm(formdata=None), error=str(refused.message), status=409)
    state = _load(slug)
    flash(_("Status changed from %(before)s to %(after)s.", before=str(admin.status_label(before)).lower(),
            after=str(admin.status_label(state.survey.status)).lower()))
    if state.survey.status.value == "open" and state.availability != "open":
        flash(_("Respondents still cannot answer it because of its open and close dates. "
                "Change the dates in the survey builder."))
    return redirect(url_for("surveys.survey", slug=slug))


@bp.route("/<slug>/links")
@roles_required(*READERS)
def links(slug):
    state = _load(slug)
    rows = [{"cohort": cohort, "code": cohort.code if cohort else admin.GENERAL, "name": _link_name(cohort),
             "url": _link_url(state, cohort), "responses": responses}
            for cohort, responses in admin.links(state.survey)]
    return render_template("views/surveys/links.html", state=state, links=rows,
                           can_manage=current_user.has_role("admin"))


@bp.route("/<slug>/links/new", methods=["GET", "POST"])
@roles_required("admin")
def new_link(slug):
    state = _load(slug)
    form = CohortForm()
    if form.validate_on_submit():
        try:
            cohort = admin.add_cohort(state.survey, form.label.data, form.code.data, current_user)
        except admin.CohortRefused as refused:
            getattr(form, refused.field).errors.append(str(refused.message))
        else:
            flash(_("Link added for %(label)s.", label=cohort.label))
            return redirect(url_for("surveys.links", slug=slug))
    return render_template("views/surveys/new_link.html", state=state, form=form), 422 if form.errors else 200


@bp.route("/<slug>/links/<code>/qr.svg")
@roles_required(*READERS)
def qr_code(slug, code):
    state = _load(slug)
    cohort = _load_link(state, code)
    title = _("QR code for %(survey)s: %(link)s", survey=state.survey.title, link=_link_name(cohort))
    response = Response(admin.qr_svg(_link_url(state, cohort), title), mimetype="image/svg+xml")
    disposition = "attachment" if request.args.get("download") else "inline"
    response.headers["Content-Disposition"] = f'{disposition}; filename="{state.survey.slug}-{code}.svg"'
    return response


@bp.route("/<slug>/links/<code>/poster")
@roles_required(*READERS)
def poster(slug, code):
    state = _load(slug)
    cohort = _load_link(state, code)
    language = _language(state)
    g.language = language  # the poster is for respondents: its wording is in the survey's language
    url = _link_url(state, cohort)
    title = state.definition.title(language)
    qr = admin.qr_svg(url, _("QR code: scan it to open the survey %(title)s", title=title), standalone=False)
    # Typed by hand: a short code on the configured address; browsers add the https:// themselves.
    short = external_url("main.short_link", code=admin.short_code(state.survey.slug, cohort.token if cohort else None))
    short_url = short.removeprefix("https://").removeprefix("http://")
    return render_template("views/surveys/poster.html", state=state, definition=state.definition, code=code,
                           cohort=cohort, name=_link_name(cohort), url=url, short_url=short_url, qr=qr,
                           language=language)


def _preview_context(state):
    language = _language(state)
    g.language = language  # interface text in the survey's language, as the respondent sees it
    return {"state": state, "definition": state.definition, "language": language}


@bp.route("/<slug>/preview")
@roles_required(*READERS)
def preview(slug):
    context = _preview_context(_load(slug))
    pages = [(page, preview_form(page, context["language"])) for page in context["definition"].pages]
    return render_template("views/surveys/preview.html", pages=pages, **context)


@bp.route("/<slug>/preview/<page_id>")
@roles_required(*READERS)
def preview_page(slug, page_id):
    context = _preview_context(_load(slug))
    pages = list(context["definition"].pages)
    index = next((n for n, page in enumerate(pages) if page.id == page_id), None)
    if index is None:
        abort(404)
    page = pages[index]
    return render_template(
        "views/surveys/preview_page.html", page=page, form=preview_form(page, context["language"]),
        number=index + 1, total=len(pages), previous=pages[index - 1] if index else None,
        following=pages[index + 1] if index + 1 < len(pages) else None, **context)
