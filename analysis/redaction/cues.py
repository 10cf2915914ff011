"""Personal data a cue word shows (stop 47: from blind redaction writers 36-41's misses, then young people's own
phone answers, writers r43, r48-r50, r54, r55). Each rule was scored on the labelled waves with
``benchmarks/experiments/redaction_cues/harness.py`` (items removed, items to keep lost, ordinary answers and NHS
comments changed) before it went in; each has positives and look-alikes in ``tests/analysis/redaction/test_cues.py``.

* a unit inside a home or a site: "room 14" (where people stay), "Block B", "plot 27", "pitch 9", "flats 4 and 6";
  a house told by its number: "number 19 is the worst house", "(Mrs Boyd, no 13)" (not "the number 17 bus");
* a surname after "surname", "last name", "nee"; a name after "my name is" ("my name is muhammad ali like the boxer");
* a nickname after a person and "called" or "call him": "a fella called kev", "the guard was called trev", "we call
  him big O" (not "they call me names", "the group is called Mums and Tots"); a small place after "the shop is
  called" ("fonefix") is ``venues_by_context.CALLED_VENUE``'s since stop 51;
* a name after a title or a role, in lower case too: "nurse jenkins", "pc hughes", "mr finch", "mrs a", "HV: Gill"
  (not "miss a day", "my mum has ms which...");
* young people's own shapes: "me n jade went", "jaydens older brother", "a party at ruby's", "hi its faith from
  tuesday", "the man in it, sid, shouts", "bailey from the bmx track"; a lower-case word listed beside a found name
  (``beside_a_name``: "Kayleigh, bex and me");
* a street without a street word after where someone lives ("i live on mafeking"), an estate after "live on the",
  a street or estate in lower case by its type word ("on our road, dale st", "the grange estate"; not "the main
  road", "street lights", "lime st station");
* a school in lower case after what places a pupil there: "year 12 at bishop vesey", "i go to plasmawr" (not "i go
  to church", "my school is good");
* a small business by its trade word: "Golden Dragon", "Spice Lounge", "Calder Vets", "Bowker & Co";
* a name that is also a word, starting a sentence, before what a person does: "Will has had his first haircut",
  "Summer's been brilliant" (not "Hope is what keeps me going", "May is the worst month");
* part of a registration after "reg": "reg started with BK63", "plate ends in XRT";
* a child in a list of names and ages: "Destiny 15, [name] 12, Marley 9" (``aged_in_a_list``).
"""

from __future__ import annotations

import bisect
import re

from .names import ACRONYMS, ROLES, STOP
from .people import fold, keep_proper, public_spans, uk_places

_UNIT = re.compile(r"\b(?i:rooms?|plots?|pitch(?:es)?|blocks?|flats?|stalls?|berths?|caravans?|chalets?|units?)"
                   r"[ \t]+(?:\d{1,3}[A-Za-z]?|[A-H])(?:[ \t]*(?:,|and|&|n|-|to)[ \t]*(?:\d{1,3}|[A-H]))*"
                   r"(?![\w/:]|\.\d|[ \t]*(?:%|am|pm|mins?|minutes|hours|days|weeks|years|of|x|in|on|out|people|kids|"
                   r"children|families|young))")
_STAYING = re.compile(r"(?i:hotel|hostel|b&b|b and b|lodge|supported|accommodation|refuge|housing|corridor|"
                      r"bedsit|digs|placement|inn\b|residents?)")
_HOUSE_NUMBER = re.compile(r"\b(?i:number|no\.?)[ \t]+\d{1,3}[A-Za-z]?\b"
                           r"(?![ \t]*(?:bus|%|times|one|of|on|in))")
# "the number 17", "bus no 4", "question no. 3", "size no 5", "on number 17" (a bus): no house
_NOT_HOUSE_BEFORE = re.compile(r"(?i:\b(?:bus|route|the|a|phone|ward|page|question|q|step|item|year|my|his|her|our|"
                               r"their|top|room|platform|gate|size|shirt|kit|squad|point|rule|on)[ \t]+|"
                               r"(?:^|[.!?]\s*))$")
