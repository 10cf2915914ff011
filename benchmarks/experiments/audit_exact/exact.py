"""Experiment (issue 19, 6 December): the *exact family* proposed in ``../audit_sound/README.md`` for the
breakdown questions the sound pass skips (``suppression_sound.BREAKDOWN_UP_TO``).

Variables, per profile over the breakdowns (year, every breakdown's answer, the cohort included): the profile's
responses, and for each item that is no breakdown, per answer the responses giving it (``None``, not answering,
first; a multiple-choice item wider than ``ALL_SUBSETS_UP_TO``: not answering, answering, then one per option,
as in ``ChoiceFamily``). Constraints: each item's answers add up to the profile's responses (multiple choice: not
answering + answering; each option at most the people answering, all of them at least); every shown figure of
every table (the audit's figures: responses per year, each item's own grid, each item by each breakdown per
period, and the cohorts' sizes per period) equals its published value; hidden figures are free. No table crosses
two items, so any non-negative integer solution is some set of responses consistent with everything shown
(built and re-counted by ``responses_of`` / ``check``).

Profiles: the profiles some response has ("observed"), or those and every profile one breakdown answer away from
one ("neighbours"); fewer profiles only take solutions away, so a certificate found over them is one.

    python benchmarks/experiments/audit_sound/capture.py youth-voice
    python benchmarks/experiments/audit_sound/run.py youth-voice 1        # the audit's further hidden cells
    python benchmarks/experiments/audit_exact/exact.py [observed|neighbours] [seconds per figure program] [rounds]

Targets: the small hidden figures of the four breakdowns' sound families (``suppression_sound.family`` +
``small_names``, as ``breakdown_cheap.py``). A target is certified by an integer solution giving it a value 1 to
N-1 away from the true one, every shown figure as published, checked exactly twice (integer matrix product, and
responses rebuilt from the solution and counted answer by answer). Programs, per year (the other year kept as it
is): first "spread" programs moving many targets at once (random directions, maximise how many move 1 to N-1),
then one program per target left (a window above, then below; a time limit each).
"""

import pickle
import sys
import time

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from feedback_app.services import result_tables  # noqa: E402
from feedback_app.services import suppression_sound as sound  # noqa: E402
from feedback_app.services.suppression import reason, shown  # noqa: E402
from feedback_app.services.suppression_patterns import ALL_SUBSETS_UP_TO, Family  # noqa: E402

SLUG = "youth-voice"
NOT_ANSWERING, ANSWERING = 0, 1


def log(*args):
    print(f"[{time.strftime('%H:%M:%S')}]", *args, flush=True)


