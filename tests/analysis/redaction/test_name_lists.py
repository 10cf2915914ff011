"""Given names and surnames from Faker's locale lists (``analysis/redaction/name_lists.py``), and people found
by the shape of a record ("Paris (7)", "Chelsea (mum)", "Hope & Faith are twins"); a date at the end of a
sentence is a date (stop 46)."""

import pytest

from analysis.redaction import redact_text
from analysis.redaction.name_lists import library_names
from analysis.redaction.names import first_names, surnames


def test_the_library_lists_are_read_from_the_installed_package():
    given, family = library_names()
    assert {"anete", "emils"} <= given  # Latvian, not in the hand list
    assert {"popescu", "okafor", "okonkwo"} <= family
    assert "anete" in first_names()
    assert "popescu" in surnames()[1]


def test_library_names_that_are_english_words_or_places_are_not_names_anywhere():
    names = first_names()
    assert not {"hope", "will", "summer", "paris", "london", "rose"} & names


@pytest.mark.parametrize("text, gone", [
    ("Mum Ilze (Latvian) + children Anete (3) at the flat", "Anete"),
    ("Paris (7) attends breakfast club daily, often hungry", "Paris"),
    ("Will (age 10) said he doesn't feel safe when mum drinks", "Will"),
    ("Mother to TEEGAN (7) and one more.", "TEEGAN"),
    ("Chelsea (mum) says she'll take the kids to Spain", "Chelsea"),
    ("Mum (Rose) said she came up roses last time", "(Rose)"),
    ("mum: Shirley. kids at nan's since the fire", "Shirley"),
    ("Mum says Hope & Faith are twins, age 5", "Hope & Faith"),
    ("Girls (Ocean & Summer) didn't want to leave", "Ocean"),
    ("Mentor Jordan from the project says YP is engaging", "Jordan"),
    ("My stepson Caden, 13, gets messages at 2am from a man", "Caden"),
    ("Brother (Tevita, 17) reportedly carrying a blade", "Tevita"),
    ("Rose at the front desk of the medical centre was very kind", "Rose"),
    ("Faith from the church youth group is who i talk to", "Faith"),
])
def test_a_person_found_by_a_list_or_the_shape_of_a_record(text, gone):
    assert gone not in redact_text(text)


@pytest.mark.parametrize("text", [
    "Nursing support. A hugh thankyou.",  # a typo that is also a name in a library list
    "I have benn very happy with my care",
    "Children (3) were seen at home",
    "Leeds (2) Bradford (1) on saturday",
    "Rose and Crown pub is where they drink",
    "we had Faith and Hope as themes at the conference",
    "Year (7) pupils got the bus",
    "We went to Leeds, 12 of us on the coach",
    "Hope at the end of the day is what keeps me going",
    "Paris at the weekend was the best trip",
])
def test_look_alikes_are_kept(text):
    assert redact_text(text) == text


def test_a_date_before_a_full_stop_is_redacted_and_a_record_number_is_never_a_date():
    out = redact_text("I was discharged on 18/11/19 with no help until the 15/01/2020. Nobody rang.")
    assert out == "I was discharged on [date-of-birth] with no help until the [date-of-birth]. Nobody rang."


@pytest.mark.parametrize("text", [
    "my dad is in prison in Armley and i never know what to say",
    "the school in Darnall was really kind to us",
    "Grandparents' hearing 14th Jan at the family court.",
    "Prince's Trust place offered. Starts Jan. YP keen.",
])
def test_places_and_months_are_not_people(text):
    assert redact_text(text) == text


@pytest.mark.parametrize("text, gone", [
    ("i was with Kacper and i didnt know what to do", "Kacper"),
    ("Jan said she would ring the school", "Jan"),
    ("my nan Jan picks me up", "Jan"),
])
def test_people_beside_the_look_alikes_are_still_redacted(text, gone):
    assert gone not in redact_text(text)


def test_a_name_found_once_is_redacted_wherever_the_answer_repeats_it():
    out = redact_text("my mates call me Rocky but my name is Rakim. put Rakim on the form pls")
    assert "Rakim" not in out and out.count("[name]") == 3


@pytest.mark.parametrize("text, kept", [
    ("Her name is Patience Mutasa. She has had very little patience from services", "little patience"),
    ("Mum said the baby's name, Zayn, was after Zayn Malik, she loves One Direction.", "Zayn Malik"),
    ("Will (age 10) said he is hungry. we will visit again", "we will visit"),
])
def test_a_repeated_word_that_is_also_a_word_or_a_public_figure_is_not_taken_again(text, kept):
    assert kept in redact_text(text)
