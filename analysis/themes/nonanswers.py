"""Detect non-answers such as "nothing", "n/a", "no comment" or "-"."""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

DEFAULT_NON_ANSWERS = (
    "nothing", "none", "no", "nope", "na", "n a", "nil", "null", "nothing to add",
    "nothing to say", "nothing to report", "nothing else", "no comment", "no comments",
    "no further comments", "no further comment", "did not answer", "didnt answer",
    "not answered", "not applicable", "no answer", "all good", "all ok", "all okay",
    "all fine", "all fine thanks", "not sure", "unsure", "dont know", "do not know",
    "don t know", "no idea", "not really", "no not really", "nothing really",
    "nothing at all", "absolutely nothing", "not a thing", "no nothing", "nothing comes to mind",
    "nothing springs to mind", "cant think of anything", "can t think of anything",
    "i cant think of anything", "i can t think of anything", "cannot think of anything",
    "nothing i can think of", "same as above", "as above", "see above", "ok", "okay",
    "fine", "yes", "x", "test",
)

# Words that carry no content on their own; a short answer made only of these
# (for example "no, nothing really, thanks") is a non-answer.
FILLER_WORDS = frozenset(
    "no nope none nothing nil na n a not really at all thanks thank you comment comments "
    "further to add say applicable answer sure unsure idea know dont don t i can cant "
    "cannot think of anything else as above see same really ok okay just".split()
)

_NON_WORD = re.compile(r"[^\w]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def normalise(text: str) -> str:
    """Lower-case ``text`` and reduce punctuation to single spaces."""
    text = str(text).translate(_QUOTES).lower().replace("'", "")
    return _NON_WORD.sub(" ", text).replace("_", " ").strip()


class NonAnswerFilter(BaseEstimator, TransformerMixin):
    """Flag non-answers.

    ``transform`` returns a boolean array, ``True`` for a non-answer: an empty or
    punctuation-only answer, one shorter than ``min_chars`` letters, one that is a
    listed phrase, or one of at most ``max_filler_words`` words all from the
    filler list.

    Parameters
    ----------
    phrases : iterable of str or None
        Non-answer phrases; ``None`` uses ``DEFAULT_NON_ANSWERS``.
    extra_phrases : iterable of str
        Added to ``phrases`` (for example survey-specific answers).
    min_chars : int
        Answers with fewer letters or digits than this are non-answers.
    max_filler_words : int
        Longest answer that can be a non-answer by being only filler words.
    """

    def __init__(self, phrases=None, extra_phrases=(), min_chars=2, max_filler_words=6):
        self.phrases = phrases
        self.extra_phrases = extra_phrases
        self.min_chars = min_chars
        self.max_filler_words = max_filler_words

    def fit(self, texts=None, y=None):
        phrases = DEFAULT_NON_ANSWERS if self.phrases is None else self.phrases
        self.phrases_ = frozenset(normalise(p) for p in (*phrases, *self.extra_phrases))
        return self

    def is_non_answer(self, text) -> bool:
        if text is None:
            return True
        norm = normalise(text)
        if sum(ch.isalnum() for ch in norm) < self.min_chars:
            return True
        if norm in self.phrases_:
            return True
        words = norm.split()
        return len(words) <= self.max_filler_words and all(w in FILLER_WORDS for w in words)

    def transform(self, texts):
        return np.fromiter((self.is_non_answer(t) for t in texts), dtype=bool, count=len(texts))
