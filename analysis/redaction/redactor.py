"""Replace personal data with typed placeholders."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from . import patterns as P
from .by_context import find_by_context
from .cues import aged_in_a_list, beside_a_name, find_cues
from .families import also_known, find_context
from .households import find_households
from .learned import load as load_learned
from .name_lists import SHORT_DATES
from .names import all_surnames, english_words, find_names, first_names, names_after_cue
from .people import in_a_place, keep_proper, public_spans, uk_places
from .places import find_places, generic_before_type
from .spoken import find_spoken
from .venues import find_venues

PLACEHOLDERS = {
    "name": "[name]", "email": "[email]", "phone": "[phone]", "postcode": "[postcode]",
    "address": "[address]", "nhs": "[nhs-number]", "dob": "[date-of-birth]",
    "handle": "[handle]", "url": "[url]", "ni": "[ni-number]", "vehicle": "[vehicle-reg]",
    "school": "[school]", "service": "[service]", "reference": "[reference]",
}
KINDS = tuple(PLACEHOLDERS)


class PersonalDataRedactor:
    """Redact personal data (scikit-learn style).

    Parameters
    ----------
    kinds : iterable of str or None
        Which kinds to redact (default: all of ``KINDS``).
    extra_names : iterable of str or None
        Extra first names to treat as names (e.g. a local list).
    learned : bool
        Add the learned second stage's spans (``learned.py``) to the rules' (default True).
    """

    def __init__(self, kinds=None, extra_names=None, learned=True):
        self.kinds = kinds
        self.extra_names = extra_names
        self.learned = learned

    def fit(self, X=None, y=None):
        kinds = set(self.kinds) if self.kinds else set(KINDS)
        unknown = kinds - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds: {sorted(unknown)}")
        self.kinds_ = frozenset(kinds)
        self.names_ = first_names() | frozenset(n.lower() for n in (self.extra_names or ()))
        self.cued_ = names_after_cue() | self.names_
        self.lock_ = threading.Lock()
        self.second_stage_ = load_learned() if self.learned else None
        return self

    # ---------------------------------------------------------- detection
    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, kind)`` to redact, non-overlapping, sorted."""
        found: list[tuple[int, int, str]] = []

        def add(a, b, kind):
            if kind in self.kinds_ and b > a:
                found.append((a, b, kind))

        for m in P.EMAIL.finditer(text):
            add(m.start(), m.end(), "email")
        for a, b in P.find_urls(text):
            while b > a and text[b - 1] in ".,;:!?)]}'\"":
                b -= 1
            add(a, b, "url")
        for m in P.HANDLE.finditer(text):
            add(m.start(), m.end(), "handle")
        for m in P.HANDLE_CUE.finditer(text):
            h = m.group(1).rstrip(".")
            plain = not any(c.isdigit() or c in "_.@#" for c in h)
            if h.lower() in _NOT_HANDLE or (plain and (not _strong_handle_cue(text, m)
                                                       or h.lower() in english_words())):
                continue
            b = m.end(1)
            while b > m.start(1) and text[b - 1] in ".":
                b -= 1
            add(m.start(1), b, "handle")
        for m in P.NHS_CUE.finditer(text):
            add(m.start(1), m.end(1), "nhs")
        for m in P.DOB_CUE.finditer(text):
            add(m.start(1), m.end(1), "dob")
        for m in P.NUMERIC_DATE.finditer(text):
            add(m.start(), m.end(), "dob")
        for m in P.PHONE.finditer(text):
            a, b = m.start(), m.end()
            s = text[a:b]
            while s and not s[-1].isdigit():
                s, b = s[:-1], b - 1
            if P.phone_ok(s):
                add(a, b, "phone")
        for m in P.NHS.finditer(text):
            add(m.start(), m.end(), "nhs")
        for m in P.POSTCODE.finditer(text):
            add(m.start(), m.end(), "postcode")
        for m in P.ADDRESS.finditer(text):
            if not _NOT_HOUSE_NUMBER.search(text, max(0, m.start() - 12), m.start()):
                add(m.start(), m.end(), "address")
        for m in P.ADDRESS_CUE.finditer(text):
            add(m.start(1), m.end(1), "address")
        for a, b, kind in find_places(text):
            add(a, b, kind)
        for m in P.SPELT_EMAIL.finditer(text):
            add(m.start(), m.end(), "email")
        for m in P.SPOKEN_DIGITS.finditer(text):
            count, phone_like = P.spoken_digit_count(m.group())
            if count >= 10 and phone_like:
                add(m.start(), m.end(), "phone")
        for m in P.NI_NUMBER.finditer(text):
            add(m.start(), m.end(), "ni")
        for m in P.NI_CUE.finditer(text):
            add(m.start(1), m.end(1), "ni")
        for m in P.VEHICLE_REG.finditer(text):
            add(m.start(), m.end(), "vehicle")
        for m in P.VEHICLE_REG_SPACED.finditer(text):
            add(m.start(), m.end(), "vehicle")
        for a, b, kind in find_spoken(text):
            add(a, b, kind)
        for m in P.REFERENCE.finditer(text):
            if P.reference_ok(m.group()):
                add(m.start(), m.end(), "reference")
        for m in P.REFERENCE_CUE.finditer(text):
            add(m.start(1), m.end(1), "reference")
        for m in P.VEHICLE_REG_ANYCASE.finditer(text):
            if P.VEHICLE_CUE.search(text, max(0, m.start() - 40), m.start()):
                add(m.start(), m.end(), "vehicle")
        for pattern in (P.SCHOOL, P.SCHOOL_ANYCASE, P.FAITH_SCHOOL, P.WELSH_SCHOOL):
            for m in pattern.finditer(text):
                span = P.named_place(text, m, P._NOT_SCHOOL_NAME) if pattern is P.SCHOOL else (m.start(), m.end())
                if span and pattern is P.SCHOOL and m.group().isupper():
                    span = _after_last_small_word(text, span)  # "SUPPORT IN SCHOOL", "NEAR THE SCHOOL FIELD"
                if span and pattern is P.SCHOOL and _ordinary_words_only(text, span, m):
                    continue
                if span and pattern is P.SCHOOL and _town_then_lower_type(text, span):
                    continue  # "Leeds Rhinos academy": a town's team, not a school
                if span:
                    add(*_name_part(text, span, pattern is not P.WELSH_SCHOOL), "school")
        vocab = english_words()
        for m in P.SCHOOL_LOWER.finditer(text):
            words = list(re.finditer(r"\S+", m.group(1)))
            k = len(words)
            while k > 0 and (w := words[k - 1].group().strip("'\u2019").lower()) not in vocab \
                    and w not in _NOT_LOWER_SCHOOL:
                k -= 1
            bare = re.match(r"\s*school\b", text[m.end(1):])
            if k < len(words) and (not bare or _SCHOOL_PREP.search(text, max(0, m.start(1) + words[k].start() - 12),
                                                                    m.start(1) + words[k].start())):
                add(m.start(1) + words[k].start(), m.start(1) + words[-1].end(), "school")
        for m in P.SERVICE_LOWER.finditer(text):
            words = list(re.finditer(r"\S+", m.group(1)))
            k = len(words)
            while k > 0 and (w := re.sub(r"['\u2019]s$", "", words[k - 1].group().lower())) not in vocab \
                    and w not in P.NOT_SERVICE_NAME:
                k -= 1
            if k < len(words):
                add(m.start(1) + words[k].start(), m.start(1) + words[-1].end(), "service")
        for m in P.SERVICE.finditer(text):
            span = P.named_place(text, m, P.NOT_SERVICE_NAME)
            if span and _ordinary_words_only(text, span, m):
                continue
            if span:
                add(*_name_part(text, span, True), "service")
        for m in P.HOME_NAME.finditer(text):
            span = P.named_place(text, m, P.NOT_SERVICE_NAME)
            if span and P.HOME_CUE.search(text, max(0, m.start() - 60), min(len(text), m.end() + 60)):
                add(*span, "service")
        if "name" in self.kinds_:
            for a, b in find_names(text, self.names_):
                add(a, b, "name")
        for a, b, kind in find_context(text, surnames=all_surnames(), given=self.names_, cued=self.cued_,
                                       vocab=vocab):
            add(a, b, kind)
        for a, b, kind in find_venues(text, vocab=vocab, cued=self.cued_):
            add(a, b, kind)
        for a, b, kind in find_by_context(text, vocab, self.names_):
            add(a, b, kind)
        for a, b, kind in [*find_cues(text, vocab=vocab, cued=self.cued_),
                           *find_households(text, vocab=vocab, cued=self.cued_)]:
            add(a, b, kind)
        names = [(s[0], s[1]) for s in found if s[2] == "name"]
        for a, b in also_known(text, names) + aged_in_a_list(text, names) + \
                beside_a_name(text, names, vocab=vocab, cued=self.cued_):
            add(a, b, "name")
        found = list(dict.fromkeys(found))  # the same span from several rules is judged once
        found = [s for s in found if not (s[2] == "name" and (_a_month(text, s[0], s[1])
                                                          or in_a_place(text, s[0], s[1], self.cued_)))
                 and not (s[2] == "address" and " ".join(text[s[0]:s[1]].lower().split()) in uk_places()
                          and not _STREET_AFTER.match(text, s[1]))]
        public = public_spans(text)
        if public:  # "Andrew Tate", "McDonald's": named as themselves, kept
            found = [s for s in found if s[2] not in _PUBLIC_KINDS
                     or not any(pa <= s[0] and s[1] <= pb for pa, pb in public)]
        resolved = _resolve(found)
        again = [s for s in _again(text, resolved, vocab)
                 if not any(pa <= s[0] and s[1] <= pb for pa, pb in public)]
        spans = _merge_names(text, _resolve(resolved + again))
        if self.second_stage_ is not None:
            learned = [s for s in self.second_stage_.find(text, spans) if s[2] in self.kinds_
                       and not any(pa <= s[0] and s[1] <= pb for pa, pb in public)]
            spans = sorted(spans + learned)
        return spans

    def redact(self, text) -> str:
        if not hasattr(self, "kinds_"):
            raise RuntimeError("PersonalDataRedactor is not fitted; call fit() first")
        if text is None:
            return ""
        if not isinstance(text, str):
            text = str(text)
        out, last = [], 0
        for a, b, kind in self.find(text):
            out.append(text[last:a])
            out.append(PLACEHOLDERS[kind])
            last = b
        out.append(text[last:])
        return "".join(out)

    def transform(self, texts: Iterable[str]) -> list[str]:
        return [self.redact(t) for t in texts]

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)

    def get_params(self, deep=True) -> dict:
        return {"kinds": self.kinds, "extra_names": self.extra_names, "learned": self.learned}

    def set_params(self, **params):
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"invalid parameter {k!r}")
            setattr(self, k, v)
        return self


