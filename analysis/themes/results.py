"""Frozen dataclasses returned by the theme pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace


@dataclass(frozen=True)
class Theme:
    """One theme: a readable label, its distinctive terms, size and quotes."""

    id: int
    label: str
    terms: tuple[str, ...]
    size: int
    quotes: tuple[str, ...]
    term_weights: tuple[float, ...] = ()
    guided: bool = False

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "terms": list(self.terms),
            "size": self.size,
            "quotes": list(self.quotes),
        }


@dataclass(frozen=True)
class KSelection:
    """How the number of themes was chosen, and the evidence for it."""

    k_chosen: int
    method: str
    candidates: tuple[int, ...] = ()
    scores: tuple[float, ...] = ()

    def to_dict(self) -> dict:
        return asdict(self) | {"candidates": list(self.candidates), "scores": list(self.scores)}


@dataclass(frozen=True)
class ThemeResult:
    """Themes found in a list of answers, with one assignment per answer.

    ``assignments[i]`` is the id of the theme of answer ``i``, or ``None`` for a
    non-answer or an answer that could not be placed.
    """

    themes: tuple[Theme, ...]
    assignments: tuple[int | None, ...]
    non_answers: int
    k_selection: KSelection
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def k_chosen(self) -> int:
        return self.k_selection.k_chosen

    def theme(self, theme_id: int) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def renumbered(self, mapping: dict[int, int]) -> ThemeResult:
        """Return a copy whose theme ids are replaced through ``mapping``."""
        themes = tuple(replace(t, id=mapping.get(t.id, t.id)) for t in self.themes)
        assignments = tuple(None if a is None else mapping.get(a, a) for a in self.assignments)
        return replace(self, themes=themes, assignments=assignments)

    def to_dict(self) -> dict:
        return {
            "themes": [t.to_dict() for t in self.themes],
            "assignments": list(self.assignments),
            "non_answers": self.non_answers,
            "k_chosen": self.k_chosen,
            "k_selection": self.k_selection.to_dict(),
            "timings": dict(self.timings),
        }


@dataclass(frozen=True)
class ThemeMatch:
    """A theme of the current run that continues a theme of the previous run."""

    previous_id: int
    current_id: int
    similarity: float
    previous_label: str
    current_label: str


@dataclass(frozen=True)
class ThemeMatching:
    """Year-on-year matching of themes.

    ``current`` is the current result renumbered so that continuing themes keep
    the previous id and new themes get ids after the previous ones.
    """

    matches: tuple[ThemeMatch, ...]
    new: tuple[Theme, ...]
    vanished: tuple[Theme, ...]
    current: ThemeResult
