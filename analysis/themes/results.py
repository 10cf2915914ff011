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
    # Answers whose main theme is another one but that also belong to this one.
    secondary_size: int = 0
    # The "Other answers" group: answers that fit no theme well.
    other: bool = False

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "terms": list(self.terms),
            "size": self.size,
            "quotes": list(self.quotes),
            "secondary_size": self.secondary_size,
            "other": self.other,
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

    ``assignments[i]`` is the id of the main theme of answer ``i`` (the "Other
    answers" theme if it fits none well), or ``None`` for a non-answer.
    ``secondary[i]`` holds the ids of the other themes answer ``i`` also
    belongs to (empty when there are none, or for results made without them).
    """

    themes: tuple[Theme, ...]
    assignments: tuple[int | None, ...]
    non_answers: int
    k_selection: KSelection
    timings: dict[str, float] = field(default_factory=dict)
    secondary: tuple[tuple[int, ...], ...] = ()

    @property
    def other(self) -> Theme | None:
        return next((t for t in self.themes if t.other), None)

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
        secondary = tuple(tuple(mapping.get(s, s) for s in ss) for ss in self.secondary)
        return replace(self, themes=themes, assignments=assignments, secondary=secondary)

    def to_dict(self) -> dict:
        return {
            "themes": [t.to_dict() for t in self.themes],
            "assignments": list(self.assignments),
            "non_answers": self.non_answers,
            "k_chosen": self.k_chosen,
            "k_selection": self.k_selection.to_dict(),
            "timings": dict(self.timings),
            "secondary": [list(s) for s in self.secondary],
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
