"""Personal data found from the words around it (stop 46, from blind redaction writers 11-14's misses).

* a family by its surname: "the Patels next door", "the Kowalskis", "the Oakes family", "the Mensah-Boateng
  family" (not "the Greens" park or "the Lakes": a plural needs a listed surname or no English word);
* a nickname with "big" / "lil": "Big Mo", "big mo from the takeaway", "Big Tel" (not "big bro", "big man");
* a quoted nickname after a person: "mum's new partner 'Gaz'", "a friend 'Jas'", "aka 'Smurf'";
* a school named by what happens there: "year 11 at Titus Salt", "excluded from Crossley Heath",
  "Head of Year at Oakbank";
* a person by what a record says of them: a name before an age ("Paris (7)", "Will (age 10)", "TEEGAN (7)"),
  before or after a family role in brackets ("Chelsea (mum)", "Mum (Rose)"), after "mum:" ("mum: Shirley"),
  two given names that are also words joined ("Hope & Faith are twins", "Girls (Ocean & Summer)");
* numbers a cue makes a record number: "staff no. 004417", "Mosaic ID 2219847, 2219848", "PC 2214",
  "ext 4471", "CAD 4471", "incident 0612", "Hosp no. RK04451279", "CRN X394021".
"""

from __future__ import annotations

import re

from .names import _noun_index
from .people import fold, keep_proper, uk_places

_CAPW = r"[A-Z][a-z\u00df-\u017f]+(?:-[A-Z][a-z\u00df-\u017f]+)?"
_THE_PLURAL = re.compile(r"\b[Tt]he[ \t]+(" + _CAPW + r")s\b(?![ \t]+(?:[A-Z]|road|street|estate|park|centre|shop))")
_THE_FAMILY = re.compile(r"\b[Tt]he[ \t]+(" + _CAPW + r"(?:[ \t]+" + _CAPW + r")?)[ \t]+"
                         r"(?:family|families|household|children|kids|twins|brothers|sisters|boys|girls|siblings)\b")
_BIG = re.compile(r"\b(?:[Bb]ig|BIG|[Ll]il|LIL|[Ll]ittle)[ \t]+([A-Za-z][a-z]{1,6})\b")
_NOT_BIG = frozenset("bro bros sis sister brother man men lad lads boy boys girl girls guy guys fam bruv mate mates "
                     "one ones kid kids deal head heads shop issue issues school kids city smoke up".split())
_QUOTED_NICK = re.compile(r"(?:\b(?:aka|a\.k\.a\.?|partner|boyfriend|girlfriend|friend|mate|cousin|uncle|dad|mum|"
                          r"brother|sister|man|male|lad|boy|girl|called|named|known\s+as|goes\s+by|nickname)"
                          r"[ \t]*[,:]?[ \t]*)\(?['\u2018\"\u201c]((?:[A-Z][A-Za-z\-]+)(?:[ \t][A-Z][A-Za-z\-]+)?)"
                          r"(?:['\u2019]s)?['\u2019\"\u201d]")
_SCHOOL_BY_USE = re.compile(r"\b(?i:(?:year|yr|y)[ \t]*\d{1,2}[ \t]+at|(?:excluded|expelled|suspended)[ \t]+from|"
                            r"teaching[ \t]+at|(?:head[ \t]+of[ \t]+year|headteacher|head[ \t]+teacher|"
                            r"deputy[ \t]+head|"
                            r"DSL|SENCO|pupil|pupils)[ \t]+(?:at|of)|from[ \t]+all[ \t]+of[ \t]+us[ \t]+at)"
                            r"[ \t]+((?:[A-Z][A-Za-z'\u2019\-]+)(?:[ \t]+[A-Z][A-Za-z'\u2019\-]+){0,2})")
_NUM = r"(?=[A-Za-z0-9]*\d{3})[A-Za-z0-9]{3,12}"
_RECORD_CUE = re.compile(r"\b(?:(?:staff|employee|payroll|hosp(?:ital)?|patient|unit|pupil|student|member)"
                         r"[ \t]+(?:no\.?|number|num|id)|(?:mosaic|lcs|eclipse|liquidlogic|systmone|emis|pnc)"
                         r"(?:[ \t]+(?:ids?|no\.?|number|ref))?|crn|cad|ext\.?|extension|ofsted[ \t]+(?:reg|urn)|urn|"
                         r"(?-i:PC|DC|PCSO|Sgt|PS)(?=[ \t]+\d)|incident(?=[ \t]+0))[ \t]*[:#]?[ \t]*(" + _NUM + r")"
                         r"((?:[ \t]*(?:,|and|&)[ \t]*\d{5,})*)\b", re.IGNORECASE)
