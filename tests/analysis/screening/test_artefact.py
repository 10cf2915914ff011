"""The shipped pre-fitted net matches its sources (else: python -m analysis.screening.build)."""

from analysis.screening import DisclosureScreener
from analysis.screening.build import ARTEFACT, JUDGE_ARTEFACT, main, sources_hash
from analysis.screening.learned import LearnedNet


def test_artefact_matches_its_sources():
    for stem in (ARTEFACT, JUDGE_ARTEFACT):
        _net, meta = LearnedNet.load(stem)
        assert meta["sources_sha256"] == sources_hash(), "stale: run python -m analysis.screening.build"
    assert main(["--check"]) == 0


def test_default_fit_uses_the_artefact():
    s = DisclosureScreener().fit()
    assert s.n_training_cases_ == 0  # loaded, not trained
    net, _meta = LearnedNet.load(ARTEFACT)
    assert len(s.learned_.features_) == len(net.features_)
    judge, _meta = LearnedNet.load(JUDGE_ARTEFACT)
    assert s.judge_net_.short_words == judge.short_words > 0 and len(s.judge_net_.features_) == len(judge.features_)


def test_the_judge_learned_every_tuning_writer():
    # The judge of rule hits knows the later writers' words; the net of learned hits does not.
    judge, net = LearnedNet.load(JUDGE_ARTEFACT)[0], LearnedNet.load(ARTEFACT)[0]
    assert len(judge.features_) > len(net.features_)
    assert any(f.startswith("feels_unsafe|") for f in judge.features_)
    assert not any("|" in f for f in net.features_)


def test_saved_net_scores_like_the_fitted_one(tmp_path):
    tokens = [t.split() for t in ["my dad hits me", "the park is nice", "he touches me", "i like football"]]
    labels = [("physical_abuse",), (), ("sexual_abuse",), ()]
    net = LearnedNet().fit(tokens, labels)
    net.save(tmp_path / "net", {"x": 1})
    loaded, meta = LearnedNet.load(tmp_path / "net")
    assert meta == {"x": 1}
    for t in tokens + [["dad", "touches", "park"]]:
        assert abs(loaded.probability(t) - net.probability(t)) < 1e-5
        assert loaded.category(t)[0] == net.category(t)[0]
