"""The reader of whole answers (``analysis/screening/charmodel.py``, ``reading.py``): its own hits, named by the
judge and let through by the veto gate, and its floor under the topic rules' and learned net's hits."""

import pytest

from analysis.screening import DisclosureScreener, gate, reading
from analysis.screening.build import READER_ARTEFACT, main
from analysis.screening.calibration import (
    READER_FIRST_HAND_FLOOR,
    READER_FLOOR,
    READER_LAST_RESORT_FLOOR,
    READER_OVERRULES_GATE,
    READER_THRESHOLD,
)
from analysis.screening.charmodel import CharModel, model_text, reader_hash, shipped_reader
from analysis.screening.questions import question_kind

GOOD = "What is good about where you live?"
# Writer 23's (learned by the reader since 4 December): nothing but the reader reads it.
POSITIVE = "school is the only good thing because he isnt there"
# Look-alikes in the same words the gate cancels: a denial, a hypothetical, a story.
LOOKALIKES = ["no one at home has ever hit me", "what would happen if my dad hit me",
              "we read a story about a boy whose dad hits him every night"]


def _p(answer, question=None):
    return shipped_reader().probability(model_text(answer, question_kind(question) if question else None))


def test_its_own_hit_names_a_category_and_words(ablated):
    # the judge net's last resort reads it too since it learned writers 18-72: without it, only the reader does
    assert _p(POSITIVE, GOOD) >= READER_THRESHOLD
    assert not ablated({"reader hits", "last resort"}).screen(POSITIVE, question=GOOD).flagged
    result = ablated({"last resort"}).screen(POSITIVE, question=GOOD)
    assert result.flagged and len(result.categories) == 1
    assert result.hits[0].evidence and result.hits[0].evidence in POSITIVE


@pytest.mark.parametrize("answer", LOOKALIKES)
def test_the_veto_gate_cancels_its_hits_on_look_alikes(screener, answer):
    assert _p(answer) >= READER_THRESHOLD
    assert not screener.screen(answer).flagged


def test_its_hits_pass_the_veto_gate():
    screener = DisclosureScreener().fit()
    screener._learned_gate = lambda doc, i, category, probability=0.0: False
    screener._learned_vetoes = lambda doc, i, category, probability=0.0: ["negation"]  # a veto it cannot overrule
    assert not screener.screen(POSITIVE, question=GOOD).flagged


def test_its_floor_drops_a_rule_hit_it_reads_as_ordinary():
    text = "in the film we watched the dad beats the kid"  # the media veto's look-alike
    assert _p(text) < READER_FLOOR["*"]
    assert not DisclosureScreener(ablate={"media", "judge"}).fit().screen(text).flagged
    assert DisclosureScreener(ablate={"media", "judge", "reader floor"}).fit().screen(text).flagged


def test_its_floor_keeps_first_hand_words_inside_a_long_ordinary_answer(screener):
    text = "the youth club is good and the staff are nice. " * 40 + "my dad hits me. " + "the park is nice. " * 40
    result = screener.screen(text)
    assert result.flagged and result.categories == ("physical_abuse",)


def test_explicit_self_harm_words_keep_a_lower_floor(screener):
    assert READER_FLOOR["self_harm_suicide"] < READER_FLOOR["*"]
    assert screener.screen("im sucidal").categories == ("self_harm_suicide",)


def test_the_shipped_reader_matches_its_sources_and_loads_as_fitted(tmp_path):
    model, meta = CharModel.load(READER_ARTEFACT)
    assert meta["sources_sha256"] == reader_hash()
    assert main(["--check"]) == 0
    texts = [model_text(a, None) for a in (POSITIVE, *LOOKALIKES)]
    model.save(tmp_path / "copy", {"x": 1})
    copy, copy_meta = CharModel.load(tmp_path / "copy")
    assert copy_meta["x"] == 1
    assert list(copy.probabilities(texts)) == list(model.probabilities(texts))


def test_a_fitted_reader_tells_its_training_classes_apart():
    texts = ["my dad hits me", "he hits me every night", "the park is nice", "i like football"] * 3
    model = CharModel().fit(texts, [1, 1, 0, 0] * 3)
    assert model.probability("dad hits me again") > 0.5 > model.probability("football in the park")
    weights = model.word_weights(["hits", "football"])
    assert weights[0] > 0 > weights[1]


