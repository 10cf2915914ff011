"""The word lists the context rules read (``by_context.py``, ``venues_by_context.py``; stop 50): the judgement lists
of ``data/venue_words.txt``, each section with its reason, and the common given names of ``data/common_given.txt``
(built from names-dataset by ``build_names``)."""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from .names import _noun_index, english_words, names_after_cue
from .people import _words, ambiguous_names, fold, keep_proper, uk_places

_DIR = Path(__file__).parent / "data"


@cache
def section(name: str) -> frozenset[str]:
    """One section of ``data/venue_words.txt``."""
    return _words(_DIR / "venue_words.txt", name)


@lru_cache(maxsize=1)
def listed_given() -> frozenset[str]:
    """names-dataset's common given names as the file holds them (words and places too: "raja", "hope")."""
    return frozenset(line.strip() for line in (_DIR / "common_given.txt").read_text(encoding="utf8").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_given() -> frozenset[str]:
    """names-dataset's common given names less English words, places, brands, names that need context and names
    the other lists already hold."""
    return listed_given() - english_words() - uk_places() - keep_proper() - ambiguous_names() - _noun_index() \
        - names_after_cue() - section("brands and products")


def strange(word: str, vocab: frozenset[str]) -> bool:
    """A word that is no English word, no noun, no place and no kept proper name."""
    w = fold(word)
    return w not in vocab and w not in _noun_index() and w not in uk_places() and w not in keep_proper()


@lru_cache(maxsize=1)
def cued_or_common() -> frozenset[str]:
    """Every name a cue makes a name, and the common given names: one set, built once."""
    return names_after_cue() | common_given()


@lru_cache(maxsize=1)
def cued_or_listed() -> frozenset[str]:
    """Every name a cue makes a name, and names-dataset's given names as listed: one set, built once."""
    return names_after_cue() | listed_given()
