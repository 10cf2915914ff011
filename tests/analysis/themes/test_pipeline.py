import random

import pytest
from sklearn.metrics import adjusted_rand_score

from analysis import GuidedTheme, ThemePipeline, find_themes


def _real(corpus, result):
    texts, themes = corpus
    keep = [i for i, t in enumerate(themes) if t != "none"]
    return [themes[i] for i in keep], [result.assignments[i] for i in keep]


def test_recovers_planted_themes(corpus, corpus_result):
    truth, assigned = _real(corpus, corpus_result)
    assert None not in assigned
    other = corpus_result.other.id if corpus_result.other else None
    placed = [(t, a) for t, a in zip(truth, assigned, strict=True) if a != other]
    assert len(placed) >= 0.85 * len(truth)
    assert adjusted_rand_score(*zip(*placed, strict=True)) > 0.6


def test_answers_that_fit_no_theme_go_to_other_answers(spacy_loaded):
    texts = ([f"the waiting list for {w} is too long" for w in ("camhs", "counselling", "assessment", "therapy")] * 3
             + [f"{w} do not share information with us" for w in ("schools", "police", "health", "gps")] * 3
             + ["my cat likes sitting on the warm laptop keyboard"])
    result = find_themes(texts, k=2, seed=0)
    assert result.other is not None and result.other.label == "Other answers"
    assert result.assignments[-1] == result.other.id and result.other.size == 1
    assert result.other.quotes == () and result.other.terms == ()
    assert all(not t.other for t in result.themes[:-1]) and result.themes[-1] is result.other


def test_non_answers_are_counted_and_unassigned(corpus, corpus_result):
    texts, themes = corpus
    assert corpus_result.non_answers == themes.count("none")
    assert all(a is None for a, t in zip(corpus_result.assignments, themes) if t == "none")


def test_result_shape(corpus, corpus_result):
    r = corpus_result
    assert len(r.assignments) == len(corpus[0]) and r.k_chosen == 5
    assert [t.id for t in r.themes] == list(range(len(r.themes)))
    assert sum(t.size for t in r.themes) == sum(a is not None for a in r.assignments)
    assert len({t.label for t in r.themes}) == len(r.themes)
    for t in r.themes:
        if t.other:
            continue
        assert 2 <= len(t.label.split()) <= 5 and 3 <= len(t.quotes) <= 5 and t.terms
        members = {x for x, a in zip(corpus[0], r.assignments) if a == t.id}
        assert set(t.quotes) <= members
    assert set(r.to_dict()) >= {"themes", "assignments", "non_answers", "k_chosen", "timings"}


def test_same_seed_gives_same_result(corpus, corpus_result):
    again = find_themes(corpus[0], k=5, seed=0)
    assert again.themes == corpus_result.themes and again.assignments == corpus_result.assignments


def test_order_does_not_change_themes(corpus, corpus_result):
    texts = list(corpus[0])
    order = list(range(len(texts)))
    random.Random(4).shuffle(order)
    shuffled = find_themes([texts[i] for i in order], k=5, seed=0)
    assert shuffled.themes == corpus_result.themes
    assert [shuffled.assignments[order.index(i)] for i in range(len(texts))] == list(corpus_result.assignments)


def test_automatic_k_is_bounded_and_explained(corpus, spacy_loaded):
    result = find_themes(corpus[0], seed=0)
    sel = result.k_selection
    assert sel.k_chosen in sel.candidates and 2 <= sel.k_chosen <= 10
    assert len(sel.scores) == len(sel.candidates) and sel.method.startswith("stability")


def test_guided_themes_steer_and_emergent_themes_remain(corpus, spacy_loaded):
    texts, themes = corpus
    guided = [GuidedTheme("Training", ("safeguarding training", "multi-agency training courses")),
              GuidedTheme("Information sharing", ("agencies share information",))]
    result = find_themes(texts, k=5, seed=0, guided=guided)
    by_label = {t.label: t for t in result.themes}
    assert {"Training", "Information sharing"} <= set(by_label) and by_label["Training"].guided
    training = [a for a, t in zip(result.assignments, themes) if t == "training"]
    assert training.count(by_label["Training"].id) >= 0.8 * len(training)
    assert sum(not t.guided and not t.other for t in result.themes) == 3


def test_transform_assigns_new_answers(corpus, spacy_loaded):
    pipe = ThemePipeline(k=5, seed=0).fit(corpus[0])
    new = pipe.transform(["CAMHS waiting list is too long", "nothing"])
    waiting = pipe.result_.assignments[corpus[0].index("The waiting list for counselling is too long")]
    assert new == [waiting, None]


def test_params_are_not_modified_by_fit(corpus, spacy_loaded):
    pipe = ThemePipeline(k=5)
    before = pipe.get_params(deep=False)
    pipe.fit(corpus[0])
    assert pipe.get_params(deep=False) == before and pipe.vectorizer is None


def test_unknown_backend_is_rejected():
    with pytest.raises(ValueError, match="backend"):
        ThemePipeline(backend="bert").fit(["a b c"])


def test_only_non_answers(spacy_loaded):
    result = find_themes(["nothing", "n/a", "-"])
    assert result.themes == () and result.assignments == (None, None, None) and result.non_answers == 3


def test_answers_can_belong_to_several_themes(corpus, corpus_result):
    assert len(corpus_result.secondary) == len(corpus[0])
    ids = {t.id for t in corpus_result.themes if not t.other}
    for main, also in zip(corpus_result.assignments, corpus_result.secondary, strict=True):
        assert main not in also and set(also) <= ids
    counted = {t.id: t.secondary_size for t in corpus_result.themes}
    for theme_id in ids:
        assert counted[theme_id] == sum(theme_id in s for s in corpus_result.secondary)
    single = find_themes(corpus[0], k=5, seed=0, secondary_margin=None)
    assert all(s == () for s in single.secondary)


def test_default_second_theme_margin_is_the_backends(corpus, spacy_loaded, monkeypatch):
    from analysis.themes.cluster import KMeansClusterer
    from analysis.themes.pipeline import SECONDARY_MARGINS

    asked = []
    real = KMeansClusterer.secondary
    monkeypatch.setattr(KMeansClusterer, "secondary", lambda self, X, labels, margin: asked.append(margin) or real(
        self, X, labels, margin))
    pipe = ThemePipeline(k=5, seed=0).fit(corpus[0])
    assert asked == [SECONDARY_MARGINS["tfidf"]] == [pipe.secondary_margin_]
    assert SECONDARY_MARGINS == {"tfidf": 0.01, "embeddings": 0.04}
    with pytest.raises(ValueError, match="secondary_margin"):
        ThemePipeline(k=5, secondary_margin="wide").fit(corpus[0])
