"""The audit of a question's published tables taken together: the last step of the one engine (``suppression``).

The cycle checks of ``suppression`` and ``suppression_linked`` protect each table against its own figures and
the totals it shares with others. Tables taken together can say more: ``a`` by ``b1``, ``a`` by ``b2`` and
``b2`` by ``b1`` for the same period bound the three-way table none of them shows, and a multiple-choice
question's people answering lie between its largest count and the sum of its counts, which the cycles only
approximate. The audit checks what they cannot. A family (``suppression_patterns``) is every table published
about an item and its breakdowns, for every period, as figures over non-negative integers: the responses per
pattern of answers (year, the item's answer, the breakdowns' answers), or, for a multiple-choice item wider than
``ALL_SUBSETS_UP_TO`` options, per profile (year, the breakdowns' answers) the people not answering, answering
and choosing each option, with each option at most the people answering and all of them at least (exact: any
such values are some responses). For every figure hidden as a small group it asks whether some values
consistent with every figure shown give it another value 1 to N-1 away from the true one. Cheap certificates
come first, each checked exactly: a move no shown figure tells apart (for patterns a rectangle: two values of
two questions, the rest fixed; per profile, a change within a profile made in one and undone in another, or one
response moved round a rectangle of profiles), added or taken away, or two such moves with the same effect on
every shown figure; per profile, a small integer program over one option's variables alone; for the figures they
leave, a linear program for the nearest counts (``suppression_nearest``: no counts at all proves the figure cannot
move, whole counts checked exactly prove it can), and an integer program (scipy's ``milp``, HiGHS) over the whole
family only when its answer is not whole (on the youth demo, once). When
no values move a figure, one more figure of a breakdown is hidden (to protect, never "fewer than N"): the
smallest shown non-zero figure of a breakdown that counts some of the same responses (else of the same period;
a zero when none is left), in every table showing it (X by Y and Y by X are one grid), and the tables are made
again; until no figure is pinned, or nothing is left to hide.

A family is one item and up to three breakdowns (single-choice questions or the cohorts): every breakdown of
the item and the breakdowns' cross-tabs. An item's breakdowns are taken three at a time where that family has
at most ``TRIPLES_UP_TO`` variables, else two at a time (on the youth demo, every family: five breakdowns of up
to eight groups), so a figure bounded only by the tables of more breakdowns together than its families hold
(three where they are pairs, four where they are triples) is not found by them. The sound pass closes that gap
(``suppression_sound``, after the families, ``SOUND``): each question in turn varies alone, every respondent
keeping their other answers, and every figure hidden as a small group must move 1 to N-1 there, against every
table that varies with that question (all breakdowns together), else one more figure is hidden. Every figure of
an item that is no breakdown (its own table, it by every breakdown) is so protected against all the tables
together, but for one no answer of it can move even with every breakdown figure hidden (a new year's one
response: its year would have to change), left to the families and logged. A breakdown question's own figures
(its table; the results service never breaks a breakdown question down, ``Question.broken_down``) are so
protected too, in its own family, after the items'. ``protect`` returns the further hidden cells per
breakdown table; ``services.result_audit`` works them out from the database's counts (every
respondent's answers for the sound pass), caches them, and ``services.results`` passes them on to
``result_tables.breakdown``.
"""

import itertools

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from feedback_app.services.suppression import reason, shown
from feedback_app.services.suppression_nearest import nearest
from feedback_app.services.suppression_patterns import ALL_SUBSETS_UP_TO, ChoiceFamily, Family, Question

__all__ = ["ALL_SUBSETS_UP_TO", "Question", "families", "protect"]

MAX_ROUNDS = 200
# A family's variables: an item with three breakdowns is audited as one family up to this (e.g. one year of a
# three-option question by three yes/no breakdowns). 2,000 doubled the results tests' time (their survey's triples
# have 324-1,300 variables: 52 s -> 119 s for 90 tests; 300: 44 s) and the CI budget is 15 minutes.
TRIPLES_UP_TO = 300
# The sound pass (``suppression_sound``: each question varying alone, against every table of it together) after
# the families: what lets the audit claim no hidden figure is pinned by any number of breakdowns together.
SOUND = True


