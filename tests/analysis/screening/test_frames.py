"""Round-5 mechanisms: joke / accident / opinion / advice / choice frames,
the owned hypothetical, wider past-and-over cues and three new signs.

Checked on a rules-only screener (the learned net can neither rescue a miss
nor cause an alarm); each positive has a look-alike.
"""

import pytest


@pytest.mark.parametrize("text", [
    # joke / exaggeration
    "omg that test was so bad i wanna die lol but its fine",
    "i want to die laughing every time my friend does impressions",
    "mums kicking me out when im 18 lol jk she'd miss me too much",
    "i went missing from maths by hiding in the library haha",
    # accident / sport
    "got smacked in the face by a netball today, nose went red but im fine",
    "i scratched my arm climbing a tree, it's healing",
    # opinion / prevention, advice, choice
    "i think apps should do more to stop old men messaging kids",
    "i'd tell someone if an adult told me to keep a bad secret",
    "my dad wants me to marry someone from our culture one day but he says it's up to me who",
    # past harm that is over
    "When I was in primary my real dad used to hurt me but I've been adopted and my new family are amazing.",
    "there used to be a girl who was mean to me but we're friends now",
    "i left home at 16 because of stuff but now i live in supported accommodation and its going well",
])
def test_benign_frames_cancel_rule_hits(rules_only, text):
    result = rules_only.screen(text)
    assert not result.flagged, result.hits


@pytest.mark.parametrize("text, category", [
    # joke markers do not cancel denied, ironic, reported or concrete harm
    ("kms. srsly not joking this time. i want to die", "self_harm_suicide"),
    ("my uncle kept touching my bum and said it was a joke", "sexual_abuse"),
    ("mums new fella hits her. she had a burst lip sunday n said she walked into a cupboard lol as if",
     "domestic_abuse"),
    ("i wanna die lol i've been cutting again", "self_harm_suicide"),
    # accidents with someone to blame are not accidents
    ("my dad smacked me in the face at football training", "physical_abuse"),
    # the writer in an opinion, a real threat after "if"
    ("someone should stop my dad hitting me", "physical_abuse"),
    ("my dad wants me to marry my cousin and says i have no choice", "forced_marriage_fgm_honour"),
    # past harm with no "over"
    ("my dad used to hurt me and now he hurts my little brother", "physical_abuse"),
    # new signs
    ("my dad held my hand on the cooker because i lied about my homework", "physical_abuse"),
    ("I don't like PE because people see the marks my dad leaves.", "physical_abuse"),
    ("i'm always worried wots happening at home when im not there to stop him", "domestic_abuse"),
    # a "what if" question the answer says is the writer's own
    ("If someone in your house keeps coming into your room and touching you when you're asleep, is that "
     "allowed? because it keeps happening to me.", "sexual_abuse"),
])
def test_disclosures_survive_the_frames(rules_only, text, category):
    result = rules_only.screen(text)
    assert category in result.categories, (text, result.hits)
    assert all(h.evidence and h.evidence in text for h in result.hits)


@pytest.mark.parametrize("text", [
    "i burnt my hand on the cooker making pasta",
    "my dad held my hand crossing the road near the cooker shop",
    "If someone in your house keeps coming into your room at night, what should you do?",
    "i'm worried what's happening at home with the builders, mum says it's fine",
])
def test_new_signs_have_look_alikes(rules_only, text):
    assert not rules_only.screen(text).flagged, rules_only.screen(text).hits


def test_past_and_over_needs_an_over_cue(rules_only):
    assert rules_only.screen("i left home at 16 because my step dad hit me").flagged
    assert not rules_only.screen("i left home at 16 because of stuff but its going well now").flagged


@pytest.mark.parametrize("text", ["everton till i die", "UTV villa till i die", "Burnley til I die"])
def test_a_fans_chant_is_not_a_wish_to_die(screener, ablated, text):
    # writers 82 and 85's ordinary answers (6 December, night): flagged as self-harm by "i die", the writer's own
    # words, which the judge does not overrule; the joke frame's idioms (frames.yaml JOKE_PHRASES) now hold the chant
    assert ablated({"joke", "agreement"}).screen(text, question="Anything else you want to tell us?").flagged
    assert not screener.screen(text, question="Anything else you want to tell us?").flagged


@pytest.mark.parametrize("text", ["i want to die", "some days i wish i could die", "i will die if this carries on"])
def test_wishes_to_die_are_not_a_chant(screener, text):
    assert screener.screen(text, question="Anything else you want to tell us?").flagged
