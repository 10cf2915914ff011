"""People's names: found through cues (titles, "my social worker X",
"my name is X", "X from the duty team") and a first-name list.

Job titles, agency names and place names are left alone: only the word(s)
after a cue, or a listed first name, are replaced.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "first_names.txt"

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
""".split())

ROLES = (
    r"social\s+worker|sw|key\s*worker|support\s+worker|youth\s+worker|case\s*worker|"
    r"family\s+support\s+worker|early\s+help\s+worker|worker|teacher|form\s+tutor|tutor|"
    r"head\s+of\s+year|headteacher|head\s+teacher|mentor|counsellor|counselor|therapist|"
    r"foster\s+carer|foster\s+mum|foster\s+dad|foster\s+mom|carer|personal\s+adviser|"
    r"personal\s+advisor|pa|iro|advocate|nurse|school\s+nurse|doctor|gp|psychologist|"
    r"best\s+friend|bestie|friend|mate|boyfriend|girlfriend|bf|gf|brother|sister|"
    r"little\s+brother|little\s+sister|big\s+brother|big\s+sister|cousin|uncle|aunt|auntie|"
    r"nan|grandad|step\s*dad|step\s*mum|neighbour|coach|officer|pc|police\s+officer|"
    r"dsl|safeguarding\s+lead|senco|manager|link\s+worker|yot\s+worker|ta"
)
_WORD = r"[A-Za-z][A-Za-z'\-]*"
_TITLE_RE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|mr|mrs|ms|miss|dr)\b\.?\s+(" + _WORD + r")"
                       r"((?:[ \t]+[A-Z][A-Za-z'\-]+)?)")
_ROLE_RE = re.compile(r"\b(?:my|our|the|her|his|their|me|ma)\s+(?:new\s+|old\s+)?(?:" + ROLES + r")"
                      r"(?:\s*,\s*|\s+)(?:(is|was|called|named|is\s+called|was\s+called)\s+)?"
                      r"(" + _WORD + r")((?:[ \t]+[A-Z][A-Za-z'\-]+)?)", re.IGNORECASE)
_SELF_RE = re.compile(r"\b(?:my\s+name\s+is|my\s+name's|my\s+names|name's|i'm\s+called|im\s+called|"
                      r"i\s+am\s+called|call\s+me|called|named|known\s+as|this\s+is|it's|its|i'm|im|i\s+am)"
                      r"\s+(" + _WORD + r")((?:[ \t]+[A-Z][A-Za-z'\-]+)?)", re.IGNORECASE)
_STRONG_SELF = re.compile(r"name|i'm\s+called|im\s+called|i\s+am\s+called|call\s+me|known\s+as", re.IGNORECASE)
_FROM_RE = re.compile(r"\b([A-Z][A-Za-z'\-]+)((?:[ \t]+[A-Z][A-Za-z'\-]+)?)\s+from\s+(?:the\s+)?"
                      r"(?:duty|social|camhs|early\s+help|children's|childrens|youth|yot|leaving\s+care|"
                      r"mash|front\s+door|fostering|school|council|nspcc|barnardo|police|[a-z]+\s+team)",
                      re.IGNORECASE)
_NEXT_CAP = re.compile(r"[ \t]+([A-Z][a-z'\-]+)\b")
_CAP_RE = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    words: set[str] = set()
    for line in _DATA.read_text(encoding="utf8").splitlines():
        if line.startswith("#"):
            continue
        words.update(w.lower() for w in line.split())
    return frozenset(words)


def _ok(word: str, *, need_cap: bool, names: frozenset[str]) -> bool:
    lw = word.lower()
    if lw in STOP or len(word) < 2:
        return False
    if word.isupper() and len(word) > 1 and lw not in names:  # acronyms: CAMHS, NSPCC
        return False
    if lw in names:
        return True
    return word[0].isupper() or not need_cap


def _surname(m: re.Match, group: int, names) -> tuple[int, int] | None:
    text = m.group(group).strip()
    if text and text[0].isupper() and text.lower() not in STOP and not text.isupper():
        return m.start(group), m.end(group)
    return None


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
        if _ok(word, need_cap=need_cap, names=names):
            add(m, 2, 3)
    for m in _ROLE_RE.finditer(text):
        word = m.group(2)
        strong = bool(m.group(1)) and "call" in m.group(1).lower() or "name" in (m.group(1) or "").lower()
        if word.lower() in names or (word[0].isupper() and _ok(word, need_cap=True, names=names)) \
                or (strong and _ok(word, need_cap=False, names=names)):
            add(m, 2, 3)
    for m in _SELF_RE.finditer(text):
        word = m.group(1)
        cue = text[m.start():m.start(1)]
        strong = bool(_STRONG_SELF.search(cue))
        if word.lower() in names or (strong and _ok(word, need_cap=False, names=names)) \
                or (strong and word[0].isupper() and _ok(word, need_cap=True, names=names)):
            add(m, 1, 2)
    for m in _FROM_RE.finditer(text):
        if _ok(m.group(1), need_cap=True, names=names):
            add(m, 1, 2)
    for m in _CAP_RE.finditer(text):
        first = m.group(0).split("-")[0].lower()
        if first in names:
            b = m.end()
            nxt = _NEXT_CAP.match(text, b)
            if nxt and nxt.group(1).lower() not in STOP:
                b = nxt.end()
            spans.append((m.start(), b))
    return spans
