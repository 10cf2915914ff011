"""Candidate rules (text -> extra spans ``(start, end, kind)``), scored by ``harness.py`` before any goes into
``analysis/redaction``. The candidates that were shipped at stop 47 live in ``analysis/redaction/cues.py``; what
is left here was measured on writers 12-41 and not shipped (items removed / items to keep lost / NHS comments):

* ``kin_lower`` ("my little cousin mo is 11"): +1 / -1, 3 ordinary youth answers changed;
* ``x_from_year`` ("drake from year 10"): +2 / 0, one ordinary answer changed, and the old rules already take most;
* ``the_lower_family`` ("the okonjos next door"): +4 / -4 ("the smiths are mint", a band);
* ``lower_given`` and ``lower_given_slot`` (a lower-case library name that is no word and no typo of one): +7 / -3
  and +3 / -1 ("billie eilish", "kai cenat");
* ``on_the_lower`` ("from the gascoigne", an estate in lower case): +4 / -9, 3 ordinary answers and 3 NHS comments
  changed (districts and places kept by the writers: "the dingle", "the wirral", "the arndale", "the maes");

* ``list_neighbour``: a word beside a found name in a list ("[name], Ruby and me"). On writers 12-41: 15 more
  items removed, 83 items to keep lost (job titles, places and languages beside a name: "[name], Early Help
  Practitioner", "[name], Portuguese speaker"), 16 NHS comments changed.
"""
from __future__ import annotations

import re

from analysis.redaction.names import english_words

BASE = None  # set by the harness: text -> the shipped redactor's spans
ALL = ["list_neighbour"]

_NOT_NEIGHBOUR = frozenset("me i my mum dad mam nan her him his their our she he they we you them us the a "
                           "baby kids children family friends mates sister brother nana grandad gran grandma auntie "
                           "uncle cousin cousins twin twins partner husband wife boyfriend girlfriend carer carers "
                           "staff police school".split())
_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|n|an|&|or)[ \t]+)"


def list_neighbour(t):
    vocab = english_words()
    out = []
    for a, b, kind in BASE(t):
        if kind != "name":
            continue
        right = re.match(_SEP + r"([A-Za-z][a-z'\-]+)\b", t[b:])
        left = re.search(r"\b([A-Za-z][a-z'\-]+)" + _SEP + "$", t[max(0, a - 30):a])
        for m, base in ((right, b), (left, max(0, a - 30))):
            if m:
                w = m.group(1)
                if w.lower() not in _NOT_NEIGHBOUR and (w[0].isupper() or w.lower() not in vocab):
                    out.append((base + m.start(1), base + m.end(1), "name"))
    return out


# ---- stop 47, second round: young people's lower-case names (tuned on r12, r20, r32, r36 and the rest of 12-41)
from analysis.redaction.names import names_after_cue  # noqa: E402
from analysis.redaction.people import keep_proper  # noqa: E402

ALL += ["kin_lower", "x_from_year", "the_lower_family"]

_PEOPLE_WORDS = frozenset("him her them us it my his her their our mum dad mam nan nana gran grandad friends mates "
                          "friend mate family others everyone people boys girls lads kids sister brother cousin "
                          "cousins bro sis someone some the a an all both".split())
_KIN_LOWER = re.compile(r"\b(?:my|his|her|our|their|ur|me)[ \t]+(?:(?:little|lil|big|older|younger|baby|step|"
                        r"half|best|other)[ \t]+)?(?:cousin|brother|bro|sister|sis|son|daughter|mum|mam|dad|mate|"
                        r"friend|pal|boyfriend|girlfriend|bf|gf|nan|nana|uncle|auntie|aunty|niece|nephew|stepdad|"
                        r"stepmum)[ \t]+([a-z][a-z\-]{1,12})(?=[ \t]*(?:[,.!?;)]|$|\n|is\b|was\b|has\b|had\b|got\b|"
                        r"and\b|n\b|said\b|says\b|who\b|gets\b|does\b|did\b|lives\b|works\b|takes\b|keeps\b|"
                        r"always\b|never\b|just\b|still\b|went\b|goes\b|used\b|listens?\b|came\b))")


