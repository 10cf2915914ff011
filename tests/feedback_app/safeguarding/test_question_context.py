"""The submit path screens each answer beside its question (``services.safeguarding.prepare_answers``)."""

import copy
from pathlib import Path

import pytest
import yaml

from feedback_app.services.safeguarding import prepare_answers
from feedback_app.survey_definitions.loader import SurveyDefinitionError, definition_from_data

ALL_TYPES = Path(__file__).resolve().parents[2] / "fixtures" / "surveys" / "all-types.yaml"


def _definition(extra_question):
    data = yaml.safe_load(ALL_TYPES.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    data["pages"].append({"id": "trust", "questions": [extra_question]})
    return definition_from_data(data)


def _declared(kind="trusted_person", type_="long_text"):
    question = {"id": "trust_q", "type": type_, "text": {"en": "Anyone you could go to?", "cy": "Unrhyw un?"},
                "screening": kind}
    if type_ == "long_text":
        question["max_length"] = 500
    return question


WORDED = {"id": "trust_q", "type": "long_text", "max_length": 500,
          "text": {"en": "Who would you tell if something was wrong?", "cy": "Pwy fyddech chi'n ei ddweud wrtho?"}}
PLAIN = {"id": "trust_q", "type": "long_text", "max_length": 500,
         "text": {"en": "Anything else?", "cy": "Unrhyw beth arall?"}}


def _findings(definition, text):
    _stored, findings = prepare_answers(definition, [("trust_q", text, text, "en")])
    return findings


@pytest.mark.parametrize("question", [_declared(), WORDED], ids=["declared kind", "recognised wording"])
def test_a_person_named_answering_who_would_you_tell_raises_no_alert(question):
    assert _findings(_definition(question), "my mums boyfriend") == []


@pytest.mark.parametrize("question", [_declared(), WORDED], ids=["declared kind", "recognised wording"])
def test_a_disclosure_answering_who_would_you_tell_still_raises_an_alert(question):
    [finding] = _findings(_definition(question), "my dad, but he's the one who hits me")
    assert finding.question_id == "trust_q" and "physical_abuse" in finding.categories
    [finding] = _findings(_definition(question), "not my dad obvs hes the one who does it")
    assert finding.categories


def test_the_same_answer_to_another_question_is_screened_alone():
    [finding] = _findings(_definition(PLAIN), "my mums boyfriend")
    assert finding.categories


def test_the_declared_kind_is_validated():
    assert _definition(_declared()).question("trust_q").screening_kind == "trusted_person"
    assert _definition(PLAIN).question("trust_q").screening_kind is None
    with pytest.raises(SurveyDefinitionError):
        _definition(_declared(kind="favourite_colour"))


def test_only_free_text_questions_declare_a_screening_kind():
    question = {"id": "trust_q", "type": "yes_no", "text": {"en": "Would you tell?", "cy": "Fyddech chi?"},
                "screening": "trusted_person"}
    with pytest.raises(SurveyDefinitionError):
        _definition(question)