class ExactFamily(Family):
    """Every table of the survey over the exact variables (see the module's docstring)."""

    def __init__(self, years, counts, questions, limit, profiles):
        self.years, self.counts, self.questions, self.limit = years, counts, questions, limit
        self.tables = {}
        self.slotted = None
        self.breakdowns = [i for i, q in enumerate(questions) if q.breakdown]
        self.items = [i for i, q in enumerate(questions) if q.item and not q.breakdown]
        for i in self.items:
            assert not (questions[i].multiple and questions[i].width <= ALL_SUBSETS_UP_TO), "narrow multiple choice"
        self.plain = {questions[i].key for i in self.items}
        # One block of variables per profile: [responses, item 1's slots, item 2's slots, ...]
        self.slot_width = {i: questions[i].width + (2 if questions[i].multiple else 1) for i in self.items}
        self.offset, at = {}, 1
        for i in self.items:
            self.offset[i] = at
            at += self.slot_width[i]
        self.block = at
        self.profiles = sorted(profiles, key=repr)
        self.position = {p: n for n, p in enumerate(self.profiles)}
        size = len(self.profiles) * self.block
        self.profile_of = np.arange(size) // self.block
        column = np.arange(size) % self.block
        self.year_of = np.array([p[0] for p in self.profiles], dtype=np.int64)[self.profile_of]
        self.everyone = column == 0
        self.masks = {}
        for j, i in enumerate(self.breakdowns):
            q = questions[i]
            coordinate = np.array([p[1 + j] for p in self.profiles], dtype=object)[self.profile_of]
            answered = np.array([c is not None for c in coordinate])
            self.masks[(q.key, None)] = ~answered
            self.masks[(q.key, "any")] = answered
            for o in range(q.width):
                self.masks[(q.key, o)] = np.array([c == o for c in coordinate])
        for i in self.items:
            q, start = questions[i], self.offset[i]
            slot = column - start
            inside = (slot >= 0) & (slot < self.slot_width[i])
            if q.multiple:
                self.masks[(q.key, None)] = inside & (slot == NOT_ANSWERING)
                self.masks[(q.key, "any")] = inside & (slot == ANSWERING)
                for o in range(q.width):
                    self.masks[(q.key, o)] = inside & (slot == 2 + o)
            else:
                self.masks[(q.key, None)] = inside & (slot == 0)
                self.masks[(q.key, "any")] = inside & (slot >= 1)
                for o in range(q.width):
                    self.masks[(q.key, o)] = inside & (slot == 1 + o)
        self.true = self.solution_of(counts)

    def solution_of(self, counts):
        """The variables' values for counts over every question (``{(year, answers...): responses}``)."""
        values = np.zeros(len(self.profiles) * self.block, dtype=np.int64)
        for pattern, n in counts.items():
            base = self.position[(pattern[0], *(pattern[1 + i] for i in self.breakdowns))] * self.block
            values[base] += n
            for i in self.items:
                answer, start = pattern[1 + i], base + self.offset[i]
                if self.questions[i].multiple:
                    if answer is None:
                        values[start + NOT_ANSWERING] += n
                    else:
                        values[start + ANSWERING] += n
                        for o in answer:
                            values[start + 2 + o] += n
                else:
                    values[start + (0 if answer is None else 1 + answer)] += n
        return values

    def mask(self, period, **answers):
        key = (period, *answers.items())
        if key not in self.masks:
            mask = np.ones(len(self.true), dtype=bool) if period is None else self.year_of == period
            for question, wanted in answers.items():
                mask = mask & self.masks[(question, wanted)]
            if not self.plain & set(answers):
                mask = mask & self.everyone
            mask.flags.writeable = False
            self.masks[key] = mask
        return self.masks[key]

    def build(self, extra):
        """``Family.build`` with each figure's name ``(period, frozenset of (question, answer))`` (``names``),
        and the cohorts' sizes per period (published in the breakdowns by cohort: ``group_sizes``)."""
        years, limit = self.years, self.limit
        self.figures, self.names, self.grids = [], [], {}
        sizes = [self.value(self.mask(y)) for y in range(years)]
        year_figures, year_total = result_tables.responses(sizes, limit=limit)
        self.figures += [(self.mask(y), year_figures[y]) for y in range(years)]
        self.figures.append((self.mask(None), year_total))
        self.names += [(y, frozenset()) for y in [*range(years), None]]
        items = {}
        for q in self.questions:
            if q.item:
                items[q.key] = self._item(q, sizes, year_figures, year_total)
                for period in [*range(years), None]:
                    self.names += [(period, frozenset({(q.key, o)})) for o in [*range(q.width), "any"]]
        for q in self.questions:
            for by in self.questions:
                if q.item and by.breakdown and by is not q:
                    for period in range(years):
                        self._breakdown(q, by, period, items, extra.get((q.key, by.key, period), ()))
                        self.names += [(period, frozenset({(q.key, o), (by.key, g)}))
                                       for g in [*range(by.width), None] for o in [*range(q.width), "any"]]
        for by in self.questions:
            if by.breakdown and not by.item:
                for period in range(years):
                    groups = [*range(by.width), None]
                    masks = [self.mask(period, **{by.key: g}) for g in groups]
                    published = result_tables.group_sizes([self.value(m) for m in masks], year_figures[period],
                                                          limit)
                    self.figures += list(zip(masks, published, strict=True))
                    self.names += [(period, frozenset({(by.key, g)})) for g in groups]
        assert len(self.names) == len(self.figures)

    def _breakdown(self, q, by, period, items, extra):
        """``Family._breakdown``, a figure of a breakdown question counting the profiles' responses."""
        groups = [*range(by.width), None]
        key = (q.key, by.key, period, frozenset(extra))
        if key not in self.tables:
            cells = [[self.value(self.mask(period, **{q.key: o, by.key: g})) for o in range(q.width)] for g in groups]
            answered = [self.value(self.mask(period, **{q.key: "any", by.key: g})) for g in groups]
            sizes = [self.value(self.mask(period, **{by.key: g})) for g in groups]
            figures, total = items[q.key].period(period)
            if by.item:
                published = items[by.key].period(period)[0]
            else:
                published = result_tables.group_sizes(sizes, total, self.limit)
            transpose = (q.key < by.key) if q.transposable and by.item else None
            self.tables[key] = result_tables.breakdown(cells, answered, sizes, published, figures, total,
                                                       not q.multiple, limit=self.limit, transpose=transpose,
                                                       extra=extra)
        grid, table = self.tables[key]
        groups_masks = [self.mask(period, **{q.key: o, by.key: g}) for g in groups for o in range(q.width)]
        answered_masks = [self.mask(period, **{q.key: "any", by.key: g}) for g in groups]
        for row in range(len(groups)):
            self.figures += [(groups_masks[row * q.width + o], table.cells[row][o]) for o in range(q.width)]
            self.figures.append((answered_masks[row], table.row_totals[row]))

    def structure(self):
        """The constraints making any non-negative integer values some responses: ``(matrix, lower, upper)``."""
        rows, cols, vals, lower, upper = [], [], [], [], []
        count = len(self.profiles)
        base = np.arange(count) * self.block
        at = 0

        def add(entries, low, high):
            nonlocal at
            for columns, coefficient in entries:
                rows.append(np.arange(count) + at)
                cols.append(columns)
                vals.append(np.full(count, float(coefficient)))
            lower.append(np.full(count, low))
            upper.append(np.full(count, high))
            at += count

        for i in self.items:
            q, start = self.questions[i], base + self.offset[i]
            if q.multiple:
                add([(start + NOT_ANSWERING, 1), (start + ANSWERING, 1), (base, -1)], 0, 0)
                for o in range(q.width):
                    add([(start + 2 + o, 1), (start + ANSWERING, -1)], -np.inf, 0)
                add([*((start + 2 + o, 1) for o in range(q.width)), (start + ANSWERING, -1)], 0, np.inf)
            else:
                add([*((start + s, 1) for s in range(self.slot_width[i])), (base, -1)], 0, 0)
        matrix = sparse.csr_array((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                                  shape=(at, len(self.true)))
        return matrix, np.concatenate(lower), np.concatenate(upper)

    def responses_of(self, values):
        """Responses (a row per response: year, every question's answer) with these values: each item's answers
        handed out in turn; a multiple-choice option to consecutive people answering, cyclically."""
        values = np.asarray(values, dtype=np.int64)
        out = []
        for n_profile, profile in enumerate(self.profiles):
            base = n_profile * self.block
            n = int(values[base])
            people = [[None] * len(self.questions) for _ in range(n)]
            for j, i in enumerate(self.breakdowns):
                for person in people:
                    person[i] = profile[1 + j]
            for i in self.items:
                q, start = self.questions[i], base + self.offset[i]
                if q.multiple:
                    k0, answering = int(values[start + NOT_ANSWERING]), int(values[start + ANSWERING])
                    assert k0 + answering == n
                    chosen = [set() for _ in range(answering)]
                    at = 0
                    for o in range(q.width):
                        c = int(values[start + 2 + o])
                        assert c <= answering
                        for step in range(c):
                            chosen[(at + step) % answering].add(o)
                        at = (at + c) % answering if answering else 0
                    assert all(chosen)
                    for person, answer in zip(people[k0:], chosen, strict=True):
                        person[i] = frozenset(answer)
                else:
                    answers = [None if s == 0 else s - 1 for s in range(self.slot_width[i])
                               for _ in range(int(values[start + s]))]
                    assert len(answers) == n
                    for person, answer in zip(people, answers, strict=True):
                        person[i] = answer
            out += [(profile[0], *person) for person in people]
        return out

    def count(self, responses, name):
        """A figure counted from responses, by its name."""
        period, answers = name
        index = {q.key: i for i, q in enumerate(self.questions)}
        total = 0
        for r in responses:
            if period is not None and r[0] != period:
                continue
            ok = True
            for key, wanted in answers:
                answer = r[1 + index[key]]
                if wanted is None:
                    ok = answer is None
                elif wanted == "any":
                    ok = answer is not None
                elif isinstance(answer, frozenset):
                    ok = wanted in answer
                else:
                    ok = answer == wanted
                if not ok:
                    break
            total += ok
        return total


def rows_of(masks, size):
    """Boolean masks as the rows of a sparse matrix (never dense: figures by variables is large)."""
    columns = [np.flatnonzero(m) for m in masks]
    rows = np.repeat(np.arange(len(masks)), [len(c) for c in columns])
    columns = np.concatenate(columns) if columns else np.empty(0, dtype=np.int64)
    return sparse.csr_array((np.ones(len(columns)), (rows, columns)), shape=(len(masks), size))


class Checker:
    """Exact checks of a candidate solution."""

    def __init__(self, fam):
        self.fam = fam
        shown_rows = [n for n, (_m, v) in enumerate(fam.figures) if shown(v)]
        self.shown_names = [fam.names[n] for n in shown_rows]
        self.shown_values = np.array([fam.figures[n][1] for n in shown_rows], dtype=np.int64)
        self.matrix = rows_of([fam.figures[n][0] for n in shown_rows], len(fam.true)).astype(np.int64)
        self.structure = fam.structure()

    def exact(self, x):
        """Integer matrix products: non-negative integers, some responses, every shown figure as published."""
        if x.dtype.kind != "i" or x.min() < 0:
            return False
        s, low, high = self.structure
        at = s.astype(np.int64) @ x
        if not ((at >= low) & (at <= high)).all():
            return False
        return bool(np.array_equal(self.matrix @ x, self.shown_values))

    def recount(self, x):
        """Responses rebuilt from ``x``, every shown figure counted from them one by one, answer by answer."""
        people = self.fam.responses_of(x)
        keys = [q.key for q in self.fam.questions]
        years = np.array([p[0] for p in people])
        cache = {}

        def having(key, wanted):
            if (key, wanted) not in cache:
                column = [p[1 + keys.index(key)] for p in people]
                if wanted is None:
                    cache[(key, wanted)] = np.array([a is None for a in column], dtype=bool)
                elif wanted == "any":
                    cache[(key, wanted)] = np.array([a is not None for a in column], dtype=bool)
                else:
                    cache[(key, wanted)] = np.array(
                        [a is not None and (wanted in a if isinstance(a, frozenset) else a == wanted)
                         for a in column], dtype=bool)
            return cache[(key, wanted)]

        for name, value in zip(self.shown_names, self.shown_values, strict=True):
            period, answers = name
            keep = np.ones(len(people), dtype=bool) if period is None else years == period
            for key, wanted in answers:
                keep = keep & having(key, wanted)
            if int(keep.sum()) != int(value):
                return False
        return True


class Programs:
    """Integer programs over some variables (``free``), the others kept at ``current``; ``whole``: which of the
    free variables must be whole (all by default; the rest are only bounded)."""

    def __init__(self, fam, checker, free, current, targets, whole=None):
        self.fam, self.checker, self.current = fam, checker, current
        self.free = free
        self.whole = np.ones(len(free)) if whole is None else whole.astype(float)
        rows = []
        structure, low, high = checker.structure
        for whole_matrix, lower, upper in ((checker.matrix.astype(float), checker.shown_values, checker.shown_values),
                                           (structure, low, high)):
            whole_matrix = sparse.csc_array(whole_matrix)
            part = sparse.csr_array(whole_matrix[:, self.free])
            fixed_part = whole_matrix @ current - part @ current[self.free]
            keep = np.flatnonzero(np.abs(part).sum(axis=1) > 0)
            rows.append(LinearConstraint(part[keep], (lower - fixed_part)[keep], (upper - fixed_part)[keep]))
        self.base = rows
        self.n = len(self.free)
        self.rows = sum(r.A.shape[0] for r in rows)
        # Targets some free variable counts: name -> (mask over the free variables, value outside them, true value)
        self.targets = {}
        for name, mask in targets.items():
            inside = mask[self.free]
            if inside.any():
                self.targets[name] = (inside, float(current[mask].sum() - current[self.free][inside].sum()),
                                      float(fam.true[mask].sum()))

    def full(self, x_free):
        x = self.current.copy()
        x[self.free] = np.round(x_free).astype(np.int64)
        return x

    def solve(self, cost, constraints, extra_vars=0, time_limit=None, gap=None, extra_bounds=None):
        """An LP first when every free variable must be whole and its answer may be; else (or if not whole)
        the integer program (time limit). The free variables' values (not rounded), or ``None``; a status."""
        n = self.n + extra_vars
        lower = np.zeros(n)
        upper = np.full(n, np.inf)
        if extra_bounds is not None:
            lower[self.n:], upper[self.n:] = extra_bounds
        bounds = Bounds(lower, upper)
        whole = self.whole.astype(bool)
        solved = milp(cost, constraints=constraints, bounds=bounds)
        if solved.status == 2 or solved.x is None:
            return None, "infeasible" if solved.status == 2 else f"lp status {solved.status}"
        if np.allclose(solved.x[:self.n][whole], np.round(solved.x[:self.n][whole]), atol=1e-7):
            return solved.x[:self.n], "lp whole"
        integrality = np.concatenate([self.whole, np.zeros(extra_vars)])
        options = {"time_limit": time_limit} if time_limit else {}
        if gap is not None:
            options["mip_rel_gap"] = gap
        solved = milp(cost, constraints=constraints, bounds=bounds, integrality=integrality, options=options)
        if solved.x is None or solved.status not in (0, 1):
            return None, f"milp status {solved.status}"
        return solved.x[:self.n], f"milp status {solved.status}"

    def pad(self, constraints, extra):
        return [LinearConstraint(sparse.hstack([sparse.csr_array(c.A), sparse.csr_array((c.A.shape[0], extra))])
                                 .tocsr(), c.lb, c.ub) for c in constraints]

    def spread(self, names, rng, time_limit):
        """Maximise how many of ``names`` move 1 to N-1 (each a random direction, every target within N-1)."""
        limit = self.fam.limit
        k = len(names)
        masks = rows_of([self.targets[n][0] for n in names], self.n)
        outside = np.array([self.targets[n][1] for n in names])
        trues = np.array([self.targets[n][2] for n in names])
        signs = rng.choice([-1.0, 1.0], size=k)
        constraints = self.pad(self.base, k)
        # every target within N-1 of its true value
        constraints.append(LinearConstraint(sparse.hstack([masks, sparse.csr_array((k, k))]).tocsr(),
                                            trues - outside - (limit - 1), trues - outside + (limit - 1)))
        # u_f <= s_f (m_f x + outside - true)
        constraints.append(LinearConstraint(
            sparse.hstack([-sparse.diags(signs) @ masks, sparse.identity(k)]).tocsr(), -np.inf,
            signs * (outside - trues)))
        cost = np.concatenate([np.zeros(self.n), -np.ones(k)])
        return self.solve(cost, constraints, extra_vars=k, time_limit=time_limit, gap=0.5,
                          extra_bounds=(np.zeros(k), np.ones(k)))

    def window(self, name, low, high, time_limit):
        mask, outside, _true = self.targets[name]
        constraints = [*self.base, LinearConstraint(rows_of([mask], self.n), [low - outside], [high - outside])]
        return self.solve(np.zeros(self.n), constraints, time_limit=time_limit)


def targets_of(years, counts, questions, limit, extra):
    """The small hidden figures of the breakdowns' sound families (``breakdown_cheap.py``): name -> families."""
    tables, found = {}, {}
    for q in questions:
        if not (q.item and q.breakdown):
            continue
        fam = sound.family(years, counts, q, questions, limit, tables)
        fam.build(extra)
        for name in sound.small_names(fam):
            found.setdefault(name, []).append(q.key)
        log(q.key, "sound family: variables", len(fam.true), "figures", len(fam.figures), "small hidden",
            len(sound.small_names(fam)))
    return found


def main():
    tier = sys.argv[1] if len(sys.argv) > 1 else "observed"
    per_figure = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    budget = float(sys.argv[3]) if len(sys.argv) > 3 else 3000.0  # seconds in all, then no more programs
    started = time.perf_counter()

    def out_of_time():
        return time.perf_counter() - started > budget

    cap = pickle.load(open(f"/tmp/captured_sound_{SLUG}.pkl", "rb"))
    years, questions, limit = cap["args"]
    counts = cap["everyone"]
    extra = pickle.load(open(f"/tmp/extra_sound_{SLUG}_1.pkl", "rb"))
    extra = {k: v for k, v in extra.items() if k[2] is not None}

    targets = targets_of(years, counts, questions, limit, extra)
    per_family = {q.key: sum(q.key in v for v in targets.values()) for q in questions if q.item and q.breakdown}
    log("targets: distinct", len(targets), "per family", per_family, "sum", sum(per_family.values()))

    breakdowns = [i for i, q in enumerate(questions) if q.breakdown]
    observed = {(p[0], *(p[1 + i] for i in breakdowns)) for p in counts}
    profiles = set(observed)
    if tier == "neighbours":
        answers = [[None, *range(questions[i].width)] for i in breakdowns]
        for p in observed:
            for j, values in enumerate(answers):
                for a in values:
                    profiles.add((*p[:1 + j], a, *p[2 + j:]))
    t = time.perf_counter()
    fam = ExactFamily(years, counts, questions, limit, profiles)
    fam.build(extra)
    checker = Checker(fam)
    assert checker.exact(fam.true), "the true counts break a constraint"
    truth = [tuple(p) for p, n in counts.items() for _ in range(n)]
    assert all(fam.count(truth, name) == value
               for name, value in zip(checker.shown_names, checker.shown_values, strict=True))
    assert checker.recount(fam.true)
    masks = {}
    for name in targets:
        period, answers = name
        masks[name] = fam.mask(period, **dict(answers))
        assert fam.value(masks[name]) == fam.count(truth, name) and 1 <= fam.value(masks[name]) < limit
    hidden = sum(not shown(v) for _m, v in fam.figures)
    small = sum(reason(v) == "small" for _m, v in fam.figures)
    plain_targets = sum(bool({k for k, _a in n[1]} & fam.plain) for n in targets)
    log(f"exact family ({tier}): profiles {len(fam.profiles)} ({len(observed)} observed), variables "
        f"{len(fam.true)} ({[int((fam.year_of == y).sum()) for y in range(years)]} per year), figures "
        f"{len(fam.figures)} (shown {len(checker.shown_values)}, hidden {hidden}, of them small {small}), "
        f"structure rows {checker.structure[0].shape[0]}; built and checked in {time.perf_counter() - t:.1f} s; "
        f"targets naming an item {plain_targets}, the breakdowns' alone {len(targets) - plain_targets}")

    certified, solutions, rejected = {}, 0, 0
    column = np.arange(len(fam.true)) % fam.block

    def harvest(x, how):
        nonlocal solutions, rejected
        if not checker.exact(x) or not checker.recount(x):
            rejected += 1
            log("  candidate REJECTED by the exact check", how)
            return 0
        solutions += 1
        new = 0
        for name, mask in masks.items():
            if name in certified:
                continue
            moved = abs(int(x[mask].sum()) - int(fam.true[mask].sum()))
            if 1 <= moved < limit:
                certified[name] = how
                new += 1
        return new

    def item_free(i, year, current):
        """Item ``i``'s variables in the profiles of ``year`` with some response in ``current`` (in the others
        they are 0 whatever)."""
        inside = (column >= fam.offset[i]) & (column < fam.offset[i] + fam.slot_width[i])
        some = current[fam.profile_of * fam.block] > 0
        return np.flatnonzero(inside & (fam.year_of == year) & some)

    def complete(x_free, programs, how):
        """Stage 2 (phase B): the profiles' responses of a stage-1 answer made whole, then each item's answers
        found whole with them (an integer program per item); the solution, or ``None``."""
        current = programs.full(x_free)
        year = int(fam.year_of[programs.free[0]])
        for i in fam.items:
            sub = Programs(fam, checker, item_free(i, year, current), current, {})
            x, status = sub.solve(np.zeros(sub.n), sub.base, time_limit=per_figure)
            if x is None:
                log(f"    {how}: {questions[i].key}'s answers not found whole ({status})")
                return None
            current = sub.full(x)
        return current

    # Phase A: targets naming an item; the profiles' responses as they are, that item's answers free (year by year).
    rng = np.random.default_rng(0)
    t_phase = time.perf_counter()
    for year in range(years):
        for i in fam.items:
            programs = Programs(fam, checker, item_free(i, year, fam.true), fam.true, masks)
            for r in range(10):
                left = [n for n in programs.targets if n not in certified]
                if not left or out_of_time():
                    break
                t = time.perf_counter()
                x, status = programs.spread(left, rng, time_limit=30)
                new = harvest(programs.full(x), f"A spread y{year} {questions[i].key}") if x is not None else 0
                log(f"  A y{year} {questions[i].key} ({programs.n} variables): spread {r}: {len(left)} asked, "
                    f"{new} certified ({status}), {time.perf_counter() - t:.1f} s")
                if new == 0:
                    break
            for name in [n for n in programs.targets if n not in certified]:
                if out_of_time():
                    break
                true = programs.targets[name][2]
                t = time.perf_counter()
                for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
                    x, status = programs.window(name, low, high, per_figure)
                    if x is not None and harvest(programs.full(x), f"A window y{year}") and name in certified:
                        break
                log(f"    A window {sorted(name[1], key=repr)} p{name[0]}: "
                    f"{'certified' if name in certified else 'NOT certified'} ({status}, "
                    f"{time.perf_counter() - t:.1f} s)")
    log(f"phase A done: certified {len(certified)} of {plain_targets} naming an item, "
        f"{time.perf_counter() - t_phase:.0f} s")
    pickle.dump(dict(certified), open(f"/tmp/audit_exact_{tier}_A.pkl", "wb"))

    # Phase B: the rest; every variable of the year free, the profiles' responses whole (stage 1), then each
    # item's answers made whole with them (stage 2).
    t_phase = time.perf_counter()
    for year in range(years):
        free = np.flatnonzero(fam.year_of == year)
        t = time.perf_counter()
        programs = Programs(fam, checker, free, fam.true, {n: m for n, m in masks.items() if n not in certified},
                            whole=fam.everyone[free])
        log(f"B y{year}: {programs.n} variables ({int(fam.everyone[free].sum())} whole), {programs.rows} "
            f"constraints, {len(programs.targets)} targets left; set up in {time.perf_counter() - t:.1f} s")
        for r in range(10):
            left = [n for n in programs.targets if n not in certified]
            if not left or out_of_time():
                break
            t = time.perf_counter()
            x, status = programs.spread(left, rng, time_limit=60)
            found = complete(x, programs, f"B spread y{year} r{r}") if x is not None else None
            new = harvest(found, f"B spread y{year} r{r}") if found is not None else 0
            log(f"  B y{year} spread {r}: {len(left)} asked, {new} certified ({status}), "
                f"{time.perf_counter() - t:.1f} s")
            if new == 0:
                break
        for name in [n for n in programs.targets if n not in certified]:
            if out_of_time():
                break
            true = programs.targets[name][2]
            t = time.perf_counter()
            statuses = []
            for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
                x, status = programs.window(name, low, high, 3 * per_figure)
                statuses.append(status)
                found = complete(x, programs, "B window") if x is not None else None
                if found is not None and harvest(found, f"B window y{year}") and name in certified:
                    break
            log(f"    B window {sorted(name[1], key=repr)} p{name[0]}: "
                f"{'certified' if name in certified else 'NOT certified'} ({', '.join(statuses)}, "
                f"{time.perf_counter() - t:.1f} s)")
    log(f"phase B done, {time.perf_counter() - t_phase:.0f} s")

    left = [n for n in targets if n not in certified]
    log(f"done ({tier}): targets {len(targets)}, certified {len(certified)}, uncertified {len(left)} "
        f"(of them naming an item {sum(bool({k for k, _a in n[1]} & fam.plain) for n in left)}), solutions "
        f"checked {solutions}, rejected {rejected}, {time.perf_counter() - started:.0f} s in all"
        f"{' (budget reached)' if out_of_time() else ''}")
    for q in per_family:
        mine = [n for n, v in targets.items() if q in v]
        log(f"  {q}: small hidden {len(mine)}, certified {sum(n in certified for n in mine)}")
    for name in left[:40]:
        log("  uncertified:", sorted(name[1], key=repr), "period", name[0])
    pickle.dump({"certified": certified, "left": left, "targets": targets},
                open(f"/tmp/audit_exact_{tier}.pkl", "wb"))


if __name__ == "__main__":
    main()