def kin_lower(t):
    vocab = english_words()
    cued = names_after_cue()
    out = []
    for m in _KIN_LOWER.finditer(t):
        w = m.group(1)
        if w in _PEOPLE_WORDS or w in keep_proper():
            continue
        if w not in vocab or w in cued:
            out.append((m.start(1), m.end(1), "name"))
    return out











_FROM_YEAR = re.compile(r"\b([a-z][a-z\-]{1,12})[ \t]+(?:from|in)[ \t]+(?:year|yr|y)[ \t]?\d{1,2}\b")


def x_from_year(t):
    vocab = english_words()
    cued = names_after_cue()
    out = []
    for m in _FROM_YEAR.finditer(t):
        w = m.group(1)
        if w in _PEOPLE_WORDS or w in keep_proper() or w in ("one", "ones", "lad", "girl", "boy", "kid", "lot",
                                                              "gang", "group", "loads", "most", "none", "half"):
            continue
        if w not in vocab or w in cued:
            out.append((m.start(1), m.end(1), "name"))
    return out


_THE_LOWER_FAMILY = re.compile(r"\bthe[ \t]+([a-z][a-z\-]{2,14})s\b(?=[ \t]+(?:next[ \t]+door|from[ \t]+next|"
                               r"family|on[ \t]+the|at|mainly|run|are|always|live|from))")


def the_lower_family(t):
    from analysis.redaction.names import all_surnames
    sur = all_surnames()
    vocab = english_words()
    out = []
    for m in _THE_LOWER_FAMILY.finditer(t):
        stem = m.group(1)
        if stem in sur or (stem not in vocab and stem + "s" not in vocab):
            out.append((m.start(1), m.end(), "name"))
    return out





# ---- a lower-case given name from the kept lists, when it is no English word and no typo of one
from analysis.redaction.names import _hand_given, _library_given  # noqa: E402

ALL += ["lower_given", "lower_given_slot"]
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _typo_of_word(w, vocab):
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    for a, b in splits:
        if b and a + b[1:] in vocab and len(a + b[1:]) > 2:
            return True
        if len(b) > 1 and a + b[1] + b[0] + b[2:] in vocab:
            return True
        for c in _LETTERS:
            if b and a + c + b[1:] in vocab and len(w) > 3:
                return True
            if a + c + b in vocab and len(w) > 2:
                return True
    return False


_LOWER_TOKEN = re.compile(r"(?<![\w@#.'\u2019/\-])([a-z][a-z]{1,14})(?![\w@\-])")


def _lower_given_spans(t, slot):
    vocab = english_words()
    names = _library_given() | _hand_given()
    keep = keep_proper()
    out = []
    for m in _LOWER_TOKEN.finditer(t):
        w = m.group(1)
        if w in vocab or w not in names or w in keep or len(w) < 3:
            continue
        if _typo_of_word(w, vocab):
            continue
        if slot and not _SLOT.search(t, max(0, m.start() - 25), m.start()) and not _SLOT_AFTER.match(t, m.end()):
            continue
        out.append((m.start(1), m.end(1), "name"))
    return out


_SLOT = re.compile(r"(?:\b(?:me|and|n|&|with|wiv|to|told|tell|ask|called|like|but|cos|mate|friend|bestie|bro|sis|"
                   r"brother|sister|cousin|boyfriend|girlfriend|bf|gf|mum|dad|nan|uncle|auntie)|^|[,.!?(])[ \t]*$")
_SLOT_AFTER = re.compile(r"(?:['\u2019]?s\b|[ \t]*(?:,|and\b|n\b|&|is\b|was\b|has\b|had\b|got\b|said\b|says\b|"
                         r"went\b|goes\b|keeps\b|always\b|never\b|from\b|in\b|who\b))")


