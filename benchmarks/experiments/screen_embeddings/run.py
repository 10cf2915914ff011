"""Experiment (issue 17, 4 December): sentence vectors + logistic regression as a recall path beside the screen.

The packaged MiniLM model (``analysis.themes.embeddings``, no network) turns each answer into a vector; a logistic
regression learns from every tuning writer's youth sets, the labelled cases and the NHS learn part. Leaving one
writer out (fresh14, fresh15, fresh16, fresh17 in turn), an answer reaches a person if the shipped screen flags it
OR the regression's probability is at least ``t``. Printed per setting: disclosures caught by the screen, by the
union and by the regression alone; alerts on those writers' ordinary answers; alerts on the NHS score part (the
fold-fresh14 model). Never reads fresh18-fresh21 or ``heldout_*``. About 3 min to encode 33,000 texts on two cores
(cached in ``/tmp``), then about 1 min per setting.

    python benchmarks/experiments/screen_embeddings/run.py
"""

from __future__ import annotations

import csv
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from analysis.screening import DisclosureScreener  # noqa: E402
from analysis.screening.learned import TRAINING_CASES, load_training_rows  # noqa: E402
from analysis.themes.embeddings import resolve_model  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SCREEN_DATA = ROOT / "analysis" / "screening" / "data"
HELD = ("fresh14", "fresh15", "fresh16", "fresh17")
CACHE = Path("/tmp/screen_embeddings_vecs.pkl")


def writer_files() -> dict[str, list[Path]]:
    files = {"w0": [SCREEN_DATA / f"youth_train_{k}.csv" for k in ("ordinary", "disclosures", "pairs")],
             "w1": [DATA / "blind_youth_benign.csv", DATA / "blind_youth_disclosures_contrast.csv"]}
    for n in (3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17):
        files[f"fresh{n}"] = [DATA / f"fresh{n}_youth_ordinary.csv", DATA / f"fresh{n}_youth_disclosures.csv"]
    return files


def load_rows() -> list[tuple[str, str, str, int]]:
    """``(group, question, answer, 1 if a disclosure)`` of every training answer."""
    rows = []
    for group, paths in writer_files().items():
        for path in paths:
            with open(path, encoding="utf-8", newline="") as fh:
                for r in csv.DictReader(fh):
                    label = 1 if r.get("category") else int(r["label"]) if "label" in r else 0
                    rows.append((group, r.get("question") or "", r["answer"], label))
    rows += [("cases", "", text, 1 if cats else 0) for text, cats, _ in load_training_rows((TRAINING_CASES,))]
    rows += [("nhs_learn", "", r["feedback"], 0) for r in load_nhs("learn")]
    return rows


def vectors(texts: list[str]) -> np.ndarray:
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(resolve_model(None)[1], device="cpu")
    started = time.time()
    out = model.encode(texts, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
    print(f"encoded {len(texts)} texts in {time.time() - started:.0f} s", file=sys.stderr)
    CACHE.write_bytes(pickle.dumps(out))
    return out


def main() -> None:
    rows = load_rows()
    score = [r["feedback"] for r in load_nhs("score")]
    vecs = vectors([r[2] for r in rows] + score)
    x, x_score = vecs[:len(rows)], vecs[len(rows):]
    groups = np.array([r[0] for r in rows])
    y = np.array([r[3] for r in rows])
    screener = DisclosureScreener().fit()
    nhs_flagged = np.array([screener.screen(t).flagged for t in score])
    print(f"NHS score part, shipped screen: {nhs_flagged.sum()} of {len(score)}")
    for c in (1.0, 4.0):
        totals: dict[float, list[int]] = {}
        for held in HELD:
            train, test = groups != held, groups == held
            weight = np.where(groups[train] == "nhs_learn", 2.0, 1.0)
            model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
            model.fit(x[train], y[train], sample_weight=weight)
            p = model.predict_proba(x[test])[:, 1]
            p_score = model.predict_proba(x_score)[:, 1]
            shipped = np.array([screener.screen(rows[i][2], question=rows[i][1] or None).flagged
                                for i in np.where(test)[0]])
            truth = y[test] == 1
            for t in (0.9, 0.95, 0.98):
                union = shipped | (p >= t)
                d = totals.setdefault(t, [0] * 8)
                d[0] += int((shipped & truth).sum())
                d[1] += int((union & truth).sum())
                d[2] += int(truth.sum())
                d[3] += int((shipped & ~truth).sum())
                d[4] += int((union & ~truth).sum())
                d[5] += int((~truth).sum())
                d[6] += int(((p >= t) & truth).sum())
                if held == HELD[0]:
                    d[7] = int((nhs_flagged | (p_score >= t)).sum())
        for t, d in totals.items():
            print(f"C={c} t={t}: disclosures {d[2]}: screen {d[0]}, union {d[1]}, regression alone {d[6]}; "
                  f"ordinary {d[5]}: screen {d[3]}, union {d[4]}; NHS score part, union {d[7]} of {len(score)}")


if __name__ == "__main__":
    main()
