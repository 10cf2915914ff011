"""Each category: a disclosure is caught, a look-alike is not."""

import pytest

from analysis.screening import CATEGORIES, CATEGORY_LABELS

POSITIVE = [
    ("physical_abuse", "my dad hits me when he's angry"),
    ("physical_abuse", "mums boyfriend slapped me across the face"),
    ("sexual_abuse", "my uncle touches me when i stay at his house"),
    ("sexual_abuse", "he made me touch him and said it was normal"),
    ("emotional_abuse", "my mum says im worthless and wishes i was never born"),
    ("neglect", "there's never any food in our house"),
    ("neglect", "i get left on my own all weekend"),
    ("domestic_abuse", "my dad hits my mum when hes drunk"),
    ("domestic_abuse", "i dont feel safe at home"),
    ("self_harm_suicide", "i want to kill myself"),
    ("self_harm_suicide", "ive been self harming since year 8"),
    ("sexual_exploitation_grooming", "a man on snapchat keeps asking me to send pics"),
    ("sexual_exploitation_grooming", "he said he would post my nudes if i dont send more"),
    ("criminal_exploitation", "i carry packages for some older boys and they pay me"),
    ("criminal_exploitation", "my brother is doing county lines"),
    ("missing_homeless", "i ran away from home last weekend"),
    ("missing_homeless", "my mum kicked me out and i have nowhere to go"),
    ("forced_marriage_fgm_honour", "my parents are making me marry my cousin"),
    ("forced_marriage_fgm_honour", "they want me to get cut like my sisters"),
    ("bullying", "im being bullied at school and nobody does anything"),
    ("bullying", "they told me to kys"),
    ("secrets_adult", "he said it was our little secret"),
    ("secrets_adult", "my coach told me not to tell anyone what happened"),
    ("plea_for_help", "please help me"),
    ("plea_for_help", "i need someone to talk to before i do something"),
    ("radicalisation", "my brother has been watching videos about jihad"),
    ("radicalisation", "i think theyre right that we have to fight them, i want to join the cause"),
]

LOOKALIKE = [
    ("physical_abuse", "I hit the ball really far in rounders"),
    ("physical_abuse", "we got beaten 3-0 on saturday but it was fun"),
    ("sexual_abuse", "we learned about good touch and bad touch in year 6"),
    ("emotional_abuse", "my mum says im really good at drawing"),
    ("neglect", "im starving after pe lol"),
    ("domestic_abuse", "my parents argue sometimes about money but they make up"),
    ("self_harm_suicide", "the session on self harm helped"),
    ("self_harm_suicide", "i was dying of laughter in that lesson"),
    ("self_harm_suicide", "we were killing it in the match"),
    ("sexual_exploitation_grooming", "we learned about grooming in PSHE"),
    ("sexual_exploitation_grooming", "the dog grooming course was great"),
    ("criminal_exploitation", "we learned about county lines in a workshop"),
    ("criminal_exploitation", "i carry my pe bag to school every day"),
    ("missing_homeless", "my dog ran away but we found him"),
    ("forced_marriage_fgm_honour", "my cousin got married last summer and the wedding was amazing"),
    ("forced_marriage_fgm_honour", "my mum would kill me if i failed my maths test lol"),
    ("bullying", "the anti-bullying week was good"),
    ("secrets_adult", "we kept the surprise party a secret from mum"),
    ("plea_for_help", "i need help with my revision"),
    ("plea_for_help", "i can help my mum with the shopping"),
    ("radicalisation", "we watched a documentary about extremism in history and people saying we need to fight them"),
    ("radicalisation", "my brother has been watching videos about football tactics"),
]


@pytest.mark.parametrize("category,text", POSITIVE)
def test_disclosure_is_flagged_with_its_category(screener, category, text):
    result = screener.screen(text)
    assert result.flagged
    assert category in result.categories


@pytest.mark.parametrize("category,text", LOOKALIKE)
def test_lookalike_is_not_flagged(screener, category, text):
    result = screener.screen(text)
    assert not result.flagged, result.hits


def test_every_category_is_tested_both_ways():
    assert {c for c, _ in POSITIVE} == set(CATEGORIES)
    assert {c for c, _ in LOOKALIKE} == set(CATEGORIES)


def test_labels_cover_categories():
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert all(isinstance(v, str) and v for v in CATEGORY_LABELS.values())
    assert all(c == c.lower() and " " not in c for c in CATEGORIES)