_AGED = re.compile(r"\b(" + _CAPW + r"|[A-Z]{3,})[ \t]*\((?:age[d]?[ \t]*)?\d{1,2}"
                   r"(?:[ \t]*(?:yrs?|years?|yo|y/o|m|mths|"
                   r"months))?\)")
# "Caden, 13, gets messages", "Kingsley, 10, is being targeted", "(Tevita, 17)": a name, then an age
_AGED_COMMA = re.compile(r"\b(" + _CAPW + r")[ \t]*,[ \t]*(?:age[d]?[ \t]*)?\d{1,2}[ \t]*"
                         r"(?:,|\)|;|yrs?\b|years?\b|yo\b)")
# "Rose at the front desk", "Joy at the children's centre", "Faith from the church youth group": a listed name
# that is also a word, before where the person is found
_AT_PLACE = re.compile(r"(?:^|[.!?\n(]|\b(?:and|thanks[ \t]+to|thank[ \t]+you[ \t]+to|to|shout[ \t]*out[ \t]+to))[ \t]*"
                       r"(" + _CAPW + r")[ \t]+(?:at|from)[ \t]+(?:the[ \t]+)?(?:[A-Z]|(?i:front|children|youth|"
                       r"boxing|church|school|centre|club|gym|shop|barbers|library|project|mosque|team|office|desk|"
                       r"hub|council|surgery|practice|hospital|ward|cafe|reception|charity|group|unit|home)\b)")
_KIN = r"(?:mum|mother|dad|father|step[ \-]?dad|step[ \-]?mum|nan|gran|grandma|grandad|aunt|auntie|uncle|carer|partner)"
_KIN_AFTER = re.compile(r"\b(" + _CAPW + r")[ \t]*\((?i:" + _KIN + r"|teacher|caretaker|ta|nurse|head|cleaner|"
                        r"receptionist|y(?:ear)?[ \t]?\d{1,2}|\d{1,2}[a-z]{1,3})\)")
# "Demarco 11AB said", "Leon Brady 8KM": a form group after a name
_FORM_AFTER = re.compile(r"\b(" + _CAPW + r")[ \t]+(?:\d{1,2}[A-Z]{2,3}|Y\d{1,2})\b")
_KIN_BEFORE = re.compile(r"\b(?i:" + _KIN + r")[ \t]*(?:\(|:[ \t]*|=[ \t]*)(" + _CAPW + r")\b")
# "baby Harmony", "baby oli", "Mum Chelsea said", "mum Becky lets her": a family word right before a name
_FAMILY_BEFORE = re.compile(r"\b(?:[Bb]aby|[Mm]um|[Mm]am|[Dd]ad|[Mm]other|[Ff]ather|[Nn]an|[Gg]randma|[Gg]randad|"
                            r"[Ss]tep[ \-]?(?:dad|mum)|[Aa]unt(?:ie|y)?|[Uu]ncle)[ \t]+"
                            r"(?:is[ \t]+called[ \t]+|is[ \t]+|called[ \t]+|-[ \t]+)?"
                            r"([A-Z][a-z'\-]+|[a-z][a-z'\-]{2,})\b")
# "Candice 'Candy' Hall", "Marcus 'Mazza' Doherty": a quoted nickname inside a name
_INNER_NICK = re.compile(r"\b(" + _CAPW + r")[ \t]+['\u2018\"\u201c]([A-Z][A-Za-z\-]+)['\u2019\"\u201d][ \t]+"
                         r"(" + _CAPW + r")\b")
# "we call him Ty", "everyone calls me Tiggy", "(Chaz to his mates)", "goes by Oyin"
_CALL_NICK = re.compile(r"\b(?:(?:we|they|everyone|people|mates)[ \t]+calls?[ \t]+(?:him|her|them|me)|"
                        r"goes[ \t]+by)[ \t]+"
                        r"['\u2018\"]?([A-Z][A-Za-z\-]+)|\(([A-Z][A-Za-z\-]+)[ \t]+to[ \t]+(?:his|her|their)[ \t]+"
                        r"(?:mates|friends)\)")
