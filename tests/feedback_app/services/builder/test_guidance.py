"""Writing advice: each rule with a case it catches and a look-alike it leaves alone."""

import pytest

from feedback_app.services.builder import guidance


def _advice(text, audience="practitioners", **spec):
    return guidance.question_advice({"id": "q", "type": "single_choice", "text": text, **spec}, audience)


@pytest.mark.parametrize("caught, look_alike", [
    ("Don't you think the training was useful?", "Do you think the training was useful?"),
    ("How good was the training?", "How good or bad was the training?"),
    ("Wouldn't you agree that adults listen?", "Would you say that adults listen?"),
])
def test_leading_questions(app, caught, look_alike):
    assert any("lead people" in message for message in _advice(caught))
    assert not any("lead people" in message for message in _advice(look_alike))


@pytest.mark.parametrize("caught, look_alike", [
    ("How old are you and do you go to school?", "How old are you?"),
    ("Was the training useful and enjoyable?", "Was the training useful?"),
    # "you and your team" joins two people, not two questions.
    ("Is it clear and quick to use?", "Did the course help you and your team?"),
])
def test_double_barrelled_questions(app, caught, look_alike):
    assert any("two things" in message for message in _advice(caught))
    assert not any("two things" in message for message in _advice(look_alike))


def test_to_and_from_is_not_two_questions(app):
    assert _advice("How safe do you feel walking to and from school?") == []


def test_reading_ease_only_for_young_people(app):
    hard = "How satisfactory do you consider the multi-agency safeguarding arrangements' responsiveness?"
    assert any("hard to read" in message for message in _advice(hard, "young_people"))
    assert not any("hard to read" in message for message in _advice(hard, "practitioners"))
    assert not any("hard to read" in message for message in _advice("How safe do you feel at home?",
                                                                     "young_people"))


def test_length_limits(app):
    long = "How safe " + "and well " * 20 + "do you feel?"
    assert any("characters long" in message for message in _advice(long))
    assert not any("characters long" in message for message in _advice("How safe do you feel?"))
