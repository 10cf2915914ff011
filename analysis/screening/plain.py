"""Plain-words answer signals: disclosures a writer the screen has never seen puts in everyday words.

Part of the answer-signal registry (:data:`.answers.SIGNALS` ends with :data:`ENTRIES`): each entry is one
*kind* of answer, not a sentence: a plea for help with no topic named ("please help me", "i need someone
to talk to"), the survey told as the one the writer tells, a helpline called, home feared or said not to be
safe without "I don't feel safe at home", a man at home named only as "he", a wish to be dead or thoughts of
dying with no "I", a partner's control, pictures held over the writer, an answer of one harm word, "its my
dad", marks nobody asks about, nowhere to sleep, not home for days, a close person wished in prison or lived
away from, friends never brought home because of someone there.  Found on the eighth blind writer
(``benchmarks/data/fresh8_*``, a tuning set since); a confidant hurt too and 'i told ... nothing happened' from
the ninth and tenth (``fresh9_*``, ``fresh10_*``); the look-alikes come from every writer's ordinary answers.
Word lists in ``data/plain.yaml``, each group with its reason and case.  Like every signal they
are looked at only when no rule or learned hit stood, and each has a positive and a look-alike test
(``tests/analysis/screening/test_answers.py``).  Unlike the others, a check here is given the question's
kind too (``check(text, kind)``): the same words are a plea in one answer and an echo of the question in
another.
"""

from __future__ import annotations

from .coded import _clauses, _find_all, _hit, _index, _norm, _sub_span
from .wordlists import word_lists
from .youth_questions import HELPS as _HELPS
from .youth_questions import TELL as _TELL

_W = word_lists("plain")
_A = word_lists("answers")
TRUSTED, FEELS_UNSAFE, WHAT_HELPS, WORRY = "trusted_person", "feels_unsafe", "what_helps", "worry"


def _set(key: str, lists=_W) -> frozenset[str]:
    return frozenset(w for p in lists[key] for w in _norm(p))


def _phrases(key: str):
    return _index([tuple(_norm(p)) for p in _W[key]])


_PLEA_CORE, _PLEA_WORDS, _PLEA_ADDRESSED = _set("PLEA_CORE"), _set("PLEA_WORDS"), _set("PLEA_ADDRESSED")
_CONDITIONAL, _ORDINARY = _set("PLEA_CONDITIONAL"), _set("PLEA_ORDINARY")
_HELPLINES, _CONTACT = _set("HELPLINES"), _set("CONTACT_VERBS")
_HOME, _FEAR, _FEAR_NOT = _set("HOME_NOUNS"), _set("HOME_FEAR"), _set("HOME_FEAR_NOT")
_HE, _PEOPLE_BEFORE = _set("UNNAMED_HE"), _set("PEOPLE_BEFORE")
_DEATH_FILLERS, _GROUP = _set("DEATH_FILLERS"), _set("GROUP_WORDS")
_PARTNER, _CONTROL_NOT = _set("PARTNER"), _set("CONTROL_NOT")
_BARE = {"".join(_norm(k)): v for k, v in _W["BARE_HARM"].items()}
_BARE_FILLERS = _set("BARE_FILLERS")
_UNNOTICED_NOT, _NOT_HOME_NOT = _set("UNNOTICED_NOT"), _set("NOT_HOME_NOT")
_NOWHERE_NOT, _LIVE_NOT = _set("NOWHERE_NOT"), _set("LIVE_ELSEWHERE_NOT")
_HOME_OTHERS, _HOME_WRITER = _set("HOME_OTHERS"), _set("HOME_WRITER")
_OWN_HARM_NOT = _set("OWN_HARM_NOT")
_WORSE_NOT = _set("HOME_WORSE_NOT")
_NEGATORS, _LAUGHTER = _set("NEGATORS", _A), frozenset(_A["LAUGHTER"])
_HOME_PEOPLE, _MARKS = _set("HOME_PEOPLE", _A), frozenset(_A["CONCEALED_MARKS"])
_LESSON = frozenset(_norm(" ".join(word_lists("coded")["LESSON_TALK"])))
_P = {k: _phrases(k) for k in (
    "PLEA_NEEDS", "TELLING_NOW", "HOME_UNSAFE", "HOME_WORSE", "HOME_CONTRAST", "HE_HOME", "HE_WRONG", "DEATH_STATES",
    "DEATH_RELIEF", "DEATH_THOUGHTS", "CONTROL", "IMAGES_HELD", "ITS_PERSON", "UNNOTICED", "NOWHERE_TO_SLEEP",
    "NOT_HOME", "PRISON", "LIVE_ELSEWHERE", "CANT_BRING_HOME", "CANT_BRING_REASON", "OWN_HARM", "PLEA_FOR_OTHER",
    "CONFIDANT_HURT_TOO", "TOLD_NOTHING_DONE")}


