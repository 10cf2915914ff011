"""Warning-sign rules, lesson frame, past-and-over frame and the net's reassurance veto.

Rule mechanisms are checked on a rules-only screener (so the learned net can
neither rescue a miss nor cause an alarm); each positive has a look-alike.
"""


import pytest

from analysis.screening.rules import all_rules


@pytest.mark.parametrize("text, category", [
    ("im good at hiding the bruises with makeup so nobody asks", "physical_abuse"),
    ("swimming stopped because mum doesnt want people to see my back", "physical_abuse"),
    ("he does it where it doesnt show now", "physical_abuse"),
    ("i wear long sleeves in summer for a reason", "self_harm_suicide"),
    ("i keep my phone charged so i can ring 999 for mum again", "domestic_abuse"),
    ("they know where my mum works so i have to do what they say", "criminal_exploitation"),
    ("i have to be on call after school, they ring and i go", "criminal_exploitation"),
    ("i dont have a key any more and my mum doesnt ask where i am", "missing_homeless"),
    ("most nights i ride the night buses till morning", "missing_homeless"),
    ("i'm not planning on being around for it", "self_harm_suicide"),
    ("my uncles keep asking when i will be ready to marry", "forced_marriage_fgm_honour"),
    ("i'm only allowed to say everything is fine when the social worker visits", "secrets_adult"),
    ("they pushed my head into the toilet and filmed it and put it on snapchat", "bullying"),
])
def test_warning_signs_are_caught(rules_only, text, category):
    result = rules_only.screen(text)
    assert category in result.categories, (text, result.hits)
    assert all(h.evidence and h.evidence in text for h in result.hits)


@pytest.mark.parametrize("text", [
    "i hide my spots with concealer before school",
    "i wear long sleeves because i get cold easily",
    "my mum doesnt want people to see my room when its messy",
    "i'm on call for my mum's cleaning business at weekends",
    "i dont have an email address so i couldnt sign up",
    "i'm not going to be around for the summer scheme because we're on holiday",
    "we were told to say thank you to the visitor",
    "my friend took loads of pics of me at prom and i love them",
    "i'm giving away my old clothes to the charity shop because i'm clearing out",
])
def test_warning_sign_look_alikes_are_not_flagged(rules_only, text):
    assert not rules_only.screen(text).flagged, rules_only.screen(text).hits


def test_scare_quotes_around_a_euphemism(rules_only):
    assert "physical_abuse" in rules_only.screen('i am always "clumsy" at home, thats what mum says').categories
    quoted = "i've been \u201cstaying with friends\u201d since christmas"
    assert "missing_homeless" in rules_only.screen(quoted).categories
    assert not rules_only.screen("im so clumsy, i fell over twice today").flagged


def test_lesson_frame_cancels_any_rule_but_not_the_writer(rules_only):
    assert not rules_only.screen("I read a book about a girl who was abused by her uncle.").flagged
    assert not rules_only.screen("The trainer explained that cuckooing is where gangs take over a home.").flagged
    assert not rules_only.screen("Our drama class did a play about cyberbullying.").flagged
    assert rules_only.screen("the lesson about consent made me realise my uncle abused me").flagged


def test_sentence_with_nobody_continues_the_previous_one(rules_only):
    text = "ours has been broken since summer. there's usually no food either"
    assert "neglect" in rules_only.screen(text).categories
    assert not rules_only.screen("The town is busy. There's usually no food either.").flagged


def test_a_bit_is_not_a_bite(rules_only):
    assert not rules_only.screen("the assembly was a bit scary but my brother liked it").flagged
    assert "physical_abuse" in rules_only.screen("my brother bit me and left a mark").categories


def test_past_harm_that_is_over(rules_only):
    over = "my dad used to hit me when i was little but he went to prison and im happy now"
    assert not rules_only.screen(over).flagged
    assert rules_only.screen("my dad used to hit me and now he hits my brother").flagged


def test_self_harm_with_help_and_recovery_is_not_flagged(rules_only):
    text = "I had thoughts of hurting myself, but I got help and I'm in a really good place now."
    assert not rules_only.screen(text).flagged
    assert rules_only.screen("I keep having thoughts of hurting myself").flagged


def test_learned_net_respects_reassurance_and_jokes(screener):
    assert not screener.screen("My cousin had her nikah last month, she's 25 and it was a really happy day.").flagged
    assert not screener.screen('People say "I\'ll kill you" as a joke all the time at school.').flagged


def test_sign_rules_name_category_and_kind():
    signs = [r for r in all_rules() if r.kind == "sign"]
    assert len(signs) > 30
    for r in all_rules():
        assert r.kind in {"strong", "topic", "sign"}
