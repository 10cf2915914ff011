"""The screen's reader of whole answers: character and word n-grams, and a logistic regression.

The rules, signals and vetoes are tuned writer by writer, and the word nets read whole words: a new writer's own
spellings and wordings ("dont", "cos", "tbh he keeps comin in") slip past both. Pieces of words carry over from one
writer to the next. Learned from the labelled cases, the NHS learn part and every blind writer up to the 72nd
(``READER_SOURCES``), it reads each English answer beside its question's kind, and the engine uses it twice
(:meth:`.engine.DisclosureScreener._read`):

- a hit of the rules, signals or nets stands only where the reader gives the answer at least
  ``calibration.READER_FLOOR`` (the rules fire on words; the reader weighs the whole answer);
- where nothing else flagged the answer, the reader's own probability of at least ``calibration.READER_THRESHOLD``
  makes a hit; the judge net names its category and words (:func:`.evidence.learned_hit`), and the whole-answer
  vetoes apply (:meth:`.gate.VetoGate._reader_vetoed`).

Left one writer out over writers 18-23 (``benchmarks/experiments/screen_reader/``), with the rest of the screen it
caught 0.927 of the disclosures at 8.2 alerts per 1,000 ordinary answers, where the screen alone caught 0.871 at
9.0. Features are hashed, so the fitted state is three arrays (``idf_``, ``coef_``, ``intercept_``), shipped
pre-fitted (``python -m analysis.screening.build``) and checked against its sources (:func:`reader_hash`).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression

PACKAGE = Path(__file__).parent
N_FEATURES = 2 ** 20
# The regression's inverse regularisation: 16 was the best of 1, 4, 16 and 32 on writers 18-21.
C = 16.0
WORDS = r"[a-z_']+"  # a word: letters, apostrophes and the question's pseudo-word


def reader_sources() -> tuple[Path, ...]:
    """What the reader learns: what the judge net does (the labelled cases, the NHS learn part, every blind writer)."""
    from .learned import JUDGE_SOURCES

    return JUDGE_SOURCES


def reader_hash() -> str:
    """SHA-256 over what the fitted reader depends on: this module, the row reader and its training files."""
    h = hashlib.sha256()
    for p in (Path(__file__), PACKAGE / "learned.py", PACKAGE / "writers.py", *reader_sources()):
        h.update(p.name.encode() + b"\0" + (p.read_bytes().replace(b"\r\n", b"\n") if p.exists() else b"") + b"\0")
    return h.hexdigest()


def model_text(answer: str, question_kind: str | None) -> str:
    """What the reader learns: the question's kind as a pseudo-word, then the answer in lower case."""
    return f"__q_{question_kind or 'none'} {answer.lower()}"


# Typographic quotes as typed ones, in what the reader reads (not in what it learned). A phone's keyboard (iOS by
# default) types "can’t"; the reader learned no youth answer with one, only NHS ordinary answers, so it read "I can’t
# cope any more" at 0.01 and "I can't cope any more" at 0.51, and 5 of the 122 held-out youth disclosures with an
# apostrophe went unflagged typed so. Learning the NHS answers with typed quotes instead was tried: the reader shifted
# (writers 89-96 14.0 -> 20.0 alerts per 1,000, held-out recall 0.961 -> 0.958), so it learns them as they are.
_TYPED_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})


def reading_text(answer: str, question_kind: str | None) -> str:
    """What the reader reads: :func:`model_text` of the answer with typographic quotes as typed ones."""
    return model_text(answer.translate(_TYPED_QUOTES), question_kind)


def fit_reader(paths: Sequence[Path] | None = None) -> CharModel:
    """The reader fitted on ``paths`` (default :func:`reader_sources`), each answer beside its question's kind."""
    from .learned import read_rows

    rows = read_rows(paths or reader_sources())
    return CharModel().fit([model_text(r[0], r[3]) for r in rows], [1 if r[1] else 0 for r in rows])


@functools.cache
def shipped_reader() -> CharModel:
    """The reader every screener of this process shares (read only): the shipped artefact, or, when it is stale,
    the reader fitted once here (about 15 s)."""
    return load_reader() or fit_reader()


def load_reader() -> CharModel | None:
    """The shipped pre-fitted reader, or None when it is missing or no longer matches its sources."""
    from .build import READER_ARTEFACT

    try:
        model, meta = CharModel.load(READER_ARTEFACT)
    except (OSError, ValueError, KeyError):
        return None
    return model if meta.get("sources_sha256") == reader_hash() else None


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
        counts = sparse.hstack([v.transform(texts) for v in self._vectorizers()]).tocsr()
        counts.data[:] = 1.0 + np.log(counts.data)  # sublinear term frequency
        return counts

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> CharModel:
        counts = self._counts(texts)
        tfidf = TfidfTransformer()
        tfidf.fit((counts > 0).astype(np.float64))  # idf over the hashed features
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
        z = self._weighted(self._counts(texts)) @ self.coef_ + self.intercept_
        return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))

    def probability(self, text: str) -> float:
        return float(self.probabilities([text])[0])

    def word_weights(self, words: Sequence[str]) -> np.ndarray:
        """How far each word alone pushes the score towards a disclosure: its own character n-grams and the word,
        weighted as in any answer (idf and coefficients) but not normalised, so that words compare with one
        another. (Character n-grams stay within words, so these add up to about the answer's score.)"""
        x = self._counts([w.lower() for w in words]).multiply(self.idf_).tocsr()
        return np.asarray(x @ self.coef_, dtype=np.float64).ravel()

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
        model.unseen_idf_ = float(meta["unseen_idf"])
        model.coef_ = np.zeros(meta["n_features"], dtype=np.float32)
        model.idf_ = np.full(meta["n_features"], model.unseen_idf_, dtype=np.float32)
        model.coef_[arrays["index"]] = arrays["coef"]
        model.idf_[arrays["index"]] = arrays["idf"]
        model.intercept_ = float(meta["intercept"])
        return model, meta
