"""The sound audit of suppression (``suppression_audit``'s last pass): every hidden figure against every table of
its question and period taken together, however many breakdowns there are.

The audit's families (``suppression_patterns``) hold an item and two or three breakdowns, so a figure bounded only
by the tables of more breakdowns together than a family holds is not found there. Here each question ``Q`` is taken
in turn and only its answer may vary: every respondent keeps their answers to every other question. The variables
are the respondents' profiles over the questions whose tables with ``Q`` vary with ``Q``'s answer (for an item, the
year and every breakdown's answer; for a breakdown, which is also an item, the year and the answers of the items
broken down by it, and, were it broken down itself (``Question.broken_down``: the results service breaks down no
breakdown question), every other breakdown's) times ``Q``'s answers (for a multiple-choice item wider than
``ALL_SUBSETS_UP_TO`` options, per profile the people not answering, answering and choosing each option, as in
``ChoiceFamily``), each profile's responses kept. Every figure that does not depend on ``Q``'s answer is the same in
every value here; every one that does (``Q``'s own table and ``Q`` by each breakdown, each item by ``Q``) is in the
family, shown or hidden, as published. So values found here, consistent with every figure shown in the family, are
some responses consistent with everything the survey shows: a certificate that holds against all
the tables together. A figure of ``X`` by ``B`` may be certified by ``X``'s family or by ``B``'s. The items that
are no breakdown go first, so a breakdown's family is asked only about what theirs left: its own figures. The
cohorts, a breakdown that is no question, vary last the same way (``VARY_COHORTS``): each respondent's cohort free,
their answers kept, against every table by cohort. (On the youth demo, every family, the breakdowns' and the
cohorts' included: ``benchmarks/audit_cold.py``.)

Certificates come cheap first (``suppression_audit._Solver``): one respondent's answer moved, or two respondents
swapping their answers, so that no shown figure tells it apart (checked exactly); two such moves with the same
effect; a linear program for the nearest counts; an integer program with a time limit (``TIME_LIMIT``; a
timeout counts as not certified, and one more figure is hidden: safe). A figure left pinned in every family it
is in gets one more figure hidden (``suppression_audit._candidate``), and the families are made again. A figure
that moves only with a respondent's year (the responses per year; a new year's one response) cannot move here:
``suppression_audit``'s families cover it, and it is logged.
"""

import logging

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from feedback_app.services import result_tables
from feedback_app.services.suppression import reason
from feedback_app.services.suppression_patterns import (
    ALL_SUBSETS_UP_TO,
    ANSWERING,
    NOT_ANSWERING,
    ChoiceFamily,
    Family,
    _answers,
)

_log = logging.getLogger(__name__)
TIME_LIMIT = 2.0  # seconds per integer program; one not answered in time counts as pinned (more is hidden)
SPREAD_TIME_LIMIT = 2.0  # seconds per program moving many figures at once (0.5: more left to one program each)
MAX_ROUNDS = 400
# The cohorts (a breakdown that is no question) vary too, each respondent keeping their answers: their family, last,
# certifies a figure of a cohort's group that no question's answers move (on the demo's partnership and lay members
# surveys, 15 and 11 figures otherwise left to the families' audit).
VARY_COHORTS = True
MAX_SWAPS = 400_000  # candidate swaps of two respondents' answers per family (the nearest profiles first)


def relevant(question, questions):
    """The questions whose tables with ``question`` vary with its answer, in ``questions``' order: those a table
    crosses with it (an item broken down by it, or a breakdown it is broken down by)."""
    def crosses(other):
        return ((question.breakdown and other.item and other.broken_down)
                or (question.item and question.broken_down and other.breakdown))
    return [q for q in questions if q is not question and crosses(q)]


