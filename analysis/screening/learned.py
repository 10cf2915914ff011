"""A small, auditable learned safety net behind the rules.

Two logistic regressions over the *normalised* words of an answer (text
speak expanded, misspellings corrected, lemmatised: the same ``norm_`` the
rules see) and over adjacent word pairs:

* a yes/no model ("is this a possible disclosure?"), and
* a category model, trained on the disclosures only, that names the
  category.

Both are linear, so every decision is a sum of per-word weights: a hit
quotes the words that pushed the score up most, and
:meth:`LearnedNet.top_features` lists the heaviest words for review.  The
models are trained on the labelled cases in ``data/training_cases.csv``
when the screener is fitted (under a second).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np

TRAINING_CASES = Path(__file__).parent / "data" / "training_cases.csv"


def load_training_cases(path: Path | str = TRAINING_CASES) -> tuple[list[str], list[tuple[str, ...]]]:
    """Texts and their categories (an empty tuple means "ordinary answer")."""
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            texts.append(row["text"])
            cats = tuple(c for c in row["categories"].split(";") if c) if row["flagged"] == "1" else ()
            labels.append(cats)
    return texts, labels


def _features(tokens: Sequence[str]) -> list[str]:
    """Words and adjacent word pairs (pairs written ``a_b``)."""
    feats = list(tokens)
    feats.extend(f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False))
    return feats


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
    """

    def __init__(self, threshold: float = 0.5, C: float = 10.0):
        self.threshold = threshold
        self.C = C

    def fit(self, token_lists: Sequence[Sequence[str]], labels: Sequence[tuple[str, ...]]):
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.multiclass import OneVsRestClassifier

        feats = [_features(t) for t in token_lists]
        y = np.array([1 if cats else 0 for cats in labels])
        if len(set(y)) < 2:
            raise ValueError("training cases need both disclosures and ordinary answers")
        self.vectorizer_ = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        X = self.vectorizer_.fit_transform(feats)
        self.flag_model_ = LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear")
        self.flag_model_.fit(X, y)
        rows, cats = [], []
        for i, lab in enumerate(labels):
            for c in lab:
                rows.append(i)
                cats.append(c)
        self.category_model_ = OneVsRestClassifier(LogisticRegression(C=self.C, solver="liblinear"))
        self.category_model_.fit(X[rows], np.array(cats))
        self.features_ = np.array(self.vectorizer_.get_feature_names_out(), dtype=object)
        # Plain weight matrices: scoring one answer with numpy is much faster
        # than 13 scikit-learn predict_proba calls (same numbers).
        self.flag_w_ = self.flag_model_.coef_[0].copy()
        self.flag_b_ = float(self.flag_model_.intercept_[0])
        est = self.category_model_.estimators_
        self.cat_w_ = np.vstack([e.coef_[0] for e in est]).T if len(est) > 1 else None
        self.cat_b_ = np.array([e.intercept_[0] for e in est]) if len(est) > 1 else None
        return self

    # ------------------------------------------------------------ scoring
    def _row(self, tokens: Sequence[str]):
        return self.vectorizer_.transform([_features(tokens)])

    def probability(self, tokens: Sequence[str]) -> float:
        z = float(np.asarray(self._row(tokens) @ self.flag_w_).ravel()[0]) + self.flag_b_
        return float(1.0 / (1.0 + np.exp(-z)))

    def category(self, tokens: Sequence[str], allowed: set[str] | None = None) -> tuple[str, float]:
        """Most likely category and its probability; ``("", p)`` if it is not ``allowed``."""
        if self.cat_w_ is None:
            proba = self.category_model_.predict_proba(self._row(tokens))[0]
        else:  # one-vs-rest: per-class sigmoid, normalised (as OneVsRestClassifier does)
            p = 1.0 / (1.0 + np.exp(-(np.asarray(self._row(tokens) @ self.cat_w_).ravel() + self.cat_b_)))
            proba = p / p.sum()
        k = int(np.argmax(proba))
        c = str(self.category_model_.classes_[k])
        return (c if allowed is None or c in allowed else ""), float(proba[k])

    def word_contributions(self, tokens: Sequence[str], model: str = "flag",
                           category: str | None = None) -> list[float]:
        """How much each token pushed the score up (pair weights split in two)."""
        row = self._row(tokens)
        if model == "flag":
            coef = self.flag_model_.coef_[0]
        else:
            classes = list(self.category_model_.classes_)
            coef = self.category_model_.estimators_[classes.index(category)].coef_[0]
        value = {self.features_[j]: row[0, j] * coef[j] for j in row.indices}
        counts: dict[str, int] = {}
        feats = _features(tokens)
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
        contrib = [0.0] * len(tokens)
        for i, tok in enumerate(tokens):
            contrib[i] += value.get(tok, 0.0) / counts.get(tok, 1)
        for i in range(len(tokens) - 1):
            pair = f"{tokens[i]}_{tokens[i + 1]}"
            share = value.get(pair, 0.0) / counts.get(pair, 1) / 2
            contrib[i] += share
            contrib[i + 1] += share
        return contrib

    def top_features(self, n: int = 20, category: str | None = None) -> list[tuple[str, float]]:
        """The ``n`` heaviest words / pairs for flagging (or for one category)."""
        if category is None:
            coef = self.flag_model_.coef_[0]
        else:
            classes = list(self.category_model_.classes_)
            coef = self.category_model_.estimators_[classes.index(category)].coef_[0]
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


