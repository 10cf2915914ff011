"""Homes, small businesses, aliases and numbers that identify one person (stop 46, from blind redaction
writers 18-23's misses):

* a farm, cottage or named house: "Polglaze Farm", "Chapel Cottage" (an address: it is someone's home);
* a small business by its trade word: "Ace Cars", "Kashmir Kitchen takeaway", "Fresh Cutz barbers",
  "Sparkle Hand Car Wash" (it identifies its owner and staff; chains are kept by ``data/public_figures.txt``);
* a house number told on its own: "the neighbour at no. 14", "lives at 2a", "a crack house at 112";
* an alias in quotes: "'Gunz' (aka Terrell Simmons)", "known only as 'Dougie'", "one called 'Tall Man'";
* a police officer's collar number and a prisoner's number: "PC Rees 2819", "Sgt Campbell (2290)",
  "Collar 6104 and 6211", "prison no. A4471CK", a handset's IMEI.
"""

from __future__ import annotations

import re

from .people import fold, keep_proper, uk_places

_NAMEW = r"[A-Z][A-Za-z'\u2019\-]+"
_HOME = re.compile(r"\b((?:" + _NAMEW + r"[ \t]+){1,3}(?:Farm|Farmhouse|Cottage|Cottages|Barn|Barton|Croft))\b"
                   r"|\b((?:[A-Za-z][a-z'\-]+[ \t]+){1,3}(?:farm|cottage))\b(?=[ \t]*(?:,|near|in|at|$))")
_NOT_HOME = frozenset("city animal the a my our his her their your his school community care children's "
                      "childrens open wind solar fish pig dairy chicken".split())
_TRADE = (r"Cars|Taxis?|Private[ \t]+Hire|Nails|Nail[ \t]+Bar|Hand[ \t]+Car[ \t]+Wash|Car[ \t]+Wash|Kitchen|Takeaway|"
          r"Barbers?|Cutz|Cuts|Hairdressers|Salon|Beauty|Plastering|Builders|Motors|Garage|Caf[eé]|Restaurant|"
          r"Chippy|Fish[ \t]+Bar|Pizza|Kebabs?|Mini[ \t]+Market|Stores?|Food[ \t]+Store|Off[ \t]+Licence|"
          r"Soft[ \t]+Play|Day[ \t]+Nursery|Childminding|Textiles|Fried[ \t]+Chicken|Therapy[ \t]+Ltd|Ltd|Limited|"
          r"Mentoring|Tuition|Lettings|Scaffolding|Roofing|Removals|Bros")
_BUSINESS = re.compile(r"\b((?:" + _NAMEW + r"|&)(?:[ \t]+(?:" + _NAMEW + r"|&)){0,3})[ \t]+(?:" + _TRADE + r")\b")
_BUSINESS_LOWER = re.compile(r"\b((?:" + _NAMEW + r")(?:[ \t]+" + _NAMEW + r"){0,2})[ \t]+(?:takeaway|restaurant|"
                             r"nail[ \t]+bar|barbers|cafe|chippy|car[ \t]+wash|hairdressers|taxi[ \t]+firm)\b")
_HOUSE_NUMBER = re.compile(r"\b(?:at|lives[ \t]+at|living[ \t]+at|next[ \t]+door[ \t]+at|house[ \t]+at)[ \t]+"
                           r"((?:no\.?|number)[ \t]*\d{1,4}(?-i:[a-z])?|\d{1,4}(?-i:[a-z]))\b"
                           r"(?![ \t]*(?:am|pm|mins?|hours?))"
                           r"|\b(?:crack|drug|trap)[ \t]+house[ \t]+at[ \t]+(\d{1,4}[a-z]?)\b", re.IGNORECASE)
_ALIAS_CUE = re.compile(r"(?:\b(?:aka|alias|known(?:[ \t]+only)?[ \t]+as|called|"
                        r"named(?:[ \t]+(?:him|her))?(?:[ \t]+as)?|"
                        r"nickname(?:[ \t]+at[ \t]+home)?(?:[ \t]+is)?|"
                        r"tag(?:[ \t]+on[ \t]+the[ \t]+road)?(?:[ \t]+is)?|"
                        r"calls?|female|male|girl|boy|man|woman|include|includes|contacts?|partner|boyfriend|"
                        r"girlfriend|friend|mate|cousin|uncle|dad|mum)[ \t,:\-]*|"
                        r"['\u2019\"\u201d][ \t]*(?:,|and|or|&)[ \t]*)$",
                        re.IGNORECASE)
