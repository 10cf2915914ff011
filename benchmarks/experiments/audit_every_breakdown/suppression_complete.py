"""The audit's check of an item with every breakdown at once (``suppression_audit``), over the responses as
they are: each respondent keeps their answers to every breakdown, and only the item's answer may differ.

The audit's families hold an item and two or three breakdowns (``suppression_audit.families``): the tables of
four or five breakdowns taken together could pin a figure that no family of two or three sees. A family of
every breakdown over every pattern of answers is too large (the youth survey: five breakdowns of four to eight
groups, about 130,000 patterns per year), so this one has a variable per profile that some respondent has (year
and every breakdown's answer) and per answer of the item: on the youth demo, 420 profiles.

Every value it finds is some responses (the same people, the same profiles, some of them answering the item
differently), and every figure shown about the item by any of its breakdowns is checked exactly, so a figure it
moves is not pinned, whatever the tables say together. It cannot move a figure only where moving it would take a
respondent changing a breakdown's answer: then the audit hides more than it strictly must, never less.
"""

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from feedback_app.services.suppression_patterns import ANSWERING, NOT_ANSWERING, ChoiceFamily, Family, _answers

TIME_LIMIT = 2.0  # seconds per integer program: one not answered in time counts as pinned (more is hidden)
NEAR = 2  # candidate moves: two respondents of the same year whose profiles differ in at most this many answers


def _profiles(counts, others):
    """The profiles some response has (year, each breakdown's answer), in a fixed order, and their coordinates:
    the year of each and, per breakdown, the index of its answer."""
    found = sorted({(pattern[0], *pattern[2:]) for pattern in counts}, key=repr)
    answers = [_answers(question) for question in others]
    coordinates = [np.array([answers[i].index(profile[1 + i]) for profile in found], dtype=np.int64)
                   for i in range(len(others))]
    return found, answers, np.array([profile[0] for profile in found], dtype=np.int64), coordinates


