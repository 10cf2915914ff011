"""Plain-words answer signals, second part: answers that point at a harm without naming it.

An opening plea that goes straight on to the writer ("help me i dont know what to do ..."), a short tag that
makes a general answer the writer's own ("notice hungry dirty kids. like me", "self harm. me included"), arms
or scars only a friend knows about, not being around "much longer", an answer that ends "you'll see", an
adult from a game who knows the writer's address, drinking "to get through".  Found on the sixth and seventh
blind writers' tuning two thirds (``benchmarks/screening_heldout.new_writer_part``: the set-aside third was
not read).  Same conventions as :mod:`.plain` (its word lists are in ``data/plain.yaml`` too; a check is
given the answer and the question's kind); the registry ends with :data:`ENTRIES`.
"""

from __future__ import annotations

import re

from .coded import _clauses, _find_all, _hit, _index, _norm, _sub_span
from .plain import _CONDITIONAL, _HE, _HOME_PEOPLE, _LAUGHTER, _ORDINARY, _laughing
from .wordlists import word_lists

_W = word_lists("plain")


def _set(key: str) -> frozenset[str]:
    return frozenset(w for p in _W[key] for w in _norm(p))


_P = {k: _index([tuple(_norm(p)) for p in _W[k]]) for k in (
    "PLEA_OPENERS", "TAGS", "SECRET_MARKS", "NOT_AROUND", "NOT_AROUND_END", "YOULL_SEE", "ONLINE_ADULT",
    "DRINK_TO_COPE", "NOT_OK", "FOUND_OUT", "BEHIND_DOORS", "TWO_FACED")}
_OPEN_NEXT, _TAG_NOT, _MARKS_NOT = _set("PLEA_OPEN_NEXT"), _set("TAG_NOT"), _set("SECRET_MARKS_NOT")
_AROUND_NOT, _SEE_HOME = _set("NOT_AROUND_NOT"), _set("YOULL_SEE_HOME")
_ONLINE, _ONLINE_NOT = _set("ONLINE_PLACES"), _set("ONLINE_ADULT_NOT")
_TAG_TOPICS = {"".join(_norm(k)): v for k, v in _W["TAG_TOPICS"].items()}
_NUMBER = re.compile(r"^\d+$")
_OK_FILLERS, _FOUND_NOT = _set("NOT_OK_FILLERS"), _set("FOUND_OUT_NOT")
_OWN_HOME = frozenset({"our", "my", "me", "i", "mine", "ours"})


def plea_open(text: str, kind):
    """The answer opens with a plea (PLEA_OPENERS) and goes straight on to the writer (PLEA_OPEN_NEXT)."""
    words = _norm(text)
    if not words or set(words) & _ORDINARY or _laughing(text, words):
        return None
    for a, b in _find_all(words, _P["PLEA_OPENERS"]):
        if a == 0 and b < len(words) and words[b] in _OPEN_NEXT:
            return _hit(text, words, 0, b)
    return None


def me_too_tag(text: str, kind):
    """The last clause (not the first) is a tag (TAGS, at most three words after it) making what came before the
    writer's own; the category from the topic words before it (TAG_TOPICS), else a plea."""
    clauses = _clauses(text)
    if len(clauses) < 2 or _laughing(text, _norm(text)) or set(_norm(text)) & _TAG_NOT:
        return None
    start, end, cl = clauses[-1]
    found = _find_all(cl, _P["TAGS"])
    if found and found[0][0] == 0 and len(cl) - found[0][1] <= 3:
        before = [w for _s, _e, words in clauses[:-1] for w in words]
        return start, end, next((_TAG_TOPICS[w] for w in before if w in _TAG_TOPICS), "plea_for_help")
    return None


def secret_marks(text: str, kind):
    words = _norm(text)
    if set(words) & _MARKS_NOT:
        return None
    found = _find_all(words, _P["SECRET_MARKS"])
    return _hit(text, words, *found[0]) if found else None


