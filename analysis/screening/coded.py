"""First-hand answer signals: kinds of disclosure young people write in their own words.

Part of the answer-signal registry (:data:`.answers.SIGNALS` ends with :data:`FIRST_HAND_SIGNALS`): each
entry is one *kind* of disclosure, not a sentence: "sh" or "shing" as a verb for self-harm beside the
writer, lighter burns, a note left for after the writer's death, looking up ways to do it, a topic the
writer says is happening to them ("sextortion. it's happening to me"), their own nudes leaked or sold,
drink or drugs used to get through the day, a young carer who is not coping, "unalive" (running away and
staying with strangers the rules already read), hiding the home from social services, an injury's cover
story taken back,
needing to hide from a man at home, school as an escape from home, being trapped by "the olders",
acts of bullying, and the pull of an extremist group.  Found on the fourth and fifth blind writers'
tuning two thirds (``benchmarks/screening_heldout.new_writer_part``); word lists in ``data/coded.yaml``,
each group with its reason and case.  Like every signal they are looked at only when no rule or
learned hit stood, and each has a positive and a look-alike test (``test_answers.py``).
"""

from __future__ import annotations

import re

from .wordlists import word_lists

_W = word_lists("coded")
# As answers.py reads words and clauses (answers.py imports this module, so they are not imported from it).
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_CLAUSE = re.compile(r"[.,!?;:\n]+|\s-\s")


def _low(text: str) -> str:
    """Lower case, "s/h" (self-harm written with a slash) read as one word "sh" (same length: offsets hold)."""
    return (text or "").lower().replace("s/h", "sh ")


def _norm(text: str) -> list[str]:
    return [w.replace("\u2019", "").replace("'", "") for w in _WORD.findall(_low(text))]


def _phrases(key: str) -> list[tuple[str, ...]]:
    return [tuple(_norm(p)) for p in _W[key]]


def _set(key: str) -> frozenset[str]:
    return frozenset(w for p in _W[key] for w in _norm(p)) if key != "SELF_HARM_VERBS" else \
        frozenset("".join(_norm(p)) for p in _W[key])


_FIRST = _set("FIRST_PERSON")
_LESSON = _set("LESSON_TALK")
_SH, _SH_ONGOING = _set("SELF_HARM_VERBS"), _set("SELF_HARM_ONGOING")
_BURN, _BURN_MEANS, _BURN_ACCIDENT = _set("BURN_WORDS"), _set("BURN_MEANS"), _set("BURN_ACCIDENT")
_BURN_BODY, _HIGH_LEADS = _set("BURN_BODY"), _set("SUBSTANCE_HIGH")
_SAYING, _TAKEN_BACK = _set("COVER_SAYING"), _set("COVER_TAKEN_BACK")
_HIDDEN_BODY, _HIDE_REASONS = _set("HIDDEN_BODY"), _set("HIDE_REASONS")
_LOOKUP = _set("METHOD_LOOKUP")
_TOPICS = {"".join(_norm(k)): v for k, v in _W["FIRST_HAND_TOPICS"].items()}
_NOT_FIRST = _set("NOT_FIRST_HAND")
_NUDE, _IMAGE = _set("NUDE_WORDS"), _set("IMAGE_WORDS")
_SUBSTANCES, _SUBSTANCE_NOT = _set("SUBSTANCES"), _set("SUBSTANCE_NOT")
_UNALIVE = _set("UNALIVE")
_OWN_IMAGE = frozenset({"my", "me"})


def _index(phrases) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word: an answer's words are looked up, not every phrase tried at every word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        if ph:
            out.setdefault(ph[0], []).append(ph)
    return out


_P = {k: _index(_phrases(k)) for k in (
    "LEFT_BEHIND", "METHOD_OBJECTS", "FIRST_HAND", "IMAGE_SPREAD", "IMAGE_SPREAD_STRONG", "IMAGE_DENIED",
    "IMAGES_FOR_MONEY", "SUBSTANCE_PATTERNS", "CARER_ROLE", "CARER_STRAIN", "CARER_FINE", "HIDE_VERBS",
    "INJURY_WORDS", "INJURY_COVER", "COVER_EVENTS", "ESCAPE_FROM_HIM", "ESCAPE_FROM_HOME", "TRAPPED",
    "BULLYING_ACTS", "EXTREMIST_PULL")}
