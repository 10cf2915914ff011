"""Names that no list holds, found from the words around them.

* a kinship word or title before it: "auntie bev", "coach Dave", "PC Hussain", "miss kowalczyk";
* a person's verb after it: "Tyreece said", "Grace told me", "Callum's dad";
* a verb that takes a person before it: "I told Reuben", "me and Kacper", "with Chidinma";
* a name beside it: "[name] and Chidinma", "Tyreece and [name]";
* a given name that is also an ordinary word, capitalised mid-sentence: "I told Grace" (not "Grace
  period", "in May", "Amber alert").

A candidate must not be an ordinary English word (spaCy's lemma table), an acronym, or a place,
app, agency, faith or festival (``data/keep_proper.txt``), unless it is a listed name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DIR = Path(__file__).parent / "data"

KIN = (r"auntie|aunty|aunt|uncle|nan|nana|nanna|nanny|gran|granny|grandma|grandad|grandpa|cousin|coach|"
       r"PC|DC|DS|DI|DCI|Sgt|Sergeant|Inspector|Officer|Constable|Nurse|Sister|Father|Fr|Rev|Reverend|Imam|Pastor|"
       r"Professor|Judge|Councillor|Cllr|Mister|Missus|Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Madam|Lady|Lord")
# kinship words are lower case in speech ("auntie bev"); ranks and titles are names only capitalised
_KIN_ANYCASE = frozenset("auntie aunty aunt uncle nan nana nanna nanny gran granny grandma grandad grandpa "
                         "cousin coach mr mrs ms miss mx dr".split())
_KIN_RE = re.compile(r"\b(" + KIN + r")\.?[ \t]+([A-Za-z\u00c0-\u017f](?:[A-Za-z\u00c0-\u017f\-]|['\u2019]"
                     r"[A-Za-z\u00c0-\u017f]{2,})*)", re.IGNORECASE)

_VERBS = (r"said|says|told|tells|asked|asks|texted|texts|messaged|messages|snapchatted|dm'd|dmd|rang|rings|"
          r"hit|hits|punched|punches|kicked|kicks|slapped|slaps|shouted|shouts|screamed|threatened|threatens|"
          r"touched|touches|grabbed|grabs|pushed|pushes|bullies|bullied|laughed|sent|sends|keeps|kept|wants|"
          r"wanted|took|takes|tried|tries|made\s+me|makes\s+me|got\s+me|gave\s+me|gives\s+me|showed|shows|"
          r"lives|lived|works|worked|helped|helps|listens|listened|cares|cared|knows|knew|came|comes|picks|"
          r"picked|drove|drives|sells|sold|stole|steals|started|starts|and\s+i|and\s+me|is\s+my|was\s+my|"
          r"who\s+(?:is|was|lives|works)")
_POSSESSED = (r"mum|mam|mom|dad|brother|sister|house|flat|mate|mates|friend|friends|boyfriend|girlfriend|nan|"
              r"cousin|uncle|auntie|family|phone|car|bedroom|parents|mother|father|step\s*dad|step\s*mum")
_AFTER = re.compile(r"[ \t]*(?:(?:" + _VERBS + r")\b|['\u2019]s[ \t]+(?:" + _POSSESSED + r")\b)", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:with|told|tell|telling|asked|ask|asking|texted|texting|messaged|messaging|"
                     r"me\s+and|and\s+me|saw|met|meet|meeting|hate|hates|trust|called|named|blocked|block|"
                     r"fancy|fancies|dating|dated|added|unlike|except|ignored|ignores|hit|punched|kicked|"
                     r"bullied|bully|bullies|friends\s+with|scared\s+of|afraid\s+of|told\s+by)[ \t]+$",
                     re.IGNORECASE)
# words before a capitalised word that make it a place, a thing or a date, not a person
_NOT_PERSON_BEFORE = frozenset("the a an this that these those last next every in at to from near around "
                               "outside into of across towards via round on by visit visiting live lives "
                               "living our your their its his her my".split())
_PLACE_AFTER = re.compile(r"[ \t]+(?:road|rd|street|st|park|school|academy|college|centre|center|station|"
                          r"council|hospital|team|fc|city|united|town|village|estate|way|lane|avenue|"
                          r"house|hall|court|close|drive|square|green|church|mosque|temple|library|"
                          r"police|services|alert|garden|gardens|half|term|holidays?|day|time|period|of)\b",
                          re.IGNORECASE)
# a capitalised unknown word after these is a place, not a person, when only the words after it make it one
# ("my dad is in prison in Armley and i never know", "the school in Darnall was really kind": blind writer 12)
PLACE_BEFORE = frozenset("in at near around outside round through via towards from".split())
# months and places: names only after a cue or before a surname
_PLACEY = frozenset("may june april august march chelsea paris florence georgia india sydney brooklyn austin "
                    "dallas victoria jordan sky".split())
# ordinary words: names before a person's verb or after a verb that takes a person, never bare
_WORDY = frozenset("summer autumn art hope will rose christian faith joy angel gift promise storm rain river "
                   "ocean lucky hero princess destiny miracle".split())
_L = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_U = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CAND = re.compile(rf"(?<![{_L}])[{_U}][a-z\u00df-\u00f6\u00f8-\u017f]+(?:-[{_U}]?[a-z]+|['\u2019][{_U}][a-z]+)?"
                   rf"(?![{_L}])|\b[A-Z]{{3,}}\b")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_CALLED_LOWER = re.compile(r"\b(?:boy|girl|lad|man|woman|guy|kid|person|someone|somebody|friend|mate|teacher|"
                           r"worker|lady|bloke|brother|sister|cousin|one)\s+(?:called|named)\s+([a-z][a-z\-]{2,})\b")
_QUOTED = re.compile(r"\b(?:called|named|known\s+as|goes\s+by|go\s+by|nicknamed|calls\s+(?:him|her)self|as)\s+"
                     r"[\"\u201c]([^\"\u201d\n]{2,30})[\"\u201d]", re.IGNORECASE)


_FOLD = str.maketrans({"\u0142": "l", "\u0141": "l", "\u00f8": "o", "\u00d8": "o", "\u0111": "d", "\u00df": "ss",
                       "\u2019": "'"})


@lru_cache(maxsize=32768)
def fold(word: str) -> str:
    """Lower case without accents, for looking a word up in the (ASCII) lists: "Zoë" -> "zoe"."""
    w = word.lower()
    if w.isascii():
        return w
    w = w.translate(_FOLD)
    if w.isascii():
        return w
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


def _words(path: Path, section: str | None = None) -> frozenset[str]:
    out: set[str] = set()
    current = None
    for line in path.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("["):
            current = line.strip("[] \n")
            continue
        if section is None or current == section:
            out.update(w.lower() for w in line.split())
    return frozenset(out)


@lru_cache(maxsize=1)
def keep_proper() -> frozenset[str]:
    return _words(_DIR / "keep_proper.txt")


@lru_cache(maxsize=1)
def public_figures() -> re.Pattern:
    """Public figures and things named after people (``data/public_figures.txt``), matched in any case
    with an optional possessive: "Andrew tate", "Marcus Rashford's", "McDonald's". A one-word entry that
    is a listed given name ("Adele") is left out: a private Adele is likelier."""
    from .names import first_names

    given = first_names()
    phrases = []
    for line in (_DIR / "public_figures.txt").read_text(encoding="utf8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or (" " not in line and fold(line) in given):
            continue
        words = [re.escape(w).replace("'", "['\u2019]?") for w in line.split()]
        phrases.append(r"[ \t]+".join(words))
    phrases.sort(key=len, reverse=True)
    return re.compile(r"(?<![\w@#])(?:" + "|".join(phrases) + r")(?:['\u2019]?s)?(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def uk_places() -> frozenset[str]:
    """Populated places of the UK and Ireland (``data/uk_places.txt``, from GeoNames; see build_places.py)."""
    return _words_by_line(_DIR / "uk_places.txt")


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(w for place in uk_places() for w in place.split())


def _words_by_line(path: Path) -> frozenset[str]:
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf8").splitlines()
                     if line.strip() and not line.startswith("#"))


_PERSON_CUE_BEFORE = re.compile(r"(?:\b(?:mr|mrs|ms|miss|mx|dr|sir|pc|dc|ds|sgt|pcso|cllr|my|his|her|their|our|"
                                r"son|daughter|brother|sister|mum|dad|nan|friend|mate|worker|teacher|called|named|"
                                r"nurse|coach|carer|boyfriend|girlfriend|partner|uncle|auntie|aunt|cousin)\.?[ \t]+)+$",
                                re.IGNORECASE)
_PERSON_CUE_AFTER = re.compile(r"[ \t]*(?:,[ \t]*\d{1,2}\b|\([ \t]*(?:age[d]?[ \t]*)?\d{1,2}[ \t]*\)|['\u2019]s[ \t]+"
                               r"(?:mum|dad|brother|sister|house|phone))")
_CAP_WORD = re.compile(r"[A-Z][A-Za-z'\u2019\-]+")


def in_a_place(text: str, a: int, b: int, names: frozenset[str]) -> bool:
    """Whether the name span ``a:b`` is (part of) a place's name: "Ebbw Vale", "Bishop Auckland", "Fort William",
    "Ballymena". A single word that a names list holds ("Shirley", "Stanley", "Preston") is left a name."""
    places = uk_places()
    if not all(fold(w.group()) in _place_words() for w in _CAP_WORD.finditer(text, a, b)):
        return False  # a place's name holds every word of the span: most spans stop here, cheaply
    if _PERSON_CUE_BEFORE.search(text, max(0, a - 30), a) or _PERSON_CUE_AFTER.match(text, b) \
            or _PERSON_CUE_BEFORE.match(text, a):
        return False  # "Miss Hollingworth", "PC Lund", "my son Kingsley", "Kingsley, 10,"
    words = [m for m in _CAP_WORD.finditer(text, max(0, a - 40), min(len(text), b + 40))]
    inside = [k for k, m in enumerate(words) if m.start() < b and m.end() > a]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    for i in range(max(0, first - 2), first + 1):
        for j in range(last, min(len(words), last + 3)):
            run = words[i:j + 1]
            if any(text[run[k].end():run[k + 1].start()] not in (" ", "-") for k in range(len(run) - 1)):
                continue
            phrase = " ".join(fold(m.group()) for m in run)
            if phrase in places and (len(run) > 1 or phrase not in names):
                return True
    return False


# a title or a person of the writer's own before a famous name makes it a private person's
# ("my cousin Harry Kane", "Mr Drake"); blind writer 11: "mohammed ali's cousin not the boxer" stays a name
_OWN_BEFORE = re.compile(r"\b(?:my|our|me|his|her|their)[ \t]+(?:[a-z]+[ \t]+)?(?:cousin|mate|friend|brother|"
                         r"sister|uncle|auntie|aunt|nan|dad|mum|neighbour|boyfriend|girlfriend|teacher|"
                         r"worker|called|named)[ \t]+$|\b(?:Mr|Mrs|Ms|Miss|Dr|called|named)\.?[ \t]+$|"
                         r"\b(?:my[ \t]+name[ \t]+is|my[ \t]+name['\u2019]s|i['\u2019]?m[ \t]+called)[ \t]+$",
                         re.IGNORECASE)


def public_spans(text: str) -> list[tuple[int, int]]:
    """Spans of public figures named as themselves, to be kept."""
    return [(m.start(), m.end()) for m in public_figures().finditer(text)
            if not _OWN_BEFORE.search(text, max(0, m.start() - 30), m.start())]


@lru_cache(maxsize=1)
def ambiguous_names() -> frozenset[str]:
    """Given names that are also ordinary words, months or places (need context)."""
    return _words(_DIR / "names_after_cue.txt", "ordinary words")


def _sentence_start(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'(":
        k -= 1
    return k < 0 or text[k] in ".!?\n:;"


def _prev_word(text: str, a: int) -> str:
    m = re.search(r"([A-Za-z']+)[ \t]*$", text[max(0, a - 30):a])
    return m.group(1).lower() if m else ""


def context_names(text: str, spans: list[tuple[int, int]], *, listed: frozenset[str],
                  vocab: frozenset[str], stop: frozenset[str], acronyms: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of names found from context (``spans``: names already found, for coordination)."""
    keep = keep_proper()
    ambiguous = ambiguous_names()
    out: list[tuple[int, int]] = []

    def candidate(w: str, *, lower_ok: bool = False) -> bool:
        lw = fold(w)
        if lw in stop or lw in acronyms or len(w) < 2 or lw in keep and lw not in listed:
            return False
        if not (w[0].isupper() or lower_ok):
            return False
        return lw in listed or lw not in vocab

    for m in _KIN_RE.finditer(text):
        cue, w = m.group(1), m.group(2)
        if cue.lower() not in _KIN_ANYCASE and not cue[0].isupper():
            continue
        lw = fold(w)
        if lw in stop or lw in acronyms or re.search(r"['\u2019](?:s|m|d|ll|re|ve|t)$", lw):
            continue
        if lw in listed or (w[0].isupper() and lw not in keep) or (lw not in vocab and lw not in keep and len(w) > 2):
            out.append((m.start(2), m.end(2)))
    for m in _CAND.finditer(text):
        w = m.group()
        lw = fold(w)
        a, b = m.start(), m.end()
        if w.isupper() and lw not in listed:
            continue
        person_after = bool(_AFTER.match(text, b))
        person_before = bool(_BEFORE.search(text, max(0, a - 25), a))
        if lw in ambiguous:
            if lw in keep and not person_after:
                continue
            if (person_after or person_before) and lw not in _PLACEY:
                out.append((a, b))
            elif (not w.isupper() and not _sentence_start(text, a) and lw not in _PLACEY and lw not in _WORDY
                  and _prev_word(text, a) not in _NOT_PERSON_BEFORE and not _PLACE_AFTER.match(text, b)
                  and not re.match(r"[ \t]+[A-Z]", text[b:b + 2])):
                out.append((a, b))
            continue
        if not candidate(w):
            continue
        if person_after and not person_before and lw not in listed and _prev_word(text, a) in PLACE_BEFORE:
            continue  # "in prison in Armley and i...": a place, unless a listed name
        if person_after or person_before:
            out.append((a, b))
    for m in _CALLED_LOWER.finditer(text):
        w = m.group(1)
        lw = fold(w)
        if lw not in vocab and lw not in keep and lw not in stop and lw not in acronyms:
            out.append((m.start(1), m.end(1)))
    for m in _QUOTED.finditer(text):
        q = m.group(1)
        if not any(c.isdigit() or c in "_@#." for c in q) and q.lower() not in vocab and q.lower() not in keep:
            out.append((m.start(1), m.end(1)))
    for m in _LOWER_WORD.finditer(text):
        lw = m.group()
        if lw in listed and lw not in ambiguous and lw not in stop and lw not in vocab and _AFTER.match(text, m.end()):
            out.append((m.start(), m.end()))
    out += _coordinated(text, spans + out, listed=listed, vocab=vocab, stop=stop, acronyms=acronyms, keep=keep)
    return out


