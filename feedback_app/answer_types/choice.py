"""Single choice, multiple choice (with an exclusive "none of these"), yes/no, consent."""

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovCheckboxInput, GovRadioInput
from wtforms import BooleanField, RadioField, SelectChoice, SelectMultipleField
from wtforms.validators import Optional, ValidationError

from feedback_app.answer_types.base import OPTIONS, TEXT, AnswerType, legend
from feedback_app.forms.validators import AnswerRequired, ExclusiveOption
from feedback_app.survey_definitions.text import translate

OPT_OUTS = {
    "dont_know": _l("Don't know"),
    "prefer_not_to_say": _l("Prefer not to say"),
}
OPT_OUT_PROPERTIES = {
    "dont_know": {"type": "boolean"},
    "prefer_not_to_say": {"type": "boolean"},
    "dont_know_label": TEXT,
    "prefer_not_to_say_label": TEXT,
}


def choice_items(answer_type, field, language, selected, exclusive=()):
    """GOV.UK radios/checkboxes items, with an "or" divider before the opt-outs."""
    hints = {o["value"]: translate(o.get("hint"), language) for o in answer_type.spec.get("options", [])}
    items = []
    for value, text in answer_type.choice_labels(language):
        if value == answer_type.divider_before():
            items.append({"divider": gettext("or")})
        item = {"value": value, "text": text, "checked": value in selected}
        if hints.get(value):
            item["hint"] = {"text": hints[value]}
        if value in exclusive:
            item["behaviour"] = "exclusive"
        items.append(item)
    return items


def radios_params(answer_type, field, language, heading, text=None, hint=None):
    selected = {str(field.data)} if field.data is not None else set()
    params = {
        "idPrefix": field.id, "name": field.name,
        "fieldset": {"legend": legend(text or translate(answer_type.spec["text"], language), heading)},
        "items": choice_items(answer_type, field, language, selected),
    }
    hint = hint if hint is not None else translate(answer_type.spec.get("hint"), language)
    if hint:
        params["hint"] = {"text": hint}
    if field.errors:
        params["errorMessage"] = {"text": str(field.errors[0])}
    return params


def select_choices(pairs):
    return [SelectChoice(value, label) for value, label in pairs]


def _allowed(field):
    return {choice.value for choice in field.choices}


class TolerantRadioField(RadioField):
    """A radio field whose message for a tampered value is plain English."""

    def pre_validate(self, form):
        if self.data is not None and self.data not in _allowed(self):
            raise ValidationError(_l("Select one of the options"))


class TolerantMultipleField(SelectMultipleField):
    """Ticked options, each once: a value sent many times (a tampered form) counts once."""

    def process_formdata(self, valuelist):
        super().process_formdata(list(dict.fromkeys(valuelist)))

    def pre_validate(self, form):
        if self.data and any(value not in _allowed(self) for value in self.data):
            raise ValidationError(_l("Select from the options shown"))


class ChoiceBase(AnswerType):
    """Shared parts of every answer type rendered as radios."""

    def required_message(self):
        return _l("Select an answer")

    def base_choices(self, language):
        return [(o["value"], translate(o["label"], language)) for o in self.spec["options"]]

    def opt_out_choices(self, language):
        choices = []
        for key, default in OPT_OUTS.items():
            if self.spec.get(key):
                label = translate(self.spec.get(f"{key}_label"), language) or str(default)
                choices.append((key, label))
        return choices

    def choice_labels(self, language):
        return self.base_choices(language) + self.opt_out_choices(language)

    def radio_field(self, name, label, hint, language, required):
        checks = [AnswerRequired(self.required_message()) if required else Optional()]
        return TolerantRadioField(
            label, description=hint or "", choices=select_choices(self.choice_labels(language)),
            validators=checks, widget=GovRadioInput(), validate_choice=True,
        )

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        return {self.qid: self.radio_field(
            self.qid, translate(self.spec["text"], language),
            translate(self.spec.get("hint"), language), language, required,
        )}

    def value_from_form(self, form):
        return getattr(form, self.qid).data or None

    def form_data(self, value):
        return {self.qid: value}

    def display(self, value, language):
        return dict(self.choice_labels(language)).get(value, "") if value is not None else ""

    def params(self, form, language, heading):
        """Params for the GOV.UK radios macro."""
        return radios_params(self, form[self.qid], language, heading)

    def divider_before(self):
        """The value before which an "or" divider is shown (the first opt-out)."""
        opt_outs = self.opt_out_choices("en")
        return opt_outs[0][0] if opt_outs else None


