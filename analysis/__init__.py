"""Plain analysis library: theme clustering and safeguarding screening.

Never imports Flask, SQLAlchemy or feedback_app.
"""

from .themes import GuidedTheme, ThemePipeline, ThemeResult, find_themes, match_themes

__all__ = ["GuidedTheme", "ThemePipeline", "ThemeResult", "find_themes", "match_themes"]
