"""The audit of a question's published tables taken together: the last step of the one engine (``suppression``).

The cycle checks of ``suppression`` and ``suppression_linked`` protect each table against its own figures and
the totals it shares with others. Tables taken together can say more: ``a`` by ``b1``, ``a`` by ``b2`` and
``b2`` by ``b1`` for the same period bound the three-way table none of them shows, and a multiple-choice
question's people answering lie between its largest count and the sum of its counts, which the cycles only
approximate. The audit checks what they cannot: over the number of responses per pattern of answers (year,
the question's answer, the answers of two breakdown questions) it asks, by integer programming (scipy's
``milp``, HiGHS), for every figure hidden as a small group, whether some set of responses consistent with
every figure shown (every table the service publishes about those questions, for every period) gives it
another value 1 to N-1 away from the true one. Cheap certificates come first, each checked exactly: a
rectangle of patterns (two values of two questions, the rest fixed) that no shown figure tells apart, added or
taken away, or two such rectangles with the same effect on every shown figure, one added, one taken away;
integer programs only for the figures they leave (on the youth demo, none). When no set of responses moves a
figure, one more figure of a breakdown is hidden (to protect, never "fewer than N"): the smallest shown
non-zero figure of a breakdown that counts some of the same responses (else of the same period; a zero when
none is left), in every table showing it (X by Y and Y by X are one grid), and the tables are made again;
until no figure is pinned, or nothing is left to hide.

A family is one item and one or two breakdowns (a single-choice question or the cohorts): every breakdown of
the item and the breakdowns' cross-tabs, pair by pair. Three breakdowns or more are audited in pairs, so a
figure bounded only by four-way or wider combinations is not found, nor any figure of a multiple-choice
question with more than ``ALL_SUBSETS_UP_TO`` options (the pattern space would be too large to search on
each page). ``protect`` returns the further hidden cells per breakdown table; ``services.result_audit``
works them out from the database's counts, caches them, and ``services.results`` passes them on to
``result_tables.breakdown``.
"""

import functools
import itertools
from dataclasses import dataclass

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from feedback_app.services import result_tables
from feedback_app.services.suppression import reason, shown

ALL_SUBSETS_UP_TO = 4  # multiple choice: the patterns are every set of options; a wider question is not audited
MAX_ROUNDS = 200


@dataclass(frozen=True)
class Question:
    """A dimension of the patterns: ``width`` options; ``multiple`` for multiple choice (answers are frozensets);
    ``item``: has its own table and is broken down; ``breakdown``: the others are broken down by it (single
    choice, or the cohorts); ``transposable``: single choice, one grid with another single-choice question."""

    key: str
    width: int
    multiple: bool = False
    item: bool = True
    breakdown: bool = False
    transposable: bool = False


def _chosen(answer):
    if answer is None:
        return ()
    return tuple(answer) if isinstance(answer, frozenset) else (answer,)


