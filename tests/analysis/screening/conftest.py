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