def _laughing(text: str, words) -> bool:
    return bool(set(words) & _LAUGHTER) or any(m in text for m in _LAUGHTER if not m.isalpha())


def plea_bare(text: str, kind):
    """A clause made only of plea words with 'help' or 'sos' in it: 'please help me', '... home isn't. please help'.

    Answering 'what would help?', 'help' is the question's own word: the plea must be addressed ('help me')."""
    if _laughing(text, _norm(text)):
        return None
    for start, _end, cl in _clauses(text):
        core = [k for k, w in enumerate(cl) if w in _PLEA_CORE]
        if not core or not all(w in _PLEA_CORE or w in _PLEA_WORDS for w in cl):
            continue
        if cl[:2] in (["i", "can"], ["can", "i"], ["i", "could"], ["we", "can"]):
            continue  # offering help, not asking for it
        if kind == WHAT_HELPS and not set(cl) & _PLEA_ADDRESSED:
            continue
        return (*_sub_span(text, start, cl, 0, len(cl)), "")
    return None


def plea_need(text: str, kind):
    """The writer needs help, or someone to talk to or to know, now (PLEA_NEEDS), or asks help for someone close
    (PLEA_FOR_OTHER): not after 'if' or 'when' in the
    clause, not about schoolwork or an everyday need (PLEA_ORDINARY), not laughing."""
    if _laughing(text, _norm(text)):
        return None
    for start, _end, cl in _clauses(text):
        if set(cl) & _ORDINARY:
            continue
        for a, b in _find_all(cl, _P["PLEA_NEEDS"]) + _find_all(cl, _P["PLEA_FOR_OTHER"]):
            if not set(cl[:a]) & _CONDITIONAL:
                return (*_sub_span(text, start, cl, a, b), "")
    return None


def telling_now(text: str, kind):
    """Answering 'who would you tell?': 'im telling you now i guess' (TELLING_NOW)."""
    if kind != TRUSTED:
        return None
    words = _norm(text)
    found = _find_all(words, _P["TELLING_NOW"])
    return _hit(text, words, *found[0]) if found else None


def helpline_contact(text: str, kind):
    """The writer contacted a helpline: a helpline in the answer and 'i called / rang / texted' (not 'would')."""
    words = _norm(text)
    if not set(words) & _HELPLINES or set(words) & _ORDINARY:
        return None
    for start, _end, cl in _clauses(text):
        for k, w in enumerate(cl):
            if w in _CONTACT and {"i", "ive"} & set(cl[max(0, k - 3):k]) and not set(cl[:k]) & _CONDITIONAL \
                    and "can" not in cl[max(0, k - 3):k]:
                return (*_sub_span(text, start, cl, k, k + 1), "")
    return None


def home_fear(text: str, kind):
    """Home feared or not safe (HOME_NOUNS beside HOME_FEAR or HOME_UNSAFE, with no HOME_FEAR_NOT word, not said of
    others only (HOME_OTHERS, HOME_WRITER) and the fear not denied; 'there' after a clause naming the home is the
    home), home said to be worse (HOME_WORSE; not beside HOME_WORSE_NOT), or set against what came before at a
    clause's end (HOME_CONTRAST)."""
    writer, seen_home = bool(set(_norm(text)) & _HOME_WRITER), False
    for start, _end, cl in _clauses(text):
        for a, b in _find_all(cl, _P["HOME_WORSE"]) if not set(cl) & _WORSE_NOT else ():
            return (*_sub_span(text, start, cl, a, b), "")
        for a, b in _find_all(cl, _P["HOME_CONTRAST"]):
            if b == len(cl):
                return (*_sub_span(text, start, cl, a, b), "")
        here = bool(set(cl) & _HOME) or (seen_home and "there" in cl)  # "my house, im scared there"
        seen_home = seen_home or bool(set(cl) & _HOME)
        if not here or set(cl) & _FEAR_NOT or (set(cl) & _HOME_OTHERS and not writer):
            continue
        for k, w in enumerate(cl):
            if w in _FEAR and not set(cl[:k]) & _NEGATORS:
                return (*_sub_span(text, start, cl, k, k + 1), "")
        for a, b in _find_all(cl, _P["HOME_UNSAFE"]):
            return (*_sub_span(text, start, cl, a, b), "")
    return None


