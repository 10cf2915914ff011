"""Experiment (issue 19, 5 December evening): the breakdown families the sound pass skips (``BREAKDOWN_UP_TO``).
How many of their small hidden figures do the cheap certificates alone (a respondent's answer moved, two swapped,
two moves with the same effect, the spread programs' none) certify, given the audit's result?

    python benchmarks/experiments/audit_sound/capture.py youth-voice
    python benchmarks/experiments/audit_sound/run.py youth-voice 1        # writes the audit's result
    python benchmarks/experiments/audit_sound/breakdown_cheap.py cheap    # (or "full": with the time-limited programs)
"""
import pickle
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from feedback_app.services import suppression_sound as sound
from feedback_app.services.suppression_audit import _Solver

slug = "youth-voice"
cap = pickle.load(open(f"/tmp/captured_sound_{slug}.pkl", "rb"))
years, questions, limit = cap["args"]
counts = cap["everyone"]
extra = pickle.load(open(f"/tmp/extra_sound_{slug}_1.pkl", "rb"))
mode = sys.argv[1] if len(sys.argv) > 1 else "cheap"
tables = {}
for q in questions:
    if not (q.item and q.breakdown):
        continue
    t = time.perf_counter()
    fam = sound.family(years, counts, q, questions, limit, tables)
    fam.build(extra)
    if mode == "cheap":
        fam.solve_window = lambda *a, **k: None
    solver = _Solver(fam)
    if mode == "cheap":
        solver._restricted = lambda *a, **k: False
    small = sound.small_names(fam)
    pinned = solver.pinned()
    names = [fam.name_of[m.tobytes()] for m in pinned]
    print(q.key, "vars", len(fam.true), "figures", len(fam.figures), "small hidden", len(small),
          "pinned after cheap", len(names), f"{time.perf_counter() - t:.1f} s", flush=True)
    for n in names[:10]:
        print("   ", n)
