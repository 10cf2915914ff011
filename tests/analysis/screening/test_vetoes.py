"""Meta-test of the veto registry: every veto has a look-alike it keeps quiet and a positive it lets through."""

import pytest

from analysis.screening import DisclosureScreener
from analysis.screening.vetoes import NAMES, VETOES

# Vetoes whose look-alike has not been found yet (none: every veto has one).
PENDING_LOOKALIKE: set[str] = set()


@pytest.fixture(scope="module")
def eager():
    """A net that proposes more candidates, so that learned-hit vetoes can be seen at work."""
    return DisclosureScreener(learned_threshold=0.3).fit()


def test_registry_is_ordered_and_unique():
    assert len(NAMES) == len(set(NAMES))
    assert NAMES[-1] == "judge"
    for v in VETOES:
        assert v.applies_to <= {"rule", "learned"} and v.categories and v.reason and v.motivated_by


@pytest.fixture(scope="module")
def without_reader_floor():
    """Each veto's positive shows the veto lets a disclosure through. The reader's floor is a layer of its own
    (``test_reading.py``); it drops the judge's positive, "The staff treated me like dirt and hit me" (the reader
    gives it 0.15): a loss recorded in SCREENING_RESULTS.md."""
    return DisclosureScreener(ablate={"reader floor"}).fit()


@pytest.mark.parametrize("veto", VETOES, ids=NAMES)
def test_every_veto_has_a_positive_that_flags(without_reader_floor, veto):
    assert veto.positive, f"veto {veto.name} needs a positive example"
    assert without_reader_floor.screen(veto.positive, question=veto.question or None).flagged


@pytest.mark.parametrize("veto", [v for v in VETOES if v.name not in PENDING_LOOKALIKE],
                         ids=[n for n in NAMES if n not in PENDING_LOOKALIKE])
def test_every_veto_keeps_its_lookalike_quiet_and_is_the_reason(screener, eager, veto):
    assert veto.lookalike, f"veto {veto.name} needs a look-alike example"
    question = veto.question or None
    assert not screener.screen(veto.lookalike, question=question).flagged
    reasons = ({r[3] for r in eager.explain(veto.lookalike, question)}
               | {r[3] for r in screener.explain(veto.lookalike, question)})
    assert veto.name in reasons


def test_ablating_a_veto_lets_its_lookalike_through():
    text = "i cut my arm on a thorn climbing a tree"
    assert DisclosureScreener(ablate={"accident", "judge", "reader floor"}).fit().screen(text).flagged


def test_ablating_a_rule_group_removes_its_rules():
    s = DisclosureScreener(ablate={"rules:abuse"}, learned=False).fit()
    full = DisclosureScreener(learned=False).fit()
    assert len(s.rules_) < len(full.rules_)
