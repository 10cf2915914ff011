"""Diagnostics for exact.py: one target's window programs, LP and integer program timed (python diag.py TIER N)."""
import pickle
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
import exact  # noqa: E402

tier = sys.argv[1]
which = int(sys.argv[2]) if len(sys.argv) > 2 else 0
tl = float(sys.argv[3]) if len(sys.argv) > 3 else 60
cap = pickle.load(open("/tmp/captured_sound_youth-voice.pkl", "rb"))
years, questions, limit = cap["args"]
counts = cap["everyone"]
extra = {k: v for k, v in pickle.load(open("/tmp/extra_sound_youth-voice_1.pkl", "rb")).items() if k[2] is not None}
targets = exact.targets_of(years, counts, questions, limit, extra)
b = [i for i, q in enumerate(questions) if q.breakdown]
observed = {(p[0], *(p[1 + i] for i in b)) for p in counts}
profiles = set(observed)
if tier == "neighbours":
    for p in observed:
        for j, i in enumerate(b):
            for a in [None, *range(questions[i].width)]:
                profiles.add((*p[:1 + j], a, *p[2 + j:]))
fam = exact.ExactFamily(years, counts, questions, limit, profiles)
fam.build(extra)
checker = exact.Checker(fam)
masks = {n: fam.mask(n[0], **dict(n[1])) for n in targets}
prog = exact.Programs(fam, checker, 0, masks)
names = sorted(prog.targets, key=repr)
name = names[which]
mask, outside, true = prog.targets[name]
print(name, "true", true, "vars", prog.n, flush=True)
for low, high in ((true + 1, true + limit - 1), (max(true - limit + 1, 0), true - 1)):
    cons = [*prog.base, LinearConstraint(exact.rows_of([mask], prog.n), [low - outside], [high - outside])]
    t = time.perf_counter()
    lp = milp(np.zeros(prog.n), constraints=cons, bounds=Bounds(0, np.inf))
    frac = None if lp.x is None else int((np.abs(lp.x - np.round(lp.x)) > 1e-7).sum())
    print(" window", low, high, "LP status", lp.status, "fractional vars", frac, f"{time.perf_counter() - t:.1f} s",
          flush=True)
    if lp.status == 0 and frac:
        t = time.perf_counter()
        ip = milp(np.zeros(prog.n), constraints=cons, bounds=Bounds(0, np.inf), integrality=np.ones(prog.n),
                  options={"time_limit": tl, "disp": False})
        print("  MILP status", ip.status, ip.message, f"{time.perf_counter() - t:.1f} s", flush=True)
        if ip.x is not None:
            x = prog.full(ip.x)
            print("  exact", checker.exact(x), "recount", checker.recount(x), "moved to", x[masks[name]].sum())