# a number after these is no house number: "Emily Watkins, year 11, Coopers Lane School" (blind writer 11)
_NOT_HOUSE_NUMBER = re.compile(r"\b(?:year|yr|y|years|aged|age|class|set|group|room|ward|bed|bus|route|platform|"
                               r"junction|page|question|q|collar|ref|level|stage)\.?[ \t]*$", re.IGNORECASE)
# a town's name before these is a street's or an estate's ("the Clifton estate"), which identifies a home
_STREET_AFTER = re.compile(r"[ \t]+(?:estate|road|rd|street|st|lane|avenue|close|drive|way|park|green|court|flats|"
                           r"house|towers|crescent|grove|gardens|terrace|walk|view|rise)\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?|\b(?:starts?|starting|started|from|until|till|in|by|since|"
                           r"before|after|next|last|of|early|mid|late|end|due|edd)\.?)[ \t]+$", re.IGNORECASE)


def _a_month(text: str, a: int, b: int) -> bool:
    """"hearing 14th Jan", "Starts Jan": a month written short, not Jan the person (blind writer 13)."""
    if text[a:b].lower().rstrip(".") not in SHORT_DATES:
        return False
    return bool(_MONTH_BEFORE.search(text, max(0, a - 12), a) or re.match(r"[ \t]*(?:\d|'\d)", text[b:b + 3]))


