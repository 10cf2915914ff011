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


# ---------------------------------------------------------------- stop 50: young people's venues and families
from analysis.redaction.people import fold  # noqa: E402

ALL += ["lower_school_cued", "lower_service_cued", "possessive_business", "the_surname_plural", "called_venue",
        "school_context_at"]
_GENERIC = frozenset("the a an my our his her their your this that its it's its' old new local big small little "
                     "nearby good bad great best worst decent nice rubbish crap proper whole same other next last "
                     "first one two catholic church faith state private special secondary primary high sixth form "
                     "further higher community village town city free girls boys boys' girls' all-girls all-boys "
                     "mixed football rugby dance drama music art police nursing film cooking coding "
                     "any every some which what whose each another no and or but at to from in on of by with for "
                     "is was are were be been i we they he she it you me him them us our". split()) | {"c", "e"}
_SCHOOL_CUE = r"(?:at|to|from|fae|outside|near|attends|attend|attended|called|school:?|\()"
LOWER_SCHOOL_CUED = re.compile(r"\b" + _SCHOOL_CUE + r"[ \t]+((?:[a-z][a-z'\u2019\-]+[ \t]+){1,3}?)"
                               r"(?:primary(?:[ \t]+school)?|academy|high[ \t]+school|grammar(?:[ \t]+school)?|"
                               r"junior(?:[ \t]+school)?|juniors|infants?(?:[ \t]+school)?|community[ \t]+college|"
                               r"high|college)\b(?![ \t]+(?:care|concern|reason|aim|goal|carers?|age|teachers?|"
                               r"course|student|students|kids|pupils|work|trip|bus)\b)")


def lower_school_cued(t):
    out = []
    for m in LOWER_SCHOOL_CUED.finditer(t):
        words = m.group(1).split()
        k = len(words)
        while k > 0 and fold(words[k - 1]) not in _GENERIC and fold(words[k - 1]) not in keep_proper():
            k -= 1
        if k == len(words):
            continue
        suffix = t[m.end(1):m.end()].split()[0]
        if suffix in ("high", "college") and k < len(words) - 1:
            pass
        if suffix in ("high", "college") and all(fold(w) in english_words() for w in words[k:]):
            continue
        a = m.start(1) + m.group(1).find(words[k]) if k else m.start(1)
        out.append((a, m.start(1) + len(m.group(1).rstrip()), "school"))
    return out


LOWER_SERVICE_CUED = re.compile(r"\b(?:at|to|from|fae|outside|near|called|in|was|the)[ \t]+"
                                r"((?:[a-z][a-z'\u2019\-]+[ \t]+){1,2}?)"
                                r"(?:youth[ \t]+club|youth[ \t]+centre|youth[ \t]+project|surgery|medical[ \t]+centre|"
                                r"health[ \t]+centre|nursery|family[ \t]+centre|community[ \t]+centre|"
                                r"house|lodge)\b")
_SERVICE_GENERIC = _GENERIC | frozenset("health medical dental gp doctors doctor's doctors' walk-in walk youth sure "
                                        "start children's childrens family care foster residential respite "
                                        "leisure sports sport shopping job jobs town city day drop-in drop crisis "
                                        "council housing my our a the whose who school sexual mental "
                                        "vaccination covid test testing gum contraception eye optician boarding "
                                        "open full bad nice safe big house halfway trap crack drug drugs party safe "
                                        "someone's anyone's everyone's people's their own actual initial final minor "
                                        "major eye knee hip heart keyhole laser "
                                        "cosmetic emergency routine planned same previous recent empty".split())
_HOUSE_CUE = re.compile(r"children'?s[ \t]+home|care[ \t]+home|placement|placed|staff|flat|floor|block|unit|"
                        r"key[ \t]*worker|lived?[ \t]+(?:at|in)|lives[ \t]+(?:at|in)|living[ \t]+(?:at|in)",
                        re.IGNORECASE)


def lower_service_cued(t):
    out = []
    for m in LOWER_SERVICE_CUED.finditer(t):
        words = m.group(1).split()
        k = len(words)
        while k > 0 and fold(words[k - 1]) not in _SERVICE_GENERIC and fold(words[k - 1]) not in keep_proper():
            k -= 1
        if k == len(words):
            continue
        suffix = t[m.end(1):m.end()].split()[-1]
        if any(re.search(r"['\u2019]s$", w) for w in words[k:]) or suffix in ("house", "lodge") and \
                all(fold(w) in english_words() for w in words[k:]) and not _HOUSE_CUE.search(t):
            continue
        a = m.start(1) + m.group(1).find(words[k]) if k else m.start(1)
        out.append((a, m.start(1) + len(m.group(1).rstrip()), "service"))
    return out


_POSS_TRADE = (r"shop|chicken|chippy|chip[ \t]+shop|nails|bookies|barbers|barber's|cafe|caf\u00e9|takeaway|store|"
               r"stores|garage|coaches|plaice|kebabs?|kebab[ \t]+shop|off[ \t]+licence|offy|corner[ \t]+shop|"
               r"salon|motors|mini[ \t]+mart|convenience(?:[ \t]+store)?|food[ \t]+store|supermarket|pizza|"
               r"car[ \t]+wash|tyres|taxis?|cabs|gym|diner|bakery|newsagents?|butchers|grocers?|launderette")
