"""Personal data written out in words or half in words (issue 17, round 3):

* phone numbers said aloud or mixed with digits: "oh seven seven oh oh, nine hundred, double four one",
  "07seven00 900 123", "0 7 7 0 0 9 0 0 1 2 3";
* dates of birth in words after a birth cue: "born the ninth of january two thousand and ten",
  "born on christmas eve 2009", and full written dates with a child's birth year ("14th March 2010");
* postcodes after a postcode cue, however spelled ("postcode is en eff ten, two bee dee", "L S 6 2 A B"),
  and a postcode district after "live in" ("we live in LS6");
* a house number alone ("at number 14"), a hotel room ("Room 14, Travelodge");
* social media handles the cue patterns miss: "add nox_gamer_777 on xbox", "miab#2010",
  "HollyoaksFan2011 is my roblox name", 'he is called "shadowking99"'.

Each function yields ``(start, end, kind)``.
"""

from __future__ import annotations

import re

from .names import english_words

_UNIT = {"zero": 1, "oh": 1, "o": 1, "nought": 1, "nil": 1, "one": 1, "two": 1, "three": 1, "four": 1,
         "five": 1, "six": 1, "seven": 1, "eight": 1, "nine": 1}
_PARTS = (r"\d|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|treble|hundred|thousand|"
          r"oh|o")
_DIGIT_PART = re.compile(_PARTS, re.IGNORECASE)
_NUM_TOKEN = re.compile(r"(?:" + _PARTS + r")+", re.IGNORECASE)
_RUN = re.compile(r"\+?(?:[A-Za-z0-9]+)(?:[ \t,\-.]+[A-Za-z0-9]+)*")


def _digits(token: str, repeat: int = 1) -> tuple[str, int] | None:
    """The digits a token stands for and the repeat left pending ("07seven00" -> "07700"; "double" -> "", 2)."""
    if not _NUM_TOKEN.fullmatch(token):
        return None
    out = []
    for m in _DIGIT_PART.finditer(token):
        p = m.group().lower()
        if p in ("double", "triple", "treble"):
            repeat = 2 if p == "double" else 3
            continue
        if p in ("hundred", "thousand"):
            out.append("00" if p == "hundred" else "000")
            continue
        d = p if p.isdigit() else ("0" if p in ("zero", "oh", "o", "nought") else
                                   str(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                        "nine"].index(p)))
        out.append(d * repeat)
        repeat = 1
    return "".join(out), repeat


_ANY_DIGIT = re.compile(r"\d|\b(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double)\b",
                        re.IGNORECASE)


def find_spoken_numbers(text: str):
    """Phone numbers written (partly) in words or with spaced digits."""
    if len(_ANY_DIGIT.findall(text)) < 3:
        return
    tokens = list(re.finditer(r"\+?[A-Za-z0-9]+", text))
    i = 0
    while i < len(tokens):
        digits, j, words, repeat = "", i, 0, 1
        while j < len(tokens):
            if j > i and not re.fullmatch(r"[ \t,\-.]{1,3}", text[tokens[j - 1].end():tokens[j].start()]):
                break
            got = _digits(tokens[j].group().lstrip("+"), repeat)
            if got is None:
                break
            d, repeat = got
            digits += d
            words += not tokens[j].group().isdigit()
            j += 1
        a = tokens[i].start()
        if j - i >= 3 and words and len(digits) == 10 and re.search(r"\bnhs\b", text[max(0, a - 25):a], re.I):
            yield a, tokens[j - 1].end(), "nhs"
        elif j - i >= 3 and words and ((digits.startswith("0") or digits.startswith("44")) and 10 <= len(digits) <= 13
                                       or digits.startswith("7") and len(digits) == 10):
            yield a, tokens[j - 1].end(), "phone"
        elif j - i >= 8 and not words and digits.startswith("0") and 10 <= len(digits) <= 11:
            yield tokens[i].start(), tokens[j - 1].end(), "phone"  # "0 7 7 0 0 9 0 0 1 2 3"
        i = max(j, i + 1)


_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
        r"(?:twenty|thirty)[\s\-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
        r"\d{1,2}(?:st|nd|rd|th)?)")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_YEAR_WORDS = (r"(?:(?:19|20)\d{2}|two\s+thousand(?:\s+and)?(?:\s+[a-z]+){0,2}|twenty\s+(?:ten|eleven|twelve|"
               r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)|"
               r"(?:oh|o)\s+(?:one|two|three|four|five|six|seven|eight|nine)|'?\d{2})")
