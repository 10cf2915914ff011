"""Harm a person does to the writer, told in the rule's words ("he kicks me", "the big boys made me touch them"): the
judge and the reader's floor, which read the whole answer beside its question, do not overrule it
(``gate.VetoGate._agent_on_writer``, ``frames.yaml`` FIRST_HAND_AGENTS)."""

import copy

import numpy as np
import pytest

from analysis.screening import gate

GOOD = "What is good about where you live?"
UNSAFE = "What makes you feel unsafe, if anything? (in your area, at school, online, at home)"

# Writer 66 (a special school; read after its first sight, 6 December): answers to "what is good about where you
# live?", which the judge and the reader read as ordinary.
POSITIVES = [
    (GOOD, "it was good before we moved in with Gary, he kicks me"),
    (GOOD, "The park but the big boys made me touch them in the bushes"),
]
SCHOOL = "What do you think about school, and how safe do you feel there?"
ADULTS = "Is there anything adults in your life don't understand about being young today?"
# The same words and places with no one doing harm to the writer, harm told as over, or a complaint about "us"
# (writers 58-66's ordinary answers, flagged by a first version of this that took "they ... us" and ignored "now").
LOOKALIKES = [
    (GOOD, "the park, its good to play football and get kicked about"),
    (UNSAFE, "the big boys at the park fight each other on fridays"),
    (SCHOOL, "A boy hit me last year but he moved class and its fine now"),
    (SCHOOL, "it's better now, at the start of year 7 a girl kept pushing me but she got excluded"),
    (ADULTS, "They treat us like babies"),
]


@pytest.mark.parametrize(("question", "answer"), POSITIVES)
def test_harm_a_person_does_to_the_writer_reaches_a_person_whatever_the_question(screener, question, answer):
    assert screener.screen(answer, question=question).flagged


class _Unconvinced:
    """A reader that reads every answer as ordinary."""

    def probabilities(self, texts):
        return np.zeros(len(texts))


@pytest.mark.parametrize(("question", "answer"), POSITIVES)
def test_without_it_the_judge_or_the_reader_drops_them(screener, monkeypatch, question, answer):
    # Since the judge net learned writers 18-72 (writer 66 among them) it no longer drops these two itself; a reader
    # that reads every answer as ordinary stands in for the next writer's answers neither has learned.
    doubting = copy.copy(screener)
    doubting.reader_ = _Unconvinced()
    assert doubting.screen(answer, question=question).flagged
    monkeypatch.setattr(gate, "AGENT_ON_WRITER", False)
    assert not doubting.screen(answer, question=question).flagged
    trace = doubting.explain(answer, question)
    assert any(veto in ("judge", "reader floor") for _kind, _category, _words, veto in trace)


@pytest.mark.parametrize(("question", "answer"), LOOKALIKES)
def test_the_same_words_with_no_harm_done_to_the_writer_stay_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged


def test_me_in_a_comparison_is_not_the_writer_harmed(screener):
    """"She is older than me": "she" before the rule's words and "me" in them, but the "me" is compared, not harmed
    (frames.yaml FIRST_HAND_NOT_AIMED); the nets' mean is 0.12, and without the first-hand standing the agreement
    drops it. Writer 75's ordinary answer, flagged on the code before."""
    text = "I talk with my sister on phone, she is in Germany. She is older than me"
    assert not screener.screen(text, question="If something was worrying you, who would you tell, and why?").flagged


@pytest.mark.parametrize("text", [
    "he is way older than me and he keeps asking me to meet up",
    "theres a man on snap who is older than me and he wants pics",
])
def test_an_older_person_after_the_writer_still_reaches_a_person(screener, text):
    result = screener.screen(text, question="Anything else you want to tell us?")
    assert "sexual_exploitation_grooming" in result.categories
