"""Families by surname, nicknames, schools named by what happens there and record numbers after a cue
(``analysis/redaction/families.py``; blind redaction writers 12-14's misses, stop 46)."""

import pytest

from analysis.redaction import redact_text


@pytest.mark.parametrize("text, gone", [
    ("the Patels next door look out for us when mum is at work", "Patels"),
    ("Initial home visit to the Kowalskis. Both parents present.", "Kowalskis"),
    ("We had 3 kids from the Oakes family on roll", "Oakes"),
    ("thank you for the joint work on the Mensah-Boateng family", "Mensah-Boateng"),
    ("Contact from gran, says mum's new partner 'Gaz' drinks heavily", "Gaz"),
    ("Refers to a friend 'Jas' who also cuts", "Jas"),
    ("my name is hidden but im in year 11 at Titus Salt", "Titus Salt"),
    ("Before: Head of Year at Oakbank.", "Oakbank"),
    ("I attended the DSL refresher. Staff no. 004417. Please send certificate.", "004417"),
    ("Mosaic ID 2219847. Sibling Mosaic IDs 2219848, 2219850.", "2219850"),
    ("Police CAD 4471 (14/06). Forced marriage unit contacted.", "4471"),
    ("Mum called police - incident 0612.", "0612"),
    ("Hosp no. RK04451279. 15yo admitted after an overdose.", "RK04451279"),
    ("The example had CRN X394021. That's one of mine.", "X394021"),
])
def test_found_from_the_words_around_it(text, gone):
    assert gone not in redact_text(text)


@pytest.mark.parametrize("text", [
    "my big bro took me to the match",
    "we went to the Lakes in the summer",
    "the Greens are lovely in spring",
    "the Simpsons is my fav show",
    "the Roma family at the end of the road get abuse",
    "i was a pupil at the time",
    "Meeting with the Virtual School and foster carer re exclusion",
    "the police said 'Keep Safe' on the poster",
    "i got 100% on the test",
    "Staff no more than 5 in the room",
    "the big ben clock",
])
def test_look_alikes_are_kept(text):
    assert redact_text(text) == text
