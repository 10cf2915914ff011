"""``=word`` in the rule language: the word as written, not its lemma (``compiler.compile_item``).

The rules compare words after normalisation, so a rule's "gone" (absent) matched every word whose lemma is "go":
"i wish i could go out more with my friends" was a self-harm alert (the rule "wish ~2 i|me ~1 be? ~1 ... gone"), as
was "my mum would be happier if i was going to school more" ("happier ~3 if i was gone"). Found by listing every rule
word whose lemma is another everyday word (6 December, night). Each look-alike below is flagged by the code before.
"""

import pytest

from analysis.screening.compiler import compile_item, expand, literal_words
from tests.analysis.screening.youth_questions import ELSE, HELPS


def test_a_word_as_written_is_matched_on_its_lower_case_form():
    assert compile_item("=gone", lambda w: "go") == {"LOWER": "gone"}
    assert compile_item("=gone?", lambda w: "go") == {"LOWER": "gone", "OP": "?"}
    assert compile_item("gone", lambda w: "go") == {"NORM": {"IN": ["go", "gone"]}}


def test_a_word_as_written_among_alternatives_is_a_sequence_of_its_own():
    assert set(expand("wish (dead|=gone)")) == {("wish", "dead"), ("wish", "=gone")}
    assert set(expand("if i ~1 die|=gone")) == {("if", "i", "~1", "die"), ("if", "i", "~1", "=gone")}
    assert set(expand("(happier|=better off) me")) == {("happier", "me"), ("=better", "off", "me")}
    assert literal_words("wish (dead|=gone)") == {"wish", "dead", "gone"}


@pytest.mark.parametrize("text,question", [
    ("i wish i could go out more with my friends", HELPS),
    ("my mum would be happier if i was going to school more", ELSE),
])
def test_going_out_is_not_being_gone(screener, text, question):
    assert not screener.screen(text, question=question).flagged


@pytest.mark.parametrize("text", [
    "sometimes i wish i was gone",
    "everyone would be better off if i was gone",
    "no one would notice if i was gone",
    "my mum says she wishes i was gone",
])
def test_wishing_to_be_gone_still_reaches_a_person(screener, text):
    result = screener.screen(text, question=ELSE)
    assert result.flagged
    assert "self_harm_suicide" in result.categories


# "cant" in a rule was compared on its lemma, "not": any "not" before "do this ... anymore" or "cope ... anymore" was
# a self-harm alert. The tokeniser splits "can't", "cant" and "cannot" into "can" and "not", which the rule now asks
# for (rules/wellbeing.py).
@pytest.mark.parametrize("text", [
    "im not doing this survey anymore its too long",
    "they do not cope with change anymore",
])
def test_a_bare_not_is_not_cant(screener, text):
    assert not screener.screen(text, question=ELSE).flagged


@pytest.mark.parametrize("text", [
    "i can't cope anymore", "i cant cope anymore", "i cannot do this anymore", "i couldnt take it anymore",
    "honestly i cant go on like this much longer",
])
def test_cant_cope_any_more_still_reaches_a_person(screener, text):
    assert "self_harm_suicide" in screener.screen(text, question=ELSE).categories
