"""Revealed answer signals: what the writer owns after general talk, people withheld, pictures held, adults waiting.

The fifth part of the plain-words signals (after :mod:`.plain`, :mod:`.hints`, :mod:`.indirect` and :mod:`.stated`;
same conventions: a check is given the answer and the question's kind, word lists with their reason and case in
``data/revealed.yaml``, each entry with a positive and a look-alike in the registry's meta-test ``test_answers.py``).
Families found on the sixteenth and seventeenth blind writers' misses (``benchmarks/data/fresh16_*``, ``fresh17_*``:
tuning sets since screen14) and two known misses of earlier tuning writers, written as the kind of phrasing a new
writer would also use:

* the writer's own part after general talk: "i never told anyone either", "my parents think i stopped but i didnt",
  an earlier "home is fine" taken back, the person of an earlier answer revealed ("the person from question 1 is my
  uncle"), "sometimes its family";
* people around the writer: someone outside the family waiting outside school or the house, new accounts after
  every block, an adult partner of a child ("hes 25 and shes 14"), an older
  friend from online as the one the writer trusts, being used to sell, carrying a knife;
* home: not being alone with someone, "its about my mums boyfriend", a parent drunk most of the time, "at least they
  feed me", always hungry and unable to work, a house that is not a home, good until a new partner moved in, a
  parent's upbringing as the reason for hitting, a family split up if school finds out, what they plan for a sister;
* pictures used against the writer or online with their name; a few hundred calories a day.

Like every signal they are looked at only when no rule or learned hit stood, and no veto reads them: each guards
itself against its look-alikes (family photos, spam, lifts from nan, crushes, surprise parties, new houses ...).
"""

from __future__ import annotations

import re

from .coded import _clauses, _find_all, _hit, _index, _norm, _sub_span
from .phrases import PhraseChecks
from .plain import _HE, _HOME_PEOPLE
from .wordlists import word_lists
from .youth_questions import ADULTS as _ADULTS
from .youth_questions import ELSE as _ELSE
from .youth_questions import GOOD as _GOOD
from .youth_questions import HELPS as _HELPS
from .youth_questions import ONLINE as _ONLINE
from .youth_questions import SCHOOL as _SCHOOL
from .youth_questions import TELL as _TELL
from .youth_questions import UNSAFE as _UNSAFE

_W = word_lists("revealed")
_OK_FILLERS = frozenset(w for p in word_lists("plain")["NOT_OK_FILLERS"] for w in _norm(p))
TRUSTED = "trusted_person"
_P = {k: _index([tuple(_norm(p)) for p in v]) for k, v in _W.items() if isinstance(v, tuple)}
_S = {k: frozenset(w for p in v for w in _norm(p)) for k, v in _W.items() if isinstance(v, frozenset)}
_TOPICS = {"".join(_norm(k)): v for k, v in _W["OWN_TOPICS"].items()}
_PEOPLE = _HOME_PEOPLE | _HE
_S["PEOPLE"] = _PEOPLE
_AGE = re.compile(r"\b(\d{1,2})\b")


_CHECKS = PhraseChecks(_P, _S, _OK_FILLERS)
_quiet = _CHECKS.quiet
_phrase = _CHECKS.phrase


def _topic(words) -> str:
    return next((_TOPICS[w] for w in words if w in _TOPICS), "")


def own_part(key):
    """After a harm topic (OWN_TOPICS names the category), the writer's own silence or hidden carrying on (``key``)."""
    def check(text: str, kind):
        words = _norm(text)
        category = _topic(words)
        if not category or _quiet(words, text, "OWN_NOT"):
            return None
        found = _find_all(words, _P[key])
        return _hit(text, words, *found[0], category) if found else None
    check.__doc__ = f"{key} after an OWN_TOPICS word"
    return check


