"""The base class every answer type extends."""

import jsonschema
from flask_babel import lazy_gettext as _l

from analysis.screening.questions import QUESTION_KINDS

COMMON_PROPERTIES = {
    "id": {}, "type": {}, "text": {}, "hint": {}, "required": {}, "show_if": {}, "analyse": {},
    "section": {},
}
# On a free-text question only: what the safeguarding screen should know about the question
# ("screening: trusted_person" on a "Who would you tell?" question; analysis.screening.questions).
SCREENING_KIND = {"enum": list(QUESTION_KINDS)}
TEXT = {"$ref": "#/$defs/text"}
TEXT_DEFS = {
    "text": {
        "oneOf": [
            {"type": "string", "minLength": 1},
            {"type": "object", "required": ["en"], "additionalProperties": {"type": "string", "minLength": 1}},
        ]
    }
}
OPTIONS = {
    "type": "array", "minItems": 2,
    "items": {
        "type": "object", "additionalProperties": False, "required": ["value", "label"],
        "properties": {"value": {"type": "string", "pattern": "^[a-z0-9_]+$"}, "label": TEXT, "hint": TEXT},
    },
}


class AnswerType:
    """One kind of question: its options, form fields, validation and template.

    Subclasses set ``name`` and ``spec_properties`` (a JSON Schema fragment for
    their own keys) and implement ``fields``, ``value_from_form``, ``form_data``
    and ``display``. They are registered in ``ANSWER_TYPES`` by name.
    """

    name = ""
    spec_properties = {}
    spec_required = ()
    collects_answer = True
    free_text = False
    required_by_default = True

    def __init__(self, spec):
        self.spec = spec

    @property
    def template(self):
        return f"answer_types/{self.name}.html"

    @classmethod
    def check_spec(cls, spec):
        """Return ``(place, problem)`` for an invalid question, else ``None``."""
        schema = {
            "type": "object",
            "properties": {**COMMON_PROPERTIES, **cls.spec_properties,
                           **({"screening": SCREENING_KIND} if cls.free_text else {})},
            "required": list(cls.spec_required),
            "additionalProperties": False,
            "$defs": TEXT_DEFS,
        }
        error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(spec))
        if error is not None:
            place = ".".join(str(p) for p in error.absolute_path)
            return place, error.message
        return cls.check_semantics(spec)

    @classmethod
    def check_semantics(cls, spec):
        return None

    # -- runtime --------------------------------------------------------
    @property
    def qid(self):
        return self.spec["id"]

    def required_message(self):
        return _l("Answer this question")

    def fields(self, language):
        """WTForms unbound fields for this question, keyed by field name."""
        return {}

    def value_from_form(self, form):
        return None

    def form_data(self, value):
        """Field data to pre-fill the form with a stored answer."""
        return {}

    def display(self, value, language):
        """A short human-readable rendering of an answer (check your answers)."""
        return "" if value is None else str(value)

    def error_anchor(self, form):
        """The id the error summary links to."""
        return self.qid

    def field_errors(self, form):
        return [error for name in self.fields("en") for error in getattr(form, name).errors]

    def text_for_analysis(self, value):
        return value if self.free_text else None

    def choice_labels(self, language):
        """Coded values and labels, for results and exports."""
        return []


def legend(text, heading):
    """Fieldset legend params: the question is the page heading when alone on its page."""
    return {"text": text, "isPageHeading": heading,
            "classes": "govuk-fieldset__legend--l" if heading else "govuk-fieldset__legend--m"}


def label(text, heading):
    return {"text": text, "isPageHeading": heading,
            "classes": "govuk-label--l" if heading else "govuk-label--m"}
