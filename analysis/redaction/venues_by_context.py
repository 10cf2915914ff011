"""Places young people name in lower case or without a type word (stop 50), from the misses on the young people's
blind redaction writers read for tuning:

* a school, youth club, surgery, nursery, home, centre or hub named in lower case after a word that places someone
  there: "at kingfisher primary", "excluded from hope academy", "at kiln youth club", "childrens home called
  ashgrove house", "the lockleaze hub";
* a small business by its owner's name ("hakim's chicken shop", "outside raja's", "carol's nails"), told by
  "called" ("the shop next to kfc called quick stop"), by a trade word ("kings cuts", "ace tyres") or a pub ("the
  Farmers Arms", "the Jolly Sailor pub");
* a school by a name alone where the sentence is about school: "at tamarside people vape in the toilets", "i go to
  moor end", "the head at coombe dean";
* a record number a few words after its cue ("my pupil number is on my lanyard, 4827193"), a house by its number
  after where someone lives ("we live at 41 not 47"), a street with a lower-case type word ("on Deeplish road").

Every word list that encodes a judgement is in ``data/venue_words.txt`` with its reason. Each function yields
``(start, end, kind)``.
"""

from __future__ import annotations

import re

from .context_lists import cued_or_listed, strange
from .context_lists import section as _section
from .names import _noun_index, all_surnames
from .people import fold, keep_proper, public_figures, uk_places

# ---------------------------------------------------------------- schools and services in lower case
_PLACING = r"(?:at|to|from|fae|outside|near|attends|attend|attended|called|school:?|\()"
LOWER_SCHOOL = re.compile(r"\b" + _PLACING + r"[ \t]+((?:[a-z][a-z'\u2019\-]+[ \t]+){1,3}?)"
                          r"(?:primary(?:[ \t]+school)?|academy|high[ \t]+school|grammar(?:[ \t]+school)?|"
                          r"junior(?:[ \t]+school)?|juniors|infants?(?:[ \t]+school)?|community[ \t]+college|"
                          r"high|college)\b(?![ \t]+(?:care|concern|reason|aim|goal|carers?|age|teachers?|course|"
                          r"student|students|kids|pupils|work|trip|bus)\b)")
LOWER_SERVICE = re.compile(r"\b(?:at|to|from|fae|outside|near|called|in|was|the)[ \t]+"
                           r"((?:[a-z][a-z'\u2019\-]+[ \t]+){1,2}?)"
                           r"(?:youth[ \t]+club|youth[ \t]+centre|youth[ \t]+project|surgery|medical[ \t]+centre|"
                           r"health[ \t]+centre|nursery|family[ \t]+centre|community[ \t]+centre|house|lodge)\b")
# a centre, clinic, hub or practice: a name that is no word and no place ("the fenwick centre", "the lockleaze hub")
LOWER_CENTRE = re.compile(r"\b(?:at|to|from|fae|outside|near|called|the)[ \t]+((?:[a-z][a-z'\u2019\-]+[ \t]+){1,2}?)"
                          r"(?:centre|center|clinic|hub|practice|medical[ \t]+centre)\b")
# "house" and "lodge" name a home only where the answer is about living there
_HOUSE_CUE = re.compile(r"children'?s[ \t]+home|care[ \t]+home|placement|placed|staff|flat|floor|block|unit|"
                        r"key[ \t]*worker|lived?[ \t]+(?:at|in)|lives[ \t]+(?:at|in)|living[ \t]+(?:at|in)",
                        re.IGNORECASE)


def _name_words(words: list[str], generic: frozenset[str]) -> int:
    """Index of the first word of the name: the words after the last generic one."""
    k = len(words)
    while k > 0 and fold(words[k - 1]) not in generic and fold(words[k - 1]) not in keep_proper():
        k -= 1
    return k