def unnamed_he(text: str, kind):
    """A man at home named only as 'he' (no person or animal named before him), beside something wrong."""
    words = _norm(text)
    first = next((k for k, w in enumerate(words) if w in _HE), None)
    if first is None or set(words[:first]) & _PEOPLE_BEFORE or kind == TRUSTED:
        return None
    if _find_all(words, _P["HE_HOME"]) and _find_all(words, _P["HE_WRONG"]) and not _laughing(text, words):
        return _hit(text, words, first, first + 1)
    return None


def death_wish(text: str, kind):
    """Being dead or gone followed by relief ('being dead would help'), or, answering 'what would help?', the
    whole answer a state of death with fillers ('honestly being dead'); not laughing."""
    words = _norm(text)
    if _laughing(text, words):
        return None
    states = _find_all(words, _P["DEATH_STATES"])
    relief = _find_all(words, _P["DEATH_RELIEF"])
    for a, b in states:
        for x, _y in relief:
            if b <= x <= b + 1 and all(w in _DEATH_FILLERS for w in words[b:x]):
                return _hit(text, words, a, b)
        if kind == WHAT_HELPS and all(w in _DEATH_FILLERS for w in words[:a] + words[b:]):
            return _hit(text, words, a, b)
    return None


def death_thoughts(text: str, kind):
    """Thoughts or urges of dying named with nobody else and no lesson in the clause (DEATH_THOUGHTS)."""
    if _laughing(text, _norm(text)):
        return None
    for start, _end, cl in _clauses(text):
        if set(cl) & (_GROUP | _LESSON):
            continue
        for a, b in _find_all(cl, _P["DEATH_THOUGHTS"]):
            return (*_sub_span(text, start, cl, a, b), "")
    return None


def coercive_control(text: str, kind):
    """The writer's own partner ('my' before a PARTNER word) and a controlling act (CONTROL) in the answer, not as a
    joke or a lesson (CONTROL_NOT)."""
    words = _norm(text)
    own = any(w in _PARTNER and "my" in words[max(0, k - 2):k] for k, w in enumerate(words)) or (
        "relationship" in words and "mine" in words)  # "being in a relationship can be scary, mine wont let me"
    if not own or set(words) & _CONTROL_NOT or _laughing(text, words):
        return None
    found = _find_all(words, _P["CONTROL"])
    return _hit(text, words, *found[0]) if found else None


def _phrase_signal(key: str, unless: frozenset[str] = frozenset(), kinds_not=()):
    def found(text: str, kind):
        if kind in kinds_not:
            return None
        words = _norm(text)
        if set(words) & unless:
            return None
        hits = _find_all(words, _P[key])
        return _hit(text, words, *hits[0]) if hits else None
    return found


def bare_harm(text: str, kind):
    """A whole answer of one harm word and fillers ('sh', 'bruises'); not answering 'what worries young people?'."""
    if kind == WORRY:
        return None
    words = _norm(text)
    harm = [k for k, w in enumerate(words) if w in _BARE]
    if len(harm) == 1 and all(w in _BARE or w in _BARE_FILLERS for w in words):
        k = harm[0]
        return _hit(text, words, k, k + 1, _BARE[words[k]])
    return None


def its_person(text: str, kind):
    """A whole answer 'its my dad' / 'its him': 'it' and a close person (answers.yaml HOME_PEOPLE) and fillers only;
    not answering 'who would you tell?' or 'what would help?'."""
    if kind in (TRUSTED, WHAT_HELPS):
        return None
    words = _norm(text)
    found = _find_all(words, _P["ITS_PERSON"])
    if not found or found[0][0] != 0:
        return None
    rest = words[found[0][1]:]
    if rest and set(rest) & _HOME_PEOPLE and all(w in _HOME_PEOPLE or w in _BARE_FILLERS for w in rest):
        return _hit(text, words, 0, len(words))
    return None


