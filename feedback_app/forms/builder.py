"""Forms of the survey builder. A question's settings form is derived from its answer type's option schema."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovFileInput,
    GovRadioInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, RadioField, SelectChoice, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Length, Optional, Regexp

from feedback_app.answer_types import ANSWER_TYPES
from feedback_app.answer_types.simple import DateParts, ValidDate
from feedback_app.forms.validators import AnswerRequired
from feedback_app.services.builder.fields import settings_fields

AUDIENCES = [
    ("young_people", _l("Children and young people")),
    ("practitioners", _l("Practitioners (the workforce)")),
    ("lay_members", _l("Lay members")),
    ("partners", _l("Partner agencies")),
    ("training", _l("People on a training course")),
]
TYPE_LABELS = {
    "statement": (_l("Information only"), _l("Text to read; nothing to answer.")),
    "short_text": (_l("Short answer"), _l("A line of text.")),
    "long_text": (_l("Long answer"), _l("A paragraph of text, with a character count.")),
    "single_choice": (_l("One answer from a list"), _l("Radios.")),
    "multiple_choice": (_l("Any answers from a list"), _l("Checkboxes, with an optional 'none of these'.")),
    "agreement": (_l("Agree or disagree"), _l("From strongly agree to strongly disagree.")),
    "rating": (_l("Rating"), _l("A numbered scale, or five faces.")),
    "grid": (_l("Several statements on one scale"), _l("A grid: each statement answered on the same scale.")),
    "number": (_l("Number"), _l("A number, with limits.")),
    "date": (_l("Date"), _l("Day, month and year.")),
    "yes_no": (_l("Yes or no"), _l("Two radios.")),
    "consent": (_l("Agreement to take part"), _l("One checkbox that must be ticked.")),
}
LINE_HINT = _l("One on each line.")
# The label and hint of each answer-type option, by the option's name in the schema.
PROPERTY_LABELS = {
    "text": (_l("Question"), _l("What respondents are asked.")),
    "hint": (_l("Hint (optional)"), _l("Help shown under the question.")),
    "section": (_l("Section heading (optional)"), _l("A heading shown above the question.")),
    "required": (_l("Respondents must answer this question"), None),
    "analyse": (_l("Include the answers in theme analysis"), None),
    "options": (_l("Answers to choose from"), _l(
        "One on each line. To set the code used in exports, write it first: code | answer | hint.")),
    "none_option": (_l("'None of these' answer (optional)"), _l(
        "Ticking it unticks the others. For example: none | None of these")),
    "dont_know": (_l("Offer 'Don't know'"), None),
    "prefer_not_to_say": (_l("Offer 'Prefer not to say'"), None),
    "dont_know_label": (_l("Wording of 'Don't know' (optional)"), None),
    "prefer_not_to_say_label": (_l("Wording of 'Prefer not to say' (optional)"), None),
    "breakdown": (_l("Break results down by this question"), _l(
        "For a question about the respondent, such as their age or agency. Its own answers are then shown for "
        "everyone only, never by other groups, so that small groups cannot be worked out.")),
    "agree_label": (_l("Wording of the checkbox"), _l("For example, I agree to take part.")),
    "min": (_l("Lowest point of the scale (optional)"), _l("A whole number. Leave it blank for 1.")),
    "max": (_l("Highest point of the scale (optional)"), _l("A whole number. Leave it blank for 5.")),
    "style": (_l("How the scale looks"), _l("Faces need five points, each with a label.")),
    "labels": (_l("Labels of the points (optional)"), _l(
        "One on each line: the point, then its label. For example: 1 | Very unsafe")),
    "statements": (_l("Statements"), _l("One on each line. To set a code, write it first: code | statement.")),
    "statements_from": (_l("Take the statements from (optional)"), _l(
        "Learning objectives are filled in from the course session the link is for.")),
    "scale": (_l("Scale"), None),
    "whole": (_l("Whole numbers only"), None),
    "suffix": (_l("Unit shown after the box (optional)"), _l("For example, years.")),
    "earliest": (_l("Earliest date allowed (optional)"), _l("As year-month-day, for example 2026-03-27.")),
    "latest": (_l("Latest date allowed (optional)"), _l("As year-month-day, for example 2026-03-27.")),
    "max_length": (_l("Most characters allowed"), _l("A whole number.")),
}
# Options whose meaning differs by answer type.
TYPE_PROPERTY_LABELS = {
    ("number", "min"): (_l("Smallest number allowed (optional)"), None),
    ("number", "max"): (_l("Largest number allowed (optional)"), None),
}
CHOICE_LABELS = {
    "numbers": _l("Numbers"), "faces": _l("Faces"), "agreement": _l("Agree or disagree"),
    "rating": _l("Rating"), "learning_objectives": _l("The course's learning objectives"),
}


def _label(type_name, name):
    found = TYPE_PROPERTY_LABELS.get((type_name, name)) or PROPERTY_LABELS.get(name)
    return found or (name.replace("_", " ").capitalize(), None)


def _field(type_name, setting):
    """The WTForms field for one derived setting."""
    label, hint = _label(type_name, setting.name)
    common = {"description": hint or ""}
    if setting.kind == "text" and setting.name == "text":
        return TextAreaField(label, validators=[AnswerRequired(_l("Enter the question")),
                                                Length(max=1000)], widget=GovTextArea(), **common)
    if setting.kind == "text":
        checks = [AnswerRequired(_l("Enter a value"))] if setting.required else [Optional()]
        return StringField(label, validators=checks + [Length(max=1000)], widget=GovTextInput(), **common)
    if setting.kind == "boolean":
        return BooleanField(label, widget=GovCheckboxInput(), **common)
    if setting.kind == "choice":
        choices = [SelectChoice(value, CHOICE_LABELS.get(value, value)) for value in setting.choices]
        if setting.default is None:
            choices = [SelectChoice("", _l("None"))] + choices
        return RadioField(label, choices=choices, validators=[Optional()], widget=GovRadioInput(),
                          validate_choice=True, **common)
    if setting.kind in ("items", "mapping"):
        checks = [AnswerRequired(_l("Enter at least one, on its own line"))] if setting.required else [Optional()]
        return TextAreaField(label, validators=checks + [Length(max=10000)], widget=GovTextArea(), **common)
    checks = [AnswerRequired(_l("Enter a value"))] if setting.required else [Optional()]
    return StringField(label, validators=checks + [Length(max=200)], widget=GovTextInput(), **common)


def question_form_class(type_name, adding=False):
    """A form with one field per setting of ``type_name``'s option schema (and a short name when adding)."""
    type_class = ANSWER_TYPES[type_name]
    fields = {setting.name: _field(type_name, setting) for setting in settings_fields(type_class)}
    if adding:
        fields["id"] = StringField(
            _l("Short name (optional)"),
            description=_l("Used in exports and rules. Leave it blank to make one from the question."),
            validators=[Optional(), Length(max=60), Regexp(r"^[a-z][a-z0-9_]*$", message=_l(
                "The short name must start with a letter and use only lowercase letters, numbers and underscores"))],
            widget=GovTextInput())
    return type(f"{type_class.__name__}SettingsForm", (FlaskForm,), fields)