_QUOTED = re.compile(r"['\u2018\"\u201c]((?:[A-Z][A-Za-z\-]*)(?:[ \t]+[A-Z][A-Za-z\-]*){0,2})['\u2019\"\u201d]")
_COLLAR = re.compile(r"\b(?:PC|DC|PS|Sgt|PCSO|DS|Insp|Officer)[ \t]+" + _NAMEW +
                     r"[ \t]*(?:\((\d{3,5})\)|(\d{3,5})\b)"
                     r"|\b(?i:collars?|collar[ \t]+numbers?|officer(?:'s)?[ \t]+number(?:[ \t]+was)?|"
                     r"pcso[ \t]+on[ \t]+the[ \t]+team[ \t]+is|officer)[ \t]*:?[ \t]*(\d{3,5})"
                     r"((?:[ \t]*(?:,|and|&)[ \t]*\d{3,5})*)\b")
_PRISON = re.compile(r"\b(?i:prison(?:er)?[ \t]+(?:no\.?|number)|imei|plate[ \t]+no\.?|booking[ \t]+ref)[ \t]*:?[ \t]*"
                     r"([A-Z0-9][A-Z0-9 ]{3,22}[A-Z0-9])\b")
_NUM = re.compile(r"\d{3,5}")
# a form group beside a pupil: "Kai-Leigh Hudson (8RT)", "Jake Allsop 8KT", "in 8F", "form 10JH" (writers 24, 31);
# not "10K run", "9AM", "10GB"
_FORM = r"(?:[7-9]|1[0-3])(?!(?:AM|PM|GB|MB|KB|TB|K|M|G|HD|ST|ND|RD|TH)\b)[A-Z]{1,3}\d?"
_FORM_GROUP = re.compile(r"(?:\b(?i:form|in|from|class|tutor[ \t]+group|reg(?:istration)?[ \t]+group)[ \t]+|\([ \t]*)"
                         r"(" + _FORM + r")\b(?![ \t]*(?:pupils|students|kids|boys|girls|class|classes|lessons?))"
                         r"|\b[A-Z][a-z'\-]+[ \t]+(" + _FORM + r")\b(?=[ \t]*(?:[,.;:)\-]|$|and|was|is|has|had|"
                         r"said|says|told|now|marked|disclosed|reported|keeps?|got))")
# a registration read out in the phonetic alphabet: "Bravo Foxtrot one six, X-ray Papa Lima" (writers 22, 27)
_NATO = (r"(?:alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|mike|november|"
         r"oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-?ray|yankee|zulu)")
_NATO_REG = re.compile(r"\b(?i:" + _NATO + r"(?:[ \t,]+(?:" + _NATO + r"|zero|oh|one|two|three|four|five|six|seven|"
                       r"eight|nine|niner)){3,7})\b")
# a nursery or childminder by its trading name, where the answer is about one: "Little Acorns", "Rainbow Tots"
_CHILDCARE_NAME = re.compile(r"\b((?:Little|Tiny|Wee|Rainbow|Sunshine|Kiddie|Kidz|Busy|Bright|Teddy|Happy|Acorn|"
                             r"Treetops|Rosebud)(?:[ \t]+[A-Z][a-z']+){1,2}|[A-Z][a-z']+(?:[ \t]+[A-Z][a-z']+)?[ \t]+"
                             r"(?:Tots|Montessori|Acorns|Explorers|Gems|Kingdom|Stars|Steps|Cherubs|Angels|Minis))\b")
_CHILDCARE_CUE = re.compile(r"\b(?:nursery|nurseries|childminder|childminding|setting|pre-?school|creche|cr\u00e8che|"
                            r"playgroup|day[ \t]+care|mindee)\b", re.IGNORECASE)
# a home, a placement or a school told by a name alone, house-name shaped, after a word that places someone there:
# "moved from Greenacres to Hilltop", "Lives at Willowbrook", "at the Willows", "goes to Hillcrest" (writers 24-26)
_HOUSE_NAME = (r"[A-Z][a-z]+(?:bank|lea|leigh|wood|woods|brook|stones|field|fields|hurst|spur|side|acres|top|croft|"
               r"mead|dale|grove|holme|lands|haven|view|ridge|crest|moor|moors|hill|hills|gate|way|ways|meadow|"
               r"meadows|hall|lodge|house|court|ley)")
