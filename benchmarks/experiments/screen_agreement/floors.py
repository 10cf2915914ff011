"""Experiment (issue 17, 6 December, night): what an agreement floor over every alert would do, offline, from
``collect.py``'s lines of the screen without the agreement (``--ablate agreement``).

An alert stands where the mean of the judge's and the reader's probabilities of the answer reaches its category's
floor (the answer signals' and the question's alerts always stand). Prints alerts per 1,000 ordinary answers and
recall for a grid of floors. (The screen also reads the judge on the alert's sentence and keeps first-hand rule hits,
so it drops a little less than this.)

    python benchmarks/experiments/screen_agreement/floors.py /tmp/writers73_88.jsonl
"""

from __future__ import annotations

import json
import sys


def source(row: dict) -> str:
    """The part of the screen whose hit stood last (``rule``, ``learned``, ``answer``, ``last resort``, ``reader``)."""
    stood = [x for x in row["trace"] if x[3] == "None" or x[0] == "answer"]
    return stood[-1][0] if stood else "?"


def main(argv=None) -> int:
    path = (argv or sys.argv[1:])[0]
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    flagged = [r for r in rows if r["flagged"]]
    n_ord = sum(r["kind"] == "ordinary" for r in rows)
    n_dis = len(rows) - n_ord

    def figures(keep) -> str:
        kept = [r for r in flagged if keep(r)]
        fp = sum(r["kind"] == "ordinary" for r in kept)
        return f"{1000 * fp / n_ord:.1f} / {(len(kept) - fp) / n_dis:.3f}"

    print(f"none: {figures(lambda r: True)}")
    for self_harm in (0.0, 0.25, 0.3, 0.4):
        cells = []
        for floor in (0.4, 0.5, 0.6, 0.7):
            def keep(r, floor=floor, self_harm=self_harm):
                return source(r) in ("answer", "question") or any(
                    (r["judge"] + r["reader"]) / 2 >= (self_harm if c == "self_harm_suicide" else floor)
                    for c in r["cats"])
            cells.append(f"{floor}: {figures(keep)}")
        print(f"self-harm {self_harm}:", "; ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