_BUS_BEFORE = re.compile(r"(?i:\bbus|\broute)")
_SURNAME = re.compile(r"\b(?i:surname|last[ \t]+name|family[ \t]+name|maiden[ \t]+name|n[ée]e)\b[ \t]*"
                      r"(?:is|was|:|-|=)?[ \t]*([A-Za-z][A-Za-z'\-]+)")
_NOT_SURNAME = frozenset("is was the a an not unknown unclear withheld same different and of on in to given".split())
_PERSON = (r"(?:man|men|boy|girl|guy|lad|woman|bloke|kid|dealer|one|someone|somebody|person|fella|fellow|geezer|"
           r"pcso|officer|copper|guard|security|bouncer|driver|nurse|owner|manager|neighbour|leader|"
           r"friend|mate|cousin|brother|sister|uncle|youth|dude|boyfriend|girlfriend|son|daughter|child|baby|"
           r"teacher|coach|worker|lady|gentleman|chap|older[ \t]+one)")
_CALLED = re.compile(r"\b(?i:(?:" + _PERSON + r"[ \t]+(?:(?:is|was|who's|whos)[ \t]+)?"
                     r"(?:called|nicknamed|known[ \t]+as)|"
                     r"nicknamed|goes[ \t]+by|"
                     r"answers[ \t]+to|(?:calls?|calling|called)[ \t]+(?:him|her|me|them)|"
                     r"nickname(?:[ \t]+(?:is|was|of))?))[ \t]*:?[ \t]*"
                     r"(['\u2018\"\u201c]?)((?:(?i:big|lil|little|wee|young|baby|mama|mamma)[ \t]+)?"
                     r"[A-Za-z][A-Za-z\-]*)")
_NOT_CALLED = frozenset("names name a an the it him her them me us police cops in out back up off for to that this "
                        "something smth stuff things thing everything nothing someone somebody anyone because cos "
                        "coz and but or so my his our their your by on at about after over into social services "
                        "childline mum dad nan home school when if what who how why all every racist racial slurs "
                        "slur gay horrible nasty fat ugly stupid weird liar grass snitch homophobic sexist offensive "
                        "bad terrible words word not hidden secret private down still now called mentioned read "
                        "shouted spelt spelled wrong misspelt given".split())
_NAME_IS = re.compile(r"\b(?i:(?:my|her|his|their|real)[ \t]+name[ \t]*(?:is|was|'s|\u2019s|:)|i['\u2019]?m[ \t]+"
                      r"called|i[ \t]+am[ \t]+called|ca['\u2019]d)[ \t]+"
                      r"([A-Za-z][A-Za-z'\-]+(?:[ \t]+[A-Z][A-Za-z'\-]+)?)")
_ROLE_LOWER = re.compile(r"\b(?i:(?:pc|dc|sgt|dr|mr|mrs|ms|insp)\.?|sergeant|nurse|miss|coach|officer|detective|"
                         r"inspector|sir|teacher|carer|worker|hv|sw)[ \t]+([a-z][a-z\-]{2,}|[A-Z][a-z\-]{2,})\b(?!')")
# "mrs a just walks past", "mr b (maths)", "miss k": a teacher by an initial (not "miss a day", "miss u")
_TITLE_INITIAL = re.compile(r"\b(?:mr|mrs|ms|sir|miss)[ \t]+([a-z])\b(?![.'\u2019])")
# "mr finch just says ignore it", "ms barrow said": after mr, mrs or ms a lower-case word is a surname
_MR_LOWER = re.compile(r"\b(?:mr|mrs|ms)[ \t]+([a-z][a-z\-]{2,})\b")
_NOT_MR = frozenset("nice right men man big bean blobby motivator whippy beast nobody and or the a is was".split())
# "me n jade went to a party", "me and amir are going out": a friend named beside the writer
_ME_AND = re.compile(r"\bme[ \t]+(?:and|n|&|an)[ \t]+([a-z][a-z\-]{1,12})[ \t]+(?:went|got|get|are|were|was|have|had|"
                     r"go|used|both|r|been|ran|walked|started|broke|fell|keep|kept)\b")
