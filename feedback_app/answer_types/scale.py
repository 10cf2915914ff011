"""Agreement (Likert), rating (numbers or faces) and a grid of statements sharing one scale."""

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from feedback_app.answer_types.base import TEXT
from feedback_app.answer_types.choice import OPT_OUT_PROPERTIES, ChoiceBase, radios_params
from feedback_app.survey_definitions.text import translate

AGREEMENT = [
    ("strongly_agree", _l("Strongly agree")),
    ("agree", _l("Agree")),
    ("neither", _l("Neither agree nor disagree")),
    ("disagree", _l("Disagree")),
    ("strongly_disagree", _l("Strongly disagree")),
]
# "Have you used ...?" is not a matter of agreeing: a grid can ask it on this scale (``scale: used``).
USED = [
    ("yes", _l("Yes")),
    ("partly", _l("Partly")),
    ("no", _l("No")),
]
FACES = ("very_sad", "sad", "neutral", "happy", "very_happy")
# Mouth paths from very sad (frown) to very happy (broad smile), on a 24px face.
MOUTHS = {
    "very_sad": "M7 17.5 Q12 12.5 17 17.5",
    "sad": "M8 16.5 Q12 14 16 16.5",
    "neutral": "M8 15.5 L16 15.5",
    "happy": "M8 14.5 Q12 17.5 16 14.5",
    "very_happy": "M7 13.5 Q12 19.5 17 13.5",
}


def face_svg(face):
    """A simple decorative face; the text label beside it carries the meaning."""
    return Markup(  # noqa: S704 - constant markup; ``face`` only picks a constant path
        '<svg class="app-faces" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        '<circle cx="12" cy="12" r="11" fill="#ffdd00" stroke="#0b0c0c" stroke-width="1.5"/>'
        '<circle cx="8.5" cy="9" r="1.4" fill="#0b0c0c"/><circle cx="15.5" cy="9" r="1.4" fill="#0b0c0c"/>'
        f'<path d="{MOUTHS[face]}" fill="none" stroke="#0b0c0c" stroke-width="1.6" stroke-linecap="round"/></svg>'
    )


class Agreement(ChoiceBase):
    name = "agreement"
    spec_properties = OPT_OUT_PROPERTIES

    def base_choices(self, language):
        return [(value, str(label)) for value, label in AGREEMENT]


class Rating(ChoiceBase):
    """A numbered scale; ``style: faces`` shows a face beside each text label."""

    name = "rating"
    spec_properties = {
        "min": {"type": "integer", "minimum": 0, "maximum": 10, "default": 1},
        "max": {"type": "integer", "minimum": 1, "maximum": 10, "default": 5},
        "style": {"enum": ["numbers", "faces"], "default": "numbers"},
        "labels": {"type": "object", "propertyNames": {"pattern": "^[0-9]+$"}, "additionalProperties": TEXT},
        **OPT_OUT_PROPERTIES,
    }

    @classmethod
    def check_semantics(cls, spec):
        low, high = spec.get("min", 1), spec.get("max", 5)
        if high <= low:
            return "max", "max must be greater than min"
        for key in spec.get("labels", {}):
            if not low <= int(key) <= high:
                return f"labels.{key}", f"label for {key} is outside the scale {low} to {high}"
        if spec.get("style") == "faces":
            if high - low + 1 != len(FACES):
                return "style", "a faces scale has exactly 5 points"
            if len(spec.get("labels", {})) != len(FACES):
                return "labels", "a faces scale needs a text label for every face"
        return None

    @property
    def points(self):
        return list(range(self.spec.get("min", 1), self.spec.get("max", 5) + 1))

    @property
    def style(self):
        return self.spec.get("style", "numbers")

    def base_choices(self, language):
        labels = self.spec.get("labels", {})
        choices = []
        for point in self.points:
            label = translate(labels.get(str(point)), language)
            choice_label = f"{point} – {label}" if label and self.style == "numbers" else label or str(point)
            choices.append((str(point), choice_label))
        return choices

    def params(self, form, language, heading):
        params = radios_params(self, form[self.qid], language, heading)
        if self.style == "faces":
            for item in params["items"]:
                if item.get("value", "").isdigit():
                    face = FACES[int(item["value"]) - self.points[0]]
                    item["html"] = face_svg(face) + escape(item.pop("text"))
        return params

    def value_from_form(self, form):
        value = getattr(form, self.qid).data
        if value is None:
            return None
        return int(value) if value.isdigit() else value

    def form_data(self, value):
        return {self.qid: None if value is None else str(value)}

    def display(self, value, language):
        return super().display(None if value is None else str(value), language)


