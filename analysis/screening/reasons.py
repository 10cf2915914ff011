"""Everyday reasons young people give, read by two vetoes of the registry (:mod:`.vetoes`), learned hits only.

* ``trust_reason``: answering "who would you tell, and why?", the answer names someone the writer trusts
  (family, a friend, school or service staff: TRUST_PERSONS among its first words) and gives a reason of
  trust ("my mum because she is the only one that gets me", "my tutor because I see him every day",
  "my best mate because he wont tell anyone": TRUST_CUES), in one sentence of at most TRUST_MAX_WORDS
  words; or it answers nobody and gives the writer's own way as the reason ("no one, i keep things to
  myself but im alright": TRUST_NOBODY, TRUST_SELF).  No TRUST_HARM word anywhere in the answer: harm,
  fear, an online or older stranger, a secret, hunger, a contrast ("but", "even"), or the confidant
  knowing something ("shes the only one who knows i hurt myself").
* ``pass_on`` (screen14): telling an adult refused because they would pass it on or make it worse ("i wouldnt
  tell a teacher because they have to tell other people"), with no harm; ``praise``: the answer praises someone in
  the writer's life ("my friends are the best thing in my life"), nothing making them the reason to be alive.
* ``adults_both``: an adult partner named with an age, and every age the answer states 18 or over ("my sisters
  boyfriend is 25 and shes 24"): two adults, not a child and an adult (ADULT_AGE_HOLDERS).
* ``generational``: a complaint about adults' view of young people in general ("they say its just a
  phase", "They always say back in my day", "they dont get that we grew up in covid"): a GENERATIONAL
  phrase, the adults named (GENERATIONAL_ADULTS: "they", "adults", "parents"), no writer in the answer
  (GENERATIONAL_FIRST_PERSON) and no TRUST_HARM or GENERATIONAL_HARM word
  ("they think im just moody but i dont want to be alive", "that some of us are being hurt at home").

Motivated by the learned net's false alarms on the ninth, tenth, twelfth and thirteenth writers' ordinary
answers (screen10 round, issue 17); the word lists are data (``data/reasons.yaml``), each group with its
reason and motivating case.
"""

from __future__ import annotations

import re

from .wordlists import word_lists

_W = word_lists("reasons")
TRUST_PERSONS = _W["TRUST_PERSONS"]
TRUST_LEADS = _W["TRUST_LEADS"]
TRUST_NOBODY = _W["TRUST_NOBODY"]
TRUST_SELF = tuple(tuple(p.split()) for p in _W["TRUST_SELF"])
TRUST_HEDGES = tuple(tuple(p.split()) for p in _W["TRUST_HEDGES"])
TRUST_CUES = tuple(tuple(p.split()) for p in _W["TRUST_CUES"])
TRUST_HARM = tuple(tuple(p.split()) for p in _W["TRUST_HARM"])
TRUST_MAX_WORDS = int(_W["TRUST_MAX_WORDS"][0])
GENERATIONAL = tuple(tuple(p.split()) for p in _W["GENERATIONAL"])
GENERATIONAL_ADULTS = _W["GENERATIONAL_ADULTS"]
GENERATIONAL_FIRST_PERSON = _W["GENERATIONAL_FIRST_PERSON"]
GENERATIONAL_HARM = tuple(tuple(p.split()) for p in _W["GENERATIONAL_HARM"])
TRUST_PERMISSION = tuple(tuple(p.split()) for p in _W["TRUST_PERMISSION"])
PASS_ON_REFUSALS = tuple(tuple(p.split()) for p in _W["PASS_ON_REFUSALS"])
PASS_ON_PERSONS = _W["PASS_ON_PERSONS"]
PASS_ON_CUES = tuple(tuple(p.split()) for p in _W["PASS_ON_CUES"])
PRAISE = tuple(tuple(p.split()) for p in _W["PRAISE"])
PRAISE_HARM = tuple(tuple(p.split()) for p in _W["PRAISE_HARM"])

_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"[.!?;]+\s+\S")
_LOOK = 6  # the person must be among the answer's first six words


def _words(text: str) -> list[str]:
    """Lower-case words with apostrophes removed ("she's" -> "shes"), as the lists are written."""
    return _WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))


def _has(words: list[str], phrases) -> bool:
    return any(tuple(words[j:j + len(p)]) == p for p in phrases for j in range(len(words) - len(p) + 1))


