"""Noun phrases without a tagger: a word-class lexicon and a small chunk grammar.

``spacy.blank`` has no part-of-speech tagger, so noun chunks are found with the
word lists that ``spacy-lookups-data`` already ships for the lookup lemmatizer
(``lemma_index``: which lemmas are nouns, verbs, adjectives, adverbs). A chunk is
a run of modifiers ending on a noun, optionally joined to a second one by a
preposition ("waiting times for appointments", "unsafe bus stops at night").
Stop words, verbs and adverbs end a chunk, as does punctuation, so a chunk never
crosses a clause.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

BOUNDARY = "|"
# Prepositions that may join two noun groups inside one phrase.
LINKS = frozenset({"of", "for", "at", "on", "in", "with", "about", "between", "from", "to"})
# Words that never end a phrase or make one on their own.
NOT_HEADS = frozenset({
    "not", "no", "never", "nothing", "none", "nobody", "everything", "everyone", "anything", "something",
    "thing", "things", "lot", "lots", "bit", "way", "ways", "kind", "sort", "really", "very", "much", "many",
    "good", "great", "bad", "well", "better", "best", "nice", "ok", "okay", "yes", "thank", "thanks", "please",
    "able", "sure", "fine", "overall", "also", "just", "still", "even", "always", "sometimes", "etc",
})
# Common verbs that the noun list also holds ("in the know", "a good read"): taken as verbs.
VERBS = frozenset(
    "know add go get make take come see say feel want like look give tell ask put keep let seem try call ring "
    "hang use find leave think do be have mean show turn move live work play talk speak answer phone text".split())
# After one of these a word that can be a verb is one ("I needed help", "they looked after me", "we waited
# weeks"): it ends a phrase rather than modifying the next noun.
SUBJECTS = frozenset({"i", "we", "they", "he", "she", "you", "who", "staff", "nurses", "doctors", "everyone"})
# Before one of these a word that can be a verb is one too ("explained everything", "sorted nothing").
OBJECTS = frozenset({"everything", "nothing", "anything", "something", "everyone", "anyone", "someone"})
# Words that never start a phrase.
NOT_STARTS = NOT_HEADS - {"good", "great", "bad", "better", "best", "nice", "kind"} | frozenset({"own"})


@lru_cache(maxsize=2)
def word_classes(language: str = "en") -> dict[str, frozenset[str]]:
    """``{lemma: {"noun", "verb", "adj", "adv"}}`` from spaCy's lookup data (empty if absent)."""
    try:
        import spacy_lookups_data
    except ImportError:
        return {}
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{language}_lemma_index.json.gz"
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        index = json.load(f)
    classes: dict[str, set[str]] = {}
    for pos, words in index.items():
        for word in words:
            classes.setdefault(word.lower(), set()).add(pos)
    return {w: frozenset(p) for w, p in classes.items()}


def token_class(surface: str, lemma: str, is_stop: bool, classes) -> str:
    """``"N"`` (can head a noun phrase), ``"A"`` (modifier only), ``"L"`` (link) or ``"B"`` (boundary)."""
    if surface == BOUNDARY:
        return "B"
    if surface in LINKS:
        return "L"
    if is_stop or not surface.isalpha() and "'" not in surface and "-" not in surface:
        return "B"
    if len(set(surface)) == 1:
        return "B"  # "xxxx", "zzz": redaction marks and keyboard noise
    pos = classes.get(lemma) or classes.get(surface)
    if lemma in VERBS:
        return "A" if surface.endswith(("ed", "ing")) else "B"
    if surface.endswith("ing") and "noun" in classes.get(surface, ()):
        return "N"  # "training", "parking", "waiting"
    if pos and "verb" in pos and surface != lemma and not surface.endswith("s"):
        return "A" if surface.endswith(("ed", "ing")) else "B"  # "closed clubs", "waiting times"; "rang"
    if not pos:
        return "N"  # names, brands, misspellings: treated as nouns
    if "noun" in pos:
        if surface.endswith("ly") and ("adv" in pos or "adj" in pos):
            return "A" if "adj" in pos else "B"  # "friendly", "lovely" modify; "really" does not
        return "N"
    if "adj" in pos:
        return "A"
    return "B"  # verbs and adverbs


def _may_be_verb(surface: str, lemma: str, classes) -> bool:
    return lemma in VERBS or "verb" in classes.get(lemma, ()) or surface.endswith("ed")


def chunks(doc, classes, max_words: int = 6):
    """Yield ``(lemma key, surface text)`` for the noun phrases of one :class:`ProcessedText`.

    Phrases are 1 to ``max_words`` words: modifiers then a noun, optionally a
    link word and a second such group. Keys are lemma tuples, so "waiting
    list" and "waiting lists" count as one phrase.
    """
    kinds = [token_class(s, m, st, classes) for s, m, st in zip(doc.surface, doc.lemmas, doc.is_stop, strict=True)]
    for i in range(len(kinds)):
        if kinds[i] == "A" and _may_be_verb(doc.surface[i], doc.lemmas[i], classes) and (
                i and doc.surface[i - 1] in SUBJECTS or i + 1 < len(kinds) and doc.surface[i + 1] in OBJECTS):
            kinds[i] = "B"
    n = len(kinds)
    for i in range(n):
        if kinds[i] not in "NA" or doc.surface[i] in NOT_STARTS:
            continue
        links = 0
        for j in range(i, min(n, i + max_words)):
            kind = kinds[j]
            if kind == "B":
                break
            if kind == "L":
                if links or j == i or kinds[j - 1] != "N":
                    break
                links += 1
                continue
            if kind == "N" and doc.surface[j] not in NOT_HEADS:
                yield tuple(doc.lemmas[i:j + 1]), " ".join(doc.surface[i:j + 1])
