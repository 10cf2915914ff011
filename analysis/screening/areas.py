"""General concern about an area, read by the ``area_concern`` veto of the registry (:mod:`.vetoes`), learned hits.

Issue 17: "A screen that flags general concern about an area ('there are gangs near my estate') is wrong; one
that flags a first-hand account ('the older boys make me carry stuff for them') is right."

``area_concern`` cancels a learned-net hit on a short answer (at most AREA_MAX_WORDS words) that names a place or
time in the area (AREA_SETTINGS: "the park near the shops at night", "the bus after school", "the bus station")
and people there in general (AREA_PEOPLE: "older lads", "people", "older kids", "the police"), with

* no writer and no specific person anywhere in it (AREA_PERSONS: "me", "my", "us", "we", "he", "she", "my mate",
  "someone"), once a dislike at its very start ("i dont like ...", AREA_OPENERS) and a family member quoted at its
  very end ("... my grandad says", AREA_REPORTERS) are taken out;
* no word of harm, exploitation, fear or a secret (AREA_HARM: "make you", "carry", "owe", "weed", "follow",
  "scared", "young"...).

A place named by its nearness to the writer's home ("the park near my house", AREA_OWN_PLACES) is taken out first,
and the writer keeping away at the very end ("... so i dont go", AREA_CLOSERS) like a quoted family member
(screen14, sixteenth writer).

``area_concern`` and ``general_concern`` (:mod:`.frames`, the registry's older veto of general concern) do not
overlap, so they stay two checks (screen14): ``general_concern`` reads one sentence of a rule or net hit in three
categories (criminal exploitation, grooming, physical abuse), allows harm words ("people dealing drugs near my school
scares me") and needs the writer in the sentence, only as the one who feels or sees or through a place of theirs;
``area_concern`` reads the whole answer in every category, allows no harm word and no writer at all (beyond the
trimmed opener, closer and own places).  Measured on writers 3 to 17's answers: general_concern fires on 22 answers,
area_concern on 17, none in common; with area_concern switched off general_concern takes over none of its 17.

Motivated by the learned net's false alarms on the ninth, twelfth, fourteenth and fifteenth writers' ordinary
answers (screen12 round); the word lists are data (``data/areas.yaml``), each group with its reason and case.
"""

from __future__ import annotations

import re

from .wordlists import word_lists

_W = word_lists("areas")
AREA_SETTINGS = tuple(tuple(p.split()) for p in _W["AREA_SETTINGS"])
AREA_PEOPLE = tuple(tuple(p.split()) for p in _W["AREA_PEOPLE"])
AREA_PERSONS = _W["AREA_PERSONS"]
AREA_OPENERS = tuple(tuple(p.split()) for p in _W["AREA_OPENERS"])
AREA_REPORTERS = tuple(tuple(p.split()) for p in _W["AREA_REPORTERS"])
AREA_HARM = tuple(tuple(p.split()) for p in _W["AREA_HARM"])
AREA_MAX_WORDS = int(_W["AREA_MAX_WORDS"][0])
AREA_OWN_PLACES = tuple(tuple(p.split()) for p in _W["AREA_OWN_PLACES"])
AREA_CLOSERS = tuple(tuple(p.split()) for p in _W["AREA_CLOSERS"])

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    """Lower-case words with apostrophes removed ("there's" -> "theres"), as the lists are written."""
    return _WORD.findall(text.lower().replace("'", "").replace("\u2019", ""))


def _has(words: list[str], phrases) -> bool:
    return any(tuple(words[j:j + len(p)]) == p for p in phrases for j in range(len(words) - len(p) + 1))


def _without(words: list[str], phrases) -> list[str]:
    """``words`` with every occurrence of the phrases taken out ("the park near my house" -> "the park")."""
    out, j = [], 0
    while j < len(words):
        p = next((p for p in phrases if tuple(words[j:j + len(p)]) == p), None)
        out.extend(words[j:j + 1] if p is None else ())
        j += 1 if p is None else len(p)
    return out


def _trim(words: list[str]) -> list[str]:
    """``words`` without a dislike at the start and a quoted family member or the writer keeping away at the end."""
    opener = next((p for p in AREA_OPENERS if tuple(words[:len(p)]) == p), ())
    words = words[len(opener):]
    reporter = next((p for p in AREA_REPORTERS + AREA_CLOSERS if len(words) > len(p) and tuple(words[-len(p):]) == p),
                    ())
    return words[:len(words) - len(reporter)]


def area_concern(text: str) -> bool:
    """A place in the area and people there in general, with no writer, no named person and no harm."""
    words = _words(text)
    if not words or len(words) > AREA_MAX_WORDS:
        return False
    words = _without(words, AREA_OWN_PLACES)
    rest = _trim(words)
    return (_has(rest, AREA_SETTINGS) and _has(rest, AREA_PEOPLE) and not AREA_PERSONS & set(rest)
            and not _has(words, AREA_HARM))
