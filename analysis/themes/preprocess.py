"""spaCy preprocessing: tokens, lookup lemmas and stop words.

Uses ``spacy.blank(language)`` with the lookup lemmatizer tables from
``spacy-lookups-data``; no statistical model is needed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from sklearn.base import BaseEstimator, TransformerMixin

# Negations and "nothing"-like words decide what an answer means ("nothing",
# "did not answer", "never called back"), so they stay in.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
KEEP_WORDS = frozenset({"no", "not", "nothing", "none", "never", "everything", "nobody", "cannot"})
# Redaction placeholders ("[name]", "[school]", "[nhs-number]": analysis.redaction.redactor.PLACEHOLDERS) and
# masks ("XXXX", "xxx"): what was taken out, not what the answer says. They become phrase boundaries, so they
# are never a key term, part of a label, or a word that makes an answer a quote for a theme.
PLACEHOLDER = re.compile(r"\[[a-z][a-z-]*\]|\b([A-Za-z])\1{2,}\b")


def strip_placeholders(text: str) -> str:
    """``text`` with each redaction placeholder or mask replaced by a phrase boundary ("|")."""
    return PLACEHOLDER.sub(" | ", text)


class ProcessedText(NamedTuple):
    """One answer after preprocessing; the three tuples run in parallel."""

    text: str  # the answer as given
    surface: tuple[str, ...]  # lower-cased words as written
    lemmas: tuple[str, ...]
    is_stop: tuple[bool, ...]

    def content_lemmas(self) -> list[str]:
        return [lemma for lemma, stop in zip(self.lemmas, self.is_stop, strict=True) if not stop]


@lru_cache(maxsize=4)
def load_language(language: str, lemmatize: bool):
    """Load ``spacy.blank(language)`` and its lookup lemma table once per process.

    Returns ``(tokenizer, lemma_table, default_stop_words)``.
    """
    import spacy

    nlp = spacy.blank(language)
    table = {}
    if lemmatize:
        lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        table = lemmatizer.lookups.get_table("lemma_lookup")  # keyed by string hash; .get hashes
    return nlp.tokenizer, table, frozenset(nlp.Defaults.stop_words)


class SpacyPreprocessor(BaseEstimator, TransformerMixin):
    """Tokenise, lemmatise (lookup tables) and mark stop words.

    ``transform`` returns one :class:`ProcessedText` per input text. Each distinct
    text is processed once, so repeated answers cost nothing.

    Parameters
    ----------
    language : str
        Language code for ``spacy.blank``.
    lemmatize : bool
        Use lookup lemmas; when false the lemma is the lower-cased word.
    stop_words : iterable of str or None
        Stop words; ``None`` uses spaCy's list minus ``KEEP_WORDS``.
    extra_stop_words : iterable of str
        Added to the stop words (e.g. words of the question itself).
    """

    def __init__(self, language="en", lemmatize=True, stop_words=None, extra_stop_words=()):
        self.language = language
        self.lemmatize = lemmatize
        self.stop_words = stop_words
        self.extra_stop_words = extra_stop_words

    def fit(self, texts=None, y=None):
        tokenizer, table, default_stops = load_language(self.language, bool(self.lemmatize))
        if self.stop_words is None:
            stops = set(default_stops) - KEEP_WORDS
        else:
            stops = set(self.stop_words)
        self.stop_words_ = frozenset(w.lower() for w in (*stops, *self.extra_stop_words))
        self.tokenizer_ = tokenizer
        self.lemma_table_ = table
        return self

    def _lemma(self, word: str, cache: dict) -> str:
        lemma = cache.get(word)
        if lemma is None:
            lemma = self.lemma_table_.get(word, word).lower()
            if lemma == "-PRON-":
                lemma = word
            cache[word] = lemma
        return lemma

    def transform(self, texts):
        unique = list(dict.fromkeys(texts))
        cache: dict[str, str] = {}
        stops = self.stop_words_
        processed = {}
        words_of = [strip_placeholders(t) for t in unique]
        for text, doc in zip(unique, self.tokenizer_.pipe(words_of, batch_size=1000), strict=True):
            surface, lemmas, is_stop = [], [], []
            joined = False
            for token in doc:
                if token.text in HYPHENS and surface and surface[-1] != "|" and not token.whitespace_ \
                        and token.i > 0 and not doc[token.i - 1].whitespace_:
                    joined = True  # "multi-agency", "face-to-face": one word
                    continue
                if joined and token.is_alpha:
                    word = f"{surface[-1]}-{token.lower_}"
                    surface[-1], lemmas[-1] = word, word
                    is_stop[-1] = False
                    joined = False
                    continue
                joined = False
                if not any(ch.isalpha() for ch in token.text):
                    if surface and surface[-1] != "|":
                        surface.append("|")  # phrase boundary
                        lemmas.append("|")
                        is_stop.append(True)
                    continue
                word = token.lower_.replace("\u2019", "'")
                lemma = self._lemma(word, cache)
                surface.append(word)
                lemmas.append(lemma)
                is_stop.append(word in stops or lemma in stops or len(lemma) < 2)
            processed[text] = ProcessedText(text, tuple(surface), tuple(lemmas), tuple(is_stop))
        return [processed[t] for t in texts]