class _Family:
    """Every table published about ``questions`` (the first an item, the rest breakdowns) with ``extra``
    hidden cells, and the figures shown or hidden in them over the patterns of ``counts``."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables  # shared by the families: the same counts, the same tables
        answers = []
        for question in questions:
            if question.multiple:
                answers.append([None, *(frozenset(c) for n in range(1, question.width + 1)
                                        for c in itertools.combinations(range(question.width), n))])
            else:
                answers.append([None, *range(question.width)])
        self.dims = [years, *(len(a) for a in answers)]
        self.patterns = list(itertools.product(range(years), *answers))
        self.true = np.zeros(len(self.patterns))
        position = {p: i for i, p in enumerate(self.patterns)}
        for pattern, n in counts.items():
            if pattern in position:
                self.true[position[pattern]] = n
        coordinates = np.unravel_index(np.arange(len(self.patterns)), self.dims)
        self.year_of = coordinates[0]
        self.masks = {}
        for q_index, question in enumerate(questions):
            # Which answers (the dimension's values) choose each option: indexed by the patterns' coordinate.
            chooses = np.array([[o in _chosen(answer) for o in range(question.width)] for answer in answers[q_index]],
                               dtype=bool).reshape(len(answers[q_index]), question.width)[coordinates[1 + q_index]]
            any_ = chooses.any(axis=1)
            self.masks[(question.key, "any")] = any_
            self.masks[(question.key, None)] = ~any_
            for o in range(question.width):
                self.masks[(question.key, o)] = chooses[:, o].copy()

    def mask(self, period, **answers):
        key = (period, *answers.items())
        if key not in self.masks:
            mask = np.ones(len(self.patterns), dtype=bool) if period is None else self.year_of == period
            for question, wanted in answers.items():
                mask = mask & self.masks[(question, wanted)]
            mask.flags.writeable = False  # (one array for every figure with this mask)
            self.masks[key] = mask
        return self.masks[key]

    def value(self, mask):
        return int(self.true[mask].sum())

    def build(self, extra):
        """The tables with ``extra`` (``{(item, by, period): cells}``) hidden: figures and breakdown grids."""
        years, limit = self.years, self.limit
        self.figures = []  # (mask, published)
        self.grids = {}  # (item, by, period) -> (grid, cell masks)
        sizes = [self.value(self.mask(y)) for y in range(years)]
        year_figures, year_total = result_tables.responses(sizes, limit=limit)
        self.figures += [(self.mask(y), year_figures[y]) for y in range(years)]
        self.figures.append((self.mask(None), year_total))
        items = {}
        for q in self.questions:
            if q.item:
                items[q.key] = self._item(q, sizes, year_figures, year_total)
        for q in self.questions:
            for by in self.questions:
                if q.item and by.breakdown and by is not q:
                    for period in range(years):  # (with one year, all years' breakdowns are the year's)
                        self._breakdown(q, by, period, items, extra.get((q.key, by.key, period), ()))

    def _item(self, q, sizes, year_figures, year_total):
        if q.key not in self.tables:
            per_year = [([self.value(self.mask(y, **{q.key: o})) for o in range(q.width)],
                         self.value(self.mask(y, **{q.key: "any"}))) for y in range(self.years)]
            self.tables[q.key] = result_tables.years_grid(per_year, sizes, year_figures, year_total, not q.multiple,
                                                          limit=self.limit)
        grid = self.tables[q.key]
        table = grid.shown
        for y in range(self.years):
            self.figures += [(self.mask(y, **{q.key: o}), table.cells[y][o]) for o in range(q.width)]
            self.figures.append((self.mask(y, **{q.key: "any"}), table.row_totals[y]))
        self.figures += [(self.mask(None, **{q.key: o}), table.col_totals[o]) for o in range(q.width)]
        self.figures.append((self.mask(None, **{q.key: "any"}), table.total))
        return grid

    def _breakdown(self, q, by, period, items, extra):
        groups = [*range(by.width), None]
        key = (q.key, by.key, period, frozenset(extra))
        if key not in self.tables:
            cells = [[self.value(self.mask(period, **{q.key: o, by.key: g})) for o in range(q.width)] for g in groups]
            answered = [self.value(self.mask(period, **{q.key: "any", by.key: g})) for g in groups]
            sizes = [self.value(self.mask(period, **{by.key: g})) for g in groups]
            figures, total = items[q.key].period(period)
            if by.item:
                published = items[by.key].period(period)[0]
            else:  # the cohorts: their sizes add up to the period's responses
                published = result_tables.group_sizes(sizes, total, self.limit)
            transpose = (q.key < by.key) if q.transposable and by.item else None
            self.tables[key] = result_tables.breakdown(cells, answered, sizes, published, figures, total,
                                                       not q.multiple, limit=self.limit, transpose=transpose,
                                                       extra=extra)
        grid, table = self.tables[key]
        if (q.key, by.key, period) not in self.masks:
            columns = [*range(q.width), *(["any"] if q.multiple else []), None]
            in_period = self.mask(period)
            by_group = np.array([self.masks[(by.key, g)] for g in groups]) & in_period
            by_column = np.array([self.masks[(q.key, c)] for c in columns])
            cells = by_group[:, None, :] & by_column[None, :, :]  # (group, column, pattern)
            self.masks[(q.key, by.key, period)] = (
                [list(row) for row in cells], list(by_group & self.masks[(q.key, "any")]))
        masks, answered = self.masks[(q.key, by.key, period)]
        self.grids[(q.key, by.key, period)] = (grid, masks)
        for row in range(len(groups)):
            self.figures += [(masks[row][o], table.cells[row][o]) for o in range(q.width)]
            self.figures.append((answered[row], table.row_totals[row]))


class _Solver:
    """Integer programs over one family's patterns, keeping every solution found: a solution stays consistent
    when more figures are hidden, so it certifies figures later without solving again."""

    def __init__(self, family):
        self.family = family
        self.solutions = [family.true]
        self.stuck = set()  # the masks of figures hiding breakdown cells cannot protect (``futile``)
        moves = self.all_moves = _rectangles(tuple(family.dims))
        true = family.true
        # A rectangle added (+) or taken away (-) keeps every count non-negative: its other two corners, or these.
        self.up = moves[(true[moves[:, 2]] >= 1) & (true[moves[:, 3]] >= 1)]
        self.down = moves[(true[moves[:, 0]] >= 1) & (true[moves[:, 1]] >= 1)]

    def _moved(self, masks, trues):
        """Which of ``masks`` some known solution moves by 1 to N-1."""
        if not self.solutions:
            return np.zeros(len(masks), dtype=bool)
        solutions = np.array(self.solutions)
        moved = np.abs(masks.astype(float) @ solutions.T - trues[:, None])
        return ((moved >= 1) & (moved < self.family.limit)).any(axis=1)

    def _rectangle(self, matrix, values, masks, trues):
        """Cheap certificates before integer programming: a rectangle of patterns (two values of two questions,
        the rest fixed) added or taken away whose corners no shown figure tells apart, moving a figure by 1 to
        N-1, is a consistent set of responses; each found is checked exactly and kept as a solution."""
        weights = np.random.default_rng(0).integers(1, 2**40, size=len(matrix)) @ matrix.astype(np.int64)
        true, limit = self.family.true, self.family.limit
        self._weights = weights
        for sign, moves in ((1, self.up), (-1, self.down)):
            if not len(moves):
                continue
            kernel = moves[weights[moves[:, 0]] + weights[moves[:, 1]] == weights[moves[:, 2]] + weights[moves[:, 3]]]
            if not len(kernel):
                continue
            left = ~self._moved(masks, trues)
            chosen = masks[left].astype(np.int8)
            effect = np.abs(chosen[:, kernel[:, 0]] + chosen[:, kernel[:, 1]]
                            - chosen[:, kernel[:, 2]] - chosen[:, kernel[:, 3]])
            good = (effect >= 1) & (effect < limit)
            for row in np.flatnonzero(good.any(axis=1)):
                if self._moved(masks[left][row:row + 1], trues[left][row:row + 1])[0]:
                    continue
                move = kernel[np.argmax(good[row])]
                solution = true.copy()
                solution[move[:2]] += sign
                solution[move[2:]] -= sign
                if solution.min() >= 0 and np.array_equal(matrix @ solution, values):
                    self.solutions.append(solution)

    def _pairs(self, matrix, values, masks, trues, tries=400):
        """Cheap certificates, second: two rectangles no shown figure tells apart (the same weighted effect on
        the shown figures), one taken away where the other is added, moving a figure by 1 to N-1."""
        weights, true, limit = self._weights, self.family.true, self.family.limit
        moves = self.all_moves
        effect = weights[moves[:, 0]] + weights[moves[:, 1]] - weights[moves[:, 2]] - weights[moves[:, 3]]
        order = np.argsort(np.abs(effect), kind="stable")
        sorted_effect = np.abs(effect)[order]
        for row in range(len(masks)):
            if self._moved(masks[row:row + 1], trues[row:row + 1])[0]:
                continue
            mask = masks[row].astype(np.int8)
            moved = mask[moves[:, 0]] + mask[moves[:, 1]] - mask[moves[:, 2]] - mask[moves[:, 3]]
            for first in np.flatnonzero(moved & (effect != 0))[:tries]:
                low, high = np.searchsorted(sorted_effect, abs(effect[first]), side="left"), \
                    np.searchsorted(sorted_effect, abs(effect[first]), side="right")
                if self._pair(matrix, values, moves, effect, moved, first, order[low:high], limit, true):
                    break

    def _pair(self, matrix, values, moves, effect, moved, first, partners, limit, true):
        for second in partners:
            if second == first:
                continue
            same = 1 if (effect[first] > 0) == (effect[second] > 0) else -1
            if not 1 <= abs(moved[first] - same * moved[second]) < limit:
                continue
            move = np.zeros(len(true))
            np.add.at(move, moves[first, :2], 1)
            np.add.at(move, moves[first, 2:], -1)
            np.add.at(move, moves[second, :2], -same)
            np.add.at(move, moves[second, 2:], same)
            for sign in (1, -1):
                solution = true + sign * move
                if solution.min() >= 0 and np.array_equal(matrix @ solution, values):
                    self.solutions.append(solution)
                    return True
        return False

    def futile(self, mask, own):
        """Whether the figure of ``mask`` stays pinned with every cell of every breakdown hidden: hiding cells, all
        the audit can do, cannot protect it (its own table's figures and the shown totals pin it). Kept, so
        it is not asked again; the family is rebuilt with ``own`` hidden after."""
        family = self.family
        every = {key: {(row, col) for row, line in enumerate(grid.cells) for col in range(len(line))}
                 for key, (grid, _masks) in family.grids.items()}
        family.build(every)
        pinned = self.pinned(only=mask)
        family.build(own)
        if pinned:
            self.stuck.add(mask.tobytes())
        return bool(pinned)

    def pinned(self, first_only=False, only=None):
        """The masks of the figures hidden as a small group that no consistent set of responses moves by 1 to N-1
        (with ``first_only``, the first of them only: which figures are pinned does not depend on the
        certificates found, so the first is the same, and the others are not proved pinned in vain)."""
        family, limit = self.family, self.family.limit
        shown_rows = [(mask, value) for mask, value in family.figures if shown(value)]
        matrix = np.array([mask for mask, _v in shown_rows], dtype=float)
        values = np.array([v for _m, v in shown_rows], dtype=float)
        self.solutions = [s for s in self.solutions if np.array_equal(matrix @ s, values)]
        base = LinearConstraint(matrix, values, values)
        bounds = Bounds(np.zeros(len(family.patterns)), np.full(len(family.patterns), np.inf))
        integrality = np.ones(len(family.patterns))
        checks, done = [], set()
        for mask, published in family.figures:
            if reason(published) != "small" or (only is not None and not np.array_equal(mask, only)):
                continue
            true = family.value(mask)
            if true == 0 or mask.tobytes() in done or (only is None and mask.tobytes() in self.stuck):
                continue
            done.add(mask.tobytes())
            checks.append((mask, true))
        if not checks:
            return []
        masks = np.array([mask for mask, _t in checks])
        trues = np.array([true for _m, true in checks], dtype=float)
        left = ~self._moved(masks, trues)
        if left.any():
            self._rectangle(matrix, values, masks[left], trues[left])
            left[left] = ~self._moved(masks[left], trues[left])
        if left.any():
            self._pairs(matrix, values, masks[left], trues[left])
            left[left] = ~self._moved(masks[left], trues[left])
        checks = [check for check, keep in zip(checks, left, strict=True) if keep]
        pinned = []
        for mask, true in checks:
            if any(1 <= abs(s[mask].sum() - true) < limit for s in self.solutions):
                continue
            for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
                extra = LinearConstraint(mask.astype(float).reshape(1, -1), [low], [high])
                solved = milp(np.zeros(len(family.patterns)), constraints=[base, extra],
                              integrality=integrality, bounds=bounds)
                if solved.status == 0:
                    self.solutions.append(np.round(solved.x))
                    break
            else:
                pinned.append(mask)
                if first_only:
                    break
        return pinned


@functools.lru_cache(maxsize=64)
def _rectangles(dims):
    """Every rectangle of patterns: two values of two dimensions, the others fixed; rows ``(p1, p4, p2, p3)``
    with ``p1``, ``p4`` the corners ``(u, v)``, ``(u', v')`` and ``p2``, ``p3`` the corners ``(u, v')``, ``(u', v)``."""
    index = np.arange(int(np.prod(dims))).reshape(dims)
    found = [np.empty((0, 4), dtype=np.int64)]
    for i, j in itertools.combinations(range(len(dims)), 2):
        grid = np.moveaxis(index, (i, j), (0, 1)).reshape(dims[i], dims[j], -1)
        ui, uj = np.triu_indices(dims[i], 1)
        vi, vj = np.triu_indices(dims[j], 1)
        corners = [grid[ui[:, None], vi[None, :]], grid[uj[:, None], vj[None, :]],
                   grid[ui[:, None], vj[None, :]], grid[uj[:, None], vi[None, :]]]
        found.append(np.stack([c.ravel() for c in corners], axis=1))
    return np.concatenate(found)


def _candidate(family, pinned, extra):
    """The figure to hide for a pinned one: a shown cell of a breakdown, those counting some of the same
    responses first, then those of the same period, then any; in each, the smallest non-zero one (a zero
    only when none is left), then the first in a fixed order. ``(item, by, period, row, col)``, or ``None``."""
    periods = set(family.year_of[pinned].tolist())
    best = None
    for key in sorted(family.grids, key=repr):
        grid, masks = family.grids[key]
        for row, line in enumerate(grid.cells):
            for col, figure in enumerate(line):
                if not shown(figure) or (row, col) in extra.get(key, ()):
                    continue
                tier = 0 if (masks[row][col] & pinned).any() else (1 if key[2] in periods else 2)
                order = (tier, figure == 0, figure)
                if best is None or order < best[0]:
                    best = (order, (*key, row, col))
    return None if best is None else best[1]


def _hide(extra, questions, item, by, period, row, col):
    extra.setdefault((item, by, period), set()).add((row, col))
    other = questions[by]
    if questions[item].transposable and other.transposable and other.item:
        extra.setdefault((by, item, period), set()).add((col, row))  # the same grid read the other way round


def families(questions):
    """The families to audit: each item with every pair of breakdowns (or its one breakdown), none twice."""
    found = []
    for item in questions:
        if not item.item or item.multiple and item.width > ALL_SUBSETS_UP_TO:
            continue
        others = [q for q in questions if q.breakdown and q is not item]
        groups = list(itertools.combinations(others, 2)) or [(q,) for q in others]
        for group in groups:
            keys = {item.key, *(q.key for q in group)}
            if not any(keys <= {f[0].key, *(q.key for q in f[1:])} for f in found):
                found.append((item, *group))
    return found


def protect(years, counts, questions, limit, family_counts=None):
    """Further cells to hide in breakdowns, ``{(item, by, period): {(row, col)}}`` (``row``: the group,
    ``col``: the item's grid column), so that no figure hidden as a small group is pinned by the tables
    taken together. ``counts``: ``{(year, answer of each question...): responses}``, the answers in the
    order of ``questions``; ``family_counts(keys)``: the counts over some of the questions only (by default
    summed from ``counts``). Returns ``(extra, stuck)``, ``stuck`` the families left with a pinned figure."""
    by_key = {q.key: q for q in questions}
    order = [q.key for q in questions]
    if family_counts is None:
        def family_counts(keys):
            indexes = [order.index(k) for k in keys]
            summed = {}
            for pattern, n in counts.items():
                key = (pattern[0], *(pattern[1 + i] for i in indexes))
                summed[key] = summed.get(key, 0) + n
            return summed
    tables = {}
    audited = [(_Family(years, family_counts([q.key for q in f]), list(f), limit, tables), f)
               for f in families(questions)]
    solvers = {id(family): _Solver(family) for family, _f in audited}
    extra, stuck = {}, set()
    clean = {}  # family -> the hidden cells it was last found with nothing pinned (the same again: skipped)
    for _round in range(MAX_ROUNDS):
        changed = False
        for family, members in audited:
            keys = {q.key for q in members}
            while True:
                own = {k: v for k, v in extra.items() if k[0] in keys and k[1] in keys}
                seen = frozenset((k, frozenset(v)) for k, v in own.items())
                if clean.get(id(family)) == seen:
                    break
                family.build(own)
                pinned = solvers[id(family)].pinned(first_only=True)
                if not pinned:
                    clean[id(family)] = seen
                    break
                if solvers[id(family)].futile(pinned[0], own):
                    stuck.add(tuple(sorted(keys)))
                    continue
                cell = _candidate(family, pinned[0], extra)
                if cell is None:
                    stuck.add(tuple(sorted(keys)))
                    break
                _hide(extra, by_key, *cell)
                changed = True
        if not changed:
            break
    if years == 1:
        extra.update({(item, by, None): cells for (item, by, _period), cells in list(extra.items())})
    return {k: frozenset(v) for k, v in extra.items()}, stuck
