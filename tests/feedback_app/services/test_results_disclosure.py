"""The contradictions found on the demo data (issue 19), on fixed data through the results service.

Every page the service can produce for a question (all years, each year, year
on year, each year broken down by cohort and by age) is taken together: no
figure shown differs from the truth or between pages, nothing marked as a small
group is 5 or more, and no hidden figure can be worked out from the rest.
"""

from datetime import UTC, datetime

import pytest

from feedback_app.services import results
from feedback_app.services.suppression import reason, shown
from tests.feedback_app import results_data
from tests.feedback_app.services.test_suppression_properties import Published

Y2025 = datetime(2025, 5, 1, 12, tzinfo=UTC)
Y2026 = datetime(2026, 5, 1, 12, tzinfo=UTC)
BREAKDOWNS = ("cohort", "age_band")


@pytest.fixture
def survey(app, surveys_loaded):
    add = results_data.add
    # 2025: a small "disagree" (3) beside larger figures.
    add(20, when=Y2025, cohort="youth_forum")
    add(3, {"adults_listen": "disagree"}, when=Y2025, start=100)
    add(9, {"adults_listen": "dont_know"}, when=Y2025, cohort="school_a", start=200)
    # 2026: 22 "disagree" spread over groups of 8, 7 and 7 (the groups that once bounded a hidden figure), 2 "don't
    # know".
    add(25, when=Y2026, cohort="school_a")
    add(8, {"adults_listen": "disagree", "age_band": "11_13"}, when=Y2026, cohort="youth_forum", start=100)
    add(7, {"adults_listen": "disagree", "age_band": "14_16"}, when=Y2026, cohort="school_a", start=200)
    add(7, {"adults_listen": "disagree", "age_band": "17_18"}, when=Y2026, start=300)
    add(2, {"adults_listen": "dont_know"}, when=Y2026, cohort="youth_forum", start=400)
    return results_data.survey()


def _item(found, key):
    return next(result for result in found.items if result.item.key == key)


def _pages(survey, key):
    """``{(year, breakdown): ItemResult}`` of every page showing the item."""
    pages = {(None, None): _item(results.survey_results(survey), key)}
    for year in (2025, 2026):
        pages[(year, None)] = _item(results.survey_results(survey, year=year), key)
        for breakdown in BREAKDOWNS:
            pages[(year, breakdown)] = _item(results.survey_results(survey, year=year, breakdown=breakdown), key)
    return pages


def _published(survey, app, key):
    app.config["SUPPRESSION_THRESHOLD"] = 1  # nothing hidden: the true figures
    try:
        truth = _pages(survey, key)
    finally:
        app.config["SUPPRESSION_THRESHOLD"] = 5
    pages = _pages(survey, key)
    years = [2025, 2026]
    published = Published()
    width = len(pages[(None, None)].rows)
    margin = [("all", c) for c in range(width + 1)]
    whole = pages[(None, None)]
    true_whole = truth[(None, None)]
    published.table("years", whole.year_table, _truth(true_whole.year_table), margin, True)
    for (year, breakdown), page in pages.items():
        true_page = truth[(year, breakdown)]
        keys = margin if year is None else [("years", years.index(year), c) for c in range(width + 1)]
        for c, (row, true_row) in enumerate(zip(page.rows, true_page.rows, strict=True)):
            published.add(keys[c], true_row.count, row.count)
        published.add(keys[width], true_page.total, page.total)
        if breakdown:
            published.table(("breakdown", breakdown, year), page.breakdown.table,
                            _truth(true_page.breakdown.table), keys, True)
    return published, pages


def _truth(table):
    return table.cells, table.row_totals, table.col_totals, table.total


def test_every_page_of_a_question_together_is_consistent_and_gives_nothing_away(survey, app):
    published, _pages = _published(survey, app, "adults_listen")
    published.check(5)


def test_a_figure_hidden_to_protect_another_is_not_called_small(survey, app):
    published, _pages = _published(survey, app, "adults_listen")
    protected = [(key, true) for key, (true, shown_as) in published.figures.items() if reason(shown_as) == "protect"]
    assert protected, "the fixed data has figures hidden to protect others"
    assert all(reason(shown_as) != "small" or true < 5 for true, shown_as in published.figures.values())
    assert any(true >= 5 for _key, true in protected)


def test_a_column_hidden_for_the_year_is_hidden_in_every_breakdown_of_it(survey, app):
    _published_figures, pages = _published(survey, app, "adults_listen")
    for year in (2025, 2026):
        hidden = [c for c, row in enumerate(pages[(year, None)].rows) if not shown(row.count)]
        for breakdown in BREAKDOWNS:
            table = pages[(year, breakdown)].breakdown.table
            for c in hidden:  # (a group of no one shows its zeros)
                assert not any(shown(cells[c]) and cells[c] for cells in table.cells), (year, breakdown, c)


def test_a_group_shown_with_answers_never_has_a_small_total(survey, app):
    _published_figures, pages = _published(survey, app, "adults_listen")
    for (_year, breakdown), page in pages.items():
        if not breakdown:
            continue
        table = page.breakdown.table
        for cells, total in zip(table.cells, table.row_totals, strict=True):
            if reason(total) == "small":
                assert not any(shown(c) and c >= 5 for c in cells)


def test_no_group_shows_more_than_its_all_figure_nor_5_or_more_under_a_small_one(survey, app):
    """"All: I don't know, fewer than 5" once sat beside one breakdown group alone showing 8."""
    _published_figures, pages = _published(survey, app, "adults_listen")
    for (year, breakdown), page in pages.items():
        if not breakdown:
            continue
        table = page.breakdown.table
        assert table.col_totals == [row.count for row in page.rows] and table.total == page.total
        for c, whole in enumerate(table.col_totals):
            column = [cells[c] for cells in table.cells if shown(cells[c])]
            if reason(whole) == "small":
                assert all(count < 5 for count in column), (year, breakdown, c)
            if shown(whole):
                assert sum(column) <= whole, (year, breakdown, c)
        for cells, people in zip(table.cells, table.row_totals, strict=True):
            if shown(people):
                assert sum(c for c in cells if shown(c)) <= people


def test_the_printable_report_shows_the_figures_of_the_page(survey, app, client_request, sign_in):
    """The Board's printable report once repeated the page's contradictions: it shows the same figures."""
    results.warm_audit(survey.id)  # the background job (no page works the audit of breakdowns out)
    sign_in("analyst")
    for query in ("", "?year=2026", "?year=2026&breakdown=age_band", "?year=2025&breakdown=cohort"):
        page = client_request.get(f"/staff/results/all-types{query}")
        report = client_request.get(f"/staff/results/all-types/report{query}")
        assert _tables(report) == _tables(page), query
        assert _tables(page)


def _tables(page):
    return [[[cell.text.strip() for cell in row.select("th, td")] for row in table.select("tr")]
            for table in page.select("table.app-results-table")]
