"""A small, auditable learned safety net behind the rules.

Two logistic regressions over the *normalised* words of an answer (text
speak expanded, misspellings corrected, lemmatised: the same ``norm_`` the
rules see) and over adjacent word pairs:

* a yes/no model ("is this a possible disclosure?"), and
* a category model, trained on the disclosures only, that names the
  category.

Both are linear, so every decision is a sum of per-word weights: a hit
quotes the words that pushed the score up most, and
:meth:`LearnedNet.top_features` lists the heaviest words for review.

Two nets are shipped, both fitted this way:

* the net of **learned hits** (answers no rule caught) learns the labelled cases in
  ``data/training_cases.csv``, ``data/ordinary_real.csv`` (real ordinary answers: the learn part
  of the NHS feedback, see ``benchmarks/realtext.py``) and the youth training sets
  (:data:`DEFAULT_SOURCES`);
* the **judge** of rule hits (``gate.VetoGate._judged``) learns the same cases and every tuning
  writer's youth sets (``data/youth_writers.csv``, ``writers.WRITERS``: :data:`JUDGE_SOURCES`),
  each youth answer beside its question's kind (:func:`question_token`), answers of at most
  :data:`SHORT_WORDS` words read only beside it (:func:`_placed_features`: "home" answering "What
  makes you feel unsafe?" is not "home" answering "Who would you tell?"), and each real ordinary
  answer weighted :data:`NHS_WEIGHT`.  Leaving one writer out it kept more disclosures and fewer
  ordinary answers; as the net of learned hits it flagged the hand-written look-alikes the screen's
  tests keep quiet (``benchmarks/SCREENING_RESULTS.md``, "Issue 17, screen13").

Training takes seconds (parsing about 28,000 answers), so the fitted weights are shipped as
artefacts (``data/learned_net.npz`` + ``.json``, ``data/judge_net.npz`` + ``.json``) built by
``python -m analysis.screening.build``; they record a hash of the sources they were built from
and are only used while those still match (``tests/analysis/screening/test_artefact.py`` checks
that they do).
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .calibration import JUDGE_FLOOR, LEARNED_THRESHOLD  # noqa: F401 - re-exported
from .writers import CATEGORY_OF

DATA_DIR = Path(__file__).parent / "data"
TRAINING_CASES = DATA_DIR / "training_cases.csv"
ORDINARY_REAL = DATA_DIR / "ordinary_real.csv"
# Young people's answers written blind for issue 17 (data/README.md): ordinary answers about
# gangs, weed, bullying, strangers (negatives), first-hand disclosures with their category,
# and minimal pairs (first-hand vs general talk; category not given).
YOUTH_TRAIN = (DATA_DIR / "youth_train_ordinary.csv", DATA_DIR / "youth_train_disclosures.csv",
               DATA_DIR / "youth_train_pairs.csv")
# Every tuning writer's youth sets in one file (``writers.WRITERS``, the youth training sets included),
# each answer with its question and the question's kind: ``python -m analysis.screening.build --writers``.
YOUTH_WRITERS = DATA_DIR / "youth_writers.csv"
# The later blind writers (``writers.LATER_WRITERS``: 18-72), learned by the judge and the reader, not by the net of
# learned hits (SCREENING_RESULTS.md, 6 December, late afternoon).
LATER_WRITERS = DATA_DIR / "later_writers.csv"
# A training label for a disclosure whose category was not given (minimal pairs).
UNKNOWN_CATEGORY = "?"
# The net of learned hits.
DEFAULT_SOURCES = (TRAINING_CASES, ORDINARY_REAL, *YOUTH_TRAIN)
# The judge of rule hits (``gate.VetoGate._judged``): every tuning writer.
JUDGE_SOURCES = (TRAINING_CASES, ORDINARY_REAL, YOUTH_WRITERS, LATER_WRITERS)
# In the judge, each real ordinary answer (``ordinary_real.csv``, source ``nhs_learn``) counts this many
# times in the yes/no model: the youth sets' alarming words must not raise alerts on adults' feedback.
NHS_WEIGHT = 8.0
# In the judge, answers of at most this many words are read beside their question's kind
# (:func:`_placed_features`).
SHORT_WORDS = 4


def read_rows(paths: Sequence[Path | str]) -> list[tuple[str, tuple[str, ...], str, str | None]]:
    rows = []
    for path in paths:
        if not Path(path).exists():
            continue
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if "answer" in row:
                    cats = (CATEGORY_OF.get(row["category"], row["category"]),) if row.get("category") else \
                        (UNKNOWN_CATEGORY,) if row.get("label") == "1" else ()
                    rows.append((row["answer"], cats, row.get("writer") or Path(path).stem,
                                 row.get("question_kind") or None))
                    continue
                cats = tuple(c for c in row.get("categories", "").split(";") if c) \
                    if row.get("flagged", "0") == "1" else ()
                rows.append((row["text"], cats, row.get("source", ""), None))
    return rows


def load_training_rows(paths: Sequence[Path | str] = DEFAULT_SOURCES
                       ) -> list[tuple[str, tuple[str, ...], str]]:
    """``(text, categories, source)`` of every training case (``()`` = ordinary answer).

    ``ordinary_real.csv`` holds only ordinary answers (``text,source``).  The youth
    files hold ``id,question,answer`` plus ``category`` (a disclosure; a later writer's
    own category name is mapped to the screen's by ``writers.CATEGORY_OF``) or ``label``
    (1 = a disclosure of unknown category, :data:`UNKNOWN_CATEGORY`); without
    either the answer is ordinary.  ``youth_writers.csv`` adds ``writer`` (the source)
    and ``question_kind``.
    """
    return [r[:3] for r in read_rows(paths)]


def training_set(paths: Sequence[Path | str] = JUDGE_SOURCES
                 ) -> tuple[list[str], list[tuple[str, ...]], list[list[str]], list[float]]:
    """The judge's training set: texts, categories, the question context of each
    (:func:`question_token` of the stored kind) and each answer's weight (:data:`NHS_WEIGHT` for a
    real ordinary answer, else 1)."""
    rows = read_rows(paths)
    return ([r[0] for r in rows], [r[1] for r in rows], [question_token(r[3]) for r in rows],
            [NHS_WEIGHT if r[2] == "nhs_learn" else 1.0 for r in rows])


def load_training_cases(path: Path | str | None = None) -> tuple[list[str], list[tuple[str, ...]]]:
    """Texts and their categories (an empty tuple means "ordinary answer").

    Without ``path``: the labelled cases and the real ordinary answers.
    """
    rows = load_training_rows() if path is None else load_training_rows((path,))
    return [r[0] for r in rows], [r[1] for r in rows]


QUESTION_PREFIX = "__q_"
NO_QUESTION = "none"


def fit_nets(tokenize, threshold: float, cases=None) -> tuple[LearnedNet, LearnedNet | None, int]:
    """``(net, judge, cases)``: the net of learned hits and the judge of rule hits, and how many cases
    trained them.

    ``tokenize(text)`` gives an answer's normalised words (:func:`doc_tokens` of the screen's parse).
    With ``cases = (texts, categories)`` one net is trained on them and is also the judge (``judge``
    is None); without, the net learns :data:`DEFAULT_SOURCES` and the judge :data:`JUDGE_SOURCES`
    (each answer beside its question's kind, real ordinary answers weighted :data:`NHS_WEIGHT`, short
    answers read beside the question: :data:`SHORT_WORDS`).
    """
    seen: dict[str, list[str]] = {}

    def tokens(texts):
        return [seen[t] if t in seen else seen.setdefault(t, tokenize(t)) for t in texts]

    def labels(y):
        return [tuple(c for c in cats if c) for cats in y]

    texts, y = cases if cases is not None else load_training_cases()
    net = LearnedNet(threshold=threshold).fit(tokens(texts), labels(y))
    if cases is not None:
        return net, None, len(y)
    jtexts, jy, context, weights = training_set()
    jtokens = [c + t for c, t in zip(context, tokens(jtexts), strict=True)]
    judge = LearnedNet(threshold=threshold, short_words=SHORT_WORDS).fit(jtokens, labels(jy), weights)
    return net, judge, len(y) + len(jy)


def _placed_features(tokens: Sequence[str], short_words: int = 0) -> list[tuple[str, tuple[int, ...]]]:
    """Each feature of an answer with the token positions it comes from.

    Words and adjacent word pairs (pairs written ``a_b``).  Leading pseudo-words
    (:func:`question_token`) are features of their own, never part of a pair.  With
    ``short_words``, an answer of at most that many words is read beside its question: its
    words and pairs are features only with the question's kind (``feels_unsafe|home``,
    ``none|home`` without a known kind), so that "home" learned answering "What makes you
    feel unsafe?" weighs nothing on "home. dad" answering "Who would you tell?".
    """
    k = 0
    while k < len(tokens) and tokens[k].startswith(QUESTION_PREFIX):
        k += 1
    out = [(tokens[i], (i,)) for i in range(k)]
    words = range(k, len(tokens))
    prefix = ""
    if short_words and len(words) <= short_words:
        prefix = (tokens[k - 1][len(QUESTION_PREFIX):] if k else NO_QUESTION) + "|"
    out.extend((prefix + tokens[i], (i,)) for i in words)
    out.extend((f"{prefix}{tokens[i]}_{tokens[i + 1]}", (i, i + 1)) for i in words[:-1])
    return out


def _features(tokens: Sequence[str], short_words: int = 0) -> list[str]:
    """The features of an answer (:func:`_placed_features`)."""
    return [f for f, _pos in _placed_features(tokens, short_words)]


def _identity(x):
    return x


class LearnedNet:
    """Linear word / word-pair models: a flag score and a category.

    Parameters
    ----------
    threshold : float
        Probability at or above which an answer is flagged.
    C : float
        Inverse regularisation strength of both logistic regressions.
    short_words : int
        Answers of at most this many words are read beside their question's kind
        (:func:`_placed_features`); 0: every answer is read alone.

    After fitting (or :meth:`load`), scoring needs only numpy: the tf-idf
    row of an answer (sublinear term frequency times idf, L2-normalised, as
    scikit-learn's ``TfidfVectorizer`` computes it) dotted with the weights.
    """

    def __init__(self, threshold: float = 0.5, C: float = 10.0, short_words: int = 0):
        self.threshold = threshold
        self.C = C
        self.short_words = short_words

    def fit(self, token_lists: Sequence[Sequence[str]], labels: Sequence[tuple[str, ...]],
            sample_weight: Sequence[float] | None = None):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        feats = [_features(t, self.short_words) for t in token_lists]
        y = np.array([1 if cats else 0 for cats in labels])
        if len(set(y)) < 2:
            raise ValueError("training cases need both disclosures and ordinary answers")
        vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        X = vectorizer.fit_transform(feats)
        flag_model = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear")
        flag_model.fit(X, y, sample_weight=None if sample_weight is None else np.asarray(sample_weight, float))
        rows, cats = [], []
        for i, lab in enumerate(labels):
            for c in lab:
                if c == UNKNOWN_CATEGORY:  # flagged, category not given: trains the yes/no model only
                    continue
                rows.append(i)
                cats.append(c)
        classes = sorted(set(cats))
        if len(classes) > 1:
            category_model = OneVsRestClassifier(LogisticRegression(C=self.C, solver="liblinear"))
            category_model.fit(X[rows], np.array(cats))
            cat_w = np.vstack([e.coef_[0] for e in category_model.estimators_]).T
            cat_b = np.array([e.intercept_[0] for e in category_model.estimators_])
            classes = [str(c) for c in category_model.classes_]
        else:  # one category: it is always the answer
            cat_w = np.zeros((X.shape[1], 1))
            cat_b = np.array([50.0])
        names = [str(f) for f in vectorizer.get_feature_names_out()]
        self._set(names, vectorizer.idf_, flag_model.coef_[0], float(flag_model.intercept_[0]),
                  cat_w, cat_b, classes)
        return self

    def _set(self, names, idf, flag_w, flag_b, cat_w, cat_b, classes) -> None:
        self.features_ = np.array(names, dtype=object)
        self.index_ = {f: j for j, f in enumerate(names)}
        self.idf_ = np.asarray(idf, dtype=np.float64)
        self.flag_w_ = np.asarray(flag_w, dtype=np.float64)
        self.flag_b_ = float(flag_b)
        self.cat_w_ = np.asarray(cat_w, dtype=np.float64)
        self.cat_b_ = np.asarray(cat_b, dtype=np.float64)
        self.classes_ = list(classes)

    # ------------------------------------------------------- persistence
    def save(self, stem: Path | str, meta: dict | None = None) -> None:
        """Write ``stem.npz`` (weights) and ``stem.json`` (features, classes, ``meta``)."""
        stem = Path(stem)
        np.savez_compressed(stem.with_suffix(".npz"), idf=self.idf_.astype(np.float32),
                            flag_w=self.flag_w_.astype(np.float32), cat_w=self.cat_w_.astype(np.float32),
                            cat_b=self.cat_b_, flag_b=np.array([self.flag_b_]))
        doc = {"meta": meta or {}, "C": self.C, "short_words": self.short_words, "classes": self.classes_,
               "features": [str(f) for f in self.features_]}
        stem.with_suffix(".json").write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n",
                                             encoding="utf-8")

    @classmethod
    def load(cls, stem: Path | str, threshold: float = 0.5) -> tuple[LearnedNet, dict]:
        """A net saved by :meth:`save`, and the ``meta`` it was saved with."""
        stem = Path(stem)
        doc = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(stem.with_suffix(".npz"), allow_pickle=False) as z:
            net = cls(threshold=threshold, C=doc["C"], short_words=doc.get("short_words", 0))
            net._set(doc["features"], z["idf"], z["flag_w"], float(z["flag_b"][0]), z["cat_w"], z["cat_b"],
                     doc["classes"])
        return net, doc["meta"]

    # ------------------------------------------------------------ scoring
    def _row(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices of an answer and their tf-idf values."""
        counts: dict[int, int] = {}
        for f in _features(tokens, self.short_words):
            j = self.index_.get(f)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        val = np.array([1.0 + math.log(counts[j]) for j in idx]) * self.idf_[idx]
        return idx, val / np.sqrt(val @ val)

    def probability(self, tokens: Sequence[str]) -> float:
        idx, val = self._row(tokens)
        z = float(val @ self.flag_w_[idx]) + self.flag_b_
        return float(1.0 / (1.0 + math.exp(-z)))

    def category(self, tokens: Sequence[str], allowed: set[str] | None = None) -> tuple[str, float]:
        """Most likely category and its probability; ``("", p)`` if it is not ``allowed``."""
        idx, val = self._row(tokens)
        # one-vs-rest: per-class sigmoid, normalised (as OneVsRestClassifier does)
        p = 1.0 / (1.0 + np.exp(-(val @ self.cat_w_[idx] + self.cat_b_)))
        proba = p / p.sum()
        k = int(np.argmax(proba))
        c = self.classes_[k]
        return (c if allowed is None or c in allowed else ""), float(proba[k])

    def _coef(self, category: str | None) -> np.ndarray:
        return self.flag_w_ if category is None else self.cat_w_[:, self.classes_.index(category)]

    def word_contributions(self, tokens: Sequence[str], model: str = "flag",
                           category: str | None = None) -> list[float]:
        """How much each token pushed the score up (pair weights split in two)."""
        idx, val = self._row(tokens)
        coef = self._coef(None if model == "flag" else category)
        value = {self.features_[j]: v * coef[j] for j, v in zip(idx, val, strict=True)}
        placed = _placed_features(tokens, self.short_words)
        counts: dict[str, int] = {}
        for f, _pos in placed:
            counts[f] = counts.get(f, 0) + 1
        contrib = [0.0] * len(tokens)
        for f, pos in placed:
            share = value.get(f, 0.0) / counts[f] / len(pos)
            for i in pos:
                contrib[i] += share
        return contrib

    def top_features(self, n: int = 20, category: str | None = None) -> list[tuple[str, float]]:
        """The ``n`` heaviest words / pairs for flagging (or for one category)."""
        coef = self._coef(category)
        order = np.argsort(-coef)[:n]
        return [(str(self.features_[j]), float(coef[j])) for j in order]


# ------------------------------------------------------- use on a spaCy Doc
def doc_tokens(doc) -> tuple[list[str], list[int]]:
    """Normalised words of a parsed answer and their token indices."""
    norms, idx = [], []
    for t in doc:
        if not (t.is_space or t.is_punct):
            norms.append(t.norm_)
            idx.append(t.i)
    return norms, idx


def question_token(kind: str | None) -> list[str]:
    """The pseudo-word that tells the net what the answer replies to (``[]`` for no known kind).

    The judge learned it; a net trained without it (the net of learned hits) has no such feature and
    ignores it."""
    return [f"__q_{kind}"] if kind else []
