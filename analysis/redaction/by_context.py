"""Names, families and places that young people write in lower case or without a type word (stop 50), from the
misses on the young people's blind redaction writers read for tuning:

* a given name or nickname no hand list held, capitalised on its own: "Pam", "Kaz", "Gurj", "Olly" (from
  ``data/common_given.txt``, built from names-dataset by ``build_names``);
* a school, youth club, surgery, nursery or home named in lower case after a word that places someone there:
  "at kingfisher primary", "excluded from hope academy", "at kiln youth club", "childrens home called ashgrove
  house";
* a small business by its owner's name: "hakim's chicken shop", "outside raja's", "carol's nails";
* a business or club told by "called": "the shop next to kfc called quick stop", "a chippy ... its called sal's
  plaice";
* a family by its plural: "the mcdonaghs", "the Johnsons on our road";
* a school by a name alone where the sentence is about school: "ppl at tong are racist... in my year",
  "the head at coombe dean".

Every word list that encodes a judgement is in ``data/venue_words.txt`` with its reason. Each function yields
``(start, end, kind)``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from .names import _noun_index, all_surnames, english_words, names_after_cue
from .people import _words, ambiguous_names, fold, keep_proper, public_figures, uk_places

_DIR = Path(__file__).parent / "data"


@cache
def _section(name: str) -> frozenset[str]:
    return _words(_DIR / "venue_words.txt", name)


@lru_cache(maxsize=1)
def listed_given() -> frozenset[str]:
    """names-dataset's common given names as the file holds them (words and places too: "raja", "hope")."""
    return frozenset(line.strip() for line in (_DIR / "common_given.txt").read_text(encoding="utf8").splitlines()
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def common_given() -> frozenset[str]:
    """names-dataset's common given names less English words, places, brands, names that need context and names
    the other lists already hold."""
    return listed_given() - english_words() - uk_places() - keep_proper() - ambiguous_names() - _noun_index() \
        - names_after_cue() - _section("brands and products")


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
    public = [(m.start(), m.end()) for m in public_figures().finditer(text)]
    for m in _CAP_WORD.finditer(text):
        w = m.group(1).lower()
        if w not in names or any(a <= m.start() < b for a, b in public):
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


def _strange(word: str, vocab: frozenset[str]) -> bool:
    w = fold(word)
    return w not in vocab and w not in _noun_index() and w not in uk_places() and w not in keep_proper()


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
        if k < len(words) and all(_strange(w, vocab) for w in words[k:]) \
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
_KIN = frozenset("mum dad nan mam gran nana sister brother friend mate uncle auntie aunty cousin his hers theirs "
                 "ours st saint king queen".split())


def find_owned_businesses(text: str, vocab: frozenset[str]):
    """The owner's name in "hakim's chicken shop" (any word that is no English word, or a listed name) and in
    "outside raja's" (a listed name only)."""
    given = names_after_cue() | listed_given()
    surnames = all_surnames()
    for m in POSSESSIVE_BUSINESS.finditer(text):
        if m.group(1):
            if m.group(2) == "s" and not re.match(r"['\u2019]", text[m.end(1):]):
                continue  # "carols nails" without an apostrophe is too like a plural
            a, b, stem = m.start(1), m.end(2), m.group(1).lower()
        else:  # "outside raja's": the owner's name goes, the possessive stays
            a, b, stem = m.start(3), m.end(3), m.group(3).lower()
        if stem in _KIN or stem in keep_proper() or public_figures().search(text[a:b]):
            continue
        if stem in given or stem in surnames or m.group(1) and stem not in vocab:
            yield a, b, "service" if m.group(1) else "name"


# ---------------------------------------------------------------- a venue after "called"
_VENUE = (r"shop|chippy|takeaway|cafe|club|gym|home|centre|place|bar|barbers|salon|garage|wash|agency|studio|pub|"
          r"restaurant|church|firm|business|company|store|unit|nursery|school|mosque|temple|gurdwara|hostel|academy|"
          r"college|venue")
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
_NAME_S = re.compile(r"(?<![\w'\u2019@#./\-])([A-Z][a-z]{2,14})s(?![\w@\-'\u2019])(?=[ \t]+[a-zA-Z])")


def find_possessive_given(text: str, given: frozenset[str]):
    from .names import first_names

    for m in _NAME_S.finditer(text):
        if re.search(r"\b(?:St|Saint|ST)\.?[ \t]+$", text[max(0, m.start() - 8):m.start()]):
            continue  # "St Lukes Hospital"
        stem, whole = m.group(1).lower(), m.group().lower()
        if (stem in given or stem in first_names() or stem in common_given()) and whole not in english_words() \
                and whole not in _noun_index() \
                and whole not in uk_places() and whole not in keep_proper() and not public_figures().search(m.group()):
            yield m.start(), m.end(), "name"


# a nickname by size or kin and a letter or a name: "big d", "lil T", "wee shaz", "big Ally", "uncle t"; a teacher
# by a capital initial: "mrs A", "Mr B"
NICKNAME = re.compile(r"\b((?i:big|lil|little|wee|uncle|auntie|aunty)[ \t]+([A-Za-z][a-z]{0,11}))\b(?![.'\u2019]\w)")
TITLE_CAPITAL = re.compile(r"\b(?i:mr|mrs|ms|miss|sir)[ \t]+([A-Z])\b(?![.'\u2019]?\w)")


def find_nicknames(text: str, vocab: frozenset[str]):
    cued = names_after_cue() | common_given()
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
PERSON_THEN_NAME = re.compile(r"\b(?i:owner|guard|boss|manager|cpl|corporal|master|pastor|imam|mummy|especially|esp|"
                              r"except|(?:he|she|who|year[ \t]*\d{1,2})[ \t]+(?:(?:is|was)[ \t]+)?called|"
                              r"(?:is|was)[ \t]+called)\b[ \t]*[,(:]?[ \t]*([a-z][a-z\-]{1,12})\b"
                              r"(?:[ \t]*(?:,|and\b|n\b|&)[ \t]*([a-z][a-z\-]{1,12})\b)?")
# two names in a list, one of them no word: "sol n maz", "pam and ade", "bex, jade, dani n me"
NAME_PAIR = re.compile(r"(?<![\w'@.])([a-z][a-z\-]{1,12})\b[ \t]*(?:,|and\b|n\b|&)[ \t]*([a-z][a-z\-]{1,12})\b"
                       r"(?![@.'\u2019]\w)")
_PET = re.compile(r"\b(?:dog|dogs|cat|cats|puppy|pup|horse|pony|pet|hamster|rabbit|snake)\b", re.IGNORECASE)


def find_lower_names(text: str, vocab: frozenset[str]):
    from .names import first_names

    cued = names_after_cue() | common_given()
    stop = _section("not a school name")
    for m in PERSON_THEN_NAME.finditer(text):
        if _PET.search(text, max(0, m.start() - 25), m.start()):
            continue  # "the dog was called bruno"
        for g in (1, 2):
            w = m.group(g)
            if w and w in cued and w not in stop and w not in keep_proper() \
                    and (w not in vocab or g == 1 and w in first_names()):
                yield m.start(g), m.end(g), "name"
    for m in NAME_PAIR.finditer(text):
        a, b = m.group(1), m.group(2)
        if a in cued and b in cued and a not in stop and b not in stop \
                and (_strange(a, vocab) or _strange(b, vocab)) and not (a in vocab and b in vocab):
            for g in (1, 2):
                if m.group(g) not in keep_proper():
                    yield m.start(g), m.end(g), "name"


def find_by_context(text: str, vocab: frozenset[str], given: frozenset[str] = frozenset()):
    """Every span the rules above find."""
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
