"""The audit of every breakdown taken together (``services.result_audit``), through the results service.

The case of ``test_suppression_linked.test_breakdowns_by_two_questions_together_are_protected`` on the fixture
survey: "Adults listen to me" (``a``) by age (``b1``) and by "told someone" (``b2``), threshold 3. ``a``'s first
answer with age 11 to 13 is 1 (hidden, small); ``a``'s first answer is 7, 6 of them answered "no", and no one
aged 11 to 13 answered "no", so the breakdown by "told someone" shown in full bounded it to 1, while "told
someone" by age was published. It no longer is (a breakdown question is not broken down).
"""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Response
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit_cache, result_audit, result_counts, results
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import reason, shown
from tests.feedback_app import journey, results_data

WHEN = datetime(2025, 5, 1, 12, tzinfo=UTC)
ROWS = [(None, None, None)] * 2 + [(None, None, 1), (None, 0, None), (None, 0, None), (1, None, None), (0, 0, 0)]
ROWS += [(0, 1, 1)] * 6


def _codes(definition, question_id):
    return [code for code, _label in definition.question(question_id).answer_type.choice_labels("en")]


@pytest.fixture
def survey(app, surveys_loaded):
    app.config["SUPPRESSION_THRESHOLD"] = 3
    audit_cache.clear_local()
    definition = definition_of(survey_queries.get_latest_version(results_data.survey()))
    agree, ages, told = (_codes(definition, q) for q in ("adults_listen", "age_band", "told_someone"))
    for number, (a, b1, b2) in enumerate(ROWS):
        results_data.add(1, {"adults_listen": None if a is None else agree[a],
                             "age_band": None if b1 is None else ages[b1],
                             "told_someone": None if b2 is None else ["yes", "no"][b2]}, when=WHEN, start=number)
    return results_data.survey(), told


def _table(found, key):
    return next(result for result in found.items if result.item.key == key).breakdown.table


def test_a_figure_once_bounded_by_two_breakdowns_together_is_safe_as_published(survey):
    """"Told someone" by age is the third table that bounded ``a``'s first answer aged 11 to 13 (1). The service
    does not publish it (a breakdown question is not broken down), so "adults listen" by "told someone" is shown
    in full and the small figure is still hidden: everything shown taken together lets it be 0 to 2 at least
    (``test_suppression_linked.test_what_the_service_publishes_of_the_same_responses_gives_nothing_away``)."""
    target, told = survey
    by_age = results.survey_results(target, year=2025, breakdown="age_band")
    assert reason(_table(by_age, "adults_listen").cells[0][0]) == "small"  # a's first answer, aged 11 to 13: 1
    told_item = next(result for result in by_age.items if result.item.key == "told_someone")
    assert told_item.breakdown is None and told_item.not_broken_down
    by_told = _table(results.survey_results(target, year=2025, breakdown="told_someone"), "adults_listen")
    assert by_told.cells[told.index("no")][0] == 6  # a's first answer, told no: hidden when told by age was shown
    # The same on the all-years page (one year) and on a second look (the audit cached).
    again = _table(results.survey_results(target, breakdown="told_someone"), "adults_listen")
    assert again.cells == by_told.cells


def _swap_told(first, second):
    """Swap two responses' answers to "told someone": every question's totals stay the same, the cross-tabs not."""
    answers = {number: db.session.scalars(
        select(Answer).join(Response).where(Response.reference == f"R2025{number:05d}",
                                            Answer.question_id == "told_someone")).one() for number in (first, second)}
    answers[first].value, answers[second].value = answers[second].value, answers[first].value
    db.session.commit()


def _audit(target):
    found = {}
    real = result_audit.suppression_audit.protect

    def spy(*args, **kwargs):
        found["run"] = True
        return real(*args, **kwargs)

    result_audit.suppression_audit.protect = spy
    try:
        tables = {key: _table(results.survey_results(target, year=2025, breakdown=key), "adults_listen").cells
                  for key in ("age_band", "told_someone")}
    finally:
        result_audit.suppression_audit.protect = real
    return tables, found.get("run", False)


