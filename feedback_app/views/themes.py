"""Theme runs: start one, follow its progress, review its themes.

Analysts and admins only; viewers see published reports, not runs. Review
changes are POSTs that redirect back (each is recorded and can be undone); a
refused change re-renders the theme page with a 400 and the message by the field.
"""

from flask import Blueprint, abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app import jobs
from feedback_app.auth.permissions import roles_required
from feedback_app.forms.themes import (
    ActionForm,
    LinkResultForm,
    MergeForm,
    MoveForm,
    NarrativeForm,
    NewRunForm,
    RenameForm,
    SplitForm,
    choices,
)
from feedback_app.models import RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit, theme_insights, theme_review, theme_runs, theme_sources

bp = Blueprint("themes", __name__, url_prefix="/staff/themes")
ANALYSTS = ("analyst",)
PAGE_SIZE = 25


def _language():
    return g.get("language", "en")


def _run_or_404(run_id):
    run = theme_queries.get_run(run_id) or abort(404)
    if not run.finished and theme_runs.refresh(run):
        run = theme_queries.get_run_for_update(run_id)
    return run


def _complete_run(run_id):
    run = _run_or_404(run_id)
    if run.status != RunStatus.complete:
        abort(404)
    return run


def _theme_or_404(run, theme_id):
    theme = theme_queries.get_theme(theme_id)
    if theme is None or theme.run_id != run.id:
        abort(404)
    return theme


@bp.app_template_filter("run_status")
def run_status_label(status):
    return {
        RunStatus.queued: _("Queued"), RunStatus.running: _("Running"), RunStatus.complete: _("Complete"),
        RunStatus.failed: _("Failed"), RunStatus.cancelled: _("Cancelled"),
    }[status]


@bp.app_template_global("review_change")
def review_change(event):
    return theme_review.describe(event)


@bp.route("")
@roles_required(*ANALYSTS)
def index():
    theme_runs.refresh()
    return render_template("views/themes/index.html", runs=theme_queries.list_runs())


def _new_run_form(formdata=None):
    form = NewRunForm(formdata=formdata) if formdata is not None else NewRunForm()
    found = theme_sources.options(_language())
    form.audiences.choices = choices([(a, theme_sources.audience_label(a)) for a in found.audiences])
    form.surveys.choices = choices([(s.slug, s.title) for s, _qs in found.surveys])
    form.questions.choices = choices([(f"{s.slug}:{qid}", f"{s.title}: {text}")
                                      for s, qs in found.surveys for qid, text in qs])
    form.years.choices = choices([(str(y), str(y)) for y in found.years])
    titles = {s.id: s.title for s, _qs in found.surveys}
    form.cohorts.choices = choices([(str(c.id), f"{titles.get(c.survey_id, '')}: {c.label}") for c in found.cohorts])
    form.previous.choices = choices([("auto", _("The latest finished run over the same sources")),
                                     ("none", _("None"))] + [
        (str(r.id), r.title) for r in theme_queries.list_complete_runs()])
    return form


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*ANALYSTS)
def new():
    form = _new_run_form()
    if form.validate_on_submit():
        sources = {"audiences": form.audiences.data, "surveys": form.surveys.data, "questions": form.questions.data,
                   "years": form.years.data, "cohorts": form.cohorts.data}
        if not theme_sources.collect(sources, redact=False):
            form.surveys.errors.append(_("No answers match the sources chosen. Choose other surveys, questions, "
                                         "years or cohorts."))
        else:
            choice = form.previous.data or "auto"
            previous = (theme_runs.default_previous_run(sources) if choice == "auto"
                        else None if choice == "none" else theme_queries.get_run(int(choice)))
            run = theme_runs.start(current_user, form.title.data.strip(), sources, k=form.number_of_themes(),
                                   previous_run_id=previous.id if previous else None)
            return redirect(url_for("themes.run", run_id=run.id))
    status = 400 if form.errors else 200
    return render_template("views/themes/new.html", form=form), status


