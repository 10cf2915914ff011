"""People's names: found through cues (titles, "my social worker X",
"my name is X", "X from the duty team") and a first-name list.

Job titles, agency names and place names are left alone: only the word(s)
after a cue, or a listed first name, are replaced.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .name_lists import filtered, library_names
from .name_rules import more_names, place_not_person
from .people import _words, ambiguous_names, context_names, fold

_DIR = Path(__file__).parent / "data"
_DATA = _DIR / "first_names.txt"

# Upper-case words after a cue that are agencies or roles, not names.
ACRONYMS = frozenset("""
camhs nspcc yot mash nhs gp dsl senco pcso iro pa sw ta cse cce lscp lado ofsted dwp ae cafcass sendiass
ehcp send adhd asd ocd ptsd bbc itv ok lol omg idk tbh fyi asap rip uk usa eu ps pe re ict dt it ks ks2 ks3 ks4
gcse gcses btec sats cpn amhp ot slt hv mp cao ceo hr rspca rnli tfl dvla dbs ssd csc mha ypd hmp yoi
""".split())

# Words that can never be a name even when capitalised after a cue.
STOP = frozenset("""
a an the and or but so because cos if then than that this these those who whom whose which what
when where why how is was are were be been being am has have had do does did will would can could
shall should may might must not never always often really very too quite just also only even
he she they we you i me him her them us it its his hers their our my your mine yours
said says told tells asked asks helped helps helping came comes come went goes go got gets get
keeps kept listens listened listen talked talks talk called named call name
nice good great kind lovely amazing brilliant rubbish bad ok okay fine new old best worst
at in on to for with from of by about into over under after before during without
someone somebody anyone anybody everyone everybody nobody no yes one none all some any
here there now today yesterday tomorrow again still already
mum dad mom nan parents family school team duty social services worker workers staff
hi hello thanks thank please sorry lol back off out up down over round away
mr mrs ms miss mx dr prof sir dame lady man woman person people guy girl boy kids teachers
ma polis
""".split())

ROLES = (
    r"social\s+worker|sw|key\s*worker|support\s+worker|youth\s+worker|case\s*worker|"
    r"family\s+support\s+worker|early\s+help\s+worker|worker|teacher|form\s+tutor|tutor|"
    r"head\s+of\s+year|headteacher|head\s+teacher|mentor|counsellor|counselor|therapist|"
    r"foster\s+carer|foster\s+mum|foster\s+dad|foster\s+mom|carer|personal\s+adviser|"
    r"personal\s+advisor|pa|iro|advocate|nurse|school\s+nurse|doctor|gp|psychologist|"
    r"best\s+friends?|besties?|bezzie|friends|mates|friend|mate|boyfriend|girlfriend|bf|gf|brother|sister|"
    r"little\s+brother|little\s+sister|big\s+brother|big\s+sister|cousin|uncle|aunt|auntie|"
    r"nan|grandad|step\s*dad|step\s*mum|neighbour|coach|officer|pc|police\s+officer|"
    r"dsl|safeguarding\s+lead|senco|manager|link\s+worker|yot\s+worker|ta|"
    # family (stop 46, blind writers 18-23: "our daughter Hope", "my granddaughter Summer", "my son Ryan")
    r"son|daughter|step\s*son|step\s*daughter|grandson|granddaughter|grandaughter|grandchild|niece|nephew|"
    r"baby|child|husband|wife|partner|ex|instructor|youth\s+leader|leader|"
    # as young people in the north and Scotland write (stop 47, blind writer r48): "ma pal eilidh", "me mams fella
    # lee", "wor lass amber" (not "mum" or "dad": "my dad burns toast", where a surname list holds "burns")
    r"pal|fella|lass|da|maw|bro|sis"
)
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"  # Latin letters with accents (Ó, Siân, Łukasz)
_U = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_WORD = rf"[{_L}](?:[{_L}\-]|['\u2019][{_L}]{{2,}})*"  # "O'Brien" but not "anjali's", "I'm"
_CAPW = rf"[{_U}](?:[{_L}\-]|['\u2019][{_L}]{{2,}})+"
_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|mr|mrs|ms|miss|dr)\b\.?\s+(" + _WORD + r")"
                       r"((?:[ \t]+" + _CAPW + r")?)")
_ROLE_RE = re.compile(r"\b(?:my|our|the|her|his|their|me|ma|wor|mums|mams|dads|nans|[a-z]+['\u2019]s)\s+"
                      r"(?:(?:new|old|adult|eldest|youngest|older|younger|twin|big|wee|little|lil|baby|half|best)\s+)?"
                      r"(?:" + ROLES + r")(?:\s*,\s*|\s+)(?:(is\s+called|was\s+called|is|was|called|named)\s+)?"
                      r"(" + _WORD + r")((?:[ \t]+[A-Z][A-Za-z'\-]+)?)", re.IGNORECASE)
_SELF_RE = re.compile(r"\b(?:my\s+name\s+is|my\s+name's|my\s+names|name's|i'm\s+called|im\s+called|"
                      r"i\s+am\s+called|call\s+me|called|named|known\s+as|this\s+is|it's|its|i'm|im|i\s+am)"
                      r"\s+(" + _WORD + r")((?:[ \t]+[A-Z][A-Za-z'\-]+)?)", re.IGNORECASE)
_STRONG_SELF = re.compile(r"\bname(?:'s|s)?\b|i'm\s+called|im\s+called|i\s+am\s+called|call\s+me|known\s+as",
                          re.IGNORECASE)
_FROM_RE = re.compile(r"\b(" + _CAPW + r")((?:[ \t]+" + _CAPW + r")?)\s+from\s+(?:the\s+)?"
                      r"(?:duty|social|camhs|early\s+help|children's|childrens|youth|yot|leaving\s+care|"
                      r"mash|front\s+door|fostering|school|council|nspcc|barnardo|police|[a-z]+\s+team)",
                      re.IGNORECASE)
_NEXT_CAP = re.compile(r"[ \t]+([A-Z][a-z'\-]+)\b")
_CAP_RE = re.compile("(?<![" + _L + "])[" + _U + "][a-z\u00df-\u00f6\u00f8-\u017f]+(?:-[" + _U + "][a-z]+)?"
                     "(?![" + _L + "])")


def _read_words(path: Path) -> set[str]:
    words: set[str] = set()
    for line in path.read_text(encoding="utf8").splitlines():
        if not line.startswith("#"):
            words.update(w.lower() for w in line.split())
    return words


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """Surnames redacted anywhere (capitalised), and those redacted only after a given name or cue."""
    sections: dict[str, set[str]] = {"any": set(), "after a name": set()}
    current = "any"
    for line in (_DIR / "surnames.txt").read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[] \n")
            continue
        sections[current].update(w.lower() for w in line.split())
    # the library's surnames only after a given name or a cue: "Anete Ozola", "Mr Okonkwo", "the Nowaks"
    return frozenset(sections["any"]), frozenset(sections["after a name"]) | _library_surnames()


@lru_cache(maxsize=1)
def all_surnames() -> frozenset[str]:
    any_s, after_s = surnames()
    return any_s | after_s


@lru_cache(maxsize=1)
def names_after_cue() -> frozenset[str]:
    """Every listed given name and surname, ordinary words included: names after a cue."""
    any_s, after_s = surnames()
    return frozenset(first_names() | _words(_DIR / "names_after_cue.txt") | any_s | after_s | _library_given())


# Contractions written without the apostrophe and chat words, which no dictionary table holds.
_CHAT = frozenset("""
shes hes im ive id ill youre theyre theyve weve wont dont didnt doesnt cant couldnt wouldnt shouldnt isnt
wasnt arent werent havent hasnt hadnt thats whats wheres theres lets aint gonna wanna gotta innit tho cuz
coz cos bc ur u ya yh yeah yea nah naw tbh idk lol lmao omg ngl rn bruv fam bro sis mam mum mums nan nans
ppl pls plz thx bcos becos tho thru wiv dunno kinda sorta yknow alot abit
since until till while whilst although though unless whether either neither both each every few many much
more most less least such own same other another nor yet ever anyway anyhow somehow perhaps maybe indeed
despite except unlike like near nearer nearest onto off above below behind beyond across around
upon within without throughout towards toward against among amongst beside besides between beyond via per
everything nothing something anything everyone anyone someone noone everybody nobody somebody anybody
fae tae wi wae intae oot aboot ootside hame cannae dinnae didnae wasnae wisnae isnae huvnae wis awright och gonnae
wouldnae couldnae shouldnae doesnae disnae widnae youthy youthie ye yer youse yous wor hoose gan gannin howay whey
divvent nowt owt summat hinny mardy ginnel snicket cwtch mun scran bizzies peng wagwan wahgwan mandem gyaldem
olders youngers opps feds dem cotch roadman wasteman bredrin blud jakey gadgie radge boggin greetin nuffink sumfink
nesh chippy chippie offie youf da
""".split())  # the last lines: Scots, Geordie, northern, Welsh-English and London words (stop 48, writers r58-r62)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words: spaCy's lemma table (inflected forms and their lemmas), the adjectives,
    adverbs and verbs of its lemma index (not its nouns, which hold place and people's names), our
    stop words and chat spellings. A lower-case word after a cue that is not one of these is taken
    for a name ("my social worker oluwaseun")."""
    import gzip
    import json

    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(data / "en_lemma_lookup.json.gz", "rt", encoding="utf8") as fh:
        table = json.load(fh)
    with gzip.open(data / "en_lemma_index.json.gz", "rt", encoding="utf8") as fh:
        index = json.load(fh)
    words = set(table) | set(table.values()) | STOP | _CHAT
    for pos in ("adj", "adv", "verb"):
        words.update(index.get(pos, ()))
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names redacted wherever they stand capitalised: the hand list and the library's
    (``name_lists``) less those that are also ordinary words, months or places (``ambiguous_names``),
    which need context; a library name that spaCy's noun index holds ("Ada", "Bali", "Eden") needs
    context too (``names_after_cue``)."""
    return _words(_DATA) - ambiguous_names() | (_library_given() - _noun_index())


@lru_cache(maxsize=1)
def _hand_given() -> frozenset[str]:
    """The hand list alone: a library name in lower case is as likely a typo ("a hugh thankyou", "i have
    benn") as a name, so lower- and upper-case names without a cue come from the hand list only."""
    return _words(_DATA)


@lru_cache(maxsize=1)
def _library_given() -> frozenset[str]:
    from .people import keep_proper

    not_names = english_words() | keep_proper() | ambiguous_names()
    return filtered(library_names()[0], not_names=not_names)


@lru_cache(maxsize=1)
def _library_surnames() -> frozenset[str]:
    from .people import keep_proper

    return filtered(library_names()[1], not_names=english_words() | keep_proper() | ambiguous_names())


@lru_cache(maxsize=1)
def _noun_index() -> frozenset[str]:
    """spaCy's noun index as it is (it holds places and famous people's names as well as nouns)."""
    import gzip
    import json

    import spacy_lookups_data

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_index.json.gz"
    with gzip.open(path, "rt", encoding="utf8") as fh:
        return frozenset(n.lower() for n in json.load(fh)["noun"] if n.isalpha())


_CONTRACTION = re.compile(r"['\u2019](?:s|m|d|ll|re|ve|t)$", re.IGNORECASE)


def _ok(word: str, *, need_cap: bool, names: frozenset[str]) -> bool:
    lw = word.lower()
    if lw in STOP or len(word) < 2 or _CONTRACTION.search(word):
        return False
    if word.isupper() and len(word) > 1 and (lw in ACRONYMS or len(word) < 3) and lw not in names:
        return False  # acronyms: CAMHS, NSPCC
    if lw in names:
        return True
    return word[0].isupper() or not need_cap


def _after_cue(word: str) -> bool:
    """A word right after a cue ("my social worker ...") in any case: a listed name, a capitalised
    or upper-case word that is not an acronym, or a lower-case word that is no English word."""
    lw = word.lower()
    if lw in STOP or len(word) < 2 or lw in ACRONYMS:
        return False
    if lw in names_after_cue() or word[0].isupper():
        return True
    return word.isalpha() and len(word) >= 3 and lw not in english_words()


def _surname(m: re.Match, group: int, names) -> tuple[int, int] | None:
    text = m.group(group).strip()
    if text and text[0].isupper() and text.lower() not in STOP and text.lower() not in ACRONYMS:
        if text.isupper() and m.group(0).isupper() and text.lower() in english_words() \
                and text.lower() not in all_surnames():
            return None  # "MY BROTHER KYLE HITS ME": in capitals, a word after a name is a surname only if listed
        return m.start(group), m.end(group)
    return None


_PREDICATE_AFTER = re.compile(r"[ \t]+(?:to|tae|for|about|with|at|so|too|as|of)\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+(" + _WORD + ")")


def _lower_surname(text: str, end: int) -> int:
    """End of a listed surname right after ``end`` ("jordan smith"), else ``end``."""
    m = _WORD_AFTER.match(text, end)
    if m:
        any_s, after_s = surnames()
        if m.group(1).lower() in any_s or m.group(1).lower() in after_s:
            return m.end(1)
    return end


_FAMILY_ROLE = re.compile(r"\b(?:son|daughter|step\s*son|step\s*daughter|grandson|granddaughter|grandaughter|"
                          r"grandchild|niece|nephew|baby|child|husband|wife|partner|ex)\b", re.IGNORECASE)
# police ranks before a surname stay as context (blind writer 12, stop 46)
_RANKS = frozenset("pc dc ds di dci sgt pcso insp supt".split())


def find_names(text: str, names: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Character spans of people's names."""
    names = names if names is not None else first_names()
    spans: list[tuple[int, int]] = []

    def add(m, g_name, g_sur):
        a, b = m.start(g_name), m.end(g_name)
        sur = _surname(m, g_sur, names)
        if sur:
            b = sur[1]
        spans.append((a, b))

    for m in _TITLE_RE.finditer(text):
        title, word = m.group(1), m.group(2)
        need_cap = title.lower() == "miss" and title.islower()
        if word.islower() and word in english_words() and word not in names_after_cue():
            continue  # "the Dr requested"
        if _ok(word, need_cap=need_cap, names=names) or (need_cap and _after_cue(word)):
            add(m, 2, 3)
    for m in _ROLE_RE.finditer(text):
        word = m.group(2)
        if word.islower() and word not in names and word not in names_after_cue() \
                and _FAMILY_ROLE.search(text, m.start(), m.start(2)):
            continue  # "my son dosen't", "her son recieves": a family word before a typo ("her ex jordan": a name)
        if word.isupper() and text[m.start():m.start(2)].isupper() and word.lower() in english_words() \
                and word.lower() not in names:
            continue  # "MY BROTHER HITS ME": in capitals, a word after a family word is no name (stop 47)
        if (m.group(1) or "").lower() in ("is", "was") and word.lower() in english_words() \
                and _PREDICATE_AFTER.match(text, m.end(2)):
            continue  # "ma wee brother is precious tae me": after "is", a word that is also a name is the word
        if word.lower() in _RANKS and m.group(3).strip():
            spans.append((m.start(3) + len(m.group(3)) - len(m.group(3).lstrip()), m.end(3)))
            continue  # "the officer was PC Hardcastle": the rank stays
        strong = bool(m.group(1)) and "call" in m.group(1).lower() or "name" in (m.group(1) or "").lower()
        if word.lower() in names or (word[0].isupper() and _ok(word, need_cap=True, names=names)) \
                or (strong and _ok(word, need_cap=False, names=names)) or _after_cue(word):
            add(m, 2, 3)
            spans[-1] = (spans[-1][0], _lower_surname(text, spans[-1][1]))
    for m in _SELF_RE.finditer(text):
        word = m.group(1)
        cue = text[m.start():m.start(1)]
        strong = bool(_STRONG_SELF.search(cue))
        if word.lower() in names or (strong and _ok(word, need_cap=False, names=names)
                                     and (word[0].isupper() or _after_cue(word))) \
                or (strong and word[0].isupper() and _ok(word, need_cap=True, names=names)) \
                or (strong and _after_cue(word)):
            add(m, 1, 2)
            spans[-1] = (spans[-1][0], _lower_surname(text, spans[-1][1]))
    for m in _FROM_RE.finditer(text):
        w = m.group(1)
        if _ok(w, need_cap=True, names=names) and (fold(w) in _all_listed(names) or fold(w) not in english_words()):
            add(m, 1, 2)
    for m in _CAP_RE.finditer(text):
        first = fold(m.group(0).split("-")[0])
        if first in names:
            b = m.end()
            nxt = _NEXT_CAP.match(text, b)
            if nxt and nxt.group(1).lower() not in STOP and (nxt.group(1).lower() not in english_words()
                                                               or nxt.group(1).lower() in names_after_cue()):
                b = nxt.end()
            spans.append((m.start(), b))
    spans.extend(_listed(text, names))
    spans.extend(context_names(text, spans, listed=_all_listed(names), vocab=english_words(), stop=STOP,
                               acronyms=ACRONYMS))
    spans.extend(more_names(text, spans, given=_all_listed(names), surnames=all_surnames(),
                            vocab=english_words(), stop=STOP, acronyms=ACRONYMS))
    ambiguous = ambiguous_names()
    return [(a, b) for a, b in spans if not _SAINT_BEFORE.search(text, max(0, a - 8), a)
            and not place_not_person(text, a, b, ambiguous)]


@lru_cache(maxsize=8)
def _all_listed(names: frozenset[str]) -> frozenset[str]:
    return names_after_cue() | names


# "St John Ambulance", "St Mary's": a saint's name, not a person's
_SAINT_BEFORE = re.compile(r"\b(?:St|ST|Saint|SAINT)\.?[ \t]+$")


_ANY_WORD = re.compile(r"\b" + _WORD + r"\b")


def _listed(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Listed names without a cue, in any case.

    * a given name followed by a listed surname, both in the same case style
      ("jordan smith", "JORDAN SMITH", "Will Green");
    * a listed surname that stands capitalised or upper case ("Khan", "PATEL");
    * a listed given name in lower or upper case that is no English word ("oluwaseun", "CHLOE").
    """
    any_s, after_s = surnames()
    given = names_after_cue()
    vocab = None
    out = []
    words = list(_ANY_WORD.finditer(text))
    for k, m in enumerate(words):
        w = m.group()
        lw = fold(w)
        nxt = words[k + 1] if k + 1 < len(words) else None
        nl = nxt.group().lower() if nxt is not None else ""
        if (nxt is not None and lw in given and lw not in STOP and (nl in any_s or nl in after_s)
                and text[m.end():nxt.start()].strip() == "" and _same_case(w, nxt.group())):
            out.append((m.start(), nxt.end()))
            continue
        if lw in any_s and (w.isupper() or w[0].isupper()) and len(w) > 2:
            out.append((m.start(), m.end()))
            continue
        if lw in names and not w.istitle() and len(w) >= 4 and lw in _hand_given():
            if vocab is None:
                vocab = english_words()
            if lw not in vocab:
                out.append((m.start(), m.end()))
    return out


def _same_case(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a.isupper() and b.isupper()) or (a.istitle() and b.istitle())