POSS_BUSINESS = re.compile(r"\b([A-Za-z][a-z]+)['\u2019]?s[ \t]+(?:" + _POSS_TRADE + r")\b"
                           r"|\b(?:outside|at|from|near|by|behind|to)[ \t]+([A-Za-z][a-z]+['\u2019]s)\b"
                           r"(?![ \t]+(?:house|mum|dad|nan|place|party|flat|room|car|brother|sister|mate|friend))")


def possessive_business(t):
    given = names_after_cue()
    sur = all_surnames()
    out = []
    for m in POSS_BUSINESS.finditer(t):
        g = 1 if m.group(1) else 2
        w = m.group(g)
        stem = re.sub(r"['\u2019]s$", "", w).lower()
        if g == 1 and not re.search(r"['\u2019]s$", t[m.start(1):m.end(1) + 2]):
            continue
        if stem in keep_proper() or w.lower() in keep_proper() or public_re().search(w):
            continue
        if stem not in given and stem not in sur:
            continue
        if stem in ("mum", "dad", "nan", "mam", "gran", "nana", "sister", "brother", "friend", "mate", "uncle",
                    "auntie", "aunty", "cousin", "his", "hers", "theirs", "ours", "st", "saint", "king", "queen"):
            continue
        end = m.end(g) if g == 2 else m.end(1) + len(re.match(r"['\u2019]?s", t[m.end(1):]).group())
        out.append((m.start(g), end, "service"))
    return out


THE_PLURAL = re.compile(r"\b(?:the|The|THE)[ \t]+((?:[Mm]a?c|[Oo]['\u2019])?[A-Za-z][a-z]+s)\b(?!['\u2019])")


def the_surname_plural(t):
    sur = all_surnames()
    vocab = english_words()
    out = []
    for m in THE_PLURAL.finditer(t):
        w = m.group(1)
        stem = w[:-1].lower()
        if stem.endswith("e") and stem[:-1] in sur and stem not in sur:
            stem = stem[:-1]
        if stem not in sur or w.lower() in vocab or stem in vocab or w.lower() in keep_proper() \
                or stem in keep_proper() or public_re().search(w):
            continue
        out.append((m.start(1), m.end(1), "name"))
    return out


_VENUE_NOUN = (r"shop|chippy|takeaway|cafe|club|gym|home|centre|place|bar|barbers|salon|garage|wash|agency|studio|"
               r"pub|restaurant|church|firm|business|company|store|unit|nursery|school|"
               r"mosque|temple|gurdwara|hostel|academy|college|garage|chicken[ \t]+shop|takeaway|venue")
CALLED_VENUE = re.compile(r"\b(?:" + _VENUE_NOUN + r")\b[^.!?\n]{0,40}?\b(?:called|named)[ \t]+"
                          r"((?:the[ \t]+)?[A-Za-z0-9&'\u2019\-]+(?:[ \t]+(?!(?:on|in|at|and|near|by|which|that|"
                          r"where|who|but|is|was|its|it's|run|next|off|opposite|for|with|n|cos|because|so|i|he|she|"
                          r"they|we|lol)\b)[A-Za-z0-9&'\u2019\-]+){0,3})", re.IGNORECASE)


def called_venue(t):
    vocab = english_words()
    out = []
    for m in CALLED_VENUE.finditer(t):
        phrase = m.group(1)
        words = [fold(w) for w in phrase.split() if fold(w) != "the"]
        if not words or all(w in keep_proper() for w in words) or public_re().search(phrase) \
                or phrase[0].isdigit() or words[0] in ("person", "worker", "nurse", "officer"):
            continue
        if len(words) == 1 and words[0] in vocab and phrase[0].islower() and not phrase.lower().startswith("the "):
            continue
        out.append((m.start(1), m.end(1), "service"))
    return out


_SCHOOLY = re.compile(r"\b(?:teachers?|head(?:teacher|[ \t]+of[ \t]+year)?|form[ \t]+tutor|tutor|year[ \t]*\d{1,2}|"
                      r"yr[ \t]*\d{1,2}|in[ \t]+my[ \t]+(?:year|form|class)|pupils|school[ \t]+nurse|"
                      r"dinner[ \t]+ladies|"
                      r"excluded|detention|lessons?|blazers?|uniform|sixth[ \t]+form|s[1-6]|sir|miss)\b",
                      re.IGNORECASE)
AT_SCHOOL = re.compile(r"\b(?:at|go[ \t]+to|goes[ \t]+to|went[ \t]+to|going[ \t]+to|from|excluded[ \t]+from|"
                       r"moved[ \t]+to|fae|outside|in[ \t]+my[ \t]+year[ \t]+at|school[ \t]+is)[ \t]+"
                       r"((?:[A-Za-z][a-z'\u2019\-]+)(?:[ \t]+[A-Za-z][a-z'\u2019\-]+)?)\b")


