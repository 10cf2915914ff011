"""The sixteenth and seventeenth writers' tuning round (benchmarks/data/fresh16_*, fresh17_*; screen14): the revealed
answer signals (analysis/screening/revealed.py, with a few words added to older signals) catch each family in
wordings those writers did not use, and the round's vetoes (pass_on, praise, said_of_things, area_concern's own places
and closers, trust cues, hearsay, generic groups, the news) keep ordinary answers in the same words quiet.  Every
answer in the first and third lists was screened the other way on the code before the round."""

import pytest

from analysis.screening.areas import area_concern
from analysis.screening.reasons import pass_on, praise, trust_reason
from tests.analysis.screening.youth_questions import ADULTS, ELSE, GOOD, HELPS, ONLINE, SCHOOL, TELL, UNSAFE


@pytest.mark.parametrize("question,answer", [
    # the writer's own part after general talk
    (ONLINE, "people dont report the nudes. ive never told anyone either"),
    (ELSE, "i didnt say before but the person i talked about is my stepdad"),
    (ELSE, "what i said earlier about being happy at home wasnt true"),
    (ADULTS, "stranger danger is drummed into us but sometimes its your own family"),
    # people around the writer
    (HELPS, "the bloke from the corner shop keeps waiting for me outside my school"),
    (ONLINE, "my ex keeps making new accounts to message me"),
    (TELL, "my older friend i met online because he really gets me"),
    (TELL, "my form tutor but hes the problem"),
    (TELL, "childline. ive called them before about my mum but i hung up"),
    # home
    (HELPS, "not having to be alone with him"),
    (TELL, "my head of year. its to do with my mums boyfriend"),
    (TELL, "my nan because my dad is drunk all the time"),
    (TELL, "i would tell my head of year but my dad says if anyone finds out well be taken away"),
    (GOOD, "it was happy before my mums new partner moved in"),
    (GOOD, "my friends house, at least i get a hot meal"),
    (SCHOOL, "im too hungry to concentrate most days"),
    (ADULTS, "that loads of us are hungry"),
    (ELSE, "can someone check on the house next to ours, theres a baby always screaming"),
    # restriction
    (ONLINE, "the pro ana groups. im in one, eating like 400 calories a day"),
])
def test_families_of_the_sixteenth_and_seventeenth_writers_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (ONLINE, "spam accounts keep coming back after i block them"),
    (HELPS, "not being alone at night"),
    (TELL, "my mum, unless its about my mum"),
    (GOOD, "the new house doesnt feel like home yet"),
    (SCHOOL, "im always hungry by break time lol"),
    (ONLINE, "i burn about 500 calories a day walking to school"),
    (ELSE, "what i said about school being boring isnt true anymore, its fine"),
    (TELL, "my friends from online because we game every night"),
    (ADULTS, "sometimes its family that gets you through"),
    (HELPS, "my nan waiting for me outside school"),
])
def test_the_same_words_in_ordinary_answers_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (TELL, "i wouldnt tell my form tutor because they have to tell your parents"),
    (TELL, "my auntie because she says her door is always open"),
    (ONLINE, "old men pretending to be kids on roblox"),
    (ONLINE, "sextortion, i saw on the news a boy killed himself over it"),
])
def test_general_talk_and_ordinary_reasons_of_the_round_are_not_alerts(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (TELL, "i wouldnt tell my form tutor because they have to tell my dad and he hits me"),
    (ELSE, "my friends are the best thing in my life, without them i wouldnt be alive"),
    (UNSAFE, "the park near my house, the older lads there make me hold stuff for them"),
    (ELSE, "the wifi died and then i just wanted to die"),
    (ONLINE, "old men pretending to be kids on games, one of them has been messaging me for weeks"),
    (TELL, "my nan, then my mum if she said to, but not my stepdad because he hits me"),
])
def test_the_round_s_vetoes_leave_disclosures_in_the_same_words(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


def test_the_checks_edges():
    assert pass_on("nobody wants to talk to adults because they just make it worse")
    assert not pass_on("nobody wants to talk to adults because they just make it worse. my dad hits me")  # two
    assert not pass_on("i wouldnt tell a teacher because they have to tell my dad and he would kill me")
    assert praise("my nan means the world to me")
    assert not praise("my nan means the world to me, shes all i have")
    assert trust_reason("my mum and dad because they have to know")
    assert not trust_reason("my mum, then school if she said to, she said not to tell anyone")
    assert area_concern("the field near my house at night, always older kids there")
    assert not area_concern("outside my house at night, always older kids there")  # not a place near the house
    assert area_concern("the woods, people say theres needles so i dont go")
    assert not area_concern("the woods, people say theres needles so i dont go, my brother goes")
