"""Experiment (issue 19, 6 December): the product choice "never publish a breakdown question broken down by another
breakdown question or by cohort", measured with ``exact.py``'s exact family.

Publication set: everything ``exact.py`` publishes (responses per year and in all, every item's own grid per year
and all years, the breakdown questions' own tables included, the cohorts' sizes per period) except the tables
``q`` by ``by`` where ``q`` is itself a breakdown question: an item that is no breakdown is still published by
every breakdown and by cohort. No further hidden cells (``extra = {}``: fewer hidden cells, more constraints).

Targets: the hidden figures of the breakdown questions' own tables with a true value 1 to N-1 (every period: each
year and all years). For each, integer programs over the observed profiles first, then (if not certified) over
``targeted.py``'s profile set for the target: the observed profiles and every observed profile with the target's
breakdown set to the target's answer, every answer for "any" (of either year, both being free; ``targeted.py`` takes
the target's year only); then over the observed profiles and every observed profile with the target's breakdown set
to any answer hidden in that breakdown's own table (either year): a response moved from one hidden answer to another
in one year must move back in the other. In each, every variable of both years free (with the other year kept, each
of these targets is pinned: its all-years figure is shown, so the other year's figure, hidden too, has to move the
other way), a window above then below the true value; stage 1 the profiles' responses whole (an LP first), stage 2
each item's answers made whole with them, one integer program per item (``exact.py``'s phase B). ``near``: stage 1
minimises how far the profiles' responses move from the truth (the sum of |change|), so few profiles change and
stage 2 has less to redo. ``local``: only the profiles whose answer to the target's breakdown is hidden in its own
table (that year) are free, every variable whole, one integer program per window (no stage 2); ``wide``: those and
the profiles with the target's answer to one of its breakdowns. Every candidate is
checked exactly (``Checker.exact`` and ``Checker.recount``) before it counts.

    python benchmarks/experiments/audit_sound/capture.py youth-voice
    nice -n 19 python benchmarks/experiments/audit_exact/own_tables.py [seconds per integer program]
        [zero|near|local|wide] [deadline, epoch s]
        [own|full: publication set] [own|only: targets] [tiers: observed,targeted,hidden] [backwards]
"""

import pickle
import sys
import time

import numpy as np
from scipy import sparse
from scipy.optimize import LinearConstraint

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
import exact  # noqa: E402
from exact import Checker, ExactFamily, Programs, log  # noqa: E402

from feedback_app.services import result_tables  # noqa: E402
from feedback_app.services.suppression import reason, shown  # noqa: E402


class OwnTablesFamily(ExactFamily):
    """``ExactFamily`` without the tables of a breakdown question by another breakdown or by cohort."""

    def build(self, extra):
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
                # the one change from ExactFamily.build: q must be no breakdown
                if q.item and not q.breakdown and by.breakdown and by is not q:
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


def near_window(programs, name, low, high, time_limit):
    """A window, minimising the sum of |change| of the profiles' responses (extra variables d >= |x - current|)."""
    mask, outside, _true = programs.targets[name]
    whole = np.flatnonzero(programs.whole)
    k, n = len(whole), programs.n
    pick = sparse.csr_array((np.ones(k), (np.arange(k), whole)), shape=(k, n))
    current = programs.current[programs.free][whole].astype(float)
    constraints = programs.pad(programs.base, k)
    constraints.append(LinearConstraint(sparse.hstack([exact.rows_of([mask], n), sparse.csr_array((1, k))]).tocsr(),
                                        [low - outside], [high - outside]))
    eye = sparse.identity(k)
    # d - x >= -current and d + x >= current
    constraints.append(LinearConstraint(sparse.hstack([-pick, eye]).tocsr(), -current, np.inf))
    constraints.append(LinearConstraint(sparse.hstack([pick, eye]).tocsr(), current, np.inf))
    cost = np.concatenate([np.zeros(n), np.ones(k)])
    return programs.solve(cost, constraints, extra_vars=k, time_limit=time_limit,
                          extra_bounds=(np.zeros(k), np.full(k, np.inf)))


