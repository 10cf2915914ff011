"""Builder: languages and translations side by side with the English, and the respondent's-eye preview."""

from flask import abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms import builder as forms
from feedback_app.forms.surveys import preview_form
from feedback_app.services.builder import drafts, editing, translation
from feedback_app.services.builder.editing import EditRefused
from feedback_app.survey_definitions import definition_from_data
from feedback_app.views.builder import BUILDERS, attach, bp, load

OTHER = "other"


def _language_name(code):
    return current_app.config["LANGUAGES"].get(code, code)


@bp.route("/<slug>/languages", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def languages(slug):
    work = load(slug)
    present = work.data.get("languages", ["en"])
    form = forms.LanguageForm()
    form.language.choices = [(code, name) for code, name in current_app.config["LANGUAGES"].items()
                             if code not in present] + [(OTHER, _("Another language"))]
    if form.validate_on_submit():
        code = form.other.data if form.language.data == OTHER else form.language.data
        if not code:
            attach(form, "other", _("Enter a language code of two or three lowercase letters, like pl"))
        elif code in present:
            attach(form, "other", _("The survey already has this language"))
        else:
            try:
                drafts.change(slug, current_user, "language_added",
                              lambda data: translation.add_language(data, code), language=code)
            except EditRefused as refused:
                attach(form, "language", refused.message)
            else:
                return redirect(url_for("builder.translate", slug=slug, language=code))
    rows = [(code, _language_name(code), translation.progress(work.data, code)) for code in present if code != "en"]
    return render_template("builder/languages.html", work=work, form=form, rows=rows,
                           supported=current_app.config["LANGUAGES"], other=OTHER,
                           remove_form=forms.ActionForm()), 422 if form.errors else 200


@bp.route("/<slug>/languages/<language>", methods=["GET", "POST"])
@roles_required(*BUILDERS)
def translate(slug, language):
    work = load(slug)
    if language == "en" or language not in work.data.get("languages", []):
        abort(404)
    pieces = translation.pieces(work.data)
    form_class = forms.translation_form_class(len(pieces))
    if request.method == "GET":
        form = form_class(data={f"t{n}": piece.translations.get(language, "") for n, piece in enumerate(pieces)})
    else:
        form = form_class()
    if form.validate_on_submit():
        values = {piece.path: form[f"t{n}"].data for n, piece in enumerate(pieces)}
        try:
            drafts.change(slug, current_user, "translation_changed",
                          lambda data: translation.set_translations(data, language, values), language=language)
        except EditRefused as refused:
            attach(form, "t0", refused.message)
        else:
            done, total = translation.progress(drafts.working(slug).data, language)
            flash(_("Translation saved: %(done)s of %(total)s pieces of wording done.", done=done, total=total))
            return redirect(url_for("builder.languages", slug=slug))
    earlier = translation.earlier_wording(work.data, work.version.definition if work.version else None, language)
    return render_template("builder/translate.html", work=work, form=form, pieces=pieces, language=language,
                           language_name=_language_name(language), earlier=earlier), 422 if form.errors else 200


@bp.route("/<slug>/languages/<language>/remove", methods=["POST"])
@roles_required(*BUILDERS)
def remove_language(slug, language):
    load(slug)
    if forms.ActionForm().validate_on_submit() and language != "en":
        drafts.change(slug, current_user, "language_removed",
                      lambda data: translation.remove_language(data, language), language=language)
        flash(_("Language removed."))
    return redirect(url_for("builder.languages", slug=slug))


@bp.route("/<slug>/preview/<page_id>")
@roles_required(*BUILDERS)
def preview(slug, page_id):
    work = load(slug)
    definition = definition_from_data(editing.draft_copy(work.data), slug)
    languages = work.data.get("languages", ["en"])
    language = request.args.get("lang") if request.args.get("lang") in languages else "en"
    pages = [page for page in definition.pages if page.id != "placeholder"]
    index = next((n for n, page in enumerate(pages) if page.id == page_id), None)
    if index is None:
        abort(404)
    page = pages[index]
    g.language = language  # the interface wording a respondent sees is in the survey's language
    return render_template(
        "builder/preview.html", work=work, definition=definition, page=page, language=language,
        languages=languages, form=preview_form(page, language), number=index + 1, total=len(pages),
        previous=pages[index - 1] if index else None, following=pages[index + 1] if index + 1 < len(pages) else None,
        phone=request.args.get("width") == "phone")
