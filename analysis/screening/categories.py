"""Stable category identifiers and their human-readable labels."""

from __future__ import annotations

CATEGORY_LABELS: dict[str, str] = {
    "physical_abuse": "Physical abuse",
    "sexual_abuse": "Sexual abuse",
    "emotional_abuse": "Emotional abuse",
    "neglect": "Neglect",
    "domestic_abuse": "Domestic abuse at home",
    "self_harm_suicide": "Self-harm and suicidal thoughts",
    "sexual_exploitation_grooming": "Sexual exploitation and online grooming",
    "criminal_exploitation": "Criminal exploitation (county lines, gangs)",
    "missing_homeless": "Going missing and homelessness",
    "forced_marriage_fgm_honour": "Forced marriage, FGM and so-called honour-based abuse",
    "bullying": "Serious bullying",
    "secrets_adult": "Told by an adult to keep secrets",
    # A plea with no topic ("please help me", "i need someone to talk to"): a DSL must read it, and no other
    # category fits (the plain-words answer signals, plain.py; issue 17, eighth blind writer).
    "plea_for_help": "Asks for help (no topic named)",
    # Drawn into an extremist cause ("a man online keeps sending me videos saying we need to fight them"): a Prevent
    # concern a DSL refers on its own route; it was reported as criminal exploitation until the screen9 round.
    "radicalisation": "Radicalisation and extremism",
}

CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)

# Reasons an answer reaches a person without a category: the screen cannot read its language.
REASON_LABELS: dict[str, str] = {
    "not_screened:ur": "Not screened: written in Urdu",
    "not_screened:cy": "Not screened: written in Welsh",
}


def label_for(category: str) -> str:
    """The label of a category or of a reason (``not_screened:<language>``)."""
    if category in CATEGORY_LABELS:
        return CATEGORY_LABELS[category]
    if category in REASON_LABELS:
        return REASON_LABELS[category]
    if category.startswith("not_screened:"):
        return f"Not screened: written in {category.split(':', 1)[1]}"
    return category