def lower_given(t):
    return _lower_given_spans(t, slot=False)


def lower_given_slot(t):
    return _lower_given_spans(t, slot=True)











ALL += ["on_the_lower"]
_ON_THE_LOWER = re.compile(r"\b(?:on|from|off|in|round|near|outside)[ \t]+the[ \t]+([a-z]{4,14})\b"
                           r"(?=[ \t]*(?:[,.!?)]|$|\n|n\b|and\b|estate\b|side\b|way\b|is\b|was\b|where\b|but\b|cos\b))")


def on_the_lower(t):
    vocab = english_words()
    keep = keep_proper()
    out = []
    for m in _ON_THE_LOWER.finditer(t):
        w = m.group(1)
        if w not in vocab and w not in keep and not (w.endswith("s") and w[:-1] in vocab):
            out.append((m.start(1), m.end(1), "address"))
    return out




# ---- stop 48: tuned on r43, r48-r50, r54, r55, r58, r60, r62 (the young people's sets read) and 12-41
from analysis.redaction.names import all_surnames  # noqa: E402
from analysis.redaction.people import uk_places  # noqa: E402

ALL += ["kin_mod", "plural_staff", "the_cap_family", "at_named_place", "at_the_named_place"]

_KIN_MOD = re.compile(r"\b(?:my|me|ma|mah|his|her|our|their|ur|wor)[ \t]+(?:(?:big|wee|little|lil|baby|half|older|"
                      r"younger|step)[ \t]*)(?:sis|bro|brother|sister|cousin|sister|bruv|dad|mum|mam|da|maw)"
                      r"[ \t]+([A-Za-z][a-z'\-]{1,14})\b")
_KIN_PARENT = re.compile(r"\b(?:my|me|ma|mah|his|her|our|their|ur|wor)[ \t]+(?:birth[ \t]+|foster[ \t]+|real[ \t]+)?"
                         r"(?:dad|mum|mam|da|maw|mom|mummy|daddy)[ \t]+([A-Za-z][a-z'\-]{1,14})\b")


def _name_word(w, vocab, given):
    lw = w.lower()
    if lw in _PEOPLE_WORDS or lw in keep_proper():
        return False
    if w[0].isupper():
        return lw in given or lw not in vocab
    return lw in given and lw not in vocab


def kin_mod(t):
    vocab = english_words()
    given = names_after_cue()
    out = []
    for rx in (_KIN_MOD, _KIN_PARENT):
        for m in rx.finditer(t):
            w = m.group(1)
            if _name_word(w, vocab, given):
                out.append((m.start(1), m.end(1), "name"))
    return out


_PLURAL_STAFF = re.compile(r"\b(?:staff|carers|foster[ \t]+carers|youth[ \t]+workers|workers|leaders|key[ \t]+workers|"
                           r"teachers|coaches|volunteers)(?:[ \t]+(?:there|here|called|like|are|were|is))?[ \t,:]+"
                           r"([A-Z][a-z'\-]{1,14})(?:[ \t]*(?:,|and|n|&)[ \t]*([A-Z][a-z'\-]{1,14}))?")


def plural_staff(t):
    vocab = english_words()
    given = names_after_cue()
    out = []
    for m in _PLURAL_STAFF.finditer(t):
        for g in (1, 2):
            w = m.group(g)
            if w and w.lower() not in STOP_ and (w.lower() in given or w.lower() not in vocab) \
                    and w.lower() not in uk_places():
                out.append((m.start(g), m.end(g), "name"))
    return out


STOP_ = frozenset("the a an and at in on from there here are were is was have had".split())
_THE_CAP_FAMILY = re.compile(r"\b(?:the|The|THE)[ \t]+([A-Z][a-zA-Z'\-]{1,14}|[A-Z]{3,15})(s|S)\b")


