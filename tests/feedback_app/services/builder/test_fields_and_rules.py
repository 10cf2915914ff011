"""Settings derived from each answer type's option schema; rule summaries; where a YAML problem is."""

import pytest

from feedback_app.answer_types import ANSWER_TYPES
from feedback_app.forms.builder import PROPERTY_LABELS, question_form_class
from feedback_app.services.builder import fields, rules, yaml_io
from feedback_app.survey_definitions import load_file
from tests.surveys.test_survey_files import FILES


@pytest.mark.parametrize("name", sorted(ANSWER_TYPES))
def test_every_option_of_every_type_has_a_field(app, name):
    type_class = ANSWER_TYPES[name]
    derived = {setting.name for setting in fields.settings_fields(type_class)}
    assert set(type_class.spec_properties) <= derived
    assert derived <= set(PROPERTY_LABELS)
    form = question_form_class(name)(meta={"csrf": False})
    assert {field.name for field in form} == derived


def test_a_new_option_in_a_schema_gets_a_field_without_a_form_being_written(app):
    class Slider(ANSWER_TYPES["rating"]):
        name = "slider"
        spec_properties = {**ANSWER_TYPES["rating"].spec_properties, "step": {"type": "integer", "minimum": 1}}

    setting = next(s for s in fields.settings_fields(Slider) if s.name == "step")
    assert (setting.kind, setting.minimum) == ("integer", 1)


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_every_question_in_surveys_goes_through_its_form_unchanged(app, path):
    messages = {"number": "n", "whole": "w", "mapping": "m"}
    for question in load_file(path).questions:
        type_class = ANSWER_TYPES[question.type]
        values = {s.name: fields.to_form(s, question.spec) for s in fields.settings_fields(type_class)}
        values = {key: ("y" if value is True else value) for key, value in values.items() if value is not False}
        spec, problems = fields.spec_from_form(type_class, values, question.spec, messages)
        assert problems == []
        assert spec == question.spec, (path.stem, question.id)


def test_rule_summaries_in_plain_english(app):
    data = load_file(FILES[[p.stem for p in FILES].index("youth-voice")]).data
    with app.test_request_context():
        assert rules.summary({"question": "safe_home", "in": [2, 1]}, data) == (
            "Shown only if ‘How safe do you feel at home?’ is ‘A bit unsafe’ or ‘Very unsafe’")
        assert rules.summary({"any": [{"question": "safe_home", "equals": 1},
                                      {"question": "safe_area", "equals": 1}]}, data) == (
            "Shown only if ‘How safe do you feel at home?’ is ‘Very unsafe’ or "
            "‘How safe do you feel out and about where you live?’ is ‘Very unsafe’")
        assert rules.summary(None, data) is None


def test_a_problem_is_placed_on_its_line():
    text = "slug: x\ntitle: X\npages:\n  - id: one\n    questions:\n      - id: q\n        max: 1\n"
    assert yaml_io.line_of(text, "pages[0].questions[0].max") == 7
    assert yaml_io.line_of(text, "pages[0].questions[0].min") == 6
    assert yaml_io.line_of(text, "title") == 2


def test_a_declared_screening_kind_survives_an_edit_in_the_builder(app):
    """``screening: trusted_person`` is set in the survey file; saving the question's settings keeps it."""
    type_class = ANSWER_TYPES["long_text"]
    old = {"id": "trust", "type": "long_text", "text": {"en": "Anyone you could go to?"}, "max_length": 500,
           "screening": "trusted_person"}
    values = {s.name: fields.to_form(s, old) for s in fields.settings_fields(type_class)}
    values = {key: value for key, value in values.items() if value is not False}
    spec, problems = fields.spec_from_form(type_class, values, old, {"number": "n", "whole": "w", "mapping": "m"})
    assert problems == [] and spec["screening"] == "trusted_person"
