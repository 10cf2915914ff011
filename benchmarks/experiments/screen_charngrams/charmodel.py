"""A second reader for the last resort: character and word n-grams, and a logistic regression.

The rules, signals and vetoes are tuned writer by writer, and the word nets read whole words: a new writer's
own spellings and wordings ("dont", "cos", "tbh he keeps comin in") slip past both. Pieces of words carry over
from one writer to the next: learned from every tuning writer (1-17), the labelled cases and the NHS learn part,
this model alone, at 0.6, caught 0.872 of four unseen writers' (18-21) disclosures at 5.8 alerts per 1,000 of their
ordinary answers, where the whole screen caught 0.864 at 8.8 (``benchmarks/SCREENING_RESULTS.md``, "a character
n-gram model").

It says only *whether*, and only where the judge net leans the same way without being sure
(``calibration.CHAR_JUDGE_FLOOR`` to ``LAST_RESORT_THRESHOLD``); the judge names the category and the words, and
the veto gate has the last word (:meth:`.gate.VetoGate._last_resort`). Features are hashed, so the fitted state
is three arrays (``idf_``, ``coef_``, ``intercept_``), shipped pre-fitted beside the nets (``python -m
analysis.screening.build``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression

N_FEATURES = 2 ** 20
# The regression's inverse regularisation: 16 was the best of 1, 4, 16 and 32 on writers 18-21.
C = 16.0
WORDS = r"[a-z_']+"  # a word: letters, apostrophes and the question's pseudo-word


def model_text(answer: str, question_kind: str | None) -> str:
    """What the model reads: the question's kind as a pseudo-word, then the answer in lower case."""
    return f"__q_{question_kind or 'none'} {answer.lower()}"


def fit_char_model(paths=None) -> CharModel:
    """The model fitted on the judge's sources (``learned.JUDGE_SOURCES``: the labelled cases, the NHS learn part
    and every tuning writer, each answer beside its question's kind)."""
    from .learned import JUDGE_SOURCES, read_rows

    rows = read_rows(paths or JUDGE_SOURCES)
    return CharModel().fit([model_text(r[0], r[3]) for r in rows], [1 if r[1] else 0 for r in rows])


def load_char_model() -> CharModel | None:
    """The shipped pre-fitted model, or None when it is missing or no longer matches its sources."""
    from .build import CHAR_ARTEFACT, sources_hash

    try:
        model, meta = CharModel.load(CHAR_ARTEFACT)
    except (OSError, ValueError, KeyError):
        return None
    return model if meta.get("sources_sha256") == sources_hash() else None


class CharModel:
    """``fit(texts, labels)`` (texts from :func:`model_text`; labels 1 = a disclosure), ``probability(text)``."""

    def __init__(self, C: float = C):
        self.C = C

    @staticmethod
    def _vectorizers():
        common = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None}
        return (HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), **common),
                HashingVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=WORDS, **common))

    def _counts(self, texts: Sequence[str]):
        return sparse.hstack([v.transform(texts) for v in self._vectorizers()]).tocsr()

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> CharModel:
        counts = self._counts(texts)
        counts.data[:] = 1.0 + np.log(counts.data)  # sublinear term frequency
        tfidf = TfidfTransformer(sublinear_tf=False)
        seen = (counts > 0).astype(np.float64)
        tfidf.fit(seen)  # idf over the hashed features
        self.idf_ = tfidf.idf_.astype(np.float32)
        self.unseen_idf_ = float(self.idf_.max())  # a feature no training text holds
        regression = LogisticRegression(C=self.C, max_iter=3000, class_weight="balanced")
        regression.fit(self._weighted(counts), np.asarray(labels))
        self.coef_ = regression.coef_[0].astype(np.float32)
        self.intercept_ = float(regression.intercept_[0])
        return self

    def _weighted(self, counts):
        x = counts.multiply(self.idf_).tocsr()
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ x

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        counts = self._counts(texts)
        counts.data[:] = 1.0 + np.log(counts.data)
        z = self._weighted(counts) @ self.coef_ + self.intercept_
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))

    def probability(self, text: str) -> float:
        return float(self.probabilities([text])[0])

    def save(self, stem: Path, meta: dict | None = None) -> None:
        stem = Path(stem)
        seen = np.flatnonzero((self.idf_ != self.unseen_idf_) | (self.coef_ != 0))
        np.savez_compressed(stem.with_suffix(".npz"), index=seen.astype(np.int32),
                            coef=self.coef_[seen], idf=self.idf_[seen])
        stem.with_suffix(".json").write_text(json.dumps(
            {"C": self.C, "intercept": self.intercept_, "n_features": 2 * N_FEATURES,
             "unseen_idf": self.unseen_idf_, **(meta or {})},
            indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, stem: Path) -> tuple[CharModel, dict]:
        stem = Path(stem)
        meta = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        arrays = np.load(stem.with_suffix(".npz"))
        model = cls(C=meta["C"])
        model.coef_ = np.zeros(meta["n_features"], dtype=np.float32)
        model.unseen_idf_ = float(meta["unseen_idf"])
        model.idf_ = np.full(meta["n_features"], model.unseen_idf_, dtype=np.float32)
        model.coef_[arrays["index"]] = arrays["coef"]
        model.idf_[arrays["index"]] = arrays["idf"]
        model.intercept_ = float(meta["intercept"])
        return model, meta