# A score only a little above the threshold must rest on words that say
# something ("message", "hurt", "tea"), not mostly on "me", "not", "i".
_CONTENT_MIN = 0.6
_CONFIDENT = 0.8
_SPAN_MAX = 8      # evidence covers at most this many words either side of the strongest
_SHARE = 0.3       # ... and only words carrying at least this share of its weight
# Words that never lead the evidence (they carry weight, but say nothing alone).
_FUNCTION = frozenset({
    "i", "me", "my", "myself", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "they", "them", "their", "it", "its", "a", "an", "the", "and", "or", "but", "to", "of", "in",
    "on", "at", "for", "with", "by", "from", "up", "be", "have", "do", "not", "'s", "s", "'ve",
    "'m", "'re", "'ll", "'d", "so", "that", "this", "there", "because", "when", "if", "all",
    "just", "like", "really", "about", "out", "then", "what", "who", "as", "no", "will", "would",
    "nobody", "never", "nothing", "nowhere", "noone", "get", "anyone", "anybody", "someone", "somebody", "ever", "know",
})


_TRIES = 3         # a confident score may rest on any of its 3 strongest content words


def learned_hit(net: LearnedNet, doc, allowed: set[str], gate=None,
                confident: float | None = None) -> tuple[str, tuple[int, int]] | None:
    """``(category, (start_char, end_char))`` of the learned net's hit, or None.

    The evidence is the strongest content word for flagging plus the nearby
    words in the same sentence that also pushed the score up.  ``gate(doc,
    token_index, category, probability)`` may veto the hit (negated,
    hypothetical, lesson talk...); it is told the flag probability so that a
    confident score can be held to fewer checks.  When the probability is at
    least ``confident``, the gate is asked about each of the three strongest
    content words (strongest first) and the first it lets through leads the
    evidence: in "i didnt want to but he made me" the strongest word is
    negated ("want") but the next ("made") is not.
    """
    norms, idx = doc_tokens(doc)
    if not norms:
        return None
    p = net.probability(norms)
    if p < net.threshold:
        return None
    category, _p = net.category(norms, allowed)
    if not category:
        return None
    contrib = net.word_contributions(norms)
    content = [k for k in range(len(norms)) if norms[k] not in _FUNCTION and contrib[k] > 0]
    if not content or (p < _CONFIDENT and sum(contrib[k] for k in content) < _CONTENT_MIN):
        return None
    ranked = sorted(content, key=contrib.__getitem__, reverse=True)
    tries = _TRIES if confident is not None and p >= confident else 1
    ranked = [k for k in ranked[:tries] if contrib[k] >= _SHARE * contrib[ranked[0]]]
    best = next((k for k in ranked if gate is None or gate(doc, idx[k], category, p)), None)
    if best is None:
        return None
    sent = doc[idx[best]].sent
    keep = [k for k in range(len(norms))
            if abs(k - best) <= _SPAN_MAX and contrib[k] >= _SHARE * contrib[best]
            and sent.start <= idx[k] < sent.end]
    first, last = doc[idx[min(keep)]], doc[idx[max(keep)]]
    return category, (first.idx, last.idx + len(last.text))