class _Solver:
    """Integer programs over one family's patterns, keeping every solution found: a solution stays consistent
    when more figures are hidden, so it certifies figures later without solving again."""

    def __init__(self, family):
        self.family = family
        self.solutions = [family.true]
        self.stuck = set()  # the masks of figures hiding breakdown cells cannot protect (``futile``)
        self.all_moves = family.moves()
        self._stacked = np.empty((0, len(family.true)))  # ``solutions`` as one array, grown as they are found

    def _moved(self, masks, trues):
        """Which of ``masks`` some known solution moves by 1 to N-1."""
        if not self.solutions:
            return np.zeros(len(masks), dtype=bool)
        if len(self._stacked) != len(self.solutions):  # solutions are only appended, or filtered (then restacked)
            self._stacked = np.vstack([self._stacked, np.array(self.solutions[len(self._stacked):], dtype=float)])
        if len(masks) <= 4:  # a few figures: sum their patterns' columns (a figure counts few patterns)
            moved = np.abs(np.array([self._stacked[:, mask].sum(axis=1) for mask in masks]) - trues[:, None])
        else:
            moved = np.abs(masks.astype(float) @ self._stacked.T - trues[:, None])
        return ((moved >= 1) & (moved < self.family.limit)).any(axis=1)

    def _valid(self, indexes, coefficients, matrix):
        """Whether the true counts changed by ``coefficients`` at ``indexes`` are some responses with every shown
        figure the same (checked exactly); if so, kept as a solution."""
        solution = self.family.true.copy()
        np.add.at(solution, indexes, coefficients)
        if solution[indexes].min() < 0 or not self.family.feasible(solution, indexes):
            return False
        changed = np.zeros(len(solution))
        np.add.at(changed, indexes, coefficients)
        touched = np.flatnonzero(changed)
        if np.any(matrix[:, touched] @ changed[touched]):
            return False
        self.solutions.append(solution)
        return True

    def _rectangle(self, matrix, values, masks, trues, tries=8):
        """Cheap certificates before integer programming: a move (for patterns, a rectangle of them: two values of
        two questions, the rest fixed, added or taken away) that no shown figure tells apart, moving a figure by
        1 to N-1, is a consistent set of responses; each found is checked exactly and kept as a solution."""
        weights = np.random.default_rng(0).integers(1, 2**40, size=len(matrix)) @ matrix.astype(np.int64)
        true, limit = self.family.true, self.family.limit
        every, every_coefficient = self.all_moves
        self._effect = (weights[every] * every_coefficient).sum(axis=1)  # (kept for ``_pairs``)
        kernel = self._effect == 0
        every, every_coefficient = every[kernel], every_coefficient[kernel]
        before = true[every]
        for sign in (1, -1):
            keeps = (before + sign * every_coefficient >= 0).all(axis=1)  # every count non-negative
            moves, coefficients = every[keeps], every_coefficient[keeps]
            if not len(moves):
                continue
            left = ~self._moved(masks, trues)
            chosen = masks[left].astype(np.int64)
            effect = np.abs(np.einsum("fmw,mw->fm", chosen[:, moves], coefficients))
            good = (effect >= 1) & (effect < limit)
            for row in np.flatnonzero(good.any(axis=1)):
                if self._moved(masks[left][row:row + 1], trues[left][row:row + 1])[0]:
                    continue
                for found in np.flatnonzero(good[row])[:tries]:
                    if self._valid(moves[found], sign * coefficients[found], matrix):
                        break

    def _pairs(self, matrix, values, masks, trues, tries=400):
        """Cheap certificates, second: two moves no shown figure tells apart (the same weighted effect on the
        shown figures), one undone where the other is made, moving a figure by 1 to N-1."""
        effect, limit = self._effect, self.family.limit
        moves, coefficients = self.all_moves
        order = np.argsort(np.abs(effect), kind="stable")
        sorted_effect = np.abs(effect)[order]
        for row in range(len(masks)):
            if self._moved(masks[row:row + 1], trues[row:row + 1])[0]:
                continue
            moved = (masks[row].astype(np.int64)[moves] * coefficients).sum(axis=1)
            firsts = np.flatnonzero((moved != 0) & (effect != 0))[:tries]
            low = np.searchsorted(sorted_effect, np.abs(effect[firsts]), side="left")
            high = np.searchsorted(sorted_effect, np.abs(effect[firsts]), side="right")
            # Every (first, partner) in order: each first's partners, those with the same effect up to sign.
            lengths = high - low
            first = np.repeat(firsts, lengths)
            partner = order[np.repeat(low - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())]
            self._pair(matrix, effect, moved, first, partner, limit)

    def _pair(self, matrix, effect, moved, first, partner, limit):
        """The first of the pairs (``first[i]`` made, ``partner[i]``, a move with the same effect on every shown
        figure up to sign, undone) that moves the figure by 1 to N-1 and keeps every count non-negative (all
        pairs at once), then checked exactly (``_valid``)."""
        moves, coefficients = self.all_moves
        same = np.where((effect[first] > 0) == (effect[partner] > 0), 1, -1)
        shift = np.abs(moved[first] - same * moved[partner])
        keep = (partner != first) & (shift >= 1) & (shift < limit)
        first, partner, same = first[keep], partner[keep], same[keep]
        if not len(first):
            return False
        indexes = np.concatenate([moves[first], moves[partner]], axis=1)
        change = np.concatenate([coefficients[first], -same[:, None] * coefficients[partner]], axis=1)
        # The change at each index, summed over the entries naming it (the two moves may share patterns).
        total = ((indexes[:, :, None] == indexes[:, None, :]) * change[:, None, :]).sum(axis=2)
        before = self.family.true[indexes]
        fits = [(before + sign * total >= 0).all(axis=1) for sign in (1, -1)]
        for row in np.flatnonzero(fits[0] | fits[1]):
            for sign, fit in zip((1, -1), fits, strict=True):
                if fit[row] and self._valid(indexes[row], sign * change[row], matrix):
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

    def _consistent(self, solution, matrix, values):
        """Whether ``solution`` (whole counts) is some responses with every shown figure as it is (exact)."""
        changed = np.flatnonzero(solution != self.family.true)
        return bool(solution.min() >= 0 and np.array_equal(matrix @ solution, values)
                    and (not len(changed) or self.family.feasible(solution, changed)))

    def _restricted(self, mask, true, matrix, values):
        """Cheap certificates, third (``ChoiceFamily``): a small integer program over the variables of the
        figure's one option (or its people answering and not answering) alone, the others as they are."""
        restricted = self.family.restricted(mask)
        if restricted is None:
            return False
        free, lower, upper, same = restricted
        now = self.family.true[free]
        columns = matrix[:, free]
        rows = columns[np.abs(columns).sum(axis=1) > 0]
        constraints = [LinearConstraint(rows, rows @ now, rows @ now)]
        if same is not None:
            constraints.append(LinearConstraint(same, same @ now, same @ now))
        limit = self.family.limit
        for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
            extra = LinearConstraint(mask[free].astype(float).reshape(1, -1), [low], [high])
            solved = milp(np.zeros(len(free)), constraints=[*constraints, extra], integrality=np.ones(len(free)),
                          bounds=Bounds(lower, upper), options=getattr(self.family, "milp_options", None))
            if solved.status == 0:
                solution = self.family.true.copy()
                solution[free] = np.round(solved.x)
                if solution.min() >= 0 and self.family.feasible(solution, free) and \
                        np.array_equal(matrix @ solution, values):
                    self.solutions.append(solution)
                    return True
        return False

    def pinned(self, first_only=False, only=None, skip=()):
        """The masks of the figures hidden as a small group that no consistent set of responses moves by 1 to N-1
        (with ``first_only``, the first of them only: which figures are pinned does not depend on the
        certificates found, so the first is the same, and the others are not proved pinned in vain; ``skip``:
        masks (as bytes) not to check)."""
        family, limit = self.family, self.family.limit
        shown_rows = [(mask, value) for mask, value in family.figures if shown(value)]
        matrix = np.array([mask for mask, _v in shown_rows], dtype=float).reshape(-1, len(family.true))
        values = np.array([v for _m, v in shown_rows], dtype=float)
        self.solutions = [s for s in self.solutions if np.array_equal(matrix @ s, values)]
        self._stacked = self._stacked[:0]
        checks, done = [], set()
        for mask, published in family.figures:
            if reason(published) != "small" or (only is not None and not np.array_equal(mask, only)):
                continue
            true = family.value(mask)
            if true == 0 or mask.tobytes() in done or mask.tobytes() in skip or \
                    (only is None and mask.tobytes() in self.stuck):
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
        for row in np.flatnonzero(left):
            for indexes, change in family.people_moves(masks[row]):
                if 1 <= abs(masks[row][indexes] @ change) < limit and any(
                        self._valid(indexes, sign * change, matrix) for sign in (1, -1)):
                    left[row] = False
                    break
        if left.any():
            left[left] = ~self._moved(masks[left], trues[left])
        if left.any() and hasattr(family, "spread"):  # (``suppression_sound``: many figures at once)
            self.solutions += [s for s in family.spread(matrix, masks[left], trues[left])
                               if self._consistent(s, matrix, values)]
            left[left] = ~self._moved(masks[left], trues[left])
        if left.any():
            self._pairs(matrix, values, masks[left], trues[left])
            left[left] = ~self._moved(masks[left], trues[left])
        checks = [check for check, keep in zip(checks, left, strict=True) if keep]
        pinned, base = [], None
        bounds = Bounds(np.zeros(len(family.true)), np.full(len(family.true), np.inf))
        integrality = np.ones(len(family.true))
        for mask, true in checks:
            if self._moved(mask[None, :], np.array([true], dtype=float))[0] or \
                    self._restricted(mask, true, matrix, values):
                continue
            if base is None:
                base = [LinearConstraint(matrix, values, values), *family.constraints()]
            for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
                if hasattr(family, "solve_window"):  # (``suppression_sound``: its own, time-limited)
                    found = family.solve_window(matrix, mask, low, high)
                    if found is not None and low <= mask @ found <= high and self._consistent(found, matrix, values):
                        self.solutions.append(found)
                        break
                    continue
                found = nearest(family.true, base, mask, low, high)  # a linear program first
                if isinstance(found, str):
                    continue  # proved: no counts put the figure there
                if found is not None and low <= mask @ found <= high and self._consistent(found, matrix, values):
                    self.solutions.append(found)
                    break
                extra = LinearConstraint(mask.astype(float).reshape(1, -1), [low], [high])
                solved = milp(np.zeros(len(family.true)), constraints=[*base, extra], integrality=integrality,
                              bounds=bounds, options=getattr(family, "milp_options", None))
                if solved.status == 0:
                    self.solutions.append(np.round(solved.x))
                    break
            else:
                pinned.append(mask)
                if first_only:
                    break
        return pinned


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
                tier = 0 if family.overlaps(masks[row][col], pinned) else (1 if key[2] in periods else 2)
                order = (tier, figure == 0, figure)
                if best is None or order < best[0]:
                    best = (order, (*key, row, col))
    return None if best is None else best[1]


