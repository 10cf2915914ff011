"""The screen10 round on writers 9, 10, 12 and 13's false alarms: a reason of trust answering "who would you
tell, and why?", a generational complaint answering the adults question, and a denial of feeling unsafe after a
"but" stay quiet, in wordings those writers did not use; the disclosures in the same shapes still reach a person."""

import pytest

from analysis.screening import reasons
from tests.analysis.screening.youth_questions import ADULTS, TELL, UNSAFE


@pytest.mark.parametrize("question,answer", [
    # a trusted person and a reason of trust (trust_reason)
    (TELL, "my big brother cos he wont tell anyone"),
    (TELL, "my grandad because he doesnt get angry"),
    (TELL, "my dad because he is the only one who gets me"),
    (TELL, "my mum because she is the only one that gets me"),
    (TELL, "my parents cause they're there for me"),
    (TELL, "my older sister, cos she wont tell mum"),
    # nobody, and the writer's own way
    (TELL, "no one, i keep things to myself but im alright"),
    (TELL, "nobody, i keep stuff to myself but im fine"),
    # a generational complaint (generational)
    (ADULTS, "they say its all just a phase"),
    (ADULTS, "they say its only a phase"),
    (ADULTS, "They always say back in my day"),
    # a "but" before the denial, not after it (unsafe_denied)
    (UNSAFE, "my sister and me fight over the telly but thats just sisters, i dont feel unsafe at home"),
])
def test_ordinary_reasons_stay_quiet(screener, question, answer):
    assert not screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("question,answer", [
    (TELL, "my friend because shes the only one who knows i hurt myself"),
    (TELL, "the guy i met on snap, hes older and hes the only one who gets me. he says not to tell my parents"),
    (TELL, "my older cousin, he says the only people you can trust are the brothers in his group and i should stop "
           "talking to kuffar"),
    (TELL, "my nan cos she is the only one who gets me, my dad hits me"),
    (TELL, "my friends mum because my mum throws things at me"),
    (TELL, "no one, i keep it to myself, i just cut"),
    (ADULTS, "they say its just a phase but its not, i hurt myself"),
    (ADULTS, "they think its just a phase but some of us go home to people who hurt us"),
    (UNSAFE, "i dont feel unsafe at home except when my stepdad drinks"),
    (UNSAFE, "he shouts a lot but i dont feel unsafe at home, only when he drinks"),
])
def test_disclosures_in_the_same_shapes_reach_a_person(screener, question, answer):
    assert screener.screen(answer, question=question).flagged, answer


@pytest.mark.parametrize("text,expected", [
    ("my mum because she is the only one that gets me", True),
    ("my tutor because I see him every day", True),
    ("nobody probably, id just keep it to myself unless it got really bad. im not a big talker", True),
    ("my mum. she gets me. my dad doesnt", False),  # two sentences: more than a reason
    ("my boyfriend because he gets me", False),  # not a TRUST_PERSONS opening
    ("my older mate from online because hes the only one who gets me", False),  # online (TRUST_HARM)
    ("my mum because she gets me but my stepdad doesnt", False),  # a contrast
    ("my mum", False),  # no reason (the named_confidant veto's)
])
def test_trust_reason(text, expected):
    assert reasons.trust_reason(text) is expected


@pytest.mark.parametrize("text,expected", [
    ("they say its just a phase", True),
    ("they dont get that we grew up in covid", True),
    ("my brother comes back with new trainers and 2 phones and they think its a phase", False),  # the writer's
    ("its just a phase", False),  # no adults named
    ("they think im just going through a phase", False),  # the writer
])
def test_generational(text, expected):
    assert reasons.generational(text) is expected