def find_lower_venues(text: str, vocab: frozenset[str]):
    not_school = _section("not a school name")
    for m in LOWER_SCHOOL.finditer(text):
        words = m.group(1).split()
        k = _name_words(words, not_school)
        if k == len(words) or any(fold(w) in keep_proper() for w in words):
            continue  # "leicester tigers academy": a town's team
        suffix = text[m.end(1):m.end()].split()[0]
        if suffix in ("high", "college") and all(fold(w) in vocab for w in words[k:]):
            continue  # "the girls from notre dame high" is taken; "went to further college" is not a name
        a = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
        yield a, m.start(1) + len(m.group(1).rstrip()), "school"
    not_service = _section("not a service name") | not_school
    for m in LOWER_SERVICE.finditer(text):
        words = m.group(1).split()
        k = _name_words(words, not_service)
        if k == len(words) or any(re.search(r"['\u2019]s$", w) for w in words[k:]):
            continue
        suffix = text[m.end(1):m.end()].split()[-1]
        if suffix in ("house", "lodge") and all(fold(w) in vocab for w in words[k:]) and not _HOUSE_CUE.search(text):
            continue
        a = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
        yield a, m.start(1) + len(m.group(1).rstrip()), "service"
    for m in LOWER_CENTRE.finditer(text):
        words = m.group(1).split()
        k = _name_words(words, not_service)
        if k < len(words) and all(strange(w, vocab) for w in words[k:]) \
                and not any(re.search(r"['\u2019]s$", w) for w in words[k:]):
            a = m.start(1) + len(" ".join(words[:k])) + (1 if k else 0)
            yield a, m.start(1) + len(m.group(1).rstrip()), "service"


# ---------------------------------------------------------------- a business by its owner's name
_TRADE = (r"shop|chicken|chippy|chip[ \t]+shop|nails|bookies|barbers|barber's|cafe|caf\u00e9|takeaway|store|stores|"
          r"garage|coaches|plaice|kebabs?|kebab[ \t]+shop|off[ \t]+licence|offy|corner[ \t]+shop|salon|motors|"
          r"mini[ \t]+mart|convenience(?:[ \t]+store)?|food[ \t]+store|supermarket|pizza|car[ \t]+wash|tyres|taxis?|"
          r"cabs|gym|diner|bakery|newsagents?|butchers|grocers?|launderette")
POSSESSIVE_BUSINESS = re.compile(r"\b([A-Za-z][a-z]+)(['\u2019]s|s)[ \t]+(?:" + _TRADE + r")\b"
                                 r"|\b(?:outside|at|from|near|by|behind)[ \t]+([A-Za-z][a-z]+)['\u2019]s\b"
                                 r"(?![ \t]+(?:house|mum|dad|nan|place|party|flat|room|car|brother|sister|mate|"
                                 r"friend))")


def find_owned_businesses(text: str, vocab: frozenset[str]):
    """The owner's name in "hakim's chicken shop" (any word that is no English word, or a listed name) and in
    "outside raja's" (a listed name only)."""
    given = cued_or_listed()
    surnames = all_surnames()
    for m in POSSESSIVE_BUSINESS.finditer(text):
        if m.group(1):
            if m.group(2) == "s" and not re.match(r"['\u2019]", text[m.end(1):]):
                continue  # "carols nails" without an apostrophe is too like a plural
            a, b, stem = m.start(1), m.end(2), m.group(1).lower()
        else:  # "outside raja's": the owner's name goes, the possessive stays
            a, b, stem = m.start(3), m.end(3), m.group(3).lower()
        if stem in _section("not an owner") or stem in keep_proper() or public_figures().search(text[a:b]):
            continue
        if stem in given or stem in surnames or m.group(1) and stem not in vocab:
            yield a, b, "service" if m.group(1) else "name"


# ---------------------------------------------------------------- a venue after "called"
_VENUE = (r"shop|chippy|takeaway|cafe|caf\u00e9|club|gym|home|centre|center|place|bar|barbers|salon|garage|wash|"
          r"agency|studio|pub|restaurant|church|firm|business|company|store|unit|nursery|school|mosque|temple|"
          r"gurdwara|hostel|academy|college|venue|building|block|flats|team|project|estate")
CALLED_VENUE = re.compile(r"\b(?:" + _VENUE + r")\b[^.!?\n]{0,40}?\b(?:called|named)[ \t]+"
                          r"((?:the[ \t]+)?[A-Za-z0-9&'\u2019\-]+(?:[ \t]+(?!(?:on|in|at|and|near|by|which|that|where|"
                          r"who|but|is|was|its|it's|run|next|off|opposite|for|with|n|cos|because|so|i|he|she|they|we|"
                          r"lol)\b)[A-Za-z0-9&'\u2019\-]+){0,3})", re.IGNORECASE)


