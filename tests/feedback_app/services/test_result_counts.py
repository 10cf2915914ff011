"""Results counted in SQL (GROUP BY) hand the suppression engine the tables counting every response in
Python gives: same per-year counts, same breakdown cells, answered and group sizes, same suppressed tables.

Random responses (hypothesis) to the all-types survey: two years with responses at the year's edges,
cohorts or none, every closed question answered, skipped or answered oddly (unknown codes, JSON null,
a multiple-choice option sent twice, a grid with a statement missing, numbers outside the range), and
answers held back for safeguarding review (left out) or released (counted).
"""

from collections import Counter
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.models import AlertStatus, Answer, Response, SafeguardingAlert
from feedback_app.queries import demo as demo_queries
from feedback_app.queries import results as result_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import result_counts, result_tables, results
from feedback_app.services.journey import definition_of
from tests.feedback_app import results_data

MOMENTS = [datetime(2024, 1, 1, tzinfo=UTC), datetime(2024, 6, 1, 12, tzinfo=UTC),
           datetime(2024, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC),
           datetime(2025, 3, 9, 8, tzinfo=UTC), datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC)]
ODD = st.sampled_from(["zzz", None, 7, ""])
VALUES = {
    "age_band": st.one_of(st.sampled_from(["11_13", "14_16", "17_18", "prefer_not_to_say"]), ODD),
    "worries": st.one_of(st.lists(st.sampled_from(["bullying", "online", "money", "none", "zzz"]), max_size=5),
                         st.sampled_from([None, "zzz"])),
    "safe_school": st.one_of(st.integers(1, 5), st.just("dont_know"), ODD),
    "adults_listen": st.one_of(st.sampled_from(["strongly_agree", "agree", "disagree", "dont_know"]), ODD),
    "services": st.one_of(st.dictionaries(st.sampled_from(["police", "school"]),
                                          st.sampled_from(["agree", "disagree", "dont_know", "zzz"])), ODD),
    "sessions": st.one_of(st.integers(-3, 60), st.floats(0, 50, allow_nan=False), ODD),
    "told_someone": st.one_of(st.sampled_from(["yes", "no", "dont_know"]), ODD),
}
BREAKDOWNS = ("cohort", "age_band", "told_someone")
ANSWER = st.fixed_dictionaries({}, optional={qid: values for qid, values in VALUES.items()})
RESPONSE = st.tuples(st.sampled_from(range(len(MOMENTS))), st.sampled_from([None, "youth_forum", "school_a"]),
                     ANSWER, st.sets(st.sampled_from(sorted(VALUES)), max_size=2),
                     st.sampled_from([AlertStatus.new, AlertStatus.referred, AlertStatus.no_concern]))


def _store(survey, drawn):
    db.session.execute(delete(SafeguardingAlert))
    db.session.execute(delete(Answer))
    db.session.execute(delete(Response))
    version = survey_queries.get_latest_version(survey)
    cohorts = {code: survey_queries.get_cohort_by_code(survey, code).id for code in ("youth_forum", "school_a")}
    rows = [(f"P{number:06d}", cohorts.get(cohort), MOMENTS[moment] + timedelta(microseconds=number),
             [(qid, value, None, None) for qid, value in answers.items()])
            for number, (moment, cohort, answers, _flagged, _status) in enumerate(drawn)]
    with queries.transaction():
        stored = demo_queries.add_responses(survey.id, version.id, "en", rows)
        for response, (_m, _c, answers, flagged, status) in zip(stored, drawn, strict=True):
            for qid in sorted(flagged & set(answers)):
                db.session.add(SafeguardingAlert(response_id=response.id, survey_id=survey.id, question_id=qid,
                                                 original_text="", status=status, due_at=MOMENTS[0]))


def _python_counts(survey):
    """The counting ``services.results`` did before it moved to SQL: every response and answer in Python."""
    responses = result_queries.list_responses(survey.id)
    answers = {(rid, qid): value for rid, qid, value, _t in result_queries.list_answers(survey.id)}
    year_of = {r.id: r.submitted_at.astimezone(UTC).year for r in responses}
    return responses, answers, year_of


def _python_groups(key, survey, definition, responses, answers):
    if key == "cohort":
        index = {c.id: i for i, c in enumerate(result_queries.list_cohorts(survey.id))}
        return len(index) + 1, {r.id: index.get(r.cohort_id, len(index)) for r in responses}
    choices = [code for code, _label in definition.question(key).answer_type.choice_labels("en")]
    return len(choices) + 1, {r.id: choices.index(str(answers.get((r.id, key))))
                              if str(answers.get((r.id, key))) in choices else len(choices) for r in responses}


def _python_breakdown(item, width, group_of, ids, answers):
    cells, answered, sizes = [[0] * len(item.options) for _g in range(width)], [0] * width, [0] * width
    codes_index = {code: i for i, (code, _l, _o) in enumerate(item.options)}
    for rid in ids:
        sizes[group_of[rid]] += 1
        codes = item.codes_of(answers[(rid, item.question_id)]) if (rid, item.question_id) in answers else []
        answered[group_of[rid]] += bool(codes)
        for code in codes:
            if code in codes_index:
                cells[group_of[rid]][codes_index[code]] += 1
    return cells, answered, sizes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=st.lists(RESPONSE, max_size=30))
