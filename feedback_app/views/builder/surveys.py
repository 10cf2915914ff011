"""Builder: the list, new, copied and imported surveys, settings, making live, history and export."""

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms import builder as forms
from feedback_app.queries import builder as builder_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services.builder import drafts, editing, guidance, overview, yaml_io
from feedback_app.services.builder.editing import EditRefused
from feedback_app.survey_definitions import SurveyDefinitionError, load_file, survey_files
from feedback_app.views.builder import BUILDERS, attach, bp, load


@bp.route("")
@roles_required(*BUILDERS)
def index():
    files = [path.name for path in survey_files(current_app.config["SURVEYS_DIR"])]
    return render_template("builder/index.html", drafts=builder_queries.list_drafts(),
                           surveys=survey_queries.list_surveys(), files=files, form=forms.ActionForm())


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def new():
    form = forms.NewSurveyForm()
    if form.validate_on_submit():
        title = form.title.data.strip()
        data = editing.new_definition(drafts.new_slug(title), title, form.audience.data)
        try:
            slug = drafts.create(data, current_user)
        except EditRefused as refused:
            attach(form, refused.field, refused.message)
        else:
            flash(_("Survey created as a draft. Add its first page."))
            return redirect(url_for("builder.settings", slug=slug))
    return render_template("builder/new.html", form=form), 422 if form.errors else 200


@bp.route("/copy", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def copy():
    form = forms.CopyForm()
    form.source.choices = [(survey.slug, survey.title) for survey in survey_queries.list_surveys()]
    if form.validate_on_submit():
        try:
            slug = drafts.copy_of(form.source.data, form.title.data.strip(), current_user)
        except EditRefused as refused:
            attach(form, refused.field, refused.message)
        else:
            flash(_("Copy made as a draft. Check its dates before making it live."))
            return redirect(url_for("builder.survey", slug=slug))
    return render_template("builder/copy.html", form=form), 422 if form.errors else 200


@bp.route("/import", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def import_file():
    form = forms.ImportForm()
    if form.validate_on_submit():
        upload = form.file.data
        if not upload or not getattr(upload, "filename", ""):
            attach(form, "file", _("Select a survey file"))
        else:
            try:
                data = yaml_io.read(upload.read(), upload.filename)
                slug = _open(data, "imported")
            except yaml_io.ImportProblem as problem:
                attach(form, "file", _("The file cannot be used: %(problem)s", problem=str(problem)))
            except EditRefused as refused:
                attach(form, "file", refused.message)
            else:
                flash(_("File imported as a draft."))
                return redirect(url_for("builder.survey", slug=slug))
    return render_template("builder/import.html", form=form), 422 if form.errors else 200


def _open(data, action):
    """A file's survey as a draft: of the survey it belongs to, or a new one."""
    if drafts.working(data["slug"]) is not None:
        drafts.replace(data["slug"], data, current_user, action)
        return data["slug"]
    return drafts.create(data, current_user, action)


@bp.route("/files/<name>", methods=["POST"])
@roles_required(*BUILDERS)
def open_file(name):
    form = forms.ActionForm()
    paths = {path.name: path for path in survey_files(current_app.config["SURVEYS_DIR"])}
    if not form.validate_on_submit() or name not in paths:
        return redirect(url_for("builder.index"))
    try:
        slug = _open(load_file(paths[name]).data, "file_opened")
    except (SurveyDefinitionError, EditRefused) as problem:
        flash(_("The file cannot be opened: %(problem)s", problem=str(problem)))
        return redirect(url_for("builder.index"))
    return redirect(url_for("builder.survey", slug=slug))


@bp.route("/<slug>")
@roles_required(*BUILDERS)
def survey(slug):
    work = load(slug)
    return render_template("builder/survey.html", work=work, outline=overview.outline(work.data),
                           advice=guidance.review(work.data), form=forms.ActionForm())


@bp.route("/<slug>/settings", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def settings(slug):
    work = load(slug)
    form = forms.SettingsForm(data=forms.settings_form_data(work.data) if request.method == "GET" else None)
    if form.validate_on_submit():
        values, problems = forms.settings_values(form)
        for field, message in problems:
            attach(form, field, message)
        if not problems:
            try:
                drafts.change(slug, current_user, "settings_changed",
                              lambda data: editing.set_settings(data, values),
                              changed=sorted(key for key, value in values.items()
                                             if value != editing.settings(work.data).get(key)))
            except EditRefused as refused:
                attach(form, refused.field, refused.message)
            else:
                flash(_("Settings saved."))
                return redirect(url_for("builder.survey", slug=slug))
    return render_template("builder/settings.html", work=work, form=form), 422 if form.errors else 200


@bp.route("/<slug>/check", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def check(slug):
    work = load(slug)
    form = forms.ActionForm()
    problems = drafts.publish_problems(work) if work.is_draft else []
    status = 200
    if form.validate_on_submit():
        try:
            number = drafts.publish(slug, current_user)
        except EditRefused as refused:
            problems = problems or [("", str(refused.message))]
            status = 409
        else:
            flash(_("Version %(number)s is live. New respondents answer it; earlier answers keep their version.",
                    number=number))
            return redirect(url_for("surveys.survey", slug=slug))
    return render_template("builder/check.html", work=work, outline=overview.outline(work.data),
                           problems=problems, form=form, advice=guidance.review(work.data)), status


@bp.route("/<slug>/discard", methods=["POST"])
@roles_required(*BUILDERS)
def discard(slug):
    load(slug)
    if forms.ActionForm().validate_on_submit():
        try:
            drafts.discard(slug, current_user)
        except EditRefused as refused:
            flash(str(refused.message))
        else:
            flash(_("Draft discarded."))
    if drafts.working(slug) is None:
        return redirect(url_for("builder.index"))
    return redirect(url_for("builder.survey", slug=slug))


@bp.route("/<slug>/history")
@roles_required(*BUILDERS)
def history(slug):
    work = load(slug)
    versions = builder_queries.list_versions(work.survey.id) if work.survey else []
    return render_template("builder/history.html", work=work, versions=versions,
                           events=builder_queries.survey_events(slug))


@bp.route("/<slug>/export.yaml")
@roles_required(*BUILDERS)
def export(slug):
    work = load(slug)
    response = Response(yaml_io.export(work.data), mimetype="application/yaml")
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}.yaml"'
    return response
