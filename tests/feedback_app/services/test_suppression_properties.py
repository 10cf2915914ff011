"""Property tests of suppression over every table the results service publishes for one question.

For random response sets (years, an answer to the question, two breakdown
questions), the tables are built exactly as ``services.results`` builds them:
the year-on-year table (whose totals row is the all-years distribution and
whose rows are the single-year pages), and each year's breakdown by each
breakdown question (and, with one year, the all-years page's breakdowns).
Then, with every table taken together:

1. every figure shown equals the true figure, and a figure shown in two tables is
   shown the same in both;
2. every figure marked as a small group ("fewer than N") is truly under N;
3. every hidden figure has at least two values consistent with everything shown
   (integer programming over all the tables' figures, their sums and, for multiple
   choice, "each count is at most the number answering, who chose at least one").
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import LinearConstraint, milp

from feedback_app.services import result_tables
from feedback_app.services.suppression import reason, shown

OPTIONS = 4
GROUPS = {"b1": 2, "b2": 2}  # breakdown questions: their options; "not answered" is one more group


def _response(years):
    answer = st.one_of(st.none(), st.integers(0, OPTIONS - 1))
    return st.tuples(st.integers(0, years - 1), answer, st.one_of(st.none(), st.integers(0, GROUPS["b1"] - 1)),
                     st.one_of(st.none(), st.integers(0, GROUPS["b2"] - 1)))


@st.composite
def response_sets(draw):
    years = draw(st.integers(1, 3))
    # A few distinct answer patterns repeated, so that both small and large counts turn up.
    patterns = draw(st.lists(_response(years), min_size=1, max_size=8))
    repeats = draw(st.lists(st.sampled_from([1, 1, 2, 3, 4, 6, 9]), min_size=len(patterns),
                            max_size=len(patterns)))
    rows = [p for p, n in zip(patterns, repeats, strict=True) for _ in range(n)]
    multiple = draw(st.booleans()) and draw(st.booleans())
    if multiple:  # multiple choice: a response picks a set of options
        extra = draw(st.lists(st.integers(0, OPTIONS - 1), min_size=len(rows), max_size=len(rows)))
        rows = [(y, None if a is None else sorted({a, e}), b1, b2) for (y, a, b1, b2), e in zip(rows, extra,
                                                                                                strict=True)]
    limit = draw(st.sampled_from([3, 5, 5, 10]))
    return years, rows, not multiple, limit


def _chosen(answer):
    if answer is None:
        return []
    return answer if isinstance(answer, list) else [answer]


def _count(rows):
    counts = [0] * OPTIONS
    answered = 0
    for _y, answer, _b1, _b2 in rows:
        chosen = _chosen(answer)
        answered += bool(chosen)
        for option in chosen:
            counts[option] += 1
    return counts, answered


class Published:
    """Every figure published for one question: ``key -> (true value, published value)`` and the sums."""

    def __init__(self):
        self.figures = {}
        self.equalities = []  # ([(key, coefficient)])
        self.at_most = []  # (key, [keys]): key <= sum of keys

    def add(self, key, true, published):
        if key in self.figures:
            assert self.figures[key] == (true, published) or (
                not shown(published) and not shown(self.figures[key][1])), ("shown differently", key)
        self.figures[key] = (true, published)

    def table(self, name, table, truth, margin_keys, additive):
        """``truth``: ``(cells, row_totals, col_totals, total)``; ``margin_keys``: keys of the totals row."""
        cells, row_totals, col_totals, total = truth
        rows, cols = len(cells), len(table.col_totals)

        def key(r, c):
            if r == rows:
                return margin_keys[c]
            return (name, r, c)

        for r in range(rows):
            for c in range(cols):
                self.add(key(r, c), cells[r][c], table.cells[r][c])
            self.add(key(r, cols), row_totals[r], table.row_totals[r])
        for c in range(cols):
            self.add(key(rows, c), col_totals[c], table.col_totals[c])
        self.add(key(rows, cols), total, table.total)
        for c in range(cols + 1):
            self.equalities.append([(key(r, c), 1) for r in range(rows)] + [(key(rows, c), -1)])
        for r in range(rows + 1):
            if additive:
                self.equalities.append([(key(r, c), 1) for c in range(cols)] + [(key(r, cols), -1)])
            else:
                for c in range(cols):
                    self.at_most.append((key(r, c), [key(r, cols)]))
                self.at_most.append((key(r, cols), [key(r, c) for c in range(cols)]))

    def check(self, limit):
        keys = list(self.figures)
        index = {k: i for i, k in enumerate(keys)}
        for key, (true, published) in self.figures.items():
            if shown(published):
                assert published == true, ("shown figure is not the true one", key)
            elif reason(published) == "small":
                assert true < limit, ("marked as a small group but is not", key, true)
        rows, lower, upper = [], [], []
        for terms in self.equalities:
            row = np.zeros(len(keys))
            for k, coefficient in terms:
                row[index[k]] += coefficient
            rows.append(row)
            lower.append(0)
            upper.append(0)
        for k, others in self.at_most:
            row = np.zeros(len(keys))
            row[index[k]] += 1
            for other in others:
                row[index[other]] -= 1
            rows.append(row)
            lower.append(-np.inf)
            upper.append(0)
        constraints = [LinearConstraint(np.array(rows), lower, upper)] if rows else []
        low = np.array([float(p) if shown(p) else 0.0 for _t, p in self.figures.values()])
        # A bound far above any figure: "more than one value" whether or not the figure is bounded.
        high = np.array([float(p) if shown(p) else 10.0**5 for _t, p in self.figures.values()])
        bounds = (low, high)
        for key, (true, published) in self.figures.items():
            if shown(published):
                continue
            found = []
            for sense in (1, -1):
                objective = np.zeros(len(keys))
                objective[index[key]] = sense
                solved = milp(objective, constraints=constraints, integrality=np.ones(len(keys)),
                              bounds=_bounds(bounds))
                assert solved.success, solved.message
                found.append(round(solved.x[index[key]]))
            assert found[0] != found[1], ("hidden figure can be worked out", key, true, found)


def _bounds(bounds):
    from scipy.optimize import Bounds  # noqa: PLC0415

    return Bounds(*bounds)


def _publish(years, rows, additive, limit):
    published = Published()
    per_year = [_count([r for r in rows if r[0] == y]) for y in range(years)]
    sizes = [sum(1 for r in rows if r[0] == y) for y in range(years)]
    grid = result_tables.years_grid(per_year, sizes, *result_tables.responses(sizes, limit=limit), additive,
                                    limit=limit)
    table = grid.shown
    cells = [c for c, _a in per_year]
    truth = (cells, [a for _c, a in per_year], [sum(c[o] for c in cells) for o in range(OPTIONS)],
             sum(a for _c, a in per_year))
    margin = [("all", c) for c in range(OPTIONS + 1)]
    published.table("years", table, truth, margin, additive)
    periods = [(y, y) for y in range(years)] + ([(None, 0)] if years == 1 else [])
    by_grids = {var: _by_grid(var, rows, years, sizes, limit) for var in GROUPS}
    for period, year in periods:
        figures, total = grid.period(period)
        in_period = [r for r in rows if r[0] == year]
        for var, width in GROUPS.items():
            position = 2 if var == "b1" else 3
            groups = [[r for r in in_period if r[position] == g] for g in range(width)]
            groups.append([r for r in in_period if r[position] is None])
            counted = [_count(g) for g in groups]
            _grid, broken = result_tables.breakdown([c for c, _a in counted], [a for _c, a in counted],
                                                    [len(g) for g in groups], by_grids[var].period(period)[0],
                                                    figures, total, additive, limit=limit)
            year_cells = per_year[year][0]
            truth = ([c for c, _a in counted], [a for _c, a in counted], year_cells, per_year[year][1])
            margin_keys = ([("years", year, c) for c in range(OPTIONS + 1)] if period is not None else margin)
            published.table(("breakdown", var, period), broken, truth, margin_keys, additive)
    return published


def _by_grid(var, rows, years, sizes, limit):
    """The breakdown question's own grid: its answers give the groups' published sizes."""
    position = 2 if var == "b1" else 3
    per_year = []
    for y in range(years):
        chosen = [r[position] for r in rows if r[0] == y]
        per_year.append(([chosen.count(g) for g in range(GROUPS[var])], sum(c is not None for c in chosen)))
    return result_tables.years_grid(per_year, sizes, *result_tables.responses(sizes, limit=limit), limit=limit)


@settings(max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(response_sets())
def test_every_table_of_a_question_together_gives_nothing_away(data):
    years, rows, additive, limit = data
    _publish(years, rows, additive, limit).check(limit)


@pytest.mark.parametrize("additive", [True, False])
def test_a_question_with_no_answers(additive):
    _publish(2, [], additive, 5).check(5)
