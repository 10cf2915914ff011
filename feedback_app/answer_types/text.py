"""Short text and long text (with a character count)."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovTextInput
from wtforms import StringField, TextAreaField
from wtforms.validators import Optional

from feedback_app.answer_types.base import AnswerType, label
from feedback_app.forms.validators import AnswerRequired, MaxCharacters
from feedback_app.survey_definitions.text import translate


class ShortText(AnswerType):
    name = "short_text"
    spec_properties = {"max_length": {"type": "integer", "minimum": 1, "maximum": 500}}
    free_text = True
    default_max = 200
    field_class = StringField
    widget = GovTextInput

    @property
    def max_length(self):
        return self.spec.get("max_length", self.default_max)

    def required_message(self):
        return _l("Enter your answer")

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        checks = [AnswerRequired(self.required_message()) if required else Optional()]
        return {self.qid: self.field_class(
            translate(self.spec["text"], language),
            description=translate(self.spec.get("hint"), language) or "",
            validators=checks + [MaxCharacters(self.max_length)],
            widget=self.widget(),
            filters=[lambda value: value.replace("\r\n", "\n") if isinstance(value, str) else value],
        )}

    def params(self, form, language, heading):
        """Extra params for the govuk-frontend-wtf widget."""
        return {"label": label(translate(self.spec["text"], language), heading),
                "spellcheck": True, "autocomplete": "off"}

    def value_from_form(self, form):
        value = (getattr(form, self.qid).data or "").strip()
        return value or None

    def form_data(self, value):
        return {self.qid: value or ""}


class LongText(ShortText):
    name = "long_text"
    spec_properties = {"max_length": {"type": "integer", "minimum": 1, "maximum": 5000}}
    spec_required = ("max_length",)
    required_by_default = False
    field_class = TextAreaField
    widget = GovCharacterCount

    def params(self, form, language, heading):
        return {"label": label(translate(self.spec["text"], language), heading),
                "maxlength": self.max_length, "rows": 6, "spellcheck": True, **character_count_text()}


def character_count_text():
    """The character count's messages in the page's language (govuk-frontend fills in ``%{count}``)."""
    return {
        "textareaDescriptionText": gettext("You can enter up to %{count} characters"),
        "charactersUnderLimitText": {"one": gettext("You have %{count} character remaining"),
                                     "other": gettext("You have %{count} characters remaining")},
        "charactersAtLimitText": gettext("You have 0 characters remaining"),
        "charactersOverLimitText": {"one": gettext("You have %{count} character too many"),
                                    "other": gettext("You have %{count} characters too many")},
    }