class _Profiled:
    """What both kinds share: the figures that do not depend on the item's answer (the breakdowns' own tables and
    cross-tabs) are the same in every value here, so they are left out, and each profile's responses are kept."""

    def _settle(self, width):
        self.width_of_profile = width
        size = len(self.true)
        self._profile_of = np.arange(size) // width

    def _varies(self, mask):
        rows = mask.reshape(-1, self.width_of_profile)
        if self.slotted is not None:
            rows = rows[:, :ANSWERING + 1]
            own = mask.reshape(-1, self.width_of_profile)[:, ANSWERING + 1:]
            if own.any():
                return True
        return not (rows.all(axis=1) | ~rows.any(axis=1)).all()

    def moves(self):
        """Two respondents of profiles of the same year differing in at most ``NEAR`` breakdowns' answers, each
        answering the item as the other did (for a wide multiple choice, a change within a profile made in one
        and undone in the other)."""
        pairs = []
        coordinates = np.stack([self._profile_year, *self._profile_coordinates], axis=1)
        for first in range(len(coordinates)):
            later = coordinates[first + 1:]
            near = (later[:, 0] == coordinates[first, 0]) & ((later[:, 1:] != coordinates[first, 1:]).sum(axis=1)
                                                            <= NEAR)
            pairs += [(first, first + 1 + j) for j in np.flatnonzero(near)]
        return self._pair_moves(np.array(pairs, dtype=np.int64).reshape(-1, 2))

    def spread(self, matrix, masks, trues, rounds=2):
        """Counts moving many hidden figures at once, to certify them together before one integer program each:
        per year, the counts (consistent with every shown figure and the profiles' responses, each of ``masks``'
        figures moved by less than N) that move the figures furthest in random directions. Every solution is
        returned (the caller checks each exactly and keeps what it certifies)."""
        found, limit = [], self.limit
        rng = np.random.default_rng(0)
        for year in np.unique(self.year_of):
            in_year = np.array([bool(np.all(self.year_of[m] == year)) for m in masks])
            if not in_year.any():
                continue
            free = np.flatnonzero(self.year_of == year)
            figures = masks[in_year][:, free].astype(float)
            for _round in range(rounds):
                signs = rng.choice([-1.0, 1.0], size=len(figures))
                solution = self._solve(matrix, free, figures, signs, limit)
                if solution is not None:
                    found.append(solution)
        return found

    def _solve(self, matrix, free, figures, signs, limit):
        true, size = self.true, len(free)
        change = self._changes(matrix, free)
        change.append(LinearConstraint(np.hstack([figures, -figures]), -(limit - 1), limit - 1))
        reward = signs @ figures
        cost = np.concatenate([0.01 - reward, 0.01 + reward])
        bounds = Bounds(np.zeros(2 * size), np.concatenate([np.full(size, limit - 1.0), true[free]]))
        solved = milp(cost, constraints=change, bounds=bounds, integrality=np.ones(2 * size),
                      options={"time_limit": TIME_LIMIT, "mip_rel_gap": 0.5})
        if solved.x is None or solved.status not in (0, 1):
            return None
        found = true.copy()
        found[free] += np.round(solved.x[:size] - solved.x[size:])
        return found

    def _changes(self, matrix, free):
        """Constraints on a change of the variables ``free`` (``p - q``): every shown figure (``matrix``) and the
        family's own constraints kept."""
        true = self.true
        change = []
        shown_now = matrix @ true
        for whole, lower, upper in ((matrix, shown_now, shown_now),
                                    *((c.A, c.lb, c.ub) for c in self.constraints())):
            whole = sparse.csr_array(whole)
            now = whole @ true
            lower, upper = np.broadcast_to(lower, now.shape) - now, np.broadcast_to(upper, now.shape) - now
            rows = whole[:, free]
            keep = np.flatnonzero(np.abs(rows).sum(axis=1) > 0)  # (the rest: their variables stay as they are)
            rows = rows[keep]
            change.append(LinearConstraint(sparse.hstack([rows, -rows]).tocsr(), lower[keep], upper[keep]))
        return change

    def solve_window(self, matrix, mask, low, high):
        """Counts consistent with every shown figure (``matrix`` of them, each as it is now) and the profiles'
        responses, with ``mask``'s figure between ``low`` and ``high``, changing as few responses as it can:
        first only the figure's year, then every year. An integer program each, for at most ``TIME_LIMIT``
        seconds; ``None`` if none is found in time."""
        years = np.unique(self.year_of[mask])
        tries = [self.year_of == years[0]] if len(years) == 1 else []
        tries.append(np.ones(len(self.true), dtype=bool))
        for free in tries:
            found = self._nearest(matrix, mask, low, high, np.flatnonzero(free))
            if found is not None:
                return found
        return None

    def _nearest(self, matrix, mask, low, high, free):
        true, size = self.true, len(free)
        change = self._changes(matrix, free)
        now = float(mask @ true)
        window = mask[free].astype(float).reshape(1, -1)
        change.append(LinearConstraint(np.hstack([window, -window]), [low - now], [high - now]))
        bounds = Bounds(np.zeros(2 * size), np.concatenate([np.full(size, np.inf), true[free]]))
        relaxed = milp(np.ones(2 * size), constraints=change, bounds=bounds)  # its nearest counts are often whole
        if relaxed.status == 2:
            return None  # (no counts at all: none of whole responses either)
        if relaxed.x is not None and np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-6):
            solved = relaxed
        else:
            solved = milp(np.ones(2 * size), constraints=change, bounds=bounds, integrality=np.ones(2 * size),
                          options={"time_limit": TIME_LIMIT, "mip_rel_gap": 1e9})  # the first found will do
        if solved.x is None or solved.status not in (0, 1):
            return None
        found = true.copy()
        found[free] += np.round(solved.x[:size] - solved.x[size:])
        return found

    def build(self, extra):
        super().build(extra)
        item = self.questions[0].key
        self.figures = [(mask, value) for mask, value in self.figures if self._varies(mask)]
        self.grids = {key: grid for key, grid in self.grids.items() if item in key[:2]}

    def _sizes(self):
        """Each profile's responses as a linear map of the variables."""
        size = len(self.true)
        columns = np.arange(size)
        keep = np.ones(size, dtype=bool) if self.slotted is None else (columns % self.width_of_profile) <= ANSWERING
        return sparse.csr_array((np.ones(int(keep.sum())), (self._profile_of[keep], columns[keep])),
                                shape=(size // self.width_of_profile, size))

    def _same_sizes(self, solution, changed):
        profiles = np.unique(self._profile_of[changed])
        block = solution.reshape(-1, self.width_of_profile)[profiles]
        true = self.true.reshape(-1, self.width_of_profile)[profiles]
        if self.slotted is not None:
            block, true = block[:, :ANSWERING + 1], true[:, :ANSWERING + 1]
        return bool(np.array_equal(block.sum(axis=1), true.sum(axis=1)))


class ProfileFamily(_Profiled, Family):
    """``Family`` of a single-choice (or narrow multiple-choice) item and every breakdown: a variable per
    profile some response has and per answer of the item (``None``, not answering, first)."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables
        item, others = questions[0], questions[1:]
        item_answers = _answers(item)
        profiles, answers, profile_years, coordinates = _profiles(counts, others)
        width = len(item_answers)
        self.dims = [len(profiles), width]
        self.true = np.zeros(len(profiles) * width)
        position = {profile: i for i, profile in enumerate(profiles)}
        answer_index = {answer: i for i, answer in enumerate(item_answers)}
        for pattern, n in counts.items():
            self.true[position[(pattern[0], *pattern[2:])] * width + answer_index[pattern[1]]] = n
        self._settle(width)
        self._profile_year, self._profile_coordinates = profile_years, coordinates
        self.year_of = profile_years[self._profile_of]
        self.everyone = np.ones(len(self.true), dtype=bool)
        self.masks = {}
        self._question_masks(item, item_answers, np.arange(len(self.true)) % width)
        for i, question in enumerate(others):
            self._question_masks(question, answers[i], coordinates[i][self._profile_of])

    def feasible(self, solution, changed):
        return self._same_sizes(solution, changed)

    def _pair_moves(self, pairs):
        """Rows ``(p1 u, p2 v, p1 v, p2 u)`` with coefficients ``(1, 1, -1, -1)``: one respondent of each profile
        changing answer, ``u`` for ``v`` and back."""
        width = self.dims[1]
        u, v = np.triu_indices(width, 1)
        first, second = pairs[:, 0, None] * width, pairs[:, 1, None] * width
        moves = np.stack([first + u, second + v, first + v, second + u], axis=-1).reshape(-1, 4)
        return moves, np.broadcast_to(np.array([1, 1, -1, -1], dtype=np.int64), moves.shape)

    def constraints(self):
        sizes = self._sizes()
        kept = sizes @ self.true
        return [LinearConstraint(sizes, kept, kept)]


class ProfileChoiceFamily(_Profiled, ChoiceFamily):
    """``ChoiceFamily`` of a wide multiple-choice item and every breakdown: per profile some response has, the
    people not answering, answering and choosing each option, each profile's responses kept."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables
        item, others = questions[0], questions[1:]
        self.slotted, self.width = item.key, item.width
        profiles, answers, profile_years, coordinates = _profiles(counts, others)
        width = item.width + 2
        self.dims = [len(profiles), width]
        position = {profile: i for i, profile in enumerate(profiles)}
        values = np.zeros((len(profiles), width))
        for pattern, n in counts.items():
            row = position[(pattern[0], *pattern[2:])]
            chosen = () if pattern[1] is None else tuple(pattern[1])
            if chosen:
                values[row, ANSWERING] += n
                values[row, [2 + o for o in chosen]] += n
            else:
                values[row, NOT_ANSWERING] += n
        self.true = values.ravel()
        self._settle(width)
        self._profile_year, self._profile_coordinates = profile_years, coordinates
        slot = np.arange(len(self.true)) % width
        self.year_of = profile_years[self._profile_of]
        self.everyone = slot <= ANSWERING
        self.masks = {(item.key, None): slot == NOT_ANSWERING, (item.key, "any"): slot == ANSWERING}
        for o in range(item.width):
            self.masks[(item.key, o)] = slot == 2 + o
        for i, question in enumerate(others):
            self._question_masks(question, answers[i], coordinates[i][self._profile_of])

    def feasible(self, solution, changed):
        return super().feasible(solution, changed) and self._same_sizes(solution, changed)

    def _pair_moves(self, pairs):
        """A change within a profile (one more choosing an option; one more answering instead of not) made in one
        profile and undone in the other."""
        width = self.dims[1]
        changes = [[(2 + o, 1)] for o in range(self.width)]
        changes += [[(ANSWERING, 1), (NOT_ANSWERING, -1)]]
        changes += [[(ANSWERING, 1), (2 + o, 1), (NOT_ANSWERING, -1)] for o in range(self.width)]
        rows, coefficients = [], []
        for change in changes:
            slots = np.array([s for s, _c in change])
            signs = [c for _s, c in change]
            rows.append(np.concatenate([pairs[:, :1] * width + slots, pairs[:, 1:] * width + slots], axis=1))
            coefficients.append(np.repeat([signs + [-c for c in signs]], len(pairs), axis=0))
        widest = max(r.shape[1] for r in rows)
        rows = np.concatenate([np.pad(r, ((0, 0), (0, widest - r.shape[1]))) for r in rows])
        coefficients = np.concatenate([np.pad(c, ((0, 0), (0, widest - c.shape[1]))) for c in coefficients])
        return rows, coefficients.astype(np.int64)

    def constraints(self):
        sizes = self._sizes()
        kept = sizes @ self.true
        return [*super().constraints(), LinearConstraint(sizes, kept, kept)]


def complete_family(years, counts, members, limit, tables):
    """The family of ``members`` (an item, then every breakdown) over the profiles of ``counts``."""
    item = members[0]
    wide = item.multiple and item.width > 4
    return (ProfileChoiceFamily if wide else ProfileFamily)(years, counts, list(members), limit, tables)
