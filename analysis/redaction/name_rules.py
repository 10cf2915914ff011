"""More names from context (issue 17, round 3), run after ``names.find_names`` has its spans.

* the other half of a found name: an unlisted surname after a found given name ("[name] McBride"), an
  unlisted given name before a found surname ("Chanelle [name]"), in the same case ("ANTHONY BRIGGS");
* a listed given name (ordinary words too: "Hope", "May") before an unlisted capitalised surname
  ("Hope Adeyinka", "May Lin");
* a person described after the name: "jordan in year 11", "Chelsea from my class", "Corey and his gang";
* lower-case names that are also words, only before a strong person verb: "rose told miss", "grace said";
* a role word right before a capitalised unknown word: "ward nurse Tash", "youth worker Dionne";
* "i'm Kuba" (a capitalised word that is no English word after "I'm" / "this is");
* a name with a possessive "s" and no apostrophe: "nathans dad";
* nicknames after "goes by" / "known as" / "calls himself"; initials "K.M.".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .people import PLACE_BEFORE, _words, fold, keep_proper

_DIR = Path(__file__).parent / "data"

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u017f](?:[A-Za-z\u00c0-\u017f\-]|['\u2019][A-Za-z\u00c0-\u017f]{2,})*")
_DESCRIBED = re.compile(r"(?:[ \t]+(?:and[ \t]+[A-Z][a-z\-]+|is|are|was|were|who(?:'s|\s+is|\s+was)?|that\s+is|"
                        r"twins|new|the\s+new\s+kids?|both)){0,3}[ \t]+(?:in|from)[ \t]+"
                        r"(?:(?:year|yr|y)[ \t]*\d{1,2}\b|(?:my|our|his|her|me)[ \t]+(?:class|form|year|tutor\s+group|"
                        r"set|school|street|estate|road|block|maths|english|science|team|group)\b|"
                        r"the[ \t]+(?:estate|flats|block|youth[ \t]+club|club|team|chippy|shop|corner[ \t]+shop)\b)"
                        r"|[ \t]+and[ \t]+(?:his|her|their)[ \t]+(?:mates|gang|friends|boys|girls|crew|lot|brother|"
                        r"sister|cousins?|mum|dad)\b"
                        r"|[ \t]+(?:is|are|was|were)[ \t]+(?:my|our)[ \t]+(?:best[ \t]+|foster[ \t]+|step[ \t]*|"
                        r"half[ \t\-]+|little[ \t]+|big[ \t]+|older[ \t]+|younger[ \t]+)?(?:friends?|mates?|sisters?|"
                        r"brothers?|cousins?|bestie|bezzie|bf|gf|boyfriend|girlfriend|neighbours?)\b"
                        r"|[ \t]+(?:is|was)[ \t]+(?:really[ \t]+|so[ \t]+|very[ \t]+|well[ \t]+)?"
                        r"(?:kind|mean|rude|creepy|strict|violent|a[ \t]+bully|a[ \t]+dealer|a[ \t]+creep|"
                        r"\d{1,2}(?:[ \t]+years?[ \t]+old)?)\b"
                        r"(?![ \t]*(?:%|pm|am|mins|minutes|miles|quid|pounds))", re.IGNORECASE)
_STRONG_VERB = re.compile(r",?[ \t]+(?:said|says|told|tells|texted|texts|messaged|snapchatted|rang|punched|kicked|"
                          r"slapped|shouted|screamed|threatened|threatens|bullies|bullied|keeps|kept|sold|stole|"
                          r"hit\s+me|sent\s+me|asked\s+me|got\s+(?:excluded|arrested|stabbed|chased|jumped|beaten|"
                          r"battered|attacked|robbed|hurt|kicked\s+out|taken|groomed|expelled|suspended)|"
                          r"saw\s+(?:it|everything|what)|knows|is\s+in\s+year|was\s+in\s+year)\b", re.IGNORECASE)
# verbs that take a person: a capitalised unknown word after them is a name ("the ambulance took Cody")
_TAKES_PERSON = re.compile(r"\b(?:took|saw|met|followed|follows|helped|helps|invited|chased|grabbed|attacked|robbed|"
                           r"hurt|stabbed|jumped|battered|beat|pushed|warned|reported|trusts?|trusted|dumped|"
                           r"fancies|kissed|hugged|visited\s+by|picked\s+up|dropped\s+off|looks\s+after|"
                           r"looked\s+after|lives\s+with|live\s+with|living\s+with|stayed\s+with|staying\s+with|"
                           r"sat\s+with|sits\s+with|went\s+with|go\s+with|hangs?\s+out\s+with|hanging\s+out\s+with|"
                           r"fell\s+out\s+with|scared\s+of|afraid\s+of|worried\s+about|ask\s+for|asked\s+for|"
                           r"apart\s+from|except\s+for)[ \t]+$", re.IGNORECASE)
_NOT_BEFORE_LOWER = frozenset("the a an my your his her their our its this that i you we they he she it will may "
                              "to should could would might must can shall and or of in on at for with by good "
                              "bad big little no some any every what which whose if".split())
_BEFORE_LOWER = re.compile(r"\b(?:told|tell|asked|ask|texted|messaged|talk\s+to|talking\s+to|talked\s+to|"
                           r"spoke\s+to|speak\s+to|me\s+and|blocked|fancy|fancies|punched|kicked|hit)[ \t]+$",
                           re.IGNORECASE)
# after a lower-case name that is also a word: the phrase goes on with no noun ("talk to grace and ...")
_END_OF_NAME = re.compile(r"[ \t]*(?:$|[.,!?;:)]|(?:and|about|she|he|i|if|what|but|because|cos|coz|that|when|"
                          r"yesterday|today|after|before|at|in|on|again|too|as|so|or|then|she's|he's|shes|hes)\b)",
                          re.IGNORECASE)
_ROLE_CAP = re.compile(r"\b(?:nurse|worker|teacher|carer|officer|doctor|mentor|counsellor|tutor|manager|therapist|"
                       r"receptionist|advocate|adviser|advisor|keyworker|neighbour|mate|friend|bestie|cousin|"
                       r"brother|sister|boyfriend|girlfriend|coach|instructor|lead|caretaker|dinner\s+lady|"
                       r"driver|volunteer|leader|warden|assistant|ta|pa|sw|iro|"
                       r"(?:[Tt]rainer|[Ff]acilitator|[Pp]resenter|[Aa]dvocate|[Tt]utor|[Ss]peaker|[Mm]entor))"
                       r"[ \t]+([A-Z][a-z'\-]+)\b")
_ROLE_APPOSITION = re.compile(r"\b(?:worker|teacher|carer|officer|nurse|doctor|counsellor|mentor|tutor|"
                              r"coach|manager|advocate|adviser|advisor|therapist|keyworker|neighbour|friend|mate|"
                              r"boyfriend|girlfriend|brother|sister|cousin|stepdad|stepmum|dad|mum),[ \t]+"
                              r"([A-Z][a-z'\-]+)(?=[ \t]*,)")
_SELF = re.compile(r"\b(?:i'm|im|i\s+am|this\s+is|it's|its|me,|name\s+is)[ \t]+([A-Z][a-z'\-]+)\b", re.IGNORECASE)
_CALLED = re.compile(r"\b(?:(?:is|was|are|were|'s)[ \t]+called|(?:girl|boy|lad|man|woman|guy|someone|kid|person|"
                     r"friend|mate|teacher|worker|lady|bloke)[ \t]+(?:called|named))[ \t]+([A-Z][a-z'\-]+)\b")
_NICK = re.compile(r"\b(?:goes\s+by(?:\s+the\s+name(?:\s+of)?)?|go\s+by|known\s+as|nicknamed|real\s+name(?:\s+is)?|"
                   r"aka|a\.k\.a\.?|pref(?:\.|erred)?(?:\s+name)?|prefers(?:\s+to\s+be\s+called)?|"
                   r"nick\s*name(?:'s|\s+is|\s+was)|calls?\s+me|calls\s+(?:him|her|them)sel(?:f|ves)|"
                   r"they\s+call\s+(?:him|her)|everyone\s+calls\s+(?:him|her))[ \t]+([A-Za-z][a-z'\-]+)\b",
                   re.IGNORECASE)
_POSS = re.compile(r"\b([A-Za-z][a-z\-]+)(?:s|['\u2019]s)[ \t]+(?:mum|mam|mom|dad|brother|sister|house|flat|mate|"
                   r"mates|nan|cousin|uncle|auntie|family|car|bedroom|boyfriend|girlfriend|step\s*dad|step\s*mum|parents)\b")
_SAINT_BEFORE = re.compile(r"\b(?:St|ST|Saint|SAINT)\.?[ \t]+$")
_AND_BEFORE = re.compile(r"\b([A-Z][A-Za-z\-]+)[ \t]*(?:,|&|\b(?:and|AND)\b)[ \t]*$")
_INITIALS = re.compile(r"(?<![A-Za-z.])[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?(?![A-Za-z])")
_PLACE_WORD = frozenset("park green hill wood field gate bridge road street lane avenue way close drive "
                        "centre center station hospital infirmary school academy college church mosque house "
                        "hall court council police square market estate valley vale ambulance trust foundation "
                        "service services team unit ward clinic surgery library academy".split())


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """spaCy's noun index less every listed name: uncountable nouns the lemma table lacks ("morale",
    "netball"). Used where one unknown word with a weak cue would be taken for a name."""
    from .names import _noun_index, names_after_cue

    return _noun_index() - names_after_cue()


@lru_cache(maxsize=1)
def short_lower_names() -> frozenset[str]:
    return _words(_DIR / "name_rules.txt", "three-letter names in lower case")


@lru_cache(maxsize=1)
def not_initials() -> frozenset[str]:
    """Dotted letters that are no one's initials (``data/name_rules.txt``)."""
    return _words(_DIR / "name_rules.txt", "not initials")