def test_data_with_the_same_totals_but_other_cross_tabs_is_audited_again(survey):
    target, _told = survey
    before, ran = _audit(target)
    assert ran
    _swap_told(2, 6)  # (none, none, told no) and (a 0, aged 11 to 13, told yes) trade answers
    after, ran = _audit(target)
    assert ran  # not served the other data's audit
    audit_cache.clear_local()
    assert after == _audit(target)[0]


def _pages(target):
    """Every breakdown page's tables and year figures, for each period."""
    pages = {}
    for key in ("cohort", "age_band", "told_someone"):
        for year in (2025, None):
            found = results.survey_results(target, year=year, breakdown=key)
            pages[(key, year)] = (found.responses, found.year_counts, [
                (result.rows, result.total, result.breakdown.table if result.breakdown else None)
                for result in found.items])
    return pages


def test_a_new_years_first_response_is_withheld_and_nothing_is_stuck(survey, client_request, sign_in):
    """One response in a new year (2026) beside 2025's 13. Published, its responses (1) are a small group, so
    2025's (13) were hidden to protect them (14 in all shown), and with them every 2025 figure of every table:
    one response blanked the year before. Worse, the cohorts' sizes for 2025 (0, 0 and "No cohort" 13) were
    published as a distribution of their own and added up to 13 on every page by cohort, so 14 less 13 gave the
    new year's response away: the audit found every family with the cohorts stuck (before that, it hid all 614
    breakdown cells, ~10 s a page). Now a year with fewer than N responses is withheld from every table, all
    years included, and the page says so; the cohorts' sizes follow the period's responses as published."""
    target, _told = survey
    before = _pages(target)
    journey.answer_all(client_request, {"tell": {"told_someone": "no"}})
    journey.submit(client_request)
    captured = {}
    real = result_audit.suppression_audit.protect

    def spy(*args, **kwargs):
        captured["result"] = real(*args, **kwargs)
        return captured["result"]

    result_audit.suppression_audit.protect = spy
    audit_cache.clear_local()
    try:
        by_cohort = results.survey_results(target, year=2025, breakdown="cohort")
    finally:
        result_audit.suppression_audit.protect = real
    extra, stuck = captured["result"]
    assert stuck == set()
    assert by_cohort.withheld == [2026] and by_cohort.years == [2025]
    assert _pages(target) == before  # nothing about 2026 on any page, 2025's as they were
    assert by_cohort.responses == 13 and sum(len(cells) for cells in extra.values()) < 20
    new_year = results.survey_results(target, year=2026)
    assert reason(new_year.responses) == "small" and new_year.items == []
    sign_in("analyst")
    page = client_request.get("/staff/results/all-types?breakdown=cohort&year=2025")
    notice = page.select_one(".app-results-withheld")
    assert notice is not None and "2026" in notice.text and "fewer than" in notice.text
    page = client_request.get("/staff/results/all-types?year=2026")  # the year's own page: why, and no table
    assert "2026" in page.select_one(".app-results-withheld").text and page.select_one("main table") is None


def _family_counts(target, year, breakdown, keys):
    """The audit's responses per pattern for the family ``keys`` (an item, breakdowns), as the page runs it."""
    captured = {}
    real = result_audit.suppression_audit.protect

    def spy(years, counts, questions, limit, family_counts=None, **options):
        captured["counts"] = family_counts(list(keys))
        # Every respondent's answers (the sound pass) add up to the family's counts.
        order = [q.key for q in questions]
        summed = {}
        for pattern, n in options["everyone"]().items():
            key = (pattern[0], *(pattern[1 + order.index(k)] for k in keys))
            summed[key] = summed.get(key, 0) + n
        assert summed == captured["counts"]
        return real(years, counts, questions, limit, family_counts=family_counts, **options)

    result_audit.suppression_audit.protect = spy
    audit_cache.clear_local()
    try:
        found = results.survey_results(target, year=year, breakdown=breakdown)
    finally:
        result_audit.suppression_audit.protect = real
    return found, captured["counts"]