def adult_partner(text: str, kind):
    """A partner (PARTNER_NOUNS) aged 18 or over and a child's age (CHILD_AGE before 10 to 15) in the same answer."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    adult = [k for k, w in enumerate(words) if w.isdigit() and 18 <= int(w) <= 79
             and set(words[max(0, k - 4):k]) & _S["PARTNER_NOUNS"]]
    if not adult:
        return None
    for a, b in _find_all(words, _P["CHILD_AGE"]):
        if b < len(words) and words[b].isdigit() and 10 <= int(words[b]) <= 15:
            return _hit(text, words, min(adult[0], a), max(adult[0], b) + 1)
    return None


def person_revealed(text: str, kind):
    """REVEAL_LEAD, then REVEAL_BACK followed within four words by 'is my' / 'was my' / 'its my'."""
    words = _norm(text)
    lead = _find_all(words, _P["REVEAL_LEAD"])
    if not lead or _quiet(words, text):
        return None
    for a, b in _find_all(words, _P["REVEAL_BACK"]):
        for k in range(b, min(b + 4, len(words) - 1)):
            if words[k] in ("is", "was", "its") and words[k + 1] == "my" and a > lead[0][0]:
                return _hit(text, words, a, min(k + 3, len(words)))
    return None


def images_held(text: str, kind):
    """Pictures (IMAGE_WORDS) used against the writer or put up with their name (IMAGES_HELD), no family photos."""
    words = _norm(text)
    if not set(words) & _S["IMAGE_WORDS"] or _quiet(words, text, "IMAGES_HELD_NOT"):
        return None
    found = _find_all(words, _P["IMAGES_HELD"])
    return _hit(text, words, *found[0]) if found else None


def check_on(text: str, kind):
    """Someone asked to check on a place (CHECK_ON) where children are heard or never seen (CHILD_CONCERN after)."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for a, _b in _find_all(words, _P["CHECK_ON"]):
        concern = [e for s, e in _find_all(words, _P["CHILD_CONCERN"]) if s > a]
        if concern:
            return _hit(text, words, a, concern[0])
    return None


def carries(text: str, kind):
    """The writer carries a weapon (CARRY_OWN), a WEAPON_TOPIC word in the answer, no denial right before it."""
    words = _norm(text)
    if not set(words) & _S["WEAPON_TOPIC"] or _quiet(words, text):
        return None
    for a, b in _find_all(words, _P["CARRY_OWN"]):
        if not set(words[max(0, a - 3):b + 2]) & _S["CARRY_NOT"]:
            return _hit(text, words, a, b)
    return None


def not_alone_with(text: str, kind):
    """NOT_ALONE_WITH and then a person at home or 'him' / 'her' within two words."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for a, b in _find_all(words, _P["NOT_ALONE_WITH"]):
        who = [k for k in range(b, min(b + 3, len(words))) if words[k] in _PEOPLE]
        if who:
            return _hit(text, words, a, who[0] + 1)
    return None


def about_person(text: str, kind):
    """Answering 'who would you tell?', 'its about my <person at home>' ending a clause, no condition or occasion."""
    if kind != TRUSTED:
        return None
    words = _norm(text)
    if _quiet(words, text, "ABOUT_NOT"):
        return None
    for start, _e, cl in _clauses(text):
        for a, b in _find_all(cl, _P["ABOUT_PERSON"]):
            rest = cl[b:]
            if (rest or cl[b - 1] in _PEOPLE) and all(w in _PEOPLE or w in _OK_FILLERS for w in rest) and (
                    set(cl[b - 1:]) & _PEOPLE):
                return (*_sub_span(text, start, cl, a, len(cl)), "")
    return None


def parent_drunk(text: str, kind):
    """Someone at home (answers.yaml HOME_PEOPLE) drunk or high most of the time (PARENT_DRUNK), no occasion."""
    words = _norm(text)
    if not set(words) & _HOME_PEOPLE or _quiet(words, text, "DRUNK_NOT"):
        return None
    found = _find_all(words, _P["PARENT_DRUNK"])
    return _hit(text, words, *found[0]) if found else None


def moved_in(text: str, kind):
    """BEFORE_MOVED, then a MOVED_IN_PERSON and MOVED_IN within seven words."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for a, b in _find_all(words, _P["BEFORE_MOVED"]):
        near = words[b:b + 7]
        moved = [e for s, e in _find_all(near, _P["MOVED_IN"])]
        if moved and set(near[:moved[0]]) & _S["MOVED_IN_PERSON"]:
            return _hit(text, words, a, b + moved[0])
    return None


