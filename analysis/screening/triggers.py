"""Helpers the screen uses while fitting: trigger words of a pattern, the shipped pre-fitted net,
and the word sets its judge and checks share."""

from __future__ import annotations

from .frames import JOKE_WORDS
from .learned import LearnedNet
from .lexicon import SETS

_COMMON = frozenset({"me", "us", "i", "my", "the", "a", "to", "be", "have", "do", "not", "he",
                     "she", "they", "him", "her", "it", "and", "of", "in", "on", "at", "for",
                     "with", "you", "your", "our", "we", "them", "get", "go", "say", "tell"})


def _trigger_words(spec: list[dict]) -> set[str]:
    """Words of the most specific required token of a Matcher pattern."""
    best, best_key = set(), None
    for tok in spec:
        if "OP" in tok or "NORM" not in tok:
            continue
        words = set(tok["NORM"]["IN"]) if isinstance(tok["NORM"], dict) else {tok["NORM"]}
        key = (len(words & _COMMON) > 0, len(words))
        if best_key is None or key < best_key:
            best, best_key = words, key
    return best


def _load_artefact(threshold: float, judge: bool = False) -> LearnedNet | None:
    """The shipped pre-fitted net (``judge``: the judge of rule hits), or None when it is missing or no
    longer matches its sources."""
    from .build import ARTEFACT, JUDGE_ARTEFACT, sources_hash

    try:
        net, meta = LearnedNet.load(JUDGE_ARTEFACT if judge else ARTEFACT, threshold=threshold)
    except (OSError, ValueError, KeyError):
        return None
    return net if meta.get("sources_sha256") == sources_hash() else None


_FAMILY = frozenset(SETS["FAMILY"]) | {"mother", "father", "stepdad", "stepmum", "grandma", "granddad", "nana"}
_FIRST_PERSON = frozenset(SETS["FIRST"])

JUDGE = "judge"

_LAUGHTER = JOKE_WORDS | {"lmao", "haha", "hahaha", "jk"}

# "told me not to tell", "says not to": an instruction, not a denial.
_INSTRUCT = frozenset({"say", "tell", "ask", "warn", "want", "make", "beg"})
