"""Turn preprocessed answers into TF-IDF vectors of content lemmas."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer


def _content(doc) -> str:
    return " ".join(doc.content_lemmas())


class LemmaTfidfVectorizer(BaseEstimator, TransformerMixin):
    """TF-IDF over content lemmas (and lemma bigrams) of :class:`ProcessedText`.

    Parameters mirror :class:`sklearn.feature_extraction.text.TfidfVectorizer`.
    """

    def __init__(self, ngram_range=(1, 2), min_df=2, max_df=0.5, max_features=20000, sublinear_tf=True):
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def _vectorizer(self, n_docs: int) -> TfidfVectorizer:
        return TfidfVectorizer(
            token_pattern=r"[^ |]+",  # noqa: S106 - a regex, no password
            lowercase=False,
            ngram_range=self.ngram_range,
            min_df=self.min_df if n_docs > 20 else 1,
            max_df=self.max_df if n_docs > 20 else 1.0,
            max_features=self.max_features,
            sublinear_tf=self.sublinear_tf,
            dtype=np.float64,
        )

    def fit(self, docs, y=None, sample_weight=None):
        self.vectorizer_ = self._vectorizer(len(docs)).fit([_content(d) for d in docs])
        return self

    def transform(self, docs):
        return self.vectorizer_.transform([_content(d) for d in docs])

    def get_feature_names_out(self, input_features=None):
        return self.vectorizer_.get_feature_names_out()
