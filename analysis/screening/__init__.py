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
from typing import TYPE_CHECKING

from .categories import CATEGORIES, CATEGORY_LABELS, REASON_LABELS, label_for
from .questions import QUESTION_KINDS, question_kind

if TYPE_CHECKING:
    from .engine import DisclosureScreener, Hit, ScreeningResult

# The engine (spaCy, and through it thinc and torch: about 2.5 s of a process's start) is imported when first
# used, so a process that only reads the categories or question kinds (the web app's start, a CLI command, a
# gunicorn worker before its first answer) does not pay for it.
_ENGINE_NAMES = frozenset({"DisclosureScreener", "Hit", "ScreeningResult"})


def __getattr__(name: str):
    if name in _ENGINE_NAMES:
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

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
                from .engine import DisclosureScreener

                _default = DisclosureScreener().fit()
    return _default


def screen_text(text: str, question: str | None = None, question_kind: str | None = None) -> ScreeningResult:
    """Screen one answer for possible safeguarding disclosures.

    ``question`` (the question's English text) or ``question_kind`` (declared on the survey
    question, one of :data:`QUESTION_KINDS`) lets the screen read the answer beside its question:
    "my dad" answering "Who would you tell?" is an answer, not a disclosure.
    """
    return default_screener().screen(text, question=question, question_kind=question_kind)