_TOKEN = re.compile(r"[A-Za-z\u00c0-\u017f][A-Za-z\u00c0-\u017f'\u2019\-]*")


def _again(text: str, spans: list[tuple[int, int, str]], vocab: frozenset[str]) -> list[tuple[int, int, str]]:
    """A name found once is a name wherever else the answer repeats it: "Will (age 10) said... Will has been
    making his own tea" is not taken again ("Will" is also a word), but "my name is Rakim. put Rakim on the form"
    is (blind writer 25): only a name that no dictionary or noun list holds ("Patience", "Chelsea" are not)."""
    from .names import _noun_index
    from .people import ambiguous_names

    nouns, ambiguous = _noun_index(), ambiguous_names()
    names = {}
    for a, b, kind in spans:
        if kind == "name":
            for t in _TOKEN.finditer(text, a, b):
                w = re.sub(r"['\u2019][sS]$", "", t.group())
                lw = w.lower()
                if len(w) < 2 or lw in _NOT_AGAIN or "'" in w or "\u2019" in w or lw in vocab or lw in nouns \
                        or lw in ambiguous:
                    continue  # "I'VE"; a word or a name that is also one ("Patience", "Chelsea"): not again
                names[lw] = True
    if not names:
        return []
    taken = bytearray(len(text))
    for a, b, _kind in spans:
        taken[a:b] = b"\x01" * (b - a)
    out = []
    for t in _TOKEN.finditer(text):
        w = t.group()
        stem = re.sub(r"['\u2019]s$", "", w)
        if any(taken[t.start():t.start() + len(stem)]):
            continue
        if stem.lower() in names:
            out.append((t.start(), t.start() + len(stem), "name"))
    return out


_NOT_AGAIN = frozenset("mr mrs ms miss mx dr sir the and of de la van von bin bint al el da".split())
_PUBLIC_KINDS = frozenset({"name", "school", "service", "handle"})
_NOT_LOWER_SCHOOL = frozenset({"st", "saint"})
# a lower-case name before a bare "school" only after a word that places someone there ("i go to oakfield
# school"), not "idk porbably school" or "I lik emy school" (typos)
_SCHOOL_PREP = re.compile(r"\b(?:at|to|from|in|attend|attends|attended|left|joined|of)[ \t]+$", re.IGNORECASE)