def unnoticed_marks(text: str, kind):
    """Marks on the writer (answers.yaml CONCEALED_MARKS) that nobody asks about (UNNOTICED), no sport or accident."""
    words = _norm(text)
    marks = [k for k, w in enumerate(words) if w in _MARKS]
    if not marks or set(words) & _UNNOTICED_NOT:
        return None
    found = _find_all(words, _P["UNNOTICED"])
    if found and found[0][0] > marks[0]:
        return _hit(text, words, marks[0], marks[0] + 1)
    return None


def _home_person_wished(text: str, kind):
    """Answering 'what would help?': a close person (HOME_PEOPLE) in the answer before PRISON words."""
    if kind != WHAT_HELPS:
        return None
    words = _norm(text)
    for a, b in _find_all(words, _P["PRISON"]):
        if set(words[max(0, a - 4):a]) & _HOME_PEOPLE and "if" not in words[:a]:
            return _hit(text, words, a, b)
    return None


def cant_bring_home(text: str, kind):
    words = _norm(text)
    found = _find_all(words, _P["CANT_BRING_HOME"])
    if found and _find_all(words[found[0][1]:], _P["CANT_BRING_REASON"]):
        return _hit(text, words, *found[0])
    return None


def told_nothing_done(text: str, kind):
    """Answering 'who would you tell?': 'i told' then nothing done or it still going on (TOLD_NOTHING_DONE)."""
    if kind != TRUSTED:
        return None
    words = _norm(text)
    told = next((k for k in range(len(words) - 1) if words[k] in ("i", "ive") and words[k + 1] in ("told", "did")),
                None)  # "ive told my form tutor before ..." (twelfth and thirteenth writers, tuning)
    if told is None or _laughing(text, words):
        return None
    for a, b in _find_all(words, _P["TOLD_NOTHING_DONE"]):
        if a > told:
            return _hit(text, words, a, b)
    return None


CHECKS = {
    "plea_bare": plea_bare,
    "plea_need": plea_need,
    "telling_now": telling_now,
    "helpline_contact": helpline_contact,
    "home_fear": home_fear,
    "unnamed_he": unnamed_he,
    "death_wish": death_wish,
    "death_thoughts": death_thoughts,
    "coercive_control": coercive_control,
    "images_held": _phrase_signal("IMAGES_HELD", _LAUGHTER),
    "bare_harm": bare_harm,
    "its_person": its_person,
    "unnoticed_marks": unnoticed_marks,
    "nowhere_to_sleep": _phrase_signal("NOWHERE_TO_SLEEP", _NOWHERE_NOT),
    "not_home": _phrase_signal("NOT_HOME", _NOT_HOME_NOT),
    "wished_gone": _home_person_wished,
    "live_elsewhere": _phrase_signal("LIVE_ELSEWHERE", _LIVE_NOT, kinds_not=(TRUSTED, FEELS_UNSAFE, WORRY)),
    "cant_bring_home": cant_bring_home,
    "own_harm": _phrase_signal("OWN_HARM", _OWN_HARM_NOT),
    "confidant_hurt": _phrase_signal("CONFIDANT_HURT_TOO", _LAUGHTER),
    "told_nothing": told_nothing_done,
}

