"""What the screen returns: a result with the hits behind it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hit:
    """One rule match: category, the words as written and their offsets."""
    category: str
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class ScreeningResult:
    flagged: bool
    categories: tuple[str, ...]
    hits: tuple[Hit, ...]

    def to_dict(self) -> dict:
        return {"flagged": self.flagged, "categories": list(self.categories),
                "evidence": [h.evidence for h in self.hits]}