def _without(words: list[str], phrases) -> list[str]:
    """``words`` with every occurrence of the phrases taken out."""
    out, j = [], 0
    while j < len(words):
        p = next((p for p in phrases if tuple(words[j:j + len(p)]) == p), None)
        if p is None:
            out.append(words[j])
            j += 1
        else:
            j += len(p)
    return out


def _opens_with_person(words: list[str]) -> int | None:
    """The index just after the trusted person the answer opens with, or None."""
    for j, w in enumerate(words[:_LOOK]):
        if w in TRUST_PERSONS:
            return j + 1
        if w not in TRUST_LEADS:
            return None
    return None


def trust_reason(text: str) -> bool:
    """A trusted person and a reason of trust, or nobody and the writer's own way; no harm anywhere."""
    words = _words(text)
    if not words or len(words) > TRUST_MAX_WORDS:
        return False
    if words[0] in TRUST_NOBODY:
        lead = 1 + (len(words) > 1 and words[1] in TRUST_NOBODY)
        rest = _without(words[lead:], TRUST_HEDGES)
        return _has(rest, TRUST_SELF) and not _has(rest, TRUST_HARM)
    after = _opens_with_person(words)
    if after is None or _SENTENCE_END.search(text.strip()):
        return False
    reason = words[after:]
    # "my mum, then school if she said to": the permission is the reason, not "she said" (not to tell)
    return (_has(reason, TRUST_CUES) or _has(reason, TRUST_PERMISSION)) and not _has(
        _without(words, TRUST_PERMISSION), TRUST_HARM)


def pass_on(text: str) -> bool:
    """Telling an adult refused because they would pass it on or make too much of it (screen14), no harm.

    "i wouldnt tell a teacher because they have to tell other people", "Nobody wants to talk to adults about stuff
    because they just make it worse or tell everyone": a refusal (PASS_ON_REFUSALS) of an adult or school person
    (PASS_ON_PERSONS, within the next three words) and a reason of passing it on (PASS_ON_CUES), in one sentence
    of at most TRUST_MAX_WORDS words, with no TRUST_HARM word once the refusal and reason are taken out."""
    words = _words(text)
    if not words or len(words) > TRUST_MAX_WORDS or _SENTENCE_END.search(text.strip()):
        return False
    for j in range(len(words)):
        p = next((p for p in PASS_ON_REFUSALS if tuple(words[j:j + len(p)]) == p), None)
        if p is None:
            continue
        after = j + len(p)
        if PASS_ON_PERSONS & set(words[after:after + 3]) and _has(words[after:], PASS_ON_CUES):
            return not _has(_without(_without(words, PASS_ON_CUES), PASS_ON_REFUSALS), TRUST_HARM)
        return False
    return False


def praise(text: str) -> bool:
    """The answer praises someone or something in the writer's life ("my friends are the best thing in my life"),
    with no harm and nothing that makes them the reason the writer is still here (PRAISE_HARM; screen14)."""
    words = _words(text)
    return (0 < len(words) <= TRUST_MAX_WORDS and _has(words, PRAISE) and not _has(words, TRUST_HARM)
            and not _has(words, PRAISE_HARM))


def generational(text: str) -> bool:
    """A complaint about how adults see young people in general, with no writer and no harm in it."""
    words = _words(text)
    # the writer outside the complaint's own words ("back in my day" is the adults' voice)
    return (_has(words, GENERATIONAL) and bool(GENERATIONAL_ADULTS & set(words))
            and not GENERATIONAL_FIRST_PERSON & set(_without(words, GENERATIONAL))
            and not _has(words, TRUST_HARM) and not _has(words, GENERATIONAL_HARM))


ADULT_AGE_HOLDERS = tuple(tuple(p.split()) for p in _W["ADULT_AGE_HOLDERS"])


def adults_both(text: str) -> bool:
    """Every age stated is 18 or over, and one follows a person (ADULT_AGE_HOLDERS: "shes 24"): the partner's
    partner is an adult. Any age under 18, or a year group, and the veto does not fire."""
    words = [w.rstrip(".,!?") for w in text.lower().split()]
    ages = [int(w) for w in words if w.isdigit()]
    if len(ages) < 2 or any(a < 18 for a in ages) or "year" in words or "yr" in words:
        return False
    return any(tuple(words[k - len(p):k]) == p and words[k].isdigit()
               for k in range(len(words)) for p in ADULT_AGE_HOLDERS if k >= len(p))
