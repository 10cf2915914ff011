"""Themes in free-text answers: a scikit-learn style pipeline of swappable steps."""

from .cluster import KMeansClusterer
from .codebook import Codebook, ReviewedTheme
from .guided import GuidedTheme
from .label import PhraseLabeller
from .matching import match_themes
from .nonanswers import NonAnswerFilter
from .pipeline import ThemePipeline, find_themes
from .preprocess import SpacyPreprocessor
from .quotes import QuoteSelector
from .reduce import NoReduction, SVDReduction
from .results import KSelection, Theme, ThemeMatch, ThemeMatching, ThemeResult
from .vectorize import LemmaTfidfVectorizer

__all__ = [
    "Codebook", "GuidedTheme", "KMeansClusterer", "ReviewedTheme", "KSelection", "LemmaTfidfVectorizer", "NoReduction",
    "NonAnswerFilter", "PhraseLabeller", "QuoteSelector", "SVDReduction", "SpacyPreprocessor",
    "Theme", "ThemeMatch", "ThemeMatching", "ThemePipeline", "ThemeResult", "find_themes",
    "match_themes",
]
