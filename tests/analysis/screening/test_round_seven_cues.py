"""Rounds 6-8 mechanisms: denials the negation cue used to miss, "if X stopped",
adults who say they can't keep secrets, practitioners' job-title prefixes,
laughter beside concrete harm, and more ways of saying past harm is over.

Rule-level checks use a rules-only screener; each positive has a look-alike.
The sentences are new wording, not copies of the benchmark cases.
"""

import pytest

from analysis.screening import DisclosureScreener


@pytest.mark.parametrize("text", [
    # denial through a thinking verb, or with the negative subject first
    "i never thought about hurting myself, im just stressed about exams",
    "nobody has ever asked me to carry drugs",
    # the writer or an adult denying secrets, not asking for one
    "i dont keep secrets from my dad",
    "our counsellor said she cannot keep secrets if we are in danger",
    # practitioners writing about their work
    "Housing officer: 16 and 17 year olds presenting as homeless need a clearer pathway",
    "Pastoral lead - our bullying logs are hard to search",
    # past harm that the answer says is over
    "when i was little my dad used to hit mum but she left him and now we live with my nan and its really good",
    "i used to cut myself in year 7 but ive been clean for a year and im doing well",
    "i was neglected as a baby but my forever family are the best",
    "my birth mum used to call me horrible names but my foster carers are lovely to me",
])
def test_lookalikes_are_not_flagged(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text,category", [
    # a denial still lets a real disclosure through
    ("nobody knows my dad hits me", "physical_abuse"),
    ("my uncle told me not to tell anyone what he does", "secrets_adult"),
    ("he said i have to keep our secret from mum", "secrets_adult"),
    # "if X stopped ..." presupposes that X does it
    ("it would be safer if my stepdad stopped hitting my mum", "domestic_abuse"),
    ("maybe if my uncle stopped whacking me lol every time i speak", "physical_abuse"),
    # a practitioner naming a specific child is still flagged
    ("Teacher: one of my pupils told me her dad hits her and she is scared to go home", "physical_abuse"),
    # harm that carries on after a past cue is not over
    ("my dad used to hit mum and now he hits me", "physical_abuse"),
])
def test_disclosures_still_flagged(rules_only, text, category):
    result = rules_only.screen(text)
    assert result.flagged and category in result.categories


def test_if_stopped_needs_someone_close(rules_only):
    # "people stopped ..." is an opinion about the area, not a presupposed harm
    assert not rules_only.screen("it would be safer if people stopped selling drugs in the park").flagged
    assert not rules_only.screen("if my dad hit me i would tell a teacher").flagged


def test_laughter_cancels_without_concrete_harm(rules_only):
    assert not rules_only.screen("my brother whacked me with a pillow lol").flagged
    assert rules_only.screen("my brother whacks me with his belt lol every time i speak").flagged


@pytest.mark.parametrize("text", [
    # what happens to a character
    "in the series we watched the stepdad beats the boy and it was hard to watch",
    "on hollyoaks the mum calls her son worthless every episode",
    # a younger sibling hurting the writer
    "my little brother bit me and then kicked me cos i turned off his game",
    # what the writer would do to get help
    "If I was ever being groomed I'd tell my form tutor straight away",
    # everyday jobs and expeditions
    "i do a paper round and deliver packages for the newsagent on saturdays",
    # a generic opinion, not a person the writer knows
    "i think parents who hit their kids should lose them",
])
def test_round_nine_frames(screener, text):
    assert not screener.screen(text).flagged


@pytest.mark.parametrize("text,category", [
    ("in the game my brother screams at me and calls me worthless", "emotional_abuse"),
    ("my little sister gets hit by our stepdad and i cant stop it", "physical_abuse"),
    ("my big brother kicks me and punches me every day", "physical_abuse"),
    ("if i tell anyone he will hurt me", "secrets_adult"),
    ("her youth leader makes her keep secrets from her parents", "secrets_adult"),
    ("my cousin is scared she is going abroad for a wedding that is hers", "forced_marriage_fgm_honour"),
    ("they are getting me married in the summer and nobody asked me", "forced_marriage_fgm_honour"),
])
def test_round_nine_disclosures(rules_only, text, category):
    result = rules_only.screen(text)
    assert result.flagged and category in result.categories, result


@pytest.mark.parametrize("text", [
    "not sure if this counts but my step mum throws things at me when shes drunk, got a cut on my head lol",
    "lol been hiding my nans pills in my room just in case",
    "my dad calls me a mistake every day \U0001f643 normal family stuff lol",
])
def test_nervous_laughter_does_not_cancel(no_judge, text):
    # The laughter mechanism, without the second stage: the judge (issue 17) drops the
    # hidden pills (net probability 0.17, below its 0.2 floor) - a known cost, see
    # benchmarks/SCREENING_RESULTS.md.
    assert no_judge.screen(text).flagged


@pytest.fixture(scope="module")
def no_judge():
    return DisclosureScreener(ablate={"judge"}).fit()


@pytest.mark.parametrize("text", [
    "my mate threw a pillow at me lol",
    "omg that test was so bad i wanna die lol but its fine",
])
def test_plain_laughter_still_cancels(rules_only, text):
    assert not rules_only.screen(text).flagged
