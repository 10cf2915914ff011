"""Guided themes: named themes with seed phrases that steer clustering."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.preprocessing import normalize


@dataclass(frozen=True)
class GuidedTheme:
    """A theme the partnership expects, e.g. one of its priority areas."""

    name: str
    seeds: tuple[str, ...]

    def __post_init__(self):
        if not self.name or not self.seeds:
            raise ValueError("a guided theme needs a name and at least one seed phrase")
        object.__setattr__(self, "seeds", tuple(self.seeds))


def as_guided_themes(guided) -> tuple[GuidedTheme, ...]:
    """Accept GuidedTheme objects, ``{name: [seeds]}`` or ``[(name, [seeds])]``."""
    if guided is None:
        return ()
    items = guided.items() if isinstance(guided, dict) else guided
    out = []
    for item in items:
        if isinstance(item, GuidedTheme):
            out.append(item)
        else:
            name, seeds = item
            out.append(GuidedTheme(name, (seeds,) if isinstance(seeds, str) else tuple(seeds)))
    return tuple(out)


def guided_centres(themes, embed) -> np.ndarray:
    """One unit-length centre per theme: the mean of its embedded seed phrases.

    ``embed`` maps a list of strings to vectors in the clustering space.
    """
    centres = [normalize(np.asarray(embed(list(t.seeds)), dtype=float)).mean(axis=0) for t in themes]
    return normalize(np.vstack(centres)) if centres else np.zeros((0, 0))
