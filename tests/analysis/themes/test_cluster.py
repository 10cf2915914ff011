import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import adjusted_rand_score

from analysis.themes.cluster import KMeansClusterer, candidate_ks


@pytest.fixture(scope="module")
def blobs():
    X, y = make_blobs(n_samples=400, centers=4, n_features=8, cluster_std=0.5, random_state=3)
    return X + 10 * np.eye(8)[y % 8], y  # spread the centres in direction too (cosine space)


def test_given_k_recovers_blobs(blobs):
    X, y = blobs
    model = KMeansClusterer(k=4).fit(X)
    assert adjusted_rand_score(y, model.labels_) > 0.95
    assert model.k_selection_.method == "given" and model.cluster_centers_.shape == (4, 8)


def test_automatic_k_reports_its_evidence(blobs):
    X, y = blobs
    model = KMeansClusterer(max_k=10).fit(X)
    sel = model.k_selection_
    assert sel.k_chosen == 4
    assert len(sel.candidates) == len(sel.scores) >= 3
    assert sel.scores[sel.candidates.index(4)] == max(sel.scores)


def test_candidate_ks_grow_with_answers():
    assert max(candidate_ks(50)) < max(candidate_ks(5000)) <= 30
    assert min(candidate_ks(10)) == 2


def test_zero_rows_are_unplaced(blobs):
    X, _ = blobs
    X = np.vstack([X, np.zeros((2, 8))])
    labels = KMeansClusterer(k=4).fit(X).labels_
    assert (labels[-2:] == -1).all() and (labels[:-2] >= 0).all()


def test_init_centres_steer_the_first_clusters(blobs):
    X, y = blobs
    target = X[y == 2].mean(axis=0)
    model = KMeansClusterer(k=4).fit(X, init_centres=target[None, :])
    assert (model.labels_[y == 2] == 0).mean() > 0.95


def test_subclusters_are_merged_to_k(blobs):
    X, y = blobs
    model = KMeansClusterer(k=4, n_subclusters=40).fit(X)
    assert adjusted_rand_score(y, model.labels_) > 0.9 and model.n_clusters_ == 4


def test_same_seed_same_labels_and_predict_matches(blobs):
    X, _ = blobs
    a, b = KMeansClusterer(k=4, random_state=7).fit(X), KMeansClusterer(k=4, random_state=7).fit(X)
    assert (a.labels_ == b.labels_).all()
    assert (a.predict(X) == a.labels_).mean() > 0.98


def test_answers_between_two_themes_also_belong_to_the_second(blobs):
    X, y = blobs
    model = KMeansClusterer(k=4, random_state=0).fit(X)
    a, b = model.cluster_centers_[0], model.cluster_centers_[1]
    between = np.vstack([X, (a + b) / 2 + 0.01 * a, a])
    labels = model.predict(between)
    second = dict(model.secondary(between, labels, margin=0.05))
    assert len(X) in second and {labels[len(X)], second[len(X)]} == {0, 1}
    assert len(X) + 1 not in second  # an answer at a theme's centre has one theme


def test_far_answers_are_left_for_other_answers(blobs):
    X, _ = blobs
    model = KMeansClusterer(k=4, random_state=0, other_z=1.5).fit(X)
    odd = -model.cluster_centers_.sum(axis=0, keepdims=True)
    assert model.predict(odd)[0] == -1 and (model.labels_ >= 0).mean() > 0.85


def test_k_is_chosen_on_principal_axes_and_reported(blobs):
    X, y = blobs
    model = KMeansClusterer(max_k=10, stability_dims=3).fit(X)
    sel = model.k_selection_
    assert sel.k_chosen == 4 and "first 3 principal axes" in sel.method
    assert adjusted_rand_score(y, model.labels_) > 0.95


def test_subclusters_fitted_on_a_sample_still_place_every_row(blobs):
    X, y = blobs
    model = KMeansClusterer(k=4, n_subclusters=40, subcluster_sample_size=200).fit(X)
    assert (model.labels_ >= 0).mean() > 0.95 and model.n_clusters_ == 4
    assert adjusted_rand_score(y, model.labels_) > 0.9


def test_a_theme_over_the_cap_is_split_along_its_subclusters():
    X, _y = make_blobs(n_samples=[600, 100, 100, 100], n_features=8, cluster_std=0.5, random_state=3)
    X = X + 10 * np.eye(8)[np.repeat(np.arange(4), [600, 100, 100, 100])]
    model = KMeansClusterer(n_subclusters=40, max_share=0.4, min_split_size=50, max_k=3).fit(X)
    sizes = np.bincount(model.labels_[model.labels_ >= 0])
    assert sizes.max() <= 0.4 * sizes.sum() and "split in two" in model.k_selection_.method
    sub = model._subcluster_fit[0]
    assert all(len(np.unique(model.labels_[sub == s])) == 1 for s in np.unique(sub))  # sub-clusters kept whole
