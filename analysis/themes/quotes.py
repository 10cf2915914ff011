"""Representative quotes: close to the theme's centre, varied, de-duplicated."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator

from .nonanswers import normalise
from .preprocess import PLACEHOLDER


class QuoteSelector(BaseEstimator):
    """Pick ``n_quotes`` answers per theme that show what the theme is about.

    Candidates are ranked by cosine similarity to the theme's centre. Answers
    that use one of the theme's key terms (``terms``, matched by written word)
    and have ``min_words``-``max_words`` words come first: of the ``pool``
    closest such answers the shortest are taken. An answer is skipped if its
    normalised text was already taken or if its content words overlap a
    chosen quote by more than ``max_overlap`` (Jaccard). Other answers are used
    only if there are too few. Chosen quotes are listed closest first.

    ``fit(docs, X, labels, centres, terms=None)`` sets ``quotes_`` (a tuple of
    str per theme).
    """

    def __init__(self, n_quotes=3, min_quotes=3, min_words=3, max_words=40, max_overlap=0.6, max_candidates=300,
                 pool=12):
        self.n_quotes = n_quotes
        self.min_quotes = min_quotes
        self.min_words = min_words
        self.max_words = max_words
        self.max_overlap = max_overlap
        self.max_candidates = max_candidates
        self.pool = pool

    def fit(self, docs, X, labels, centres, terms=None):
        labels = np.asarray(labels)
        X = np.asarray(X)
        self.quotes_ = []
        for c in range(len(centres)):
            idx = np.flatnonzero(labels == c)
            sims = X[idx] @ centres[c] if len(idx) else np.zeros(0)
            order = sorted(range(len(idx)), key=lambda j: (-round(float(sims[j]), 6), docs[idx[j]].text))
            key_words = {w for t in (terms[c] if terms is not None else ()) for w in normalise(t).split()}
            self.quotes_.append(self._pick([docs[idx[j]] for j in order[: self.max_candidates]], key_words))
        return self

    def _pick(self, candidates, key_words=frozenset()):
        def fits(doc):
            return self.min_words <= len(doc.text.split()) <= self.max_words

        def shows(doc):
            return not key_words or bool(key_words & set(doc.surface))

        rank = {id(d): i for i, d in enumerate(candidates)}
        best = [d for d in candidates if fits(d) and shows(d)][: self.pool]
        # Shortest readable first; an answer with a redaction placeholder ("[name] was great") says less.
        best.sort(key=lambda d: (len(d.text.split()) > 25, bool(PLACEHOLDER.search(d.text)), len(d.text), rank[id(d)]))
        chosen, seen, bags = [], set(), []
        for pool in (best, [d for d in candidates if fits(d)], candidates):
            for doc in pool:
                if len(chosen) >= self.n_quotes or (pool is candidates and len(chosen) >= self.min_quotes):
                    break
                norm = normalise(doc.text)
                bag = frozenset(doc.content_lemmas()) or frozenset(norm.split())
                if norm in seen or any(len(bag & b) / max(len(bag | b), 1) > self.max_overlap for b in bags):
                    continue
                chosen.append(doc)
                seen.add(norm)
                bags.append(bag)
        chosen.sort(key=lambda d: rank[id(d)])
        return tuple(d.text.strip() for d in chosen)