class TypeForm(FlaskForm):
    type = RadioField(_l("What kind of question is it?"), widget=GovRadioInput(), validate_choice=True,
                      choices=[SelectChoice(name, label)
                               for name, (label, _hint) in TYPE_LABELS.items()],
                      validators=[AnswerRequired(_l("Select the kind of question"))])


class NewSurveyForm(FlaskForm):
    title = StringField(_l("Title of the survey"), widget=GovTextInput(), validators=[
        AnswerRequired(_l("Enter the title of the survey")), Length(max=200)])
    audience = RadioField(_l("Who is it for?"), choices=[SelectChoice(v, label) for v, label in AUDIENCES],
                          widget=GovRadioInput(), validate_choice=True,
                          validators=[AnswerRequired(_l("Select who the survey is for"))])


class CopyForm(FlaskForm):
    source = RadioField(_l("Which survey do you want to copy?"), choices=[], widget=GovRadioInput(),
                        validate_choice=True, validators=[AnswerRequired(_l("Select the survey to copy"))])
    title = StringField(_l("Title of the new survey"), widget=GovTextInput(), validators=[
        AnswerRequired(_l("Enter the title of the new survey")), Length(max=200)])


def _yes_no(label):
    return RadioField(label, choices=[SelectChoice("yes", _l("Yes")), SelectChoice("no", _l("No"))],
                      widget=GovRadioInput(), validate_choice=True, validators=[Optional()])


class SettingsForm(FlaskForm):
    title = StringField(_l("Title of the survey"), widget=GovTextInput(), validators=[
        AnswerRequired(_l("Enter the title of the survey")), Length(max=200)])
    audience = NewSurveyForm.audience
    anonymous = _yes_no(_l("Is it anonymous?"))
    screening = _yes_no(_l("Should free-text answers be screened for possible safeguarding concerns?"))
    retention_months = StringField(_l("Keep free-text answers for how many months?"), widget=GovTextInput(),
                                   description=_l("A whole number from 1 to 120. Leave it blank for 24."),
                                   validators=[Optional(), Regexp(r"^\d{1,3}$", message=_l(
                                       "Enter a whole number of months, like 24"))])
    opens = DateParts(_l("Opens on (optional)"), description=_l("For example, 27 3 2026"), validators=[ValidDate()])
    closes = DateParts(_l("Closes on (optional)"), description=_l("For example, 30 4 2026"), validators=[ValidDate()])
    time_to_complete = StringField(_l("Time it takes (optional)"), description=_l("For example, 5 minutes."),
                                   widget=GovTextInput(), validators=[Optional(), Length(max=100)])
    purpose = TextAreaField(_l("What the survey is for"), description=_l(
        "Shown on the start page. Leave a blank line between paragraphs."), widget=GovTextArea(),
        validators=[AnswerRequired(_l("Enter what the survey is for")), Length(max=4000)])
    privacy = TextAreaField(_l("Privacy: what happens to the answers (optional)"), widget=GovTextArea(),
                            validators=[Optional(), Length(max=4000)])
    help = TextAreaField(_l("Where to get help (optional)"), widget=GovTextArea(),
                         validators=[Optional(), Length(max=4000)])
    confirmation = TextAreaField(_l("Message after sending (optional)"), widget=GovTextArea(),
                                 validators=[Optional(), Length(max=4000)])
    cohorts = TextAreaField(_l("Groups with their own link (optional)"), description=_l(
        "One on each line: a code, then the group's name. For example: school_a | School A"),
        widget=GovTextArea(), validators=[Optional(), Length(max=10000)])


