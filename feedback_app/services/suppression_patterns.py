"""The audit's families (``suppression_audit``): every table published about a few questions, as figures over
non-negative integer variables, and the moves that certify a hidden figure is not pinned.

``Family``: the variables are the number of responses per pattern of answers (year, the item's answer, each
breakdown's answer); a multiple-choice item's answers are every set of its options, so this is for narrow
ones (``ALL_SUBSETS_UP_TO``). ``ChoiceFamily``, for any multiple-choice item: per profile (year, the
breakdowns' answers) the people not answering, the people answering, and the number choosing each option,
with ``0 <= chosen <= answering`` and ``sum of chosen >= answering``. That is exact for every figure the tables
show (each is a sum of these over profiles): any such values are some responses (option i to ``chosen_i``
consecutive respondents of the profile's answering, cyclically: distinct as ``chosen_i <= answering``, everyone
covered as the sum is at least that), and profiles are independent. It has ``k + 2`` variables per profile
where ``Family`` has ``2**k``.
"""

import functools
import itertools
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import LinearConstraint

from feedback_app.services import result_tables

ALL_SUBSETS_UP_TO = 4  # multiple choice: wider questions are audited over profiles (``ChoiceFamily``)


@dataclass(frozen=True)
class Question:
    """A dimension of the patterns: ``width`` options; ``multiple`` for multiple choice (answers are frozensets);
    ``item``: has its own table and is broken down; ``breakdown``: the others are broken down by it (single
    choice, or the cohorts); ``transposable``: single choice, one grid with another single-choice question;
    ``broken_down``: an item whose tables by the breakdowns are published (the results service breaks down no
    breakdown question: ``services.results``)."""

    key: str
    width: int
    multiple: bool = False
    item: bool = True
    breakdown: bool = False
    transposable: bool = False
    broken_down: bool = True


def _chosen(answer):
    if answer is None:
        return ()
    return tuple(answer) if isinstance(answer, frozenset) else (answer,)


def _answers(question):
    if question.multiple:
        return [None, *(frozenset(c) for n in range(1, question.width + 1)
                        for c in itertools.combinations(range(question.width), n))]
    return [None, *range(question.width)]


class Family:
    """Every table published about ``questions`` (the first an item, the rest breakdowns) with ``extra``
    hidden cells, and the figures shown or hidden in them over the patterns of ``counts``."""

    slotted = None  # (``ChoiceFamily``: the multiple-choice item, whose figures have variables of their own)

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables  # shared by the families: the same counts, the same tables
        answers = [_answers(question) for question in questions]
        self.dims = [years, *(len(a) for a in answers)]
        size = int(np.prod(self.dims))
        self.true = np.zeros(size)
        position = {p: i for i, p in enumerate(itertools.product(range(years), *answers))}
        for pattern, n in counts.items():
            if pattern in position:
                self.true[position[pattern]] = n
        coordinates = np.unravel_index(np.arange(size), self.dims)
        self.year_of = coordinates[0]
        self.everyone = np.ones(size, dtype=bool)
        self.masks = {}
        for q_index, question in enumerate(questions):
            self._question_masks(question, answers[q_index], coordinates[1 + q_index])

    def _question_masks(self, question, answers, coordinate):
        # Which answers (the dimension's values) choose each option: indexed by the patterns' coordinate.
        chooses = np.array([[o in _chosen(answer) for o in range(question.width)] for answer in answers],
                           dtype=bool).reshape(len(answers), question.width)[coordinate]
        any_ = chooses.any(axis=1)
        self.masks[(question.key, "any")] = any_
        self.masks[(question.key, None)] = ~any_
        for o in range(question.width):
            self.masks[(question.key, o)] = chooses[:, o].copy()

    def mask(self, period, **answers):
        key = (period, *answers.items())
        if key not in self.masks:
            mask = np.ones(len(self.true), dtype=bool) if period is None else self.year_of == period
            for question, wanted in answers.items():
                mask = mask & self.masks[(question, wanted)]
            if self.slotted not in answers:
                mask = mask & self.everyone
            mask.flags.writeable = False  # (one array for every figure with this mask)
            self.masks[key] = mask
        return self.masks[key]

    def value(self, mask):
        return int(self.true[mask].sum())

    def overlaps(self, one, other):
        """Whether two figures count some of the same (possible) responses."""
        return bool((one & other).any())

    def feasible(self, solution, changed):
        """Whether ``solution``, non-negative and the true counts but at ``changed``, is some responses (every
        one is, for patterns)."""
        return True

    def constraints(self):
        """Linear constraints beyond the figures shown, for integer programs (none, for patterns)."""
        return []

    def people_moves(self, mask):
        """Further moves for the figure of ``mask`` (for patterns, none: rectangles move every answer)."""
        return []

    def restricted(self, mask):
        """Variables that alone may move the figure of ``mask``, with bounds keeping the rest as they are
        some responses: ``(indexes, lower, upper, rows to keep)``, or None (for patterns, none)."""
        return None

    def moves(self):
        """Candidate moves: ``(indexes, coefficients)``, a row per move (``rectangles``)."""
        return _rectangles(tuple(self.dims))

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
                if q.item and q.broken_down and by.breakdown and by is not q:
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
            in_period = self.year_of == period
            if q.key != self.slotted:
                in_period = in_period & self.everyone
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


