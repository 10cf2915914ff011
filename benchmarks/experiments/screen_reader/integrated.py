"""Experiment (issue 17): the screen with its reader of whole answers, left one writer out over writers 18-23.

For each later writer, the reader learns everything it ships with except that writer (``charmodel.fit_reader`` on
``reader_sources()`` less the writer's rows) and the screen, with that reader, scores the writer; the NHS score
part is scored with the shipped reader. The judge net never learned writers 18-23. Prints recall and alerts per
1,000 for floor/threshold pairs (set through ``reading``), with the veto gate on the reader's own hits unless
``--no-gate``.

    python benchmarks/experiments/screen_reader/integrated.py [--pairs 0.1:0.8 0.2:0.8] [--no-gate]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

from analysis.screening import DisclosureScreener, reading  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text, reader_sources  # noqa: E402
from analysis.screening.learned import read_rows  # noqa: E402
from analysis.screening.writers import LATER_WRITERS, writer_rows  # noqa: E402

DIRS = (ROOT / "benchmarks" / "data", ROOT / "analysis" / "screening" / "data")


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--pairs", nargs="*", default=["0:0.8", "0.1:0.8", "0.1:0.7", "0.2:0.8"])
    p.add_argument("--gate-share", type=float, default=0.5,
                   help="the gate is asked about the strongest words that take this share of the strongest's weight")
    p.add_argument("--no-gate", action="store_true", help="the veto gate does not apply to the reader's own hits")
    args = p.parse_args(argv)
    rows = read_rows(reader_sources())
    screener = DisclosureScreener().fit()
    shipped = screener.reader_
    reading.READER_GATE = not args.no_gate
    reading.GATE_SHARE = args.gate_share
    pairs = [tuple(float(x) for x in s.split(":")) for s in args.pairs]  # floor:threshold[:first-hand floor]
    counts = {pr: {"disclosure": 0, "ordinary": 0, "nhs": 0} for pr in pairs}
    totals = {"disclosure": 0, "ordinary": 0, "nhs": 0}
    groups = [(w, [r for r in rows if r[2] != w]) for w in LATER_WRITERS] + [("nhs", None)]
    for w, train in groups:
        if train is None:
            screener.reader_ = shipped
            items = [("nhs", None, r["feedback"]) for r in load_nhs("score")]
        else:
            screener.reader_ = CharModel().fit([model_text(r[0], r[3]) for r in train],
                                               [1 if r[1] else 0 for r in train])
            items = [(r["kind"], r["question"], r["answer"]) for r in writer_rows(w, DIRS)]
        for kind, _q, _a in items:
            totals[kind] += 1
        for pr in pairs:
            reading.READER_FLOOR, reading.READER_THRESHOLD = {"*": pr[0], "self_harm_suicide": 0.05}, pr[1]
            reading.READER_FIRST_HAND_FLOOR = pr[2] if len(pr) > 2 else pr[0]
            for kind, q, a in items:
                counts[pr][kind] += screener.screen(a, question=q).flagged
        print(f"{w} done", file=sys.stderr, flush=True)
    print(totals)
    print("| floor : threshold | recall | alerts per 1,000 ordinary youth | alerts per 1,000 NHS |\n|---|---|---|---|")
    for pr, n in counts.items():
        print(f"| {pr[0]} : {pr[1]} | {n['disclosure'] / totals['disclosure']:.3f} ({n['disclosure']}) | "
              f"{1000 * n['ordinary'] / totals['ordinary']:.1f} ({n['ordinary']}) | "
              f"{1000 * n['nhs'] / totals['nhs']:.1f} ({n['nhs']}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
