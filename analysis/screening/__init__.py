"""Transparent, rule-based safeguarding screen for free-text answers.

>>> from analysis.screening import screen_text
>>> screen_text("my dad hits me when hes drunk").categories
('physical_abuse',)

Every hit names its category and quotes the words that triggered it, so a
reviewer can see why an answer was flagged.  The screen is tuned for recall:
missing a disclosure is far worse than a false alarm.
"""

from __future__ import annotations

import threading

from .categories import CATEGORIES, CATEGORY_LABELS, REASON_LABELS, label_for
from .engine import DisclosureScreener, Hit, ScreeningResult
from .questions import QUESTION_KINDS, question_kind

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "DisclosureScreener",
    "Hit",
    "QUESTION_KINDS",
    "REASON_LABELS",
    "label_for",
    "ScreeningResult",
    "default_screener",
    "question_kind",
    "screen_text",
]

_default: DisclosureScreener | None = None
_lock = threading.Lock()


def default_screener() -> DisclosureScreener:
    """The shared, lazily fitted screener used by :func:`screen_text`."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = DisclosureScreener().fit()
    return _default


def screen_text(text: str, question: str | None = None, question_kind: str | None = None) -> ScreeningResult:
    """Screen one answer for possible safeguarding disclosures.

    ``question`` (the question's English text) or ``question_kind`` (declared on the survey
    question, one of :data:`QUESTION_KINDS`) lets the screen read the answer beside its question:
    "my dad" answering "Who would you tell?" is an answer, not a disclosure.
    """
    return default_screener().screen(text, question=question, question_kind=question_kind)