@lru_cache(maxsize=1)
def not_before_surname() -> frozenset[str]:
    return _words(_DIR / "name_rules.txt", "not a given name before a surname")


@lru_cache(maxsize=1)
def not_second_half() -> frozenset[str]:
    return _words(_DIR / "name_rules.txt", "not part of a name")


def more_names(text: str, spans: list[tuple[int, int]], *, given: frozenset[str], surnames: frozenset[str],
               vocab: frozenset[str], stop: frozenset[str], acronyms: frozenset[str]) -> list[tuple[int, int]]:
    keep = keep_proper()
    veto = not_second_half()
    nouns = common_nouns()
    out: list[tuple[int, int]] = []

    def unknown_cap(w: str) -> bool:
        lw = fold(w)
        return (w[0].isupper() and len(w) >= 2 and lw not in stop and lw not in acronyms and lw not in keep
                and lw not in veto and (lw not in vocab or lw in surnames or lw in given))

    tokens = list(_TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    folded = [fold(w) for w in words]
    title_case = sum(w[0].isupper() for w in words) * 2 > len(tokens) >= 4
    starts = {t.start(): i for i, t in enumerate(tokens)}
    ends = {t.end(): i for i, t in enumerate(tokens)}

    def adjacent(i: int, j: int) -> bool:
        return text[tokens[i].end():tokens[j].start()] in (" ", "\t")

    # the other half of a found name
    for a, b in spans:
        i, j = starts.get(a), ends.get(b)
        if i is None or j is None or _SAINT_BEFORE.search(text, max(0, a - 8), a):
            continue
        first, last = tokens[i].group(), tokens[j].group()
        upper = first.isupper() and len(first) > 1
        k = j + 1
        while k < len(tokens) and k <= j + 2 and adjacent(k - 1, k):
            w = tokens[k].group()
            lw = fold(w)
            if upper and w.isupper() and lw not in acronyms and lw not in stop and lw not in keep and len(w) > 1 \
                    and (lw not in vocab or lw in surnames):
                pass
            elif upper or not (w[0].isupper() and not w.isupper() and lw not in _PLACE_WORD and (
                    unknown_cap(w) or k == j + 1 and fold(first) in given and not title_case
                    and lw not in stop and lw not in keep and lw not in veto and lw not in not_before_surname())):
                break
            out.append((tokens[k].start(), tokens[k].end()))
            k += 1
        k = i - 1
        while k >= 0 and k >= i - 2 and adjacent(k, k + 1):
            w = tokens[k].group()
            lw = fold(w)
            if upper and w.isupper() and lw not in acronyms and lw not in stop and lw not in keep and len(w) > 1 \
                    and (lw not in vocab or lw in given):
                pass
            elif upper or not (w[0].isupper() and not w.isupper() and lw not in stop and lw not in acronyms
                               and lw not in keep and lw not in veto and lw not in _PLACE_WORD
                               and (lw in given or lw not in vocab or k == i - 1 and fold(last) in surnames
                                    and lw not in not_before_surname())):
                break
            out.append((tokens[k].start(), tokens[k].end()))
            k -= 1
    for i in range(len(tokens) - 1):
        w1, w2 = words[i], words[i + 1]
        if not (w1[0].isupper() and w2[0].isupper() and not w1.isupper() and not w2.isupper()
                and adjacent(i, i + 1)):
            continue
        l1, l2 = folded[i], folded[i + 1]
        if l1 in keep or l1 in stop or l1 in veto or l2 in keep or l2 in stop or l2 in veto \
                or _prev(text, tokens[i].start()) in ("in", "to", "near", "visit", "visiting", "around", "at", "the",
                                                      "through"):
            continue
        if unknown_cap(w2) and (l2 not in vocab or l2 in surnames) and (
                l1 in given and l2 not in vocab and l2 not in _PLACE_WORD
                or l1 not in vocab and l1 not in acronyms and (l2 not in _PLACE_WORD or "-" in w1)):
            out.append((tokens[i].start(), tokens[i + 1].end()))
        elif (l1 in given or l1 not in vocab) and l1 not in acronyms and l2 not in _PLACE_WORD \
                and l2 not in not_before_surname() and (_DESCRIBED.match(text, tokens[i + 1].end())
                                                        or _STRONG_VERB.match(text, tokens[i + 1].end())):
            out.append((tokens[i].start(), tokens[i + 1].end()))  # "Kieron Hale from Year 9"
    for t, w, lw in zip(tokens, words, folded, strict=True):
        if w.islower() and lw in vocab and lw not in given or lw in stop or lw in acronyms or lw in keep \
                or len(w) < 2:
            continue  # most words: ordinary and lower case
        known = lw in given
        if w[0].isupper() and not w.isupper() and (known or lw not in vocab and lw not in nouns):
            if not known and _prev(text, t.start()) in PLACE_BEFORE:
                pass  # "the school in Darnall was really kind": a place
            elif _DESCRIBED.match(text, t.end()) or not known and _TAKES_PERSON.search(
                    text, max(0, t.start() - 20), t.start()):
                out.append((t.start(), t.end()))
        elif w[0].isupper() and not w.isupper() and lw not in vocab and _STRONG_VERB.match(text, t.end()):
            out.append((t.start(), t.end()))  # "Ezekiel got chased", "Priyanka, said"
        elif w.islower() and w.isalpha() and lw not in vocab and lw not in nouns and len(w) >= 3 \
                and _STRONG_VERB.match(text, t.end()) \
                and _prev(text, t.start()) not in _NOT_BEFORE_LOWER:
            out.append((t.start(), t.end()))  # "shaniqua said"
        elif w.islower() and lw in short_lower_names() and _prev(text, t.start()) not in ("big", "the", "a"):
            out.append((t.start(), t.end()))  # "me and amy"
        elif (w.islower() or w.isupper()) and "-" in lw and lw.split("-")[0] in given and len(lw) > 5 \
                and lw not in vocab:
            out.append((t.start(), t.end()))  # "ella-may"
        elif w.islower() and known:
            if _BEFORE_LOWER.search(text, max(0, t.start() - 20), t.start()) and (
                    lw not in vocab or _END_OF_NAME.match(text, t.end())):
                out.append((t.start(), t.end()))
            elif _prev(text, t.start()) not in _NOT_BEFORE_LOWER and (
                    _DESCRIBED.match(text, t.end()) or _STRONG_VERB.match(text, t.end())):
                out.append((t.start(), t.end()))
    for a, b in spans + out:
        m = _AND_BEFORE.search(text, max(0, a - 30), a)
        if not m:
            continue
        w = m.group(1)
        lw = fold(w)
        if lw in keep or lw in stop or lw in acronyms or lw in veto:
            continue
        if w.isupper() != text[a:b].isupper():
            continue
        if lw in given or (lw not in vocab and len(w) >= 3):
            out.append((m.start(1), m.end(1)))  # "Grace and [name]", "ZAC AND [name]", "Aiyana and [name]"
    for rx in (_ROLE_CAP, _SELF, _ROLE_APPOSITION):
        for m in rx.finditer(text):
            w = m.group(1)
            if unknown_cap(w) and fold(w) not in vocab and (fold(w) in given or fold(w) not in nouns):
                out.append((m.start(1), m.end(1)))
    for m in _CALLED.finditer(text):
        if fold(m.group(1)) in given:
            out.append((m.start(1), m.end(1)))  # "the girl who bullies me is called Paris"
    for m in _NICK.finditer(text):
        w = m.group(1)
        lw = fold(w)
        if lw not in stop and lw not in keep and (w[0].isupper() or lw not in vocab):
            out.append((m.start(1), m.end(1)))
    for m in _POSS.finditer(text):
        stem = fold(m.group(1))
        apostrophe = m.group()[len(m.group(1))] != "s"
        if stem in given and stem not in stop and (stem not in vocab or apostrophe and _prev(
                text, m.start()) not in _NOT_BEFORE_LOWER):
            out.append((m.start(1), m.end(1) + (0 if apostrophe else 1)))
    for m in _INITIALS.finditer(text):
        if m.group().replace(".", "").replace(" ", "").lower() not in not_initials():
            out.append((m.start(), m.end()))
    return out


def place_not_person(text: str, a: int, b: int, ambiguous: frozenset[str]) -> bool:
    """"Victoria Park", "in Sefton Park": a name span that ends in a place word is a place when its
    first word is a place-like given name or a place preposition stands before it."""
    words = text[a:b].split()
    if len(words) < 2 or fold(words[-1]) not in _PLACE_WORD:
        return False
    return fold(words[0]) in ambiguous or fold(words[0]) in keep_proper() or _prev(text, a) in (
        "in", "at", "to", "near", "the", "through", "round", "around", "across", "from", "by", "outside")


def _prev(text: str, a: int) -> str:
    m = re.search(r"([A-Za-z']+)[ \t]*$", text[max(0, a - 30):a])
    return m.group(1).lower() if m else ""


def _sentence_start(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"