_SOCIAL_CATEGORY = {tuple(_norm(k)): v for k, v in _W["SOCIAL_FEAR"].items()}
_SOCIAL = _index(_SOCIAL_CATEGORY)


def _find_all(words: list[str], index: dict[str, list[tuple[str, ...]]]) -> list[tuple[int, int]]:
    """``(start, end)`` of every phrase of ``index`` (:func:`_index`) in ``words``, in order."""
    out = []
    for j, w in enumerate(words):
        for ph in index.get(w, ()):
            if tuple(words[j:j + len(ph)]) == ph:
                out.append((j, j + len(ph)))
    return sorted(out)


def _hit(text: str, words: list[str], a: int, b: int, category: str = "") -> tuple[int, int, str]:
    """Character span of ``words[a:b]`` in ``text``, and the category (empty: the signal's own)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(_low(text))]
    if len(spans) != len(words) or not spans:
        return 0, len(text.strip()), category
    return spans[a][0], spans[b - 1][1], category


def _clauses(text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, words)`` of each clause (split at punctuation)."""
    out, pos = [], 0
    for part in _CLAUSE.split(text or ""):
        start = (text or "").find(part, pos)
        pos = start + len(part)
        words = _norm(part)
        if words:
            lead = len(part) - len(part.lstrip())
            out.append((start + lead, start + len(part.rstrip()), words))
    return out


def _sub_span(text: str, start: int, cl: list[str], a: int, b: int) -> tuple[int, int]:
    """Character span of clause words ``cl[a:b]`` (the clause starts at ``start``)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(_low(text), start)][:len(cl)]
    if len(spans) < b:
        return start, start + 1
    return spans[a][0], spans[b - 1][1]


def self_harm_verb(text: str):
    """'sh' / 'shing' beside the writer (or told as ongoing: 'started s/h again') in a clause with no lesson or
    talk about the word."""
    for start, _end, cl in _clauses(text):
        for k, w in enumerate(cl):
            if w in _SH and set(cl) & (_FIRST | _SH_ONGOING) and not set(cl) & _LESSON:
                return (*_sub_span(text, start, cl, k, k + 1), "")
    return None


def self_burning(text: str):
    """A burn made with a lighter or cigarette, or a burn or lighter on the writer's body, that no accident
    word explains."""
    words = set(_norm(text))
    if words & _BURN_ACCIDENT:
        return None
    for start, _end, cl in _clauses(text):
        if set(cl) & _LESSON:
            continue
        own = bool(set(cl) & _FIRST)
        for k, w in enumerate(cl):
            near = set(cl[max(0, k - 4):k + 5])
            if (w in _BURN and near & (_BURN_MEANS | {"myself"})) or (
                    w in _BURN_MEANS and near & _BURN_BODY and own):
                return (*_sub_span(text, start, cl, k, k + 1), "")
    return None


def _phrase_signal(key: str, check=None):
    def found(text: str):
        words = _norm(text)
        for a, b in _find_all(words, _P[key]):
            if check is None or check(words, a, b):
                return _hit(text, words, a, b)
        return None
    return found


def _looked_up(words, a, b) -> bool:
    return bool(set(words[max(0, a - 6):a]) & _LOOKUP) or (words[a] in ("how", "painless", "painlessly") and
                                                        bool(set(words) & _FIRST))


def first_hand_topic(text: str):
    """A harm topic named and said to be happening to the writer: the category is the topic's."""
    words = _norm(text)
    topics = [_TOPICS[w] for w in words if w in _TOPICS]
    if not topics:
        return None
    for a, b in _find_all(words, _P["FIRST_HAND"]):
        if not set(words[max(0, a - 3):a]) & _NOT_FIRST:
            return _hit(text, words, a, b, topics[0])
    return None