_ANY = frozenset()
_EIGHTH = "eighth writer"
# Fields of :class:`.answers.Signal`: name, category, question kinds, reason, motivating case, positive,
# look-alike, question (the positive and look-alike are screened beside it).
ENTRIES: tuple[tuple, ...] = (
    ("plea_bare", "plea_for_help", _ANY,
     "a clause made only of plea words with 'help' in it: the writer asks the reader for help and names no topic "
     "(PLEA_CORE, PLEA_WORDS; answering 'what would help?' it must be addressed: PLEA_ADDRESSED)",
     f"'help', 'please help me', 'school is ok. home isn't. please help' ({_EIGHTH}, missed)",
     "its fine i guess. please help me", "more help from teachers", _HELPS),
    ("plea_need", "plea_for_help", _ANY,
     "the writer needs help or someone to talk to or to know, now (PLEA_NEEDS), not as a condition (PLEA_CONDITIONAL) "
     "or about schoolwork (PLEA_ORDINARY)",
     f"'i need someone to talk to before i do something' ({_EIGHTH}, missed)",
     "i need someone to talk to before i do something", "my mum, if i need someone to talk to she listens", _TELL),
    ("telling_now", "plea_for_help", frozenset({TRUSTED}),
     "answering 'who would you tell?', the writer is telling the survey now (TELLING_NOW)",
     f"'im telling you now i guess' ({_EIGHTH}, missed)",
     "im telling you now i guess", "my mum because i tell her everything", _TELL),
    ("helpline_contact", "plea_for_help", _ANY,
     "the writer called or texted a helpline (HELPLINES, CONTACT_VERBS), not 'would' or 'can'",
     f"'childline. i called them once about my stepdad but hung up' ({_EIGHTH}, missed)",
     "childline. i rang them last week but hung up", "childline because you can call them for free", _TELL),
    ("home_fear", "domestic_abuse", _ANY,
     "home feared or not safe in the writer's clause (HOME_NOUNS with HOME_FEAR or HOME_UNSAFE, no HOME_FEAR_NOT), "
     "home said to be worse (HOME_WORSE), or set against what came before (HOME_CONTRAST)",
     f"'it's home I'm scared of', 'school is ok. home isn't', 'staying is worse' ({_EIGHTH}, missed)",
     "I feel safe at school, it's home I'm scared of", "walking home in the dark is scary",
     "What do you think about school, and how safe do you feel there?"),
    ("unnamed_he", "domestic_abuse", _ANY,
     "a man at home named only as 'he' (UNNAMED_HE, no PEOPLE_BEFORE) beside home (HE_HOME) and something wrong "
     "(HE_WRONG)",
     f"'nothing, its where he lives', 'my room was my safe place until he started coming in' ({_EIGHTH}, missed)",
     "my room was my safe place until he started coming in",
     "nothing much, my grandad lives near the park and he takes me fishing", "What is good about where you live?"),
    ("death_wish", "self_harm_suicide", _ANY,
     "being dead or gone with relief right after it (DEATH_STATES, DEATH_RELIEF), or the whole answer to 'what "
     "would help?' (DEATH_FILLERS); no 'I' needed",
     f"'honestly being dead would help' ({_EIGHTH}, missed)",
     "honestly being dead would help", "dying my hair would help me feel more confident", _HELPS),
    ("death_thoughts", "self_harm_suicide", _ANY,
     "thoughts or urges of dying named with no group of people and no lesson in the clause (DEATH_THOUGHTS, "
     "GROUP_WORDS)",
     f"'unalive thoughts every night tbh' ({_EIGHTH}, missed: the unalive signal needs the writer)",
     "unalive thoughts every night tbh", "lots of people have dark thoughts because of social media",
     "Anything else you want to tell us?"),
    ("coercive_control", "emotional_abuse", _ANY,
     "the writer's partner and a controlling act in plain words (PARTNER, CONTROL), not a joke (CONTROL_NOT)",
     f"'stopped tracking my location', 'makes me share my location all the time and goes mad if i talk to other "
     f"boys' ({_EIGHTH}, missed)",
     "my boyfriend makes me share my location all the time", "my mum tracks my location on life360", ""),
    ("images_held", "sexual_exploitation_grooming", _ANY,
     "someone holds the writer's pictures or nudes (IMAGES_HELD)",
     f"'If he deleted the pics he has of me' ({_EIGHTH}, vetoed as hypothetical)",
     "If he deleted the pics he has of me", "if they deleted the pics from the school trip", _HELPS),
    ("bare_harm", "self_harm_suicide", _ANY,
     "a whole answer of one harm word and fillers (BARE_HARM names the category; BARE_FILLERS), not answering 'what "
     "worries young people?'",
     f"'sh', 'bruises' ({_EIGHTH}, missed / vetoed as topic talk)",
     "sh", "bruises from rugby", "Anything else you want to tell us?"),
    ("its_person", "domestic_abuse", _ANY,
     "a whole answer 'its' and a close person (ITS_PERSON, answers.yaml HOME_PEOPLE), not answering 'who would you "
     "tell?' or 'what would help?'",
     f"'its my dad' ({_EIGHTH}, missed)",
     "its my dad", "its my dads birthday today", "Anything else you want to tell us?"),
    ("unnoticed_marks", "physical_abuse", _ANY,
     "marks on the writer that nobody asks about (CONCEALED_MARKS, UNNOTICED), no sport or accident (UNNOTICED_NOT)",
     f"'i feel safe but i come in with bruises and no one asks' ({_EIGHTH}, vetoed as topic talk)",
     "i feel safe but i come in with bruises and no one asks",
     "i get bruises from football every week and no one cares", ""),
    ("nowhere_to_sleep", "missing_homeless", _ANY,
     "the writer has no bed of their own: sofa surfing, a stairwell, sleeping rough (NOWHERE_TO_SLEEP)",
     f"'somewhere to sleep that isnt my mates sofa or a stairwell' ({_EIGHTH}, missed)",
     "somewhere to sleep that isnt my mates sofa", "somewhere to go at night that isnt the park", _HELPS),
    ("not_home", "missing_homeless", _ANY,
     "the writer has not been home for days, or cannot go home (NOT_HOME), no trip or everyday reason (NOT_HOME_NOT)",
     f"'its hard when you havent been home in a week' ({_EIGHTH}, missed)",
     "its hard when you havent been home in a week", "we havent been home in a week, were on holiday in spain", ""),
    ("wished_gone", "domestic_abuse", frozenset({WHAT_HELPS}),
     "answering 'what would help?', a close person before prison or being taken away (PRISON), with no 'if' (the "
     "wished_away signal reads those)",
     f"'my dad going to prison' ({_EIGHTH}, missed)",
     "my dad going to prison", "the drug dealers going to prison", _HELPS),
    ("live_elsewhere", "domestic_abuse", _ANY,
     "living away from the people at home, or a lock on the writer's own door (LIVE_ELSEWHERE), not against a "
     "sibling or for privacy (LIVE_ELSEWHERE_NOT); not answering "
     "'who would you tell?', 'what makes you feel unsafe?' or 'what worries young people?'",
     f"'if I could live with my nan instead of my mum and her boyfriend', 'a lock on my bedroom door' ({_EIGHTH}, "
     "missed)",
     "a lock on my bedroom door", "a lock on the school toilets", _HELPS),
    ("cant_bring_home", "domestic_abuse", _ANY,
     "friends never brought home because of someone there or what he is like (CANT_BRING_HOME, CANT_BRING_REASON)",
     f"'i cant bring them home because of my dad and what hes like' ({_EIGHTH}, vetoed as reassurance)",
     "my friends are nice but i cant bring them home because of my dad and what hes like",
     "i cant have friends round cos our flat is too small", "What is good about where you live?"),
    ("own_harm", "self_harm_suicide", _ANY,
     "the writer's own self-harm or suicidal thoughts named as theirs ('my self harm'), outside a lesson or project "
     "(OWN_HARM, OWN_HARM_NOT)",
     f"'I tried to tell my head of year about my self harm but she said it was attention seeking' ({_EIGHTH}, missed)",
     "i told my form tutor about my self harm and she laughed", "my self harm awareness poster won a prize", ""),
    ("confidant_hurt", "domestic_abuse", _ANY,
     "the person the writer would tell is hurt or afraid of someone too (CONFIDANT_HURT_TOO)",
     "'i would tell my mum but she is scared of him too', 'id tell my mum but she gets hurt too' (ninth and tenth "
     "writers, tuning: dropped by the judge / missed)",
     "my nan, but she gets hurt too when he drinks", "my mum, she gets scared of spiders too", _TELL),
    ("told_nothing", "plea_for_help", frozenset({TRUSTED}),
     "answering 'who would you tell?', the writer told someone and nothing was done or it still goes on "
     "(TOLD_NOTHING_DONE after 'i told')",
     "'i told a teacher once and nothing happened so whats the point, it still happens every night' (ninth and "
     "tenth writers, tuning: missed)",
     "i told my head of year last term but nothing was done and it still happens",
     "my mum, i told her about my grades and she helped", _TELL),
)
