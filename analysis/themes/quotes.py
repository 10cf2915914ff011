"""Representative quotes: close to the theme's centre, varied, de-duplicated."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator

from .nonanswers import normalise


class QuoteSelector(BaseEstimator):
    """Pick up to ``n_quotes`` answers per theme.

    Candidates are ranked by cosine similarity to the theme's centre; an answer
    is skipped if its normalised text was already taken or if its content words
    overlap a chosen quote by more than ``max_overlap`` (Jaccard). Answers of
    ``min_words``-``max_words`` words are preferred; shorter or longer ones are
    used only if there are too few.

    ``fit(docs, X, labels, centres)`` sets ``quotes_`` (a tuple of str per theme).
    """

    def __init__(self, n_quotes=5, min_quotes=3, min_words=3, max_words=60, max_overlap=0.6, max_candidates=300):
        self.n_quotes = n_quotes
        self.min_quotes = min_quotes
        self.min_words = min_words
        self.max_words = max_words
        self.max_overlap = max_overlap
        self.max_candidates = max_candidates

    def fit(self, docs, X, labels, centres):
        labels = np.asarray(labels)
        X = np.asarray(X)
        self.quotes_ = []
        for c in range(len(centres)):
            idx = np.flatnonzero(labels == c)
            sims = X[idx] @ centres[c] if len(idx) else np.zeros(0)
            order = sorted(range(len(idx)), key=lambda j: (-round(float(sims[j]), 6), docs[idx[j]].text))
            self.quotes_.append(self._pick([docs[idx[j]] for j in order[: self.max_candidates]]))
        return self

    def _pick(self, candidates):
        def fits(doc):
            return self.min_words <= len(doc.text.split()) <= self.max_words

        chosen, seen, bags = [], set(), []
        for pool in ([d for d in candidates if fits(d)], candidates):
            for doc in pool:
                if len(chosen) >= self.n_quotes or (pool is candidates and len(chosen) >= self.min_quotes):
                    break
                norm = normalise(doc.text)
                bag = frozenset(doc.content_lemmas()) or frozenset(norm.split())
                if norm in seen or any(len(bag & b) / max(len(bag | b), 1) > self.max_overlap for b in bags):
                    continue
                chosen.append(doc.text.strip())
                seen.add(norm)
                bags.append(bag)
        return tuple(chosen)