_NOT_PERSON = frozenset("him her them us it my his their our mum dad mam nan nana gran grandad friends mates friend "
                        "mate family others everyone people boys girls lads kids sister brother cousin cousins bro sis "
                        "someone some the a an all both one ones lad girl boy kid lot gang group loads most none "
                        "half".split())
# "the guy at the chicken shop called smiley", "someone called saint": after a person and "called", even a word
_PERSON_CALLED_WORD = re.compile(r"\b(?:man|men|boy|girl|guy|lad|woman|bloke|kid|dealer|someone|somebody|person|"
                                 r"fella|geezer|youth|dude|lady|one)[ \t]+(?:(?:is|was)[ \t]+)?called[ \t]+"
                                 r"([a-z][a-z\-]{1,12})\b(?![ \t]+(?:me|him|her|them|us|my|his|the|a|an|to|for|out|"
                                 r"back|up|off|on|in)\b)")
_NOT_CALLED_WORD = frozenset("me him her them us my his the a an police ambulance childline back out up off names "
                             "it that this everyone someone somebody people mum dad nan for to".split())
_FAMILY = frozenset("mum mam nan nana gran dad da mom maw aunty auntie uncle cousin bro sis brother sister "
                    "grandma grandad nanny".split())
_NOT_ROLE_NAME = frozenset("myself herself himself themselves yourself ourselves".split())
_ROLE_COLON = re.compile(r"\b(?:HV|SW|GP|SENCO|DSL|IRO|PA|TA|Teacher|[Rr]espite carer|Nurse|School nurse|Midwife|"
                         r"Keyworker|Key worker)[ \t]*[:\-]?[ \t]+([A-Z][a-z'\-]+)\b")
_LIVE_ON = re.compile(r"\b(?i:live|lives|living|lived|house|houses|homes|parks[ \t]+up|parked[ \t]+up|flat|"
                      r"boyfriends|girlfriends|mates)[ \t]+on[ \t]+([A-Za-z][a-z'\-]+)(?:[ \t]+and[ \t]+"
                      r"([A-Z][a-z'\-]+))?(?=[ \t]*(?:[,.!?;)]|$|\n|and\b|n\b|its\b|it's\b|he\b|she\b|they\b|most\b|"
                      r"every\b|with\b|near\b|by\b|in\b|are\b|is\b|but\b|so\b|too\b|now\b))")
_NOT_STREET = frozenset("the benefits top my our his her their a own site street".split())
_ON_THE = re.compile(r"\b(?i:live|lives|living|lived|stay|stays|staying|grew[ \t]+up|from|off|round)[ \t]+"
                     r"(?:on|in)[ \t]+(?:the|da)[ \t]+([A-Z][a-z'\-]+)\b"
                     r"(?![ \t]+(?:[A-Z]|(?:area|side|end|estate|road|way|park|street|lane|bit)\b))")
_LOWER_STREET = re.compile(r"\b(?:on|off|in|at|down|up|near|to|from|of|by)[ \t]+([a-z][a-z'\-]+[ \t]+(?:st|rd|ave))\b"
                           r"(?!\.[a-z])")
_BUSINESS = re.compile(r"\b((?:[A-Z][A-Za-z'\-]+[ \t]+){1,2}(?:Garden|Dragon|Lounge|Hut|Palace|Grill|Kebabs?|"
                       r"Pizzas?|"
                       r"Motors|Vets|Salon|Barbers?|Diner|Spice|Zone|Hotel|Inn|Tandoori|Balti|Bakery|Deli|Fisheries|"
                       r"Chippy|Plaice|Wok|Cafe|Café))\b|"
                       r"\b([A-Z][A-Za-z'\-]+[ \t]*&[ \t]*(?:Co|Sons|Daughters)\.?)(?!\w)")
