"""Starting a run from a reviewed codebook: last year's themes as people left them.

When the QPP has renamed, merged, moved answers and excluded themes, the next
run on new answers should not start again from nothing. A :class:`Codebook`
holds the reviewed themes (their names and the answers now in each);
:class:`CodebookClassifier` learns them (logistic regression in the run's own
vector space) and assigns the new answers it is sure of to those themes. Only
the rest are clustered into new themes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize


@dataclass(frozen=True)
class ReviewedTheme:
    """One reviewed theme: its name now, the answers now in it, and its id in the earlier run."""

    label: str
    answers: tuple[str, ...]
    previous_id: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "answers", tuple(a for a in self.answers if a and a.strip()))


@dataclass(frozen=True)
class Codebook:
    """The reviewed themes to start from (excluded themes and "Other answers" left out by the caller)."""

    themes: tuple[ReviewedTheme, ...]

    @classmethod
    def from_pairs(cls, pairs):
        """``[(label, answers)]`` or ``[(label, answers, previous_id)]``."""
        return cls(tuple(ReviewedTheme(p[0], tuple(p[1]), p[2] if len(p) > 2 else None) for p in pairs))

    def usable(self, min_answers=2):
        return tuple(t for t in self.themes if len(t.answers) >= min_answers)


class CodebookClassifier(BaseEstimator):
    """Assign answers to reviewed themes when the classifier is sure and the answer fits the theme.

    ``fit(Z, y)`` takes the vectors of the reviewed answers and their theme
    index. ``predict(Z)`` gives a theme index, or ``-1`` when the highest
    probability is under ``min_probability`` or the answer's cosine to the
    theme's centre is under the theme's floor (the mean cosine of its reviewed
    answers less ``floor_z`` standard deviations).
    """

    def __init__(self, min_probability=0.5, floor_z=1.5, C=4.0, random_state=0):
        self.min_probability = min_probability
        self.floor_z = floor_z
        self.C = C
        self.random_state = random_state

    def fit(self, Z, y):
        Z = normalize(np.asarray(Z, dtype=np.float32))
        y = np.asarray(y)
        self.classes_ = np.unique(y)
        k = int(y.max()) + 1 if len(y) else 0
        self.centres_ = np.zeros((k, Z.shape[1]), dtype=np.float32)
        self.floors_ = np.full(k, np.inf)
        for c in self.classes_:
            members = Z[y == c]
            centre = normalize(members.mean(axis=0, keepdims=True))[0]
            sims = members @ centre
            self.centres_[c] = centre
            self.floors_[c] = sims.mean() - self.floor_z * sims.std()
        self.model_ = None
        if len(self.classes_) > 1:
            self.model_ = LogisticRegression(C=self.C, max_iter=500, class_weight="balanced",
                                             random_state=self.random_state).fit(Z, y)
        return self

    def predict(self, Z):
        Z = normalize(np.asarray(Z, dtype=np.float32))
        if not len(Z) or not len(self.classes_):
            return np.full(len(Z), -1, dtype=int)
        if self.model_ is None:
            best = np.full(len(Z), self.classes_[0])
            prob = np.ones(len(Z))
        else:
            proba = self.model_.predict_proba(Z)
            best = self.model_.classes_[np.argmax(proba, axis=1)]
            prob = proba.max(axis=1)
        fit_ok = np.einsum("ij,ij->i", Z, self.centres_[best]) >= self.floors_[best]
        return np.where((prob >= self.min_probability) & fit_ok, best, -1).astype(int)
