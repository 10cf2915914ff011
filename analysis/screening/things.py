"""Harm words said of things, read by the ``said_of_things`` veto of the registry (:mod:`.vetoes`).

Young people use harm words of everyday things: "the wifi died", "my phone is dead", "people get kicked out of the
group chat". ``said_of_things`` cancels

* a self-harm hit in a sentence where a word of dying (DEATH_WORDS) has a device or connection (DEAD_THINGS) at
  most three words before it ("so the wifi died", "my phone is dead");
* a going-missing hit on being kicked out (KICKED_WORDS) in a sentence that names a chat, game, lesson or club
  (KICKED_PLACES) and no home, family, night or the writer (KICKED_HOME).

Motivated by the sixteenth writer's ordinary answers (screen14 round, rule false alarms); the word lists are data
(``data/things.yaml``), each group with its reason and case.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .wordlists import word_lists

_W = word_lists("things")
DEATH_WORDS = _W["DEATH_WORDS"]
DEAD_THINGS = _W["DEAD_THINGS"]
KICKED_WORDS = tuple(tuple(p.split()) for p in _W["KICKED_WORDS"])
KICKED_PLACES = _W["KICKED_PLACES"]
KICKED_HOME = _W["KICKED_HOME"]
SELF_HARM = "self_harm_suicide"
CATEGORIES = _W["THING_CATEGORIES"]


def _words(doc: Doc, start: int) -> list[str]:
    return [t.lower_ for t in doc[start].sent if not (t.is_punct or t.is_space)]


def said_of_things(doc: Doc, start: int, category: str) -> bool:
    """A word of dying said of a device, or being kicked out of a chat, game or lesson (not home)."""
    if category not in CATEGORIES:
        return False
    words = _words(doc, start)
    if category == SELF_HARM:
        deaths = [k for k, w in enumerate(words) if w in DEATH_WORDS]
        return bool(deaths) and all(DEAD_THINGS & set(words[max(0, k - 3):k]) for k in deaths)
    kicked = any(tuple(words[j:j + len(p)]) == p for p in KICKED_WORDS for j in range(len(words)))
    return kicked and bool(KICKED_PLACES & set(words)) and not KICKED_HOME & set(words)