# "Grace has been in kinship care", "Will has been making his own tea", "FAITH NOT IN AGAIN": a name that is also a
# word, at the start of a sentence, before what happens to a person
_STARTS_WITH_PERSON = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)(" + _CAPW + r"|[A-Z]{3,})[ \t]+"
                                 r"(?i:(?:has|had)[ \t]+been[ \t]+"
                                 r"(?:in|making|living|staying|excluded|missing|off|absent|placed|moved|sent|seen|"
                                 r"bullied|hit|getting|going|sleeping|crying|coming|with|at|out)|"
                                 r"was[ \t]+(?:adopted|placed|taken|moved|excluded|born|seen|living|found)|"
                                 r"got[ \t]+excluded|keeps[ \t]+getting|kept[ \t]+getting|went[ \t]+missing|"
                                 r"goes[ \t]+missing|came[ \t]+in|comes[ \t]+in|lives[ \t]+with|is[ \t]+living|"
                                 r"has[ \t]+moved|moved[ \t]+in[ \t]+with|has[ \t]+(?:autism|adhd|asthma)|"
                                 r"is[ \t]+in[ \t]+(?:care|year|y\d)|not[ \t]+in[ \t]+(?:again|today|school))\b")
_TWO_NAMES = re.compile(r"\b(" + _CAPW + r")[ \t]*(?:&|\band\b)[ \t]*(" + _CAPW + r")\b")
_PEOPLE_BEFORE = re.compile(r"(?:\(|\b(?:girls|boys|kids|children|twins|sisters|brothers|siblings|and)"
                            r"[ \t:]*)[ \t]*$", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(r"[ \t]*(?:\(|,|\b(?:are|were|both|said|have|has|did|didn|went|is|was|got)\b|['\u2019]s\b)",
                           re.IGNORECASE)
_NOT_AGED = frozenset("year yr years group class set child children sibling siblings baby babies boy boys girl girls "
                      "kids pupil pupils son sons daughter daughters twins page question item step level stage "
                      "section part room unit ward bed bus".split())
_PLACES_AS_NAMES = frozenset("paris florence georgia india sydney brooklyn austin dallas victoria jordan chelsea "
                             "lincoln chester preston".split())
# "a dealer called Ghost", "one called Gaz", "an older boy called Skeng": a person's nickname, word or not
_PERSON_CALLED = re.compile(r"\b(?:man|men|boy|girl|guy|lad|woman|bloke|kid|dealer|one|someone|somebody|person|"
                            r"fella|geezer|worker|teacher|coach|friend|mate|cousin|brother|sister|uncle|youth)[ \t]+"
                            r"(?:called|named|nicknamed|known[ \t]+as)[ \t]+([A-Z][A-Za-z'\-]+)")
# "sent home from Brooksbank", "the best teacher at Eastbrook": a school by its name alone (not "goes to X":
# "going to Meadowhall", "went to Roundhay park" are places)
_SCHOOL_PLACE = re.compile(r"\b(?:sent[ \t]+home[ \t]+from|(?:teachers?|dinner[ \t]+ladies|"
                           r"girls|boys|kids|pupils|caretaker|bullying|year[ \t]*\d{1,2}s?)[ \t]+at)[ \t]+"
                           r"((?:[A-Z][A-Za-z'\-]+)(?:[ \t]+[A-Z][A-Za-z'\-]+)?)")
_TYPE_WORDS = frozenset("house home centre center park hall road street lane court lodge hub club mosque church "
                        "temple gurdwara masjid surgery practice clinic hospital".split())
_TYPE_AFTER = re.compile(r"[ \t]+(?i:park|centre|center|shopping|hall|house|road|street|estate|mosque|church|ward|"
                         r"healthcare|hospital|unit|clinic)\b")
# "Ibrahim (Ibby)", "Daniel (DJ)": a second name in brackets after a found name
_ALSO_KNOWN = re.compile(r"[ \t]*\((?:aka[ \t]+)?['\u2018\"]?([A-Z][A-Za-z'\-]*)['\u2019\"]?\)")
_QUOTED_POSS = re.compile(r"['\u2018]([A-Z][a-z]{1,12})['\u2019]s['\u2019]")
_NOT_FAMILY_NAME = frozenset("and said says was is has had who told and are were would will can could did does went "
                             "got gets lives lived works says always never just also still too".split())
# a list of friends in lower case: "abi, jess, tolu and hannah", "tanisha, shae and precious" (writers 30-35)
_ITEM = r"(?:(?:big|lil|little)[ \t]+)?[a-z][a-z'\-]{1,11}"
_LOWER_LIST = re.compile(r"(?<![\w'])(" + _ITEM + r"(?:[ \t]*,[ \t]*" + _ITEM + r"){0,5}[ \t]*,?[ \t]+"
                         r"(?:and|n|&)[ \t]+" + _ITEM + r")(?![\w'])")
_LIST_SPLIT = re.compile(r"[ \t]*(?:,|\band\b|\bn\b|&)[ \t]*")
_LOWER_CALLED = re.compile(r"\b(?:one|someone|somebody|boy|girl|man|guy|lad|kid|dealer|other[ \t]+one)[ \t]+"
                           r"(?:was[ \t]+|is[ \t]+)?called[ \t]+([a-z][a-z\-]{2,12})\b")
_LOWER_SAINT = re.compile(r"\b(?:at|go|goes|going|went|from|to|outside|near|behind|fae|wis|was|is|school,)[ \t]+"
                          r"(st\.?[ \t]+[a-z][a-z']+"
                          r"(?:[ \t]+and[ \t]+all[ \t]+angels)?)\b(?![ \t]+(?:road|street|lane|church|hospital))")
_NOT_LIST = frozenset("me you him her them us we they i it my mum dad nan bro sis mates friends brother sister "
                      "cousins family teachers school".split())
_LIST_NUM = re.compile(r"\d{5,}")
_BARE_RECORD = re.compile(r"(?<![\w/\-])[A-Z]{1,3}\d{6,}[A-Z]?(?![\w/\-])")


_NOT_NICKNAME = frozenset("sw dsl iro hv pa yp senco ds dc pc ps di mash lado csc eh gp caiu vm cp cin lac ta sendco "
                          "mum dad nan carer foster sister brother son daughter baby twin deceased ot slt hca cpn rn "
                          "rmn sn np anp physio".split())
_NATIONALITY = ("ian", "ish", "ese", "ean", "ani", "ali", "i")


# a name then what a record says of the person, or a name at a sentence's start before what happens to a person
_RECORD_SHAPES = (_AGED, _AGED_COMMA, _KIN_AFTER, _KIN_BEFORE, _FORM_AFTER, _STARTS_WITH_PERSON)


def also_known(text: str, spans) -> list[tuple[int, int]]:
    """A nickname in brackets right after a found name: "Ibrahim (Ibby)", "Daniel (DJ)"."""
    out = []
    for _a, b in spans:
        m = _ALSO_KNOWN.match(text, b)
        if not m:
            continue
        w = fold(m.group(1))
        if w not in keep_proper() and w not in _NOT_NICKNAME and not w.endswith(_NATIONALITY) \
                and not (m.group(1).isupper() and len(m.group(1)) > 2):
            out.append((m.start(1), m.end(1)))
    return out


def find_context(text: str, *, surnames: frozenset[str], given: frozenset[str], cued: frozenset[str],
                 vocab: frozenset[str]):
    """Yield ``(start, end, kind)`` spans. ``given``: names redacted wherever they stand; ``cued``: every
    listed name, those that are also words ("Will", "Rose", "Hope") included, for places a record's shape
    shows a person."""
    keep = keep_proper()
    for m in _THE_PLURAL.finditer(text):
        stem = fold(m.group(1))
        whole = fold(m.group(1) + "s")
        if (stem in surnames or stem not in vocab) and stem not in keep and whole not in keep \
                and whole not in vocab and whole not in uk_places() and whole not in _noun_index():
            yield m.start(1), m.end(), "name"  # "the Okafors", not "the Paris trip"
    for m in _THE_FAMILY.finditer(text):
        words = [fold(w) for w in m.group(1).split()]
        if all((w in surnames or w not in vocab) and w not in keep for w in words):
            yield m.start(1), m.end(1), "name"
    for m in _BIG.finditer(text):
        w = m.group(1)
        lw = fold(w)
        if lw in _NOT_BIG or lw in keep:
            continue
        if (lw not in vocab and (w[0].isupper() or lw in given or len(w) <= 3)) or (w[0].isupper() and len(w) <= 3):
            yield m.start(), m.end(), "name"
    for m in _QUOTED_NICK.finditer(text):
        words = [fold(w) for w in m.group(1).split()]
        if any(w not in vocab or w in given for w in words) or len(words) == 1 and words[0] not in keep:
            if not all(w in keep for w in words):
                yield m.start(1), m.end(1), "name"
    for m in _SCHOOL_BY_USE.finditer(text):
        words = m.group(1).split()
        if fold(words[0]) in keep or fold(words[0]) in ("the", "my", "our", "a", "school", "home", "work"):
            continue
        yield m.start(1), m.end(1), "school"
    for rx in _RECORD_SHAPES:  # "Paris (7)", "Caden, 13,", "Chelsea (mum)", "Demarco 11AB", "Grace has been in..."
        for m in rx.finditer(text):
            w = fold(m.group(1))
            if (w in cued or w not in vocab) and w not in keep and w not in _NOT_AGED:
                yield m.start(1), m.end(1), "name"
    for m in _AT_PLACE.finditer(text):
        w = fold(m.group(1))
        if w in cued and w not in keep and w not in _PLACES_AS_NAMES:
            yield m.start(1), m.end(1), "name"
    for m in _FAMILY_BEFORE.finditer(text):
        w = m.group(1)
        lw = fold(w)
        if lw in keep or lw in _NOT_FAMILY_NAME:
            continue
        if (w[0].isupper() and (lw in cued or lw not in vocab)) or (w.islower() and lw in given and lw not in vocab):
            yield m.start(1), m.end(1), "name"
    for m in _INNER_NICK.finditer(text):
        if fold(m.group(1)) in cued or fold(m.group(3)) in surnames:
            yield m.start(1), m.end(3), "name"
    for m in _CALL_NICK.finditer(text):
        g = 1 if m.group(1) else 2
        if fold(m.group(g)) not in keep:
            yield m.start(g), m.end(g), "name"
    for m in _TWO_NAMES.finditer(text):
        a, b = fold(m.group(1)), fold(m.group(2))
        if a in cued and b in cued and a not in keep and b not in keep and (
                _PEOPLE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _PEOPLE_AFTER.match(text, m.end())):
            yield m.start(1), m.end(1), "name"
            yield m.start(2), m.end(2), "name"
    for m in _PERSON_CALLED.finditer(text):
        if fold(m.group(1)) not in keep:
            yield m.start(1), m.end(1), "name"
    for m in _SCHOOL_PLACE.finditer(text):
        words = m.group(1).split()
        w = fold(words[0])
        if w not in vocab and w not in keep and w not in cued and fold(m.group(1)) not in uk_places() \
                and w not in uk_places() and fold(words[-1]) not in _TYPE_WORDS \
                and not _TYPE_AFTER.match(text, m.end(1)):
            yield m.start(1), m.end(1), "school"
    for m in _QUOTED_POSS.finditer(text):
        if fold(m.group(1)) not in keep:
            yield m.start(1), m.end(1), "name"
    for m in _LOWER_LIST.finditer(text):
        items = [i for i in _LIST_SPLIT.split(m.group(1)) if i]
        heads = [fold(i.split()[-1]) for i in items]
        if len(items) < 2 or any(h in _NOT_LIST for h in heads):
            continue
        clear = sum(h in given and h not in vocab for h in heads)
        if clear and all(h in cued or h not in vocab or h in given for h in heads):
            for i in re.finditer(r"(?:(?:big|lil|little)[ \t]+)?[a-z][a-z'\-]{1,11}", m.group(1)):
                if fold(i.group().split()[-1]) not in _NOT_LIST and i.group() not in ("and", "n"):
                    yield m.start(1) + i.start(), m.start(1) + i.end(), "name"
    for m in _LOWER_CALLED.finditer(text):
        w = fold(m.group(1))
        if w not in keep and (w not in vocab or w in cued):
            yield m.start(1), m.end(1), "name"
    for m in _LOWER_SAINT.finditer(text):
        yield m.start(1), m.end(1), "school"
    for m in _RECORD_CUE.finditer(text):
        yield m.start(1), m.end(1), "reference"
        for n in _LIST_NUM.finditer(m.group(2)):
            yield m.start(2) + n.start(), m.start(2) + n.end(), "reference"
    for m in _BARE_RECORD.finditer(text):
        yield m.start(), m.end(), "reference"
