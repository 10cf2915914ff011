"""Ordinary answers stay quiet; first-hand accounts are flagged (issue 17)."""

import pytest

from analysis.screening import DisclosureScreener


@pytest.mark.parametrize("text", [
    # real feedback answers the screen used to flag (issue 17)
    "They did not ring back",
    "I'm not sure",
    "Because they put me first.",
    "Quick to respond and kept me calm",
    "Nothing I can think of at this moment in time.",
    "Nothing for me.",
    "Treated like a person.",
    # young people's general talk about their area and school
    "online bullying is a big problem at my school",
    "there are gangs near my estate",
    "people smoking weed near the shops scares me",
    "I don't like the gangs near my estate, they deal drugs",
    "i'm scared of the boys who sell weed by the park",
])
def test_ordinary_answers_pass(screener, text):
    assert not screener.screen(text).flagged, screener.screen(text).hits


@pytest.mark.parametrize(("text", "category"), [
    ("the older boys make me carry stuff for them", "criminal_exploitation"),
    ("im being bullied at school and nobody does anything", "bullying"),
    ("i get hit wiv wateva is near", "physical_abuse"),
])
def test_first_hand_accounts_are_flagged(screener, text, category):
    result = screener.screen(text)
    assert result.flagged and category in result.categories
    assert all(h.evidence for h in result.hits)


def test_first_hand_account_named_in_a_neighbouring_category_still_flags(screener):
    assert screener.screen("people near the shops make me sell weed for them").flagged


def test_judge_drops_a_rule_hit_on_an_answer_the_net_calls_ordinary(screener, rules_only):
    """Two-stage screen: the rule fires on "treated like", the net judges the answer ordinary."""
    text = "All staff were nice to me, knowledgable and reassuring. Treated like a person."
    assert rules_only.screen(text).flagged
    assert not screener.screen(text).flagged
    unjudged = DisclosureScreener(ablate={"judge", "reader floor"}).fit()
    assert unjudged.screen(text).flagged
    # the judge keeps a disclosure in the same words; the reader's floor (0.15 < 0.3) does not (SCREENING_RESULTS.md)
    assert DisclosureScreener(ablate={"reader floor"}).fit().screen("The staff treated me like dirt and hit me").flagged


def test_judge_reads_the_sentence_of_the_hit(screener):
    # the hypothetical question dilutes the whole answer; the hit's own sentence is a disclosure
    result = screener.screen("what would you do if someone hit you?\nmy dad hits me")
    assert result.flagged and result.hits[0].evidence == "dad hits me"


def test_general_concern_frame_keeps_something_done_to_the_writer(screener):
    # look-alike of the frame: the writer feels scared AND something is done to them
    assert screener.screen("i'm scared because the older boys make me hold their knives").flagged
