"""Regular expressions for structured personal data (UK formats)."""

from __future__ import annotations

import re

EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

_TLD = r"(?:com|co\.uk|org\.uk|org|net|uk|io|ly|me|gov\.uk|nhs\.uk|ac\.uk|sch\.uk|info|biz|tv|gg|app|dev|xyz|ie|eu|us)"
# Web addresses are looked for inside whitespace-separated chunks (see
# ``find_urls``): running the domain pattern over the whole text is
# quadratic on input such as "a.a.a.a...".
_CHUNK = re.compile(r"[^\s<>\"'()\[\]{}]{4,}")
URL = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"
    r"|(?<![\w.@-])[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\." + _TLD + r"\b(?:/[^\s<>\"']*)?",
    re.IGNORECASE,
)


def find_urls(text: str):
    """Yield ``(start, end)`` of web addresses."""
    for chunk in _CHUNK.finditer(text):
        s = chunk.group()
        if len(s) > 2048 or "." not in s:
            continue
        for m in URL.finditer(s):
            yield chunk.start() + m.start(), chunk.start() + m.end()

HANDLE = re.compile(r"(?<![\w@/.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
HANDLE_CUE = re.compile(
    r"\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|twitter|discord|kik|telegram|fb|facebook|"
    r"xbox|psn|gamertag|gamer\s+tag|username|user\s+name|handle|roblox|steam|threads|bereal|youtube)"
    r"(?:\s+(?:name|handle|username|user\s*name|user|id|tag|gamertag|gamer\s+tag|account|acc|channel|page|"
    r"profile|server|@))?"
    r"(?:,?\s*(?:it'?s|is|was|=|:|-|@)\s*|\s+)(?:is\s+|was\s+)?(?:called\s+|named\s+)?"
    r"(@?[A-Za-z0-9_.](?:[A-Za-z0-9_.]|-(?=[A-Za-z0-9])){2,29}(?:#\d{1,6})?)",
    re.IGNORECASE,
)

NHS_CUE = re.compile(r"\bnhs\s*(?:no\.?|number|num|#)?\s*(?:is|:)?\s*(\d{3}[\s-]?\d{3}[\s-]?\d{4})\b",
                     re.IGNORECASE)
NHS = re.compile(r"(?<![\d+])[1-9]\d{2}[ -]?\d{3}[ -]?\d{4}(?!\d)")

PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)\d[\d \t().-]{7,15}\d(?!\d)"
)

POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)[ \t]*\d[A-Z]{2}\b", re.IGNORECASE)

_SUFFIX = (r"road|rd|street|st|avenue|ave|lane|ln|close|cl|drive|dr|way|crescent|cres|court|ct|"
           r"place|pl|grove|gardens|gdns|terrace|hill|row|square|sq|walk|mews|park|view|rise|"
           r"green|parade|vale|wharf|estate|lodge|heights|boulevard|croft|fold|gate|yard|"
           r"gardens|close|wynd|brow|chase|meadow|meadows|drove|walk|towers|bank|approach|villas|mount")
_STREET_WORD = (r"(?!(?:the|a|an|my|our|his|her|their|your|in|at|on|to|and|of|for|with|i|we|he|she|they|is|was|"
                r"times|days|mum|dad|mums|dads|nan|nans|friend|friends|mate|mates|home|school|weeks|years|people)\b)"
                r"[A-Za-z'\-]+")
