"""The shipped screen with the character model's threshold (``calibration.CHAR_THRESHOLD``) swept, on writers
18-21 (tuning data for the threshold) and the NHS score part: recall and alerts per 1,000.

    python benchmarks/experiments/screen_charngrams/sweep.py [--thresholds 0.5 0.6 0.7 0.8 1.01]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

import analysis.screening.gate as gate  # noqa: E402
from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.writers import DATA_DIR, WRITERS, writer_rows  # noqa: E402

DIRS = (ROOT / "benchmarks" / "data", DATA_DIR)


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--thresholds", nargs="*", type=float, default=[1.01, 0.8, 0.7, 0.6, 0.5])
    p.add_argument("--writers", nargs="*", default=["fresh18", "fresh19", "fresh20", "fresh21"])
    p.add_argument("--no-nhs", action="store_true")
    args = p.parse_args(argv)
    items = []
    for name in args.writers:
        WRITERS.setdefault(name, (f"{name}_youth_ordinary.csv", f"{name}_youth_disclosures.csv"))
        items += [(r["kind"], r["question"], r["answer"]) for r in writer_rows(name, DIRS)]
    if not args.no_nhs:
        items += [("nhs", None, r["feedback"]) for r in load_nhs("score")]
    screener = DisclosureScreener().fit()
    totals = {k: sum(1 for it in items if it[0] == k) for k in ("disclosure", "ordinary", "nhs")}
    print(f"writers {', '.join(args.writers)}; {totals}\n")
    print("| character model at | recall | alerts per 1,000 ordinary youth | alerts per 1,000 NHS score part |")
    print("|---|---|---|---|")
    for t in args.thresholds:
        gate.CHAR_THRESHOLD = t
        n = dict.fromkeys(totals, 0)
        for kind, q, a in items:
            n[kind] += screener.screen(a, question=q).flagged
        label = "off" if t > 1 else f"{t:g}"
        print(f"| {label} | {n['disclosure'] / totals['disclosure']:.3f} ({n['disclosure']}) | "
              f"{1000 * n['ordinary'] / totals['ordinary']:.1f} ({n['ordinary']}) | "
              f"{1000 * n['nhs'] / max(totals['nhs'], 1):.1f} ({n['nhs']}) |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
