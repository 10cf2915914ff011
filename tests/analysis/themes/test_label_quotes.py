import numpy as np

from analysis.themes.label import PhraseLabeller
from analysis.themes.quotes import QuoteSelector


def _coded(corpus, preprocessor):
    texts, themes = corpus
    keep = [i for i, t in enumerate(themes) if t != "none"]
    names = sorted({themes[i] for i in keep})
    docs = preprocessor.transform([texts[i] for i in keep])
    labels = np.array([names.index(themes[i]) for i in keep])
    return docs, labels, names


def test_labels_are_readable_distinct_phrases(corpus, preprocessor):
    docs, labels, names = _coded(corpus, preprocessor)
    labeller = PhraseLabeller().fit(docs, labels)
    got = dict(zip(names, labeller.labels_))
    assert all(2 <= len(label.split()) <= 5 for label in got.values()), got
    assert len(set(got.values())) == len(got)
    assert "waiting" in got["waiting"].lower() and "information" in got["sharing"].lower()
    assert "training" in got["training"].lower()


def test_terms_are_distinctive_and_written_forms(corpus, preprocessor):
    docs, labels, names = _coded(corpus, preprocessor)
    labeller = PhraseLabeller(n_terms=5).fit(docs, labels)
    terms = dict(zip(names, labeller.terms_))
    assert "caseloads" in terms["workload"] or "turnover" in terms["workload"]
    assert "information" in terms["sharing"]
    assert all(len(t) == 5 for t in terms.values())
    weights = labeller.term_weights_[0]
    assert list(weights) == sorted(weights, reverse=True)


def test_duplicate_phrases_go_to_the_larger_theme(preprocessor):
    docs = preprocessor.transform(["long waiting lists"] * 6 + ["long waiting lists"] * 3)
    labeller = PhraseLabeller().fit(docs, np.array([0] * 6 + [1] * 3))
    assert labeller.labels_[0] == "Long waiting lists" and labeller.labels_[1] != labeller.labels_[0]


def test_quotes_are_central_varied_members(corpus, preprocessor):
    docs, labels, _ = _coded(corpus, preprocessor)
    docs = docs + [docs[0], docs[0]]  # exact repeats must not be quoted twice
    labels = np.concatenate([labels, [labels[0]] * 2])
    X = np.eye(len(docs))[:, :len(docs)]
    centres = np.vstack([X[labels == c].mean(axis=0) for c in range(labels.max() + 1)])
    quotes = QuoteSelector(n_quotes=5).fit(docs, X, labels, centres).quotes_
    for c, qs in enumerate(quotes):
        members = {d.text for d, lab in zip(docs, labels) if lab == c}
        assert 3 <= len(qs) <= 5 and set(qs) <= members and len(set(qs)) == len(qs)


def test_near_duplicate_quotes_are_skipped(preprocessor):
    texts = ["waiting lists are too long", "the waiting lists are too long", "staff leave and caseloads rise",
             "training places are full"]
    docs = preprocessor.transform(texts)
    X = np.array([[1.0, 0], [0.99, 0.1], [0.9, 0.4], [0.8, 0.6]])
    quotes = QuoteSelector(n_quotes=3, min_words=1).fit(docs, X, np.zeros(4, int), np.array([[1.0, 0]])).quotes_
    assert quotes[0] == tuple(texts[i] for i in (0, 2, 3))