def _own_image(words: list[str], kinds: frozenset[str]) -> int | None:
    """Index of an image word of ``kinds`` that is the writer's ('my nudes', 'nudes of me', 'pics of me')."""
    for k, w in enumerate(words):
        if w in kinds and ((k and words[k - 1] in _OWN_IMAGE) or words[k + 1:k + 3] == ["of", "me"]
                           or (k > 1 and words[k - 2] == "my")):
            return k
    return None


def images_spread(text: str):
    """The writer's own nudes spread or threatened; their ordinary pictures leaked, sold or faked."""
    words = _norm(text)
    if _find_all(words, _P["IMAGE_DENIED"]):
        return None
    k = _own_image(words, _NUDE)
    if k is not None and _find_all(words, _P["IMAGE_SPREAD"]):
        return _hit(text, words, k, k + 1)
    k = _own_image(words, _IMAGE)
    if k is not None and _find_all(words, _P["IMAGE_SPREAD_STRONG"]):
        return _hit(text, words, k, k + 1)
    return None


def _pictures_named(words, a, b) -> bool:
    return bool(set(words) & _IMAGE) or words[a + 1:a + 3] != ["do", "it"]


def substance_coping(text: str):
    """The writer's own drink or drug use (a clause with the writer, a substance and no one else's use) and a
    pattern of coping or dependence anywhere in the answer."""
    words = _norm(text)
    if not _find_all(words, _P["SUBSTANCE_PATTERNS"]):
        return None
    for start, _end, cl in _clauses(text):
        found = [k for k, w in enumerate(cl) if w in _SUBSTANCES or (w == "high" and k and cl[k - 1] in _HIGH_LEADS)]
        first = set(cl) & _FIRST or cl[0] in ("cant", "can't", "need", "take", "taking")
        if found and first and not set(cl) & _SUBSTANCE_NOT:
            return (*_sub_span(text, start, cl, found[0], found[0] + 1), "")
    return None


def young_carer(text: str):
    """The writer cares for a parent or siblings and the caring is too much (and not said to be fine)."""
    words = _norm(text)
    role = _find_all(words, _P["CARER_ROLE"])
    if not role or _find_all(words, _P["CARER_FINE"]):
        return None
    a, b = role[0]
    if any((x, y) != (a, b) and not (x < b and y > a) for x, y in _find_all(words, _P["CARER_STRAIN"])):
        return _hit(text, words, a, b)
    return None


def unalive(text: str):
    """'unalive' beside the writer, not talk about the word."""
    for start, _end, cl in _clauses(text):
        for k, w in enumerate(cl):
            if w in _UNALIVE and set(cl) & _FIRST and not set(cl) & _LESSON:
                return (*_sub_span(text, start, cl, k, k + 1), "")
    return None


def social_fear(text: str):
    words = _norm(text)
    found = _find_all(words, _SOCIAL)
    if found:
        a, b = found[0]
        return _hit(text, words, a, b, _SOCIAL_CATEGORY[tuple(words[a:b])])
    return None


def hidden_body(text: str):
    """The writer hides their arms, wrists or thighs (or always wears sleeves) with no reason of body image,
    weather, faith or skin in the answer."""
    words = _norm(text)
    if set(words) & _HIDE_REASONS:
        return None
    for a, b in _find_all(words, _P["HIDE_VERBS"]):
        if set(words[a:b + 3]) & _HIDDEN_BODY:
            return _hit(text, words, a, min(len(words), b + 1))
    return None


def _injury_cover(words, a, b) -> bool:
    return bool(_find_all(words, _P["INJURY_WORDS"]))


def injury_cover(text: str):
    """An injury's cover story said to be false or ordered (INJURY_COVER beside an injury word), or a fall told
    to someone and taken back ('i told the nurse i fell off my bike but that wasnt what happened')."""
    found = _phrase_signal("INJURY_COVER", _injury_cover)(text)
    if found:
        return found
    words = _norm(text)
    for a, b in _find_all(words, _P["COVER_EVENTS"]):
        if set(words[max(0, a - 4):a]) & _SAYING and set(words[b:]) & _TAKEN_BACK:
            return _hit(text, words, a, b)
    return None


def _not_stay_away(words, a, b) -> bool:
    return "stay" not in words[max(0, a - 2):a] and "keep" not in words[max(0, a - 2):a]