def _after_last_small_word(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """In capitals, a school's name starts after the last small word: "MORE SUPPORT IN SCHOOL" has none."""
    a, b = span
    k = P._suffix_start(text[a:b])
    words = list(re.finditer(r"\S+", text[a:a + k]))
    small = P._NOT_SCHOOL_NAME | {"near", "by", "outside", "inside", "behind", "more", "less", "support", "help"}
    keep = [w for w in words if w.group().lower() not in small]
    cut = 0
    for w in words:
        if w.group().lower() in small:
            cut = w.end()
    rest = [w for w in keep if w.start() >= cut]
    return (a + rest[0].start(), b) if rest else None


def _name_part(text: str, span: tuple[int, int], keep_suffix: bool) -> tuple[int, int]:
    """The name words of a school / service name, its type words ("Academy", "GP surgery") left as
    context: "St Mary's Academy" -> "[school] Academy"."""
    if not keep_suffix:
        return span
    a, b = span
    k = P._suffix_start(text[a:b])
    while k > 0 and text[a + k - 1] in " \t":
        k -= 1
    return (a, a + k) if k > 0 else span


def _ordinary_words_only(text: str, span: tuple[int, int], m) -> bool:
    """"Good school", "Virtual school head": a lower-case type word after ordinary words names no school."""
    a, b = span
    k = P._suffix_start(text[a:b])
    if k <= 0 or text[a + k:b] != text[a + k:b].lower():
        return False
    vocab = english_words()
    words = [re.sub(r"['\u2019]s$", "", w.strip("'\u2019.,").lower()) for w in text[a:a + k].split()]
    if all(p in vocab for w in words for p in w.split("-")) and any("-" in w for w in words):
        return True  # "Anti-racist practice"
    if text[a].isupper() and not _at_sentence_start(text, a) and words[-1] not in generic_before_type():
        return False  # "the Eastside youth club": capitalised mid-sentence, a name
    return all(w in vocab for w in words)


def _town_then_lower_type(text: str, span: tuple[int, int]) -> bool:
    a, b = span
    k = P._suffix_start(text[a:b])
    first = text[a:b].split()[0].lower()
    return 0 < k < b - a and text[a + k:b].islower() and first in keep_proper()


def _at_sentence_start(text: str, a: int) -> bool:
    k = a - 1
    while k >= 0 and text[k] in " \t\"'(":
        k -= 1
    if k >= 2 and text[k - 2:k + 1].lower() == "the" and (k < 3 or not text[k - 3].isalpha()):
        return False  # "The Willows childrens home": "The" before a capitalised word shows a name
    return k < 0 or text[k] in ".!?\n:;"


_NOT_HANDLE = frozenset({"and", "the", "but", "because", "chat", "account", "stories", "story",
                         "messages", "message", "streaks", "with", "too", "was", "him",
                         "her", "them", "all", "every", "someone", "people", "when", "said",
                         "pics", "pictures", "videos", "called", "named", "its", "it's", "now",
                         "they", "sent", "asking", "keeps", "then", "who", "that", "this",
                         "lot", "not", "has", "have", "had", "got", "get", "for", "from", "about",
                         # account states, not names ("my insta is priv")
                         "priv", "private", "public", "deleted", "banned", "hacked", "down", "gone", "blocked"})


def _strong_handle_cue(text: str, m) -> bool:
    between = text[m.start():m.start(1)].lower()
    return any(c in between for c in ":=@-") or any(f" {w} " in f" {between} " for w in ("is", "was", "its", "it's")) \
        or "name" in between


def _merge_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """One placeholder for a whole name: "[name] [name]" -> "[name]"."""
    out: list[tuple[int, int, str]] = []
    for a, b, kind in spans:
        if out and kind == "name" and out[-1][2] == "name" and text[out[-1][1]:a] in (" ", "\t"):
            out[-1] = (out[-1][0], b, "name")
        else:
            out.append((a, b, kind))
    return out


_PRIORITY = {k: i for i, k in enumerate(
    ["email", "url", "nhs", "ni", "dob", "phone", "handle", "postcode", "vehicle", "reference", "address", "school",
     "service", "name"])}


def _resolve(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop overlaps: higher-priority kinds first, then longer spans."""
    found.sort(key=lambda s: (_PRIORITY[s[2]], -(s[1] - s[0]), s[0]))
    if not found:
        return []
    occupied = bytearray(max(b for _, b, _ in found))
    taken: list[tuple[int, int, str]] = []
    for a, b, kind in found:
        if not any(occupied[a:b]):
            occupied[a:b] = b"\x01" * (b - a)
            taken.append((a, b, kind))
    return sorted(taken)
