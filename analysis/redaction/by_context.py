"""Names and families that young people write in lower case, by a nickname or without a cue (stop 50), from the
misses on the young people's blind redaction writers read for tuning:

* a given name or nickname no hand list held, capitalised on its own: "Pam", "Kaz", "Gurj", "Olly" (from
  ``data/common_given.txt``, built from names-dataset by ``build_names``), and with a possessive s and no
  apostrophe: "Zayns asthma";
* a nickname by size and a letter or a name ("big T", "wee shaz", "uncle t") and a teacher by a capital initial
  ("mrs A");
* a listed name in lower case after a person word or "especially" ("the owner sal", "cpl hayes", "esp kev and
  shaz") or beside another listed name when one of them is no word ("pam and ade");
* a family by its plural: "the mcdonaghs", "the Johnsons on our road".

The places young people name this way are in ``venues_by_context.py``; ``find_by_context`` runs both. Every word
list that encodes a judgement is in ``data/venue_words.txt`` with its reason. Each function yields
``(start, end, kind)``.
"""

from __future__ import annotations

import re

from .context_lists import common_given, cued_or_common, strange
from .context_lists import section as _section
from .names import _noun_index, all_surnames, english_words, first_names, names_after_cue
from .people import keep_proper, public_figures, uk_places
from .venues_by_context import (
    find_called_venues,
    find_lower_venues,
    find_numbers_by_cue,
    find_owned_businesses,
    find_pubs_and_trades,
    find_schools_by_talk,
)

# ---------------------------------------------------------------- a capitalised given name on its own
_CAP_WORD = re.compile(r"(?<![\w'\u2019@#./\-])([A-Z][a-z]{2,14})(?![\w@\-])")
_TITLES = frozenset("mr mrs ms miss dr and im i'm me with".split())


