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

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "DisclosureScreener",
    "Hit",
    "REASON_LABELS",
    "label_for",
    "ScreeningResult",
    "default_screener",
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


def screen_text(text: str) -> ScreeningResult:
    """Screen one answer for possible safeguarding disclosures."""
    return default_screener().screen(text)