_FESTIVAL = (r"(?:christmas\s+(?:eve|day)|boxing\s+day|new\s+year'?s\s+(?:eve|day)|valentine'?s\s+day|halloween|"
             r"bonfire\s+night|st\.?\s+patrick'?s\s+day|st\.?\s+david'?s\s+day|easter\s+(?:sunday|monday)|"
             r"christmas|new\s+year'?s)")
_SPOKEN_DATE = (r"(?:(?:the\s+)?" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR_WORDS + r")?|"
                + _MONTH + r"\s+(?:the\s+)?" + _ORD + r"(?:,?\s+" + _YEAR_WORDS + r")?|"
                + _FESTIVAL + r"(?:,?\s+" + _YEAR_WORDS + r")?)")
BIRTH_CUE = re.compile(r"\b(?:born(?:\s+on|\s+in)?|dob|d\.o\.b\.?|date\s+of\s+birth|birthday|bday|b-day|"
                       r"turn(?:ed|s)?\s+\d{1,2}\s+on|turn(?:ed|s)?\s+[a-z]+teen\s+on)"
                       r"(?:\s+is|'s|\s+was)?(?:\s+on)?\s*[:\-,]?\s*(" + _SPOKEN_DATE + r")\b", re.IGNORECASE)
# a full written date with a child's birth year, cue or not: "14th March 2010", "March 3rd, 2009"
FULL_DATE = re.compile(r"\b(?:" + _ORD + r"\s+(?:of\s+)?" + _MONTH + r"\.?,?\s+|" + _MONTH + r"\.?\s+" + _ORD +
                       r",?\s+)(?:199\d|200\d|201\d|2020)\b", re.IGNORECASE)
_YEAR_TAIL = re.compile(r"(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b)+", re.IGNORECASE)

POSTCODE_CUE = re.compile(r"\bpost\s?code(?:'s|\s+is|\s+was|:)?\s+", re.IGNORECASE)
_PC_TOKEN = re.compile(r"[ \t,\-]*([A-Za-z0-9]{1,6})")
_PC_STOP = frozenset("and but i im i'm my so the is if near in we it its because cos coz please pls thanks"
                     " thx or then which that if you can on at for to".split())
DISTRICT = re.compile(r"\b(?:live|lives|living|lived|stay|stays|staying|moved|from)\s+(?:in|to)?\s*(?:the\s+)?"
                      r"((?:[A-Z]{2}|[BEGLMNSW])\d{1,2}[A-Z]?)(?![A-Za-z0-9])(?!\s*(?:bus|motorway|road))")
# an e-mail said aloud without its ending: "jess.smith at gmail", "kayla2010 at hotmail"
MAIL_PROVIDER = re.compile(r"\b[a-z0-9][a-z0-9._+\-]{1,40}\s*(?:\s+at\s+|\s*[(\[]\s*at\s*[)\]]\s*|@)\s*"
                           r"(?:gmail|googlemail|hotmail|outlook|yahoo|icloud|btinternet|aol|protonmail|"
                           r"virginmedia|talktalk|msn)\b(?:\s*(?:dot|\.)\s*(?:com|co|uk|net))*", re.IGNORECASE)
HOUSE_NUMBER = re.compile(r"\b(?:at|live\s+at|lives\s+at|living\s+at|to|from|outside|opposite)\s+"
                          r"((?:house\s+)?number\s+\d{1,4}[a-z]?)\b(?!\s*(?:bus|tram|train))", re.IGNORECASE)
ROOM = re.compile(r"\b[Rr]oom\s+\d{1,4}[a-z]?,?\s+(?:(?:at|in)\s+)?(?:the\s+)?(?:Travelodge|Premier\s+Inn|Ibis|"
                  r"Holiday\s+Inn|[A-Z][a-z]+\s+(?:Hotel|Inn|B&B|Guest\s+House))(?:,\s+Junction\s+\d+)?")

HANDLE_ANY = re.compile(r"(?<![\w@#.\[/-])[A-Za-z0-9.]*_[A-Za-z0-9._]*(?![\w@\]])")
DISCORD_TAG = re.compile(r"(?<![\w@#.])[A-Za-z0-9_.]{2,32}#\d{4}\b")
HANDLE_BEFORE = re.compile(r"\b([A-Za-z][A-Za-z0-9_.\-]{2,29})\s+(?:is|was|=)\s+(?:my|his|her|their|the)\s+"
                           r"(?:new\s+|old\s+|main\s+|spam\s+|fake\s+)?(?:(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|"
                           r"xbox|psn|roblox|discord|fortnite|steam|twitch|youtube|twitter|kik|telegram|gaming|"
                           r"game|online)\s+)?(?:name|username|user\s*name|handle|gamertag|tag|account|acc|snap|"
                           r"insta|tiktok|@)\b", re.IGNORECASE)