NOT_ANSWERING, ANSWERING = 0, 1  # a ``ChoiceFamily``'s slots; option ``o`` is slot ``2 + o``


class ChoiceFamily(Family):
    """``Family`` for a multiple-choice item (the first question) over profiles: variables ``(year, slot,
    breakdowns' answers...)``, the slots people not answering, people answering, then one per option. A figure
    without the item counts people not answering and answering."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables
        item, others = questions[0], questions[1:]
        self.slotted, self.width = item.key, item.width
        answers = [_answers(question) for question in others]
        self.dims = [years, item.width + 2, *(len(a) for a in answers)]
        self.true = self._profiles(counts, answers)
        size = len(self.true)
        coordinates = np.unravel_index(np.arange(size), self.dims)
        self.year_of, slot = coordinates[0], coordinates[1]
        self.everyone = slot <= ANSWERING
        self.masks = {(item.key, None): slot == NOT_ANSWERING, (item.key, "any"): slot == ANSWERING}
        for o in range(item.width):
            self.masks[(item.key, o)] = slot == 2 + o
        for q_index, question in enumerate(others):
            self._question_masks(question, answers[q_index], coordinates[2 + q_index])

    def _profiles(self, counts, answers):
        """The variables' true values from the counts per pattern, summed with numpy (a wide question's patterns
        are many: every set of options someone chose)."""
        size = int(np.prod(self.dims))
        if not counts:
            return np.zeros(size)
        years, chosen, *groups = (list(column) for column in zip(*counts, strict=True))
        amounts = np.fromiter(counts.values(), dtype=float, count=len(counts))
        distinct = {}
        codes = np.array([distinct.setdefault(answer, len(distinct)) for answer in chosen], dtype=np.int64)
        slots = np.zeros((len(distinct), self.width + 2))  # each distinct answer's slots
        for answer, row in distinct.items():
            options = _chosen(answer)
            slots[row, [ANSWERING, *(2 + o for o in options)] if options else NOT_ANSWERING] = 1
        profile = np.array(years, dtype=np.int64)
        for values, column in zip(answers, groups, strict=True):
            position = {a: i for i, a in enumerate(values)}
            profile = profile * len(values) + np.array([position[g] for g in column], dtype=np.int64)
        per_slot = np.zeros((self.width + 2, size // (self.width + 2)))
        for slot in range(self.width + 2):
            per_slot[slot] = np.bincount(profile, weights=amounts * slots[codes, slot], minlength=per_slot.shape[1])
        # (year, breakdowns...) by slot, to (year, slot, breakdowns...)
        return np.moveaxis(per_slot.reshape(self.width + 2, self.years, -1), 0, 1).ravel()

    def overlaps(self, one, other):
        """Two figures count some of the same responses where, in some profile, both count people not
        answering, or both count some of the people answering (any two options may be chosen together)."""
        one, other = one.reshape(self.dims), other.reshape(self.dims)
        not_answering = one[:, NOT_ANSWERING] & other[:, NOT_ANSWERING]
        answering = one[:, ANSWERING:].any(axis=1) & other[:, ANSWERING:].any(axis=1)
        return bool((not_answering | answering).any())

    def feasible(self, solution, changed):
        values = solution.reshape(self.dims)
        coordinates = np.unravel_index(changed, self.dims)
        profiles = (coordinates[0], slice(None), *coordinates[2:])
        answering, chosen = values[profiles][:, ANSWERING], values[profiles][:, 2:]
        return bool((chosen <= answering[:, None]).all() and (chosen.sum(axis=1) >= answering).all())

    def constraints(self):
        """Per profile, each option chosen by at most the people answering, and all of them by at least."""
        size, width = len(self.true), self.width
        index = np.arange(size).reshape(self.dims)
        answering = index[:, ANSWERING].ravel()  # a profile per entry: (year, breakdowns' answers...)
        options = np.moveaxis(index[:, 2:], 1, -1).reshape(-1, width)  # (profile, option), profiles alike
        count = len(answering)
        rows = np.arange(count * width)
        at_most = sparse.csr_array((np.concatenate([np.ones(count * width), -np.ones(count * width)]),
                                    (np.concatenate([rows, rows]),
                                     np.concatenate([options.T.ravel(), np.tile(answering, width)]))),
                                   shape=(count * width, size))
        at_least = sparse.csr_array((np.concatenate([np.ones(count * width), -np.ones(count)]),
                                     (np.concatenate([np.tile(np.arange(count), width), np.arange(count)]),
                                      np.concatenate([options.T.ravel(), answering]))), shape=(count, size))
        return [LinearConstraint(at_most, -np.inf, 0), LinearConstraint(at_least, 0, np.inf)]

    def restricted(self, mask):
        """A figure of one option: that option's variables, each between what the people answering need (every
        one choosing something, the other options as they are) and the people answering. A figure of people
        answering: theirs, between the largest count and the sum of the counts, and the people not answering,
        each profile's responses kept."""
        slots = np.unique(np.unravel_index(np.flatnonzero(mask), self.dims)[1])
        if len(slots) != 1 or slots[0] == NOT_ANSWERING:
            return None
        values = self.true.reshape(self.dims)
        answering, chosen = values[:, ANSWERING].ravel(), np.moveaxis(values[:, 2:], 1, -1).reshape(-1, self.width)
        index = np.arange(len(self.true)).reshape(self.dims)
        if slots[0] == ANSWERING:
            free = np.concatenate([index[:, ANSWERING].ravel(), index[:, NOT_ANSWERING].ravel()])
            lower = np.concatenate([chosen.max(axis=1), np.zeros(len(answering))])
            upper = np.concatenate([chosen.sum(axis=1), np.full(len(answering), np.inf)])
            count = len(answering)
            same = sparse.csr_array((np.ones(2 * count), (np.tile(np.arange(count), 2), np.arange(2 * count))),
                                    shape=(count, 2 * count))
            return free, lower, upper, same
        option = slots[0] - 2
        free = np.moveaxis(index[:, 2:], 1, -1).reshape(-1, self.width)[:, option]
        others = chosen.sum(axis=1) - chosen[:, option]
        return free, np.maximum(answering - others, 0), answering.astype(float), None

    def people_moves(self, mask):
        """Moves of one response round a rectangle of profiles with a corner in the figure of ``mask``: its
        answer the options everyone chose in both profiles it leaves (else one both have), so it can leave them."""
        values = self.true.reshape(self.dims)
        index = np.arange(len(self.true)).reshape(self.dims)
        coordinates = np.unravel_index(np.flatnonzero(mask), self.dims)
        profiles = {(c[0], *c[2:]) for c in zip(*coordinates, strict=True)}
        found = []
        for profile in sorted(profiles):
            for i, j in itertools.combinations(range(len(profile)), 2):
                width_i, width_j = self.dims[0 if i == 0 else i + 1], self.dims[0 if j == 0 else j + 1]
                for u, v in itertools.product(range(width_i), range(width_j)):
                    if u == profile[i] or v == profile[j]:
                        continue
                    first, second, across = list(profile), list(profile), list(profile)
                    first[i], second[j], across[i], across[j] = u, v, u, v
                    for leave, join in (((first, second), (profile, across)), ((profile, across), (first, second))):
                        answer = self._leaving(values, *(tuple(p) for p in leave))
                        if answer is None:
                            continue
                        slots = [ANSWERING, *(2 + o for o in answer)]
                        cells = [index[(p[0], slot, *p[1:])] for p in (*join, *leave) for slot in slots]
                        found.append((np.array(cells), np.array([1] * 2 * len(slots) + [-1] * 2 * len(slots))))
        return found

    def _leaving(self, values, one, other):
        """The options of a response that can leave both profiles: every option everyone there chose."""
        answers = []
        for profile in (one, other):
            line = values[(profile[0], slice(None), *profile[1:])]
            if line[ANSWERING] < 1:
                return None
            answers.append((line[2:] == line[ANSWERING], line[2:] >= 1))
        answer = answers[0][0] | answers[1][0]
        if not answer.any():
            common = answers[0][1] & answers[1][1]
            if not common.any():
                return None
            answer[np.argmax(common)] = True
        return np.flatnonzero(answer).tolist()

    def moves(self):
        return _choice_moves(tuple(self.dims))