class _Sound:
    """What both kinds share: profiles of the respondents over ``questions[1:]``, only the tables with the first
    question, and the moves of one respondent or two."""

    milp_options = {"time_limit": TIME_LIMIT}

    def _profiles(self, counts, others):
        profiles = sorted({(p[0], *p[2:]) for p in counts}, key=repr)
        self.others_answers = [[None, *sorted({p[1 + i] for p in profiles if p[1 + i] is not None}, key=repr)]
                               for i in range(len(others))]
        index = [{a: n for n, a in enumerate(answers)} for answers in self.others_answers]
        self.coordinates = [np.array([index[i][p[1 + i]] for p in profiles], dtype=np.int64)
                            for i in range(len(others))]
        self.profile_year = np.array([p[0] for p in profiles], dtype=np.int64)
        return {p: n for n, p in enumerate(profiles)}

    def _settle(self, width, others):
        self.width_of_profile = width
        self.profile_of = np.arange(len(self.true)) // width
        self.year_of = self.profile_year[self.profile_of]
        for i, question in enumerate(others):
            self._question_masks(question, self.others_answers[i], self.coordinates[i][self.profile_of])

    def _varies(self, mask):
        rows = mask.reshape(-1, self.width_of_profile)
        if self.slotted is not None:
            if rows[:, ANSWERING + 1:].any():
                return True
            rows = rows[:, :ANSWERING + 1]
        return not (rows.all(axis=1) | ~rows.any(axis=1)).all()

    def build(self, extra):
        """The tables with the first question only (the others are the same in every value here), with their
        figures' names: ``(period, frozenset of (question, answer))``, the same in every family."""
        years, limit, first = self.years, self.limit, self.questions[0].key
        self.figures, self.names, self.grids = [], [], {}
        sizes = [self.value(self.mask(y)) for y in range(years)]
        year_figures, year_total = result_tables.responses(sizes, limit=limit)
        items = {}
        for q in self.questions:
            if q.item:
                before = len(self.figures)
                items[q.key] = self._item(q, sizes, year_figures, year_total)
                if q.key != first:
                    del self.figures[before:]
                    continue
                for period in [*range(years), None]:
                    self.names += [(period, frozenset({(q.key, o)})) for o in [*range(q.width), "any"]]
        for q in self.questions:
            for by in self.questions:
                if not (q.item and q.broken_down and by.breakdown and by is not q and first in (q.key, by.key)):
                    continue
                for period in range(years):
                    self._breakdown(q, by, period, items, extra.get((q.key, by.key, period), ()))
                    self.names += [(period, frozenset({(q.key, o), (by.key, g)}))
                                   for g in [*range(by.width), None] for o in [*range(q.width), "any"]]
        kept = [n for n, (mask, _v) in enumerate(self.figures) if self._varies(mask)]
        self.figures = [self.figures[n] for n in kept]
        self.names = [self.names[n] for n in kept]
        self.name_of = {mask.tobytes(): name for (mask, _v), name in zip(self.figures, self.names, strict=True)}

    def _sizes(self):
        """Each profile's responses as a linear map of the variables."""
        size = len(self.true)
        columns = np.arange(size)
        keep = np.ones(size, dtype=bool) if self.slotted is None else (columns % self.width_of_profile) <= ANSWERING
        return sparse.csr_array((np.ones(int(keep.sum())), (self.profile_of[keep], columns[keep])),
                                shape=(size // self.width_of_profile, size))

    def _same_sizes(self, solution, changed):
        profiles = np.unique(self.profile_of[changed])
        block = solution.reshape(-1, self.width_of_profile)[profiles]
        true = self.true.reshape(-1, self.width_of_profile)[profiles]
        if self.slotted is not None:
            block, true = block[:, :ANSWERING + 1], true[:, :ANSWERING + 1]
        return bool(np.array_equal(block.sum(axis=1), true.sum(axis=1)))

    def _changes(self, matrix, free):
        """Constraints on a change ``p - q`` of the variables ``free``: every shown figure (``matrix``) and the
        family's own constraints kept."""
        true, change = self.true, []
        now = matrix @ true
        for whole, lower, upper in ((matrix, now, now), *((c.A, c.lb, c.ub) for c in self.constraints())):
            whole = sparse.csr_array(whole)
            at = whole @ true
            lower, upper = np.broadcast_to(lower, at.shape) - at, np.broadcast_to(upper, at.shape) - at
            rows = whole[:, free]
            keep = np.flatnonzero(np.abs(rows).sum(axis=1) > 0)  # (the others: their variables stay as they are)
            change.append(LinearConstraint(sparse.hstack([rows[keep], -rows[keep]]).tocsr(), lower[keep], upper[keep]))
        return change

    def _nearest(self, change, cost, size, free, upper, mip_rel_gap, time_limit=TIME_LIMIT):
        """An integer program over the change (``cost`` per unit of ``p`` then ``q``), the relaxation first when
        its answer is whole; the counts found, or ``None`` (none, or none in ``TIME_LIMIT``)."""
        bounds = Bounds(np.zeros(2 * size), np.concatenate([np.full(size, upper), self.true[free]]))
        solved = milp(cost, constraints=change, bounds=bounds)
        if solved.status == 2:
            return None  # (no counts at all: no whole ones either)
        if solved.x is None or not np.allclose(solved.x, np.round(solved.x), atol=1e-6):
            solved = milp(cost, constraints=change, bounds=bounds, integrality=np.ones(2 * size),
                          options={"time_limit": time_limit, "mip_rel_gap": mip_rel_gap})
        if solved.x is None or solved.status not in (0, 1):
            return None
        found = self.true.copy()
        found[free] += np.round(solved.x[:size] - solved.x[size:])
        return found

    def solve_window(self, matrix, mask, low, high):
        """Counts consistent with every shown figure and the profiles' responses, with ``mask``'s figure between
        ``low`` and ``high``, changing few responses: first in the figure's year only, then in every year."""
        years = np.unique(self.year_of[mask])
        tries = [self.year_of == years[0]] if len(years) == 1 else []
        for free in [*tries, np.ones(len(self.true), dtype=bool)]:
            free = np.flatnonzero(free)
            change = self._changes(matrix, free)
            window = mask[free].astype(float).reshape(1, -1)
            now = float(mask @ self.true)
            change.append(LinearConstraint(np.hstack([window, -window]), [low - now], [high - now]))
            found = self._nearest(change, np.ones(2 * len(free)), len(free), free, np.inf, 1e9)
            if found is not None:
                return found
        return None

    def spread(self, matrix, masks, trues, rounds=2):
        """Counts moving many hidden figures at once, per year, in random directions (each by less than N):
        certificates for many before one program each (the caller checks each exactly)."""
        found, rng = [], np.random.default_rng(0)
        for year in np.unique(self.year_of):
            in_year = np.array([bool(np.all(self.year_of[m] == year)) for m in masks])
            if not in_year.any():
                continue
            free = np.flatnonzero(self.year_of == year)
            figures = masks[in_year][:, free].astype(float)
            for _round in range(rounds):
                reward = rng.choice([-1.0, 1.0], size=len(figures)) @ figures
                change = self._changes(matrix, free)
                change.append(LinearConstraint(np.hstack([figures, -figures]), -(self.limit - 1), self.limit - 1))
                solution = self._nearest(change, np.concatenate([0.01 - reward, 0.01 + reward]), len(free), free,
                                         self.limit - 1.0, 0.5, SPREAD_TIME_LIMIT)
                if solution is not None:
                    found.append(solution)
        return found

    def _pairs_of_profiles(self, most=MAX_SWAPS):
        """Pairs of profiles, those differing in fewest answers first, at most ``most``."""
        coordinates = np.stack([self.profile_year, *self.coordinates], axis=1)
        count = len(coordinates)
        first, second = np.triu_indices(count, 1)
        if not len(first):
            return np.empty((0, 2), dtype=np.int64)
        apart = (coordinates[first] != coordinates[second]).sum(axis=1)
        order = np.argsort(apart, kind="stable")[:most]
        return np.stack([first[order], second[order]], axis=1)


class SoundFamily(_Sound, Family):
    """A single-choice (or narrow multiple-choice) question ``questions[0]`` varying alone: a variable per
    profile some response has and per answer of the question (``None``, not answering, first)."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables
        item, others = questions[0], questions[1:]
        self.item_answers = _answers(item)
        position = self._profiles(counts, others)
        width = len(self.item_answers)
        self.dims = [len(position), width]
        self.true = np.zeros(len(position) * width)
        answer_index = {answer: i for i, answer in enumerate(self.item_answers)}
        for pattern, n in counts.items():
            self.true[position[(pattern[0], *pattern[2:])] * width + answer_index[pattern[1]]] += n
        self.everyone = np.ones(len(self.true), dtype=bool)
        self.masks = {}
        self._question_masks(item, self.item_answers, np.arange(len(self.true)) % width)
        self._settle(width, others)

    def feasible(self, solution, changed):
        return self._same_sizes(solution, changed)

    def constraints(self):
        sizes = self._sizes()
        kept = sizes @ self.true
        return [LinearConstraint(sizes, kept, kept)]

    def moves(self):
        """One respondent's answer changed (``u`` to ``v``), and two respondents of different profiles swapping
        their answers: rows of four indexes (padded with a zero coefficient), those possible from the true counts."""
        width, true = self.dims[1], self.true.reshape(-1, self.dims[1])
        rows, coefficients = [], []
        profile, answer = np.nonzero(true)
        for v in range(width):
            keep = answer != v
            there = profile[keep] * width
            rows.append(np.stack([there + v, there + answer[keep], there + v, there + v], axis=1))
            coefficients.append(np.tile([1, -1, 0, 0], (int(keep.sum()), 1)))
        pairs = self._pairs_of_profiles()
        for u in range(width):
            for v in range(width):
                if u == v:
                    continue
                keep = (true[pairs[:, 0], u] > 0) & (true[pairs[:, 1], v] > 0)
                one, other = pairs[keep, 0] * width, pairs[keep, 1] * width
                rows.append(np.stack([one + v, other + u, one + u, other + v], axis=1))
                coefficients.append(np.tile([1, 1, -1, -1], (int(keep.sum()), 1)))
        return np.concatenate(rows), np.concatenate(coefficients).astype(np.int64)


class SoundChoiceFamily(_Sound, ChoiceFamily):
    """A multiple-choice item wider than ``ALL_SUBSETS_UP_TO`` options varying alone: per profile some response
    has, the people not answering, answering and choosing each option (``ChoiceFamily``), each profile's
    responses kept."""

    def __init__(self, years, counts, questions, limit, tables=None):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {} if tables is None else tables
        item, others = questions[0], questions[1:]
        self.slotted, self.width = item.key, item.width
        position = self._profiles(counts, others)
        width = item.width + 2
        self.dims = [len(position), width]
        values = np.zeros((len(position), width))
        for pattern, n in counts.items():
            row = position[(pattern[0], *pattern[2:])]
            chosen = () if pattern[1] is None else tuple(pattern[1])
            values[row, [ANSWERING, *(2 + o for o in chosen)] if chosen else NOT_ANSWERING] += n
        self.true = values.ravel()
        slot = np.arange(len(self.true)) % width
        self.everyone = slot <= ANSWERING
        self.masks = {(item.key, None): slot == NOT_ANSWERING, (item.key, "any"): slot == ANSWERING}
        for o in range(item.width):
            self.masks[(item.key, o)] = slot == 2 + o
        self._settle(width, others)

    def feasible(self, solution, changed):
        return ChoiceFamily.feasible(self, solution, changed) and self._same_sizes(solution, changed)

    def constraints(self):
        sizes = self._sizes()
        kept = sizes @ self.true
        return [*ChoiceFamily.constraints(self), LinearConstraint(sizes, kept, kept)]

    def people_moves(self, mask):
        return []

    def moves(self):
        """A change within a profile (one more choosing an option; one more answering instead of not, choosing an
        option or not) made in one profile and undone in another."""
        width = self.dims[1]
        pairs = self._pairs_of_profiles(MAX_SWAPS // (4 * self.width + 2))  # (a move per change and direction)
        changes = [[(2 + o, 1)] for o in range(self.width)]
        changes += [[(ANSWERING, 1), (NOT_ANSWERING, -1)]]
        changes += [[(ANSWERING, 1), (2 + o, 1), (NOT_ANSWERING, -1)] for o in range(self.width)]
        rows, coefficients = [], []
        for change in changes:
            slots = np.array([s for s, _c in change] + [0] * (3 - len(change)))
            signs = [c for _s, c in change] + [0] * (3 - len(change))
            for one, other in ((pairs[:, :1], pairs[:, 1:]), (pairs[:, 1:], pairs[:, :1])):
                rows.append(np.concatenate([one * width + slots, other * width + slots], axis=1))
                coefficients.append(np.tile(signs + [-c for c in signs], (len(pairs), 1)))
        return np.concatenate(rows), np.concatenate(coefficients).astype(np.int64)


def family(years, counts, question, questions, limit, tables):
    """The family of ``question`` varying alone, from ``counts`` over every question (in ``questions``' order)."""
    members = [question, *relevant(question, questions)]
    indexes = [questions.index(q) for q in members]
    projected = {}
    for pattern, n in counts.items():
        key = (pattern[0], *(pattern[1 + i] for i in indexes))
        projected[key] = projected.get(key, 0) + n
    wide = question.multiple and question.width > ALL_SUBSETS_UP_TO
    return (SoundChoiceFamily if wide else SoundFamily)(years, projected, members, limit, tables)


def small_names(fam):
    """The names of the family's figures hidden as a small group, not zero."""
    return {name for (mask, published), name in zip(fam.figures, fam.names, strict=True)
            if reason(published) == "small" and fam.value(mask)}


def protect(years, counts, questions, limit, extra):
    """Hide further cells in ``extra`` (``suppression_audit.protect``'s, changed in place) until every figure
    hidden as a small group about a question is certified in a family of one question varying alone (or is
    left to the families' audit when hiding cannot protect it: returned). ``counts``: over every question."""
    from feedback_app.services.suppression_audit import _candidate, _hide, _Solver

    if not counts:
        return set()
    by_key = {q.key: q for q in questions}
    tables = {}
    # The items that are no breakdown first: their families certify the figures of an item by a breakdown cheaply,
    # and a breakdown's family then has only what they left (its own figures) to ask about.
    families = [(q, family(years, counts, q, questions, limit, tables))
                for q in sorted((q for q in questions if q.item or (q.breakdown and VARY_COHORTS)),
                                key=lambda q: (q.breakdown, not q.item))]
    solvers = {q.key: _Solver(fam) for q, fam in families}
    # Hiding more only takes constraints away, so a certificate found stays one: a figure certified is not asked
    # again, and a family whose tables did not change since it was last asked pins the same figures.
    given_up, certified, last = set(), set(), {}
    for _round in range(MAX_ROUNDS):
        pinned_in = {}
        for q, fam in families:
            own = frozenset((k, frozenset(v)) for k, v in extra.items() if q.key in k[:2])
            if last.get(q.key, (None,))[0] == own:
                here = {name: mask for name, mask in last[q.key][1].items() if name not in certified | given_up}
            else:
                fam.build(extra)
                skip = {key for key, name in fam.name_of.items() if name in certified or name in given_up}
                here = {fam.name_of[mask.tobytes()]: mask for mask in solvers[q.key].pinned(skip=skip)}
                certified |= small_names(fam) - set(here) - given_up
                last[q.key] = (own, here)
                _log.debug("sound round %s: %s: %s variables, %s pinned", _round, q.key, len(fam.true), len(here))
            for name, mask in here.items():
                pinned_in.setdefault(name, (q, fam, mask))
        left = [(name, found) for name, found in pinned_in.items() if name not in certified]
        if not left:
            break
        hidden_in = set()
        for name, (q, fam, mask) in left:
            if q.key in hidden_in:
                continue  # one more figure per family and round: it may protect the others
            fam.build(extra)
            cell = None if solvers[q.key].futile(mask, extra) else _candidate(fam, mask, extra)
            if cell is None:  # (moving it takes a respondent's year, or breakdown, changing: the families' audit)
                given_up.add(name)
                continue
            _hide(extra, by_key, *cell)
            hidden_in.add(q.key)
    if given_up:
        _log.warning("sound audit: figures no single question's answers move, left to the families' audit: %s",
                     sorted(given_up, key=repr))
    return given_up