_NOT_BUSINESS = frozenset("the a my our at in to from and covent holiday premier pizza burger papa taco".split())
_STARTS = re.compile(r"(?:^|[.!?;]\s+|\n\s*)([A-Z][a-z]+|[A-Z]{3,})"
                     r"(?:[ \t]+(?i:has|had|hasn't|didn't|didnt|wouldn't|wouldnt|won't|wont|keeps|"
                     r"lost[ \t]+(?:her|his)|"
                     r"said|asked|came|went|got|gets|loves|refused|refuses|started)\b|"
                     r"['\u2019]s[ \t]+(?i:been|had|got|teacher|contact|mum|dad|school|birthday|social)\b)")
_NOT_START = frozenset("the this that it she he they we you i there here what who which everyone nobody someone "
                       "school mum dad nan staff police time life work family home help support everything nothing "
                       "care service services team treatment communication parking "
                       # virtues and feelings that are also given names: "Hope has been a big part of my recovery"
                       "hope faith patience joy love charity trust honesty peace liberty justice destiny unity "
                       "serenity comfort".split())
_AGED_IN_LIST = re.compile(r"\b([A-Z][a-z'\-]+)[ \t]+\d{1,2}(?=[ \t]*(?:,|\)|and\b|&|;|$|\.))")
_NOT_AGED = frozenset("year yr age aged room flat no number the and ward bed bus page step plot block pitch class set "
                      "group level stage form y boys girls kids children dash score ticks since jan feb mar apr may "
                      "jun jul aug sep sept oct nov dec january february march april june july august september "
                      "october november december under over top about nearly almost only just is was turned turns "
                      "unit stall caravan chalet berth".split())


# "reg started AO67 something", "plate started SG", "ends in XRT": part of a registration after a cue
_PART_REG = re.compile(r"\b(?i:reg|registration|plate|number[ \t]+plate)[ \t]+(?i:(?:was|is|number)[ \t]+)?"
                       r"(?i:(?:start(?:s|ed|ing)?|begin(?:s|ning)?|began|end(?:s|ed|ing)?)[ \t]+)?"
                       r"(?i:(?:with|in)[ \t]+)?"
                       r"([A-Za-z]{2}\d{2}|[A-Z]{2,3})\b(?![ \t]*\d)")
# "jaydens older brother", "rubys mam", "abbies 16th", "eilidhs da": a lower-case name owning a person or a thing
_OWNS = re.compile(r"\b([a-z]{2,12}|[A-Z][a-z]{1,11})s[ \t]+(?:(?:older|younger|big|little|wee|baby|new|old)[ \t]+)?"
                   r"(?:mum|mam|maw|ma|mom|dad|da|nan|nana|gran|mums|mams|dads|nans|"
                   r"brother|bro|sister|sis|cousin|uncle|auntie|aunty|"
                   r"boyfriend|girlfriend|bf|gf|house|flat|party|phone|insta|instagram|snap|tiktok|birthday|16th|"
                   r"18th|nursery|chippy|van|car|mate|mates|pal)\b")
# "hi its faith from tuesday", "its marley can u print": who is writing, at the start of a message
_ITS_ME = re.compile(r"^[ \t]*(?:(?:hi|hiya|hey|hello)[ \t,!]+)?(?:its|it's|it\u2019s|this is)[ \t]+([a-z]{2,12})\b"
                     r"(?=[ \t]*(?:[,.!?\n]|$|from\b|here\b|again\b|can\b|email\b|pls\b|please\b|btw\b|"
                     r"[a-z]+[ \t]+(?:from|here)\b))")


_SEASONS = frozenset("summer autumn winter spring april may june july august christmas easter".split())


# "a party at ruby's", "we watched it at tylers wi his cousin": someone's home by their name
_AT_HOME = re.compile(r"\b(?:at|round|to|from|stayed[ \t]+at|sleep[ \t]+at)[ \t]+([a-z]{2,12})(?:['\u2019]s|s)\b"
                      r"(?=[ \t]*(?:[,.!?)]|$|\n|house\b|place\b|and\b|n\b|on\b|for\b|wi\b|with\b|last\b|"
                      r"tonight\b|yesterday\b|after\b|at\b))")