def the_cap_family(t):
    sur = all_surnames()
    out = []
    for m in _THE_CAP_FAMILY.finditer(t):
        stem = m.group(1).lower()
        if stem in sur and stem not in keep_proper():
            out.append((m.start(1), m.end(2), "name"))
    return out


_AT_PLACE = re.compile(r"(?<![.!?]\s)\b(?:at|from|fae|to|in|left|outside)[ \t]+([A-Z][a-z'\-]{3,16})(?![ \t]+[A-Z])\b")


def at_named_place(t):
    vocab = english_words()
    places = uk_places()
    given = names_after_cue()
    sur = all_surnames()
    out = []
    for m in _AT_PLACE.finditer(t):
        w = m.group(1)
        lw = w.lower()
        if lw in vocab or lw in places or lw in keep_proper() or lw in given or lw in sur:
            continue
        if public_re().search(w):
            continue
        out.append((m.start(1), m.end(1), "address"))
    return out


_AT_THE_PLACE = re.compile(r"\b(?:at|from|fae|to|left|outside|moved[ \t]+to)[ \t]+the[ \t]+([A-Z][a-z'\-]{2,16})\b"
                           r"(?![ \t]+[A-Za-z])")


def at_the_named_place(t):
    places = uk_places()
    out = []
    for m in _AT_THE_PLACE.finditer(t):
        w = m.group(1)
        lw = w.lower()
        if lw in places or lw in keep_proper() or public_re().search(w):
            continue
        out.append((m.start(1), m.end(1), "address"))
    return out


def public_re():
    from analysis.redaction.people import public_figures
    return public_figures()


ALL += ["home_by_cue"]
_HOME_CUE = re.compile(r"\b(?i:lived?|lives|living|moved|move|ran[ \t]+away|run[ \t]+away|placed|placement|staying|"
                       r"stay|stays|staff|i'm|im|i[ \t]+am|now|got[ \t]+moved|transferred)[ \t]+(?:to|from|at|in)"
                       r"[ \t]+(?:the[ \t]+)?([A-Z][a-z'\-]{3,16}(?:[ \t]+[A-Z][a-z'\-]{2,12})?)\b")


def home_by_cue(t):
    vocab = english_words()
    places = uk_places()
    out = []
    for m in _HOME_CUE.finditer(t):
        w = m.group(1)
        lw = w.lower()
        first = lw.split()[0]
        if lw in places or first in places or lw in keep_proper() or public_re().search(w):
            continue
        if len(lw.split()) == 1 and lw in vocab and not lw.endswith("s"):
            continue
        out.append((m.start(1), m.end(1), "service"))
    return out

# ---------------------------------------------------------------- stop 50
# The candidates of stop 50 that were shipped live in analysis/redaction/by_context.py and venues_by_context.py.
# Left here, measured on the tuning waves (r12-r41, r43, r48-r50, r54, r55, r58, r60, r62) and not shipped: the common
# given names of names-dataset (analysis/redaction/data/common_given.txt) as ``extra_names``, capitalised anywhere
# (+135 removed / -79 kept lost, 42 NHS comments changed), and after a cue only (+7 / -2).
ALL += ["nd_extra", "nd_cued"]
_ND = {}


def nd_extra(t):
    if "red" not in _ND:
        from analysis.redaction import PersonalDataRedactor
        from analysis.redaction.context_lists import common_given
        _ND["red"] = PersonalDataRedactor(extra_names=common_given()).fit()
    return _ND["red"].find(t)


def nd_cued(t):
    if "cued" not in _ND:
        from analysis.redaction import PersonalDataRedactor
        from analysis.redaction.context_lists import common_given
        r = PersonalDataRedactor().fit()
        r.cued_ = r.cued_ | common_given()
        _ND["cued"] = r
    return _ND["cued"].find(t)