def find_called_venues(text: str, vocab: frozenset[str]):
    for m in CALLED_VENUE.finditer(text):
        parts = list(re.finditer(r"\S+", m.group(1)))
        first = 1 if parts[0].group().lower() == "the" and len(parts) > 1 else 0
        k = len(parts)
        if parts[first].group()[0].isupper():  # "Hot Wings Express": a capitalised name ends at the first small word
            k = first + 1
            while k < len(parts) and (parts[k].group()[0].isupper() or parts[k].group() == "&"):
                k += 1
        phrase = m.group(1)[:parts[k - 1].end()]
        words = [fold(w) for w in phrase.split() if fold(w) != "the"]
        if not words or all(w in keep_proper() for w in words) or public_figures().search(phrase) \
                or phrase[0].isdigit() or words[0] in ("person", "worker", "nurse", "officer"):
            continue  # "the named person"
        if len(words) == 1 and words[0] in vocab and phrase.split()[-1][0].islower():
            continue  # "a club called boxing", "the club is called the hub"
        yield m.start(1), m.start(1) + len(phrase), "service"


# ---------------------------------------------------------------- a school by its name alone, in talk of school
_SCHOOL_TALK = re.compile(r"\b(?:teachers?|head(?:teacher|[ \t]+of[ \t]+year)?|form[ \t]+tutor|tutor|year[ \t]*\d{1,2}|"
                          r"yr[ \t]*\d{1,2}|in[ \t]+my[ \t]+(?:year|form|class)|pupils|school[ \t]+nurse|"
                          r"dinner[ \t]+ladies|excluded|detention|lessons?|blazers?|uniform|sixth[ \t]+form|s[1-6]|"
                          r"sir|miss|toilets|canteen|playground|bullied|bullying)\b", re.IGNORECASE)
AT_SCHOOL = re.compile(r"\b(?:at|go(?:es)?(?:[ \t]+to)?|went[ \t]+to|going[ \t]+to|from|"
                       r"(?:excluded|expelled)[ \t]+from|kicked[ \t]+out[ \t]+of|(?:moved|bus|lift)[ \t]+to|"
                       r"fae|outside|"
                       r"in[ \t]+my[ \t]+year[ \t]+at|school[ \t]+is)[ \t]+"
                       r"((?:[A-Za-z][a-z'\u2019\-]+)(?:[ \t]+[A-Za-z][a-z'\u2019\-]+)?)\b")


def find_schools_by_talk(text: str, vocab: frozenset[str]):
    not_school = _section("not a school name")
    religious = _section("religious words")
    places = uk_places()
    nouns = _noun_index()  # countries and cities: "i moved here from syria"
    for m in AT_SCHOOL.finditer(text):
        start = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0]
        if not _SCHOOL_TALK.search(text, start, min(ends or [len(text)])):
            continue
        words = m.group(1).split()
        if len(words) == 2 and fold(words[1]) in _section("place name endings") \
                and fold(words[0]) not in not_school and fold(words[0]) not in _section("not before a place ending") \
                and not any(fold(w) in keep_proper() or fold(w) in religious for w in words) \
                and text[m.start():m.start(1)].split()[0].lower() not in ("from", "fae") \
                and not re.match(r"[ \t]+(?:leisure|sports|centre|center|station|road|street|estate|shopping|park|"
                                 r"library|baths|pool|market)\b", text[m.end(1):], re.IGNORECASE):
            yield m.start(1), m.end(1), "school"  # "i go to moor end", "at carr manor", "the head at coombe dean"
            continue
        if len(words) == 2 and (fold(words[1]) in vocab or fold(words[1]) in not_school):
            words = words[:1]
        joined = " ".join(fold(w) for w in words)
        if any("'" in w or "\u2019" in w or fold(w) in religious or fold(w) in not_school or fold(w) in vocab
               or fold(w) in nouns for w in words):
            continue
        if joined in places or fold(words[0]) in places or joined in keep_proper() \
                or public_figures().search(" ".join(words)):
            continue
        yield m.start(1), m.start(1) + len(" ".join(words)), "school"


# "Kojos name", "Zayns asthma", "Kaydens DOB": a given name with a possessive s and no apostrophe
# with the council 0044718", "plate number 2378", "they gave us a number 3301-77812"
NUMBER_AFTER_CUE = re.compile(r"\b(?i:(?:pupil|case|personal|reference|ref|crime|incident|collar|badge|plate|"
                              r"membership|account|customer|student|candidate|log|claim|tenancy|housing)[ \t]+"
                              r"(?:number|no|num|ref)|reference|a[ \t]+number)\b"
                              r"[^.!?\n\d]{0,40}?(?<![\w£$])(\d[\d/\-]{3,14}\d)(?![\w%]|[.,]\d)")