# "the man in it, sid, shouts at us", "the one he has, jo, never rings back": a person named between commas
_BETWEEN_COMMAS = re.compile(r"\b(?:man|woman|lady|guy|bloke|fella|lad|girl|boy|one|driver|worker|teacher|boss|owner|"
                             r"manager|nurse|coach|leader|neighbour|officer|pcso|dealer)\b[^,.!?\n]{0,30},[ \t]*"
                             r"([A-Za-z][a-z]{1,12}|[A-Z]{2,12}),[ \t]*(?=(?i:is|was|has|had|never|always|just|shouts|"
                             r"says|said|will|would|can|does|did|keeps|gets|got|who|explained|helped|tells|told)\b)")
# "bailey from the bmx track", "bev from the family centre", "hope from year 11": a listed name, then where from
_FROM_PLACE = re.compile(r"(?:^|[.!?,;(]\s*|\b(?:and|to|tell|ask|like|n)\s+)([a-z]{2,12})\s+from\s+"
                         r"(?:the\b|my\b|our\b|year\b|yr\b|y\d|\[)")


# "on our road, dale st", "the corner of elm rd and poplar st", "our street, glenfield road", "the grange estate": a
# street or estate in lower case by its type word (not "the main road", "street lights", "the long way", "lime st
# station")
_STREET_WORD = re.compile(r"(?<![\w'\-])([a-z][a-z'\-]{2,14}(?:[ \t]+[a-z][a-z'\-]{2,14})?)[ \t]+"
                          r"(road|rd|street|st|lane|avenue|ave|crescent|grove|terrace|gardens|boulevard|estate|"
                          r"way|view|close|drive)\b(?![\-']|[ \t]+(?:lights?|lites?|lamps?|signs?|names?|cred|food|art|"
                          r"dance|corner|station|metro|stop|police|bus|market|ends?)\b)")
_GENERIC = frozenset("main high back busy big long quiet dark same other next ring side slip one every that this our "
                     "my the a an your their his her its school bus country dirt private shopping new old local "
                     "council housing real industrial trading rough whole dual fast memory cycle bike and n or to "
                     "on in at of by from for with near down up off round along across entire nearest nearby "
                     "closest little wee small own build short shortcut hill canal station teh wis was is fae "
                     "tae".split())
_VOCAB_NEEDS_NOT = frozenset("way view close drive".split())  # "no way", "point of view", "so close", "test drive"
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|this|that|every|any|no|one|his|her|my|our|their|your|its)[ \t]+$")


# a school in lower case after what places a pupil there: "year 12 at bishop vesey", "excluded for vaping at
# ernesford grange", "the head at coombe dean", "i go to plasmawr" (not "i go to church", "my school is good")
_SCHOOL_CUE = re.compile(
    r"\b(?:(?:year|yr|y)[ \t]?\d{1,2}[ \t]+at|(?:excluded|expelled|suspended|kicked[ \t]+out)(?:[ \t]+\w+){0,5}?[ \t]+"
    r"(?:from|at)|(?:my|ma|me)[ \t]+(?:old[ \t]+|new[ \t]+|last[ \t]+|primary[ \t]+|secondary[ \t]+)?school[ \t]*"
    r"(?:is|was|,|\(|:)|"
    r"my[ \t]+(?:new|old)[ \t]+one[ \t]+is|(?:head|headteacher|teachers?|school[ \t]+nurse|dinner[ \t]+ladies|"
    r"pe[ \t]+teacher|pupils|year[ \t]?\d{1,2}s?|form[ \t]+tutor|tutor|head[ \t]+of[ \t]+year|(?:new|old|deputy)[ \t]+"
    r"head|(?:mr|mrs|miss|ms|sir)[ \t]+[a-z]+)[ \t]+(?:at|from)|(?:kids|lads|girls|boys)[ \t]+at|"
    r"(?:i|he|she|they|we)[ \t]+(?:go|goes|went|going)[ \t]+to|(?:go|goes|went)[ \t]+to[ \t]+school[ \t]+at|"
    r"(?:started|starting|moved|move)[ \t]+(?:at|to))[ \t]+"
    r"((?:st[ \t]+)?[a-z][a-z'\u2019\-]{2,16}(?:[ \t]+[a-z][a-z'\u2019\-]{2,16}){0,2})")
