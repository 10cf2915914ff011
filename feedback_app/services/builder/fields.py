"""Each answer type's settings, derived from its option schema in the registry.

``settings_fields(type_class)`` reads the JSON Schema fragments an answer type declares
(``spec_properties``, plus the properties every question has) and says, for each property, which
kind of field edits it. ``to_form`` and ``from_form`` turn a question's spec into form values and back.
No answer type has a hand-written form: a new type, or a new option on one, gets its field from here.
"""

import re
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from feedback_app.services.builder.editing import english, identifier, merge_text
from feedback_app.survey_definitions.loader import SCHEMA

COMMON = SCHEMA["$defs"]["question"]["properties"]
# Set elsewhere in the builder: the id when a question is added, the rule on its own page.
NOT_IN_SETTINGS = ("id", "type", "show_if")
COMMON_ORDER = ("text", "hint", "section", "required")
COMMON_LAST = ("analyse",)
SEPARATOR = "|"


@dataclass(frozen=True)
class SettingField:
    """One property of an answer type and the kind of field that edits it.

    ``kind``: ``text`` (wording, English here; translated on the languages page), ``boolean``,
    ``integer``, ``number``, ``string``, ``date``, ``choice`` (one of ``choices``), ``items`` (a list
    of objects, one per line, with ``columns``), ``mapping`` (numbered labels, one per line) or
    ``object`` (one line of ``columns``).
    """

    name: str
    kind: str
    required: bool = False
    choices: tuple = ()
    columns: tuple = ()
    text_columns: tuple = ()
    default: object = None
    maximum: object = None
    minimum: object = None
    max_length: object = None
    key_pattern: str = ""  # the pattern of an item's code (first column)


def _is_text(schema):
    return schema.get("$ref", "").endswith("/text") or "oneOf" in schema


def _columns(object_schema):
    properties = object_schema.get("properties", {})
    return tuple(properties), tuple(name for name, sub in properties.items() if _is_text(sub))


def describe(name, schema, required=False, default=None):
    """The ``SettingField`` for one property's schema fragment."""
    extra = {"required": required, "default": schema.get("default", default)}
    if _is_text(schema):
        return SettingField(name, "text", **extra)
    if "enum" in schema:
        return SettingField(name, "choice", choices=tuple(schema["enum"]), **extra)
    kind = schema.get("type")
    if kind == "boolean":
        return SettingField(name, "boolean", **{**extra, "default": extra["default"] or False})
    if kind in ("integer", "number"):
        return SettingField(name, kind, minimum=schema.get("minimum"), maximum=schema.get("maximum"), **extra)
    if kind == "string":
        return SettingField(name, "date" if schema.get("format") == "date" else "string",
                            max_length=schema.get("maxLength"), **extra)
    if kind == "array" and schema.get("items", {}).get("type") == "object":
        columns, texts = _columns(schema["items"])
        pattern = schema["items"]["properties"][columns[0]].get("pattern", "")
        return SettingField(name, "items", columns=columns, text_columns=texts, key_pattern=pattern, **extra)
    if kind == "object" and "propertyNames" in schema:
        return SettingField(name, "mapping", columns=("key", "label"), text_columns=("label",), **extra)
    if kind == "object":
        columns, texts = _columns(schema)
        return SettingField(name, "object", columns=columns, text_columns=texts, **extra)
    raise ValueError(f"no field for the option {name!r}: {schema!r}")


def settings_fields(type_class):
    """Every setting of ``type_class``: common wording first, then its own options, then ``analyse``."""
    own = type_class.spec_properties
    fields = []
    for name in COMMON_ORDER:
        default = type_class.required_by_default if name == "required" else None
        if name == "required" and not type_class.collects_answer:
            continue
        fields.append(describe(name, COMMON[name], required=name == "text", default=default))
    for name, schema in own.items():
        fields.append(describe(name, schema, required=name in type_class.spec_required))
    if type_class.free_text:
        fields += [describe(name, COMMON[name]) for name in COMMON_LAST]
    return fields


# -- spec <-> form values --------------------------------------------------

def _line(values):
    return f" {SEPARATOR} ".join("" if v is None else str(v) for v in values)


def to_form(field, spec):
    """The form value for ``field`` of question ``spec``."""
    value = spec.get(field.name)
    if field.kind == "text":
        return english(value) or ""
    if field.kind == "boolean":
        return bool(field.default if value is None else value)
    if field.kind in ("integer", "number", "string", "date"):
        return "" if value is None else str(value)
    if field.kind == "choice":
        return value or field.default or ""
    if field.kind == "items":
        return "\n".join(_line(english(item.get(column)) for column in field.columns)
                         .rstrip(f" {SEPARATOR}") for item in value or [])
    if field.kind == "mapping":
        return "\n".join(_line((key, english(label))) for key, label in (value or {}).items())
    if field.kind == "object":
        return _line(english(value.get(column)) for column in field.columns) if value else ""
    return value


