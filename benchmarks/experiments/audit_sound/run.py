"""Time the audit on captured counts: python run.py SLUG 0|1 (1: with the sound pass)."""
import collections
import pickle
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from feedback_app.services import suppression_audit as audit

slug, sound = sys.argv[1], sys.argv[2] == "1"
captured = pickle.load(open(f"/tmp/captured_sound_{slug}.pkl", "rb"))
years, questions, limit = captured["args"]
everyone = captured["everyone"]
calls = collections.Counter()
real = audit.milp
def milp(*a, **k):
    calls["milp"] += 1
    return real(*a, **k)
audit.milp = milp
start = time.perf_counter()
extra, stuck = audit.protect(years, everyone, questions, limit, sound=sound)
print(slug, "sound" if sound else "shipped", f"{time.perf_counter() - start:.1f} s", "further hidden",
      sum(len(v) for k, v in extra.items() if k[2] is not None), "stuck", sorted(stuck), dict(calls))
pickle.dump(extra, open(f"/tmp/extra_sound_{slug}_{int(sound)}.pkl", "wb"))
