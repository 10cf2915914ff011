"""Survey definitions: YAML files in surveys/, validated into frozen dataclasses."""

from feedback_app.survey_definitions.lists import fill_lists, needs_lists, with_lists
from feedback_app.survey_definitions.loader import (
    SurveyDefinitionError,
    content_hash,
    definition_from_data,
    load_file,
    survey_files,
)
from feedback_app.survey_definitions.model import Page, Question, SurveyDefinition
from feedback_app.survey_definitions.text import paragraphs, translate

__all__ = [
    "Page", "Question", "SurveyDefinition", "SurveyDefinitionError", "content_hash",
    "definition_from_data", "fill_lists", "load_file", "needs_lists", "paragraphs", "survey_files", "translate",
    "with_lists",
]
