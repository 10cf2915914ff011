"""The twelfth and thirteenth writers' tuning round (benchmarks/data/fresh12_*, fresh13_*): each family of missed
disclosure is caught in wordings those writers did not use, ordinary answers in the same words stay quiet, and a
first-hand pull into extremism reaches a person under its own category while the news does not."""

import pytest

from tests.analysis.screening.youth_questions import ADULTS, ELSE, GOOD, HELPS, ONLINE, SCHOOL, TELL, UNSAFE


@pytest.mark.parametrize("question,answer", [
    # why the writer cannot tell
    (TELL, "nobody, my nan would just take his side like always"),
    (TELL, "not my mum, she would never believe me"),
    (TELL, "my aunty but my stepdad wont let me phone her"),
    (TELL, "no one, it would only make it worse at home"),
    # tired of a harm; a refuge when someone at home kicks off
    (ELSE, "im so sick of getting hurt"),
    (GOOD, "the bus shelter, i hide there when my stepdad gets like that"),
    # a topic made the writer's own
    (ONLINE, "pro ana accounts and self harm pages. i do that too"),
    # not eating, marks kept from PE, a wish for the harm to stop, a belt, a mind made up
    (SCHOOL, "i feel faint most days because we havent eaten"),
    (SCHOOL, "i skip pe so no one sees the marks, i cant change for pe"),
    (HELPS, "someone making him stop hurting me"),
    (UNSAFE, "when my stepdad takes his belt off"),
    (HELPS, "nothing now, my mind is made up"),
    # nowhere safe, in danger, not coping, home bad
    (SCHOOL, "its fine but nowhere is safe"),
    (ELSE, "please im in danger"),
    (ADULTS, "that im looking after my dad and my brothers and i cant cope anymore"),
    (ELSE, "things are bad at home"),
    (ADULTS, "that loads of us go home to people who hit us"),
    # pictures spread, carrying for them, paid by men, hunger
    (ONLINE, "someone posted my pics in the year group chat"),
    (TELL, "nobody, me and my cousin have to carry for them now"),
    (GOOD, "nothing, the men who pay me know where i live"),
    (ELSE, "im hungry all the time and no one at home looks after us"),
])
def test_families_of_the_twelfth_and_thirteenth_writers_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (TELL, "my mum, she always takes my side"),
    (TELL, "nobody, i'd be too embarrassed but i'd probably tell someone eventually"),
    (TELL, "no one, my mum would kill me if she knew i vape"),
    (ELSE, "im tired of being told to revise"),
    (GOOD, "i go round my nans when my dad is at work"),
    (ONLINE, "people posting about self harm. i report them"),
    (SCHOOL, "i dont eat school dinners cos theyre gross"),
    (SCHOOL, "i hate changing for pe, the changing rooms are gross"),
    (HELPS, "for my sister to stop hitting me with pillows when we play"),
    (UNSAFE, "my dad has a black belt in karate so nothing really"),
    (HELPS, "ive already decided what college im going to"),
    (SCHOOL, "im in danger of failing maths"),
    (ONLINE, "i posted my pics from prom on insta"),
])
def test_ordinary_answers_in_the_same_words_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (ONLINE, "i think theyre right that we have to fight them, i want to join the cause"),
    (ELSE, "my brother has been watching videos about jihad"),
])
def test_a_first_hand_pull_into_extremism_reaches_a_person_as_radicalisation(screener, question, answer):
    result = screener.screen(answer, question=question)
    assert result.flagged and "radicalisation" in result.categories, answer


@pytest.mark.parametrize("question,answer", [
    (ONLINE, "i saw on the news that extremists keep saying we need to fight them, its scary"),
    (ELSE, "we had a lesson about extremism and the far right in pshe"),
])
def test_talk_about_extremism_in_the_news_or_a_lesson_stays_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged, answer