def local_free(fam, name, wide=False):
    """``local``: the variables of the profiles whose answer to one of the target's breakdowns is hidden in that
    breakdown's own table (the cohort: its sizes) in the profile's year, every one of them whole; the others kept
    as they are."""
    keys = {k for k, _a in name[1]}
    free = np.zeros(len(fam.true), dtype=bool)
    if wide:  # ``wide``: and the profiles with the target's answer to one of its breakdowns
        for k, a in name[1]:
            free |= fam.mask(name[0], **{k: a})
        free = np.isin(fam.profile_of, np.unique(fam.profile_of[free]))
    for (m, v), (period, answers) in zip(fam.figures, fam.names, strict=True):
        if period is not None and len(answers) == 1 and not shown(v):
            (k, a), = answers
            if k in keys and a != "any":
                profiles = np.unique(fam.profile_of[m])
                free |= np.isin(fam.profile_of, profiles)
    return np.flatnonzero(free)


def attempt(fam, checker, name, mask, true, limit, limit_s, mode, deadline):
    """Both windows, every variable free; (certified, statuses)."""
    column = np.arange(len(fam.true)) % fam.block
    statuses = []
    # Every year free: a year's hidden figure of a breakdown's own table is pinned by the all-years figure (shown)
    # with the other year kept, so the other year's figure (hidden too) must move the other way.
    for year in ["all"]:
        if mode in ("local", "wide"):
            free = local_free(fam, name, wide=mode == "wide")
            programs = Programs(fam, checker, free, fam.true, {name: mask})
        else:
            free = np.arange(len(fam.true))
            programs = Programs(fam, checker, free, fam.true, {name: mask}, whole=fam.everyone[free])
        statuses.append(f"{len(free)} free")
        if name not in programs.targets:
            statuses.append("no free variable counts it")
            return False, statuses
        for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
            if high < low:
                continue
            if time.time() > deadline:
                statuses.append("deadline")
                return False, statuses
            t1 = time.perf_counter()
            if mode == "near":
                x, status = near_window(programs, name, low, high, limit_s)
            else:
                x, status = programs.window(name, low, high, limit_s)
            statuses.append(f"y{year} [{low},{high}] {status} {time.perf_counter() - t1:.0f} s")
            if x is None:
                continue
            current = programs.full(x)
            ok = True
            if mode in ("local", "wide"):  # every free variable whole already: no stage 2
                fam_items = []
            else:
                fam_items = fam.items
            for i in fam_items:
                inside = (column >= fam.offset[i]) & (column < fam.offset[i] + fam.slot_width[i])
                some = current[fam.profile_of * fam.block] > 0
                sub = Programs(fam, checker, np.flatnonzero(inside & some), current, {})
                y, s = sub.solve(np.zeros(sub.n), sub.base, time_limit=limit_s)
                if y is None:
                    statuses.append(f"stage 2 {fam.questions[i].key}: {s}")
                    ok = False
                    break
                current = sub.full(y)
            if not ok:
                continue
            exact_ok, recount_ok = checker.exact(current), checker.recount(current)
            moved = int(current[mask].sum())
            statuses.append(f"candidate {moved} (exact {exact_ok}, recount {recount_ok})")
            if exact_ok and recount_ok and 1 <= abs(moved - true) < limit:
                return True, statuses
    return False, statuses


