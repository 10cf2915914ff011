"""The screen12 round (issue 17): general concern about an area ("there are gangs near my estate") stays quiet, in
wordings the tuning writers did not use; a first-hand account in the same shape ("the older boys make me carry stuff
for them") still reaches a person."""

import pytest

from analysis.screening import areas
from tests.analysis.screening.youth_questions import UNSAFE


@pytest.mark.parametrize("question,answer", [
    (UNSAFE, "the canal at night theres loads of older lads there"),
    (UNSAFE, "the precinct at night theres always older lads there"),
    (UNSAFE, "the rec at night theres always older lads there and they shout stuff"),
    (UNSAFE, "older kids asking you to get stuff for them at the bus stop"),
    (UNSAFE, "the skatepark at night theres always older lads hanging about and they shout stuff"),
    (UNSAFE, "the chippy at night theres always older lads there"),
])
def test_general_concern_about_an_area_stays_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (UNSAFE, "the bus station at night, the older lads there make me carry stuff for them"),
    (UNSAFE, "the older lads at the park make us carry stuff for them"),
    (UNSAFE, "the park at night, older lads there give you free vapes and then say you owe them"),
    (UNSAFE, "the bus station, theres a man there who keeps asking my sister for her number"),
    (UNSAFE, "the older boys make me carry stuff for them"),
    (UNSAFE, "the rec at night, the older lads there throw stuff at me"),
])
def test_first_hand_accounts_in_the_same_shapes_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("text,expected", [
    ("there are gangs near our estate", True),
    ("the park at night theres always older lads there", True),
    ("i dont like the bus after school its packed and people throw stuff", True),  # a dislike, not the writer harmed
    ("if the police actually knew our names like in the old days my grandad says", True),  # a quoted grandad
    ("the older boys make me carry stuff for them", False),  # the writer (and no place)
    ("the park at night, the older lads there make us carry stuff", False),  # us; carry
    ("the park at night theres always older lads there, my brother goes with them", False),  # a named person
    ("my grandad says the park at night has older lads", False),  # the quoted person not at the end
    ("the park at night, people there give you weed", False),  # a harm word
    ("there are people outside school that offer year 7s money to run to the shop for them", False),  # year 7s
    ("the park at night", False),  # no people
    ("older lads", False),  # no place
])
def test_area_concern(text, expected):
    assert areas.area_concern(text) is expected
