"""Experiment (issue 17): the character n-gram model as the screen's main learned reader, left one writer out.

For each later writer (18-23 by default), a model learns the labelled cases, the NHS learn part, the tuning
writers (1-17) and the *other* later writers, then scores this one. The NHS score part is scored by a model that
learns every later writer. The shipped screen's flags are recorded beside (its judge never learned 18-23).
Probabilities and flags are cached in ``--cache`` so that combinations can be compared without refitting.
Writers 24 and later and ``heldout_*`` are never read.

    python benchmarks/experiments/screen_reader/lowo.py [--C 16] [--cache /tmp/reader_lowo.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.charmodel import CharModel, model_text  # noqa: E402
from analysis.screening.learned import JUDGE_SOURCES, read_rows  # noqa: E402
from analysis.screening.questions import question_kind  # noqa: E402
from analysis.screening.writers import WRITERS, writer_rows  # noqa: E402

DIRS = (ROOT / "benchmarks" / "data", ROOT / "analysis" / "screening" / "data")
LATER = [f"fresh{n}" for n in range(18, 24)]


def later_items(name):
    WRITERS[name] = (f"{name}_youth_ordinary.csv", f"{name}_youth_disclosures.csv")
    return [{"writer": name, "kind": r["kind"], "question": r["question"], "answer": r["answer"],
             "qkind": question_kind(r["question"]) if r["question"] else None} for r in writer_rows(name, DIRS)]


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--C", type=float, default=16.0)
    p.add_argument("--cache", type=Path, default=Path("/tmp/reader_lowo.json"))
    p.add_argument("--later", nargs="*", default=LATER)
    args = p.parse_args(argv)
    base = [(model_text(r[0], r[3]), 1 if r[1] else 0) for r in read_rows(JUDGE_SOURCES)]
    items = {w: later_items(w) for w in args.later}
    nhs = [{"writer": "nhs", "kind": "nhs", "question": None, "answer": r["feedback"], "qkind": None}
           for r in load_nhs("score")]
    screener = DisclosureScreener().fit()

    def lab(it):
        return 1 if it["kind"] == "disclosure" else 0

    out = []
    for w in args.later + ["nhs"]:
        others = [it for v in args.later if v != w for it in items[v]]
        train = base + [(model_text(it["answer"], it["qkind"]), lab(it)) for it in others]
        t0 = time.process_time()
        model = CharModel(C=args.C).fit([t for t, _ in train], [y for _, y in train])
        scored = items[w] if w != "nhs" else nhs
        probs = model.probabilities([model_text(it["answer"], it["qkind"]) for it in scored])
        for it, pr in zip(scored, probs, strict=True):
            res = screener.screen(it["answer"], question=it["question"])
            out.append({**it, "p": float(pr), "flagged": res.flagged, "cats": list(res.categories)})
        print(f"{w}: fitted on {len(train)} in {time.process_time() - t0:.0f} s", flush=True)
    args.cache.write_text(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
