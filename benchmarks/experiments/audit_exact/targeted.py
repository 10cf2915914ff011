"""Phase B of ``exact.py`` for a few breakdown-only targets, each over a profile set made for it: the observed
profiles and, for each breakdown the target names, every observed profile of its year with that breakdown's
answer set to the target's (a response may move into the target's cell from anywhere one answer away).

    python benchmarks/experiments/audit_exact/targeted.py HOW_MANY [seconds per integer program] [indexes,...]

(the third argument: only those of the HOW_MANY targets drawn, e.g. ``4 120 1`` the second of the four.)
"""
import pickle
import sys
import time

import numpy as np

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import exact  # noqa: E402
from exact import Checker, ExactFamily, Programs, log  # noqa: E402

how_many = int(sys.argv[1]) if len(sys.argv) > 1 else 5
limit_s = float(sys.argv[2]) if len(sys.argv) > 2 else 15.0
cap = pickle.load(open(f"/tmp/captured_sound_{exact.SLUG}.pkl", "rb"))
years, questions, limit = cap["args"]
counts = cap["everyone"]
extra = {k: v for k, v in pickle.load(open(f"/tmp/extra_sound_{exact.SLUG}_1.pkl", "rb")).items()
         if k[2] is not None}
targets = exact.targets_of(years, counts, questions, limit, extra)
plain = {q.key for q in questions if q.item and not q.breakdown}
only = sorted((n for n in targets if not {k for k, _a in n[1]} & plain), key=repr)
rng = np.random.default_rng(1)
chosen = [only[i] for i in rng.choice(len(only), size=how_many, replace=False)]
if len(sys.argv) > 3:
    chosen = [chosen[int(i)] for i in sys.argv[3].split(",")]
breakdowns = [i for i, q in enumerate(questions) if q.breakdown]
keys = [questions[i].key for i in breakdowns]
observed = {(p[0], *(p[1 + i] for i in breakdowns)) for p in counts}
done = 0
for name in chosen:
    period, answers = name
    t = time.perf_counter()
    profiles = set(observed)
    for key, wanted in answers:
        j = keys.index(key)
        values = [g for g in [None, *range(questions[breakdowns[j]].width)]] if wanted == "any" else [wanted]
        for p in observed:
            if period is None or p[0] == period:
                for a in values:
                    profiles.add((*p[:1 + j], a, *p[2 + j:]))
    fam = ExactFamily(years, counts, questions, limit, profiles)
    fam.build(extra)
    checker = Checker(fam)
    mask = fam.mask(period, **dict(answers))
    true = fam.value(mask)
    certified = False
    statuses = []
    for year in ([period] if period is not None else range(years)):
        free = np.flatnonzero(fam.year_of == year)
        programs = Programs(fam, checker, free, fam.true, {name: mask}, whole=fam.everyone[free])
        for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
            if high < low:
                continue
            t1 = time.perf_counter()
            x, status = programs.window(name, low, high, limit_s)
            statuses.append(f"{status} {time.perf_counter() - t1:.0f} s")
            if x is None:
                continue
            current = programs.full(x)
            column = np.arange(len(fam.true)) % fam.block
            ok = True
            for i in fam.items:
                inside = (column >= fam.offset[i]) & (column < fam.offset[i] + fam.slot_width[i])
                some = current[fam.profile_of * fam.block] > 0
                sub = Programs(fam, checker, np.flatnonzero(inside & (fam.year_of == year) & some), current, {})
                y, s = sub.solve(np.zeros(sub.n), sub.base, time_limit=limit_s)
                if y is None:
                    statuses.append(f"stage 2 {questions[i].key}: {s}")
                    ok = False
                    break
                current = sub.full(y)
            if ok and checker.exact(current) and checker.recount(current) and \
                    1 <= abs(int(current[mask].sum()) - true) < limit:
                certified = True
                break
        if certified:
            break
    done += certified
    log(f"{sorted(answers, key=repr)} p{period}: profiles {len(fam.profiles)}, variables {len(fam.true)}: "
        f"{'certified' if certified else 'NOT certified'} ({'; '.join(statuses)}), {time.perf_counter() - t:.0f} s")
log(f"targeted: {done} of {len(chosen)} certified")