HANDLE_ADD = re.compile(r"\b(?:add|follow|message|dm|find)\s+(?:me\s+)?(?:on\s+\w+\s+)?(?:as\s+|at\s+)?"
                        r"([A-Za-z][A-Za-z0-9_.\-]{2,29})\s+on\s+(?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|xbox|psn|"
                        r"roblox|discord|fortnite|steam|twitch|kik|telegram|the\s+xbox|ps[45]|playstation)\b",
                        re.IGNORECASE)
HANDLE_CALLED = re.compile(r"\b(?:called|named|username|user\s+name|goes\s+by|as|handle|gamertag|tag|account)\s+"
                           r"[\"'\u201c\u2018]?([A-Za-z][A-Za-z0-9_.\-]{2,29})[\"'\u201d\u2019]?", re.IGNORECASE)
_HANDLE_LIKE = re.compile(r"(?=.*[A-Za-z]{3})(?:.*\d{2,}|.*_|.*\.[A-Za-z0-9]|.*[a-z][A-Z].*\d|.*-\d)")


def handle_like(token: str) -> bool:
    """Letters with two digits, an underscore or an inner dot: "shadowking99", "lucas-b-10", "tayy.z_"."""
    return bool(_HANDLE_LIKE.match(token)) and not re.fullmatch(r"(?:year|yr|y|ks|u|under|covid|fifa|ps|gta|mp|"
                                                                 r"windows|iphone|galaxy|level|lvl|room|flat|"
                                                                 r"bus|route|age|aged)\d+s?", token, re.IGNORECASE)


# cheap checks before the date patterns: a month, a festival or a birth word must be there
_DATE_HINT = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|boxing|new\s+year|valentine|"
                        r"halloween|bonfire|patrick|david|easter|born|birth|dob|d\.o\.b|bday|b-day|turn",
                        re.IGNORECASE)


def find_spoken(text: str):
    """Yield ``(start, end, kind)`` for the items described in the module docstring."""
    yield from find_spoken_numbers(text)
    dates = _DATE_HINT.search(text) is not None
    for m in BIRTH_CUE.finditer(text) if dates else ():
        b = m.end(1)
        tail = _YEAR_TAIL.match(text, b)
        if tail and re.search(r"thousand\s*(?:and)?\s*$", m.group(1), re.IGNORECASE):
            b = tail.end()
        yield m.start(1), b, "dob"
    for m in FULL_DATE.finditer(text) if dates else ():
        yield m.start(), m.end(), "dob"
    for m in POSTCODE_CUE.finditer(text):
        pos, toks, has_digit = m.end(), [], False
        while len(toks) < 8:
            t = _PC_TOKEN.match(text, pos)
            if not t or t.group(1).lower() in _PC_STOP:
                break
            toks.append(t)
            has_digit = has_digit or _digits(t.group(1)) is not None
            pos = t.end()
        if toks and has_digit:
            yield toks[0].start(1), toks[-1].end(1), "postcode"
    for m in MAIL_PROVIDER.finditer(text):
        local = re.split(r"\s|@|\(|\[", m.group(), maxsplit=1)[0]
        if re.search(r"[._\d]", local) or (local.lower() not in english_words() and len(local) >= 3):
            yield m.start(), m.end(), "email"  # not "i looked at gmail"
    for m in DISTRICT.finditer(text):
        yield m.start(1), m.end(1), "postcode"
    for m in HOUSE_NUMBER.finditer(text):
        if not re.search(r"\bthe\s+$", text[max(0, m.start(1) - 5):m.start(1)]):
            yield m.start(1), m.end(1), "address"
    for m in ROOM.finditer(text):
        yield m.start(), m.end(), "address"
    for rx in (HANDLE_ANY, DISCORD_TAG):
        for m in rx.finditer(text):
            if re.search(r"[A-Za-z].*[A-Za-z0-9]|[A-Za-z0-9].*[A-Za-z]", m.group()):
                yield m.start(), m.end(), "handle"
    for m in HANDLE_BEFORE.finditer(text):
        h = m.group(1)
        if handle_like(h) or (re.search(r"[a-z][A-Z]", h) and not h.isupper()):
            yield m.start(1), m.end(1), "handle"
    for rx in (HANDLE_ADD, HANDLE_CALLED):
        for m in rx.finditer(text):
            if handle_like(m.group(1)):
                yield m.start(1), m.end(1), "handle"
