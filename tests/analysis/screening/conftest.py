import pytest

from analysis.screening import DisclosureScreener, default_screener


@pytest.fixture(scope="session")
def screener():
    """The shared default screener: spaCy is loaded once per test session."""
    return default_screener()


@pytest.fixture(scope="session")
def rules_only():
    """The rules without the learned net: it can neither rescue a miss nor cause an alarm."""
    return DisclosureScreener(learned=False).fit()


@pytest.fixture(scope="session")
def without_readers():
    """The screen without its readers of whole answers: no last resort (the judge net's own hits,
    ``gate._last_resort``) and no hits of the reader (``reading.py``; its floor stays): the rules, answer signals,
    vetoes and the learned net. The tests of a rule round's look-alikes test this layer: both readers read every
    writer's words at once and flag some hand-made near misses (SCREENING_RESULTS.md)."""
    return DisclosureScreener(ablate={"last resort", "reader hits"}).fit()


@pytest.fixture(scope="session")
def ablated(screener):
    """``ablated({"name", ...})``: the shared default screener with those parts switched off, without a new fit.

    Every ablation but a rule group (``rules:<group>``, which changes the rules fitted) is read when an answer is
    screened (``ablated_``), so a copy of the fitted screen with its own ``ablated_`` is the screen
    ``DisclosureScreener(ablate=names).fit()`` would be; a fit per case was most of the answer signals' tests'
    time. Were an ablation ever read at fit time, the copy would keep the part on and the tests that use this
    (each asserts that switching a part off changes an answer) would fail, not pass wrongly."""
    import copy

    def make(names):
        names = frozenset(names)
        assert not any(n.startswith("rules:") for n in names), "a rule group needs its own fit"
        s = copy.copy(screener)
        s.ablate, s.ablated_ = set(names), names
        return s

    return make