def _hide(extra, questions, item, by, period, row, col):
    extra.setdefault((item, by, period), set()).add((row, col))
    other = questions[by]
    if questions[item].transposable and other.transposable and other.item:
        extra.setdefault((by, item, period), set()).add((col, row))  # the same grid read the other way round


def _size(years, item, group):
    """The number of variables of a family."""
    if item.multiple:
        answers = 2**item.width if item.width <= ALL_SUBSETS_UP_TO else item.width + 2
    else:
        answers = item.width + 1
    return years * answers * int(np.prod([q.width + 1 for q in group]))


def families(questions, years=1):
    """The families to audit: each item with every triple of breakdowns whose family has at most
    ``TRIPLES_UP_TO`` variables, and every pair of breakdowns in none of those (or its one breakdown), none twice."""
    found = []
    for item in questions:
        if not item.item:
            continue
        others = [q for q in questions if q.breakdown and q is not item] if item.broken_down else []
        triples = [t for t in itertools.combinations(others, 3) if _size(years, item, t) <= TRIPLES_UP_TO]
        pairs = [p for p in itertools.combinations(others, 2) if not any(set(p) <= set(t) for t in triples)]
        groups = triples + pairs or [(q,) for q in others]
        for group in groups:
            keys = {item.key, *(q.key for q in group)}
            if not any(keys <= {f[0].key, *(q.key for q in f[1:])} for f in found):
                found.append((item, *group))
    return found


