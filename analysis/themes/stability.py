"""Choosing the number of themes by stability: which k do two halves of the answers reproduce?"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import normalize


def kmeans_stability(X, weight, ks, n_repeats, rng, random_state, fit):
    """Stability of plain KMeans: ``fit(X, weight, k, seed)`` on two halves, ARI of their labels on all rows."""
    halves = [rng.permutation(len(X)) for _ in range(n_repeats)]
    scores = []
    for k in ks:
        agree = []
        for r, order in enumerate(halves):
            a, b = order[: len(order) // 2], order[len(order) // 2:]
            fits = [fit(X[h], weight[h], k, random_state + r) for h in (a, b)]
            agree.append(adjusted_rand_score(fits[0].predict(X), fits[1].predict(X)))
        scores.append(float(np.mean(agree)))
    return np.array(scores)


def project(X, weight, n_components):
    """The rows on their first ``n_components`` principal axes (weighted), L2-normalised.

    KMeans' cost grows with the dimensions; the themes' structure lives in far
    fewer of them than a sentence embedding has (384 for MiniLM).
    """
    X = np.asarray(X, dtype=np.float32)
    w = np.asarray(weight, dtype=np.float64)
    centred = X - (w @ X / w.sum()).astype(np.float32)
    scatter = (centred * (w / w.mean()).astype(np.float32)[:, None]).T @ centred
    _values, vectors = np.linalg.eigh(scatter.astype(np.float64))  # ascending
    axes = vectors[:, ::-1][:, :n_components].astype(np.float32)
    return normalize(centred @ axes).astype(np.float32)


def most_stable(ks, scores, tolerance):
    """The largest ``k`` whose score is within ``tolerance`` of the best (equally reproducible, finer)."""
    best = max(scores)
    return max(k for k, s in zip(ks, scores, strict=True) if s >= best - tolerance)