_PLACED_AT = re.compile(r"\b(?i:(lives[ \t]+at|living[ \t]+at|placed[ \t]+at|placement(?:[ \t]+at)?:?|"
                        r"moved[ \t]+(?:from|to)|from|to)|at|goes[ \t]+to|go[ \t]+to|then|now)[ \t]+(?:the[ \t]+)?"
                        r"(" + _HOUSE_NAME + r"s?)\b"
                        r"(?![ \t]+(?:[A-Z][a-z]+|road|street|lane|park|estate|station|centre|shopping|retail))")
# a group chat, a server or a channel by its name: "a WhatsApp group called 'Year 7 Roast Zone'", "the chat 'Man Dem
# 2010'", "a server called BlockHaven"; a username after "called" in lower case: "a random joined called vexx"
_GROUP_NAME = re.compile(r"\b(?i:group|chat|gc|group[ \t]+chat|server|channel|page|account|story)[ \t]+"
                         r"(?i:called|named)?[ \t]*(?:['\u2018\"\u201c]([^'\u2019\"\u201d\n]{2,40})['\u2019\"\u201d]|"
                         r"([A-Z][A-Za-z0-9_]{3,30})\b)")
_ONLINE_CALLED = re.compile(r"\b(?i:random|user|account|profile|"
                            r"(?:someone|somebody|a[ \t]+man|a[ \t]+guy)[ \t]+on[ \t]+"
                            r"(?:discord|snap(?:chat)?|insta(?:gram)?|tiktok|roblox|fortnite|xbox|whatsapp|telegram|"
                            r"minecraft|wizz|yubo|omegle|twitch))[ \t]+(?:\w+[ \t]+){0,2}?(?i:called|named)[ \t]+"
                            r"([a-z][a-z0-9_.]{2,24})\b")
# a house number and a name after a word that says it is an address: "lives at 9 Gipton Approach",
# "registered keeper Mr X of 4 Quarry Bank", "Current address 45 Parkside Villas", "I live at 7 Greenfields"
_NUMBERED_HOME = re.compile(r"\b(?i:lives?|living|staying|stays|moved|resides|residing|address(?:[ \t]+is)?|"
                            r"keeper[ \t]+[A-Z][\w .'\-]{1,40}?[ \t]+of)[ \t]+(?i:at[ \t]+|to[ \t]+)?"
                            r"(\d{1,4}[a-z]?,?[ \t]+(?!(?i:minutes|mins|hours|hrs|days|weeks|months|years|yrs|miles|"
                            r"times|kids|children|people|boys|girls|lions|pounds|quid|doors|streets|houses|stops)\b)"
                            r"[A-Z][\w'\-]+(?:[ \t]+[A-Z][\w'\-]+){0,3})")
# a username by its shape: "xXShadowKingXx", "kaylz_hxx", "bigman_g69", "b.m.jones2009", "kayy.x.07"
_HANDLE_SHAPE = re.compile(r"(?<![\w@./\-])(?:xX\w{2,24}Xx|[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_.]*[A-Za-z0-9]|"
                           r"[A-Za-z][A-Za-z0-9]*\.[A-Za-z0-9.]*\d[A-Za-z0-9]*)(?![\w@/\-]|\.\w)")
# after a cue, a dotted username without digits: "his @ is real.deano44", "handles: tiggy.p, toni.scotland"
_HANDLE_AFTER = re.compile(r"\b(?:@[ \t]+is|usernames?(?:[ \t]+(?:is|are))?|handles?(?:[ \t]+(?:is|are))?|"
                           r"called|calling[ \t]+themsel(?:f|ves)|insta[ \t]+is|snap[ \t]+is|tag[ \t]+is)[ \t:]*"
                           r"((?:[A-Za-z0-9_]+\.[A-Za-z0-9_.]*[A-Za-z0-9_])"
                           r"(?:[ \t]*,[ \t]*[A-Za-z0-9_]+\.[A-Za-z0-9_.]*[A-Za-z0-9_])*)", re.IGNORECASE)
_NOT_HANDLE_END = (".com", ".uk", ".org", ".net", ".pdf", ".doc", ".docx", ".xlsx", ".jpg", ".png", ".gov", ".nhs",
                   ".html", ".mp4")


