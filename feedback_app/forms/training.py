"""Forms for training courses and sessions, and for attendees starting a course form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, SelectChoice, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Length, ValidationError

from feedback_app.answer_types.simple import DateParts, ValidDate
from feedback_app.forms.validators import AnswerRequired, DatePartsRequired, EmailAddress, NumberInRange

MAX_ATTENDANCE = 1000


class CourseForm(FlaskForm):
    title = StringField(_l("Course title"), validators=[
        AnswerRequired(_l("Enter the course title")),
        Length(max=200, message=_l("The title must be 200 characters or fewer")),
    ], widget=GovTextInput())
    objectives = TextAreaField(
        _l("Learning objectives"),
        description=_l("One on each line. People say how sure they feel about each one before and after the course."),
        validators=[AnswerRequired(_l("Enter at least one learning objective")),
                    Length(max=4000, message=_l("The learning objectives must be 4000 characters or fewer"))],
        widget=GovTextArea(),
    )
    priorities = SelectMultipleField(_l("Priority areas the course serves"), choices=[],
                                     widget=GovCheckboxesInput())
    trainer = SelectField(_l("Trainer"), coerce=int, choices=[], widget=GovSelect())

    def __init__(self, *args, priorities=(), trainers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.priorities.choices = [SelectChoice(code, title) for code, title in priorities]
        if trainers is None:
            del self.trainer
        else:
            self.trainer.choices = [SelectChoice(user_id, email) for user_id, email in trainers]


def _whole_number(form, field):
    if field.data and not field.data.strip().isdigit():
        raise ValidationError(_l("Enter a whole number, like 12"))


class SessionForm(FlaskForm):
    held_on = DateParts(_l("Date of the session"), description=_l("For example, 27 3 2026"),
                        validators=[DatePartsRequired(_l("Enter the date of the session")), ValidDate()])
    delivery = RadioField(_l("How is it run?"),
                          choices=[SelectChoice("in_person", _l("In person")), SelectChoice("online", _l("Online"))],
                          validators=[AnswerRequired(_l("Select in person or online"))], widget=GovRadioInput())
    venue = StringField(_l("Venue"), description=_l("Leave it blank for an online session."),
                        validators=[Length(max=200, message=_l("The venue must be 200 characters or fewer"))],
                        widget=GovTextInput())
    attendance = StringField(_l("Number of people who came (optional)"), description=_l(
                                 "You can add this after the session. Response rates are worked out from it."),
                             validators=[_whole_number, NumberInRange(0, MAX_ATTENDANCE)], widget=GovTextInput())
    trainer = SelectField(_l("Trainer"), coerce=int, choices=[], widget=GovSelect())

    def __init__(self, *args, trainers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if trainers is None:
            del self.trainer
        else:
            self.trainer.choices = [SelectChoice(user_id, email) for user_id, email in trainers]


class AttendanceForm(FlaskForm):
    attendance = StringField(_l("Number of people who came"), validators=[
        AnswerRequired(_l("Enter the number of people who came")), _whole_number,
        NumberInRange(0, MAX_ATTENDANCE),
    ], widget=GovTextInput())


class PairingForm(FlaskForm):
    """The optional code that links one attendee's forms: never stored as typed."""

    street = StringField(_l("The first 3 letters of the street you grew up on"),
                         description=_l("For example, for Elm Road write Elm."),
                         validators=[Length(max=100, message=_l("Write only the first 3 letters"))],
                         widget=GovTextInput())
    day = StringField(_l("The day of the month you were born"), description=_l("A number from 1 to 31."),
                      widget=GovTextInput())

    def validate_street(self, field):
        letters = [ch for ch in (field.data or "") if ch.isalpha()]
        if field.data and field.data.strip() and len(letters) < 3:
            raise ValidationError(_l("Write at least 3 letters"))
        if not (field.data or "").strip() and (self.day.data or "").strip():
            raise ValidationError(_l("Write the first 3 letters of the street, or leave both boxes empty"))

    def validate_day(self, field):
        value = (field.data or "").strip()
        if value and (not value.isdigit() or not 1 <= int(value) <= 31):
            raise ValidationError(_l("Write a number from 1 to 31"))
        if not value and (self.street.data or "").strip():
            raise ValidationError(_l("Write the day you were born, or leave both boxes empty"))


class ReminderForm(FlaskForm):
    email = StringField(_l("Email address"), validators=[
        AnswerRequired(_l("Enter your email address")),
        Length(max=254, message=_l("The email address must be 254 characters or fewer")),
        EmailAddress(_l("Enter an email address in the correct format, like name@example.org")),
    ], widget=GovTextInput())
