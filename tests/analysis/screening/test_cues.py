"""Negation, hypotheticals, topic talk and young people's own phrasing."""

import pytest


@pytest.mark.parametrize("text", [
    "no one has ever hurt me",
    "my dad has never hit me",
    "i have never been bullied",
    "nobody touches me at home",
    "i would never hurt myself",
    "my parents never shout at me",
])
def test_negated_statements_are_not_flagged(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text", [
    "if my dad hit me i would tell a teacher",
    "what should you do if someone hits you",
    "what would you do if a stranger asked for pictures",
    "if someone was getting bullied i would tell a teacher",
    "i'd like more info on what to do if someone touches you",
])
def test_hypotheticals_are_not_flagged(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text", [
    "the talk about suicide prevention was really good",
    "we did a workshop on emotional abuse",
    "the police talked to us about gangs and knife crime",
    "we collected food for the homeless at christmas",
])
def test_topic_talk_is_not_flagged(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text,category", [
    ("ma dad hittin me", "physical_abuse"),
    ("hes always punshed me n ma sis", "physical_abuse"),
    ("kms honestly", "self_harm_suicide"),
    ("im sucidal", "self_harm_suicide"),
    ("i'm gonna kill my self", "self_harm_suicide"),
    ("sum1 i dont know keeps adding me and asking for noodz", "sexual_exploitation_grooming"),
    ("my bf is 24 and buys me vapes", "sexual_exploitation_grooming"),
    ("MY STEP DAD HITS ME", "physical_abuse"),
    ("my best friend told me she wants to die", "self_harm_suicide"),
    ("my friend said her step dad beats her", "physical_abuse"),
])
def test_young_peoples_phrasing(screener, text, category):
    result = screener.screen(text)
    assert category in result.categories, result.hits


def test_negation_does_not_hide_a_later_disclosure(screener):
    assert screener.screen("nobody knows my dad hits me").flagged
    assert screener.screen("i dont feel safe at home").flagged


def test_threat_with_if_is_still_caught(screener):
    result = screener.screen("if i tell anyone he said he will hurt my mum")
    assert "secrets_adult" in result.categories


def test_reported_threat_with_if_is_not_hypothetical(screener):
    result = screener.screen("they told me if i don't do the drop they'll come to my house")
    assert "criminal_exploitation" in result.categories


def test_negative_subject_earlier_in_clause(screener):
    assert not screener.screen("nobody at home hurts me").flagged
    assert screener.screen("nobody knows my dad hits me").flagged


def test_line_breaks_separate_answers(screener):
    text = "what would you do if someone hit you?\nmy dad hits me"
    result = screener.screen(text)
    assert result.flagged
    assert result.hits[0].evidence == "dad hits me"


def test_past_bullying_resolved_is_not_flagged(screener):
    assert not screener.screen("i used to be bullied but its all sorted now and im happy").flagged
    assert screener.screen("i used to be bullied and it still happens").flagged


HELPS = "What would help you feel safer?"


@pytest.mark.parametrize("text,category", [
    # a wish that someone would stop or delete presupposes the harm (frames.yaml HYPOTHETICAL_STOPS): the writer
    # named after the clause ("me"), or by "my" inside it
    ("if they stopped making me carry", "criminal_exploitation"),
    ("if he deleted my pics", "sexual_exploitation_grooming"),
])
def test_a_wish_that_harm_would_stop_is_not_a_hypothetical(screener, text, category):
    assert category in screener.screen(text, question=HELPS).categories


@pytest.mark.parametrize("text", [
    "if people stopped vaping in the toilets",
    "if they stopped selling vapes to year 7s",
    "if someone made me carry drugs i would tell the police",
])
def test_a_wish_about_other_people_or_a_real_hypothetical_stays_quiet(screener, text):
    assert not screener.screen(text, question=HELPS).flagged


def test_the_writer_looking_up_how_to_hurt_themselves_is_not_a_hypothetical(screener):
    # frames.yaml HYPOTHETICAL_SELF_SEEKING
    assert screener.screen("i watch vids on how to hurt myself").categories == ("self_harm_suicide",)


@pytest.mark.parametrize("text", [
    "we learned how to help someone who hurts themselves",
    "i watch vids on how to do my makeup",
])
def test_how_to_about_others_or_about_nothing_harmful_stays_quiet(screener, text):
    assert not screener.screen(text).flagged