def not_around(text: str, kind):
    """Not being here or online 'much longer' (NOT_AROUND, then NOT_AROUND_END within four words), no move or
    school to explain it (NOT_AROUND_NOT), not laughing."""
    words = _norm(text)
    if set(words) & _AROUND_NOT or _laughing(text, words):
        return None
    ends = _find_all(words, _P["NOT_AROUND_END"])
    for a, b in _find_all(words, _P["NOT_AROUND"]):
        if any(b <= x <= b + 4 for x, _y in ends):
            return _hit(text, words, a, b)
    return None


def youll_see(text: str, kind):
    """The answer ends 'you'll see' (YOULL_SEE) after something else: home words before it make it domestic abuse,
    else a plea."""
    words = _norm(text)
    if _laughing(text, words):
        return None
    for a, b in _find_all(words, _P["YOULL_SEE"]):
        if b == len(words) and a >= 3:
            category = "domestic_abuse" if set(words[:a]) & _SEE_HOME else "plea_for_help"
            return _hit(text, words, a, b, category)
    return None


def online_adult(text: str, kind):
    """Someone from a game or app who knows where the writer lives, or an adult (18 or over) from one."""
    words = _norm(text)
    if not set(words) & _ONLINE or set(words) & _ONLINE_NOT:
        return None
    for a, b in _find_all(words, _P["ONLINE_ADULT"]):
        if words[a] in ("yr", "year", "years"):
            if not (a and _NUMBER.match(words[a - 1]) and int(words[a - 1]) >= 18):
                continue
            return _hit(text, words, a - 1, b)
        return _hit(text, words, a, b)
    return None


def drink_to_cope(text: str, kind):
    words = _norm(text)
    if set(words) & _LAUGHTER:
        return None
    found = _find_all(words, _P["DRINK_TO_COPE"])
    return _hit(text, words, *found[0]) if found else None


def not_ok(text: str, kind):
    """'im not ok', 'i dont feel safe anywhere', 'whats the point anymore' ending a clause (NOT_OK, NOT_OK_FILLERS
    after it), not after 'if' or 'when', not about schoolwork, not laughing."""
    if _laughing(text, _norm(text)):
        return None
    for start, _end, cl in _clauses(text):
        if set(cl) & _ORDINARY:
            continue
        for a, b in _find_all(cl, _P["NOT_OK"]):
            if all(w in _OK_FILLERS for w in cl[b:]) and not set(cl[:a]) & _CONDITIONAL:
                return (*_sub_span(text, start, cl, a, b), "")
    return None


def found_out(text: str, kind):
    words = _norm(text)
    if set(words) & _FOUND_NOT or _laughing(text, words):
        return None
    found = _find_all(words, _P["FOUND_OUT"])
    return _hit(text, words, *found[0]) if found else None


def behind_doors(text: str, kind):
    words = _norm(text)
    found = _find_all(words, _P["BEHIND_DOORS"])
    return _hit(text, words, *found[0]) if found and set(words) & _OWN_HOME else None


def two_faced(text: str, kind):
    words = _norm(text)
    found = _find_all(words, _P["TWO_FACED"])
    if found and set(words) & (_HOME_PEOPLE | _HE) and not _laughing(text, words):
        return _hit(text, words, *found[0])
    return None


CHECKS = {
    "plea_open": plea_open,
    "me_too_tag": me_too_tag,
    "secret_marks": secret_marks,
    "not_around": not_around,
    "youll_see": youll_see,
    "online_adult": online_adult,
    "drink_to_cope": drink_to_cope,
    "not_ok": not_ok,
    "found_out": found_out,
    "behind_doors": behind_doors,
    "two_faced": two_faced,
}

