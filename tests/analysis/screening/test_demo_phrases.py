"""The demo data's ordinary answers do not flood a DSL's queue; its few written disclosures still reach one.

`make demo` fills every survey from feedback_app/services/demo_phrases.yaml: 500 youth answers once
raised 193 alerts, for answers such as "Drugs being sold to young people." and "Better lights on the
streets and in the park.".  Only the youth survey's ``concern`` theme is written as a disclosure.
The workforce survey's practitioner phrases are not covered yet ("I ask about the unseen men in
the household." still reads as grooming to the learned net): see benchmarks/SCREENING_RESULTS.md.
"""

from pathlib import Path

import pytest
import yaml

PHRASES = Path(__file__).resolve().parents[3] / "feedback_app" / "services" / "demo_phrases.yaml"
DISCLOSURE_THEMES = {("youth-voice", "anything_else", "concern")}


def _phrases():
    data = yaml.safe_load(PHRASES.read_text(encoding="utf-8"))
    for slug, survey in data["surveys"].items():
        for question, spec in survey.get("free_text", {}).items():
            for theme, phrases in spec["themes"].items():
                for phrase in phrases:
                    yield (slug, question, theme) in DISCLOSURE_THEMES, f"{slug}/{theme}", phrase


ORDINARY = [(where, p) for disclosure, where, p in _phrases() if not disclosure and where.startswith("youth-voice/")]
DISCLOSURES = [p for disclosure, _where, p in _phrases() if disclosure]


def test_the_demo_has_both_kinds():
    assert len(ORDINARY) > 50 and len(DISCLOSURES) == 3


@pytest.mark.parametrize("text", [
    "Drugs being sold to young people.",
    "Better lights on the streets and in the park.",
    "Families not having enough money for food and heating",
    "I have heard people carry knives round here.",
])
def test_quoted_demo_answers_pass(screener, text):
    assert not screener.screen(text).flagged


def test_every_ordinary_youth_demo_phrase_passes(screener):
    flagged = [(where, p, screener.screen(p).categories) for where, p in ORDINARY if screener.screen(p).flagged]
    assert flagged == []


@pytest.mark.parametrize("text", DISCLOSURES)
def test_demo_disclosures_reach_a_person(screener, text):
    assert screener.screen(text).flagged