@bp.route("/<int:run_id>")
@roles_required(*ANALYSTS)
def run(run_id):
    found = _run_or_404(run_id)
    if found.status != RunStatus.complete:
        return render_template("views/themes/progress.html", run=found, form=ActionForm(),
                               stage=theme_runs.stage_label(found.stage),
                               nobody_working=found.status == RunStatus.queued and jobs.nobody_working(),
                               sources=theme_sources.describe(found.sources, _language()))
    return _render_review(found)


def _render_review(run, narrative_form=None, status=200):
    narrative_form = narrative_form or NarrativeForm(prefix="run", formdata=None, data={"narrative": run.narrative})
    return render_template(
        "views/themes/review.html", run=run, summaries=theme_insights.summaries(run),
        base=theme_insights.base_count(run), sources=theme_sources.describe(run.sources, _language()),
        last_change=theme_review.last_change(run), form=ActionForm(), narrative_form=narrative_form,
        has_errors=bool(narrative_form.errors),
    ), status


@bp.route("/<int:run_id>/status.json")
@roles_required(*ANALYSTS)
def status(run_id):
    found = _run_or_404(run_id)
    return jsonify(status=found.status.value, label=run_status_label(found.status), progress=found.progress,
                   stage=theme_runs.stage_label(found.stage), finished=found.finished, error=found.error)


