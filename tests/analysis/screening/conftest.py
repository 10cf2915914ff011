import pytest

from analysis.screening import default_screener


@pytest.fixture(scope="session")
def screener():
    """The shared default screener: spaCy is loaded once per test session."""
    return default_screener()