_SCHOOL_STOP = frozenset("the a an my our his her their your school college academy primary and n but cos because so "
                         "madrassa madrasa madressa resi uni mosque church gym work cadets scouts on in at to for "
                         "with is was are were where when who which that this it its or if now then every sometimes "
                         "today yesterday tomorrow after before about mr mrs miss ms sir".split())
_SCHOOL_TAIL = frozenset("manor high hall grange park academy college school primary house green wood vale view field "
                         "fields grammar community hill heath lane".split())


def _a_place_then_words(words: list[str], vocab: frozenset[str]) -> bool:
    """"tranmere", "washington come to", "kings norton": a place, alone or before ordinary words (not "plumstead
    manor", "hillhead high": a school)."""
    for j in range(len(words), 0, -1):
        if " ".join(words[:j]) in uk_places():
            return all(w in vocab and w not in _SCHOOL_TAIL for w in words[j:])
    return False


# words written without their apostrophe, which end a name as a stop word does ("teachers at kingsmead dont care")
_CONTRACTIONS = frozenset("dont cant wont isnt didnt doesnt aint wasnt werent havent hasnt shouldnt wouldnt couldnt "
                          "im ive theyre youre hes shes thats theres".split())


def _ends_school_name(word: str, vocab: frozenset[str], cued: frozenset[str]) -> bool:
    """A later word that is no part of the school's name: an ordinary word that is no name and no school word
    ("in year 9 at oakfield nobody listens"; not "coombe dean", "ernesford grange")."""
    return word in _CONTRACTIONS or (word in vocab and word not in _SCHOOL_TAIL and word not in cued)


_VERY_STRONG = re.compile(r"(?:year|yr|y)[ \t]?\d|excluded|expelled|suspended|kicked")