@bp.route("/<int:run_id>/cancel", methods=["POST"])
@roles_required(*ANALYSTS)
def cancel(run_id):
    found = _run_or_404(run_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if theme_runs.cancel(found, current_user):
        flash(_("The run is being cancelled."))
    return redirect(url_for("themes.run", run_id=run_id))


@bp.route("/<int:run_id>/retry", methods=["POST"])
@roles_required(*ANALYSTS)
def retry(run_id):
    found = _run_or_404(run_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if theme_runs.retry(found, current_user):
        flash(_("The run has been queued again."))
    return redirect(url_for("themes.run", run_id=run_id))


@bp.route("/<int:run_id>/narrative", methods=["POST"])
@roles_required(*ANALYSTS)
def run_narrative(run_id):
    found = _complete_run(run_id)
    form = NarrativeForm(prefix="run")
    if not form.validate_on_submit():
        return _render_review(found, form, 400)
    theme_review.set_run_narrative(found, form.narrative.data, current_user)
    flash(_("Narrative saved."))
    return redirect(url_for("themes.run", run_id=run_id))


@bp.route("/<int:run_id>/undo", methods=["POST"])
@roles_required(*ANALYSTS)
def undo(run_id):
    found = _complete_run(run_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        event = theme_review.undo(found, current_user)
    except theme_review.ReviewRefused as refused:
        flash(refused.message)
        return redirect(url_for("themes.history", run_id=run_id))
    flash(_("Last change undone.") if event else _("There is nothing to undo."))
    back = request.form.get("theme_id", "")
    shown = theme_queries.get_theme(int(back)) if back.isdigit() else None
    if shown is not None and shown.run_id == found.id:
        return redirect(url_for("themes.theme", run_id=run_id, theme_id=shown.id))
    return redirect(url_for("themes.run", run_id=run_id))


@bp.route("/<int:run_id>/history")
@roles_required(*ANALYSTS)
def history(run_id):
    found = _complete_run(run_id)
    themes = {theme.id: theme for theme, _size in theme_queries.list_themes(found.id, include_merged=True)}
    return render_template("views/themes/history.html", run=found, events=theme_queries.list_review_events(found.id),
                           themes=themes, form=ActionForm(), last_change=theme_review.last_change(found))


# --- one theme --------------------------------------------------------------------------------------


def _theme_forms(run, theme, summaries, **given):
    others = [(str(s.theme.id), s.theme.label) for s in summaries if s.theme.id != theme.id]
    merge = given.get("merge") or MergeForm(prefix="merge")
    merge.target.choices = choices([("", _("Choose a theme"))] + others)
    link = given.get("link") or LinkResultForm(prefix="link")
    link.result.choices = choices([("", _("Choose a result"))] + theme_insights.result_choices(theme, _language()))
    return {
        "rename_form": given.get("rename") or RenameForm(prefix="rename", formdata=None, data={"label": theme.label}),
        "merge_form": merge,
        "split_form": given.get("split") or SplitForm(prefix="split", formdata=None),
        "narrative_form": given.get("narrative") or NarrativeForm(prefix="theme", formdata=None,
                                                                  data={"narrative": theme.narrative}),
        "link_form": link,
    }


def _render_theme(run, theme, status=200, **given):
    summaries = theme_insights.summaries(run)
    summary = next((s for s in summaries if s.theme.id == theme.id), None)
    if summary is None:  # merged away: show it through the theme it went into
        summary = next(s for s in theme_insights.summaries(run, include_merged=True) if s.theme.id == theme.id)
    forms = _theme_forms(run, theme, summaries, **given)
    language = _language()
    return render_template(
        "views/themes/theme.html", run=run, theme=theme, summary=summary,
        by_audience=theme_insights.by_audience(run, theme), by_agency=theme_insights.by_agency(run, theme, language),
        linked=theme_insights.triangulation(run, theme, language), form=ActionForm(),
        has_errors=any(f.errors for f in forms.values()), last_change=theme_review.last_change(run), **forms,
    ), status


@bp.route("/<int:run_id>/themes/<int:theme_id>")
@roles_required(*ANALYSTS)
def theme(run_id, theme_id):
    found = _complete_run(run_id)
    return _render_theme(found, _theme_or_404(found, theme_id))


@bp.route("/<int:run_id>/themes/<int:theme_id>/answers")
@roles_required(*ANALYSTS)
def theme_answers(run_id, theme_id):
    found = _complete_run(run_id)
    chosen = _theme_or_404(found, theme_id)
    page = max(request.args.get("page", 1, type=int), 1)
    total = theme_queries.theme_sizes(found.id).get(chosen.id, 0)
    rows = theme_queries.theme_answers(chosen.id, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    audit.record(current_user, "themes.answers_viewed", target=f"theme_run:{found.id}", theme=chosen.id, page=page,
                 shown=len(rows))
    move_form = MoveForm(prefix="move")
    move_form.target.choices = choices([("", _("Choose a theme"))] + [
        (str(s.theme.id), s.theme.label) for s in theme_insights.summaries(found) if s.theme.id != chosen.id])
    return render_template("views/themes/answers.html", run=found, theme=chosen, rows=rows, total=total, page=page,
                           has_next=page * PAGE_SIZE < total, move_form=move_form)


def _review_op(run_id, theme_id, form_name, form, apply):
    """Validate ``form``, apply the change, and redirect; or re-render the theme page with a 400."""
    found = _complete_run(run_id)
    chosen = _theme_or_404(found, theme_id)
    if form.validate_on_submit():
        try:
            event = apply(found, chosen, form)
        except theme_review.ReviewRefused as refused:
            field = getattr(form, refused.field, None) if refused.field else None
            if field is None:
                flash(refused.message)
                return redirect(url_for("themes.theme", run_id=run_id, theme_id=theme_id))
            field.errors = [*field.errors, refused.message]
        else:
            if event is not None:
                flash(_("Change saved. You can undo it."))
            target = event.payload.get("target") if event is not None and event.op == "merge" else theme_id
            return redirect(url_for("themes.theme", run_id=run_id, theme_id=target))
    if not form.errors:
        abort(400)
    return _render_theme(found, chosen, 400, **{form_name: form})


@bp.route("/<int:run_id>/themes/<int:theme_id>/rename", methods=["POST"])
@roles_required(*ANALYSTS)
def rename(run_id, theme_id):
    return _review_op(run_id, theme_id, "rename", RenameForm(prefix="rename"),
                      lambda run, theme, form: theme_review.rename(run, theme, form.label.data, current_user))


@bp.route("/<int:run_id>/themes/<int:theme_id>/exclude", methods=["POST"])
@roles_required(*ANALYSTS)
def exclude(run_id, theme_id):
    return _review_op(run_id, theme_id, "exclude", ActionForm(),
                      lambda run, theme, form: theme_review.set_excluded(run, theme, True, current_user))


@bp.route("/<int:run_id>/themes/<int:theme_id>/include", methods=["POST"])
@roles_required(*ANALYSTS)
def include(run_id, theme_id):
    return _review_op(run_id, theme_id, "include", ActionForm(),
                      lambda run, theme, form: theme_review.set_excluded(run, theme, False, current_user))


def _merge(run, theme, form):
    target = theme_queries.get_theme(int(form.target.data))
    if target is None or target.run_id != run.id:
        raise theme_review.ReviewRefused(_("Choose the theme to merge with"), "target")
    return theme_review.merge(run, theme, target, current_user)


@bp.route("/<int:run_id>/themes/<int:theme_id>/merge", methods=["POST"])
@roles_required(*ANALYSTS)
def merge(run_id, theme_id):
    found = _complete_run(run_id)
    summaries = theme_insights.summaries(found)
    form = MergeForm(prefix="merge")
    form.target.choices = choices([("", "")] + [(str(s.theme.id), s.theme.label) for s in summaries
                                                if s.theme.id != theme_id])
    return _review_op(run_id, theme_id, "merge", form, _merge)


@bp.route("/<int:run_id>/themes/<int:theme_id>/split", methods=["POST"])
@roles_required(*ANALYSTS)
def split(run_id, theme_id):
    return _review_op(run_id, theme_id, "split", SplitForm(prefix="split"),
                      lambda run, theme, form: theme_review.split(run, theme, int(form.parts.data), current_user))


@bp.route("/<int:run_id>/themes/<int:theme_id>/narrative", methods=["POST"])
@roles_required(*ANALYSTS)
def theme_narrative(run_id, theme_id):
    return _review_op(run_id, theme_id, "narrative", NarrativeForm(prefix="theme"),
                      lambda run, theme, form: theme_review.set_narrative(run, theme, form.narrative.data,
                                                                          current_user))


def _link(run, theme, form):
    survey, key = theme_insights.parse_choice(form.result.data)
    if survey is None:
        raise theme_review.ReviewRefused(_("Choose a result to show beside the theme"), "result")
    return theme_review.link_result(run, theme, survey, key, current_user)


@bp.route("/<int:run_id>/themes/<int:theme_id>/results", methods=["POST"])
@roles_required(*ANALYSTS)
def link_result(run_id, theme_id):
    found = _complete_run(run_id)
    form = LinkResultForm(prefix="link")
    theme = _theme_or_404(found, theme_id)
    form.result.choices = choices([("", "")] + theme_insights.result_choices(theme, _language()))
    return _review_op(run_id, theme_id, "link", form, _link)


@bp.route("/<int:run_id>/themes/<int:theme_id>/results/<int:row_id>/remove", methods=["POST"])
@roles_required(*ANALYSTS)
def unlink_result(run_id, theme_id, row_id):
    return _review_op(run_id, theme_id, "unlink", ActionForm(), lambda run, theme, form: theme_review.unlink_result(
        run, theme, theme_queries.get_triangulation(row_id), current_user))


@bp.route("/<int:run_id>/answers/<int:answer_id>/move", methods=["POST"])
@roles_required(*ANALYSTS)
def move(run_id, answer_id):
    found = _complete_run(run_id)
    row = theme_queries.get_assignment(found.id, answer_id) or abort(404)
    back = row.theme_id
    form = MoveForm(prefix="move")
    form.target.choices = choices([(str(s.theme.id), s.theme.label) for s in theme_insights.summaries(found)])
    target = theme_queries.get_theme(int(form.target.data)) if (form.target.data or "").isdigit() else None
    if not form.validate_on_submit() or target is None or target.run_id != found.id:
        flash(_("Choose the theme to move the answer to."))
    else:
        try:
            theme_review.move(found, answer_id, target, current_user)
            flash(_("Answer moved to “%(theme)s”. You can undo it.", theme=target.label))
        except theme_review.ReviewRefused as refused:
            flash(refused.message)
    if back is None:
        return redirect(url_for("themes.run", run_id=run_id))
    return redirect(url_for("themes.theme_answers", run_id=run_id, theme_id=back,
                            page=request.form.get("page", 1, type=int)))
