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


def test_labels_are_noun_phrases_from_the_themes_own_answers(corpus, corpus_result):
    from analysis.themes.nonanswers import normalise

    texts = corpus[0]
    for theme in corpus_result.themes:
        if theme.other:
            continue
        members = [normalise(t) for t, a in zip(texts, corpus_result.assignments, strict=True) if a == theme.id]
        label = normalise(theme.label)
        assert 2 <= len(theme.label.split()) <= 6 and 3 <= len(theme.terms) <= 5
        # a noun phrase written in the theme's answers, or two of them joined by "and" when none is longer
        for part in label.split(" and ") if not any(f" {label} " in f" {m} " for m in members) else [label]:
            assert any(f" {part} " in f" {m} " for m in members), (theme.label, members[:3])


def test_chunks_never_cross_a_clause(preprocessor):
    from analysis.themes.chunks import chunks, word_classes

    cases = {
        "The youth clubs are closed so everyone just hangs around": {"youth clubs"},
        "Waiting times for appointments were too long": {"waiting times for appointments"},
        "staff were kind but the wait was awful": set(),
        "It's dark at the bus stop, and there is nobody": {"bus stop"},
    }
    for text, expected in cases.items():
        found = {surface for _key, surface in chunks(preprocessor.transform([text])[0], word_classes())}
        assert expected <= found
        # look-alikes: a verb, a conjunction or punctuation ends a phrase
        assert not any(w in f.split() for f in found for w in ("are", "closed", "so", "but", "was", "and", "hangs"))


def test_quotes_use_the_themes_key_terms(preprocessor):
    texts = ["long waits for camhs", "the weather was nice today but cold",
             "camhs waits are long and staff keep leaving",
             "I had a long wait", "nothing more"]
    docs = preprocessor.transform(texts)
    X = np.array([[1.0, 0], [0.99, 0.05], [0.98, 0.1], [0.97, 0.2], [0.96, 0.3]])
    quotes = QuoteSelector(n_quotes=3, min_words=2, max_overlap=0.9).fit(
        docs, X, np.zeros(5, int), np.array([[1.0, 0]]), terms=[("waits", "camhs", "wait")]).quotes_[0]
    assert "the weather was nice today but cold" not in quotes and len(quotes) == 3


def test_redaction_placeholders_are_never_terms_labels_or_quote_words(preprocessor):
    """"[name]", "[school]" and masks like "XXXX" are what was taken out, not what a theme is about."""
    theme0 = ["[name] at [school] helped with the school bus", "[name] from [service] sorted the school bus pass",
              "ask [name] at [school] about the school bus", "XXXX said the school bus was late again XXXX",
              "the school bus was late and [service] waited", "[school] school bus drivers were rude to [service]"]
    theme1 = ["long waits for camhs appointments", "camhs appointments took months", "waiting for camhs for a year"]
    docs = preprocessor.transform(theme0 + theme1)
    labels = np.array([0] * len(theme0) + [1] * len(theme1))
    labeller = PhraseLabeller().fit(docs, labels)
    placeholder_words = {"name", "service", "[name]", "[school]", "xxxx"}
    words = {w for terms in labeller.terms_ for t in terms for w in t.lower().split()}
    assert not words & placeholder_words, labeller.terms_
    assert "school" in labeller.terms_[0]  # the real word still counts where it is written
    assert "[" not in labeller.labels_[0] and "xxxx" not in labeller.labels_[0].lower(), labeller.labels_
    assert labeller.labels_[0] == "School bus", labeller.labels_
    # A placeholder never makes an answer show a key term, and answers without one are preferred.
    quotes_docs = preprocessor.transform(["[name] [name] [name]", "the bus was late", "[name] bus late"])
    X = np.array([[1.0, 0], [0.95, 0.3], [0.9, 0.4]])
    quotes = QuoteSelector(n_quotes=1, min_words=2, min_quotes=1, max_overlap=0.9).fit(
        quotes_docs, X, np.zeros(3, int), np.array([[1.0, 0]]), terms=[("name", "bus")]).quotes_
    assert quotes[0] == ("the bus was late",)


def test_a_verb_after_its_subject_does_not_start_a_phrase(preprocessor):
    """"I needed help" is a clause, not the noun phrase "needed help"; "closed youth clubs" stays one."""
    from analysis.themes.chunks import chunks, word_classes

    def found(text):
        return {surface for _key, surface in chunks(preprocessor.transform([text])[0], word_classes())}

    assert found("I needed help with my forms") == {"help", "forms"}
    assert "looked forward" not in found("we looked forward to the visits")
    assert "closed youth clubs" in found("the closed youth clubs")
    assert not any(f.startswith("explained") for f in found("explained everything in detail"))