def calories(text: str, kind):
    """A number under 800 right before CALORIES ('eating like 300 calories a day'), no sport (CALORIES_NOT)."""
    words = _norm(text)
    if _quiet(words, text, "CALORIES_NOT"):
        return None
    for a, b in _find_all(words, _P["CALORIES"]):
        if a and words[a - 1].isdigit() and 0 < int(words[a - 1]) < 800 and "week" not in words[a:b]:
            return _hit(text, words, a - 1, b)
    return None


def taken_back(text: str, kind):
    """SAID_EARLIER, a SAID_STATE word, then TAKEN_BACK: an earlier reassurance withdrawn."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for a, b in _find_all(words, _P["SAID_EARLIER"]):
        for c, d in _find_all(words, _P["TAKEN_BACK"]):
            if c >= b and set(words[b:c]) & _S["SAID_STATE"]:
                return _hit(text, words, a, d)
    return None


def split_up(text: str, kind):
    """A 'but' before a family split up or taken into care (SPLIT_UP) if someone finds out."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    found = _find_all(words, _P["SPLIT_UP"])
    if found and {"but", "cos", "because", "coz"} & set(words[:found[0][0]]):
        return _hit(text, words, *found[0])
    return None


CHECKS = {
    "fed_elsewhere": _phrase("FED_ELSEWHERE", end=True),
    "own_silence": own_part("OWN_SILENCE"),
    "still_doing": own_part("STILL_DOING"),
    "adult_partner_child": adult_partner,
    "person_revealed": person_revealed,
    "images_used": images_held,
    "check_on_children": check_on,
    "carries_weapon": carries,
    "waits_for_me": _phrase("WAITS_FOR_ME", not_key="WAITS_NOT"),
    "block_evasion": _phrase("BLOCK_EVASION", not_key="BLOCK_NOT"),
    "not_alone_with": not_alone_with,
    "about_person": about_person,
    "parent_drunk": parent_drunk,
    "planned_for": _phrase("PLANNED_FOR", not_key="PLANNED_NOT", end=True, after="PLANNED_AFTER"),
    "not_a_home": _phrase("NOT_A_HOME", not_key="NOT_A_HOME_NOT"),
    "used_to_sell": _phrase("USED_TO_SELL", not_key="SELL_NOT"),
    "moved_in": moved_in,
    "hungry_us": _phrase("HUNGRY_US", not_key="HUNGRY_NOT"),
    "calories": calories,
    "raised_that_way": _phrase("RAISED", needs="HIT_WORDS", not_key="RAISED_NOT"),
    "taken_back": taken_back,
    "online_older": _phrase("ONLINE_OLDER", not_key="ONLINE_NOT"),
    "family_not_strangers": _phrase("FAMILY_NOT_STRANGERS", end=True),
    "split_up": split_up,
}

_ANY = frozenset()
_W1617 = "sixteenth and seventeenth writers, tuning"

