"""Towns and districts are context, not people (``data/uk_places.txt``, built from GeoNames by
``python -m analysis.redaction.build_places``; blind writers 15-17, stop 46)."""

import pytest

from analysis.redaction import build_places, redact_text


def test_the_places_file_matches_its_source(capsys):
    assert build_places.main(["--check"]) == 0
    assert "matches" in capsys.readouterr().out


@pytest.mark.parametrize("text", [
    "I'm 16 and I live in Ebbw Vale with my nan",
    "the bus driver on the 7 to Ballymena shouted at me for being trans",
    "Referral from the Greggs manager in Bishop Auckland about a boy begging",
    "Gran here. We live in Acocks Green and the school is great",
])
def test_places_are_kept(text):
    assert redact_text(text) == text


@pytest.mark.parametrize("text, gone", [
    ("my tutor Miss Hollingworth lets me sit in her room at lunch", "Hollingworth"),
    ("PC Lund found me at the bus station", "Lund"),
    ("Mum says Kingsley, 10, is being targeted by older boys", "Kingsley"),
    ("Shirley said she would ring me back", "Shirley"),
    ("the boys from the Clifton estate chase us home", "Clifton"),
])
def test_a_person_or_a_home_with_a_place_name_is_still_redacted(text, gone):
    assert gone not in redact_text(text)
