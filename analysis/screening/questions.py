"""What the question asked: the screen reads an answer beside its question.

Many answers are only odd without their question: "my dad" answering "Who would you tell if
something was wrong?" names the person the writer trusts, not a harm.  A caller passes the
question's (English) text, or the kind a survey declares on the question (``screening:
trusted_person`` in ``surveys/*.yaml``), to ``DisclosureScreener.screen(text, question=...,
question_kind=...)``.

Kinds (:data:`QUESTION_KINDS`):

* ``trusted_person`` - "who would you tell / talk to / trust?".  An answer made only of people
  and filler words ("my dad", "probably my mum or my nan") is a *bare answer*: the
  ``named_confidant`` veto (:mod:`.vetoes`) cancels any hit on it, and a bare answer in
  romanised Urdu or Welsh family words ("my ammi or my khala") is not routed as "not screened".
  Anything more is screened as usual ("my dad, but he's the one who hits me"), and an answer that
  rules a person out because they are "the one who does it" is flagged (:func:`names_abuser`).
* ``feels_unsafe`` - "what makes you feel unsafe?" and ``what_helps`` - "what would help you feel
  safer?": read by the answer signals of :mod:`.answers` ("home. dad", "myself tbh", "if my mums
  boyfriend went to prison").

The word lists are data (``data/questions.yaml``), each group with its reason and motivating case.
"""

from __future__ import annotations

import re

from .answers import FEELS_UNSAFE, WHAT_HELPS, answer_kind
from .lexicon import SETS, SLANG
from .wordlists import word_lists

_W = word_lists("questions")
TRUSTED_PERSON_QUESTIONS = _W["TRUSTED_PERSON_QUESTIONS"]
CONFIDANTS = _W["CONFIDANTS"]
CONFIDANT_FILLERS = _W["CONFIDANT_FILLERS"]
TRUSTED_PERSON_ABUSER = _W["TRUSTED_PERSON_ABUSER"]
TRUSTED_PERSON_CLEFT = _W["TRUSTED_PERSON_CLEFT"]
TRUSTED_PERSON_CLEFT_LEAD = _W["TRUSTED_PERSON_CLEFT_LEAD"]

TRUSTED_PERSON = "trusted_person"
# feels_unsafe ("What makes you feel unsafe?") and what_helps ("What would help you feel safer?"): the
# answer signals of :mod:`.answers` read an answer beside them ("home. dad").
QUESTION_KINDS = (TRUSTED_PERSON, FEELS_UNSAFE, WHAT_HELPS)

_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?|[&+]")
_KIN = frozenset(SETS["KIN"])
_ABUSER = tuple((tuple(p.split()), False) for p in TRUSTED_PERSON_ABUSER) + tuple(
    (tuple(p.split()), True) for p in TRUSTED_PERSON_CLEFT)
_LOOK_BACK = 4  # a person word at most this many words before "the one who does it"


def _words(text: str) -> list[str]:
    return [w.replace("\u2019", "'") for w in _WORD.findall((text or "").lower())]


def question_kind(question: str | None = None, kind: str | None = None) -> str | None:
    """The kind of question an answer replies to: the declared ``kind``, else recognised from its text.

    Raises ``ValueError`` for a declared kind the screen does not know.
    """
    if kind:
        if kind not in QUESTION_KINDS:
            raise ValueError(f"unknown question kind {kind!r} (known: {', '.join(QUESTION_KINDS)})")
        return kind
    if not question:
        return None
    text = " " + " ".join(_words(question)) + " "
    if any(f" {phrase} " in text for phrase in TRUSTED_PERSON_QUESTIONS):
        return TRUSTED_PERSON
    return answer_kind(question)


def bare_answer(text: str) -> bool:
    """Only people and filler words: "my dad", "probably my mum or my nan", "My ammi or my khala"."""
    words = _words(text)
    return bool(words) and any(w in CONFIDANTS for w in words) and all(
        w in CONFIDANTS or w in CONFIDANT_FILLERS or w.split("'")[0] in CONFIDANT_FILLERS for w in words)


def _is_person(word: str) -> bool:
    return word in _KIN or word.split("'")[0] in _KIN or SLANG.get(word) in _KIN or word in CONFIDANTS


def names_abuser(text: str) -> tuple[int, int] | None:
    """Character span of "<person> ... the one who does it" in the answer, or None.

    Only meaningful for a trusted-person question: "not my dad obvs hes the one who does it".
    """
    words = _words(text)
    for phrase, cleft in _ABUSER:
        k = len(phrase)
        for j in range(len(words) - k + 1):
            before = words[max(0, j - _LOOK_BACK):j]
            if tuple(words[j:j + k]) != phrase:
                continue
            persons = [n for n, w in enumerate(before) if _is_person(w)]
            # a cleft ("its ur step brother doing it") needs its "it's" before the person
            if persons and (not cleft or any(w in TRUSTED_PERSON_CLEFT_LEAD for w in before[:persons[0]])):
                spans = [m.span() for m in _WORD.finditer((text or "").lower())]
                return spans[max(0, j - _LOOK_BACK)][0], spans[j + k - 1][1]
    return None
