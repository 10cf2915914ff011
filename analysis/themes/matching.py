"""Match this year's themes to last year's, for year-on-year comparison."""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from .nonanswers import normalise
from .results import ThemeMatch, ThemeMatching, ThemeResult


def _profile(theme) -> dict[str, float]:
    """Weighted bag of words describing a theme: terms, label and quotes."""
    bag: dict[str, float] = {}
    weights = theme.term_weights or tuple(1.0 / (i + 1) for i in range(len(theme.terms)))
    top = max(weights, default=1.0) or 1.0
    for term, w in zip(theme.terms, weights, strict=False):  # stored weights may be fewer
        for word in normalise(term).split():
            bag[word] = bag.get(word, 0.0) + w / top
    for word in normalise(theme.label).split():
        bag[word] = bag.get(word, 0.0) + 0.5
    for quote in theme.quotes:
        for word in set(normalise(quote).split()):
            bag[word] = bag.get(word, 0.0) + 0.05
    return bag


def theme_similarity(a, b) -> float:
    pa, pb = _profile(a), _profile(b)
    dot = sum(v * pb.get(k, 0.0) for k, v in pa.items())
    norm = np.sqrt(sum(v * v for v in pa.values()) * sum(v * v for v in pb.values()))
    return float(dot / norm) if norm else 0.0


def match_themes(previous: ThemeResult, current: ThemeResult, min_similarity: float = 0.3) -> ThemeMatching:
    """Pair current themes with previous ones (one-to-one, best total similarity).

    Themes are compared by their weighted terms, labels and quotes, so results
    from different runs (and backends) can be compared. Pairs below
    ``min_similarity`` are not matches: the current theme is new and the
    previous one vanished. "Other answers" is not a theme to match: it keeps
    the previous run's "Other answers" id (or takes the next free one). The returned ``current`` keeps previous ids for
    continuing themes and numbers new themes after the largest previous id.
    """
    prev = tuple(t for t in previous.themes if not t.other)
    cur = tuple(t for t in current.themes if not t.other)
    sims = np.array([[theme_similarity(p, c) for c in cur] for p in prev]).reshape(len(prev), len(cur))
    rows, cols = linear_sum_assignment(-sims) if sims.size else ((), ())
    matches = [
        ThemeMatch(prev[r].id, cur[c].id, round(float(sims[r, c]), 4), prev[r].label, cur[c].label)
        for r, c in zip(rows, cols, strict=True)
        if sims[r, c] >= min_similarity
    ]
    mapping = {m.current_id: m.previous_id for m in matches}
    next_id = max((t.id for t in previous.themes), default=-1) + 1
    new = [t for t in cur if t.id not in mapping]
    for theme in new:
        mapping[theme.id] = next_id
        next_id += 1
    if current.other is not None:  # "Other answers" continues "Other answers"
        mapping[current.other.id] = previous.other.id if previous.other is not None else next_id
    renumbered = current.renumbered(mapping)
    matched_prev = {m.previous_id for m in matches}
    return ThemeMatching(
        matches=tuple(sorted(matches, key=lambda m: m.previous_id)),
        new=tuple(renumbered.theme(mapping[t.id]) for t in new),
        vanished=tuple(t for t in prev if t.id not in matched_prev),
        current=renumbered,
    )