# Fields of :class:`.answers.Signal`: name, category, question kinds, reason, motivating case, positive,
# look-alike, question (the positive and look-alike are screened beside it).
ENTRIES: tuple[tuple, ...] = (
    ("fed_elsewhere", "neglect", _ANY,
     "'at least' someone else feeds the writer, ending a clause (FED_ELSEWHERE): food is what home does not give",
     f"'its better at their house than mine, at least they feed me' ({_W1617}: missed)",
     "my nans is the best, at least i get a proper meal", "my mates house is fun, at least they feed me pizza "
     "when i stay over", _GOOD),
    ("own_silence", "sexual_exploitation_grooming", _ANY,
     "after a harm topic (OWN_TOPICS names the category) the writer kept quiet too (OWN_SILENCE), no crush or "
     "surprise (OWN_NOT)",
     f"'people my age dont tell anyone about the pictures. i never told anyone either' ({_W1617}: missed)",
     "people my age dont talk about the photos. ive never told anyone either",
     "people my age dont tell anyone about their crushes. i never told anyone either", _ONLINE),
    ("still_doing", "self_harm_suicide", _ANY,
     "adults think the writer stopped a harm (OWN_TOPICS) and they did not (STILL_DOING)",
     f"'how bad self harm is. my parents think i stopped but i didnt' ({_W1617}: vetoed as a bare topic)",
     "starving yourself. my mum thinks im better but im not", "vaping. my mum thinks ive stopped but i havent",
     _ADULTS),
    ("adult_partner_child", "sexual_exploitation_grooming", _ANY,
     "a partner aged 18 or over (PARTNER_NOUNS) and a child's age, 10 to 15 (CHILD_AGE), in one answer",
     f"'my mates boyfriend is 25 and shes 14 and everyone acts like its fine' ({_W1617}: vetoed as general talk)",
     "loads of girls in my year have older boyfriends, my friends boyfriend is 20 and shes 13",
     "my sisters boyfriend is 25 and shes 24", _ADULTS),
    ("person_revealed", "plea_for_help", _ANY,
     "having held it back (REVEAL_LEAD), the writer names the person of an earlier answer (REVEAL_BACK, 'is my')",
     f"'i didnt want to say earlier but the person from question 1 is my uncle' ({_W1617}: missed)",
     "i was scared to say before, the person i mentioned is my stepbrother",
     "the person from question 3 is my mum because she listens", _ELSE),
    ("images_used", "sexual_exploitation_grooming", _ANY,
     "pictures or videos (IMAGE_WORDS) used against the writer or online with their name (IMAGES_HELD), not "
     "family or school photos (IMAGES_HELD_NOT)",
     f"'the videos theyre using against me are real', 'make the pictures go away. theyre on a website now with my "
     f"name on' ({_W1617}: missed)",
     "the pics are on a website with my name on", "my mum posts baby photos of me with my name on", _ONLINE),
    ("check_on_children", "neglect", _ANY,
     "someone asked to check on a place (CHECK_ON) where children are heard screaming or never seen (CHILD_CONCERN)",
     f"'can someone check on the flat at the end of my road, theres kids there who never come out and theres "
     f"screaming' ({_W1617}: vetoed as a joke)",
     "someone should check on the house next door, the little ones are always crying",
     "someone should check on the park, the swings are broken", _ELSE),
    ("carries_weapon", "criminal_exploitation", _ANY,
     "the writer carries a knife (CARRY_OWN with a WEAPON_TOPIC word), no denial or alarm (CARRY_NOT)",
     f"'i know people who carry and ive started carrying one too because of beef with another area' ({_W1617}: "
     f"missed)",
     "knife crime, i carry one as well for protection now", "knife crime, i would never carry one", _UNSAFE),
    ("waits_for_me", "sexual_exploitation_grooming", _ANY,
     "someone outside the family waits for, turns up at or follows the writer (WAITS_FOR_ME), not family, friends "
     "or a lift (WAITS_NOT)",
     f"'if the man from the chippy stopped waiting for me outside school', 'now he is outside my house sometimes' "
     f"({_W1617}: missed)",
     "a man from the chippy waits for me outside school", "my nan waits for me outside school every day",
     _HELPS),
    ("block_evasion", "bullying", _ANY,
     "someone makes new accounts after every block (BLOCK_EVASION), not spam or bots (BLOCK_NOT)",
     f"'my ex made a new account every time i blocked him', 'ive blocked them all but new ones come' ({_W1617}: "
     f"missed)",
     "someone keeps making new accounts to message me after i block them",
     "spam bots, i blocked them all but new ones keep coming", _ONLINE),
    ("not_alone_with", "domestic_abuse", _ANY,
     "not being (left) alone with a person at home or 'him' (NOT_ALONE_WITH), not thoughts or the dark",
     f"'not being alone with my stepdad' ({_W1617}: missed)",
     "never being left alone with my uncle", "not being alone with my thoughts at night", _HELPS),
    ("about_person", "domestic_abuse", frozenset({TRUSTED}),
     "answering 'who would you tell?', 'its about my <person at home>' ending a clause (ABOUT_PERSON), no condition "
     "or occasion (ABOUT_NOT)",
     f"'my friend, but she doesnt know what to do either. its about my mums boyfriend' ({_W1617}: missed)",
     "my form tutor. its about my stepdad", "my dad, unless its about my dad", _TELL),
    ("parent_drunk", "neglect", _ANY,
     "someone at home drunk or high most of the time (PARENT_DRUNK), not an occasion (DRUNK_NOT)",
     f"'my nan because my mum is too drunk most of the time to listen' ({_W1617}: missed)",
     "my aunt, my dad is always drunk", "my mum, my uncle was always drunk at christmas", _TELL),
    ("planned_for", "forced_marriage_fgm_honour", _ANY,
     "what the family are planning for the writer or a sister, ending the clause (PLANNED_FOR, time words at most "
     "after it), no party or surprise (PLANNED_NOT)",
     f"'she knows what they are planning for my sister this summer' ({_W1617}: missed)",
     "my auntie, she knows what theyve planned for me in the holidays",
     "my mum because she knows what they are planning for me this summer, a surprise party", _TELL),
    ("not_a_home", "domestic_abuse", _ANY,
     "the writer's house is not a home (NOT_A_HOME), not a new house or a move (NOT_A_HOME_NOT)",
     f"'nothing. my house isnt a home' ({_W1617}: missed)",
     "nothing. the flat isnt a home to me", "the new flat doesnt feel like home yet", _GOOD),
    ("used_to_sell", "criminal_exploitation", _ANY,
     "others use or make the writer sell (USED_TO_SELL), not a stall, cakes or clothes online (SELL_NOT)",
     f"'the people round here are using me to sell and i cant get out' ({_W1617}: missed)",
     "nothing good, the people round here are using me to carry",
     "my brother is using me to sell his old games on ebay", _GOOD),
    ("moved_in", "domestic_abuse", _ANY,
     "home was good until a parent's partner moved in (BEFORE_MOVED, MOVED_IN_PERSON, MOVED_IN)",
     f"'it used to be good before my mum's new boyfriend moved in' ({_W1617}: missed)",
     "it was fine until my dads girlfriend moved in", "it used to be good before they closed the youth club", _GOOD),
    ("hungry_us", "neglect", _ANY,
     "hunger that stops the writer working, or counted among 'us' (HUNGRY_US), not a snack or fasting "
     "(HUNGRY_NOT)",
     f"'im always hungry and cant concentrate', 'they dont understand that a lot of us are hungry' ({_W1617}: "
     f"dropped by the judge / missed)",
     "i get too hungry to concentrate in maths", "im always hungry and cant wait for lunch lol", _SCHOOL),
    ("calories", "self_harm_suicide", _ANY,
     "a number under 800 before 'calories a day' (CALORIES), not sport (CALORIES_NOT)",
     f"'the pro ana stuff. im in it, ive been eating like 300 calories a day' ({_W1617}: vetoed)",
     "im trying to keep it under 500 calories a day", "i try to eat 2500 calories a day for rugby", _ONLINE),
    ("raised_that_way", "physical_abuse", _ANY,
     "a parent justifies hitting by their own upbringing (RAISED with HIT_WORDS), not denied (RAISED_NOT)",
     f"'hitting your kids isnt discipline. my dad says thats how he was raised' ({_W1617}: missed)",
     "my mum uses the belt, she says thats how she was brought up",
     "my dad is strict about chores, he says thats how he was raised", _ADULTS),
    ("taken_back", "plea_for_help", _ANY,
     "an earlier reassurance withdrawn (SAID_EARLIER, a SAID_STATE word, then TAKEN_BACK)",
     f"'Everything I said about home being fine wasnt true' ({_W1617}: missed)",
     "what i put about feeling safe was a lie",
     "what i said about the park being boring wasnt true its actually fine", _ELSE),
    ("online_older", "sexual_exploitation_grooming", _ANY,
     "an older person met online as the writer's confidant or closest person (ONLINE_OLDER), not a cousin or a "
     "moderator (ONLINE_NOT)",
     "'my older mate from online because hes the only one who gets me' (earlier tuning writer, known miss)",
     "my older friend from online cos he always listens", "my older cousin, and my friends from online", _TELL),
    ("family_not_strangers", "domestic_abuse", _ANY,
     "the danger said to be family, ending a clause (FAMILY_NOT_STRANGERS)",
     "'that its not always strangers you need to worry about. sometimes its family' (earlier tuning writer, known "
     "miss)",
     "everyone goes on about stranger danger but sometimes its the people you live with",
     "sometimes its family that helps you the most", _ADULTS),
    ("split_up", "domestic_abuse", _ANY,
     "after a 'but' or 'because', the family split up or taken into care if someone finds out (SPLIT_UP)",
     f"'but my mum says if the school finds out about the bruises well all be split up' ({_W1617}: vetoed as "
     f"advice)",
     "a teacher but my dad says if school finds out well get taken away",
     "my mum, even though her and my dad split up", _TELL),
)
