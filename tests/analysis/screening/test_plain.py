"""The plain-words answer signals (analysis/screening/plain.py) read families, not sentences: wordings the
eighth writer did not use are caught, and ordinary answers in the same words stay quiet. (The registry's own
positive and look-alike per signal are run by test_answers.py.)"""

import pytest

from analysis.screening import CATEGORY_LABELS

UNSAFE = "What makes you feel unsafe, if anything? (in your area, at school, online, at home)"
HELPS = "What would help you feel safer?"
TELL = "If something was worrying you, who would you tell, and why?"
ELSE = "Anything else you want to tell us?"
WORRY = "What is the biggest worry for young people where you live?"
GOOD = "What is good about where you live?"


def _signal(screener, text, question):
    return {r[3] for r in screener.explain(text, question) if r[0] == "answer"}


def test_a_plea_has_its_own_category_and_label():
    assert CATEGORY_LABELS["plea_for_help"] == "Asks for help (no topic named)"


@pytest.mark.parametrize("question,answer", [
    (ELSE, "pls someone help"), (ELSE, "help me please"), (ELSE, "SOS"), (GOOD, "nothing really. please help"),
    (ELSE, "i just need someone to talk to"), (ELSE, "i need to tell someone, i cant keep it in"),
    (HELPS, "help me"), (TELL, "i dont know who else to tell"), (ELSE, "can someone help me"),
])
def test_pleas_in_new_words_reach_a_person_as_a_plea(screener, question, answer):
    result = screener.screen(answer, question=question)
    assert result.flagged and "plea_for_help" in result.categories, answer


@pytest.mark.parametrize("question,answer", [
    (HELPS, "help"), (HELPS, "more help from teachers"), (HELPS, "help with revision and exams"),
    (TELL, "my mum, if i need help she listens"), (TELL, "a teacher when i need someone to talk to"),
    (ELSE, "i need help with maths tbh"), (ELSE, "maths homework. send help lol"), (ELSE, "i can help out at the club"),
    (HELPS, "someone to talk to at school"), (TELL, "childline because you can call them for free"),
])
def test_ordinary_answers_with_help_in_them_stay_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer,signal", [
    (UNSAFE, "home is the problem tbh", "home_fear"),
    ("What is it like at your school?", "school is fine, home not so much", "home_fear"),
    (ELSE, "im terrified of going back to the house", "home_fear"),
    (GOOD, "nothing, he lives with us now and i lock my room", "unnamed_he"),
    (HELPS, "not existing would be easier", "death_wish"),
    (ELSE, "suicidal thoughts again tonight", "death_thoughts"),
    (ELSE, "my gf goes through my phone and wont let me see my friends", "coercive_control"),
    (ELSE, "my ex still has my nudes", "images_held"),
    (ELSE, "scars", "bare_harm"),
    (ELSE, "its my stepdad", "its_person"),
    (ELSE, "i have marks on my arms and nobody notices", "unnoticed_marks"),
    (ELSE, "been sofa surfing for a month", "nowhere_to_sleep"),
    (HELPS, "my stepdad getting locked up", "wished_gone"),
    (HELPS, "not having to live with him", "live_elsewhere"),
    (GOOD, "i never bring friends home cos of my dad", "cant_bring_home"),
])
def test_each_family_catches_a_wording_it_was_not_written_from(screener, question, answer, signal):
    result = screener.screen(answer, question=question)
    assert result.flagged, answer
    trace = screener.explain(answer, question)
    assert signal in _signal(screener, answer, question) or any(r[3] is None for r in trace), trace


@pytest.mark.parametrize("question,answer", [
    (UNSAFE, "walking home in the dark"), (UNSAFE, "watching scary films at home"),
    (UNSAFE, "nothing makes me feel unsafe at home or school"), (GOOD, "my house is nice and my room is big"),
    (HELPS, "the death penalty for knife crime"), (HELPS, "dying my hair would help my confidence"),
    (WORRY, "sh"), (WORRY, "people having dark thoughts because of social media"),
    (TELL, "its my mum"), (HELPS, "a lock on my bedroom door for privacy"),
    (ELSE, "my boyfriend and i share our locations so we know we got home"),
    (UNSAFE, "the stairwell in the flats near mine"), (ELSE, "i havent been home all week, were in spain"),
    (HELPS, "the drug dealers going to prison"), (ELSE, "i live with my nan and shes great"),
    (ELSE, "i just stay away from him in class"),
    (GOOD, "my dog, he sleeps in my room and snores"),
])
def test_ordinary_answers_in_the_families_words_stay_quiet(without_readers, question, answer):
    assert not without_readers.screen(answer, question=question).flagged, answer


def test_the_judge_does_not_drop_the_writer_saying_they_are_not_safe_at_home(screener):
    text = "i know this is anonymous but i really need someone to know that im not safe at home"
    result = screener.screen(text, question=ELSE)
    assert "domestic_abuse" in result.categories
    assert "judge" not in {r[3] for r in screener.explain(text, ELSE)}


def test_others_not_safe_at_home_is_still_an_opinion(screener):
    assert not screener.screen("some kids are not safe at home and teachers should notice", question=ELSE).flagged


@pytest.mark.parametrize("answer", ["that we cant just go outside and play, theres nowhere to go",
                                    "we just stand around the park because theres nowhere else to go"])
def test_young_people_as_a_group_with_nowhere_to_go_is_a_complaint_about_the_area(screener, answer):
    assert not screener.screen(answer).flagged
    assert "provision_complaint" in {r[3] for r in screener.explain(answer)}


def test_a_family_with_nowhere_to_go_still_reaches_a_person(screener):
    assert "missing_homeless" in screener.screen("we got evicted last week and we have nowhere else to go").categories


@pytest.mark.parametrize("question,answer,signal", [
    ("What should adults do to help young people feel safe?", "help me im scared all the time", "plea_open"),
    ("What is the biggest worry for young people where you live?", "kids who never get fed. me included",
     "me_too_tag"),
    ("Who would you talk to?", "only my best mate knows about my arms", "secret_marks"),
    ("Anything else?", "i wont be around for much longer anyway", "not_around"),
    ("Anything else?", "come to my house on a saturday and youll see", "youll_see"),
    ("What happens online that worries you?", "a 40 year old man from roblox keeps messaging me", "online_adult"),
    ("Anything else?", "me and my brother drink to cope with it all", "drink_to_cope"),
])
def test_the_second_part_catches_wordings_it_was_not_written_from(screener, question, answer, signal):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("answer", ["im not okay tbh", "i dont feel safe anywhere anymore", "whats the point anymore",
                                    "if my stepdad sees this im dead", "hes nice to everyone else but not to me",
                                    "i hate being at home", "no one knows what goes on behind our front door"])
def test_kinds_written_for_this_session_reach_a_person(screener, answer):
    assert screener.screen(answer, question=ELSE).flagged, answer


@pytest.mark.parametrize("answer", ["im not ok with the new uniform rules", "if im not ok i talk to my mum",
                                    "i hate being at home in the holidays cos its boring",
                                    "if my mum finds out i vape shes gonna kill me lol",
                                    "whats the point of homework"])
def test_their_ordinary_look_alikes_stay_quiet(without_readers, answer):
    assert not without_readers.screen(answer, question=ELSE).flagged, answer
