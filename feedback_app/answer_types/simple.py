"""Information statement, number with range, and date."""

from datetime import date

from flask_babel import lazy_gettext as _l
from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import Field, StringField
from wtforms.utils import unset_value
from wtforms.validators import Optional, ValidationError

from feedback_app.answer_types.base import AnswerType, label, legend
from feedback_app.forms.validators import AnswerRequired, DatePartsRequired, NumberInRange
from feedback_app.survey_definitions.text import translate


class Statement(AnswerType):
    """Information only: no answer is collected."""

    name = "statement"
    collects_answer = False
    required_by_default = False


class Number(AnswerType):
    name = "number"
    spec_properties = {
        "min": {"type": "number"}, "max": {"type": "number"},
        "whole": {"type": "boolean", "default": True}, "suffix": {"type": "string", "maxLength": 20},
    }

    @classmethod
    def check_semantics(cls, spec):
        if "min" in spec and "max" in spec and spec["max"] < spec["min"]:
            return "max", "max must not be less than min"
        return None

    def required_message(self):
        return _l("Enter a number")

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        checks = [AnswerRequired(self.required_message()) if required else Optional()]
        checks.append(NumberInRange(self.spec.get("min"), self.spec.get("max"), self.spec.get("whole", True)))
        return {self.qid: StringField(
            translate(self.spec["text"], language),
            description=translate(self.spec.get("hint"), language) or "",
            validators=checks, widget=GovTextInput(),
        )}

    def params(self, form, language, heading):
        params = {"label": label(translate(self.spec["text"], language), heading),
                  "inputmode": "decimal" if not self.spec.get("whole", True) else "numeric",
                  "spellcheck": False, "classes": "govuk-input--width-5"}
        if self.spec.get("suffix"):
            params["suffix"] = {"text": self.spec["suffix"]}
        return params

    def value_from_form(self, form):
        raw = (getattr(form, self.qid).data or "").strip().replace(",", "")
        if not raw:
            return None
        return int(raw) if self.spec.get("whole", True) else float(raw)

    def form_data(self, value):
        return {self.qid: "" if value is None else str(value)}


class DateParts(Field):
    """Three inputs (day, month, year) sharing one name, as GOV.UK date input sends them."""

    PARTS = ("day", "month", "year")

    def process(self, formdata, data=unset_value, extra_filters=None):
        self.process_errors = []
        self.object_data = data
        if formdata is not None:
            self.raw_data = [formdata.get(f"{self.name}-{part}", "") for part in self.PARTS]
            self.data = tuple(str(part).strip() for part in self.raw_data)
        else:
            self.raw_data = None
            self.data = data if data is not unset_value and data else ("", "", "")

    def _value(self):
        return ""


class ValidDate:
    def __init__(self, earliest=None, latest=None):
        self.earliest, self.latest = earliest, latest

    def __call__(self, form, field):
        parts = field.data or ("", "", "")
        if not any(parts):
            return
        names = (_l("day"), _l("month"), _l("year"))
        missing = [str(name) for name, part in zip(names, parts, strict=False) if not part]  # parts as posted
        if missing:
            raise ValidationError(_l("Date must include a %(part)s", part=" and ".join(missing)))
        try:
            day, month, year = (int(p) for p in parts)
            if len(parts[2]) != 4:
                raise ValueError
            value = date(year, month, day)
        except ValueError:
            raise ValidationError(_l("Date must be a real date")) from None
        if self.earliest and value < self.earliest:
            raise ValidationError(_l("Date must be on or after %(date)s", date=self.earliest.strftime("%d %m %Y")))
        if self.latest and value > self.latest:
            raise ValidationError(_l("Date must be on or before %(date)s", date=self.latest.strftime("%d %m %Y")))


class DateAnswer(AnswerType):
    name = "date"
    spec_properties = {"earliest": {"type": "string", "format": "date"}, "latest": {"type": "string", "format": "date"}}

    def required_message(self):
        return _l("Enter a date")

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        checks = [DatePartsRequired(self.required_message())] if required else []
        earliest, latest = self.spec.get("earliest"), self.spec.get("latest")
        checks.append(ValidDate(earliest and date.fromisoformat(earliest), latest and date.fromisoformat(latest)))
        return {self.qid: DateParts(
            translate(self.spec["text"], language),
            description=translate(self.spec.get("hint"), language) or "",
            validators=checks,
        )}

    def params(self, form, language, heading):
        from flask_babel import gettext

        field = form[self.qid]
        day, month, year = field.data or ("", "", "")
        error = "govuk-input--error" if field.errors else ""
        params = {
            "id": f"{self.qid}", "namePrefix": self.qid,
            "fieldset": {"legend": legend(translate(self.spec["text"], language), heading)},
            "items": [
                {
                    "name": "day", "label": gettext("Day"), "value": day,
                    "classes": f"govuk-input--width-2 {error}".strip(),
                },
                {
                    "name": "month", "label": gettext("Month"), "value": month,
                    "classes": f"govuk-input--width-2 {error}".strip(),
                },
                {
                    "name": "year", "label": gettext("Year"), "value": year,
                    "classes": f"govuk-input--width-4 {error}".strip(),
                },
            ],
        }
        hint = translate(self.spec.get("hint"), language)
        params["hint"] = {"text": hint or gettext("For example, 27 3 2007")}
        if field.errors:
            params["errorMessage"] = {"text": str(field.errors[0])}
        return params

    def value_from_form(self, form):
        parts = getattr(form, self.qid).data
        if not parts or not any(parts):
            return None
        day, month, year = (int(p) for p in parts)
        return date(year, month, day).isoformat()

    def form_data(self, value):
        if not value:
            return {self.qid: ("", "", "")}
        parsed = date.fromisoformat(value)
        return {self.qid: (str(parsed.day), str(parsed.month), str(parsed.year))}

    def display(self, value, language):
        return date.fromisoformat(value).strftime("%-d %B %Y") if value else ""

    def error_anchor(self, form):
        return f"{self.qid}-day"
