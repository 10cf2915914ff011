"""Experiment (issue 17): does a character n-gram model beside the shipped screen catch what it misses on writers
it has never seen, within the alert budget?

Trained on every tuning writer (``writers.WRITERS``: the youth training sets and writers 1-17), the labelled cases
and the NHS learn part; scored on writers 18-21 (``--later``; the shipped judge never learned them and the rules
were never tuned on them) and the NHS score part. Writers 22 and 23 and ``heldout_*`` are never read.
An answer reaches a person if the shipped screen flags it or the model's probability is at least ``t``.

    python benchmarks/experiments/screen_charngrams/run.py [--C 4] [--later fresh18 fresh19 fresh20 fresh21]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import FeatureUnion  # noqa: E402

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.learned import ORDINARY_REAL, TRAINING_CASES, load_training_rows  # noqa: E402
from analysis.screening.questions import question_kind  # noqa: E402
from analysis.screening.writers import DATA_DIR, WRITERS, writer_rows  # noqa: E402

DIRS = (ROOT / "benchmarks" / "data", DATA_DIR)


def text_of(question, answer):
    kind = question_kind(question) if question else None
    return f"__q_{kind or 'none'} {answer.lower()}"


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--C", type=float, default=4.0)
    p.add_argument("--later", nargs="*", default=["fresh18", "fresh19", "fresh20", "fresh21"])
    p.add_argument("--dump", type=Path, help="write (kind, flagged, probability) of every scored text here")
    args = p.parse_args(argv)
    X, y = [], []
    for t, cats, _source in load_training_rows((TRAINING_CASES, ORDINARY_REAL)):
        X.append(text_of(None, t))
        y.append(1 if cats else 0)
    for name in WRITERS:
        for r in writer_rows(name, DIRS):
            X.append(text_of(r["question"], r["answer"]))
            y.append(1 if r["kind"] == "disclosure" else 0)
    t0 = time.process_time()
    features = FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                  token_pattern=r"[a-z_']+")),
    ])
    model = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
    model.fit(features.fit_transform(X), y)
    print(f"trained on {len(X)} texts ({sum(y)} disclosures) in {time.process_time() - t0:.0f} s CPU")
    screener = DisclosureScreener().fit()
    items = []
    for name in args.later:
        WRITERS_LATER = {name: (f"{name}_youth_ordinary.csv", f"{name}_youth_disclosures.csv")}
        WRITERS.update(WRITERS_LATER)
        items += [(r["kind"], r["question"], r["answer"]) for r in writer_rows(name, DIRS)]
    items += [("nhs", None, r["feedback"]) for r in load_nhs("score")]
    probs = model.predict_proba(features.transform([text_of(q, a) for _k, q, a in items]))[:, 1]
    flagged = [screener.screen(a, question=q).flagged for _k, q, a in items]
    totals = {k: sum(1 for it in items if it[0] == k) for k in ("disclosure", "ordinary", "nhs")}
    print(f"{totals}\n")
    print("| reach a person if | recall | alerts per 1,000 ordinary youth | alerts per 1,000 NHS score part |")
    print("|---|---|---|---|")

    def line(label, hit):
        n = {k: sum(1 for it, h in zip(items, hit, strict=True) if it[0] == k and h) for k in totals}
        print(f"| {label} | {n['disclosure'] / totals['disclosure']:.3f} ({n['disclosure']}) | "
              f"{1000 * n['ordinary'] / totals['ordinary']:.1f} ({n['ordinary']}) | "
              f"{1000 * n['nhs'] / totals['nhs']:.1f} ({n['nhs']}) |")

    if args.dump:
        import json

        args.dump.write_text(json.dumps([[it[0], f, float(pr)] for it, f, pr in zip(items, flagged, probs,
                                                                                    strict=True)]))
    line("the shipped screen", flagged)
    for t in (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99):
        line(f"the model alone at {t}", [pr >= t for pr in probs])
    for t in (0.8, 0.9, 0.95, 0.98, 0.99, 0.995):
        line(f"screen or model at {t}", [f or pr >= t for f, pr in zip(flagged, probs, strict=True)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
