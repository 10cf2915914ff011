"""Role and family words before a name stay as context; nicknames after "calls me" / "nickname is" /
"goes by the name" are names; a school year is no house number (blind writer 11, stop 46)."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize("text, kept, gone", [
    ("Detective Constable Aled Griffiths and PCSO Megan Price visited the home",
     "Detective Constable", "Aled Griffiths"),
    ("Advocate Jermaine Stewart visited on the 15th.", "Advocate", "Jermaine Stewart"),
    ("Father Cody Wright (22) not on birth certificate.", "Father", "Cody Wright"),
    ("Trainer Hyun-woo was very approachable.", "Trainer", "Hyun-woo"),
    ("Emily Watkins, year 11, Coopers Lane School, is a young carer", "year 11", "Coopers Lane"),
])
def test_role_words_stay_and_the_name_goes(text, kept, gone):
    out = redact_text(text)
    assert kept in out
    assert gone not in out


@pytest.mark.parametrize("text, gone", [
    ("my nan calls me Bubba but my real name is Harvey", "Bubba"),
    ("my nickname is Smudge but dont put that", "Smudge"),
    ("YP goes by the name Ty (legal name Tyrese Bailey-Morgan).", "Ty "),
    ("ppl at school call me Specky cos of my glasses", "Specky"),
])
def test_nicknames_are_redacted(text, gone):
    assert gone not in redact_text(text)


@pytest.mark.parametrize("text", [
    "they call me names every day",
    "she calls me stupid when im upset",
    "my name is hidden on the form",
    "Trainer Training was good",
    "i go to a comprehensive school",
])
def test_look_alikes_are_kept(text):
    assert redact_text(text) == text


@pytest.mark.parametrize("text, kept, gone", [
    ("the officer was PC Hardcastle", "PC", "Hardcastle"),
    ("The police rep, Sgt Bhatti, was honest", "Sgt", "Bhatti"),
])
def test_police_ranks_stay_outside_the_name(text, kept, gone):
    out = redact_text(text)
    assert kept in out and gone not in out
