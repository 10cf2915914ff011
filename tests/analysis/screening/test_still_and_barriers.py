"""Two things the reader's retraining on writers 43-72 brought to light (SCREENING_RESULTS.md, 6 December, late
afternoon): harm told as still going on (lexicon ``STILL_CUES``) is read at the reader's first-hand floor, and a
barrier to telling whose own words hold a ``TELL_BARRIER_NOT`` word ("wont let me phone her": "phone") still counts.
"""

import copy

import numpy as np
import pytest

from analysis.screening.calibration import READER_FIRST_HAND_FLOOR, READER_FLOOR
from analysis.screening.indirect import tell_barrier
from analysis.screening.questions import TRUSTED_PERSON

ELSE = "Anything else you want to tell us?"


class _Reader:
    """A reader that gives every answer the same probability."""

    def __init__(self, p):
        self.p = p

    def probabilities(self, texts):
        return np.full(len(texts), self.p)


@pytest.fixture(scope="module")
def doubting(screener):
    """The shared screen with a reader that gives every answer a probability between the first-hand floor and the
    floor of the other rules' hits, so only the floor an answer is read at decides."""
    p = (READER_FIRST_HAND_FLOOR + READER_FLOOR["*"]) / 2
    s = copy.copy(screener)
    s.reader_ = _Reader(p)
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
