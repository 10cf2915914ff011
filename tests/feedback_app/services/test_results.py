"""Results: counts per answer, opt-outs, breakdowns, years and completion, all suppressed."""

from datetime import UTC, datetime

import pytest

from feedback_app.services import results
from feedback_app.services.suppression import PROTECTED, SUPPRESSED
from tests.feedback_app import results_data

S = SUPPRESSED  # hidden: a small group
P = PROTECTED  # hidden: to protect a small group elsewhere
Y2024 = datetime(2024, 5, 1, 12, tzinfo=UTC)


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
    results_data.add(3, {"told_someone": "no"}, cohort="youth_forum", start=100)
    results_data.add(12, {"told_someone": "no"}, cohort="school_a", start=200)
    results_data.add(2, start=300)
    found = results.survey_results(survey, breakdown="cohort")
    told = _item(found, "told_someone")
    table = told.breakdown.table
    assert told.breakdown.groups == ["Youth forum", "School A", "No cohort"]
    # A small group is hidden whole, but for "don't know", which no one answered at all.
    assert table.cells[2] == [S, S, 0] and table.row_totals[2] is S
    assert table.cells[0][1] is S  # 3 "no" in the youth forum
    # Column "no": 3 + 12 = 15 is shown overall; the small group's hidden "no" (0) shares the 3. The youth
    # forum's 13 answering is shown, so its "yes" is hidden too: 3 can move to the small group's "no" while
    # a "yes" moves the other way (neither group's responses are shown).
    assert table.col_totals[1] == 15
    assert table.cells[2][1] is S and table.row_totals[0] == 13 and table.cells[0][0] is P
    # The totals row is exactly the overall figures on the page.
    assert table.col_totals == [row.count for row in told.rows]


def test_breakdown_by_a_single_choice_question(survey):
    results_data.add(10)
    results_data.add(10, {"age_band": "11_13"}, start=100)
    found = results.survey_results(survey, breakdown="age_band")
    told = _item(found, "told_someone")
    assert told.breakdown.groups[:2] == ["11 to 13", "14 to 16"]
    assert told.breakdown.table.cells[0][0] == 10
    assert _item(found, "age_band").breakdown is None


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