def find_venues(text: str, *, vocab: frozenset[str], cued: frozenset[str]):
    """Yield ``(start, end, kind)`` spans."""
    keep = keep_proper()
    for m in _HOME.finditer(text):
        g = 1 if m.group(1) else 2
        words = m.group(g).split()
        if fold(words[0]) in _NOT_HOME or (g == 2 and all(fold(w) in vocab for w in words[:-1])):
            continue
        yield m.start(g), m.end(g), "address"
    for m in _BUSINESS.finditer(text):
        words = [w for w in m.group(1).split() if w != "&"]
        if not words or all(fold(w) in keep for w in words) or fold(words[0]) in ("the", "a", "my", "our"):
            continue
        yield m.start(1), m.end(1), "service"
    for m in _BUSINESS_LOWER.finditer(text):
        words = m.group(1).split()
        if any(fold(w) not in vocab for w in words) and not any(fold(w) in keep for w in words) \
                and fold(words[0]) not in ("the", "a", "my", "our", "chinese", "indian", "local"):
            yield m.start(1), m.end(1), "service"
    for m in _HOUSE_NUMBER.finditer(text):
        g = 1 if m.group(1) else 2
        yield m.start(g), m.end(g), "address"
    for m in _PLACED_AT.finditer(text):
        w = fold(m.group(2))
        strong = m.group(1) is not None  # "moved from", "lives at", "placed at": a capitalised word there is a name
        if w not in keep and w not in uk_places() and w.rstrip("s") not in uk_places() and (strong or w not in vocab):
            yield m.start(2), m.end(2), "service"
    for m in _GROUP_NAME.finditer(text):
        g = 1 if m.group(1) else 2
        if fold(m.group(g)) not in keep and not (g == 2 and fold(m.group(g)) in vocab):
            yield m.start(g), m.end(g), "handle"
    for m in _ONLINE_CALLED.finditer(text):
        w = m.group(1)
        if w not in vocab and w not in keep and w not in ("me", "him", "her", "them", "names"):
            yield m.start(1), m.end(1), "handle"
    for m in _FORM_GROUP.finditer(text):
        g = 1 if m.group(1) else 2
        if not re.fullmatch(r"\d+[A-Z]", m.group(g)) or g == 1:  # one letter only after "in", "form", "("
            yield m.start(g), m.end(g), "school"
    for m in _NATO_REG.finditer(text):
        yield m.start(), m.end(), "vehicle"
    if _CHILDCARE_CUE.search(text):
        for m in _CHILDCARE_NAME.finditer(text):
            if not all(fold(w) in keep for w in m.group(1).split()):
                yield m.start(1), m.end(1), "service"
    for m in _NUMBERED_HOME.finditer(text):
        yield m.start(1), m.end(1), "address"
    for m in _QUOTED.finditer(text):
        phrase = m.group(1)
        words = [fold(w) for w in phrase.split()]
        if all(w in keep for w in words):
            continue
        cue = _ALIAS_CUE.search(text, max(0, m.start() - 30), m.start())
        listed = any(w in cued and w not in vocab for w in words) or words[0] in ("big", "lil", "little")
        if cue or (listed and len(words) <= 3):  # not any quoted word: "the word 'Paki' was used"
            yield m.start(1), m.end(1), "name"
    for m in _COLLAR.finditer(text):
        for g in (1, 2, 3):
            if m.group(g):
                yield m.start(g), m.end(g), "reference"
        if m.group(4):
            for n in _NUM.finditer(m.group(4)):
                yield m.start(4) + n.start(), m.start(4) + n.end(), "reference"
    for m in _HANDLE_SHAPE.finditer(text):
        h = m.group()
        low = h.lower()
        if not any(end in low for end in _NOT_HANDLE_END) and sum(c.isalpha() for c in h) >= 3 \
                and not h.isupper() and not re.search(r"\.(?:docx?|xlsx?|pdf|pptx?|jpe?g|png|csv|txt)\b", low):
            yield m.start(), m.end(), "handle"
    for m in _HANDLE_AFTER.finditer(text):
        for h in re.finditer(r"[A-Za-z0-9_]+\.[A-Za-z0-9_.]*[A-Za-z0-9_]", m.group(1)):
            if not h.group().lower().endswith(_NOT_HANDLE_END):
                yield m.start(1) + h.start(), m.start(1) + h.end(), "handle"
    for m in _PRISON.finditer(text):
        if any(c.isdigit() for c in m.group(1)):
            yield m.start(1), m.end(1), "reference"
