"""Answers in Welsh and Urdu reach a person: language detection, keyword rules and the not-screened route."""

import json

import pytest

from analysis.cli import main as cli_main
from analysis.screening import label_for
from analysis.screening.languages import detect_language, keyword_hits, welsh_forms

URDU_DISCLOSURE = "میری امی کا بوائے فرینڈ مجھے مارتا ہے جب وہ کام پر ہوتی ہیں اور مجھے گھر جانے سے ڈر لگتا ہے"
URDU_ORDINARY = "مجھے اپنے اسکول کے دوست پسند ہیں"
WELSH_DISCLOSURE = "Mae fy llystad yn fy nharo i pan mae wedi meddwi"
WELSH_ORDINARY = "Mae'r ysgol yn iawn, dwi'n hoffi fy ffrindiau"


@pytest.mark.parametrize(("text", "language"), [
    (URDU_DISCLOSURE, "ur"), (URDU_ORDINARY, "ur"),
    ("abbu mujhe marta hai jab woh gussa hota hai", "ur"),
    (WELSH_DISCLOSURE, "cy"), (WELSH_ORDINARY, "cy"),
    ("my dad hits me", "en"), ("I like the youth club and the park", "en"),
    # an English answer on a Welsh page, with one Welsh word, is English
    ("Diolch, the survey was fine and school is ok", "en"),
    ("More information on help available and how to access help.", "en"),
])
def test_language_is_detected_from_the_text(text, language):
    assert detect_language(text).language == language


def test_welsh_mutations_are_matched():
    assert {"daro", "nharo", "tharo"} <= welsh_forms("taro")
    assert [c for c, _a, _b in keyword_hits(WELSH_DISCLOSURE, "cy")] == ["physical_abuse"]


def test_welsh_disclosure_reaches_a_person_with_its_category_and_words(screener):
    result = screener.screen(WELSH_DISCLOSURE)
    assert result.flagged and "physical_abuse" in result.categories
    assert any(h.evidence == "nharo" for h in result.hits)


def test_ordinary_welsh_answer_reaches_a_person_as_not_screened(screener):
    # Welsh keyword rules alone caught 0.69 of blind Welsh disclosures: Welsh is routed too
    result = screener.screen(WELSH_ORDINARY)
    assert result.flagged and result.categories == ("not_screened:cy",)
    assert label_for("not_screened:cy") == "Not screened: written in Welsh"


def test_urdu_disclosure_reaches_a_person(screener):
    result = screener.screen(URDU_DISCLOSURE)
    assert result.flagged
    assert "not_screened:ur" in result.categories and "physical_abuse" in result.categories
    for h in result.hits:
        assert h.evidence == URDU_DISCLOSURE[h.start:h.end]


def test_urdu_script_never_passes_silently(screener):
    result = screener.screen(URDU_ORDINARY)
    assert result.flagged and result.categories == ("not_screened:ur",)
    assert label_for("not_screened:ur") == "Not screened: written in Urdu"


def test_romanised_urdu_is_routed_too(screener):
    result = screener.screen("abbu mujhe marta hai jab woh gussa hota hai")
    assert result.flagged and "not_screened:ur" in result.categories


def test_english_answer_is_not_routed(screener):
    assert not screener.screen("the youth club is great").flagged


def test_cli_reports_every_answer_that_must_reach_a_person(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("answer\n" + "\n".join([URDU_ORDINARY, WELSH_DISCLOSURE, "the park is nice"]) + "\n",
                   encoding="utf-8")
    out = tmp_path / "out.json"
    assert cli_main(["screen", str(src), "--text-column", "answer", "--out", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["flagged"] for r in rows] == [True, True, False]
    assert rows[0]["categories"] == ["not_screened:ur"]
    assert "physical_abuse" in rows[1]["categories"] and "not_screened:cy" in rows[1]["categories"]
