"""Redaction of the personal data found kept in real attempts (issue 17): each type, and its look-alike."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize(("text", "gone", "placeholder"), [
    ("my social worker JORDAN SMITH never listens", "JORDAN SMITH", "[name]"),
    ("my social worker jordan smith never listens", "jordan smith", "[name]"),
    ("my key worker is Oluwaseun and she is kind", "Oluwaseun", "[name]"),
    ("my teacher is called khan", "khan", "[name]"),
    ("Khan said I could go", "Khan", "[name]"),
    ("me and oluwaseun walked home", "oluwaseun", "[name]"),
    ("Agnieszka from the duty team rang", "Agnieszka", "[name]"),
])
def test_names_in_any_case_after_any_cue(text, gone, placeholder):
    out = redact_text(text)
    assert gone not in out and placeholder in out


@pytest.mark.parametrize(("text", "kept"), [
    ("my support worker from CAMHS was great", "CAMHS"),
    ("the NSPCC and Childline helped", "NSPCC"),
    ("The Price was good and the Wood floors were new", "Price"),
    ("my social worker is nice", "nice"),
    ("I will tell my mate", "will"),
])
def test_agencies_and_ordinary_words_are_kept(text, kept):
    assert kept in redact_text(text)


@pytest.mark.parametrize(("text", "gone"), [
    ("I go to St Mary's Academy", "St Mary's Academy"),
    ("she moved to Oakfield Primary School last year", "Oakfield Primary School"),
    ("Northshire College is where I study", "Northshire College"),
    ("i go to st marys academy", "st marys academy"),
    ("Ysgol Gyfun Y Strade", "Strade"),
])
def test_school_names(text, gone):
    out = redact_text(text)
    assert gone not in out and "[school]" in out


@pytest.mark.parametrize("text", ["the high school in town is big", "my Secondary School is ok",
                                  "I talked to the school nurse", "sixth form college is hard"])
def test_generic_school_words_are_kept(text):
    assert redact_text(text) == text


def test_gp_surgery_and_named_services():
    out = redact_text("I'm registered at Northshire GP surgery and go to Parkside Medical Centre")
    assert "Northshire" not in out and "Parkside" not in out and out.count("[service]") == 2


@pytest.mark.parametrize("text", ["I went to the walk in clinic", "the GP surgery was closed",
                                  "the NHS Dental Practice was good"])
def test_unnamed_services_are_kept(text):
    assert redact_text(text) == text


@pytest.mark.parametrize("text", ["my NI number is QQ 12 34 56 C", "ni: AB123456D"])
def test_national_insurance_numbers(text):
    out = redact_text(text)
    assert "[ni-number]" in out and "56" not in out.split("[ni-number]")[-1][:3]


def test_ni_lookalike_is_kept():
    assert redact_text("we are in year 12 and 13 at school") == "we are in year 12 and 13 at school"


@pytest.mark.parametrize(("text", "gone"), [
    ("the car was AB12 CDE", "AB12 CDE"),
    ("his car reg is ab12 cde", "ab12 cde"),
    ("an old A123 BCD van", "A123 BCD"),
])
def test_vehicle_registrations(text, gone):
    out = redact_text(text)
    assert gone not in out and "[vehicle-reg]" in out


def test_vehicle_lookalike_is_kept():
    assert redact_text("my PS5 and the A12 road") == "my PS5 and the A12 road"


def test_spelled_out_email():
    out = redact_text("email me at jo dot bloggs at gmail dot com please")
    assert "bloggs" not in out and "[email]" in out and out.endswith("please")


def test_spelled_out_phone():
    out = redact_text("ring me on oh seven seven double oh nine one two three four five six")
    assert "seven" not in out and "[phone]" in out


@pytest.mark.parametrize("text", ["we were at the club at seven", "one two three four five",
                                  "I am at school from nine to three"])
def test_spoken_number_lookalikes_are_kept(text):
    assert redact_text(text) == text
