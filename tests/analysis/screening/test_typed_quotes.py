"""A phone's typographic apostrophe ("can’t", iOS's default) is read as a typed one (``charmodel.reading_text``).

The reader learned no youth answer with a typographic apostrophe, only NHS ordinary answers, so it read the same
disclosure typed on a phone as more ordinary: "I can’t cope any more" at 0.01 against 0.51, and 5 of the 122 held-out
youth disclosures with an apostrophe went unflagged when typed so (the four below among them). Each fails on the code
before."""

import pytest

from analysis.screening.charmodel import model_text, reading_text

ELSE = "Is there anything else you want to tell us?"
TELL = "Who would you tell if something was wrong?"


def test_the_reader_reads_typographic_quotes_as_typed_ones():
    assert reading_text("I can\u2019t \u201cstop\u201d", None) == model_text("I can't \"stop\"", None)
    assert model_text("can\u2019t", None).endswith("can\u2019t")  # what it learned is left as it was


@pytest.mark.parametrize("text,question", [
    ("I can't cope any more", ELSE),
    ("my parents say i'm possessed and i need to be prayed over to get the bad out", ELSE),
    ("my sister got married at 16 in the summer and now they're saying i'm next", ELSE),
    ("no one because he's my boyfriend and he said people wouldn't understand because he's 27", TELL),
    ("I'm dead tired lol. and tbh i'd rather actually be dead", ELSE),
])
def test_a_disclosure_typed_on_a_phone_reaches_a_person_as_it_does_typed(screener, text, question):
    typed = screener.screen(text, question=question)
    on_a_phone = screener.screen(text.replace("'", "\u2019"), question=question)
    assert typed.flagged
    assert on_a_phone.flagged
    assert on_a_phone.categories == typed.categories
