"""KMeans clustering with an automatic, reported choice of k."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.preprocessing import normalize

from .results import KSelection
from .stability import kmeans_stability, most_stable, project

UNPLACED = -1


def candidate_ks(n_samples: int, min_k: int = 2, max_k: int = 30, n_candidates: int = 7) -> list[int]:
    """A few k between ``min_k`` and a cap that grows with ``sqrt(n_samples)``."""
    upper = int(max(min_k, min(max_k, np.sqrt(n_samples / 2), n_samples - 1)))
    grid = np.unique(np.round(np.geomspace(min_k, upper, n_candidates)).astype(int))
    return [int(k) for k in grid if min_k <= k <= upper] or [min_k]


def _seeded_plusplus(X, k, weight, fixed, seed):
    """k-means++ that starts from ``fixed`` centres and adds ``k - len(fixed)`` more."""
    rng = np.random.default_rng(seed)
    centres = list(fixed[:k])
    dist = np.min(((X[:, None, :] - np.asarray(centres)[None]) ** 2).sum(-1), axis=1)
    while len(centres) < k:
        p = weight * dist
        i = int(rng.choice(len(X), p=p / p.sum())) if p.sum() > 0 else int(rng.integers(len(X)))
        centres.append(X[i])
        dist = np.minimum(dist, ((X - X[i]) ** 2).sum(-1))
    return np.vstack(centres)


class KMeansClusterer(BaseEstimator, ClusterMixin):
    """Spherical-style KMeans on L2-normalised rows.

    If ``k`` is ``None`` a few candidate values (see :func:`candidate_ks`) are
    fitted on a sample and the most *stable* one is kept: KMeans is fitted on two
    random halves of the sample (``n_stability`` times) and the score is the
    adjusted Rand index of the two fits' labels over the sample. The candidates
    and their scores are in ``k_selection_``. With ``stability_dims`` set, those
    fits run on the sample's first ``stability_dims`` principal axes (weighted
    PCA, rows re-normalised): on 384-dimensional embeddings 32 axes choose the
    same k at a fraction of the cost (benchmarks/RESULTS.md, fourth pass).

    Rows that are all zeros (no usable words) are left unplaced (label ``-1``),
    as are rows whose cosine to their centre is below ``min_similarity``.

    ``fit`` accepts ``sample_weight`` (counts of repeated answers) and
    ``init_centres`` (guided themes): those centres start the first clusters
    and the rest are chosen by k-means++.

    If ``n_subclusters`` is set (and larger than k), KMeans first finds that
    many small clusters and their centres are merged to k themes by
    agglomeration: ``linkage="ward"`` (on the centres) or ``"average"``
    (cosine). Not used with guided themes. Ward on 100 sub-clusters is the
    embeddings backend's default (AMI .281 at k=9 on the shared data against
    .260 for KMeans; average linkage let one theme take 68-75% of the answers:
    benchmarks/RESULTS.md). Over ``subcluster_sample_size`` rows the
    sub-clusters are fitted on a uniform sample of that many rows and every
    row then joins its nearest sub-cluster.

    **Other answers.** With ``other_z`` set, an answer whose cosine to its
    centre is more than ``other_z`` standard deviations below the mean cosine
    of its theme's members fits no theme well: it is left unplaced (``-1``)
    and goes to "Other answers" rather than stretching a theme.

    **Largest theme.** When k is chosen (by stability), a theme holding
    more than ``max_share`` of the answers is split in two by KMeans, until
    none does; ``k_selection_`` reports the splits (merged sub-clusters are
    split by KMeans on the theme's sub-cluster centres). Themes of fewer than
    ``min_split_size`` answers are never split (a small survey may well have
    five themes of a fifth each). (Choosing among candidates
    under the cap instead took the largest candidate, k=30, on the shared data.)

    ``secondary(X, margin)`` gives each answer's other themes: those whose
    centre is within ``margin`` (cosine) of its own theme's centre and that it
    fits as well as their own members do.
    """

    def __init__(self, k=None, min_k=2, max_k=30, n_init=4, max_iter=100, sample_size=4000,
                 n_stability=2, stability_tolerance=0.02, min_similarity=None, n_subclusters=None, linkage="ward",
                 other_z=None, max_share=None, min_split_size=200, stability_dims=None,
                 subcluster_sample_size=20000, random_state=0):
        self.k = k
        self.min_k = min_k
        self.max_k = max_k
        self.n_init = n_init
        self.max_iter = max_iter
        self.sample_size = sample_size
        self.n_stability = n_stability
        self.stability_tolerance = stability_tolerance
        self.min_similarity = min_similarity
        self.n_subclusters = n_subclusters
        self.linkage = linkage
        self.other_z = other_z
        self.max_share = max_share
        self.min_split_size = min_split_size
        self.stability_dims = stability_dims
        self.subcluster_sample_size = subcluster_sample_size
        self.random_state = random_state

    def _kmeans(self, X, k, weight, init_centres, seed, n_init):
        if init_centres is not None and len(init_centres):
            init = _seeded_plusplus(X, k, weight, normalize(np.asarray(init_centres, dtype=X.dtype)), seed)
            model = KMeans(n_clusters=k, init=init, n_init=1, max_iter=self.max_iter, random_state=seed)
        else:
            model = KMeans(n_clusters=k, n_init=n_init, max_iter=self.max_iter, random_state=seed)
        return model.fit(X, sample_weight=weight)

    def _subclusters(self, n_rows):
        """How many KMeans sub-clusters would be merged to the themes (0: none)."""
        return 0 if self.n_subclusters is None else min(int(self.n_subclusters), n_rows // 5)

    def _choose_k(self, X, weight, init_centres, rng):
        n_guided = 0 if init_centres is None else len(init_centres)
        n_real = int(weight.sum())
        candidates = [k for k in candidate_ks(n_real, max(self.min_k, n_guided + 1), self.max_k) if k < len(X)]
        if not candidates:
            return KSelection(max(1, min(len(X), n_guided or 1)), "too few answers")
        idx = np.arange(len(X))
        if len(X) > self.sample_size:
            idx = np.sort(rng.choice(len(X), self.sample_size, replace=False, p=weight / weight.sum()))
        Xs, ws = X[idx], weight[idx]
        Xk = Xs
        if self.stability_dims and Xs.shape[1] > self.stability_dims and not n_guided:
            Xk = project(Xs, ws, self.stability_dims)
        scores = kmeans_stability(Xk, ws, candidates, self.n_stability, rng, self.random_state,
                                  lambda x, w, k, seed: self._kmeans(x, k, w, init_centres, seed, 1))
        how = "stability (ARI of KMeans on two halves of a sample" + (
            f", on its first {self.stability_dims} principal axes)" if Xk is not Xs else ")")
        # Stability: the k whose themes two halves of the answers reproduce best (ARI of their labels on the
        # sample). The silhouette and the gap statistic keep rising with k on LSA vectors (they always took
        # the largest candidate); the elbow of the inertia has no knee there. See benchmarks/RESULTS.md.
        # Equally stable (within ``stability_tolerance``): the larger k, a finer partition reproduced as well.
        best = most_stable(candidates, scores, self.stability_tolerance)
        if self._subclusters(len(X)) <= best and len(X) > self.sample_size:
            # The final run on all the answers starts from the chosen k's centres on the sample.
            self._sample_centres[best] = self._kmeans(Xs, best, ws, init_centres, self.random_state, 2).cluster_centers_
        return KSelection(best, f"{how}: largest k within {self.stability_tolerance} of the most stable",
                          tuple(candidates), tuple(round(float(s), 4) for s in scores))

    def _split_large(self, X, labels, weight, centres):
        """Split the largest theme in two (KMeans) while it holds more than ``max_share``.

        When the themes are merged sub-clusters, a theme is split by KMeans on its sub-clusters' centres
        (weighted by their answers), so it costs nothing at any number of answers and each half is again a
        union of sub-clusters; a theme of a single sub-cluster is split on its answers.
        """
        labels, centres, splits = labels.copy(), list(centres), 0
        placed = labels >= 0
        sub, sub_centres, sub_weight = getattr(self, "_subcluster_fit", (None, None, None))
        while splits < 30:
            sizes = np.bincount(labels[placed], weights=weight[placed], minlength=len(centres))
            c = int(np.argmax(sizes))
            members = np.flatnonzero(labels == c)
            if sizes[c] <= self.max_share * weight[placed].sum() or sizes[c] < self.min_split_size:
                break
            parts = np.unique(sub[members]) if sub is not None else ()
            if len(parts) >= 2:
                halves = KMeans(n_clusters=2, n_init=2, random_state=self.random_state).fit(
                    sub_centres[parts], sample_weight=sub_weight[parts])
                side = np.zeros(len(sub_centres), dtype=int)
                side[parts] = halves.labels_
                member_side = side[sub[members]]
            else:
                halves = KMeans(n_clusters=2, n_init=2, random_state=self.random_state).fit(
                    X[members], sample_weight=weight[members])
                member_side = halves.labels_
            if len(np.unique(member_side)) < 2:
                break
            labels[members[member_side == 1]] = len(centres)
            if len(parts) >= 2:  # the halves' own answers' centres
                halves.cluster_centers_ = np.vstack([weight[rows] @ X[rows] for rows in
                                                     (members[member_side == 0], members[member_side == 1])])
            centres[c] = halves.cluster_centers_[0]
            centres.append(halves.cluster_centers_[1])
            splits += 1
        return labels, np.vstack(centres), splits

    def fit(self, X, y=None, sample_weight=None, init_centres=None):
        X = normalize(np.asarray(X, dtype=np.float32))
        self._sample_centres, self._subcluster_fit = {}, (None, None, None)
        weight = np.ones(len(X)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        placeable = np.linalg.norm(X, axis=1) > 0
        rng = np.random.default_rng(self.random_state)
        Xp, wp = X[placeable], weight[placeable]
        if self.k is not None:
            k = int(min(self.k, max(1, len(Xp))))
            self.k_selection_ = KSelection(k, "given")
        else:
            self.k_selection_ = self._choose_k(Xp, wp, init_centres, rng)
        k = self.k_selection_.k_chosen
        labels = np.full(len(X), UNPLACED, dtype=int)
        if len(Xp) == 0:
            self.cluster_centers_ = np.zeros((0, X.shape[1]), dtype=X.dtype)
        else:
            centres, labels[placeable] = self._cluster(Xp, k, wp, init_centres)
            if self.max_share is not None and self.k is None:
                labels[placeable], centres, splits = self._split_large(Xp, labels[placeable], wp, centres)
                if splits:
                    sel = self.k_selection_
                    self.k_selection_ = KSelection(
                        len(centres), f"{sel.method}; k={sel.k_chosen}, then {splits} theme(s) over "
                        f"{self.max_share:.0%} split in two", sel.candidates, sel.scores)
            self.cluster_centers_ = normalize(centres)
        self._fit_floors(X, labels, weight)
        self.labels_ = self._drop_dissimilar(X, labels)
        self.n_clusters_ = len(self.cluster_centers_)
        return self

    def _cluster(self, X, k, weight, init_centres):
        m = self._subclusters(len(X))
        start = getattr(self, "_sample_centres", {}).get(k) if self.k is None else None
        if m <= k and start is not None and len(X) > self.sample_size:
            # k was chosen on a sample, where the restarts ran: the chosen fit's centres start one run on
            # all the answers (k-means++ restarts over 100,000 answers cost more than the rest together).
            model = KMeans(n_clusters=k, init=start, n_init=1, max_iter=self.max_iter, random_state=self.random_state)
            model.fit(X, sample_weight=weight)
            return model.cluster_centers_, model.labels_
        if m <= k or (init_centres is not None and len(init_centres)):
            model = self._kmeans(X, k, weight, init_centres, self.random_state, self.n_init)
            return model.cluster_centers_, model.labels_
        sub, sub_centres = self._fit_subclusters(X, m, weight)
        if self.linkage == "ward":  # Ward's criterion on the sub-clusters' own centres
            merge = AgglomerativeClustering(n_clusters=k, linkage="ward").fit_predict(sub_centres)
        else:
            merge = AgglomerativeClustering(n_clusters=k, linkage=self.linkage, metric="cosine")
            merge = merge.fit_predict(normalize(sub_centres))
        labels = merge[sub]
        sub_weight = np.bincount(sub, weights=weight, minlength=len(sub_centres))
        self._subcluster_fit = (sub, sub_centres, sub_weight)
        onehot = np.zeros((k, len(X)), dtype=X.dtype)
        onehot[labels, np.arange(len(X))] = weight
        return onehot @ X, labels

    def _fit_subclusters(self, X, m, weight):
        """``(sub-cluster of each row, sub-cluster centres)``: KMeans with ``m`` clusters.

        Over ``subcluster_sample_size`` rows, KMeans is fitted on a uniform sample of that many rows (with
        their weights) and every row then goes to its nearest centre: one pass over the rest instead of
        every Lloyd iteration over all of them.
        """
        fit_rows = np.arange(len(X))
        if self.subcluster_sample_size is not None and len(X) > self.subcluster_sample_size:
            rng = np.random.default_rng(self.random_state)
            fit_rows = np.sort(rng.choice(len(X), self.subcluster_sample_size, replace=False))
        model = self._kmeans(X[fit_rows], m, weight[fit_rows], None, self.random_state, 1)
        sub = model.labels_ if len(fit_rows) == len(X) else model.predict(X)
        return sub, model.cluster_centers_

    def _fit_floors(self, X, labels, weight):
        """Each theme's lowest cosine to its centre that still counts as fitting it."""
        k = len(self.cluster_centers_)
        floors = np.full(k, -np.inf)
        placed = labels >= 0
        sims = np.einsum("ij,ij->i", X[placed], self.cluster_centers_[labels[placed]])
        if self.min_similarity is not None:
            floors[:] = self.min_similarity
        if self.other_z is not None:
            lab, w = labels[placed], weight[placed]
            for c in range(k):
                m = lab == c
                if w[m].sum() >= 5:
                    mean = np.average(sims[m], weights=w[m])
                    std = np.sqrt(np.average((sims[m] - mean) ** 2, weights=w[m]))
                    floors[c] = max(floors[c], mean - self.other_z * std)
        self.similarity_floors_ = floors

    def _drop_dissimilar(self, X, labels):
        placed = labels >= 0
        if not placed.any() or not np.isfinite(self.similarity_floors_).any():
            return labels
        sims = np.einsum("ij,ij->i", X[placed], self.cluster_centers_[labels[placed]])
        out = labels.copy()
        out[np.flatnonzero(placed)[sims < self.similarity_floors_[labels[placed]]]] = UNPLACED
        return out

    def secondary(self, X, labels, margin):
        """``[(answer index, theme)]``: other themes each placed answer is close enough to.

        Theme ``j`` is a second theme of answer ``i`` (in theme ``c``) when
        ``cos(x_i, centre_j) >= cos(x_i, centre_c) - margin`` and ``x_i`` is
        above ``j``'s own floor (it would fit ``j`` as its members do).
        """
        X = normalize(np.asarray(X, dtype=np.float32))
        labels = np.asarray(labels)
        placed = np.flatnonzero(labels >= 0)
        if margin is None or not len(placed) or len(self.cluster_centers_) < 2:
            return []
        sims = X[placed] @ self.cluster_centers_.T
        own = sims[np.arange(len(placed)), labels[placed]]
        floors = np.where(np.isfinite(self.similarity_floors_), self.similarity_floors_, -1.0)
        close = (sims >= (own - margin)[:, None]) & (sims >= floors[None, :])
        close[np.arange(len(placed)), labels[placed]] = False
        rows, cols = np.nonzero(close)
        return [(int(placed[r]), int(c)) for r, c in zip(rows, cols, strict=True)]

    def predict(self, X):
        X = normalize(np.asarray(X, dtype=np.float32))
        labels = np.argmax(X @ self.cluster_centers_.T, axis=1)
        labels[np.linalg.norm(X, axis=1) == 0] = UNPLACED
        return self._drop_dissimilar(X, labels)