class PageForm(FlaskForm):
    title = StringField(_l("Page heading (optional)"), description=_l(
        "Shown when a page has more than one question. A page with one question uses the question as its heading."),
        widget=GovTextInput(), validators=[Optional(), Length(max=200)])


class ActionForm(FlaskForm):
    """A button that changes something (move, remove, make live): only its CSRF token and value."""

    direction = StringField()


class RuleForm(FlaskForm):
    question = RadioField(_l("Which earlier question decides it?"), choices=[], widget=GovRadioInput(),
                          validate_choice=True, validators=[AnswerRequired(_l("Select a question"))])
    answers = SelectMultipleField(_l("Show it only for these answers"), choices=[], widget=GovCheckboxesInput(),
                                  validators=[Optional()])


class LanguageForm(FlaskForm):
    language = RadioField(_l("Which language do you want to add?"), choices=[], widget=GovRadioInput(),
                          validate_choice=True, validators=[AnswerRequired(_l("Select a language"))])
    other = StringField(_l("Language code"), description=_l("Two or three lowercase letters, for example pl."),
                        widget=GovTextInput(), validators=[Optional(), Regexp(r"^[a-z]{2,3}$", message=_l(
                            "Enter a language code of two or three lowercase letters, like pl"))])


def translation_form_class(count):
    """One box for each piece of wording, ``t0`` to ``t<count - 1>``."""
    fields = {f"t{n}": TextAreaField("", widget=GovTextArea(), validators=[Optional(), Length(max=4000)])
              for n in range(count)}
    return type("TranslationForm", (FlaskForm,), fields)


class ImportForm(FlaskForm):
    file = FileField(_l("Upload a survey file"), description=_l("A YAML file, like those in the surveys folder."),
                     widget=GovFileInput())


# -- survey settings <-> form ----------------------------------------------

def _date_parts(value):
    if not value:
        return ("", "", "")
    year, month, day = value.split("-")
    return (str(int(day)), str(int(month)), year)


def _iso(parts):
    if not parts or not any(parts):
        return None
    day, month, year = (int(part) for part in parts)
    return f"{year:04d}-{month:02d}-{day:02d}"


def _yes_no_value(value):
    return None if value is None else ("yes" if value else "no")


def settings_form_data(data):
    """The settings form pre-filled from a definition (English wording)."""
    from feedback_app.services.builder.editing import settings

    values = settings(data)
    return {
        "title": values["title"], "audience": values["audience"],
        "anonymous": _yes_no_value(values["anonymous"]), "screening": _yes_no_value(values["screening"]),
        "retention_months": "" if values["retention_months"] is None else str(values["retention_months"]),
        "opens": _date_parts(values["opens"]), "closes": _date_parts(values["closes"]),
        "time_to_complete": values["time_to_complete"] or "", "purpose": values["purpose"] or "",
        "privacy": values["privacy"] or "", "help": values["help"] or "",
        "confirmation": values["confirmation"] or "",
        "cohorts": "\n".join(f"{c['code']} | {c['label']}" for c in values["cohorts"]),
    }


def settings_values(form):
    """``(values for editing.set_settings, [(field, problem)])`` from a validated settings form."""
    problems = []
    cohorts = []
    for line in (form.cohorts.data or "").replace("\r\n", "\n").split("\n"):
        if not line.strip():
            continue
        parts = [part.strip() for part in line.split("|")]
        if len(parts) != 2 or not parts[0] or not parts[1]:
            problems.append(("cohorts", _l("Write each group as a code, then | and its name")))
            break
        cohorts.append({"code": parts[0], "label": parts[1]})
    opens, closes = _iso(form.opens.data), _iso(form.closes.data)
    if opens and closes and closes < opens:
        problems.append(("closes", _l("The close date must be on or after the open date")))
    months = form.retention_months.data
    if months and not 1 <= int(months) <= 120:
        problems.append(("retention_months", _l("Enter a whole number of months from 1 to 120")))
    values = {
        "title": form.title.data.strip(), "audience": form.audience.data,
        "anonymous": None if not form.anonymous.data else form.anonymous.data == "yes",
        "screening": None if not form.screening.data else form.screening.data == "yes",
        "retention_months": int(months) if months else None, "opens": opens, "closes": closes,
        "time_to_complete": (form.time_to_complete.data or "").strip(),
        "purpose": (form.purpose.data or "").strip(), "privacy": (form.privacy.data or "").strip(),
        "help": (form.help.data or "").strip(), "confirmation": (form.confirmation.data or "").strip(),
        "cohorts": cohorts,
    }
    return values, problems
