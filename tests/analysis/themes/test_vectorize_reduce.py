import numpy as np

from analysis.themes.reduce import NoReduction, SVDReduction
from analysis.themes.vectorize import LemmaTfidfVectorizer


def test_tfidf_rows_and_empty_rows(preprocessor, corpus):
    docs = preprocessor.transform(corpus[0][:60] + ["the and of"])
    X = LemmaTfidfVectorizer().fit(docs).transform(docs)
    assert X.shape[0] == 61
    assert X[-1].nnz == 0 and X[0].nnz > 0
    assert "wait" in set(LemmaTfidfVectorizer().fit(docs).get_feature_names_out())


def test_svd_gives_unit_rows_and_caps_components(preprocessor, corpus):
    docs = preprocessor.transform(corpus[0])
    X = LemmaTfidfVectorizer().fit_transform(docs)
    Z = SVDReduction(n_components=500).fit_transform(X)
    assert Z.shape[1] < X.shape[1] and Z.shape[1] <= len(docs) // 10
    norms = np.linalg.norm(Z, axis=1)
    assert np.allclose(norms[norms > 0], 1.0)


def test_no_reduction_is_dense_and_normalised():
    Z = NoReduction().fit_transform(np.array([[3.0, 4.0], [0.0, 2.0]]))
    assert np.allclose(Z, [[0.6, 0.8], [0.0, 1.0]])