_AND_AFTER = re.compile(r"[ \t]*(?:,|&|\band\b|\+)[ \t]*([A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f'\u2019\-]*"
                        r"[A-Za-z\u00c0-\u017f])\b")
_AND_BEFORE = re.compile(r"\b([A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f'\u2019\-]*[A-Za-z\u00c0-\u017f])[ \t]*"
                         r"(?:,|&|\band\b|\+)[ \t]*$")


def _coordinated(text, spans, *, listed, vocab, stop, acronyms, keep) -> list[tuple[int, int]]:
    """"[name] and Chidinma", "Tyreece and [name]": a capitalised word (or a listed name in any case)
    joined to a found name is a name too."""
    out = []

    def ok(w: str) -> bool:
        lw = fold(w)
        if re.search(r"['\u2019](?:s|m|d|ll|re|ve|t)$", lw):
            return False
        if lw in stop or lw in acronyms or (lw in keep and lw not in listed) or len(w) < 2:
            return False
        return lw in listed or (w[0].isupper() and lw not in vocab)

    for a, b in spans:
        m = _AND_AFTER.match(text, b)
        if m and ok(m.group(1)):
            out.append((m.start(1), m.end(1)))
        m = _AND_BEFORE.search(text, max(0, a - 40), a)
        if m and ok(m.group(1)):
            out.append((m.start(1), m.end(1)))
    return out
