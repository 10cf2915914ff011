"""A tampered form that repeats one option many times counts it once: one response, one vote per option."""

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer
from feedback_app.services import results
from tests.feedback_app import journey

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def test_an_option_repeated_2000_times_is_stored_once(client_request):
    repeated = {"worries": ["online"] * 2000 + ["bullying"]}
    journey.answer_all(client_request, overrides={"worries": repeated})
    journey.submit(client_request)
    value = db.session.scalar(select(Answer.value).where(Answer.question_id == "worries"))
    assert value == ["online", "bullying"]


def test_results_count_each_option_at_most_once_per_response(client_request):
    journey.answer_all(client_request)
    journey.submit(client_request)
    # A row stored with repeats (before this rule, or written by another route) still counts once.
    answer = db.session.scalar(select(Answer).where(Answer.question_id == "worries"))
    answer.value = ["bullying"] * 50 + ["online"]
    db.session.commit()
    from feedback_app.queries import surveys as survey_queries

    survey = survey_queries.get_survey_by_slug(journey.SLUG)
    [item] = [item for item in results.items_for(
        results.definition_of(survey_queries.get_latest_version(survey)), "en") if item.key == "worries"]
    counts, answered = results._count(item, [answer.value])
    assert answered == 1
    assert max(counts) == 1


def test_a_single_choice_sent_twice_keeps_one_value(client_request):
    """Guard (WTForms already takes the first): a single-valued field never stores a list."""
    journey.answer_all(client_request, overrides={"age": {"age_band": ["14_16", "11_13"]}})
    journey.submit(client_request)
    assert db.session.scalar(select(Answer.value).where(Answer.question_id == "age_band")) == "14_16"
