"""Forms of the respondent journey."""

from flask import g
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import HiddenField, StringField

from feedback_app.forms.validators import AnswerRequired

# A field people never see or fill in (hidden from sight, screen readers and the tab order), which
# form-filling bots do. The hyphen keeps it apart from every question's field name.
HONEYPOT = "your-website"


def filled_honeypot(formdata):
    """True when the hidden "Leave this blank" field came back filled in: a bot, not a person."""
    return bool((formdata.get(HONEYPOT) or "").strip())


class StartForm(FlaskForm):
    cohort = HiddenField()


class SubmitForm(FlaskForm):
    """The check-your-answers page: nothing but the CSRF token."""


class ResumeForm(FlaskForm):
    code = StringField(
        _l("Your code"),
        description=_l("The 12 letters and numbers you were given, for example ABCD-EFGH-JK23"),
        validators=[AnswerRequired(_l("Enter your code"))],
        widget=GovTextInput(),
    )


def page_form_class(page, answers, language):
    """A FlaskForm subclass with the fields of the page's shown questions."""
    fields = {}
    for question in page.shown_questions(answers):
        fields.update(question.answer_type.fields(language))
    return type("SurveyPageForm", (FlaskForm,), fields)


def page_form(page, answers, language, formdata=None):
    """Build the form for a page, pre-filled from stored answers on GET."""
    form_class = page_form_class(page, answers, language)
    data = {}
    for question in page.shown_questions(answers):
        data.update(question.answer_type.form_data(answers.get(question.id)))
    if formdata is None:
        return form_class(formdata=None, data=data)
    return form_class(formdata=formdata)


def page_values(page, answers, form, only_valid=False):
    """Answers taken from a (validated) page form; skipped questions become ``None``."""
    values = {}
    for question in page.questions:
        if not question.answer_type.collects_answer:
            continue
        if question not in page.shown_questions(answers):
            values[question.id] = None
            continue
        if only_valid and question.answer_type.field_errors(form):
            continue
        values[question.id] = question.answer_type.value_from_form(form)
    return values


def error_list(page, answers, form):
    """Error summary entries, linked to the first field of each question in error."""
    entries = []
    shown = page.shown_questions(answers)
    language = g.get("language", "en")
    for question in shown:
        errors = question.answer_type.field_errors(form)
        if errors:
            text = str(errors[0])
            if len(shown) > 1:  # several questions on the page: say which one the problem is with
                text = gettext("%(question)s: %(problem)s", question=question.text(language), problem=text)
            entries.append({"text": text, "href": "#" + question.answer_type.error_anchor(form)})
    csrf = getattr(form, "csrf_token", None)
    if csrf is not None and csrf.errors:
        entries.insert(0, {"text": str(csrf.errors[0]), "href": "#main-content"})
    return entries
