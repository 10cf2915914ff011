"""Hedged or minimised first-hand harm (question session, issue 17), each with a look-alike.

Cases worded afresh; the mechanisms: signs in ``rules/signs.py`` (an injury from family, a cover
story, tablets ready), the judge keeping "my <family> ... at me" (``gate._first_hand``, lists in
``data/frames.yaml`` FIRST_HAND_*), writer-owned general talk (``OWNED``: "like me", "i'm one",
"because i do") and played-down jokes (``HEDGES``).
"""

import pytest


@pytest.mark.parametrize("positive, lookalike", [
    ("nothing really. got a black eye off my mum on monday but told my teacher it was netball",
     "i have a black eye from rugby"),
    ("i told the nurse i fell down the stairs but thats not what happened",
     "i told the nurse i tripped on the stairs and she gave me a plaster"),
    ("i've got my pills ready for tonight", "i've got my hay fever tablets ready for the trip"),
], ids=["injury from family", "cover story", "tablets ready"])
def test_played_down_signs(screener, without_readers, positive, lookalike):
    assert screener.screen(positive).flagged
    assert not without_readers.screen(lookalike).flagged


def test_the_judge_keeps_the_writers_own_family_aiming_at_the_writer(screener):
    """The net reads "but its fine honestly" as ordinary; "my mum ... at me" is first-hand all the same."""
    text = "nah. well my mum throws stuff at me sometimes but its fine"
    assert "physical_abuse" in screener.screen(text).categories  # (the judge of every writer keeps domestic abuse too)
    trace = screener.explain(text)
    assert not any(veto == "judge" and category == "physical_abuse" for _k, category, _w, veto in trace)
    assert not screener.screen("a boy threw a ball at me in pe but its fine").flagged


@pytest.mark.parametrize("owned, general", [
    ("what happens to kids who get hit at home, like me", "what happens to kids who get hit at home"),
    ("check on kids who are scared to go home. i'm one", "check on kids who are scared to go home"),
    ("more help for people who want to die, because i do", "more help for people who want to die"),
])
def test_general_talk_the_writer_says_is_their_own(screener, owned, general):
    assert screener.screen(owned).flagged
    assert not screener.screen(general).flagged


def test_an_unsure_joke_beside_a_forced_marriage_does_not_cancel_it(screener):
    assert screener.screen("my uncle says im getting married to my cousin in the summer, i think he's joking").flagged
    assert not screener.screen("my uncle says im getting married to my cousin in the summer lol").flagged
