"""Forms for running surveys: status changes, new distribution links, the preview."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import Length, Optional, Regexp

from feedback_app.forms.validators import AnswerRequired


class StatusForm(FlaskForm):
    """The status buttons: each submits its own ``action`` value."""

    action = StringField()


class CohortForm(FlaskForm):
    label = StringField(
        _l("Name of the group"),
        description=_l("For example, the youth group or agency the link is for. Respondents do not see it."),
        validators=[AnswerRequired(_l("Enter a name for the group")),
                    Length(max=200, message=_l("The name must be 200 characters or fewer"))],
        widget=GovTextInput(),
    )
    code = StringField(
        _l("Code (optional)"),
        description=_l("Used in exports and reports. Leave it blank to make one from the name."),
        validators=[Optional(), Length(max=60, message=_l("The code must be 60 characters or fewer")),
                    Regexp(r"^[a-z][a-z0-9_]*$", message=_l(
                        "The code must start with a letter and use only lowercase letters, numbers and underscores"))],
        widget=GovTextInput(),
    )


def preview_form(page, language):
    """An unbound form with the fields of every question on ``page``, shown or not.

    It has no CSRF token: the preview never submits anything.
    """
    fields = {}
    for question in page.questions:
        fields.update(question.answer_type.fields(language))
    form_class = type("PreviewPageForm", (FlaskForm,), fields)
    return form_class(formdata=None, meta={"csrf": False})