def find_cues(text: str, *, vocab: frozenset[str], cued: frozenset[str]):
    """Yield ``(start, end, kind)`` spans. ``cued``: every listed given name and surname (words included)."""
    staying = None
    for m in _UNIT.finditer(text):
        if m.group()[:4].lower() == "room" and staying is None:
            staying = bool(_STAYING.search(text))  # once per answer: a long answer is not searched per hit
        if m.group()[:4].lower() != "room" or staying:
            yield m.start(), m.end(), "address"  # "room 3" is a home only where people stay
    for m in _HOUSE_NUMBER.finditer(text):
        if not (_NOT_HOUSE_BEFORE.search(text, max(0, m.start() - 12), m.start())
                or _BUS_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            yield m.start(), m.end(), "address"
    for m in _SURNAME.finditer(text):
        if m.group(1).lower() not in _NOT_SURNAME and m.group(1).lower() not in STOP:  # "knew her surname but"
            yield m.start(1), m.end(1), "name"
    keep = keep_proper()
    for m in _CALLED.finditer(text):
        w = m.group(2)
        core = fold(w.split()[-1])
        if core in _NOT_CALLED or fold(w) in _NOT_CALLED or core in keep:
            continue
        if not m.group(1) and ((w.isupper() and len(w) <= 5)  # "mum called GP"
                               or (core in vocab and not w[0].isupper() and core not in cued)):
            continue
        yield m.start(2), m.end(2), "name"
    for m in _NAME_IS.finditer(text):
        if fold(m.group(1).split()[0]) not in _NOT_CALLED:
            yield m.start(1), m.end(1), "name"
    for m in _ROLE_LOWER.finditer(text):
        w = m.group(1)
        lw = fold(w)
        if lw in _NOT_ROLE_NAME or lw in keep or (lw in vocab and not (w[0].isupper() and lw in cued)):
            continue
        yield m.start(1), m.end(1), "name"
    for m in _TITLE_INITIAL.finditer(text):
        title = text[m.start():m.start(1)].strip().lower()
        if not (title == "miss" and m.group(1) in "aiuy"):
            yield m.start(), m.end(1), "name"
    for m in _MR_LOWER.finditer(text):
        w = m.group(1)
        title = text[m.start():m.start(1)].strip().lower()
        if w not in _NOT_MR and w not in STOP and (title != "ms" or w not in vocab):
            yield m.start(1), m.end(1), "name"  # not "my mum has ms which", "mums ms flares up"
    for m in _PERSON_CALLED_WORD.finditer(text):
        if m.group(1) not in _NOT_CALLED_WORD:
            yield m.start(1), m.end(1), "name"
    for m in _PART_REG.finditer(text):
        yield m.start(1), m.end(1), "vehicle"
    for m in _OWNS.finditer(text):
        w = fold(m.group(1))
        if w in cued and w not in _NOT_PERSON and w not in keep and w not in _NOT_START:
            yield m.start(1), m.end(1), "name"
    for m in _ITS_ME.finditer(text):
        if m.group(1) in cued and m.group(1) not in _NOT_PERSON and m.group(1) not in _SEASONS:
            # "its faith from tuesday": a name here; "its summer again": a season (stop 48, writer r58)
            yield m.start(1), m.end(1), "name"
    for m in _AT_HOME.finditer(text):
        w = m.group(1)
        plural = text[m.end(1)] == "s" and w + "s" in vocab  # "from nurses to porters"
        if w in cued and not plural and w not in _NOT_PERSON and w not in keep and w not in _NOT_START \
                and w not in _FAMILY:
            yield m.start(1), m.end(1), "name"
    for rx in (_BETWEEN_COMMAS, _FROM_PLACE):
        for m in rx.finditer(text):
            w = m.group(1)
            lw = fold(w)
            if lw not in _NOT_PERSON and lw not in keep and lw not in STOP and lw not in _FAMILY \
                    and (lw in cued or lw not in vocab):
                yield m.start(1), m.end(1), "name"
    for m in _ME_AND.finditer(text):
        w = m.group(1)
        if w not in _NOT_PERSON and w not in keep and (w not in vocab or w in cued):
            yield m.start(1), m.end(1), "name"
    for m in _ROLE_COLON.finditer(text):
        if fold(m.group(1)) in cued and fold(m.group(1)) not in keep:
            yield m.start(1), m.end(1), "name"
    for m in _LIVE_ON.finditer(text):
        for g in (1, 2):
            w = m.group(g)
            if not w or fold(w) in _NOT_STREET or fold(w) in keep or public_spans(w) \
                    or (fold(w) in vocab and not w[0].isupper()):
                continue
            yield m.start(g), m.end(g), "address"
    for m in _ON_THE.finditer(text):
        w = fold(m.group(1))
        if w not in keep and (w not in vocab or w in uk_places()):
            yield m.start(1), m.end(1), "address"
    for m in _SCHOOL_CUE.finditer(text):
        words = m.group(1).split()
        k = 0
        while k < len(words) and words[k] not in _SCHOOL_STOP:
            k += 1
        k = next((j for j in range(1, k) if _ends_school_name(words[j], vocab, cued)), k)
        lw = [w.strip("'\u2019") for w in words[:k]]
        if not lw or any(w in keep for w in lw) or _a_place_then_words(lw, vocab):
            continue
        very_strong = _VERY_STRONG.match(text[m.start():m.start(1)].lower())
        if (len(lw) == 1 or not very_strong) and all(w in vocab for w in lw):
            continue  # "my school is good", "i go to church"
        yield m.start(1), m.start(1) + len(" ".join(words[:k])), "school"
    for m in _STREET_WORD.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _GENERIC:
            words = words[1:]
        if not words or any(w in _GENERIC or w in keep or w in STOP for w in words):
            continue
        if m.group(2) == "st" and re.match(r"[ \t]+[a-z]+['\u2019]?s\b", text[m.end(2):]):
            continue  # "wis st mungos": a saint's school or church, not a street
        if m.group(2) in _VOCAB_NEEDS_NOT and (any(w in vocab for w in words)
                                               or _ARTICLE_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1))):
            continue
        yield m.end(1) - len(" ".join(words)), m.end(2), "address"
    for m in _LOWER_STREET.finditer(text):
        w = m.group(1).split()[0]
        if w not in ("the", "my", "a", "our") and (w not in vocab or w in uk_places() or w in cued):
            yield m.start(1), m.end(1), "address"
    for m in _BUSINESS.finditer(text):
        g = 1 if m.group(1) else 2
        if fold(m.group(g).split()[0]) not in _NOT_BUSINESS:
            yield m.start(g), m.end(g), "service"  # public names are kept by the redactor's public filter
    for m in _STARTS.finditer(text):
        w = fold(m.group(1))
        if w in cued and w not in _NOT_START and w not in keep:
            yield m.start(1), m.end(1), "name"


