"""Lists filled in when a survey is answered (a grid's ``statements_from``), and the training forms' wording."""

import copy
from pathlib import Path

import pytest

from feedback_app.survey_definitions import (
    SurveyDefinitionError,
    definition_from_data,
    fill_lists,
    load_file,
    needs_lists,
    with_lists,
)
from tests.surveys.test_survey_files import MIN_READING_EASE, flesch_reading_ease, reading_text, textstat_reading_ease

SURVEYS = Path(__file__).resolve().parents[3] / "surveys"
TRAINING = ("training-before", "training-after", "training-followup")
OBJECTIVES = [{"id": "o1", "text": "Spot the signs of neglect"}, {"id": "o2", "text": "Use the screening tool"}]


def _survey(**grid):
    question = {"id": "confidence", "type": "grid", "text": "How sure are you?", "scale": "rating", **grid}
    return {"slug": "x", "title": "X", "audience": "training", "pages": [{"id": "p", "questions": [question]}]}


def test_a_grid_takes_its_statements_from_a_list():
    definition = definition_from_data(_survey(statements_from="learning_objectives"))
    assert needs_lists(definition.data) == ["learning_objectives"]
    assert definition.question("confidence").answer_type.statements("en") == []
    filled = with_lists(definition, {"learning_objectives": OBJECTIVES})
    assert filled.question("confidence").answer_type.statements("en") == [
        ("o1", "Spot the signs of neglect"), ("o2", "Use the screening tool")]
    assert needs_lists(filled.data) == []
    assert "statements_from" in definition.data["pages"][0]["questions"][0], "the original is unchanged"
    assert with_lists(definition, None) is definition


def test_one_objective_is_enough():
    data = fill_lists(_survey(statements_from="learning_objectives"), {"learning_objectives": OBJECTIVES[:1]})
    assert definition_from_data(data).question("confidence").answer_type.statements("en") == [
        ("o1", "Spot the signs of neglect")]


@pytest.mark.parametrize("grid, place", [
    ({"statements_from": "learning_objectives", "statements": OBJECTIVES}, "statements"),
    ({}, "statements"),
    ({"statements_from": "agencies"}, "statements_from"),
])
def test_a_grid_needs_exactly_one_source_of_statements(grid, place):
    with pytest.raises(SurveyDefinitionError) as error:
        definition_from_data(_survey(**grid))
    assert error.value.place.startswith("pages[0]")
    assert place in str(error.value)


def test_a_filled_list_is_validated_again():
    bad = [{"id": "O 1", "text": "Spot the signs"}]
    with pytest.raises(SurveyDefinitionError):
        with_lists(definition_from_data(_survey(statements_from="learning_objectives")),
                   {"learning_objectives": bad})


@pytest.mark.parametrize("slug", TRAINING)
def test_training_forms_fill_in_objectives_and_read_easily(slug):
    definition = load_file(SURVEYS / f"{slug}.yaml")
    assert needs_lists(definition.data) == ["learning_objectives"]
    filled = with_lists(definition, {"learning_objectives": copy.deepcopy(OBJECTIVES)})
    text = reading_text(filled)
    assert flesch_reading_ease(text) >= MIN_READING_EASE
    assert textstat_reading_ease(text) >= MIN_READING_EASE
    for key in ("start.purpose", "start.privacy", "confirmation.body"):
        assert flesch_reading_ease(definition.text(key, "en")) >= MIN_READING_EASE, key
