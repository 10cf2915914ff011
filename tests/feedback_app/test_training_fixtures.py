"""Shared set-up for the training tests: the real training forms, a course, a session, answers.

Import the fixtures you need from here (``from tests.feedback_app.test_training_fixtures import ...``).
"""

import secrets
from datetime import date
from pathlib import Path

import pytest

from feedback_app import queries
from feedback_app.queries import responses as response_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import training as training_queries
from feedback_app.services import survey_loader, training
from feedback_app.services.training_pairing import STAGE_SURVEYS
from feedback_app.survey_definitions import load_file

SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
TEXT_QUESTIONS = {"hopes", "do_differently", "practice_example", "difference_example", "barriers_detail"}
OBJECTIVES = "Spot the signs of neglect\nUse the neglect screening tool"


def load_training_surveys():
    with queries.transaction():
        for slug in STAGE_SURVEYS.values():
            path = SURVEYS / f"{slug}.yaml"
            survey_loader.load_definition(load_file(path), path.name)


@pytest.fixture
def training_surveys(app):
    load_training_surveys()


def make_course(owner, title="Neglect: recognise and respond", objectives=OBJECTIVES):
    return training.create_course(owner, title, objectives, [])


def make_session(owner, course, held_on=date(2026, 3, 5), attendance=None):
    return training.add_session(owner, course, held_on, "in_person", "Town Hall", attendance)


def add_response(session, stage, pairing_hash, answers):
    """Store a submitted response to ``stage`` of ``session`` as the journey would."""
    survey = survey_queries.get_survey_by_slug(STAGE_SURVEYS[stage])
    version = survey_queries.get_latest_version(survey)
    rows = [(qid, value, value if qid in TEXT_QUESTIONS else None, "en" if qid in TEXT_QUESTIONS else None)
            for qid, value in answers.items()]
    with queries.transaction():
        response = response_queries.add_response(secrets.token_hex(4).upper(), survey.id, version.id, None, None,
                                                 "en", rows)
        training_queries.add_response_link(response.id, session.id, stage, pairing_hash)
    return response

