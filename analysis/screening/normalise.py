"""Token normalisation: lower case, text speak, lemma and fuzzy spelling.

The normalised form is written to ``token.norm_`` so that spaCy
``Matcher`` patterns on ``NORM`` see ``"ma da hittin me"`` and
``"my dad hits me"`` the same way, while the character offsets (and so the
evidence quoted back) stay those of the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .lexicon import SLANG

_REPEAT3 = re.compile(r"(.)\1{2,}")
_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def _within2(a: str, b: str, a_chars: set[str]) -> int:
    """Optimal string alignment distance of ``a`` and ``b`` capped at 3 (3 = "more than 2").

    ``a_chars`` is ``set(a)``.  An edit adds or removes at most one distinct letter, so
    two words with three letters not in the other are more than 2 apart; otherwise the
    table is filled only where ``|i - j| <= 2`` (the other cells are at least 3).
    """
    la, lb = len(a), len(b)
    if abs(la - lb) > 2:
        return 3
    b_chars = set(b)
    if len(a_chars - b_chars) > 2 or len(b_chars - a_chars) > 2:
        return 3
    prev2: list[int] = []
    prev = [min(j, 3) for j in range(lb + 1)]
    for i in range(1, la + 1):
        cur = [3] * (lb + 1)
        best = 3
        if i <= 2:
            cur[0] = best = i
        ai = a[i - 1]
        for j in range(max(1, i - 2), min(lb, i + 2) + 1):
            bj = b[j - 1]
            v = prev[j - 1] + (ai != bj)
            if prev[j] + 1 < v:
                v = prev[j] + 1
            if cur[j - 1] + 1 < v:
                v = cur[j - 1] + 1
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and prev2[j - 2] + 1 < v:
                v = prev2[j - 2] + 1
            cur[j] = v if v < 3 else 3
            if v < best:
                best = v
        if best >= 3:
            return 3
        prev2, prev = prev, cur
    return prev[lb]


def _within1(a: str, b: str) -> int:
    """Optimal string alignment distance capped at 2 (2 = "more than 1"), without a table."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return 2
    if la < lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    if la != lb:  # one letter more in a
        return 1 if a[i + 1:] == b[i:] else 2
    if a[i + 1:] == b[i + 1:]:  # one letter changed
        return 1
    if i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]:  # two swapped
        return 1
    return 2


class Normaliser:
    """Maps a surface word to the form used by the rules.

    ``lemma_table`` is spaCy's English lookup table (inflected -> lemma);
    ``known`` is the set of ordinary English words that must never be
    "corrected"; ``targets`` are the rule words a misspelling may be
    corrected towards.
    """

    def __init__(self, lemma_table, known: Iterable[str], fuzzy: bool = True):
        self._table = lemma_table
        self._known = set(known)
        # Correction targets by (first letter, length), each list sorted.
        self._targets: dict[tuple[str, int], list[str]] = {}
        self.fuzzy = fuzzy
        # Per-instance cache (a decorator on the method would keep instances alive).
        self.norm = lru_cache(maxsize=50000)(self._norm)

    def set_targets(self, words: Iterable[str]) -> None:
        self._targets = {}
        for w in sorted(set(words)):
            if w.isalpha() and len(w) >= 4:
                self._targets.setdefault((w[0], len(w)), []).append(w)
        self.norm.cache_clear()

    def lemma(self, word: str) -> str:
        return self._table.get(word, word)

    def is_known(self, word: str) -> bool:
        return word in self._known or word in self._table or word in SLANG

    def _norm(self, text: str) -> str:
        w = text.lower().translate(_APOS)
        if w in SLANG:
            return self.lemma(SLANG[w])
        if not w.isalpha():
            stripped = w.replace("'", "")
            if stripped in SLANG:
                return self.lemma(SLANG[stripped])
            return w
        if not self.is_known(w):
            w2 = _REPEAT3.sub(r"\1\1", w)
            for cand in (w2, _REPEAT3.sub(r"\1", w)):
                if cand in SLANG:
                    return self.lemma(SLANG[cand])
                if self.is_known(cand):
                    return self.lemma(cand)
            w = w2
            if w.endswith("in") and self.is_known(w + "g"):  # hittin -> hitting
                return self.lemma(w + "g")
            if self.fuzzy:
                fixed = self._fuzzy(w)
                if fixed:
                    return fixed
        return self.lemma(w)

    def _fuzzy(self, w: str) -> str | None:
        """The closest target (same first letter, 1 edit, 2 from 8 letters), then the longest
        shared beginning, then the first in alphabetical order; None when there is none."""
        if len(w) < 5:
            return None
        limit = 1 if len(w) < 8 else 2
        best, best_key = None, (limit + 1, 0, "")
        chars = set(w)
        for n in range(len(w) - limit, len(w) + limit + 1):
            for cand in self._targets.get((w[0], n), ()):
                d = _within1(w, cand) if limit == 1 else _within2(w, cand, chars)
                if d > limit:
                    continue
                prefix = 0
                for x, y in zip(w, cand, strict=False):
                    if x != y:
                        break
                    prefix += 1
                key = (d, -prefix, cand)   # closer first, then longer shared beginning
                if key < best_key:
                    best, best_key = cand, key
        return self.lemma(best) if best else None
