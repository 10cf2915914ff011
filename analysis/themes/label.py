"""Theme labels: class-based TF-IDF key terms and a noun phrase that names the theme."""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import CountVectorizer

from .chunks import chunks, word_classes


class PhraseLabeller(BaseEstimator):
    """Label clusters with a noun phrase and 3-5 key terms.

    Terms are content lemmas ranked by class-based TF-IDF (the clusters are the
    classes) and shown in their most common written form. The label is a noun
    phrase of ``min_words``-``max_words`` words found in the cluster's own
    answers (see :mod:`.chunks`: modifiers then a noun, perhaps "of"/"for"/"at"
    and a second noun group; never across punctuation, a verb or a
    conjunction) that best combines how many of the cluster's answers use it
    with how distinctive it is. If no phrase of two words or more is used by
    enough answers, the two leading one-word noun phrases are joined with
    "and" ("Food and drink"). Phrases are grouped by lemmas and shown as most
    often written, with a capital letter. Labels are de-duplicated across
    clusters, larger clusters choosing first.

    ``fit(docs, labels, sample_weight)`` sets ``labels_`` (one str per cluster),
    ``terms_`` and ``term_weights_``.
    """

    def __init__(self, n_terms=5, min_words=2, max_words=6, max_docs_per_cluster=400,
                 min_phrase_share=0.01, length_bonus=0.15):
        self.n_terms = n_terms
        self.min_words = min_words
        self.max_words = max_words
        self.max_docs_per_cluster = max_docs_per_cluster
        self.min_phrase_share = min_phrase_share
        self.length_bonus = length_bonus

    def fit(self, docs, labels, sample_weight=None, n_clusters=None):
        labels = np.asarray(labels)
        weight = np.ones(len(docs)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
        k = int(n_clusters if n_clusters is not None else labels.max() + 1)
        self._fit_terms(docs, labels, weight, k)
        self._fit_phrases(docs, labels, weight, k)
        return self

    def _fit_terms(self, docs, labels, weight, k):
        placed = labels >= 0
        surface = defaultdict(Counter)
        content = []
        for doc in docs:
            words = []
            for word, lemma, stop in zip(doc.surface, doc.lemmas, doc.is_stop, strict=True):
                if not stop:
                    words.append(lemma)
                    surface[lemma][word] += 1
            content.append(" ".join(words))
        self.terms_ = [()] * k
        self.term_weights_ = [()] * k
        self.term_lemmas_ = [frozenset()] * k
        if not placed.any():
            return
        try:
            counts = CountVectorizer(token_pattern=r"\S+", lowercase=False, binary=True).fit(  # noqa: S106 - a regex
                [c for c, p in zip(content, placed, strict=True) if p])
        except ValueError:  # no words at all
            return
        X = counts.transform(content)
        onehot = sparse.csr_matrix((weight[placed], (labels[placed], np.flatnonzero(placed))), shape=(k, len(docs)))
        tf = np.asarray((onehot @ X).todense(), dtype=float)
        totals = tf.sum(axis=1, keepdims=True)
        freq = tf.sum(axis=0)
        idf = np.log(1 + totals.mean() / np.maximum(freq, 1e-9))
        ctfidf = tf / np.maximum(totals, 1e-9) * idf
        names = counts.get_feature_names_out()
        for c in range(k):
            order = sorted(np.flatnonzero(ctfidf[c] > 0), key=lambda j: (-ctfidf[c, j], names[j]))[: self.n_terms]
            self.terms_[c] = tuple(surface[names[j]].most_common(1)[0][0] for j in order)
            self.term_lemmas_[c] = frozenset(names[j] for j in order)
            self.term_weights_[c] = tuple(round(float(ctfidf[c, j]), 6) for j in order)

    def _fit_phrases(self, docs, labels, weight, k):
        members = defaultdict(list)
        for i in np.flatnonzero(labels >= 0):
            members[int(labels[i])].append(i)
        df = [Counter() for _ in range(k)]
        forms = defaultdict(Counter)
        sizes = np.zeros(k)
        classes = word_classes()
        for c, idx in members.items():
            # Deterministic cap: most repeated answers first, then by text.
            idx = sorted(idx, key=lambda i: (-weight[i], docs[i].text))[: self.max_docs_per_cluster]
            for i in idx:
                keys = {}
                for key, form in chunks(docs[i], classes, self.max_words):
                    keys[key] = form
                    forms[key][form] += weight[i]
                for key in keys:
                    df[c][key] += weight[i]
                sizes[c] += weight[i]
        total_df = Counter()
        for counter in df:
            total_df.update(counter)
        n_total = max(sizes.sum(), 1.0)
        ranked, singles = [], []
        for c in range(k):
            min_df = max(2.0, self.min_phrase_share * sizes[c])
            # A phrase that uses a key term needs less support (half) than one that does not.
            key_df = max(2.0, self.min_phrase_share / 2 * sizes[c])
            scored = [s for s in self._score(df[c], sizes[c], total_df, n_total, 2.0)
                      if df[c][s[1]] >= min_df or (df[c][s[1]] >= key_df and set(s[1]) & self.term_lemmas_[c])]
            # Phrases that use one of the theme's key terms name what its answers share: they come first.
            scored.sort(key=lambda s: (not (set(s[1]) & self.term_lemmas_[c]), -s[0], s[1]))
            ranked.append([s for s in scored if self.min_words <= len(s[1]) <= self.max_words])
            # Before joining two words: a phrase with a key term that at least two answers use.
            loose = [s for s in self._score(df[c], sizes[c], total_df, n_total, 2.0)
                     if set(s[1]) & self.term_lemmas_[c] and self.min_words <= len(s[1]) <= self.max_words]
            ranked[-1] += sorted(loose, key=lambda s: (-s[0], s[1]))
            singles.append([s[1] for s in scored if len(s[1]) == 1])
        self.labels_ = self._assign(ranked, singles, forms, sizes)
        return self

    def _score(self, df, size, total_df, n_total, min_count):
        """``[(score, key)]``: share of the theme's answers using the phrase x how distinctive x length."""
        return [(count / size * np.log(1 + n_total / total_df[key]) * (1 + self.length_bonus * (len(key) - 2)), key)
                for key, count in df.items() if count >= min_count]

    def _assign(self, ranked, singles, forms, sizes):
        labels = [""] * len(ranked)
        used_keys, used_text = set(), set()

        def written(key):
            return max(forms[key].items(), key=lambda f: (f[1], f[0]))[0]

        for c in sorted(range(len(ranked)), key=lambda c: (-sizes[c], c)):
            choice = None
            for _, key in ranked[c]:
                content = frozenset(key)
                if content in used_keys:
                    continue
                choice = written(key)
                used_keys.add(content)
                break
            if choice is None:
                words = [written(key) for key in singles[c] if frozenset(key) not in used_keys][:2]
                if len(words) < 2:
                    words = [t for t in self.terms_[c] if t not in words][: 2 - len(words)] + words
                choice = " and ".join(words) if words else "unlabelled answers"
                used_keys.add(frozenset(choice.split()))
            choice = choice[:1].upper() + choice[1:]
            base, n = choice, 2
            while choice in used_text:
                choice, n = f"{base} ({n})", n + 1
            used_text.add(choice)
            labels[c] = choice
        return labels
