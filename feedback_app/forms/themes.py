"""Forms for theme runs and their review. Choices are filled in by the view from the database."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovTextInput,
)
from wtforms import RadioField, SelectChoice, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from feedback_app.forms.validators import AnswerRequired, NumberInRange

MAX_NARRATIVE = 2000


def choices(pairs):
    """``[(value, label)]`` as WTForms choices."""
    return [SelectChoice(value, label) for value, label in pairs]


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class NewRunForm(FlaskForm):
    title = StringField(
        _l("Name of the run"),
        description=_l("For example, “Workforce survey 2026: what gets in the way”."),
        validators=[AnswerRequired(_l("Enter a name for the run")),
                    Length(max=200, message=_l("The name must be 200 characters or fewer"))],
        widget=GovTextInput(),
    )
    audiences = SelectMultipleField(_l("Audiences"), choices=[], validators=[Optional()], widget=GovCheckboxesInput(),
                                    description=_l("Leave all unticked to include every audience."))
    surveys = SelectMultipleField(_l("Surveys"), choices=[], validators=[Optional()], widget=GovCheckboxesInput(),
                                  description=_l("Leave all unticked to include every survey of the audiences chosen."))
    questions = SelectMultipleField(_l("Questions"), choices=[], validators=[Optional()],
                                    widget=GovCheckboxesInput(),
                                    description=_l("Leave all unticked to include every question marked for analysis."))
    years = SelectMultipleField(_l("Years"), choices=[], validators=[Optional()], widget=GovCheckboxesInput(),
                                description=_l("Leave all unticked to include every year."))
    cohorts = SelectMultipleField(_l("Cohorts"), choices=[], validators=[Optional()], widget=GovCheckboxesInput(),
                                  description=_l("Cohorts narrow only the survey they belong to."))
    k = StringField(
        _l("Number of themes (optional)"),
        description=_l("Between 2 and 30. Leave it blank to let the analysis choose."),
        validators=[Optional(), NumberInRange(2, 30)],
        widget=GovTextInput(),
    )
    previous = SelectField(_l("Compare with an earlier run"), choices=[], validators=[Optional()],
                           widget=GovSelect(),
                           description=_l("Themes are matched to that run's themes to show trends."))

    def number_of_themes(self):
        raw = (self.k.data or "").strip()
        return int(raw) if raw else None


class RenameForm(FlaskForm):
    label = StringField(
        _l("New name"),
        validators=[AnswerRequired(_l("Enter a name for the theme")),
                    Length(max=200, message=_l("The name must be 200 characters or fewer"))],
        widget=GovTextInput(),
    )


class MergeForm(FlaskForm):
    target = SelectField(_l("Merge this theme into"), choices=[], widget=GovSelect(),
                         validators=[AnswerRequired(_l("Choose the theme to merge with"))])


class SplitForm(FlaskForm):
    parts = RadioField(_l("Split into"),
                       choices=choices([("2", _l("2 themes")), ("3", _l("3 themes")), ("4", _l("4 themes"))]),
                       default="2", widget=GovRadioInput(),
                       validators=[AnswerRequired(_l("Choose how many themes to split into"))])


class NarrativeForm(FlaskForm):
    narrative = TextAreaField(
        _l("Narrative"),
        description=_l("A few sentences on what this says and why it matters. Do not include names."),
        validators=[Optional(), Length(max=MAX_NARRATIVE, message=_l(
            "The narrative must be %(max)s characters or fewer", max=MAX_NARRATIVE))],
        widget=GovCharacterCount(),
    )


class MoveForm(FlaskForm):
    target = SelectField(_l("Move to theme"), choices=[], widget=GovSelect(),
                         validators=[AnswerRequired(_l("Choose the theme to move the answer to"))])


class LinkResultForm(FlaskForm):
    result = SelectField(_l("Closed-question result"), choices=[], widget=GovSelect(),
                         description=_l("Results that share words with the theme are listed first."),
                         validators=[AnswerRequired(_l("Choose a result to show beside the theme"))])