# A question about the respondent (age, agency, role) that results are broken down by: its own answers are then
# published for everyone only, never by other groups (``services.results``; issue 19).
BREAKDOWN_PROPERTY = {"breakdown": {"type": "boolean"}}


class SingleChoice(ChoiceBase):
    name = "single_choice"
    spec_properties = {"options": OPTIONS, **OPT_OUT_PROPERTIES, **BREAKDOWN_PROPERTY}
    spec_required = ("options",)


class YesNo(ChoiceBase):
    name = "yes_no"
    spec_properties = {**OPT_OUT_PROPERTIES, **BREAKDOWN_PROPERTY}

    def base_choices(self, language):
        return [("yes", str(_l("Yes"))), ("no", str(_l("No")))]


class MultipleChoice(ChoiceBase):
    name = "multiple_choice"
    spec_properties = {
        "options": OPTIONS,
        "none_option": {
            "type": "object", "additionalProperties": False, "required": ["value", "label"],
            "properties": {"value": {"type": "string", "pattern": "^[a-z0-9_]+$"}, "label": TEXT},
        },
        **OPT_OUT_PROPERTIES,
    }
    spec_required = ("options",)

    def required_message(self):
        return _l("Select all that apply")

    def none_choice(self, language):
        none = self.spec.get("none_option")
        return (none["value"], translate(none["label"], language)) if none else None

    def choice_labels(self, language):
        extra = [self.none_choice(language)] if self.spec.get("none_option") else []
        return self.base_choices(language) + extra + self.opt_out_choices(language)

    def exclusive_values(self):
        values = [value for value, _ in self.opt_out_choices("en")]
        if self.spec.get("none_option"):
            values.insert(0, self.spec["none_option"]["value"])
        return values

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        checks = [AnswerRequired(self.required_message()) if required else Optional()]
        checks += [ExclusiveOption(value, label) for value, label in self.choice_labels(language)
                   if value in self.exclusive_values()]
        return {self.qid: TolerantMultipleField(
            translate(self.spec["text"], language),
            description=translate(self.spec.get("hint"), language) or "",
            choices=select_choices(self.choice_labels(language)), validators=checks, widget=GovCheckboxesInput(),
        )}

    def value_from_form(self, form):
        return list(dict.fromkeys(getattr(form, self.qid).data or [])) or None

    def form_data(self, value):
        return {self.qid: value or []}

    def display(self, value, language):
        labels = dict(self.choice_labels(language))
        return "\n".join(labels.get(v, "") for v in value or [])

    def params(self, form, language, heading):
        """Params for the GOV.UK checkboxes macro; "none of these" unticks the others."""
        params = radios_params(self, form[self.qid], language, heading)
        params["items"] = choice_items(self, form[self.qid], language, set(form[self.qid].data or []),
                                       exclusive=self.exclusive_values())
        return params

    def divider_before(self):
        exclusive = self.exclusive_values()
        return exclusive[0] if exclusive else None


class Consent(AnswerType):
    name = "consent"
    spec_properties = {"agree_label": TEXT}
    spec_required = ("agree_label",)

    def required_message(self):
        return _l("Confirm you agree to continue")

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        checks = [AnswerRequired(self.required_message()) if required else Optional()]
        return {self.qid: BooleanField(
            translate(self.spec["agree_label"], language),
            description=translate(self.spec.get("hint"), language) or "",
            validators=checks, widget=GovCheckboxInput(),
        )}

    def params(self, form, language, heading):
        field = form[self.qid]
        params = {
            "idPrefix": field.id, "name": field.name,
            "fieldset": {"legend": legend(translate(self.spec["text"], language), heading)},
            "items": [{"value": "y", "text": translate(self.spec["agree_label"], language),
                       "checked": bool(field.data)}],
        }
        if self.spec.get("hint"):
            params["hint"] = {"text": translate(self.spec["hint"], language)}
        if field.errors:
            params["errorMessage"] = {"text": str(field.errors[0])}
        return params

    def value_from_form(self, form):
        return True if getattr(form, self.qid).data else None

    def form_data(self, value):
        return {self.qid: bool(value)}

    def display(self, value, language):
        return str(_l("Agreed")) if value else ""