@pytest.mark.parametrize("answer", ["", "   ", "😀" * 300, "<p></p>"])
def test_empty_and_odd_answers_are_read(screener, answer):
    assert 0.0 <= shipped_reader().probability(model_text(answer, None)) <= 1.0
    assert not screener.screen(answer).flagged


TELL = "If something was worrying you, who would you tell, and why?"


def test_where_it_is_sure_a_word_level_veto_gives_way(ablated, monkeypatch):
    """Writer 21's disclosure (learned by the reader): the topic-anchor veto cancels the reader's words ("no one"),
    and the reader at READER_OVERRULES_GATE or more outweighs it (READER_OVERRULES). (The judge net's last resort,
    which learned writer 21 too, is switched off: it flags the answer on its own.)"""
    screener = ablated({"last resort"})
    answer = "no one. they would take us away from mum"
    assert _p(answer, TELL) >= READER_OVERRULES_GATE
    result = screener.screen(answer, question=TELL)
    assert result.flagged and result.hits[0].evidence in answer
    assert ("reader", "domestic_abuse", "", "topic_anchor") in screener.explain(answer, question=TELL)
    monkeypatch.setattr(reading, "READER_OVERRULES_GATE", 2.0)
    assert not screener.screen(answer, question=TELL).flagged


@pytest.mark.parametrize("answer", ["nobody touches me at home", "what would happen if my dad hit me"])
def test_where_it_is_sure_a_denial_or_hypothetical_still_cancels(screener, answer):
    """Look-alikes the reader gives 0.9 or more: a whole-answer veto is not one the reader overrules."""
    assert _p(answer, TELL) >= READER_OVERRULES_GATE or _p(answer) >= READER_OVERRULES_GATE
    assert not screener.screen(answer, question=TELL).flagged
    assert not screener.screen(answer).flagged


def test_its_floor_is_the_first_hand_one_when_the_writers_own_family_member_is_the_subject(screener):
    # the reader learned from writers 18-42 reads county lines as general talk (0.17): the named sibling keeps it
    text = "my sister is doing county lines"
    assert READER_FIRST_HAND_FLOOR <= _p(text) < READER_FLOOR["*"]
    assert screener.screen(text).categories == ("criminal_exploitation",)
    assert not screener._family_subject(["my", "sister", "is", "learning", "about"])


def test_a_family_member_learning_about_a_topic_stays_quiet(screener):
    assert not screener.screen("my brother is learning about county lines at school").flagged


ADULTS = "Is there anything adults in your life don't understand about being young today?"


@pytest.mark.parametrize("text,question", [
    ("my dad doesnt get fortnite", ADULTS),
    ("my mum doesnt get tiktok", ADULTS),
])
def test_its_floor_drops_a_last_resort_hit_it_reads_as_ordinary(ablated, monkeypatch, text, question):
    # writers 36 and 40's ordinary answers, which the judge net's last resort flagged before it learned them: made to
    # fire at any probability here, its hit stands only where the reader agrees, and the reader says no
    # (the agreement over every alert, which would drop the hit too, switched off)
    screener = ablated({"agreement"})
    monkeypatch.setattr(gate, "LAST_RESORT_THRESHOLD", 0.0)
    assert _p(text, question) < READER_LAST_RESORT_FLOOR
    assert not screener.screen(text, question=question).flagged
    monkeypatch.setattr(reading, "READER_LAST_RESORT_FLOOR", 0.0)
    assert screener.screen(text, question=question).flagged


def test_its_floor_keeps_a_last_resort_hit_it_agrees_with(screener, monkeypatch):
    # caught by the last resort alone (rules, signals and the learned net say nothing), and the reader agrees
    text = "my mums new fella wont let me leave my room"
    assert _p(text) >= READER_LAST_RESORT_FLOOR
    monkeypatch.setattr(reading, "READER_THRESHOLD", 2.0)  # (not the reader's own hit)
    assert screener.screen(text).flagged
    assert not DisclosureScreener(ablate={"last resort", "reader hits"}).fit().screen(text).flagged
