"""Something or someone "keeping me alive", "stopping me from going through with it": suicidal thoughts told through
what holds the writer back (``rules/wellbeing.py``; writers 37 and 65 wrote them answering "What is good about where
you live?", where the screen missed them)."""

import pytest

GOOD = "What is good about where you live?"

POSITIVES = [
    "my cat. its the only thing stopping me from going through with it",
    "my dog. hes the only thing keeping me alive tbh",
    "my little sister is what stops me from ending it",
]
LOOKALIKES = [
    "the youth club on thursdays, its the only thing keeping me sane",  # writer 39, ordinary
    "coffee keeps me alive during exams lol",
    "the rain stops me from going out",
    "football keeps me going",
]


@pytest.mark.parametrize("answer", POSITIVES)
def test_what_holds_the_writer_back_from_suicide_reaches_a_person(screener, answer):
    result = screener.screen(answer, question=GOOD)
    assert result.flagged and result.categories == ("self_harm_suicide",)


@pytest.mark.parametrize("answer", LOOKALIKES)
def test_what_keeps_the_writer_sane_or_busy_does_not(screener, answer):
    assert not screener.screen(answer, question=GOOD).flagged