def _family(years, counts, members, limit, tables):
    item = members[0]
    wide = item.multiple and item.width > ALL_SUBSETS_UP_TO
    return (ChoiceFamily if wide else Family)(years, counts, list(members), limit, tables)


def protect(years, counts, questions, limit, family_counts=None, everyone=None, sound=None):
    """Further cells to hide in breakdowns, ``{(item, by, period): {(row, col)}}`` (``row``: the group,
    ``col``: the item's grid column), so that no figure hidden as a small group is pinned by the tables
    taken together. ``counts``: ``{(year, answer of each question...): responses}``, the answers in the
    order of ``questions``; ``family_counts(keys)``: the counts over some of the questions only (by default
    summed from ``counts``); ``everyone()``: the counts over every question (by default ``counts``), for the
    sound pass (``suppression_sound``; ``sound``: whether to run it, by default ``SOUND``). Returns ``(extra,
    stuck)``, ``stuck`` the families left with a pinned figure."""
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
    audited = [(_family(years, family_counts([q.key for q in f]), f, limit, tables), f)
               for f in families(questions, years)]
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
    if SOUND if sound is None else sound:
        from feedback_app.services import suppression_sound  # (it builds on this module)

        suppression_sound.protect(years, everyone() if everyone else counts, questions, limit, extra)
    if years == 1:
        extra.update({(item, by, None): cells for (item, by, _period), cells in list(extra.items())})
    return {k: frozenset(v) for k, v in extra.items()}, stuck
