"""Three things the reader's and the judge's learning writers 43-72 brought to light (SCREENING_RESULTS.md,
6 December, late afternoon): harm told as still going on (lexicon ``STILL_CUES``) is read at the reader's first-hand
floor; a barrier to telling whose own words hold a ``TELL_BARRIER_NOT`` word ("wont let me phone her": "phone")
still counts; and harm the writer says happens to them now ("i'm being bullied") is not overruled by the judge.
"""

import copy
import re

import pytest

from analysis.screening import gate
from analysis.screening.calibration import READER_FIRST_HAND_FLOOR, READER_FLOOR
from analysis.screening.indirect import tell_barrier
from analysis.screening.questions import TRUSTED_PERSON
from tests.analysis.screening.stand_ins import FixedReader

ELSE = "Anything else you want to tell us?"


@pytest.fixture(scope="module")
def doubting(screener):
    """The shared screen with a reader that gives every answer a probability between the first-hand floor and the
    floor of the other rules' hits, so only the floor an answer is read at decides."""
    p = (READER_FIRST_HAND_FLOOR + READER_FLOOR["*"]) / 2
    s = copy.copy(screener)
    s.reader_ = FixedReader(p)
    return s


STILL = [
    "i used to be bullied and it still happens",
    "i used to get bullied at the park and it hasnt stopped",
    "they used to bully me on the bus and they still do it",
]
NOT_STILL = [
    "i used to be bullied",
    "i used to be bullied but its all sorted now and im happy",
    "bullying still happens at my school but teachers deal with it",
]


@pytest.mark.parametrize("answer", STILL)
def test_harm_told_as_still_going_on_is_read_at_the_first_hand_floor(doubting, answer):
    result = doubting.screen(answer, question=ELSE)
    assert result.flagged and "bullying" in result.categories


@pytest.mark.parametrize("answer", NOT_STILL)
def test_the_same_harm_told_without_it_going_on_is_read_at_the_usual_floor(doubting, answer):
    assert not doubting.screen(answer, question=ELSE).flagged


BARRIERS = [
    ("my aunty but my stepdad wont let me phone her", "domestic_abuse"),
    ("my nan but she lives far away and my dad wont let me ring her", "domestic_abuse"),
    ("nobody, my stepdad wont let me phone anyone", "domestic_abuse"),
]
NOT_BARRIERS = [
    "my mum but she wont let me use my phone after 9",
    "no one, my mum would kill me if she found out i vape lol",
    "my dad, he doesnt let me see my phone at dinner",
]


@pytest.mark.parametrize(("answer", "category"), BARRIERS)
def test_a_barrier_to_telling_that_names_a_phone_call_counts(answer, category):
    found = tell_barrier(answer, TRUSTED_PERSON)
    assert found is not None and found[2] == category


@pytest.mark.parametrize("answer", NOT_BARRIERS)
def test_a_phone_or_a_teenage_secret_beside_the_barrier_still_cancels_it(answer):
    assert tell_barrier(answer, TRUSTED_PERSON) is None


# The writer as the subject of the harm now (frames.yaml FIRST_HAND_WRITER_NOW, ``gate.VetoGate._writer_now``): the
# judge net, learned from writers 18-72 whose ordinary answers talk of bullying often, gives "i'm being bullied" 0.26.
WRITER_NOW = [
    (None, "i'm being bullied"),
    (ELSE, "i get bullied"),
    (ELSE, "i keep getting bullied on the bus"),
]
NOT_WRITER_NOW = [
    (ELSE, "i get why people get bullied"),
    (ELSE, "i used to get bullied but its fine now"),
    (ELSE, "people get bullied at my school sometimes"),
]


@pytest.mark.parametrize(("question", "answer"), WRITER_NOW)
def test_harm_the_writer_says_happens_to_them_now_is_not_overruled(screener, monkeypatch, question, answer):
    assert screener.screen(answer, question=question).flagged
    monkeypatch.setattr(gate, "_WRITER_NOW", re.compile(r"(?!)"))
    monkeypatch.setattr(gate, "_TOLD_AS_ONGOING", re.compile(r"(?!)"))
    trace = screener.explain(answer, question)
    assert any(veto in ("judge", "reader floor") for _kind, _category, _words, veto in trace)


@pytest.mark.parametrize(("question", "answer"), NOT_WRITER_NOW)
def test_harm_to_others_or_told_as_over_is_judged_as_before(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged


# Plain first-person statements, under every question of the youth survey and none: each must reach a person. Before
# frames.yaml FIRST_HAND_WRITER_NOW_SELF_HARM the judge net dropped "i feel suicidal" under four questions and
# "i self harm" under three (stop 42's screen too).
YOUTH_QUESTIONS = [
    None,
    "If something was worrying you, who would you tell, and why?",
    "What makes you feel unsafe, if anything? (in your area, at school, online, at home)",
    "What would help you feel safer?",
    "What happens online that worries you or people your age?",
    "What is good about where you live?",
    "What do you think about school, and how safe do you feel there?",
    "Is there anything adults in your life don't understand about being young today?",
    "Anything else you want to tell us?",
]
PLAIN = ["i feel suicidal", "im suicidal", "im sucidal", "i want to kill myself", "i want to die", "i self harm",
         "i cut myself", "my dad hits me", "my stepdad touches me", "im being groomed", "i get bullied every day",
         "i have no food at home", "i ran away from home", "a man online wants me to send nudes",
         "i'm scared to go home"]
NOT_PLAIN = ["i think self harm is serious", "i know someone who self harms", "im not suicidal", "i dont self harm",
             "i would tell my mum if i felt suicidal"]


@pytest.mark.parametrize("question", YOUTH_QUESTIONS)
@pytest.mark.parametrize("answer", PLAIN)
def test_a_plain_first_person_statement_reaches_a_person_whatever_the_question(screener, question, answer):
    assert screener.screen(answer, question=question).flagged


@pytest.mark.parametrize("answer", NOT_PLAIN)
def test_self_harm_words_not_said_of_the_writer_now_stay_quiet(screener, answer):
    assert not screener.screen(answer, question=ELSE).flagged
