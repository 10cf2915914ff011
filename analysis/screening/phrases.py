"""Phrase checks of the answer-signal modules (``stated.py``, ``revealed.py``), over one module's word lists.

``_P``: phrase indexes by list name; ``_S``: word sets by list name; ``fillers``: the words allowed after a phrase
that must end its clause.
"""

from __future__ import annotations

from .coded import _clauses, _find_all, _hit, _norm, _sub_span
from .plain import _laughing


class PhraseChecks:
    def __init__(self, phrases: dict, words: dict, fillers: frozenset):
        self.phrases, self.words, self.fillers = phrases, words, fillers

    def quiet(self, words, text, not_key=None) -> bool:
        """A word of ``not_key`` in the answer, or the answer laughs."""
        return bool(not_key and set(words) & self.words[not_key]) or _laughing(text, words)

    def phrase(self, key, needs=None, not_key=None, end=False, after=None):
        """A check: a phrase of ``key``, a word of ``needs`` in the answer, none of ``not_key``; with ``end`` the
        phrase ends its clause (filler words, or words of ``after``, at most after it)."""
        def check(text: str, kind):
            words = _norm(text)
            if self.quiet(words, text, not_key) or (needs and not set(words) & self.words[needs]):
                return None
            if not end:
                found = _find_all(words, self.phrases[key])
                return _hit(text, words, *found[0]) if found else None
            fillers = self.fillers | (self.words[after] if after else frozenset())
            for start, _e, cl in _clauses(text):
                for a, b in _find_all(cl, self.phrases[key]):
                    if all(w in fillers for w in cl[b:]):
                        return (*_sub_span(text, start, cl, a, b), "")
            return None
        check.__doc__ = f"{key} (needs {needs}, not {not_key}, ending a clause: {end})"
        return check
