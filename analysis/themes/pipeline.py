"""The theme pipeline: non-answers → preprocess → vectorise → reduce → cluster → label → quotes."""

from __future__ import annotations

import hashlib
import inspect
import time
from collections import Counter

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, clone

from .cluster import UNPLACED, KMeansClusterer
from .guided import GuidedTheme, as_guided_themes, guided_centres
from .label import PhraseLabeller
from .nonanswers import NonAnswerFilter
from .preprocess import SpacyPreprocessor
from .quotes import QuoteSelector
from .reduce import NoReduction, SVDReduction
from .results import KSelection, Theme, ThemeResult
from .vectorize import LemmaTfidfVectorizer

BACKENDS = ("tfidf", "embeddings")
# An answer more than this many standard deviations less close to its theme's centre than the theme's
# members on average fits no theme well: it goes to "Other answers" (about 5-8% on the shared data).
OTHER_Z = 1.5
# When k is chosen, no labelled theme should hold more than this share of the placed answers.
MAX_SHARE = 0.15
# An answer also belongs to every other theme whose centre is within this cosine of its own theme's
# centre, per backend: the margin whose second themes match the coders' sub-categories most often (mean
# precision over seeds 0-2, chosen k; benchmarks/RESULTS.md, fourth pass). Embeddings: precision .38-.39 at
# every margin from .02 to .06 (chance .25), highest at .04, where 17% of answers get a second theme (22% at
# the earlier .05). tfidf: .36 at .01 and near chance (.23) from .03 on, so its second themes are kept few.
SECONDARY_MARGINS = {"tfidf": 0.01, "embeddings": 0.04}
OTHER_LABEL = "Other answers"
EMBEDDING_SUBCLUSTERS = 100
# Choosing k for the embeddings: KMeans stability on the sample's first 32 principal axes (of MiniLM's 384);
# the same k as on all 384 at about a fifth of the cost (benchmarks/RESULTS.md, fourth pass).
EMBEDDING_STABILITY_DIMS = 32


def default_clusterer(backend: str, seed: int = 0) -> KMeansClusterer:
    """The backend's clustering step as the pipeline runs it (also what ``benchmarks/themes_speed.py`` times)."""
    embeddings = backend == "embeddings"
    # Embeddings: the raw text's vectors, L2-normalised, KMeans on EMBEDDING_SUBCLUSTERS merged by Ward
    # (the best of the settings tried on the shared data: benchmarks/RESULTS.md); tfidf: LSA + KMeans.
    return KMeansClusterer(
        n_init=4, other_z=OTHER_Z, max_share=MAX_SHARE, random_state=seed, linkage="ward",
        n_subclusters=EMBEDDING_SUBCLUSTERS if embeddings else None,
        stability_dims=EMBEDDING_STABILITY_DIMS if embeddings else None)


def _text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()  # a cache key, not security


def _clean(text) -> str:
    if text is None or (isinstance(text, float) and np.isnan(text)):
        return ""
    return str(text).strip()