@functools.lru_cache(maxsize=64)
def _rectangles(dims):
    """Every rectangle of patterns: two values of two dimensions, the others fixed, added or taken away; rows
    ``(p1, p4, p2, p3)`` with ``p1``, ``p4`` the corners ``(u, v)``, ``(u', v')`` (coefficient 1) and ``p2``, ``p3``
    the corners ``(u, v')``, ``(u', v)`` (-1)."""
    index = np.arange(int(np.prod(dims))).reshape(dims)
    found = [np.empty((0, 4), dtype=np.int64)]
    for i, j in itertools.combinations(range(len(dims)), 2):
        found.append(_corners(index, i, j))
    moves = np.concatenate(found)
    return moves, np.broadcast_to(np.array([1, 1, -1, -1], dtype=np.int64), moves.shape)


def _corners(index, i, j):
    dims = index.shape
    grid = np.moveaxis(index, (i, j), (0, 1)).reshape(dims[i], dims[j], -1)
    ui, uj = np.triu_indices(dims[i], 1)
    vi, vj = np.triu_indices(dims[j], 1)
    corners = [grid[ui[:, None], vi[None, :]], grid[uj[:, None], vj[None, :]],
               grid[ui[:, None], vj[None, :]], grid[uj[:, None], vi[None, :]]]
    return np.stack([c.ravel() for c in corners], axis=1)


