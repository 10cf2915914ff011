"""The fourteenth and fifteenth writers' tuning round (benchmarks/data/fresh14_*, fresh15_*): the stated answer
signals (analysis/screening/stated.py) catch each family in wordings those writers did not use (each of these was
missed before the round), and ordinary answers in the same words stay quiet."""

import pytest

from tests.analysis.screening.youth_questions import ADULTS, ELSE, GOOD, HELPS, ONLINE, SCHOOL, TELL, UNSAFE


@pytest.mark.parametrize("question,answer", [
    # home as the unsafe place
    (HELPS, "anywhere thats not home tbh"),
    (HELPS, "getting out of that house"),
    (SCHOOL, "i feel way safer in school than at home"),
    (GOOD, "the library cos its away from home"),
    (GOOD, "my mates house, cos im away from home"),
    (GOOD, "its detached so nobody hears what goes on in our house"),
    (GOOD, "i like my room but i cant lock the door and my step brother walks in"),
    # food only at school or a club
    (SCHOOL, "its the only place i get a hot meal"),
    (GOOD, "the community centre, only time we get dinner"),
    # pictures of me seen; harmful content followed; people who want to die too
    (SCHOOL, "i hate it, everyones seen the pics"),
    (ONLINE, "thinspo pages. i do what they say"),
    (ONLINE, "group chats with people who wanna die too"),
    # an adult messaging late at night; a parent who hurts; not fine
    (TELL, "my tutor but hes the one who texts me late at night"),
    (ADULTS, "how hard it is when your own dad is the one hitting you"),
    (ADULTS, "that we pretend to be fine. im not"),
])
def test_families_of_the_fourteenth_and_fifteenth_writers_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (GOOD, "home when my dad is at work, its quiet"),
    (HELPS, "if my dad left work earlier"),
    (HELPS, "getting out of the house more at weekends"),
    (SCHOOL, "i feel safer at home than at school"),
    (GOOD, "the residential trip because we were away from home for a week"),
    (GOOD, "the only place you can get good chips"),
    (ONLINE, "my mum posting baby pictures of me"),
    (ONLINE, "everyone has seen the video of the fight at the park"),
    (ELSE, "i dont think ill be around much longer, were moving house"),
    (ONLINE, "pro ana pages, i report them"),
    (ONLINE, "people who want to die need help not hate"),
    (GOOD, "theres always money if you work at the chippy"),
    (ELSE, "my mate did something to me as a prank"),
    (TELL, "my mum texts me late at night to check where i am"),
    (GOOD, "a man on our road lets kids play football in his garden"),
    (UNSAFE, "i dont feel safe with my grandad driving"),
    (ADULTS, "not all parents are strict. mine arent"),
    (SCHOOL, "teachers asking why i have my phone out"),
    (ADULTS, "when we say were fine we mean it. im not lying"),
    (ELSE, "can someone from school talk to us about careers"),
    (ONLINE, "my mum gets mad if i talk back to her"),
])
def test_ordinary_answers_in_the_same_words_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer


def test_every_answer_signal_has_a_name_of_its_own():
    """A signal module reusing another's name replaced that signal's check in silence (screen11's first version
    named one ``not_around``, as ``hints.py`` does): ``answers`` refuses to import with a name twice."""
    from analysis.screening import answers

    assert len(answers.NAMES) == len(set(answers.NAMES))
    assert set(answers._KIND_CHECKS) | set(answers._CHECKS) >= set(answers.NAMES)
