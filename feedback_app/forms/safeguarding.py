"""The DSL's review of an alert."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovRadioInput
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import Length, ValidationError

from feedback_app.forms.validators import AnswerRequired

OUTCOMES = [
    SelectChoice("no_concern", _l("Reviewed: no concern")),
    SelectChoice("referred", _l("Reviewed: referred on")),
    SelectChoice("false_alarm", _l("False alarm")),
]


class NoteRequiredForReferral:
    def __call__(self, form, field):
        if form.outcome.data == "referred" and not (field.data or "").strip():
            raise ValidationError(_l("Say who it was referred to and how"))


class ReviewForm(FlaskForm):
    outcome = RadioField(_l("Outcome of your review"), choices=OUTCOMES,
                         validators=[AnswerRequired(_l("Select the outcome of your review"))], widget=GovRadioInput())
    note = TextAreaField(_l("Note"), description=_l("Required when referred on: who to, when and how"),
                         validators=[NoteRequiredForReferral(),
                                     Length(max=2000, message=_l("The note must be 2000 characters or fewer"))],
                         widget=GovCharacterCount())
