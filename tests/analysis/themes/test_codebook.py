"""A second run starts from the reviewed codebook of the first."""

from analysis import find_themes
from analysis.themes import Codebook, ReviewedTheme, ThemePipeline


def _reviewed(first, texts, truth):
    """What a reviewer leaves: each planted theme named, answers moved to where the coders put them."""
    names = {"waiting": "Waiting lists for help", "sharing": "Agencies not sharing information",
             "training": "Multi-agency training places", "workload": "High caseloads and staff turnover"}
    pairs = [(names[t], tuple(x for x, tt in zip(texts, truth, strict=True) if tt == t), i)
             for i, t in enumerate(names)]
    return Codebook.from_pairs(pairs)


def test_second_run_starts_from_the_reviewed_codebook(corpus, next_year, corpus_result, spacy_loaded):
    codebook = _reviewed(corpus_result, *corpus)
    pipe = ThemePipeline(seed=0, codebook=codebook).fit(next_year[0])
    result = pipe.result_
    texts, truth = next_year
    by_label = {t.label: t for t in result.themes}
    # the reviewed names are kept and come first; their answers are found in the new year's answers
    kept = [t.label for t in codebook.themes if t.label in by_label]
    assert [t.label for t in result.themes[:len(kept)]] == kept and len(kept) >= 3
    for name, planted in [("Waiting lists for help", "waiting"), ("Agencies not sharing information", "sharing")]:
        theme = by_label[name]
        assert theme.guided and pipe.previous_ids_[theme.id] == [t.label for t in codebook.themes].index(name)
        got = [a for a, t in zip(result.assignments, truth, strict=True) if t == planted]
        assert got.count(theme.id) >= 0.7 * len(got)
    # what the codebook does not cover becomes a new theme, not forced into an old one
    online = result.assignments[texts.index("Online grooming is increasing")]
    assert online not in pipe.previous_ids_ and online is not None
    assert not result.theme(online).guided
    # and new answers are assigned the same way afterwards
    assert pipe.transform(["CAMHS waiting times are unacceptable"]) == [by_label["Waiting lists for help"].id]


def test_empty_codebook_is_an_ordinary_run(corpus, corpus_result):
    again = find_themes(corpus[0], k=5, seed=0, codebook=Codebook((ReviewedTheme("Only one", ("x",)),)))
    assert again.themes == corpus_result.themes
