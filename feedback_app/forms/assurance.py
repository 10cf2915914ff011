"""Forms for assurance: rounds, self-assessment standards, actions, panel challenge and case audits.

Choices that depend on the framework (ratings, standards) are set per request.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from feedback_app.forms.audits import ChoiceRequired, DateRequired, DayMonthYearField
from feedback_app.forms.validators import AnswerRequired, EmailAddress

MAX_TEXT = 6000


def _area(label, message=None, hint=None, max_length=MAX_TEXT):
    checks = [AnswerRequired(message)] if message else [Optional()]
    checks.append(Length(max=max_length, message=_l("Enter %(max)s characters or fewer", max=max_length)))
    return TextAreaField(label, description=hint or "", validators=checks, widget=GovTextArea())


def _line(label, message=None, hint=None, max_length=200):
    checks = [AnswerRequired(message)] if message else [Optional()]
    checks.append(Length(max=max_length, message=_l("Enter %(max)s characters or fewer", max=max_length)))
    return StringField(label, description=hint or "", validators=checks, widget=GovTextInput())


def _radios(label, message, hint=None):
    return RadioField(label, description=hint or "", validate_choice=False, widget=GovRadioInput(),
                      validators=[AnswerRequired(message), ChoiceRequired(_l("Select an option from the list"))])


class NewRoundForm(FlaskForm):
    framework = _radios(_l("Framework"), _l("Select a framework"))
    title = _line(_l("Name of the round"), _l("Enter a name for the round"), _l("For example, Section 11 2027"))
    deadline = DayMonthYearField(_l("Deadline for agencies"), validators=[DateRequired(_l("Enter the deadline"))])
    agencies = SelectMultipleField(_l("Agencies taking part"), coerce=int, validate_choice=False,
                                   widget=GovCheckboxesInput(),
                                   validators=[ChoiceRequired(_l("Select agencies from the list"))])
    new_agencies = _area(_l("Other agencies (optional)"), hint=_l("One agency a line"), max_length=4000)
    previous_round = SelectField(_l("Carry answers forward from (optional)"), validate_choice=False, widget=GovSelect(),
                                 validators=[ChoiceRequired(_l("Select a round from the list"))])


class StandardForm(FlaskForm):
    rating = _radios(_l("Your rating"), _l("Select a rating"))
    evidence = _area(_l("Evidence"), _l("Describe the evidence for your rating"),
                     _l("What you have in place, how you know it works, and any gaps"))
    links = _area(_l("Supporting links (optional)"), hint=_l("One link or document name a line"), max_length=2000)


def standard_form(standard, levels, formdata=None, **data):
    """The form for one standard: a rating when the standard is rated, and its supplementary questions."""
    from feedback_app.survey_definitions import translate

    class Form(StandardForm):
        pass

    for prompt in standard.supplementary:
        setattr(Form, f"sup_{prompt.id}", _area(translate(prompt.text, "en"), max_length=2000))
    form = Form(formdata=formdata, data=data) if formdata is not None else Form(data=data)
    if not standard.rated:
        del form.rating
    else:
        form.rating.choices = [(lv.value, translate(lv.label, "en")) for lv in levels]
    return form


class AgencyActionForm(FlaskForm):
    description = _area(_l("Action"), _l("Describe the action"), max_length=1000)
    owner = _line(_l("Owner"), _l("Enter who owns the action"), _l("A role, not a person's name, is best"))
    due_on = DayMonthYearField(_l("Due by"), validators=[DateRequired(_l("Enter the date it is due by"))])
    standard_id = SelectField(_l("Standard it improves (optional)"), validate_choice=False, widget=GovSelect(),
                              validators=[ChoiceRequired(_l("Select a standard from the list"))])


class ActionUpdateForm(FlaskForm):
    status = _radios(_l("Where has it got to?"), _l("Select where the action has got to"))
    note = _area(_l("Progress update"), _l("Describe the progress"), max_length=2000)


class ReasonForm(FlaskForm):
    reason = _area(_l("Reason for reopening"), _l("Enter the reason for reopening"), max_length=2000)


class CloseRoundForm(FlaskForm):
    reason = _area(_l("Reason"), _l("Enter the reason"), max_length=2000,
                   hint=_l("For example: the deadline has passed. It is kept in the audit log."))


class AddAgencyForm(FlaskForm):
    agency = SelectField(_l("Agency"), validate_choice=False, widget=GovSelect())
    new_agency = _line(_l("Or the name of an agency not in the list"))


class ChallengeForm(FlaskForm):
    comment = _area(_l("Panel comment (optional)"), max_length=4000)
    agreed_rating = RadioField(_l("Agreed rating"), validate_choice=False, widget=GovRadioInput(),
                               description=_l("Leave as it is until the panel agrees one"),
                               validators=[ChoiceRequired(_l("Select a rating from the list"))])
    evidence_request = _area(_l("Ask for more evidence (optional)"),
                             hint=_l("Reopens this standard for the agency to add evidence"), max_length=2000)


class OutcomeForm(FlaskForm):
    outcome = _radios(_l("Panel outcome"), _l("Select an outcome"))
    note = _area(_l("Notes for the agency (optional)"), max_length=4000)


class PriorityForm(FlaskForm):
    title = _line(_l("Priority"), _l("Enter the priority"))
    description = _area(_l("Why it is a priority (optional)"), max_length=4000)
    standard_id = SelectField(_l("Standard (optional)"), validate_choice=False, widget=GovSelect(),
                              validators=[ChoiceRequired(_l("Select a standard from the list"))])
    proposal = SelectField(_l("Linked audit proposal (optional)"), validate_choice=False, widget=GovSelect(),
                           validators=[ChoiceRequired(_l("Select a proposal from the list"))])
    priority_area = SelectField(_l("Partnership priority it serves (optional)"), validate_choice=False,
                                widget=GovSelect(), validators=[ChoiceRequired(_l("Select a priority from the list"))])


class NewCaseAuditForm(FlaskForm):
    proposal = _radios(_l("Scheduled audit"), _l("Select the scheduled audit"))
    agencies = SelectMultipleField(_l("Agencies taking part"), coerce=int, validate_choice=False,
                                   widget=GovCheckboxesInput(),
                                   validators=[ChoiceRequired(_l("Select agencies from the list"))])
    new_agencies = _area(_l("Other agencies (optional)"), hint=_l("One agency a line"), max_length=4000)
    escalation_name = _line(_l("Named person for cases of immediate concern"),
                            _l("Enter the name of the person to escalate to"))
    escalation_email = StringField(_l("Their email address"), widget=GovTextInput(), validators=[
        AnswerRequired(_l("Enter their email address")), EmailAddress(_l("Enter a real email address"))])
    follows = SelectField(_l("Check the recommendations of an earlier case audit (optional)"), validate_choice=False,
                          widget=GovSelect(), validators=[ChoiceRequired(_l("Select an audit from the list"))])


class CaseForm(FlaskForm):
    reference = _line(_l("Audit reference"), _l("Enter the audit reference"),
                      _l("The partnership's own reference, for example MACA-27-01. Never a name."), max_length=40)
    age_band = _radios(_l("Age band"), _l("Select an age band"))
    agency_ids = SelectMultipleField(_l("Agencies involved"), coerce=int, validate_choice=False,
                                     widget=GovCheckboxesInput(),
                                     validators=[AnswerRequired(_l("Select the agencies involved")),
                                                 ChoiceRequired(_l("Select agencies from the list"))])


def case_return_form(framework, formdata=None, data=None):
    """The case audit form: a narrative (and grade where rated) per area, an overall grade, concern."""
    from feedback_app.survey_definitions import translate

    class Form(FlaskForm):
        grade = _radios(_l("Overall grade for your agency's involvement"), _l("Select a grade"))
        immediate_concern = BooleanField(_l("This is a case of immediate concern: a child may be at risk now"),
                                         widget=GovCheckboxInput())
        no_names = BooleanField(_l("I have checked: my answers do not name a child or family member"),
                                widget=GovCheckboxInput())

    choices = [(lv.value, translate(lv.label, "en")) for lv in framework.levels]
    for standard in framework.standards:
        setattr(Form, f"text_{standard.id}", _area(standard.title_in("en"), max_length=4000))
        if standard.rated:
            setattr(Form, f"rate_{standard.id}", RadioField(
                _l("Grade for %(area)s", area=standard.title_in("en").lower()), validate_choice=False,
                widget=GovRadioInput(), validators=[ChoiceRequired(_l("Select a grade from the list"))]))
    form = Form(formdata=formdata, data=data or {}) if formdata is not None else Form(data=data or {})
    form.grade.choices = choices
    for standard in framework.rated_standards():
        getattr(form, f"rate_{standard.id}").choices = choices
    return form


class ModerationForm(FlaskForm):
    grade = _radios(_l("Agreed grade"), _l("Select the agreed grade"))
    learning_points = _area(_l("Learning points"), _l("Enter the learning points"), max_length=6000)
