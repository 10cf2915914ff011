"""Results: counts per answer, opt-outs, breakdowns, years and completion, all suppressed."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from feedback_app.services import results
from feedback_app.services.suppression import PROTECTED, SUPPRESSED
from tests.feedback_app import results_data

S = SUPPRESSED  # hidden: a small group
P = PROTECTED  # hidden: to protect a small group elsewhere
Y2024 = datetime(2024, 5, 1, 12, tzinfo=UTC)
Y2025 = datetime(2025, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def survey(app, surveys_loaded):
    return results_data.survey()


def _item(found, key):
    return next(result for result in found.items if result.item.key == key)


def _figures(result):
    return {row.code: row.count for row in result.rows}


def test_counts_percentages_and_opt_outs(survey):
    results_data.add(12)
    results_data.add(8, {"age_band": "11_13", "safe_school": "dont_know"}, start=100)
    found = results.survey_results(survey)
    assert found.responses == 20
    age = _item(found, "age_band")
    assert _figures(age) == {"11_13": 8, "14_16": 12, "17_18": 0, "prefer_not_to_say": 0}
    assert [row.percent for row in age.rows] == [40, 60, 0, 0]
    assert age.total == 20
    assert [row.opt_out for row in age.rows] == [False, False, False, True]
    safe = _item(found, "safe_school")
    assert _figures(safe)["dont_know"] == 8 and _figures(safe)["4"] == 12


def test_every_closed_type_is_counted(survey):
    results_data.add(10)
    found = results.survey_results(survey)
    keys = [result.item.key for result in found.items]
    assert keys == ["age_band", "worries", "safe_school", "adults_listen", "services.police", "services.school",
                    "sessions", "told_someone"]
    assert _figures(_item(found, "worries")) == {"bullying": 10, "online": 10, "money": 0, "none": 0}
    assert _figures(_item(found, "services.school"))["dont_know"] == 10
    assert _figures(_item(found, "sessions")) == {"0–10": 0, "11–21": 10, "22–32": 0, "33–43": 0, "44–50": 0}


def test_small_counts_are_suppressed_with_their_complement(survey):
    results_data.add(20)
    results_data.add(3, {"told_someone": "no"}, start=100)
    found = results.survey_results(survey)
    told = _item(found, "told_someone")
    assert _figures(told) == {"yes": P, "no": S, "dont_know": 0}
    assert told.total == 23
    assert [row.percent for row in told.rows[:2]] == [P, S]


def test_cohort_breakdown_hides_small_groups_and_cannot_be_subtracted(survey):
    results_data.add(10, cohort="youth_forum")
    results_data.add(3, {"adults_listen": "disagree"}, cohort="youth_forum", start=100)
    results_data.add(12, {"adults_listen": "disagree"}, cohort="school_a", start=200)
    results_data.add(2, start=300)
    found = results.survey_results(survey, breakdown="cohort")
    listen = _item(found, "adults_listen")
    table = listen.breakdown.table
    assert listen.breakdown.groups == ["Youth forum", "School A", "No cohort"]
    # A small group is hidden whole, but for the answers no one gave at all.
    assert table.cells[2] == [0, S, 0, S, 0, 0, 0] and table.row_totals[2] is S
    assert table.cells[0][3] is S  # 3 "disagree" in the youth forum
    # Column "disagree": 3 + 12 = 15 is shown overall; the small group's hidden "disagree" (0) shares the 3. The
    # youth forum's 13 answering is shown, so its "agree" is hidden too: 3 can move to the small group's
    # "disagree" while an "agree" moves the other way (neither group's responses are shown).
    assert table.col_totals[3] == 15
    assert table.cells[2][3] is S and table.row_totals[0] == 13 and table.cells[0][1] is P
    # The totals row is exactly the overall figures on the page.
    assert table.col_totals == [row.count for row in listen.rows]
    # "Told someone" is a breakdown question (yes/no): never broken down itself.
    told = _item(found, "told_someone")
    assert told.breakdown is None and told.not_broken_down


def test_breakdown_by_a_single_choice_question(survey):
    results_data.add(10)
    results_data.add(10, {"age_band": "11_13"}, start=100)
    found = results.survey_results(survey, breakdown="age_band")
    listen = _item(found, "adults_listen")
    assert listen.breakdown.groups[:2] == ["11 to 13", "14 to 16"]
    assert listen.breakdown.table.cells[0][1] == 10
    assert _item(found, "age_band").breakdown is None and not _item(found, "age_band").not_broken_down
    assert _item(found, "told_someone").breakdown is None and _item(found, "told_someone").not_broken_down


def test_years_compared_and_a_breakdown_needs_a_year(survey):
    results_data.add(10, when=Y2024)
    results_data.add(6, {"told_someone": "no"}, when=Y2024, start=100)
    results_data.add(20)
    found = results.survey_results(survey, breakdown="cohort")
    assert found.years == [2024, 2025]
    assert found.breakdown_refused and found.breakdown_key is None
    told = _item(found, "told_someone")
    assert told.year_table.cells == [[10, 6, 0], [20, 0, 0]]
    one_year = results.survey_results(survey, year=2024)
    assert one_year.responses == 16
    assert _figures(_item(one_year, "told_someone")) == {"yes": 10, "no": 6, "dont_know": 0}
    assert _item(one_year, "told_someone").year_table is None


def test_a_year_figure_hidden_in_the_comparison_is_hidden_in_that_year_too(survey):
    results_data.add(20, when=Y2024)
    results_data.add(3, {"told_someone": "no"}, when=Y2024, start=100)
    results_data.add(20)
    results_data.add(9, {"told_someone": "no"}, start=100)
    comparison = _item(results.survey_results(survey), "told_someone").year_table
    year_2025 = _figures(_item(results.survey_results(survey, year=2025), "told_someone"))
    assert comparison.cells[0][1] is S
    assert comparison.cells[1][1] is P  # else 12 - 9 would give the 3 away
    assert year_2025["no"] is P


def test_completion_rate_counts_unsubmitted_drafts(survey):
    results_data.add(15)
    results_data.add_drafts(5)
    results_data.add_drafts(7, when=Y2024)
    found = results.survey_results(survey, year=2025)
    assert found.drafts == 5
    assert found.completion == 75


def test_empty_survey(survey):
    found = results.survey_results(survey)
    assert found.responses == 0
    assert found.years == []
    assert _item(found, "told_someone").total == 0


def test_overview_counts_responses(survey):
    results_data.add(7)
    assert dict((s.slug, n) for s, n in results.overview())["all-types"] == 7


@pytest.fixture
def real_surveys(runner):
    """The surveys the service ships (``surveys/``), not the fixtures."""
    directory = Path(__file__).resolve().parents[3] / "surveys"
    result = runner.invoke(args=["surveys", "load", "--directory", str(directory)])
    assert result.exit_code == 0, result.output


def test_only_questions_about_the_respondent_break_results_down(app, real_surveys):
    """Results are broken down by the questions marked ``breakdown: true`` (about the respondent) and the cohorts;
    a single-choice or yes/no question that is not marked ("do you know where to get help?", "how well do you
    know the threshold document?") is an item like any other, broken down by them, not a breakdown."""
    from feedback_app.queries import surveys as survey_queries
    from feedback_app.services.journey import definition_of

    def definition(slug):
        return definition_of(survey_queries.get_latest_version(survey_queries.get_survey_by_slug(slug)))

    youth, workforce = definition("youth-voice"), definition("workforce")
    assert results.breakdown_ids(youth) == ["age_band", "gender", "has_support"]
    assert [key for key, _label in results.breakdown_choices(youth, "en")] == ["cohort", "age_band", "gender",
                                                                               "has_support"]
    assert results.breakdown_ids(workforce) == ["agency", "role_level", "years_in_role"]
    assert youth.question("know_where_help").type == "yes_no"
    assert workforce.question("threshold_knowledge").type == "single_choice"


def test_a_question_not_marked_as_a_breakdown_is_broken_down_by_those_that_are(app, real_surveys):
    from feedback_app import queries
    from feedback_app.queries import demo as demo_queries
    from feedback_app.queries import surveys as survey_queries

    target = survey_queries.get_survey_by_slug("youth-voice")
    version = survey_queries.get_latest_version(target)

    def rows(count, start, answers):
        return [(f"Y{start + n:05d}", None, Y2025, [(qid, value, None, None) for qid, value in answers.items()])
                for n in range(count)]

    with queries.transaction():
        demo_queries.add_responses(target.id, version.id, "en",
                                   rows(12, 0, {"know_where_help": "yes", "age_band": "13_15", "gender": "girl"})
                                   + rows(8, 100, {"know_where_help": "no", "age_band": "16_18", "gender": "boy"}))
    found = results.survey_results(target, breakdown="age_band")
    know = _item(found, "know_where_help")
    assert not know.not_broken_down
    groups = know.breakdown.groups
    cells = dict(zip(groups, know.breakdown.table.cells, strict=True))
    assert cells["13 to 15"][0] == 12 and cells["16 to 18"][1] == 8
    gender = _item(found, "gender")  # a breakdown question: its own table only
    assert gender.breakdown is None and gender.not_broken_down
    assert [row.count for row in gender.rows][:2] == [12, 8]