def _sentence_initial(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def find_common_given(text: str):
    """A listed common given name, capitalised, not part of a longer proper name ("Salvation Army", "Hong Kong")
    unless the neighbouring word is itself a name."""
    names = common_given()
    known = names_after_cue()
    public = None  # the public figures' spans, found only when a listed name turns up
    for m in _CAP_WORD.finditer(text):
        w = m.group(1).lower()
        if w not in names:
            continue
        if public is None:
            public = [(p.start(), p.end()) for p in public_figures().finditer(text)]
        if any(a <= m.start() < b for a, b in public):
            continue
        before = re.search(r"([A-Za-z']+)[ \t]+$", text[max(0, m.start() - 20):m.start()])
        after = re.match(r"[ \t]+([A-Za-z']+)", text[m.end():])
        if before and before.group(1)[0].isupper() and before.group(1).lower() not in known \
                and before.group(1).lower() not in _TITLES \
                and not _sentence_initial(text, m.start() - len(before.group(0))):
            continue
        if after and after.group(1)[0].isupper() and after.group(1).lower() not in known:
            continue
        yield m.start(1), m.end(1), "name"


# ---------------------------------------------------------------- a family by its plural
THE_PLURAL = re.compile(r"\b(?:the|The|THE)[ \t]+((?:[Mm]a?c|[Oo]['\u2019])?[A-Za-z][a-z]+s)\b(?!['\u2019])")


def find_family_plurals(text: str, vocab: frozenset[str]):
    surnames = all_surnames()
    not_family = _section("not a family")
    for m in THE_PLURAL.finditer(text):
        w = m.group(1)
        stem = w[:-1].lower()
        if stem not in surnames and stem.endswith("e") and stem[:-1] in surnames:
            stem = stem[:-1]  # "the Joneses"
        if stem not in surnames or w.lower() in vocab or stem in vocab or w.lower() in not_family \
                or w.lower() in keep_proper() or stem in keep_proper() or public_figures().search(w):
            continue
        yield m.start(1), m.end(1), "name"


_NAME_S = re.compile(r"(?<![\w'\u2019@#./\-])([A-Z][a-z]{2,14})s(?![\w@\-'\u2019])(?=[ \t]+[a-zA-Z])")


def find_possessive_given(text: str, given: frozenset[str]):
    for m in _NAME_S.finditer(text):
        if re.search(r"\b(?:St|Saint|ST)\.?[ \t]+$", text[max(0, m.start() - 8):m.start()]):
            continue  # "St Lukes Hospital"
        stem, whole = m.group(1).lower(), m.group().lower()
        if (stem in given or stem in common_given()) and whole not in english_words() \
                and whole not in _noun_index() \
                and whole not in uk_places() and whole not in keep_proper() and not public_figures().search(m.group()):
            yield m.start(), m.end(), "name"


# a nickname by size or kin and a letter or a name: "big d", "lil T", "wee shaz", "big Ally", "uncle t"; a teacher
# by a capital initial: "mrs A", "Mr B"
NICKNAME = re.compile(r"\b((?i:big|lil|little|wee|uncle|auntie|aunty)[ \t]+([A-Za-z][a-z]{0,11}))\b(?![.'\u2019]\w)")
TITLE_CAPITAL = re.compile(r"\b(?i:mr|mrs|ms|miss|sir)[ \t]+([A-Z])\b(?![.'\u2019]?\w)")


def find_nicknames(text: str, vocab: frozenset[str]):
    cued = cued_or_common()
    for m in NICKNAME.finditer(text):
        w, size = m.group(2), m.group(1).split()[0].lower()
        single = len(w) == 1 and w not in ("a", "i", "I")
        named = size in ("big", "lil", "wee") and w.lower() in cued and w.lower() not in vocab \
            and w.lower() not in keep_proper()
        if single or named:  # "big T", "wee shaz"; after a kin word only the letter: "uncle [name]"
            yield m.start(1) if size in ("big", "lil", "little", "wee") else m.start(2), m.end(1), "name"
    for m in TITLE_CAPITAL.finditer(text):
        if m.group(1) not in ("I",):
            yield m.start(1), m.end(1), "name"


# a record number a few words after what it numbers: "my pupil number is on my lanyard, 4827193", "a case number
PERSON_THEN_NAME = re.compile(r"\b(?i:owner|guard|boss|manager|cpl|corporal|master|pastor|imam|mummy|especially|esp|"
                              r"except|(?:he|she|who|year[ \t]*\d{1,2})[ \t]+(?:(?:is|was)[ \t]+)?called|"
                              r"(?:is|was)[ \t]+called)\b[ \t]*[,(:]?[ \t]*([a-z][a-z\-]{1,12})\b"
                              r"(?:[ \t]*(?:,|and\b|n\b|&)[ \t]*([a-z][a-z\-]{1,12})\b)?")
# two names in a list, one of them no word: "sol n maz", "pam and ade", "bex, jade, dani n me"
NAME_PAIR = re.compile(r"(?<![\w'@.])([a-z][a-z\-]{1,12})\b[ \t]*(?:,|and\b|n\b|&)[ \t]*([a-z][a-z\-]{1,12})\b"
                       r"(?![@.'\u2019]\w)")


def find_lower_names(text: str, vocab: frozenset[str]):
    cued = cued_or_common()
    stop = _section("not a school name")
    for m in PERSON_THEN_NAME.finditer(text):
        if any(w.lower() in _section("pets") for w in re.findall(r"[A-Za-z]+", text[max(0, m.start() - 25):m.start()])):
            continue  # "the dog was called bruno"
        for g in (1, 2):
            w = m.group(g)
            if w and w in cued and w not in stop and w not in keep_proper() \
                    and (w not in vocab or g == 1 and w in first_names()):
                yield m.start(g), m.end(g), "name"
    for m in NAME_PAIR.finditer(text):
        a, b = m.group(1), m.group(2)
        if a in cued and b in cued and a not in stop and b not in stop \
                and (strange(a, vocab) or strange(b, vocab)) and not (a in vocab and b in vocab):
            for g in (1, 2):
                if m.group(g) not in keep_proper():
                    yield m.start(g), m.end(g), "name"


def find_by_context(text: str, vocab: frozenset[str], given: frozenset[str] | None = None):
    """Every span the rules above find; ``given`` is the redactor's given names (``first_names()`` by default)."""
    given = first_names() if given is None else given
    yield from find_pubs_and_trades(text, vocab)
    yield from find_lower_names(text, vocab)
    yield from find_numbers_by_cue(text)
    yield from find_nicknames(text, vocab)
    yield from find_common_given(text)
    yield from find_possessive_given(text, given)
    yield from find_lower_venues(text, vocab)
    yield from find_owned_businesses(text, vocab)
    yield from find_called_venues(text, vocab)
    yield from find_family_plurals(text, vocab)
    yield from find_schools_by_talk(text, vocab)
