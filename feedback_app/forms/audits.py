"""Forms for audit planning (proposals, evidence, status, completion) and publishing reports."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional, StopValidation, ValidationError

from feedback_app.forms.validators import AnswerRequired

MAX_TEXT = 4000
MAX_ACTIONS = 5


class ChoiceRequired:
    """Every chosen value must be one of the field's choices (the choices are made per request)."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        allowed = {str(value) for value, _label in field.choices}
        chosen = field.data if isinstance(field.data, list) else [field.data]
        if any(str(value) not in allowed for value in chosen if value not in (None, "")):
            raise ValidationError(self.message)


class DateRequired:
    """Stop with ``message`` only when all three boxes are empty (a half-filled date gets its own message)."""

    field_flags = {"required": True}

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if not any((value or "").strip() for value in field.raw_data or []):
            field.errors[:] = []
            raise StopValidation(self.message)


class DayMonthYearField(DateField):
    """A GOV.UK date input (day, month, year boxes sharing one name), optional unless a validator says so."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, format="%d %m %Y", widget=GovDateInput(), **kwargs)

    def process_formdata(self, valuelist):
        parts = [value.strip() for value in valuelist or []]
        if len(parts) != 3:  # the widget shows three boxes whatever was sent
            self.raw_data = (list(valuelist or []) + ["", "", ""])[:3]
        if not any(parts):
            self.data = None
            return
        try:
            if len(parts) != 3 or len(parts[2]) != 4:
                raise ValueError
            self.data = datetime.strptime(" ".join(parts), "%d %m %Y").date()
        except ValueError:
            self.data = None
            raise ValueError(_l("Enter a real date, for example 27 3 2026")) from None


def _text(label, message, hint=None, max_length=MAX_TEXT, optional=False):
    checks = [Optional()] if optional else [AnswerRequired(message)]
    checks.append(Length(max=max_length, message=_l("Enter %(max)s characters or fewer", max=max_length)))
    return TextAreaField(label, description=hint or "", validators=checks, widget=GovTextArea())


class ProposalDetailsForm(FlaskForm):
    title = StringField(_l("Title"), description=_l("A short name the Board will recognise"),
                        validators=[AnswerRequired(_l("Enter a title")),
                                    Length(max=200, message=_l("The title must be 200 characters or fewer"))],
                        widget=GovTextInput())
    priorities = SelectMultipleField(
        _l("Priority areas it serves"), coerce=int, validate_choice=False, widget=GovCheckboxesInput(),
        validators=[AnswerRequired(_l("Select at least one priority area")),
                    ChoiceRequired(_l("Select priority areas from the list"))])
    question = _text(_l("The question the audit should answer"), _l("Enter the question the audit should answer"),
                     _l("For example: do practitioners hear and record what young people say about feeling unsafe "
                        "online?"))
    programme_year = SelectField(_l("Programme year"), description=_l("Programme years run from April to March"),
                                 coerce=int, validate_choice=False, widget=GovSelect(),
                                 validators=[ChoiceRequired(_l("Select a programme year from the list"))])
    quarter = SelectField(_l("Proposed quarter"), validate_choice=False, widget=GovSelect(),
                          validators=[ChoiceRequired(_l("Select a quarter from the list"))])
    lead_agency = StringField(_l("Lead agency (optional)"), description=_l("Needed before the audit is scheduled"),
                              validators=[Length(max=200, message=_l("The lead agency must be 200 characters or "
                                                                     "fewer"))],
                              widget=GovTextInput())


class NewProposalForm(ProposalDetailsForm):
    themes = SelectMultipleField(
        _l("Themes the audit is about"), coerce=int, validate_choice=False, widget=GovCheckboxesInput(),
        validators=[AnswerRequired(_l("Select at least one theme")),
                    ChoiceRequired(_l("Select themes from this theme run"))])


class EvidenceForm(FlaskForm):
    summary = _text(_l("How many answers are about this"), _l("Enter a summary of the evidence"))
    audiences = _text(_l("By audience"), None, _l("One line for each audience"), optional=True)
    trend = _text(_l("Compared with last time"), None, optional=True)
    quotes = _text(_l("Quotes"), None, _l("One quote a line. Use only quotes from the answers, redacted as shown."),
                   optional=True)
    indicators = _text(_l("Linked survey results"), None, _l("One result a line"), optional=True)

    LISTS = ("audiences", "quotes", "indicators")

    def fill(self, evidence):
        for name in ("summary", "trend"):
            getattr(self, name).data = evidence.get(name) or ""
        for name in self.LISTS:
            getattr(self, name).data = "\n".join(evidence.get(name) or [])

    def evidence(self):
        edited = {name: (getattr(self, name).data or "").strip() for name in ("summary", "trend")}
        for name in self.LISTS:
            edited[name] = [line.strip() for line in (getattr(self, name).data or "").splitlines() if line.strip()]
        return edited


class StatusForm(FlaskForm):
    status = RadioField(_l("Change the status to"), validate_choice=False, widget=GovRadioInput(),
                        description=_l("A proposal is scheduled once it has a quarter and a lead agency"),
                        validators=[AnswerRequired(_l("Select the new status"))])
    reason = TextAreaField(_l("Reason (needed when dropping a proposal)"), widget=GovTextArea(),
                           validators=[Length(max=MAX_TEXT, message=_l("Enter %(max)s characters or fewer",
                                                                       max=MAX_TEXT))])


class ActionForm(Form):
    description = StringField(_l("Action"), widget=GovTextInput(),
                              validators=[Length(max=1000, message=_l("Enter 1000 characters or fewer"))])
    owner = StringField(_l("Who will do it (optional)"), widget=GovTextInput(),
                        validators=[Length(max=200, message=_l("Enter 200 characters or fewer"))])
    due_on = DayMonthYearField(_l("Due by (optional)"))

    def validate_description(self, field):
        if not (field.data or "").strip() and ((self.owner.data or "").strip() or self.due_on.data):
            raise ValidationError(_l("Describe the action, or clear its other boxes"))

    @property
    def filled(self):
        return bool((self.description.data or "").strip())


class CompletionForm(FlaskForm):
    findings = _text(_l("Findings"), _l("Enter the audit’s findings"))
    completed_on = DayMonthYearField(_l("Date the audit was completed"),
                                     validators=[DateRequired(_l("Enter the date the audit was completed"))])
    actions = FieldList(FormField(ActionForm), min_entries=MAX_ACTIONS, max_entries=MAX_ACTIONS)
    follow_up = SelectField(
        _l("Survey question that will show whether practice changed (optional)"),
        description=_l("The programme links to this question’s results, so the next survey closes the loop"),
        validate_choice=False, widget=GovSelect(),
        validators=[ChoiceRequired(_l("Select a question from the list"))])

    def filled_actions(self):
        return [(entry.form.description.data.strip(), (entry.form.owner.data or "").strip() or None,
                 entry.form.due_on.data) for entry in self.actions if entry.form.filled]


class PublishForm(FlaskForm):
    kind = HiddenField()
    subject = HiddenField()


class ConfirmForm(FlaskForm):
    """A button that only needs the CSRF token (withdraw a report)."""


class IndicatorForm(FlaskForm):
    """A scorecard indicator: a question, the answers it counts and a target. Answers are offered once the
    question is chosen (the page comes back with them; no script needed)."""

    title = StringField(_l("Indicator"), description=_l("For example: share of young people who feel safe online"),
                        validators=[AnswerRequired(_l("Enter the indicator")),
                                    Length(max=200, message=_l("The indicator must be 200 characters or fewer"))],
                        widget=GovTextInput())
    question = SelectField(_l("Question"), validate_choice=False, widget=GovSelect(),
                           validators=[AnswerRequired(_l("Select a question")),
                                       ChoiceRequired(_l("Select a question from the list"))])
    answers = SelectMultipleField(_l("Answers to count"), validate_choice=False, widget=GovCheckboxesInput(),
                                  validators=[ChoiceRequired(_l("Select answers from the list"))])
    target = StringField(_l("Target (optional)"), description=_l("A percentage from 0 to 100"),
                         widget=GovTextInput(), validators=[Optional()])

    def validate_target(self, field):
        value = (field.data or "").strip().rstrip("%").strip()
        if not value:
            field.data = None
            return
        if not value.isdigit() or not 0 <= int(value) <= 100:
            raise ValidationError(_l("Enter the target as a whole number from 0 to 100"))
        field.data = int(value)
