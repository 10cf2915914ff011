"""Which language an answer is written in, and a keyword screen for Welsh and Urdu.

The English screen (rules and learned net) can only read English.  Surveys
are also offered in Welsh (``cy``) and Urdu (``ur``), and Urdu speakers may
write Urdu in Latin letters ("mera abbu mujhe marta hai").  Each answer's
language is detected from its own text, not from the page it was typed on
(an English answer on a Welsh page is screened in English):

* Arabic-script letters -> ``ur`` (Urdu script);
* otherwise, the share of words found in a Welsh or a romanised-Urdu word list
  (``data/welsh_words.txt``, ``data/urdu_roman_words.txt``: frequent words of
  that language that are not English words);
* otherwise ``en``.

Answers in Welsh and Urdu are then screened by keyword rules for that
language (``data/keywords_cy.csv``, ``data/keywords_ur.csv``), which name a
category and quote the words behind it.  Where a language's policy says its
rules cannot be trusted to pass an answer (``ROUTE_UNMATCHED``), an answer
no rule caught still reaches a person, flagged ``not_screened:<language>``:
Urdu is never passed silently.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

LANGUAGE_NAMES = {"en": "English", "cy": "Welsh", "ur": "Urdu"}
# Languages whose unmatched answers still go to a person: the keyword rules are
# a first draft that no native speaker has reviewed, and a miss there is silent.
ROUTE_UNMATCHED = {"ur": True, "cy": False}
NOT_SCREENED = "not_screened"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_OTHER_SCRIPT = re.compile(r"[^\W\d_]")


def _strip_accents(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def _word_list(name: str) -> frozenset[str]:
    words = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            words.update(_strip_accents(w) for w in line.split())
    return frozenset(words)


@dataclass(frozen=True)
class Detected:
    language: str   # "en", "cy" or "ur"
    script: str     # "Latn" or "Arab"
    share: float    # share of words that told (1.0 for a script)


def detect_language(text: str) -> Detected:
    """The language of one answer (see the module docstring)."""
    text = text or ""
    letters = _OTHER_SCRIPT.findall(text)
    arabic = _ARABIC.findall(text)
    if arabic and len(arabic) >= max(2, 0.2 * len(letters)):
        return Detected("ur", "Arab", len(arabic) / max(1, len(letters)))
    words = [_strip_accents(w.lower().replace("\u2019", "'")) for w in _LATIN_WORD.findall(text)]
    if not words:
        return Detected("en", "Latn", 0.0)
    best = Detected("en", "Latn", 0.0)
    for lang, name in (("cy", "welsh_words.txt"), ("ur", "urdu_roman_words.txt")):
        vocab = _word_list(name)
        n = sum(w in vocab for w in words)
        share = n / len(words)
        # at least two of its words, and a fifth of the answer (one in three for very short answers)
        if n >= 2 and share >= (0.34 if len(words) < 6 else 0.2) and share > best.share:
            best = Detected(lang, "Latn", share)
    return best
