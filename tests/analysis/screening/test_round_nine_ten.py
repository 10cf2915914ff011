"""The ninth and tenth writers' tuning round (benchmarks/data/fresh9_*, fresh10_*): each family of missed
disclosure is caught in wordings those writers did not use, and ordinary answers in the same words stay quiet."""

import pytest

from tests.analysis.screening.youth_questions import ADULTS, ELSE, GOOD, HELPS, SCHOOL, TELL, UNSAFE


@pytest.mark.parametrize("question,answer", [
    # a plea addressed to the reader, no topic named
    (ELSE, "someone please talk to me i cant do this"),
    (ELSE, "can someone come and check on me"),
    (ELSE, "idk how much longer i can keep going like this"),
    (ELSE, "i am not safe"),
    (GOOD, "nothing. im not safe here"),
    # home named only as 'what is going on there'
    (SCHOOL, "its ok, no one at school knows whats happening at my house"),
    (SCHOOL, "its ok but my mates dont know whats going on at home"),
    (SCHOOL, "safe at school, not when im at home"),
    # pictures held over the writer
    (HELPS, "if he would delete my pics"),
    (ELSE, "theres a guy online who has stuff on me"),
    # the writer's own self-harm named as 'the cutting'
    (TELL, "probably my nan, she doesnt know about the cutting"),
    (TELL, "i'd tell my tutor about the cutting but im scared"),
    # criminal exploitation in the work's own words
    (GOOD, "nothing, the people i work for know where i live"),
    (TELL, "no one, if i snitch i'm done for"),
    (HELPS, "if i could get out of the gang"),
    # the confidant is hurt or afraid too
    (TELL, "my gran but she gets hit too"),
    (TELL, "my mum, but shes scared of him"),
    # told and nothing came of it
    (TELL, "i told my head of year last term and nobody did anything"),
    (TELL, "i did tell my mum but she didnt believe me"),
    # the writer left out before 'not safe at home', or among 'us'
    (SCHOOL, "dont feel safe at home tbh, school is fine"),
    (ADULTS, "that some of us dont feel safe at home"),
])
def test_families_of_the_ninth_and_tenth_writers_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (ELSE, "im not safe on my bike on that road"),
    (TELL, "my mum, she gets scared of spiders too"),
    (TELL, "my mum, i told her about my grades and she helped"),
    (HELPS, "if people could delete the pics from the school trip group chat"),
    (UNSAFE, "kids who dont feel safe at home should be able to tell someone"),
    (SCHOOL, "its good, the teachers help me when im not sure"),
    (TELL, "my mum because she always knows what to do"),
    (ELSE, "can someone fix the lights in the park"),
])
def test_ordinary_answers_in_the_same_words_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    # a partner's control in new words
    (HELPS, "my girlfriend not following me everywhere"),
    # a parent out of it or never sober
    (TELL, "no one, my dad is never sober"),
    (SCHOOL, "ok but tired, my mum is always out of it"),
    # a marriage planned for the writer
    (TELL, "my teacher but not about the wedding theyre planning for me"),
    # running away, said as the writer's plan
    (GOOD, "the park. i cant wait to run away though"),
    # a tag making a harm the writer's own
    (ADULTS, "that the stress gets so much you hurt yourself, which is what i do"),
    # 'there' after the home, and being alone with a person at home
    (GOOD, "nothing good about my flat, i hate it there"),
    (UNSAFE, "being alone with my uncle"),
    (UNSAFE, "downstairs at my house"),
])
def test_second_part_of_the_round_reaches_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (UNSAFE, "being home alone"),
    (UNSAFE, "being alone in the house at night"),
    (GOOD, "my nans house, i love it there"),
    (ELSE, "we learned you can get arrested for sending nudes"),
    (HELPS, "if my dad stopped working so late"),
])
def test_second_part_look_alikes_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer
