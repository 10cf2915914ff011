"""Sign-in, password reset and user administration forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovPasswordInput, GovTextInput
from wtforms import PasswordField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import EqualTo, Length

from feedback_app.forms.validators import AnswerRequired, EmailAddress
from feedback_app.models import ROLES

ROLE_LABELS = {
    "admin": _l("Admin: business unit, everything"),
    "analyst": _l("Analyst: results, themes and audit planning (QPP subgroup)"),
    "trainer": _l("Trainer: only the courses they run"),
    "dsl": _l("Designated safeguarding lead: the safeguarding queue"),
    "viewer": _l("Viewer: published reports only (Board members)"),
    "qpp": _l("Assurance panel (QPP): challenges Section 11 and section 175 self-assessments"),
}


class SignInForm(FlaskForm):
    email = StringField(_l("Email address"), validators=[AnswerRequired(_l("Enter your email address"))],
                        widget=GovTextInput())
    password = PasswordField(_l("Password"), validators=[AnswerRequired(_l("Enter your password"))],
                             widget=GovPasswordInput())


class ResetRequestForm(FlaskForm):
    email = StringField(_l("Email address"), validators=[
        AnswerRequired(_l("Enter your email address")),
        EmailAddress(_l("Enter an email address in the correct format, like name@example.org")),
    ], widget=GovTextInput())


class NewPasswordForm(FlaskForm):
    password = PasswordField(_l("New password"), description=_l("At least 12 characters"), validators=[
        AnswerRequired(_l("Enter a new password")),
        Length(min=12, message=_l("Your password must be at least 12 characters")),
    ], widget=GovPasswordInput())
    confirm = PasswordField(_l("Confirm new password"), validators=[
        AnswerRequired(_l("Enter your new password again")),
        EqualTo("password", message=_l("The passwords do not match")),
    ], widget=GovPasswordInput())


class RolesForm(FlaskForm):
    roles = SelectMultipleField(_l("Roles"), choices=[SelectChoice(role, ROLE_LABELS[role]) for role in ROLES],
                                validators=[AnswerRequired(_l("Select at least one role"))],
                                widget=GovCheckboxesInput())


class NewUserForm(RolesForm):
    email = StringField(_l("Email address"), validators=[
        AnswerRequired(_l("Enter an email address")),
        EmailAddress(_l("Enter an email address in the correct format, like name@example.org")),
    ], widget=GovTextInput())


class ConfirmForm(FlaskForm):
    """A button that changes something: only the CSRF token."""