class FieldProblem(ValueError):
    def __init__(self, name, message):
        super().__init__(str(message))
        self.name, self.message = name, message


def _split(line):
    return [part.strip() for part in line.split(SEPARATOR)]


def _row(field, parts, old, taken):
    """One object from a line's parts; a line with only the wording gets its id made from it."""
    columns = list(field.columns)
    if len(parts) == 1 and field.text_columns and columns[0] not in field.text_columns:
        key = identifier(parts[0], "_", taken, fallback="option", letter_first=field.key_pattern.startswith("^[a-z]"))
        parts = [key, parts[0]]
    row = {}
    for column, part in zip(columns, parts, strict=False):
        if part == "":
            continue
        row[column] = merge_text((old or {}).get(column), part) if column in field.text_columns else part
    return row


def _lines(raw):
    return [line for line in (raw or "").replace("\r\n", "\n").split("\n") if line.strip()]


def from_form(field, raw, old_spec, messages):
    """The spec value for ``field`` from form value ``raw`` (``None``: leave the option out).

    ``messages``: ``{"number": ..., "whole": ...}`` wording for values that are not numbers.
    """
    old = old_spec.get(field.name)
    if field.kind == "text":
        return merge_text(old, (raw or "").strip())
    if field.kind == "boolean":
        value = bool(raw)
        return None if value == bool(field.default) and field.name not in old_spec else value
    if field.kind in ("integer", "number"):
        text = (raw or "").strip()
        if not text:
            return None
        pattern = r"^-?\d+$" if field.kind == "integer" else r"^-?\d+(\.\d+)?$"
        if not re.match(pattern, text):
            raise FieldProblem(field.name, messages["whole" if field.kind == "integer" else "number"])
        return int(text) if field.kind == "integer" else (int(text) if "." not in text else float(text))
    if field.kind == "choice":
        value = (raw or "").strip() or None
        return None if value == field.default and field.name not in old_spec else value
    if field.kind in ("string", "date"):
        return (raw or "").strip() or None
    if field.kind == "items":
        old_rows = {item.get(field.columns[0]): item for item in old or []}
        rows, taken = [], set()
        for line in _lines(raw):
            parts = _split(line)
            row = _row(field, parts, old_rows.get(parts[0]) if len(parts) > 1 else None, taken)
            if len(parts) == 1:
                match = next((item for item in old or [] if english(item.get(field.text_columns[0])) == parts[0]),
                             None)
                if match is not None:
                    row = {**row, field.columns[0]: match[field.columns[0]]}
            taken.add(row.get(field.columns[0]))
            rows.append(row)
        return rows or None
    if field.kind == "mapping":
        mapping = {}
        for line in _lines(raw):
            parts = _split(line)
            if len(parts) != 2:
                raise FieldProblem(field.name, messages["mapping"])
            mapping[parts[0]] = merge_text((old or {}).get(parts[0]), parts[1])
        return mapping or None
    if field.kind == "object":
        lines = _lines(raw)
        if not lines:
            return None
        return _row(field, _split(lines[0]), old, set())
    return raw


def spec_from_form(type_class, values, old_spec, messages):
    """A question spec from the settings form ``values``; keys the form does not edit are kept."""
    spec = {"id": old_spec["id"], "type": type_class.name}
    for key in ("text", "hint", "section"):
        if key in old_spec:
            spec[key] = old_spec[key]
    problems = []
    for field in settings_fields(type_class):
        try:
            value = from_form(field, values.get(field.name), old_spec, messages)
        except FieldProblem as problem:
            problems.append(problem)
            continue
        if value is None:
            spec.pop(field.name, None)
        else:
            spec[field.name] = value
    for key in NOT_IN_SETTINGS:
        if key in old_spec and key not in ("id", "type"):
            spec[key] = old_spec[key]
    if "statements_from" in old_spec and "statements_from" not in type_class.spec_properties:
        spec["statements_from"] = old_spec["statements_from"]
    if "screening" in old_spec and type_class.free_text:  # set in the survey file, not in the builder
        spec["screening"] = old_spec["screening"]
    return spec, problems


def field_of_place(place):
    """The setting a problem's place names: ``options.1.value`` is the ``options`` setting."""
    return (place or "").split(".")[0] or None


# JSON Schema's own wording, put plainly for the person writing the survey.
PLAIN_PROBLEMS = (
    ("does not match", _l("Codes use only lowercase letters, numbers and underscores (a statement's code "
                          "starts with a letter)")),
    ("is too short", _l("There are too few: a list of answers needs at least two")),
    ("is not one of", _l("Select one of the options")),
)


def plain_problem(message):
    """``message`` from an answer type's schema check, in plain English where it was technical."""
    for fragment, plain in PLAIN_PROBLEMS:
        if fragment in str(message):
            return plain
    return message
