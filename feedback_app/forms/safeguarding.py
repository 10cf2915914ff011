"""The DSL's review of an alert."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput, GovTextInput
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import Length, ValidationError

from feedback_app.forms.validators import AnswerRequired

OUTCOMES = [
    SelectChoice("no_concern", _l("Reviewed: no concern")),
    SelectChoice("referred", _l("Reviewed: referred on")),
    SelectChoice("false_alarm", _l("False alarm")),
]


class NoteRequired:
    """Every outcome needs a short note: a dismissal in one click is not a review."""

    def __call__(self, form, field):
        if not (field.data or "").strip():
            raise ValidationError(_l("Write a short note saying why you chose this outcome"))


class ReferredToRequired:
    def __call__(self, form, field):
        if form.outcome.data == "referred" and not (field.data or "").strip():
            raise ValidationError(_l("Say who it was referred to, for example MASH"))


class ReviewForm(FlaskForm):
    outcome = RadioField(_l("Outcome of your review"), choices=OUTCOMES,
                         validators=[AnswerRequired(_l("Select the outcome of your review"))], widget=GovRadioInput())
    referred_to = StringField(_l("Referred to"), description=_l("Only when referred on: who to, for example MASH"),
                              validators=[ReferredToRequired(),
                                          Length(max=200, message=_l("Referred to must be 200 characters or fewer"))],
                              widget=GovTextInput())
    note = TextAreaField(_l("Note"), description=_l("Why you chose this outcome; when referred on, when and how"),
                         validators=[NoteRequired(),
                                     Length(max=2000, message=_l("The note must be 2000 characters or fewer"))],
                         widget=GovCharacterCount())
