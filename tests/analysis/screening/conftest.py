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