def main():
    limit_s = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    mode = sys.argv[2] if len(sys.argv) > 2 else "zero"
    deadline = float(sys.argv[3]) if len(sys.argv) > 3 else time.time() + 3600  # epoch seconds: no program after
    publish = sys.argv[4] if len(sys.argv) > 4 else "own"  # own: this choice; full: exact.py's publication set
    which = sys.argv[5] if len(sys.argv) > 5 else "own"  # own: the own tables' figures; only: every breakdown-only
    tiers = sys.argv[6].split(",") if len(sys.argv) > 6 else ["observed", "targeted", "hidden"]
    backwards = len(sys.argv) > 7 and sys.argv[7] == "backwards"  # the targets in reverse order
    started = time.perf_counter()
    cap = pickle.load(open(f"/tmp/captured_sound_{exact.SLUG}.pkl", "rb"))
    years, questions, limit = cap["args"]
    counts = cap["everyone"]
    extra = {}
    breakdowns = [i for i, q in enumerate(questions) if q.breakdown]
    keys = [questions[i].key for i in breakdowns]
    observed = {(p[0], *(p[1 + i] for i in breakdowns)) for p in counts}
    truth = [tuple(p) for p, n in counts.items() for _ in range(n)]
    kind = OwnTablesFamily if publish == "own" else ExactFamily

    def family(profiles):
        fam = kind(years, counts, questions, limit, profiles)
        fam.build(extra)
        checker = Checker(fam)
        assert checker.exact(fam.true), "the true counts break a constraint"
        assert all(fam.count(truth, n) == v for n, v in zip(checker.shown_names, checker.shown_values, strict=True))
        assert checker.recount(fam.true)
        return fam, checker

    t = time.perf_counter()
    fam, checker = family(observed)
    hidden = sum(not shown(v) for _m, v in fam.figures)
    log(f"{kind.__name__} (observed): profiles {len(fam.profiles)}, variables {len(fam.true)} "
        f"({[int((fam.year_of == y).sum()) for y in range(years)]} per year), figures {len(fam.figures)} "
        f"(shown {len(checker.shown_values)}, hidden {hidden}), built and checked in {time.perf_counter() - t:.1f} s")
    own = {(period, frozenset({(q.key, o)}))
           for q in questions if q.item and q.breakdown
           for period in [*range(years), None] for o in [*range(q.width), "any"]}
    targets = []
    for (m, v), name in zip(fam.figures, fam.names, strict=True):
        if which == "own":
            wanted = name in own
        else:  # a figure naming breakdowns only, two of them (or one and the cohort), or a breakdown's own table
            wanted = bool(name[1]) and {k for k, _a in name[1]} <= set(keys) and (
                name in own or len(name[1]) == 2)
        if wanted and not shown(v) and 1 <= fam.value(m) < limit and name not in [t for t, _w in targets]:
            targets.append((name, reason(v)))
    targets.sort(key=lambda t: (t[0][0] is None, t[0][0] or 0, repr(sorted(t[0][1], key=repr))))
    log(f"targets (hidden, true 1 to {limit - 1}, {which}): {len(targets)}")
    if which == "own":
        for name, why in targets:
            log(f"  period {name[0]} {sorted(name[1], key=repr)}: true {fam.value(fam.mask(name[0], **dict(name[1])))}"
                f" ({why})")

    def hidden_answers(key):
        """The answers of ``key`` hidden in its own table (the cohort: its sizes), either year."""
        return sorted({dict(n[1])[key] for (_m, v), n in zip(fam.figures, fam.names, strict=True)
                       if len(n[1]) == 1 and key in dict(n[1]) and not shown(v)} - {"any"}, key=repr)

    results = []
    for name, why in (targets[::-1] if backwards else targets):
        if time.time() > deadline:
            break
        period, answers = name
        row = {"name": name, "reason": why}
        for tier in tiers:
            t = time.perf_counter()
            if tier == "observed":
                f, c = fam, checker
            else:
                profiles = set(observed)
                for key, answer in answers:
                    j = keys.index(key)
                    if tier == "hidden":  # every answer of the target's breakdowns hidden in their own tables
                        values = sorted({*hidden_answers(key), *([] if answer == "any" else [answer])}, key=repr)
                        if answer == "any":
                            values = sorted({*values, *range(questions[breakdowns[j]].width)}, key=repr)
                    else:
                        values = [None, *range(questions[breakdowns[j]].width)] if answer == "any" else [answer]
                    for p in observed:  # both years (both are free)
                        for a in values:
                            profiles.add((*p[:1 + j], a, *p[2 + j:]))
                f, c = family(profiles)
            mask = f.mask(period, **dict(answers))
            true = f.value(mask)
            ok, statuses = attempt(f, c, name, mask, true, limit, limit_s, mode, deadline)
            seconds = time.perf_counter() - t
            row[tier] = (ok, len(f.profiles), len(f.true), seconds, statuses)
            row["true"] = true
            log(f"{tier}: period {period} {sorted(answers, key=repr)} (true {true}): profiles {len(f.profiles)}, "
                f"variables {len(f.true)}: {'CERTIFIED' if ok else 'NOT certified'} in {seconds:.0f} s "
                f"({'; '.join(statuses)})")
            if ok:
                break
        results.append(row)
        pickle.dump(results, open(f"/tmp/audit_own_tables_{mode}_{publish}_{which}{'_back' if backwards else ''}.pkl",
                                  "wb"))
    done = sum(any(r.get(t, (False,))[0] for t in tiers) for r in results)
    log(f"done ({mode}, {limit_s:.0f} s per integer program, publication {publish}, targets {which}): {done} of "
        f"{len(targets)} certified ({len(results)} tried), {time.perf_counter() - started:.0f} s in all")


if __name__ == "__main__":
    main()
