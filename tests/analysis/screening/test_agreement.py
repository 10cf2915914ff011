"""The agreement over every English alert (``agreement.py``): an alert stands only where the mean of the judge net's
and the reader's probabilities reaches its category's ``AGREEMENT_FLOOR``; first-hand rule hits and the answer signals
keep theirs.

The positives are ordinary answers of blind writers 73-88 (tuning data since 6 December, night) that the screen
flagged before the agreement; each is flagged with it switched off, so each fails on the code before.
"""

import pytest

from tests.analysis.screening.stand_ins import FixedReader
from tests.analysis.screening.youth_questions import ADULTS, ELSE, ONLINE, TELL, UNSAFE


@pytest.mark.parametrize("text,question", [
    ("keep it to myself", TELL),
    ("how many people my age self harm, it's more than they think", ADULTS),  # general talk of self-harm
    ("my friends see suicide stuff on tiktok and it gets into their heads", ONLINE),
    ("the boys near the shop on my road they sell drugs and they look at us bad", UNSAFE),  # the area
    ("lads with older brothers in gangs just get pulled in", ADULTS),
    ("someone made a fake profile of me when I was pregnant saying horrible things, school sorted it", ONLINE),
    ("my mate hates being in the car with his parents because they fight", UNSAFE),  # not the writer's own family
])
def test_an_alert_neither_net_agrees_with_is_dropped(ablated, text, question):
    assert ablated({"agreement"}).screen(text, question=question).flagged
    result = ablated(set()).screen(text, question=question)
    assert not result.flagged
    assert any(entry[0] == "agreement" for entry in ablated(set()).explain(text, question))


@pytest.mark.parametrize("text,question", [
    ("i want to die", TELL),                          # first-hand self-harm words: the judge reads them as ordinary
    ("i feel suicidal", UNSAFE),
    ("people near the shops make me sell weed for them", ELSE),  # the reader agrees (0.5 or more)
    ("honestly dying would help", "What would help you feel safer?"),  # an answer signal: both nets say ordinary
    ("my dad hits me", ELSE),
    ("I'm dead tired lol. and tbh i'd rather actually be dead", ELSE),  # held-out: the nets' mean 0.30 (self-harm)
    # held-out: the nets' mean 0.36, but the rule's words name the writer's own family ("my parents")
    ("being in the car with my parents because they fight and dad drives really fast to scare mum", UNSAFE),
])
def test_first_hand_words_and_answer_signals_keep_their_alert(screener, text, question):
    assert screener.screen(text, question=question).flagged


def test_first_hand_rule_hits_are_not_the_agreements_to_drop(ablated):
    # a reader that reads everything as ordinary and a judge that agrees with nothing: the writer's own words of harm
    # done to them now still reach a person, and a general answer does not
    s = ablated(set())
    s.reader_ = FixedReader(0.0)

    class _Judge:
        def probability(self, tokens):
            return 0.0

        def category(self, tokens, allowed=None):
            return "", 0.0

    s.judge_net_ = _Judge()
    assert s.screen("i'm being bullied every day", question=ELSE).flagged
    assert not s.screen("how many people my age self harm, it's more than they think", question=ADULTS).flagged


def test_it_can_be_switched_off_for_the_ablation(ablated):
    text = "the boys near the shop on my road they sell drugs and they look at us bad"
    assert ablated({"judge"}).screen(text, question=UNSAFE).flagged
    assert not ablated(set()).screen(text, question=UNSAFE).flagged


@pytest.mark.parametrize("text,question", [
    # writers 73-88 (a youth justice service): lost to the agreement (the nets' mean 0.35) until gate._threatened
    ("they put a voice note saying theyre going to shank me at the fair", ONLINE),
])
def test_a_threat_told_as_made_to_the_writer_keeps_its_alert(screener, text, question):
    assert screener.screen(text, question=question).flagged


@pytest.mark.parametrize("text,question", [
    ("my mum said shes going to kill me if i dont tidy my room", ONLINE),  # an idiom: 'kill' is no threat verb
    ("my mate always says hes gonna shoot me first in cod lol", ONLINE),  # a game
    ("they said theyre going to jump the year 7s after school", UNSAFE),  # not aimed at the writer
])
def test_look_alike_threats_stay_quiet(screener, text, question):
    assert not screener.screen(text, question=question).flagged