class Grid(ChoiceBase):
    """Several statements answered on one shared scale: one fieldset per statement."""

    name = "grid"
    spec_properties = {
        "statements": {
            "type": "array", "minItems": 1,
            "items": {
                "type": "object", "additionalProperties": False, "required": ["id", "text"],
                "properties": {"id": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, "text": TEXT},
            },
        },
        # Statements filled in when the survey is answered (e.g. a course's learning objectives).
        "statements_from": {"enum": ["learning_objectives"]},
        "scale": {"enum": ["agreement", "rating", "used"], "default": "agreement"},
        "min": {"type": "integer", "minimum": 0, "maximum": 10, "default": 1},
        "max": {"type": "integer", "minimum": 1, "maximum": 10, "default": 5},
        "labels": {"type": "object", "propertyNames": {"pattern": "^[0-9]+$"}, "additionalProperties": TEXT},
        **OPT_OUT_PROPERTIES,
    }

    @classmethod
    def check_semantics(cls, spec):
        if ("statements" in spec) == ("statements_from" in spec):
            return "statements", "give either statements or statements_from"
        ids = [s["id"] for s in spec.get("statements", [])]
        if len(ids) != len(set(ids)):
            return "statements", "statement ids must be unique"
        return None

    def _scale(self):
        if self.spec.get("scale", "agreement") == "rating":
            return Rating({**self.spec, "style": "numbers"})
        return Agreement(self.spec)

    def base_choices(self, language):
        if self.spec.get("scale") == "used":
            return [(value, str(label)) for value, label in USED]
        return self._scale().base_choices(language)

    def field_name(self, statement_id):
        return f"{self.qid}__{statement_id}"

    def statements(self, language):
        return [(s["id"], translate(s["text"], language)) for s in self.spec.get("statements", [])]

    def required_message(self):
        return _l("Select an answer for this statement")

    def fields(self, language):
        required = self.spec.get("required", self.required_by_default)
        return {
            self.field_name(sid): self.radio_field(self.field_name(sid), text, None, language, required)
            for sid, text in self.statements(language)
        }

    def value_from_form(self, form):
        answers = {}
        for sid, _ in self.statements("en"):
            data = getattr(form, self.field_name(sid)).data
            if data:
                answers[sid] = int(data) if data.isdigit() else data
        return answers or None

    def form_data(self, value):
        value = value or {}
        return {self.field_name(sid): None if value.get(sid) is None else str(value.get(sid))
                for sid, _ in self.statements("en")}

    def display(self, value, language):
        labels = dict(self.choice_labels(language))
        lines = []
        for sid, text in self.statements(language):
            if value and sid in value:
                lines.append(f"{text}: {labels.get(str(value[sid]), '')}")
        return "\n".join(lines)

    def params(self, form, language, heading):
        """One radios fieldset per statement, so each reads well on a small screen."""
        groups = []
        for sid, text in self.statements(language):
            params = radios_params(self, form[self.field_name(sid)], language, False, text=text, hint="")
            params["fieldset"]["legend"]["classes"] = "govuk-fieldset__legend--s"
            params["classes"] = "govuk-radios--small"
            groups.append(params)
        return groups

    def error_anchor(self, form):
        for sid, _ in self.statements("en"):
            if getattr(form, self.field_name(sid)).errors:
                return self.field_name(sid)
        return self.field_name(self.spec["statements"][0]["id"]) if self.spec.get("statements") else self.qid