_SEP = r"(?:[ \t]*,[ \t]*|[ \t]+(?:and|n|an|&)[ \t]+)"
_RIGHT = re.compile(_SEP + r"((?:big[ \t]+|lil[ \t]+)?[a-z][a-z\-]{1,12})\b(?![ \t]*\[)")
_LEFT = re.compile(r"(?<![\w'])((?:big[ \t]+|lil[ \t]+)?[a-z][a-z\-]{1,12})" + _SEP + "$")
_JOIN = re.compile(r"[ \t]+(?:and|n|an|&)(?:[ \t]|$)")
_SAID_OF = re.compile(r"\b(?:is|was|are|were|so|very|really|proper|well|too)[ \t]+$")  # "[name] is brill, [name]"
_ROLE_WORD = re.compile(r"(?i:" + ROLES + r"|step[ \-]?(?:dad|mum|mam)|ex[ \-]?partner|admin|headteacher)")


def beside_a_name(text: str, names: list[tuple[int, int]], *, vocab: frozenset[str],
                  cued: frozenset[str]) -> list[tuple[int, int]]:
    """"the bullies are ruby, [name] and crystal", "sonny and [name]": a lower-case word listed beside a found
    name, when it is no English word or is a listed name (not "me", "mum", "stepdad", "his mate")."""
    out = []
    keep = keep_proper()
    for a, b in names:
        after, before = text[b:b + 5], text[max(0, a - 5):a]
        right = _RIGHT.match(text, b) if "," in after or _JOIN.match(after) else None  # cheap checks first:
        left = _LEFT.search(text[max(0, a - 30):a]) if "," in before or _JOIN.search(before) else None  # long lists
        for m, base in ((right, 0), (left, max(0, a - 30))):
            if not m:
                continue
            w = m.group(1).split()[-1]
            if w in _NOT_PERSON or w in _NOT_CALLED or w in STOP or w in keep or w in ACRONYMS \
                    or _ROLE_WORD.fullmatch(w) \
                    or _SAID_OF.search(text, max(0, base + m.start(1) - 10), base + m.start(1)):
                continue
            if w not in vocab or w in cued:
                out.append((base + m.start(1), base + m.end(1)))
    return out


def aged_in_a_list(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"Kids: Destiny 15, [name] 12, Marley 9": a capitalised word before an age, near a found name before an age."""
    aged = [(a, b) for a, b in names if re.match(r"[ \t]*\(?\d{1,2}\b", text[b:b + 6])]
    if not aged:
        return []
    starts = sorted(a for a, _b in aged)
    out = []
    for m in _AGED_IN_LIST.finditer(text):
        k = bisect.bisect_left(starts, m.start() - 59)  # a found name before an age within 60 characters
        if k < len(starts) and starts[k] < m.start() + 60 and fold(m.group(1)) not in _NOT_AGED \
                and fold(m.group(1)) not in keep_proper():
            out.append((m.start(1), m.end(1)))
    return out