# a house told by its number alone after where someone lives, and the numbers beside it: "we live at 41 not 47",
# "bricks through windows at 44 and 46", "he lives at 102"
LIVES_AT_NUMBER = re.compile(r"\b(?i:live|lives|living|lived|stay|stays|staying|house|houses|windows|wanted|"
                             r"address[ \t]+(?:is|was))[ \t]+at[ \t]+(\d{1,4}[a-z]?)"
                             r"((?:[ \t]+(?:and|not|or|&)[ \t]+\d{1,4}[a-z]?)*)\b"
                             r"(?![ \t]*(?:[.:]\d|am\b|pm\b|years|yrs|mins|minutes|o'clock|[A-Z]|"
                             r"in[ \t]+the[ \t]+(?:morn|even|after|night)|at[ \t]+night))")
# a street named with a capital and its type word in lower case: "on Deeplish road", "past Selly Oak lane"
MIXED_STREET = re.compile(r"\b(?i:on|off|near|by|along|down|up|round|past|behind|opposite|from|of)[ \t]+"
                          r"((?:[A-Z][a-z'\-]+[ \t]+){1,2}(?:road|street|lane|avenue|close|drive|crescent|grove))\b")


def find_numbers_by_cue(text: str):
    for m in NUMBER_AFTER_CUE.finditer(text):
        digits = m.group(1)
        if re.fullmatch(r"(?:19|20)\d\d", digits) or re.search(r"\b(?:text|ring|call|phone|dial)\b",
                                                                  text[m.start():m.start(1)], re.IGNORECASE):
            continue  # a year; a helpline: "a number to text like shout 85258"
        yield m.start(1), m.end(1), "reference"
    for m in LIVES_AT_NUMBER.finditer(text):
        yield m.start(1), m.end(1), "address"
        for n in re.finditer(r"\d{1,4}[a-z]?", m.group(2) or ""):
            yield m.start(2) + n.start(), m.start(2) + n.end(), "address"
    for m in MIXED_STREET.finditer(text):
        words = [fold(w) for w in m.group(1).split()[:-1]]
        if not any(w in keep_proper() or w in ("main", "high", "the", "my", "our") for w in words):
            yield m.start(1), m.end(1), "address"


# a listed name in lower case after a word for a person or "especially": "the owner sal", "cpl hayes", "his mum
# dee", "esp kev and shaz", "a year 11 called kaylan", "he was called amrit"
# a pub by its name: "the Farmers Arms", "the Kings Head", "the Jolly Sailor pub", "the Chequers pub"
PUB = re.compile(r"\b((?:[A-Z][a-z'\u2019]+[ \t]+)?[A-Z][a-z'\u2019]+)[ \t]+(?:Arms|Inn|Tavern)\b"
                 r"|\b[Tt]he[ \t]+((?:[A-Z][a-z]+s|Nags|Bulls))[ \t]+Head\b"
                 r"|\b[Tt]he[ \t]+((?:[A-Z][a-z'\u2019]+[ \t]+)?[A-Z][a-z'\u2019]+)[ \t]+(?i:pub)\b")
# a small business named in lower case by a trade word: "kings cuts", "ace tyres", "nawaz stores", "star mini mart"
LOWER_TRADE = re.compile(r"\b(?:at|from|called|near|outside|its|it's)[ \t]+"
                         r"((?:[a-z][a-z&'\u2019\-]*[ \t]+){1,2}?)(?:stores|tyres|motors|mini[ \t]+mart|fitness|foods|"
                         r"autos|fisheries|kebabs|barbers|cuts|cutz|news|convenience|food[ \t]+and[ \t]+wine)\b")


def find_pubs_and_trades(text: str, vocab: frozenset[str]):
    not_trade = _section("not a trade name")
    for m in PUB.finditer(text):
        g = next(i for i in (1, 2, 3) if m.group(i))
        words = [fold(w) for w in m.group(g).split()]
        if not any(w in keep_proper() for w in words) and words[0] not in ("the", "a", "my", "our", "local"):
            yield m.start(g), m.end(g), "service"
    for m in LOWER_TRADE.finditer(text):
        words = m.group(1).split()
        if any(fold(w) in not_trade or fold(w) in keep_proper() for w in words) or public_figures().search(m.group(1)):
            continue
        yield m.start(1), m.start(1) + len(m.group(1).rstrip()), "service"