_ANY = frozenset()
_TUNE = "sixth and seventh writers' tuning two thirds"
_SAFE = "What should adults in Northshire do to help young people feel safe?"
ENTRIES: tuple[tuple, ...] = (
    ("plea_open", "plea_for_help", _ANY,
     "an answer that opens with a plea and goes straight on to the writer (PLEA_OPENERS, PLEA_OPEN_NEXT)",
     f"'help me i dont know what to do i want to die' ({_TUNE}, vetoed as hypothetical)",
     "help me i dont know what to do anymore", "help me feel safer by having more police about", _SAFE),
    ("me_too_tag", "plea_for_help", _ANY,
     "a clause after the first that opens with a tag making the answer the writer's own (TAGS; TAG_TOPICS names "
     "the category; not after likes or hobbies: TAG_NOT)",
     f"'notice hungry dirty kids. like me', 'self harm. me included', 'parents who make you feel like nothing. mine "
     f"do' ({_TUNE}, missed or vetoed)",
     "parents who make you feel like nothing. mine do", "loads of kids want more youth clubs. me included",
     "What is the biggest worry for young people where you live?"),
    ("secret_marks", "self_harm_suicide", _ANY,
     "arms or scars only a friend knows about, nobody notices, or sleeves hide 'for a reason' (SECRET_MARKS, "
     "SECRET_MARKS_NOT)",
     f"'my friend knows about the scars but no one else', 'notice the arms' ({_TUNE}, missed)",
     "my friend knows about the scars but no one else", "the scars on my legs from my operation",
     "Who would you talk to if something was worrying you?"),
    ("not_around", "self_harm_suicide", _ANY,
     "the writer will not be here, online or around much longer (NOT_AROUND, NOT_AROUND_END), no move or school "
     "(NOT_AROUND_NOT)",
     f"'nothing, im not going to be online much longer' ({_TUNE}, missed)",
     "nothing, im not going to be online much longer", "i wont be at this school much longer cos were moving",
     "What happens online that worries you?"),
    ("youll_see", "plea_for_help", _ANY,
     "an answer that ends 'you'll see' after something else (YOULL_SEE; home words make it domestic abuse: "
     "YOULL_SEE_HOME)",
     f"'come to ours on a friday night and youll see' ({_TUNE}, missed)",
     "come round to ours after tea and youll see", "try the new chippy lol youll see", _SAFE),
    ("online_adult", "sexual_exploitation_grooming", _ANY,
     "an adult from a game or app, or someone from one who knows where the writer lives (ONLINE_ADULT, "
     "ONLINE_PLACES, ONLINE_ADULT_NOT)",
     f"'a 30 yr old from xbox who knows my address' ({_TUNE}, missed)",
     "some 30 yr old from roblox has my address", "my cousin from snap knows where i live",
     "What makes you feel unsafe?"),
    ("drink_to_cope", "self_harm_suicide", _ANY,
     "drinking or using to get through or to cope, with 'we' or no 'I' (DRINK_TO_COPE; self-harm, as the "
     "substance_coping signal)",
     f"'my sister because we both drink to get through the weekends at dads' ({_TUNE}, missed)",
     "my sister because we both drink to get through the weekends at dads",
     "my sister because we both get through the weekends at dads by watching films",
     "Who would you talk to if something was worrying you?"),
    ("not_ok", "plea_for_help", _ANY,
     "the writer is not ok, never safe, scared all the time or sees no point, at the end of a clause (NOT_OK, "
     "NOT_OK_FILLERS), not as a condition (PLEA_CONDITIONAL) or about schoolwork (PLEA_ORDINARY)",
     "kinds written for this session ('im not ok', 'i dont feel safe anywhere'), not from a writer's set",
     "honestly im not ok", "im not ok with the new uniform rules", ""),
    ("found_out", "plea_for_help", _ANY,
     "the writer fears a person at home seeing what they wrote, or asks that their parents are not told "
     "(FOUND_OUT), not a teenage secret or a joke (FOUND_OUT_NOT)",
     "kinds written for this session ('if my dad sees this im dead'), not from a writer's set",
     "please dont tell my parents i wrote this", "dont tell my mum but i got a tattoo", ""),
    ("behind_doors", "domestic_abuse", _ANY,
     "what happens behind the writer's own front door (BEHIND_DOORS, with the writer's home: 'our', 'my')",
     "kinds written for this session ('nobody knows what goes on behind our front door'), not from a writer's set",
     "nobody knows what goes on behind our front door", "abuse happens behind closed doors so teachers should ask",
     ""),
    ("two_faced", "emotional_abuse", _ANY,
     "someone close is nice to others and not to the writer, or different when alone with them (TWO_FACED, with "
     "answers.yaml HOME_PEOPLE or an unnamed 'he')",
     "kinds written for this session ('hes nice to everyone else but not to me'), not from a writer's set",
     "hes nice to everyone else but not to me", "the new teacher is nice to everyone", ""),
)