def test_sql_counts_equal_python_counts(app, surveys_loaded, drawn):
    survey = results_data.survey()
    _store(survey, drawn)
    definition = definition_of(survey_queries.get_latest_version(survey))
    responses, answers, year_of = _python_counts(survey)
    years = sorted(set(year_of.values()))
    values = {}
    for (_rid, qid), value in answers.items():
        values.setdefault(qid, []).append(value)
    items = results.items_for(definition, "en", values)
    counts = result_counts.load(survey.id, {item.question_id for item in items}, limit=1)  # (no year withheld)
    assert counts.years == years
    assert counts.year_sizes == Counter(year_of.values())
    assert [item.options for item in results.items_for(definition, "en", counts.values())] == \
        [item.options for item in items]

    sizes = [counts.year_sizes[y] for y in years]
    python_grids = {}
    for item in items:
        python_years = [results._count(item, [v for (rid, qid), v in answers.items()
                                              if qid == item.question_id and year_of[rid] == y]) for y in years]
        assert result_counts.per_year(item, counts) == python_years, item.key
        if years:
            # The tables the engine returns from either set of counts are the same.
            published = result_tables.responses(sizes)
            python_grids[item.key] = result_tables.years_grid(python_years, sizes, *published, item.additive)
            assert result_tables.years_grid(result_counts.per_year(item, counts), sizes, *published,
                                            item.additive) == python_grids[item.key]

    # The pages withhold a year with fewer than N responses (the test below); compared here only without one.
    withheld = result_counts.load(survey.id, set()).withheld
    for key in BREAKDOWNS:
        by_key = result_counts.load(survey.id, {item.question_id for item in items},
                                    None if key == "cohort" else key, limit=1)
        width, group_of = _python_groups(key, survey, definition, responses, answers)
        labels, sql_group_of = results._breakdown_groups(key, definition, result_queries.list_cohorts(survey.id),
                                                         "en")
        assert len(labels) == width
        for year in [*years, None]:
            ids = [r.id for r in responses if year is None or year_of[r.id] == year]
            for item in items:
                assert result_counts.by_group(item, by_key, sql_group_of, width, year) == \
                    _python_breakdown(item, width, group_of, ids, answers), (key, year, item.key)
        if years and not withheld:
            year = years[-1]
            found = results.survey_results(survey, year=year, breakdown=key)
            ids = [r.id for r in responses if year_of[r.id] == year]
            for result in found.items:
                if result.breakdown is None:
                    continue
                cells, answered, group_sizes = _python_breakdown(result.item, width, group_of, ids, answers)
                table = results.breakdown_table(result.item, key, years.index(year), python_grids, cells, answered,
                                                group_sizes)
                assert result.breakdown.table == table, (key, result.item.key)


def test_a_year_with_fewer_than_n_responses_is_withheld_from_every_count(app, surveys_loaded):
    """Found with one response in a new year: published, its responses are a small group and the year before's
    are hidden to protect them (all years less the other years), with every figure of that year. A year with
    1 to N-1 responses is left out of every count, all years included, until it has N; a year with N is not."""
    app.config["SUPPRESSION_THRESHOLD"] = 3
    results_data.add(3, when=datetime(2025, 5, 1, tzinfo=UTC))
    results_data.add(2, when=datetime(2026, 1, 2, tzinfo=UTC), start=10)
    counts = result_counts.load(results_data.survey().id, {"adults_listen"})
    assert (counts.years, counts.withheld, counts.span) == ([2025], [2026], [2025, 2026])
    assert counts.year_sizes == Counter({2025: 3})
    assert {row[0] for row in counts.groups} == {2025} and {row[1] for row in counts.answers["adults_listen"]} == {2025}
    results_data.add(1, when=datetime(2026, 1, 3, tzinfo=UTC), start=20)
    counts = result_counts.load(results_data.survey().id, {"adults_listen"})
    assert (counts.years, counts.withheld) == ([2025, 2026], [])


def test_the_all_years_completion_leaves_out_a_withheld_years_drafts(app, surveys_loaded):
    """The all-years page counts no response of a withheld year; its completion rate and its "not finished"
    count must leave out that year's unfinished drafts too, or the rate mixes two populations."""
    app.config["SUPPRESSION_THRESHOLD"] = 3
    results_data.add(4, when=datetime(2025, 5, 1, tzinfo=UTC))
    results_data.add_drafts(1, when=datetime(2025, 5, 2, tzinfo=UTC))
    results_data.add(2, when=datetime(2026, 1, 2, tzinfo=UTC), start=10)  # 2026: withheld (fewer than 3)
    results_data.add_drafts(3, when=datetime(2026, 1, 3, tzinfo=UTC))
    found = results.survey_results(results_data.survey(), None, None)
    assert found.withheld == [2026]
    assert (found.responses, found.drafts, found.completion) == (4, 1, 80)
