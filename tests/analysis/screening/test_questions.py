"""The screen reads an answer beside its question (analysis/screening/questions.py, data/questions.yaml)."""

import pytest

from analysis.screening import DisclosureScreener, question_kind, screen_text
from analysis.screening.questions import TRUSTED_PERSON, bare_answer, names_abuser

WHO = "Who would you tell if something was wrong?"


def test_question_kind_from_wording_or_declared():
    assert question_kind(WHO) == TRUSTED_PERSON
    assert question_kind("If you were worried, who would you tell?") == TRUSTED_PERSON
    assert question_kind("Who could you talk to about it?") == TRUSTED_PERSON
    assert question_kind("What is your local area like?") is None
    assert question_kind("Is there anything else you want to tell us?") is None
    assert question_kind(None) is None
    assert question_kind("Anything else?", kind="trusted_person") == TRUSTED_PERSON
    with pytest.raises(ValueError, match="unknown question kind"):
        question_kind(WHO, kind="favourite_colour")


@pytest.mark.parametrize("answer", ["my dad", "MUM", "my uncle", "my step dad", "my girlfriend and her mum",
                                    "i wouldnt tell anyone"])
def test_a_bare_person_answering_who_would_you_tell_is_not_flagged(screener, answer):
    """Held-out false alarms of the youth session: flagged when read without their question."""
    assert not screener.screen(answer, question=WHO).flagged
    assert not screen_text(answer, question_kind="trusted_person").flagged


@pytest.mark.parametrize("answer", ["my mums boyfriend", "mums boyfriend"])
def test_the_same_bare_answer_without_its_question_is_still_screened_as_before(screener, answer):
    """Look-alike: without the question the answer is read alone (the old behaviour, kept for old callers). (A bare
    "my dad" read alone is no longer flagged since the learned net's hits need the reader's 0.85: 5 December.)"""
    assert not screener.screen(answer, question=WHO).flagged
    assert screener.screen(answer).flagged


@pytest.mark.parametrize("answer", ["my dad, but he's the one who hits me",
                                    "my mum, my step dad hits me when shes at work",
                                    "no one cos last time i told someone my dad found out and it got worse"])
def test_a_real_disclosure_answering_who_would_you_tell_still_reaches_a_person(screener, answer):
    assert screener.screen(answer, question=WHO).flagged


def test_bare_answer_only_people_and_filler_words():
    assert bare_answer("probably my mum or my nan tbh")
    assert bare_answer("My ammi or my khala")
    assert not bare_answer("my dad, but he's the one who hits me")
    assert not bare_answer("idk")  # no person named
    assert not bare_answer("")


def test_a_bare_romanised_urdu_answer_to_who_would_you_tell_is_not_routed(screener):
    """'My ammi or my khala' names two family members; routing it as 'not screened: Urdu' helps no one."""
    assert screener.screen("My ammi or my khala").categories == ("not_screened:ur",)
    assert not screener.screen("My ammi or my khala", question=WHO).flagged


@pytest.mark.parametrize("answer", ["not my dad obvs hes the one who does it",
                                    "idk who u tell if its ur step brother doing it"])
def test_ruling_out_the_person_who_does_it_is_flagged(screener, without_readers, answer):
    """Held-out misses: the person named is the harm."""
    # read alone, no rule or signal says what happens (the last resort's net may: "hes the one who does it")
    assert not without_readers.screen(answer).flagged
    result = screener.screen(answer, question=WHO)
    assert result.flagged and result.hits[0].evidence in answer
    assert any(kind == "question" for kind, *_ in screener.explain(answer, WHO))


@pytest.mark.parametrize("answer", ["my mum, shes the one who does the school run",
                                    "my dad cos hes the one who sorts it",
                                    "my mum cos she's good at doing it"])
def test_look_alikes_of_the_one_who_does_it_are_not_flagged(without_readers, answer):
    assert names_abuser(answer) is None
    assert not without_readers.screen(answer, question=WHO).flagged


def test_transform_takes_one_question_per_answer(screener):
    res = screener.transform(["my mums boyfriend", "my mums boyfriend"], [WHO, None])
    assert [r.flagged for r in res] == [False, True]


def test_without_the_learned_net_the_question_rule_names_physical_abuse():
    s = DisclosureScreener(learned=False).fit()
    assert s.screen("not my dad obvs hes the one who does it", question=WHO).categories == ("physical_abuse",)