_RELIGIOUS = frozenset("madrasa madrassa madrasah mosque masjid church chapel temple gurdwara gurudwara mandir "
                       "synagogue mass prayers".split())


def _countries():
    from babel import Locale
    out = set()
    for loc in ("en",):
        for name in Locale(loc).territories.values():
            out.add(name.lower())
    return frozenset(out)


def school_context_at(t):
    vocab = english_words() | _countries()
    places = uk_places()
    out = []
    for m in AT_SCHOOL.finditer(t):
        sent_a = max(t.rfind(".", 0, m.start()), t.rfind("\n", 0, m.start())) + 1
        sent_b = min([i for i in (t.find(".", m.end()), t.find("\n", m.end())) if i >= 0] or [len(t)])
        if not _SCHOOLY.search(t[sent_a:sent_b]):
            continue
        words = m.group(1).split()
        # one name word, or two when neither is an ordinary word
        if len(words) == 2 and (fold(words[1]) in vocab or fold(words[1]) in _GENERIC):
            words = words[:1]
        lw = " ".join(fold(w) for w in words)
        if any("'" in w or "\u2019" in w or fold(w) in _RELIGIOUS for w in words):
            continue
        if any(fold(w) in _GENERIC or fold(w) in vocab for w in words) or lw in places or words[0].lower() in places \
                or lw in keep_proper() or public_re().search(" ".join(words)):
            continue
        out.append((m.start(1), m.start(1) + len(" ".join(words)) if len(words) == 1 else m.end(1), "school"))
    return out


# names-dataset (MIT; first names with per-country rank), GB top 20,000 and the top few thousand of the countries
# families here most often come from: analysis/redaction/data/common_given.txt (build_names.py). nd_cap2 shipped as
# by_context.find_common_given (stop 50); nd_extra (the names as extra_names, capitalised anywhere: +135 / -79, 42 NHS
# comments changed) and nd_cued (after a cue only: +7 / -2) did not.
ALL += ["nd_extra", "nd_cap"]
_ND = {}


def _nd_given():
    if "g" not in _ND:
        from analysis.redaction.people import uk_places as _pl
        vocab = english_words()
        from analysis.redaction.context_lists import listed_given
        raw = sorted(listed_given())
        _ND["g"] = frozenset(n.lower() for n in raw if n.isalpha() and len(n) > 2 and n.lower() not in vocab
                             and n.lower() not in _pl() and n.lower() not in keep_proper()
                             and n.lower() not in _countries())
    return _ND["g"]


def nd_extra(t):
    if "red" not in _ND:
        from analysis.redaction import PersonalDataRedactor
        _ND["red"] = PersonalDataRedactor(extra_names=_nd_given()).fit()
    return _ND["red"].find(t)


_CAPW = re.compile(r"(?<![\w'\u2019@#.])([A-Z][a-z]{2,14})(?![\w@])")


def nd_cap(t):
    g = _nd_given()
    known = names_after_cue()
    return [(m.start(1), m.end(1), "name") for m in _CAPW.finditer(t)
            if m.group(1).lower() in g and m.group(1).lower() not in known]


ALL += ["nd_cued"]


def nd_cued(t):
    if "cued" not in _ND:
        from analysis.redaction import PersonalDataRedactor
        r = PersonalDataRedactor().fit()
        r.cued_ = r.cued_ | _nd_given()
        _ND["cued"] = r
    return _ND["cued"].find(t)


ALL += ["nd_cap2"]
_CAPSEQ = re.compile(r"(?<![\w'\u2019@#./\-])([A-Z][a-z]{2,14})(?![\w@\-])")


def _nd_strict():
    if "s" not in _ND:
        from analysis.redaction.names import _noun_index
        from analysis.redaction.people import ambiguous_names
        _ND["s"] = _nd_given() - _noun_index() - ambiguous_names() - names_after_cue()
    return _ND["s"]


def nd_cap2(t):
    g = _nd_strict()
    known = names_after_cue()
    pub = [(m.start(), m.end()) for m in public_re().finditer(t)]
    out = []
    for m in _CAPSEQ.finditer(t):
        w = m.group(1).lower()
        if w not in g or any(a <= m.start() < b for a, b in pub):
            continue
        before = re.search(r"([A-Za-z]+)[ \t]+$", t[max(0, m.start() - 20):m.start()])
        after = re.match(r"[ \t]+([A-Za-z]+)", t[m.end():])
        if before and before.group(1)[0].isupper() and before.group(1).lower() not in known \
                and not _sentence_initial(t, m.start() - len(before.group(0))) \
                and before.group(1).lower() not in ("mr", "mrs", "ms", "miss", "dr", "and", "im", "i'm"):
            continue
        if after and after.group(1)[0].isupper() and after.group(1).lower() not in known:
            continue
        out.append((m.start(1), m.end(1), "name"))
    return out


def _sentence_initial(t, a):
    k = a - 1
    while k >= 0 and t[k] in " \t\"'(":
        k -= 1
    return k < 0 or t[k] in ".!?\n:;"