SELF_HARM_VERB, SELF_BURNING, LEFT_BEHIND = "self_harm_verb", "self_burning", "left_behind"
CHECKS = {
    "self_harm_verb": self_harm_verb,
    "self_burning": self_burning,
    "left_behind": _phrase_signal("LEFT_BEHIND"),
    "method_research": _phrase_signal("METHOD_OBJECTS", _looked_up),
    "first_hand_topic": first_hand_topic,
    "images_spread": images_spread,
    "images_for_money": _phrase_signal("IMAGES_FOR_MONEY", _pictures_named),
    "substance_coping": substance_coping,
    "young_carer": young_carer,
    "unalive": unalive,
    "social_fear": social_fear,
    "injury_cover": injury_cover,
    "hidden_body": hidden_body,
    "escape_from_him": _phrase_signal("ESCAPE_FROM_HIM", _not_stay_away),
    "escape_from_home": _phrase_signal("ESCAPE_FROM_HOME"),
    "trapped": _phrase_signal("TRAPPED"),
    "bullying_acts": _phrase_signal("BULLYING_ACTS"),
    "extremist_pull": _phrase_signal("EXTREMIST_PULL"),
}

_ANY = frozenset()
# The registry entries (fields of :class:`.answers.Signal`: name, category, question kinds, reason, motivating
# case, positive, look-alike); ``answers.SIGNALS`` ends with them, in this order.
ENTRIES: tuple[tuple, ...] = (
    ("self_harm_verb", "self_harm_suicide", _ANY,
     "'sh' / 'shing' as a verb or noun for self-harm beside the writer in a clause with no lesson or talk about "
     "the word (coded.yaml SELF_HARM_VERBS, FIRST_PERSON, LESSON_TALK)",
     "'no. well i sh but its not that bad', 'being alone with my thoughts because thats when i sh' (fourth and "
     "fifth writers, missed)",
     "being alone at night because thats when i sh", "we learned about sh in pshe and it was useful"),
    ("self_burning", "self_harm_suicide", _ANY,
     "burns made with a lighter or cigarette or on the writer's body, with no accident word (BURN_*)",
     "'lighter burns since yr 8. not that deep' (fourth writer, missed)",
     "lighter burns since yr 9, nobody knows", "i burnt my arm on the oven at work"),
    ("left_behind", "self_harm_suicide", _ANY,
     "a note or letter left for after the writer's death (LEFT_BEHIND)",
     "'probably no one. my last note is in my notes app' (fourth writer, missed)",
     "my last note is saved on my phone", "i left a note on the fridge for my mum"),
    ("method_research", "self_harm_suicide", _ANY,
     "looking up ways or means to die or self-harm (METHOD_LOOKUP before METHOD_OBJECTS)",
     "'i look up ways to do it' (the earlier session's misses, named in the brief)",
     "at night i just search up painless ways to go", "i look up ways to revise on tiktok"),
    ("first_hand_topic", "sexual_exploitation_grooming", _ANY,
     "a harm topic the rules read as topic talk, said to be happening to the writer (FIRST_HAND_TOPICS, "
     "FIRST_HAND, NOT_FIRST_HAND); the category is the topic's",
     "'sextortion. it's happening to me right now' (vetoed as topic talk: the earlier session's misses)",
     "sextortion. its happening to me rn and i dont know what to do",
     "grooming is a worry but it hasnt happened to me"),
    ("images_spread", "sexual_exploitation_grooming", _ANY,
     "the writer's own nudes spread, posted or threatened, or their pictures leaked, sold or faked (NUDE_WORDS, "
     "IMAGE_*)",
     "'my nudes got leaked on a snap story and now everyone has seen them' (fifth writer, missed)",
     "my pics got leaked on a story", "i posted my pics from prom on insta"),
    ("images_for_money", "sexual_exploitation_grooming", _ANY,
     "the writer sells pictures, or 'does it' for money when pictures are the subject (IMAGES_FOR_MONEY)",
     "'men who pay girls for pics. i do it for money. its only online so its fine' (fourth writer, missed)",
     "i get paid for pics, its easy", "i do it for money, its only a paper round"),
    ("substance_coping", "self_harm_suicide", _ANY,
     "the writer's own drink or drug use to cope or out of hand (SUBSTANCES, SUBSTANCE_PATTERNS, SUBSTANCE_NOT): "
     "harm to themself (no substance-misuse category, so self-harm)",
     "'cant get thru the day without a zoot', 'i take ket most weekends now and sometimes in school' (fourth and "
     "fifth writers, missed)",
     "i need a few vodkas before school to get through the day",
     "people smoke weed every day in the park near me"),
    ("young_carer", "neglect", _ANY,
     "the writer cares for a parent or siblings and it is too much (CARER_ROLE, CARER_STRAIN, CARER_FINE)",
     "'i have to get my mum up and do her meds first', 'i do everything for my mum and my sisters and i havent "
     "been to school since christmas' (fifth writer, missed)",
     "i have to do her meds and get my brothers ready so im always late and tired",
     "i look after my little brother after school sometimes, its fine"),
    ("unalive", "self_harm_suicide", _ANY,
     "'unalive' beside the writer, not talk about the word (UNALIVE, FIRST_PERSON, LESSON_TALK)",
     "the kind named in the session brief ('unalive', 'kms')",
     "unaliving myself seems easier", "people say unalive on tiktok so it doesnt get taken down"),
    ("social_fear", "neglect", _ANY,
     "the home hidden from social services, or fear of them taking the writer (SOCIAL_FEAR; the phrase names "
     "the category)",
     "'my mum always tidies the front room before the social comes' (fourth writer), 'i dont want social "
     "services involved again' (fifth writer), missed",
     "we have to clean everything before the social worker comes", "my social worker is really nice"),
    ("injury_cover", "physical_abuse", _ANY,
     "an injury's cover story said to be false or ordered (INJURY_WORDS, INJURY_COVER)",
     "'it wasnt a football that gave me the black eye' (fourth writer, missed)",
     "i told school i fell but thats not how i got the bruises", "i got a black eye from a football in pe"),
    ("hidden_body", "self_harm_suicide", _ANY,
     "the writer hides their arms, wrists or thighs, or always wears sleeves, with no body-image, weather, faith "
     "or skin reason (HIDE_VERBS, HIDDEN_BODY, HIDE_REASONS)",
     "'alright, i just hide my arms in pe' (fifth writer, missed)",
     "its fine, i just keep my sleeves down in pe", "i cover my arms cos im insecure about them"),
    ("escape_from_him", "domestic_abuse", _ANY,
     "the writer or their mum needs to hide or get away from a man at home (ESCAPE_FROM_HIM; not 'stay away')",
     "'idk but my mum needs somewhere to go that he cant find us' (fourth writer, missed)",
     "my mum needs to get us away from him", "i just stay away from him in class"),
    ("escape_from_home", "emotional_abuse", _ANY,
     "school or another place is the writer's escape from home (ESCAPE_FROM_HOME)",
     "'its my escape from home tbh' answering 'What is it like at your school?' (fifth writer, missed)",
     "its ok, its my escape from home tbh", "its ok, the library is my escape from revision"),
    ("trapped", "criminal_exploitation", _ANY,
     "the writer is in something they cannot get out of, watched or owing 'them' (TRAPPED)",
     "'once your in you cant get out, they know your house and your mum', 'the olders would know', 'i already "
     "said yes and now i cant get out' (fourth and fifth writers, missed)",
     "the olders would know if i told",
     "the park gate is locked so you cant get out that way"),
    ("bullying_acts", "bullying", _ANY,
     "what others do to the writer, told as acts (BULLYING_ACTS)",
     "'they wait for me in every corridor and someone set fire to my hair on the bus' (fourth writer, missed)",
     "they spit on me in the lunch queue", "my mates always wait for me at the gate"),
    ("extremist_pull", "radicalisation", _ANY,
     "the writer is drawn into an extremist group and asked or ready to act (EXTREMIST_PULL; radicalisation, as the "
     "extremism signal)",
     "'the groups i am in online are teaching me the truth. i have been asked to spread flyers at school' (fourth "
     "writer, missed)",
     "the videos explain whats really going on and im ready to do something about it",
     "the news should explain whats going on with climate change"),
)
