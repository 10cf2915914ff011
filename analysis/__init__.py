"""Plain analysis library: theme clustering and safeguarding screening.

Never imports Flask, SQLAlchemy or feedback_app.  The theme names below are
imported from :mod:`analysis.themes` on first use, so that a process that only
screens (``python -m analysis screen``, a worker) does not load scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .themes import GuidedTheme, ThemePipeline, ThemeResult, find_themes, match_themes

__all__ = ["GuidedTheme", "ThemePipeline", "ThemeResult", "find_themes", "match_themes"]


def __getattr__(name: str):
    if name in __all__:
        value = getattr(importlib.import_module(".themes", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
