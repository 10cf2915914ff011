"""A proposal's evidence, worked out from a theme run: every figure checked against the data."""

import pytest
from sqlalchemy import func, select

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.models import Answer, Response, Survey, ThemeAnswer
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit_evidence
from tests.feedback_app import audit_data

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def _count(run_id, theme_ids=None, audience=None):
    """Counted straight from the tables, independently of the code under test."""
    query = (select(func.count()).select_from(ThemeAnswer).join(Answer, Answer.id == ThemeAnswer.answer_id)
             .join(Response, Response.id == Answer.response_id).join(Survey, Survey.id == Response.survey_id)
             .where(ThemeAnswer.run_id == run_id, ThemeAnswer.non_answer.is_(False)))
    if theme_ids is not None:
        query = query.where(ThemeAnswer.theme_id.in_(theme_ids))
    if audience is not None:
        query = query.where(Survey.audience == audience)
    return db.session.scalar(query)


def test_figures_match_the_data_exactly(app):
    previous, current, themes = audit_data.two_runs()
    online = themes["Online safety"]

    evidence = audit_evidence.generate(current, [online])
    figures = evidence["figures"]

    # The data as written: 21 answers in the theme, 53 analysed (non-answers left out).
    assert _count(current.id, [online.id]) == 21 == figures["answers"]
    assert _count(current.id) == 53 == figures["analysed"]
    assert figures["share"] == round(100 * 21 / 53) == 40
    assert figures["themes"] == [{"id": online.id, "label": "Online safety"}]
    assert figures["audiences"] == [
        {"audience": "young_people", "label": "Young people", "answers": 15,
         "analysed": _count(current.id, audience="young_people"), "share": round(100 * 15 / 39)},
        {"audience": "practitioners", "label": "Practitioners", "answers": 6,
         "analysed": _count(current.id, audience="practitioners"), "share": round(100 * 6 / 14)},
    ]
    assert figures["audiences"][0]["analysed"] == 39 and figures["audiences"][1]["analysed"] == 14

    # Last year the matching theme ("Online worries", same number) had 6 of 20 answers.
    assert figures["trend"] == {"run_id": previous.id, "run_title": "Youth voice 2024", "labels": ["Online worries"],
                                "answers": 6, "analysed": 20, "share": 30, "change": 10}
    assert figures["quotes"] == ["People I don't know message me", "[name] sent me pictures",
                                 "Nobody checks the apps"]
    assert figures["indicators"] == []

    text = evidence["text"]
    assert text["summary"] == "21 of the 53 answers analysed in “Youth voice 2025” (40%) are about this."
    assert text["audiences"] == ["Young people: 15 of 39 answers (38%)", "Practitioners: 6 of 14 answers (43%)"]
    assert text["trend"] == ("In “Youth voice 2024” the matching theme (Online worries) had 6 answers (30%): "
                             "up 10 percentage points.")


def test_several_themes_are_counted_together_and_quotes_taken_in_turn(app):
    _previous, current, themes = audit_data.two_runs()
    chosen = [themes["Online safety"], themes["Youth workers"]]

    figures = audit_evidence.generate(current, chosen)["figures"]

    assert figures["answers"] == _count(current.id, [t.id for t in chosen]) == 39
    assert figures["share"] == round(100 * 39 / 53)
    assert [row["answers"] for row in figures["audiences"]] == [25, 14]
    assert figures["quotes"] == ["People I don't know message me", "More youth workers please",
                                 "[name] sent me pictures", "Nobody checks the apps"]
    # Both themes continue last year's: 6 + 14 of 20 then.
    assert figures["trend"]["answers"] == 20 and figures["trend"]["share"] == 100
    assert figures["trend"]["change"] == round(100 * 39 / 53) - 100


def test_small_numbers_are_suppressed(app):
    _previous, current, themes = audit_data.two_runs()

    evidence = audit_evidence.generate(current, [themes["Transport"]])

    figures = evidence["figures"]
    assert figures["answers"] is None and figures["share"] is None and figures["analysed"] == 53
    assert figures["audiences"] == []  # too few answers to break down
    assert figures["trend"] is None  # a new theme: nothing to compare with
    assert evidence["text"]["summary"] == ("How many of the 53 answers analysed in “Youth voice 2025” are about "
                                           "this is hidden, to protect a small group.")


def test_a_group_small_enough_to_subtract_is_hidden_too(app):
    audit_data.staff_survey()
    spec = [("Bullying", 0, None, False, {"all-types": 12, audit_data.STAFF_SLUG: 3}, ["Name calling"]),
            ("Other", 1, None, False, {"all-types": 20, audit_data.STAFF_SLUG: 9}, ["Other things"])]
    run, themes = audit_data.add_run("Small groups", spec)

    figures = audit_evidence.generate(run, [themes["Bullying"]])["figures"]

    # 15 in the theme is shown; practitioners' 3 is hidden, and so is young people's 12 (15 - 12 = 3).
    assert figures["answers"] == 15
    assert [(row["audience"], row["answers"]) for row in figures["audiences"]] == [
        ("young_people", None), ("practitioners", None)]


def test_linked_indicators_are_the_suppressed_closed_question_results(app, create_user):
    _previous, current, themes = audit_data.two_runs()
    survey = survey_queries.get_survey_by_slug("all-types")
    with queries.transaction():
        theme_queries.add_triangulation(themes["Online safety"].id, survey.id, "safe_school", None)

    [indicator] = audit_evidence.generate(current, [themes["Online safety"]])["figures"]["indicators"]

    answered = db.session.scalar(select(func.count()).select_from(Answer).join(Response)
                                 .where(Response.survey_id == survey.id, Answer.question_id == "safe_school"))
    assert indicator["survey"] == "all-types" and indicator["item_key"] == "safe_school"
    assert indicator["answered"] == answered
    fours = [row for row in indicator["rows"] if row["count"] == answered]
    assert len(fours) == 1 and fours[0]["percent"] == 100
    assert all(row["count"] == 0 for row in indicator["rows"] if row is not fours[0])
