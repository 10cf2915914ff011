"""Advice while writing: reading ease for young people, length, and leading or double-barrelled questions.

The rules are data, each with the reason it is there. Advice never stops a survey going live.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from flask_babel import lazy_gettext as _l

from feedback_app.services.builder.editing import english

# The reading ease the tests ask of the young people's surveys in surveys/ (Flesch, 70 = fairly easy).
MIN_READING_EASE = 70
# Short enough to read on a phone without scrolling (GOV.UK asks for questions people can take in at once).
MAX_QUESTION = 120
MAX_HINT = 250
MAX_OPTION = 80


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    message: object
    reason: str


LEADING = (
    Rule("agree_tag", re.compile(r"\b(don't|do not|wouldn't|would not|isn't|is not) you (think|agree)\b", re.I),
         _l("This question may lead people to an answer: ask it neutrally."),
         "A negative tag question ('Don't you think...') presumes the answer."),
    Rule("presumed_quality", re.compile(
        r"^how (good|great|helpful|useful|excellent|brilliant|much did you (like|enjoy))\b", re.I),
        _l("This question may lead people to an answer: ask it neutrally."),
        "'How good was...' presumes it was good; 'How good or bad was...' does not (see the look-alike test)."),
)
DOUBLE_BARRELLED = (
    Rule("two_questions", re.compile(
        r"\band (do|does|did|are|is|was|were|have|has|how|what|why|would|could|can|should|will) "
        r"(you|your|they|it|the|we|i)\b", re.I),
        _l("This may ask two things at once ('and' joins two questions): split it into two questions."),
        "'...and do you...' starts a second question, which one answer cannot give."),
    Rule("two_qualities", re.compile(
        r"\b(useful|clear|helpful|safe|happy|easy|interesting|enjoyable|relevant|friendly|quick|fair) "
        r"and (useful|clear|helpful|safe|happy|easy|interesting|enjoyable|relevant|friendly|quick|fair)\b", re.I),
        _l("This may ask two things at once ('and' joins two qualities): split it into two questions."),
        "Something can be useful but not enjoyable: one answer to both is ambiguous."),
)
# "good or bad" names both sides: not leading.
BALANCED = re.compile(r"\b(good|helpful|useful) or (bad|unhelpful|not)\b", re.I)


@dataclass(frozen=True)
class Advice:
    question: str | None
    message: str


@lru_cache(maxsize=1)
def _textstat():
    import textstat

    try:
        import nltk

        nltk.data.find("corpora/cmudict")
    except (LookupError, ImportError):  # offline: use textstat's own syllable rules, never download
        import textstat.backend.counts._count_syllables as counting

        counting.get_cmudict = lambda lang: None
    return textstat


def reading_ease(text):
    return _textstat().flesch_reading_ease(text)


def question_advice(spec, audience):
    """Advice about one question spec: ``[message]``."""
    text = english(spec.get("text")) or ""
    found = []
    if spec.get("type") != "statement":
        if any(rule.pattern.search(text) for rule in LEADING) and not BALANCED.search(text):
            found.append(LEADING[0].message)
        for rule in DOUBLE_BARRELLED:
            if rule.pattern.search(text):
                found.append(rule.message)
                break
    if len(text) > MAX_QUESTION:
        found.append(_l("The question is %(count)s characters long: try to keep it under %(limit)s.",
                        count=len(text), limit=MAX_QUESTION))
    hint = english(spec.get("hint")) or ""
    if len(hint) > MAX_HINT:
        found.append(_l("The hint is %(count)s characters long: try to keep it under %(limit)s.",
                        count=len(hint), limit=MAX_HINT))
    for option in spec.get("options", []):
        label = english(option.get("label")) or ""
        if len(label) > MAX_OPTION:
            found.append(_l("The answer '%(label)s' is long: try to keep answers under %(limit)s characters.",
                            label=label[:40] + "…", limit=MAX_OPTION))
    if audience == "young_people":
        wording = " ".join(part for part in (text, hint) if part)
        if wording and len(wording.split()) >= 3 and reading_ease(wording) < MIN_READING_EASE:
            found.append(_l("Young people may find this hard to read (reading ease %(score)s; aim for "
                            "%(target)s or more). Use shorter words and sentences.",
                            score=round(reading_ease(wording)), target=MIN_READING_EASE))
    return [str(message) for message in found]


def review(data):
    """Advice for every question: ``[Advice]`` in survey order."""
    audience = data.get("audience")
    return [Advice(spec["id"], message) for page in data.get("pages", []) for spec in page["questions"]
            for message in question_advice(spec, audience)]
