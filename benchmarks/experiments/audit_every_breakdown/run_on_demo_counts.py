"""The audit on counts captured by ``capture_demo_counts.py``, with or without every breakdown at once.

    python benchmarks/experiments/audit_every_breakdown/run_on_demo_counts.py youth-voice 1   # 0: families only

Needs ``hooks.patch`` applied and ``suppression_complete.py`` copied to ``feedback_app/services/``.
"""

import collections
import pickle
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from feedback_app.services import suppression_audit as audit  # noqa: E402


def main():
    slug, every = sys.argv[1], sys.argv[2] == "1"
    with open(f"/tmp/captured_{slug}.pkl", "rb") as handle:
        captured = pickle.load(handle)  # noqa: S301 - written by capture_demo_counts.py on this machine
    years, questions, limit = captured["args"]
    order = {q.key: [q.key, *[x.key for x in questions if x.breakdown and x is not q]] for q in questions if q.item}

    def family_counts(keys):
        full, columns = captured["full"][keys[0]], order[keys[0]]
        indexes = [columns.index(k) for k in keys]
        out = {}
        for pattern, n in full.items():
            key = (pattern[0], *(pattern[1 + i] for i in indexes))
            out[key] = out.get(key, 0) + n
        return out

    solved = collections.Counter()
    real_milp = audit.milp

    def milp(*args, **kwargs):
        solved["integer programs (families)"] += 1
        return real_milp(*args, **kwargs)

    audit.milp = milp
    start = time.perf_counter()
    extra, stuck = audit.protect(years, {}, questions, limit, family_counts=family_counts, every_breakdown=every)
    print(slug, "every breakdown" if every else "families", f"{time.perf_counter() - start:.1f} s",
          "further hidden", sum(map(len, extra.values())), "stuck", sorted(stuck), dict(solved))


if __name__ == "__main__":
    main()
