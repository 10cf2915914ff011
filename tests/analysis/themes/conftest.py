import csv
from pathlib import Path

import pytest

from analysis.themes.preprocess import SpacyPreprocessor, load_language

DATA = Path(__file__).parent / "data"


def read_corpus(name):
    with open(DATA / name, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return [r["answer"] for r in rows], [r["theme"] for r in rows]


@pytest.fixture(scope="session")
def spacy_loaded():
    """Load spaCy and the lookup tables once; later fits reuse them."""
    load_language("en", True)


@pytest.fixture(scope="session")
def corpus():
    return read_corpus("barriers.csv")


@pytest.fixture(scope="session")
def next_year():
    return read_corpus("barriers_next_year.csv")


@pytest.fixture(scope="session")
def preprocessor(spacy_loaded):
    return SpacyPreprocessor().fit()


@pytest.fixture(scope="session")
def corpus_result(corpus, spacy_loaded):
    from analysis import find_themes

    return find_themes(corpus[0], k=5, seed=0)
