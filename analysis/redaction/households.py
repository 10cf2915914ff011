"""People named by where they stand in a household or a home (stop 48: from the misses of blind redaction writers
r58, r60 and r62, young people in Glasgow and Edinburgh, in Bradford and Leeds, and in children's homes and foster
care, and the young people's sets read before). Each rule was scored on the labelled waves with
``benchmarks/experiments/redaction_cues/harness.py`` before it went in; each has positives and look-alikes in
``tests/analysis/redaction/test_households.py``.

* a brother, sister or parent with a word before the family word: "ma big brother tam", "me big sis jade", "her wee
  bro ciaran", "me dad pete", "my birth mum Sharon" (not "my dad burns toast", "my mum will ring", "me big sister
  is sound");
* a family by its plural surname: "the Carrs", "the Bells", "the OKAFORS", "with the Wrights in Swindon" (not "the
  Morrisons car park", "the Kings Cross office", "the Walkers crisps factory");
* people named after the staff of a place, in a list: "Staff Lisa and Michelle", "foster carers Tesfay and Hiwet"
  (not "all staff are Kind and caring");
* a given name that is also a word, where the sentence names a person: "a girl in my year called grace", "the pcso
  in our area is called mark", "my brothers called dean", "ask for jordan", "our kid is josh", "pcso dean", "the
  security guard frank" (not "the group is called Mums and Tots", "ask for help", "our kid is sound").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .names import _DIR, STOP, _library_given, _words, all_surnames, first_names
from .people import keep_proper, public_spans, uk_places

_OWNER = r"(?:my|me|ma|mah|his|her|our|their|ur|wor|yer)"
# a word before the family word that the role cue in names.py does not take: "big", "wee", "birth"...
_KIN_BEFORE = re.compile(r"\b" + _OWNER + r"[ \t]+(?:(?:big|wee|little|lil|baby|half|older|younger|step|birth|"
                         r"foster|real|twin)[ \t]*)(?:sis|bro|brother|sister|cousin|bruv|dad|mum|mam|da|maw|mom|"
                         r"son|daughter)[ \t]+([A-Za-z][a-z'\-]{1,14})\b")
# a parent named right after the word: "me dad pete", "my mum Donna"
_PARENT = re.compile(r"\b" + _OWNER + r"[ \t]+(?:dad|mum|mam|da|maw|mom|mummy|daddy)[ \t]+([A-Za-z][a-z'\-]{1,14})\b")
_NOT_KIN_NAME = frozenset("him her them us it my his their our mum dad mam nan nana gran grandad friends mates friend "
                          "family others everyone people boys girls lads kids sister brother cousin cousins bro sis "
                          "someone some the a an all both".split())
_FAMILY = re.compile(r"\b(?:the|The|THE)[ \t]+([A-Z][a-z'\-]{1,14}|M[Cc][A-Z]{2,12}|[A-Z]{3,15})(s|S)\b"
                     r"(?![ \t]+(?:[A-Z]|car[ \t]+park|crisps|factory|shop|store|supermarket|cafe|site|office|"
                     r"garage|pub|restaurant))")
# a surname that is also a word ("the Greens are lovely in spring") is a family only where the words before say so
_FAMILY_BEFORE = re.compile(r"(?i:famil(?:y|ies)|foster|carers?|placed|placement|live[sd]?[ \t]+with|"
                            r"living[ \t]+with|stay(?:s|ing|ed)?[ \t]+(?:with|at)|with|next[ \t]+door|neighbours|"
                            r"[a-z]+s[ \t]+(?:n|and|&))"
                            r"(?:[ \t]+(?:are|were|is|was))?[ \t]*(?:[,:(][ \t]*)?(?:the[ \t]*)?$")
_NOT_FAMILY = frozenset("king kings queen queens lane lanes prince princes saint saints".split())
_STAFF = re.compile(r"\b(?:[Ss]taff|[Cc]arers|[Ff]oster[ \t]+carers|[Yy]outh[ \t]+workers|[Kk]ey[ \t]+workers|"
                    r"[Vv]olunteers|[Ll]eaders)(?:[ \t]+(?:there|here|called|like))?[ \t,:]+"
                    r"([A-Z][a-z'\-]{1,14})(?:[ \t]*(?:,|and|n|&)[ \t]*([A-Z][a-z'\-]{1,14}))?")


_PERSON_BEFORE = re.compile(r"\b(?:girl|boy|man|woman|lad|lass|kid|guy|bloke|fella|lady|one|someone|mate|friend|"
                            r"pal|teacher|worker|pcso|officer|nurse|brothers?|sisters?|cousin|coach|boyfriend|"
                            r"girlfriend|ex|neighbour|driver|guard|leader|carer|social[ \t]+worker)\b")
_CALLED_WORD = re.compile(r"\b(?:(?:is|was|were|s)[ \t]+)?called[ \t]+([a-z][a-z\-]{1,14})\b"
                          r"(?![ \t]+(?:club|group|project|centre|center|house|cafe|space|zone|hub))")
_PERSON_SLOT = re.compile(r"\b(?:ask[ \t]+for|our[ \t]+kid[ \t]+is|(?:pcso|security[ \t]+guard|lollipop[ \t]+lady|"
                          r"dinner[ \t]+lady|caretaker|pastor|youth[ \t]+worker)[ \t]+(?:is[ \t]+)?)[ \t]*"
                          r"([a-z][a-z\-]{1,14})\b")
_NOT_CALLED = frozenset("names name a an the it him her them me us police cops in out back up off for to that this "
                        "help advice support someone somebody anyone sound mint nice ok okay good fine safe".split())


def _given(word: str, *, vocab: frozenset[str], given: frozenset[str]) -> bool:
    """A given name in this slot: a capitalised listed name or no English word; in lower case, a listed name that
    is no English word."""
    lw = word.lower()
    if lw in _NOT_KIN_NAME or lw in STOP or lw in keep_proper():
        return False
    if word[0].isupper():
        return lw in given or lw not in vocab
    return lw in given and lw not in vocab


def find_households(text: str, *, vocab: frozenset[str], cued: frozenset[str]) -> list[tuple[int, int, str]]:
    given = _given_names(cued)
    out: list[tuple[int, int, str]] = []
    for rx in (_KIN_BEFORE, _PARENT):
        for m in rx.finditer(text):
            if _given(m.group(1), vocab=vocab, given=given):
                out.append((m.start(1), m.end(1), "name"))
    for m in _CALLED_WORD.finditer(text):
        w = m.group(1)
        if w in given and w not in _NOT_CALLED and w not in STOP and w not in keep_proper() \
                and _PERSON_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            out.append((m.start(1), m.end(1), "name"))
    for m in _PERSON_SLOT.finditer(text):
        w = m.group(1)
        if w in given and w not in _NOT_CALLED and w not in STOP and w not in keep_proper():
            out.append((m.start(1), m.end(1), "name"))
    public = public_spans(text)
    surnames = all_surnames()
    for m in _FAMILY.finditer(text):
        stem = m.group(1).lower()
        if stem in surnames and stem not in keep_proper() and stem not in _NOT_FAMILY \
                and not any(pa <= m.start(1) < pb for pa, pb in public) \
                and (stem not in vocab or _FAMILY_BEFORE.search(text, max(0, m.start() - 30), m.start())):
            out.append((m.start(1), m.end(2), "name"))
    for m in _STAFF.finditer(text):
        for g in (1, 2):
            w = m.group(g)
            if w and w.lower() not in uk_places() and (w.lower() in first_names() or w.lower() not in vocab) \
                    and w.lower() not in STOP:
                out.append((m.start(g), m.end(g), "name"))
    return out


@lru_cache(maxsize=4)
def _given_names(cued: frozenset[str]) -> frozenset[str]:
    """The names after a cue that are given names (listed surnames that are no given name taken out)."""
    return (cued - _surnames_only()) | first_names()


@lru_cache(maxsize=1)
def _surnames_only() -> frozenset[str]:
    """Listed surnames that are no given name: "burns" in "my dad burns toast" is no parent's name."""
    return all_surnames() - first_names() - _library_given() - _words(_DIR / "names_after_cue.txt")