class ThemePipeline(BaseEstimator):
    """Find themes in free-text answers.

    Each step is a parameter; ``None`` means the backend's default. Steps are
    cloned in ``fit`` (the parameters are never modified) and the fitted copies
    are kept as ``non_answers_``, ``preprocessor_``, ``vectorizer_``,
    ``reducer_``, ``clusterer_``, ``labeller_`` and ``quote_selector_``.

    Answers are de-duplicated and sorted by a hash of their text before fitting
    (repeats become sample weights), so the result does not depend on the order
    of the answers, only on their content and ``seed``.

    Parameters
    ----------
    backend : {"tfidf", "embeddings"}
    k : int or None
        Number of themes; ``None`` chooses it (see ``KMeansClusterer``).
    seed : int
    guided : GuidedTheme list, dict of name -> seed phrases, or None
    model : str or None
        Sentence-transformers model name or path (embeddings backend); ``None``
        is the packaged default model, found without any network.
    cache_dir : str or None
        Embedding cache directory (embeddings backend).
    secondary_margin : "auto", float or None
        An answer also belongs to the other themes it is this close to (see
        ``KMeansClusterer.secondary``); ``"auto"`` is the backend's margin
        (``SECONDARY_MARGINS``), ``None`` gives one theme per answer. The
        margin used is ``secondary_margin_``.
    codebook : Codebook or None
        Reviewed themes of an earlier run. New answers that a classifier
        trained on the reviewed answers is sure of go to those themes (which
        keep their reviewed names, first in the result, ``guided=True``,
        ``previous_id`` in ``codebook_ids_``); only the rest are clustered into
        new themes (``k`` then counts the new themes). Guided themes are not
        used with a codebook.

    Answers that fit no theme well (see ``KMeansClusterer``) are gathered in a
    last theme labelled "Other answers" with ``other=True``; its size is
    reported, it has no terms or quotes of its own.
    """

    def __init__(self, backend="tfidf", k=None, seed=0, guided=None, model=None, cache_dir=None,
                 non_answers=None, preprocessor=None, vectorizer=None, reducer=None, clusterer=None,
                 labeller=None, quote_selector=None, secondary_margin="auto", codebook=None):
        self.backend = backend
        self.k = k
        self.seed = seed
        self.guided = guided
        self.model = model
        self.cache_dir = cache_dir
        self.non_answers = non_answers
        self.preprocessor = preprocessor
        self.vectorizer = vectorizer
        self.reducer = reducer
        self.clusterer = clusterer
        self.labeller = labeller
        self.quote_selector = quote_selector
        self.secondary_margin = secondary_margin
        self.codebook = codebook

    def _default_vectorizer(self):
        if self.backend == "embeddings":
            from .embeddings import SentenceEmbedder

            return SentenceEmbedder(model=self.model, cache_dir=self.cache_dir)
        return LemmaTfidfVectorizer()

    def _build_steps(self):
        if self.backend not in BACKENDS:
            raise ValueError(f"backend must be one of {BACKENDS}, not {self.backend!r}")
        embeddings = self.backend == "embeddings"

        def pick(step, default):
            return clone(step) if step is not None else default

        self.non_answers_ = pick(self.non_answers, NonAnswerFilter())
        self.preprocessor_ = pick(self.preprocessor, SpacyPreprocessor())
        self.vectorizer_ = pick(self.vectorizer, self._default_vectorizer())
        default_reducer = NoReduction() if embeddings else SVDReduction(random_state=self.seed)
        self.reducer_ = pick(self.reducer, default_reducer)
        self.clusterer_ = pick(self.clusterer, default_clusterer(self.backend, self.seed))
        if self.k is not None:
            self.clusterer_.set_params(k=self.k)
        margin = self.secondary_margin
        if isinstance(margin, str):
            if margin != "auto":
                raise ValueError(f'secondary_margin must be "auto", a number or None, not {margin!r}')
            margin = SECONDARY_MARGINS[self.backend]
        self.secondary_margin_ = margin
        self.labeller_ = pick(self.labeller, PhraseLabeller())
        self.quote_selector_ = pick(self.quote_selector, QuoteSelector())

    def _embed(self, texts):
        docs = self.preprocessor_.transform(texts)
        return self.reducer_.transform(self.vectorizer_.transform(docs))

    def fit(self, texts, y=None):
        timings = {}
        start = tick = time.perf_counter()

        def lap(name):
            nonlocal tick
            now = time.perf_counter()
            timings[name] = round(now - tick, 4)
            tick = now

        texts = [_clean(t) for t in texts]
        self._build_steps()
        guided = as_guided_themes(self.guided)
        is_non_answer = self.non_answers_.fit(texts).transform(texts)
        counts = Counter(t for t, skip in zip(texts, is_non_answer, strict=True) if not skip)
        unique = sorted(counts, key=lambda t: (_text_hash(t), t))
        weight = np.array([counts[t] for t in unique], dtype=float)
        lap("non_answers")

        self.preprocessor_.fit(unique)
        docs = self.preprocessor_.transform(unique)
        lap("preprocess")
        reviewed = self.codebook.usable() if self.codebook is not None and docs else ()
        # The space is learnt from the new answers and the reviewed ones together, so both fit in it.
        book_docs = self.preprocessor_.transform([_clean(a) for t in reviewed for a in t.answers])
        X = self.vectorizer_.fit(docs + book_docs).transform(docs) if docs else np.zeros((0, 1))
        lap("vectorize")
        if docs:
            accepts_weight = "sample_weight" in inspect.signature(self.reducer_.fit).parameters
            X_fit = X
            if book_docs:
                X_book = self.vectorizer_.transform(book_docs)
                X_fit = sparse.vstack([X, X_book]) if sparse.issparse(X) else np.vstack([X, X_book])
            w_fit = np.concatenate([weight, np.ones(len(book_docs))])
            self.reducer_.fit(X_fit, **({"sample_weight": w_fit} if accepts_weight else {}))
        Z = self.reducer_.transform(X) if docs else np.zeros((0, 1))
        self._book_vectors = self.reducer_.transform(self.vectorizer_.transform(book_docs)) if book_docs else None
        lap("reduce")
        if reviewed:
            guided = ()
        centres = guided_centres(guided, self._embed) if guided and docs else None
        self.n_guided_ = 0 if centres is None else len(centres)
        self.codebook_ids_ = {}
        if docs and reviewed:
            labels, all_centres, k_selection = self._fit_from_codebook(reviewed, Z, weight)
            guided = tuple(GuidedTheme(t.label, (t.label,)) for t in reviewed)
        elif docs:
            self.clusterer_.fit(Z, sample_weight=weight, init_centres=centres)
            labels = self.clusterer_.labels_
            k_selection = self.clusterer_.k_selection_
            all_centres = self.clusterer_.cluster_centers_
        else:
            labels = np.zeros(0, dtype=int)
            k_selection = KSelection(0, "no answers")
            all_centres = np.zeros((0, 1))
        self.cluster_centers_ = all_centres
        lap("cluster")

        n_clusters = len(all_centres) if docs else 0
        self.labeller_.fit(docs, labels, sample_weight=weight, n_clusters=n_clusters)
        lap("label")
        self.quote_selector_.fit(docs, Z, labels, all_centres if docs else [], terms=self.labeller_.terms_)
        lap("quotes")

        second = []
        if docs:
            offset = self.n_reviewed_ if reviewed else 0
            new = np.where(labels >= offset, labels - offset, UNPLACED)
            second = [(i, c + offset) for i, c in self.clusterer_.secondary(Z, new, self.secondary_margin_)]
        self._finish(texts, is_non_answer, unique, labels, weight, n_clusters, guided, k_selection, second)
        timings["total"] = round(time.perf_counter() - start, 4)
        self.result_ = ThemeResult(**self._result_parts, timings=timings)
        return self

    def _finish(self, texts, is_non_answer, unique, labels, weight, n_clusters, guided, k_selection, second):
        sizes = np.bincount(labels[labels >= 0], weights=weight[labels >= 0], minlength=n_clusters)
        also = np.zeros(n_clusters)
        second_of = {}
        for i, c in second:
            if sizes[c] > 0:
                also[c] += weight[i]
                second_of.setdefault(i, []).append(c)
        names = [g.name for g in guided]
        label_text = [names[c] if c < len(names) else self.labeller_.labels_[c] for c in range(n_clusters)]
        # Stable ids: guided themes first, then larger themes, ties broken by label.
        order = sorted((c for c in range(n_clusters) if sizes[c] > 0),
                       key=lambda c: (c >= len(names), c if c < len(names) else 0, -sizes[c], label_text[c]))
        self.theme_ids_ = {c: i for i, c in enumerate(order)}
        themes = tuple(
            Theme(
                id=self.theme_ids_[c],
                label=label_text[c],
                terms=self.labeller_.terms_[c],
                size=int(sizes[c]),
                quotes=self.quote_selector_.quotes_[c],
                term_weights=self.labeller_.term_weights_[c],
                guided=c < len(names),
                secondary_size=int(also[c]),
            )
            for c in order
        )
        other_size = int(weight[labels == UNPLACED].sum())
        other_id = len(order) if other_size else None
        if other_size:
            themes += (Theme(id=other_id, label=OTHER_LABEL, terms=(), size=other_size, quotes=(), other=True),)
        by_text = {
            t: (other_id if c == UNPLACED else self.theme_ids_.get(int(c)))
            for t, c in zip(unique, labels, strict=True)
        }
        also_by_text = {unique[i]: tuple(sorted(self.theme_ids_[c] for c in cs)) for i, cs in second_of.items()}
        assignments = tuple(None if skip else by_text.get(t) for t, skip in zip(texts, is_non_answer, strict=True))
        secondary = tuple(() if skip else also_by_text.get(t, ()) for t, skip in zip(texts, is_non_answer, strict=True))
        self.other_id_ = other_id
        self.previous_ids_ = {self.theme_ids_[c]: pid for c, pid in self.codebook_ids_.items() if c in self.theme_ids_}
        self.labels_ = np.array([-1 if a is None else a for a in assignments])
        self._result_parts = dict(
            themes=themes, assignments=assignments, non_answers=int(is_non_answer.sum()), k_selection=k_selection,
            secondary=secondary,
        )

    def _fit_from_codebook(self, reviewed, Z, weight):
        """Reviewed themes take the answers the classifier is sure of; the rest are clustered."""
        from .codebook import CodebookClassifier

        self.n_reviewed_ = len(reviewed)
        y = np.array([i for i, t in enumerate(reviewed) for _a in t.answers])
        Zc = self._book_vectors
        self.codebook_model_ = CodebookClassifier(random_state=self.seed).fit(Zc, y)
        known = self.codebook_model_.predict(Z)
        rest = np.flatnonzero(known < 0)
        labels = known.copy()
        centres = self.codebook_model_.centres_
        if len(rest) >= 2:
            self.clusterer_.fit(Z[rest], sample_weight=weight[rest])
            new = self.clusterer_.labels_
            labels[rest] = np.where(new >= 0, new + len(reviewed), UNPLACED)
            centres = np.vstack([centres, self.clusterer_.cluster_centers_])
            k_selection = self.clusterer_.k_selection_
        else:
            labels[rest] = UNPLACED
            self.clusterer_.cluster_centers_ = np.zeros((0, Z.shape[1]), dtype=np.float32)
            self.clusterer_.similarity_floors_ = np.zeros(0)
            k_selection = KSelection(0, "every answer fitted a reviewed theme")
        self.codebook_ids_ = {i: t.previous_id for i, t in enumerate(reviewed)}
        return labels, centres, k_selection

    def transform(self, texts):
        """Assign new answers to the fitted themes (``None`` when unplaced)."""
        texts = [_clean(t) for t in texts]
        skip = self.non_answers_.transform(texts)
        keep = [t for t, s in zip(texts, skip, strict=True) if not s]
        if keep and getattr(self, "codebook_model_", None) is not None and self.codebook_ids_:
            Z = self._embed(keep)
            found = self.codebook_model_.predict(Z)
            rest = found < 0
            if rest.any() and len(self.clusterer_.cluster_centers_):
                new = self.clusterer_.predict(Z[rest])
                found[rest] = np.where(new >= 0, new + self.n_reviewed_, UNPLACED)
            labels = iter(found)
        else:
            labels = iter(self.clusterer_.predict(self._embed(keep)) if keep else [])
        out = []
        for s in skip:
            c = None if s else int(next(labels))
            out.append(None if c is None else self.other_id_ if c == UNPLACED else self.theme_ids_.get(c))
        return out


def find_themes(texts, k=None, backend="tfidf", seed=0, guided=None, **params) -> ThemeResult:
    """Find themes in ``texts``; see :class:`ThemePipeline` for the parameters."""
    return ThemePipeline(backend=backend, k=k, seed=seed, guided=guided, **params).fit(texts).result_
