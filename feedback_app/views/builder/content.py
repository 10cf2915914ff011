"""Builder: pages, questions (each type's settings derived from its option schema) and show/skip rules."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.answer_types import ANSWER_TYPES
from feedback_app.auth.permissions import roles_required
from feedback_app.forms import builder as forms
from feedback_app.services.builder import drafts, editing, fields, guidance, rules
from feedback_app.services.builder.editing import EditRefused
from feedback_app.views.builder import BUILDERS, attach, bp, load


def _back(slug, anchor=None):
    return redirect(url_for("builder.survey", slug=slug, _anchor=anchor))


def _page(work, page_id):
    for page in work.data["pages"]:
        if page["id"] == page_id:
            return page
    abort(404)


def _question(work, question_id):
    try:
        return editing.get_question(work.data, question_id)
    except EditRefused:
        abort(404)


def _change(slug, form, action, mutate, **detail):
    """Make the change; ``True`` when it was kept, else the reason is shown on the form."""
    try:
        drafts.change(slug, current_user, action, mutate, **detail)
    except EditRefused as refused:
        attach(form, refused.field, refused.message)
        return False
    return True


# -- pages -------------------------------------------------------------------

@bp.route("/<slug>/pages/new", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def new_page(slug):
    load(slug)
    form = forms.PageForm()
    if form.validate_on_submit():
        title = (form.title.data or "").strip()
        added = []
        if _change(slug, form, "page_added", lambda data: added.append(editing.add_page(data, title)), title=title):
            return redirect(url_for("builder.new_question", slug=slug, page_id=added[0]))
    return render_template("builder/page.html", work=load(slug), form=form, page=None), 422 if form.errors else 200


@bp.route("/<slug>/pages/<page_id>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def page(slug, page_id):
    work = load(slug)
    page = _page(work, page_id)
    form = forms.PageForm(data={"title": editing.english(page.get("title")) or ""}
                          if request.method == "GET" else None)
    if form.validate_on_submit():
        title = (form.title.data or "").strip()
        if _change(slug, form, "page_changed", lambda data: editing.set_page_title(data, page_id, title),
                   page=page_id, title=title):
            flash(_("Page saved."))
            return _back(slug, f"page-{page_id}")
    return render_template("builder/page.html", work=work, form=form, page=page), 422 if form.errors else 200


@bp.route("/<slug>/pages/<page_id>/move", methods=["POST"])
@roles_required(*BUILDERS)
def move_page(slug, page_id):
    form = forms.ActionForm()
    if form.validate_on_submit():
        offset = -1 if form.direction.data == "up" else 1
        try:
            drafts.change(slug, current_user, "page_moved", lambda data: editing.move_page(data, page_id, offset),
                          page=page_id, direction=form.direction.data)
        except EditRefused as refused:
            flash(str(refused.message))
    return _back(slug, f"page-{page_id}")


@bp.route("/<slug>/pages/<page_id>/remove", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def remove_page(slug, page_id):
    work = load(slug)
    page = _page(work, page_id)
    form = forms.ActionForm()
    if form.validate_on_submit():
        if _change(slug, form, "page_removed", lambda data: editing.remove_page(data, page_id), page=page_id):
            flash(_("Page removed."))
            return _back(slug)
    return render_template("builder/remove.html", work=work, form=form, kind="page",
                           name=editing.english(page.get("title")) or page_id), 409 if form.errors else 200


# -- questions ---------------------------------------------------------------

@bp.route("/<slug>/pages/<page_id>/questions/new", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def new_question(slug, page_id):
    work = load(slug)
    _page(work, page_id)
    form = forms.TypeForm()
    if form.validate_on_submit():
        return redirect(url_for("builder.new_question_settings", slug=slug, page_id=page_id,
                                answer_type=form.type.data))
    return render_template("builder/type.html", work=work, form=form, page_id=page_id,
                           type_labels=forms.TYPE_LABELS), 422 if form.errors else 200


def _messages():
    return {"number": _("Enter a number, like 12 or 2.5"), "whole": _("Enter a whole number, like 12"),
            "mapping": _("Write each label as the point, then | and its label")}


def _settings(form, type_class, old_spec):
    """The spec from a valid settings form, or ``None`` with the problems shown by their fields."""
    spec, problems = fields.spec_from_form(type_class, form.data, old_spec, _messages())
    for problem in problems:
        attach(form, problem.name, problem.message, "text")
    if problems:
        return None
    problem = type_class.check_spec(spec)
    if problem:
        place, message = problem
        attach(form, fields.field_of_place(place), fields.plain_problem(message), "text")
        return None
    return spec


def _settings_page(work, form, type_name, question=None, page_id=None, status=200):
    advice = guidance.question_advice(question, work.data.get("audience")) if question else []
    return render_template("builder/question.html", work=work, form=form, type_name=type_name,
                           type_label=forms.TYPE_LABELS[type_name][0], question=question, page_id=page_id,
                           settings=fields.settings_fields(ANSWER_TYPES[type_name]), advice=advice,
                           rule=rules.summary(question.get("show_if"), work.data) if question else None), status


@bp.route("/<slug>/pages/<page_id>/questions/new/<answer_type>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def new_question_settings(slug, page_id, answer_type):
    work = load(slug)
    _page(work, page_id)
    type_class = ANSWER_TYPES.get(answer_type) or abort(404)
    form = forms.question_form_class(answer_type, adding=True)()
    if form.validate_on_submit():
        question_id = form.id.data or editing.new_question_id(work.data, form.text.data)
        spec = _settings(form, type_class, {"id": question_id})
        if spec is not None and _change(slug, form, "question_added",
                                        lambda data: editing.add_question(data, page_id, spec),
                                        question=question_id, page=page_id, type=answer_type):
            flash(_("Question added."))
            return _back(slug, f"question-{question_id}")
    return _settings_page(work, form, answer_type, page_id=page_id, status=422 if form.errors else 200)


@bp.route("/<slug>/questions/<question_id>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def question(slug, question_id):
    work = load(slug)
    spec = _question(work, question_id)
    type_class = ANSWER_TYPES[spec["type"]]
    form_class = forms.question_form_class(spec["type"])
    if request.method == "GET":
        form = form_class(data={f.name: fields.to_form(f, spec) for f in fields.settings_fields(type_class)})
    else:
        form = form_class()
    if form.validate_on_submit():
        new_spec = _settings(form, type_class, spec)
        changed = sorted(key for key in set(spec) | set(new_spec or {}) if spec.get(key) != (new_spec or {}).get(key))
        if new_spec is not None and _change(slug, form, "question_changed",
                                            lambda data: editing.replace_question(data, question_id, new_spec),
                                            question=question_id, changed=changed):
            flash(_("Question saved."))
            return _back(slug, f"question-{question_id}")
    return _settings_page(work, form, spec["type"], question=spec, status=422 if form.errors else 200)


@bp.route("/<slug>/questions/<question_id>/move", methods=["POST"])
@roles_required(*BUILDERS)
def move_question(slug, question_id):
    form = forms.ActionForm()
    if form.validate_on_submit():
        offset = -1 if form.direction.data == "up" else 1
        try:
            drafts.change(slug, current_user, "question_moved",
                          lambda data: editing.move_question(data, question_id, offset),
                          question=question_id, direction=form.direction.data)
        except EditRefused as refused:
            flash(str(refused.message))
    return _back(slug, f"question-{question_id}")


@bp.route("/<slug>/questions/<question_id>/remove", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def remove_question(slug, question_id):
    work = load(slug)
    spec = _question(work, question_id)
    form = forms.ActionForm()
    if form.validate_on_submit():
        if _change(slug, form, "question_removed", lambda data: editing.remove_question(data, question_id),
                   question=question_id):
            flash(_("Question removed."))
            return _back(slug)
    return render_template("builder/remove.html", work=work, form=form, kind="question",
                           name=editing.english(spec["text"])), 409 if form.errors else 200


# -- show/skip rules ---------------------------------------------------------

def _rule(slug, kind, target_id):
    work = load(slug)
    if kind == "page":
        target = _page(work, target_id)
        name = editing.english(target.get("title")) or target_id
    else:
        target = _question(work, target_id)
        name = editing.english(target["text"])
    options = rules.candidates(work.data, kind, target_id)
    form = forms.RuleForm()
    form.question.choices = [(q.id, q.text("en")) for q in options]
    current_id, current_values = rules.chosen(target.get("show_if"))
    chosen_id = request.values.get("question") or current_id
    chosen = next((q for q in options if q.id == chosen_id), None)
    form.answers.choices = rules.answer_choices(chosen) if chosen else []
    if request.method == "GET":
        form.question.data = chosen_id
        form.answers.data = current_values if chosen_id == current_id else []
    if request.method == "POST" and form.validate_on_submit():
        if request.form.get("remove"):
            condition = None
        elif chosen is not None and not form.answers.data:
            attach(form, "answers", _("Select at least one answer"))
            condition = False
        else:
            condition = rules.condition_for(chosen, form.answers.data) if chosen else False
        if condition is not False and (chosen is not None or condition is None) and _change(
                slug, form, "rule_changed", lambda data: editing.set_rule(data, kind, target_id, condition),
                **{kind: target_id, "rule": condition}):
            flash(_("Rule saved.") if condition else _("Rule removed: always shown."))
            return _back(slug, f"{kind}-{target_id}")
    return render_template("builder/rule.html", work=work, form=form, kind=kind, target_id=target_id, name=name,
                           chosen=chosen, options=options,
                           current=rules.summary(target.get("show_if"), work.data)), 422 if form.errors else 200


@bp.route("/<slug>/questions/<question_id>/rule", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def question_rule(slug, question_id):
    return _rule(slug, "question", question_id)


@bp.route("/<slug>/pages/<page_id>/rule", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def page_rule(slug, page_id):
    return _rule(slug, "page", page_id)