ADDRESS = re.compile(
    r"(?<![£$€])\b(?:(?:flat|apartment|apt|unit|room)\s*\d+[a-z]?,?\s*)?\d{1,4}[a-z]?,?\s+"
    r"(?:" + _STREET_WORD + r"\s+){1,3}(?:" + _SUFFIX + r")\b\.?",
    re.IGNORECASE,
)
ADDRESS_CUE = re.compile(
    r"\b(?:live|living|lives|stay|staying|stays|address\s+is|moved\s+to|move\s+to|house\s+on|flat\s+on)"
    r"\s+(?:on|at|in|is)?\s*((?:" + _STREET_WORD + r"\s+){1,3}(?:" + _SUFFIX + r"))\b",
    re.IGNORECASE,
)

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE = (r"(?:(?:19|20)\d{2}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
         r"|\d{1,2}/\d{1,2}(?![/\d])"
         r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\.?(?:,?\s+(?:\d{4}|'?\d{2}))?"
         r"|" + _MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
         r"|" + _MONTH + r"\s+\d{4}"
         r"|(?:19|20)\d{2})")
DOB_CUE = re.compile(
    r"\b(?:born(?:\s+on|\s+in)?|dob|d\.o\.b\.?|date\s+of\s+birth|birthdays?(?:\s+is|'s)?(?:\s+on)?|bday(?:\s+is|'s)?(?:\s+on)?|"
    r"b-day(?:\s+is)?)\s*[:\-,]?\s*(?:is\s+)?(?:on\s+)?(?:the\s+)?(" + _DATE + r")\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"(?<![\d/.\-])(?:(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-]"
                          r"(?:19|20)?\d{2}|(?:19|20)\d{2}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01]))"
                          r"(?![\d/\-]|\.\d)")  # a full stop may end the sentence: "discharged on 15/01/2020."


def phone_ok(s: str) -> bool:
    digits = re.sub(r"\D", "", s)
    if digits.startswith("0044"):
        digits = digits[2:]
    if digits.startswith("44"):
        rest = digits[2:].lstrip("0")
        return 9 <= len(rest) <= 10
    return digits.startswith("0") and 10 <= len(digits) <= 11


# ------------------------------------------------------------------ issue 17
# National Insurance number: two letters (not D, F, I, Q, U, V; second not O), six digits, A-D.
NI_NUMBER = re.compile(r"(?<![A-Za-z0-9])(?!(?:BG|GB|NK|KN|TN|NT|ZZ))(?:[A-CEGHJ-TW-Z][A-CEGHJ-NP-TW-Z]|QQ)"
                       r"[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D](?![A-Za-z0-9])", re.IGNORECASE)
# after a cue, any two letters and six digits, the final letter optional: "NI number: JX 12 34 56"
NI_CUE = re.compile(r"\b(?:national\s+insurance|NI|N\.I\.|nino)(?:\s+(?:number|no\.?|num))?(?:\s+is|:|\s*-)?\s*"
                    r"([A-Za-z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}(?:[ \t]?[A-Da-d])?)(?![A-Za-z0-9])", re.IGNORECASE)
# Vehicle registrations: current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) formats.
VEHICLE_REG = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{2}\d{2}[ \t]?[A-Z]{3}|[A-Z]\d{1,3}[ \t]?[A-Z]{3}|[A-Z]{3}[ \t]?\d{1,3}[A-Z])"
    r"(?![A-Za-z0-9])")
VEHICLE_REG_ANYCASE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[ \t]?\d{2}[ \t]?[A-Za-z]{3}(?![A-Za-z0-9])")
# "YX 70 BKE": spaced after the letters too; not "ON 12 MAY" / "IN 20 MINS" in capitals
VEHICLE_REG_SPACED = re.compile(r"(?<![A-Za-z0-9])(?!(?:ON|TO|AT|BY|OF|MY|UP|SO|NO|GO|BE|HE|WE|ME|AN|OR|AM|US|DO)\b)"
                                r"[A-HJ-PR-Y][A-Z][ \t]\d{2}[ \t]?(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|"
                                r"DEC|MIN|MINS|HRS|DAY|DAYS|YRS|LBS|KGS|PTS|AGO|SEC)\b)[A-HJ-PR-Z]{3}(?![A-Za-z0-9])")
# a car's make or model or "drives" is a cue too: "drives a white bmw sf19 rkx", "a silver astra nd67 kjx" (stop 47)
VEHICLE_CUE = re.compile(r"\b(?:reg|registration|number\s*plate|plate|car|van|motor|motorbike|drives|drove|driving|"
                         r"astra|golf|corsa|fiesta|focus|polo|clio|civic|prius|bmw|audi|merc|mercedes|transit|"
                         r"range\s+rover|taxi|cab)\b", re.IGNORECASE)

# Reference numbers (case, crime, pupil, LADO, housing, collar): they lead straight to one person's file.
# A token of letters and digits joined by "/" or "-" with at least five digits, and a capital letter or two
# joins: "CR/2024/118834", "23/0457-CSC", "BPA-20931", "14/99237/24"; not "2023-24", "24/7", "COVID-19"
# (too few digits or one join and no letter). A numeric date is a date of birth first (priority).
REFERENCE = re.compile(r"(?<![\w/\-])(?=[A-Za-z0-9/\-]*\d)[A-Za-z0-9]+(?:[/\-][A-Za-z0-9]+){1,4}(?![\w/]|-\w)")
# after a cue, any token with three or more digits: "case no. 0098271", "collar 4471", "pupil ID BPA 20931"
REFERENCE_CUE = re.compile(
    r"\b(?:(?:case|crime|incident|log|pupil|student|file|claim|application|housing|warrant|job|referral|"
    r"occurrence|LADO|CP|CIN|MASH)\s+(?:ref(?:erence)?|no|number|num|id|#)|ref(?:erence)?(?:\s+(?:no|number|num))?|"
    r"collar(?:\s+(?:no|number|num))?|UPN|pupil\s+id|ULN|badge(?:\s+(?:no|number))?|shoulder\s+number|"
    r"crime\s+(?:report|log)|(?:case|crime|incident|log)\s+(?=\d{5}))\.?"
    r"(?:\s+(?:is|was))?[ \t]*[:#\-]?[ \t]*"
    r"((?=[A-Za-z0-9/\-]*\d{3})[A-Za-z0-9]+(?:[/\- ](?=[A-Za-z0-9]*\d)[A-Za-z0-9]+|[/\-][A-Za-z]+){0,4})(?![\w])",
    re.IGNORECASE)


def reference_ok(token: str) -> bool:
    if NUMERIC_DATE.fullmatch(token):
        return False  # a date, not a record number
    digits = sum(c.isdigit() for c in token)
    joins = sum(c in "/-" for c in token)
    return digits >= 5 and (joins >= 2 or any(c.isalpha() for c in token))


# Schools, academies and colleges: "St Mary's Academy", "Oakfield Primary", "Ysgol Y Strade".
_SCHOOL_SUFFIX = (r"(?:C\.?\s?of\s?E\.?\s+|Church\s+of\s+England\s+|Catholic\s+|R\.?C\.?\s+|Methodist\s+|"
                  r"Community\s+|Church\s+|Free\s+|Infant\s+and\s+Junior\s+|Junior\s+and\s+Infant\s+)?"
                  r"(?:Primary\s+Academy|Primary\s+School|Primary|Infant\s+School|Infants|Junior\s+School|Juniors|"
                  r"(?:Girls'?|Boys'?)\s+(?:High\s+|Grammar\s+)?School|High\s+School|High(?!\s+(?:St|Street|Road|Rd)\b)|Secondary\s+School|Grammar\s+School|Grammar|Academy|School|College|"
                  r"Sixth\s+Form(?:\s+College)?|Studio\s+School|UTC|Pupil\s+Referral\s+Unit|PRU|"
                  r"Comprehensive(?:\s+School)?|Upper\s+School|Middle\s+School|Secondary)")
_NAME_WORD = r"(?:St\.?|Saint|[A-Z][A-Za-z'\u2019\-]+|[A-Z]{2,})"
_NOT_SCHOOL_NAME = frozenset({"the", "my", "our", "a", "an", "this", "that", "his", "her", "their", "your", "at",
                              "secondary", "primary", "high", "local", "new", "old", "big", "main", "village",
                              "comprehensive", "state", "private", "independent", "special", "boarding", "summer",
                              "sunday", "forest", "driving", "virtual", "dance", "drama", "music", "art", "sixth",
                              "further",
                              "higher", "education", "night", "online", "home", "after", "middle", "first",
                              "nursery", "infant", "junior", "catholic", "faith", "church", "welsh", "english",
                              "every", "any", "some", "which", "what", "whole", "same", "other", "next", "last",
                              "i", "we", "they", "he", "she", "it", "in", "on", "to", "of", "and", "or"})
SCHOOL = re.compile(r"(?:" + _NAME_WORD + r"(?:\s+|\s*&\s*)){0,3}" + _NAME_WORD + r"\s+(?i:" + _SCHOOL_SUFFIX + r")\b")
SCHOOL_ANYCASE = re.compile(r"\b(?:st|saint)\.?\s+[a-z'\u2019]+\s+(?:primary|academy|school|college|high school|"
                            r"infants|juniors)\b", re.IGNORECASE)
# Welsh, Scottish Gaelic and Irish school words before the name ("Ysgol y Graig", "Bun-sgoil Shl\u00e8ite")
WELSH_SCHOOL = re.compile(r"\b(?:Ysgol|Sgoil|Bun-sgoil|\u00c0rd-sgoil|Gaelscoil|Scoil|Col\u00e1iste|Coleg)\s+"
                          r"(?:(?:Gynradd|Gyfun|Uwchradd|Y|y|yr|Yr|Gymraeg|Bro|Glan|Gymunedol)\s+)*"
                          r"[A-Z\u00c0-\u017f](?:[^\W\d_]|['\u2019\-])+(?:\s+[A-Z\u00c0-\u017f](?:[^\W\d_]|['\u2019\-])+){0,2}")

# GP surgeries and similar named services: "Northshire GP Surgery", "Parkside Medical Centre".
_SERVICE_SUFFIX = (r"(?:Medical\s+Group|Health\s+Group|Youth\s+Hub|Health\s+Hub|Hub|"
                   r"GP\s+Surgery|GP\s+Practice|GPs|GP|Surgery|Medical\s+Centre|Medical\s+Center|Medical\s+Practice|"
                   r"Health\s+Centre|Health\s+Center|Healthcare\s+Centre|Family\s+Practice|Practice|Clinic|"
                   r"Pharmacy|Chemist|Dental\s+Practice|Dental\s+Surgery|Dental\s+Centre|Dental\s+Care|"
                   r"Dental\s+Clinic|Dental|Dentists?|Opticians?|Orthodontics|Physio(?:therapy)?|"
                   r"Children's\s+Centre|Childrens\s+Centre|Family\s+Centre|Family\s+Hub|Youth\s+Centre|"
                   r"Youth\s+Club|Youth\s+Project|Community\s+Centre|Leisure\s+Centre|Nursery|Pre-?school|Care\s+Home|"
                   r"Children's\s+Home|Childrens\s+Home|Foster\s+Agency|Hostel|Foyer|Residential\s+Unit|"
                   r"Residential\s+Home|Secure\s+Unit|Assessment\s+Centre|Refuge|Supported\s+Living|"
                   r"Supported\s+Accommodation|Semi[- ]Independent(?:\s+Living)?)")
SERVICE = re.compile(r"(?:" + _NAME_WORD + r"\s+){0,3}" + _NAME_WORD + r"\s+(?i:" + _SERVICE_SUFFIX + r")\b")
NOT_SERVICE_NAME = frozenset({"the", "my", "our", "a", "an", "this", "that", "his", "her", "their", "your", "local",
                              "new", "old", "nhs", "walk", "in", "walk-in", "urgent", "dental", "sexual", "health",
                              "mental", "family", "community", "children's", "childrens", "youth", "gp",
                              "private", "nearest", "nearby", "school", "council", "camhs", "drop", "drop-in",
                              "i", "we", "to", "at", "from", "go", "went", "going", "and", "or", "of", "for",
                              "with", "every", "any", "some", "which", "whole", "same", "other", "next",
                              "24", "hour", "out", "hours", "after", "fertility", "eye", "foot",
                              # agencies named by what they do: "the Early Help Hub", "the Safeguarding Hub"
                              "early", "help", "safeguarding", "multi-agency", "front", "door", "advice",
                              "support", "recovery", "wellbeing", "young", "carers", "parenting"})

# Spelled-out e-mail addresses: "jo dot bloggs at gmail dot com".
_SP_AT = r"(?:\s*[(\[{<]\s*at\s*[)\]}>]\s*|\s+at\s+|\s*@\s*)"
_SP_DOT = r"(?:\s*[(\[{<]\s*dot\s*[)\]}>]\s*|\s+dot\s+|\.)"
_SPELT_TLD = (r"(?:com|co" + _SP_DOT + r"uk|org|org" + _SP_DOT + r"uk|net|uk|ac" + _SP_DOT + r"uk|gov" + _SP_DOT +
              r"uk|nhs" + _SP_DOT + r"net|io)")
SPELT_EMAIL = re.compile(
    r"\b[a-z0-9][a-z0-9_+\-]{0,40}(?:\.[a-z0-9_+\-]{1,40}){0,4}(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9_]+){0,4}"
    + _SP_AT + r"[a-z0-9-]{1,60}(?:" + _SP_DOT + r"[a-z0-9-]{1,60}){0,3}?" + _SP_DOT + _SPELT_TLD + r"\b",
    re.IGNORECASE)
# Spelled-out phone numbers: "oh seven seven double oh nine ...": ten or more digits said as words.
_DIGIT_WORDS = {"zero": 1, "oh": 1, "o": 1, "nought": 1, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1,
                "six": 1, "seven": 1, "eight": 1, "nine": 1, "double": 0, "triple": 0}
SPOKEN_DIGITS = re.compile(
    r"\b(?:(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|\d+)[\s,\-]+){6,}"
    r"(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|\d+)\b", re.IGNORECASE)


def spoken_digit_count(s: str) -> tuple[int, bool]:
    """How many digits a spoken number holds, and whether it starts like a UK phone number (0 / 44)."""
    count, first, mult = 0, None, 1
    for w in re.split(r"[\s,\-]+", s.lower()):
        if w in ("double", "triple"):
            mult = 2 if w == "double" else 3
            continue
        if w.isdigit():
            n = len(w) * mult
            d = w[0]
        else:
            n = mult
            d = "0" if w in ("zero", "oh", "o", "nought") else "x"
        if first is None:
            first = d if w.isdigit() or d == "0" else ("4" if w == "four" else "x")
        count += n
        mult = 1
    return count, first in ("0", "4")


def named_place(text: str, m: re.Match, not_names: frozenset[str]) -> tuple[int, int] | None:
    """The span of a school / service name match once leading ordinary words are dropped
    ("the High School" is no name; "Oakfield High School" is), or None."""
    a = m.start()
    words = list(re.finditer(r"\S+", text[a:m.end()]))
    k = 0
    while k < len(words) and words[k].group().lower().strip("'\u2019.,") in not_names:
        k += 1
    # at least one name word before the suffix, and it must not itself be part of the suffix
    suffix_start = _suffix_start(m.group())
    if k >= len(words) or a + words[k].start() >= m.start() + suffix_start:
        return None
    return a + words[k].start(), m.end()


_SUFFIX_RE = re.compile(r"(?i:" + _SCHOOL_SUFFIX + "|" + _SERVICE_SUFFIX + r")$")


def _suffix_start(s: str) -> int:
    best = len(s)
    for m in re.finditer(r"\S+", s):
        if _SUFFIX_RE.fullmatch(s[m.start():]):
            return m.start()
    return best


# Schools named in lower case: "oakfield primary", "holy trinity catholic school", "st marys academy".
_LOWER_SCHOOL_SUFFIX = (r"(?:(?:c\s?of\s?e|ce|rc|catholic|church\s+of\s+england|methodist|community)\s+)?"
                        r"(?:primary\s+school|primary|infant\s+school|junior\s+school|high\s+school|"
                        r"high(?=[ \t]*(?:$|[.,!?;:)]|[ \t]+(?:is|was|and|in|where|because|but|for|last|this|year|"
                        r"now|then|before|after)\b))|"
                        r"secondary\s+school|grammar\s+school|academy|college|school)")
SCHOOL_LOWER = re.compile(r"\b((?:[a-z][a-z'\u2019\-]+\s+){1,3})" + _LOWER_SCHOOL_SUFFIX + r"\b")
FAITH_SCHOOL = re.compile(
    r"\b(?:holy\s+(?:trinity|family|cross|rosary|spirit|name)|sacred\s+heart|our\s+lady(?:\s+of\s+[a-z]+)?|"
    r"christ\s+the\s+king|all\s+saints|corpus\s+christi|blessed\s+[a-z]+|st\.?\s+[a-z'\u2019]+|"
    r"saint\s+[a-z'\u2019]+)\s+" + _LOWER_SCHOOL_SUFFIX + r"\b", re.IGNORECASE)
# Homes and hostels named "X House" / "X Lodge": only beside words that make them a placement.
HOME_NAME = re.compile(r"(?:" + _NAME_WORD + r"\s+){0,2}" + _NAME_WORD +
                       r"\s+(?:House|Lodge|Grange|Manor|Court|Hall|View|Place)\b")
HOME_CUE = re.compile(r"children'?s\s+home|childrens\s+home|care\s+home|residential|placement|hostel|"
                      r"supported\s+(?:living|accommodation|housing)|semi[-\s]independent|\bunit\b|"
                      r"\b(?:live|living|lives|stay|staying|stays|placed|moved)\s+(?:at|to|in)\b|\bflat\s+\d",
                      re.IGNORECASE)

# Services named in lower case: "greenfields pharmacy", "riverside surgery".
SERVICE_LOWER = re.compile(r"\b((?:[a-z][a-z'\u2019\-]+\s+){1,2})(?:gp\s+surgery|surgery|medical\s+(?:centre|practice|"
                           r"group)|health\s+centre|pharmacy|chemist|clinic|children'?s\s+home|care\s+home|"
                           r"family\s+centre|youth\s+club|youth\s+centre|community\s+centre)\b")