@functools.lru_cache(maxsize=64)
def _choice_moves(dims):
    """A ``ChoiceFamily``'s candidate moves, each some responses changed: a change within a profile (one more
    choosing an option; one more answering, choosing an option already counted or a new
    one) made in one profile and undone in another differing in one of year or a breakdown's answer; and one
    response (not answering, answering choosing one option, or answering) moved round a rectangle of profiles."""
    width = dims[1] - 2
    index = np.arange(int(np.prod(dims))).reshape(dims)
    changes = [[(2 + o, 1)] for o in range(width)]
    changes += [[(ANSWERING, 1), (NOT_ANSWERING, -1)]]
    changes += [[(ANSWERING, 1), (2 + o, 1), (NOT_ANSWERING, -1)] for o in range(width)]
    people = [[(NOT_ANSWERING, 1)], [(ANSWERING, 1)], *([(ANSWERING, 1), (2 + o, 1)] for o in range(width))]
    profile_dims = [0, *range(2, len(dims))]
    indexes, coefficients = [], []
    for change in changes:
        slots = np.moveaxis(index, 1, 0)[[s for s, _c in change]]  # (change, profile...)
        for d in profile_dims:
            axis = d if d == 0 else d - 1  # (the slot axis is gone)
            there = np.moveaxis(slots, 1 + axis, 1)
            u, v = np.triu_indices(dims[d], 1)
            first = there[:, u].reshape(len(change), -1)
            second = there[:, v].reshape(len(change), -1)
            indexes.append(np.concatenate([first, second]).T)
            coefficients.append(np.repeat([[c for _s, c in change] + [-c for _s, c in change]],
                                          first.shape[1], axis=0))
    for person in people:
        slots = np.moveaxis(index, 1, 0)[[s for s, _c in person]]
        profile = np.moveaxis(slots, 0, -1)  # (profile..., part)
        for i, j in itertools.combinations(range(len(profile_dims)), 2):
            corners = [_corners(profile[..., part], i, j) for part in range(len(person))]
            indexes.append(np.concatenate(corners, axis=1))
            coefficients.append(np.repeat([[1, 1, -1, -1] * len(person)], len(corners[0]), axis=0))
    width_of = max(i.shape[1] for i in indexes)
    rows = np.concatenate([np.pad(i, ((0, 0), (0, width_of - i.shape[1]))) for i in indexes])
    coefs = np.concatenate([np.pad(c, ((0, 0), (0, width_of - c.shape[1]))) for c in coefficients])
    return rows, coefs.astype(np.int64)
