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
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

LANGUAGE_NAMES = {"en": "English", "cy": "Welsh", "ur": "Urdu"}
# Languages whose unmatched answers still go to a person: the keyword rules are
# a first draft that no native speaker has reviewed, and a miss there is silent.
# Welsh too: on the blind Welsh set the keyword rules alone caught 0.686 of the
# disclosures (benchmarks/SCREENING_RESULTS.md), far below the 0.95 aim.
ROUTE_UNMATCHED = {"ur": True, "cy": True}
NOT_SCREENED = "not_screened"

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_OTHER_SCRIPT = re.compile(r"[^\W\d_]")


def _strip_accents(w: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))


@cache
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


# ------------------------------------------------------------ keyword rules
_MUTATIONS = (  # Welsh initial mutations: soft, nasal, aspirate
    ("p", ("b", "mh", "ph")), ("t", ("d", "nh", "th")), ("c", ("g", "ngh", "ch")),
    ("b", ("f", "m")), ("d", ("dd", "n")), ("g", ("", "ng")), ("m", ("f",)),
    ("ll", ("l",)), ("rh", ("r",)),
)


def welsh_forms(word: str) -> set[str]:
    """A Welsh word and its mutated forms ("taro" -> "daro", "nharo", "tharo")."""
    forms = {word}
    for radical, mutated in _MUTATIONS:
        if word.startswith(radical) and not (radical == "c" and word.startswith("ch")):
            forms.update(m + word[len(radical):] for m in mutated)
            break
    return forms


@dataclass(frozen=True)
class KeywordRule:
    language: str
    category: str
    pattern: re.Pattern
    motivated_by: str


def _alternative(alt: str, language: str) -> str:
    """Regex for one alternative: ``stem*`` matches words starting with the stem; Arabic script always does."""
    stem = alt.endswith("*")
    alt = alt.rstrip("*")
    words = alt.split()
    if language == "cy" and words:
        first = "(?:" + "|".join(re.escape(f) if "[" not in f else f
                                 for f in sorted(welsh_forms(words[0]), key=len, reverse=True)) + ")"
        body = r"\s+".join([first] + [re.escape(w) for w in words[1:]])
    else:
        body = r"\s+".join(w if "[" in w else re.escape(w) for w in words)
    arabic = bool(_ARABIC.search(alt))
    if arabic:
        return r"(?<![\u0600-\u06FF])" + body
    return r"(?<![^\W\d_])" + body + (r"[^\W\d_]*" if stem else r"(?![^\W\d_])")


@cache
def keyword_rules() -> tuple[KeywordRule, ...]:
    rules = []
    with open(DATA / "keywords.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            alts = [_alternative(a.strip(), row["language"]) for a in row["pattern"].split("|") if a.strip()]
            rules.append(KeywordRule(row["language"], row["category"],
                                     re.compile("|".join(alts), re.IGNORECASE), row["motivated_by"]))
    return tuple(rules)


def keyword_hits(text: str, language: str) -> list[tuple[str, int, int]]:
    """``(category, start, end)`` of every keyword rule of ``language`` found in ``text``.

    Matching ignores case and accents (Welsh "hŷn" = "hyn"); offsets point into ``text``.
    """
    folded = _fold(text)
    hits = []
    for r in keyword_rules():
        if r.language != language:
            continue
        for m in r.pattern.finditer(folded):
            hits.append((r.category, m.start(), m.end()))
    return hits


def _fold(text: str) -> str:
    """Lower case, accents dropped, same length as ``text`` (so offsets still fit)."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)
        c = base[0] if base and not _ARABIC.match(ch) else ch
        out.append(c.lower() if len(c.lower()) == 1 else c)
    return "".join(out).replace("\u2019", "'")