def test_answers_that_are_no_option_count_as_not_answering_in_the_tables_and_the_audit(survey, client_request,
                                                                                       sign_in):
    """Answers whose code is none of the question's options (an option since removed, or bad data): 4 responses
    answered "adults listen" with a retired code, 4 chose only a retired "worries" option and 3 a retired one
    beside "bullying". Before, the tables counted the first 4 among the people answering (while no answer's
    count held them, so a year's answers and not answering no longer added up to its responses) and the audit
    as not answering; the audit left the 4 "worries" responses out altogether. Now both count an answer with
    no known option as not answering, and an option that is not known as not chosen (said on the page)."""
    target, _told = survey
    results_data.add(4, {"adults_listen": "retired_code", "worries": ["retired_option"]}, when=WHEN, start=100)
    results_data.add(3, {"worries": ["bullying", "retired_option"]}, when=WHEN, start=200)
    found, counts = _family_counts(target, 2025, "age_band", ("adults_listen", "age_band", "cohort"))
    listen = next(result for result in found.items if result.item.key == "adults_listen")
    known = sum(figure for figure in (row.count for row in listen.rows) if shown(figure))
    assert listen.total == known == 7 + 1 + 3  # 13 of the first responses less 2 not answering, and the 3
    assert sum(n for (_y, answer, *_rest), n in counts.items() if answer is not None) == listen.total
    assert sum(counts.values()) == 13 + 7  # every response, once
    definition = definition_of(survey_queries.get_latest_version(target))
    item = next(item for item in results.items_for(definition, "en") if item.key == "adults_listen")
    [(cells, answered)] = result_counts.per_year(item, result_counts.load(target.id, {"adults_listen"}))
    assert answered == sum(cells) == listen.total  # the year's grid: answers and not answering add up
    found, counts = _family_counts(target, 2025, "age_band", ("worries", "age_band", "cohort"))
    worries = next(result for result in found.items if result.item.key == "worries")
    assert sum(counts.values()) == 13 + 7
    answering = sum(n for (_y, answer, *_rest), n in counts.items() if answer is not None)
    assert worries.total == answering == 13 + 3  # the fixture's 13 choose "bullying" and "online"; the 4 none
    assert worries.rows[0].count == 13 + 3
    sign_in("analyst")
    page = client_request.get("/staff/results/all-types?year=2025&breakdown=age_band")
    assert "an answer that is none of its options" in page.select_one("main").text


def test_the_audit_counts_a_grid_row_as_its_table_does(app, surveys_loaded, monkeypatch):
    """A grid's rows share one stored answer. Answers alike in one row and not in the others were each taken as
    a different answer of that row, and all but one of them lost, so the audit's counts disagreed with every
    table it checked: it found every hidden figure of the row pinned, hid nothing that helped, and took ten
    minutes on the demo's workforce survey."""
    results_data.add(4, {"services": {"police": "agree", "school": "agree"}}, when=WHEN)
    results_data.add(3, {"services": {"police": "agree", "school": "disagree"}}, when=WHEN, start=10)
    results_data.add(5, {"services": {"police": "disagree", "school": "agree"}}, when=WHEN, start=20)
    target = results_data.survey()
    seen = {}
    protect = result_audit.suppression_audit.protect

    def spy(years, counts, questions, limit, family_counts=None, **options):
        seen.update(questions=questions, family_counts=family_counts, everyone=options["everyone"]())
        return protect(years, counts, questions, limit, family_counts, **options)

    monkeypatch.setattr(result_audit.suppression_audit, "protect", spy)
    results.survey_results(target, year=2025, breakdown="age_band")
    assert {"services.police", "services.school"} <= {q.key for q in seen["questions"]}
    for row, expected in (("police", {"agree": 7, "disagree": 5}), ("school", {"agree": 9, "disagree": 3})):
        per_answer = {}
        for (_year, answer, *_groups), n in seen["family_counts"]([f"services.{row}", "age_band"]).items():
            per_answer[answer] = per_answer.get(answer, 0) + n
        codes = [code for code, _label in
                 definition_of(survey_queries.get_latest_version(target)).question("services").answer_type
                 .choice_labels("en")]
        assert {codes[a]: n for a, n in per_answer.items() if a is not None} == expected, row
        column = [q.key for q in seen["questions"]].index(f"services.{row}")
        per_answer = {}
        for pattern, n in seen["everyone"].items():  # every respondent's answers (the sound pass), alike
            per_answer[pattern[1 + column]] = per_answer.get(pattern[1 + column], 0) + n
        assert {codes[a]: n for a, n in per_answer.items() if a is not None} == expected, row
