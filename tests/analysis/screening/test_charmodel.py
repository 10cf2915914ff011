"""The last resort's second reader, the character n-gram model (``analysis/screening/charmodel.py``): it opens the
last resort for an answer the judge net leans towards (``CHAR_JUDGE_FLOOR``) but is not sure of, the judge names
the category and words, and the veto gate still applies."""

import pytest

from analysis.screening import DisclosureScreener
from analysis.screening.build import CHAR_ARTEFACT, main, sources_hash
from analysis.screening.calibration import CHAR_JUDGE_FLOOR, CHAR_THRESHOLD, LAST_RESORT_THRESHOLD
from analysis.screening.charmodel import CharModel, model_text
from analysis.screening.learned import doc_tokens, question_token
from analysis.screening.questions import question_kind

ELSE = "Anything else you want to tell us?"
# Writer 21's (a tuning writer since 4 December): no rule, signal or sure judge reads it.
POSITIVE = ("i want to talk to someone about my uncle", ELSE)
# A common general answer of the youth demo: the judge leans the same way, the character model does not.
LOOKALIKE = ("People I don't know add me on Snapchat and message me", None)


def _readers(screener, answer, question):
    kind = question_kind(question) if question else None
    judge = screener.judge_net_.probability(question_token(kind) + doc_tokens(screener._doc(answer))[0])
    return judge, screener.char_model_.probability(model_text(answer, kind))


def test_it_opens_the_last_resort_for_what_the_judge_leans_to_but_is_not_sure_of(screener):
    judge, char = _readers(screener, *POSITIVE)
    assert CHAR_JUDGE_FLOOR <= judge < LAST_RESORT_THRESHOLD and char >= CHAR_THRESHOLD
    result = screener.screen(POSITIVE[0], question=POSITIVE[1])
    assert result.flagged and result.categories == ("sexual_abuse",)
    assert "uncle" in result.hits[0].evidence
    assert not DisclosureScreener(ablate={"char model"}).fit().screen(POSITIVE[0], question=POSITIVE[1]).flagged


def test_a_lookalike_the_judge_leans_to_stays_quiet_when_the_model_does_not(screener):
    judge, char = _readers(screener, *LOOKALIKE)
    assert CHAR_JUDGE_FLOOR <= judge < LAST_RESORT_THRESHOLD and char < CHAR_THRESHOLD
    assert not screener.screen(LOOKALIKE[0], question=LOOKALIKE[1]).flagged


def test_its_hits_pass_the_veto_gate():
    screener = DisclosureScreener().fit()
    screener._learned_gate = lambda doc, i, category, probability=0.0: False
    assert not screener.screen(POSITIVE[0], question=POSITIVE[1]).flagged


def test_the_shipped_model_matches_its_sources_and_loads_as_fitted(tmp_path):
    model, meta = CharModel.load(CHAR_ARTEFACT)
    assert meta["sources_sha256"] == sources_hash()
    assert main(["--check"]) == 0
    texts = [model_text(a, question_kind(q) if q else None) for a, q in (POSITIVE, LOOKALIKE)]
    model.save(tmp_path / "copy", {"x": 1})
    copy, copy_meta = CharModel.load(tmp_path / "copy")
    assert copy_meta["x"] == 1
    assert list(copy.probabilities(texts)) == list(model.probabilities(texts))


def test_a_fitted_model_tells_its_training_classes_apart():
    texts = ["my dad hits me", "he hits me every night", "the park is nice", "i like football"] * 3
    model = CharModel().fit(texts, [1, 1, 0, 0] * 3)
    assert model.probability("dad hits me again") > 0.5 > model.probability("football in the park")


@pytest.mark.parametrize("answer", ["", "   ", "😀" * 300])
def test_empty_and_odd_answers_are_read(answer):
    model, _meta = CharModel.load(CHAR_ARTEFACT)
    assert 0.0 <= model.probability(model_text(answer, None)) <= 1.0
