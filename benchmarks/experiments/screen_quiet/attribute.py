"""Experiment (issue 17, 6 December): which part of the screen raised each alert on ordinary answers, and which
disclosures no part caught, for a group of blind writers.

An alert's source is the kind of the first candidate that stood in :meth:`DisclosureScreener.explain`'s trace
(``rule``, ``learned``, ``question``, ``answer`` with the signal's name, ``last resort``, ``reader``). ``--root``
runs another checkout's screen (for a first-sight figure: a worktree of the commit before the reader learned the
writers).

    python benchmarks/experiments/screen_quiet/attribute.py --writers 43-47 [--root /tmp/head] [--show]
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data"


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--writers", default="43-47")
    p.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[3])
    p.add_argument("--show", action="store_true", help="print each alert with its source")
    args = p.parse_args(argv)
    sys.path.insert(0, str(args.root))
    from analysis.screening import DisclosureScreener  # noqa: PLC0415

    screener = DisclosureScreener().fit()
    sources: collections.Counter = collections.Counter()
    ordinary = alerts = 0
    lo, _, hi = args.writers.partition("-")
    for w in (f"fresh{n}" for n in range(int(lo), int(hi or lo) + 1)):
        with open(DATA / f"{w}_youth_ordinary.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        for r in rows:
            ordinary += 1
            trace = screener.explain(r["answer"], r["question"])
            if not screener.screen(r["answer"], question=r["question"]).flagged:
                continue
            alerts += 1
            stood = [t for t in trace if t[3] is None or t[0] == "answer"]
            src = (f"{stood[0][0]}:{stood[0][3]}" if stood and stood[0][0] == "answer" else stood[0][0]) if stood \
                else "?"
            sources[src] += 1
            if args.show:
                print(f"{w} [{src}] {stood[0][1] if stood else ''} {r['answer'][:160]!r}")
    print(f"{alerts} alerts on {ordinary} ordinary answers ({1000 * alerts / ordinary:.1f} per 1,000)")
    for src, n in sources.most_common():
        print(f"- {src}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
