"""Stated answer signals: home as the danger, pictures of me, thoughts stated plainly, a parent who hurts.

The fourth part of the plain-words signals (after :mod:`.plain`, :mod:`.hints` and :mod:`.indirect`; same
conventions: a check is given the answer and the question's kind, word lists with their reason and case in
``data/stated.yaml``, each entry with a positive and a look-alike in the registry's meta-test ``test_answers.py``).
Families found on the fourteenth and fifteenth blind writers' misses (``benchmarks/data/fresh14_*``, ``fresh15_*``:
tuning sets since screen11), written as the kind of phrasing a new writer would also use:

* home as the unsafe place: at home when someone is there, safer anywhere (or at school) than at home, good
  because it is away from home, a wish that someone at home leave, no one hears what happens in the house, a room
  that cannot be locked with someone coming in;
* food only at school or a club; a parent who cannot get up while the writer does everything;
* own self-harm or suicidal thoughts stated plainly (thinking about jumping in, not being around much longer,
  using sites that show how to hurt yourself, talking with people who want to die too);
* pictures or videos of the writer held or shared; someone did something to the writer; being made to do drops;
  an adult messaging late at night; a man who lets children drink;
* parents who hurt ("mine arent", "when your own parent is the one hurting you"), marks hidden or asked about,
  "when we say were fine were not. im not", a plea to be talked to.

Like every signal they are looked at only when no rule or learned hit stood, and no veto reads them: each guards
itself against its look-alikes (family photos, swimming, moving house, pets, strict parents ...).
"""

from __future__ import annotations

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

_W = word_lists("stated")
_OK_FILLERS = frozenset(w for p in word_lists("plain")["NOT_OK_FILLERS"] for w in _norm(p))
WHAT_HELPS = "what_helps"
_LISTS = ("HOME_WHEN", "GONE", "HOME_ESCAPE", "IMAGES_OF_ME", "IMAGES_SEEN", "DOUBT_AROUND", "MESSAGES_ME", "NO_LOCK",
          "COMES_IN", "FOLLOWED", "DARK_THOUGHTS", "CRIME_MADE", "DID_SOMETHING", "UNSAFE_WITH", "INCAPABLE",
          "CARING", "MARKS_HIDDEN", "ONLY_FOOD", "AWAY_FROM_HOME", "UNHEARD", "DIE_TOO", "OWN_PARENT", "MINE_TOO",
          "SAY_FINE", "NOT_ME", "PLEA_TALK", "LURE", "CONTROL_TALK")
_P = {k: _index([tuple(_norm(p)) for p in _W[k]]) for k in _LISTS}
_S = {k: frozenset(w for p in v for w in _norm(p)) for k, v in _W.items() if isinstance(v, frozenset)}
_MARKS = {"".join(_norm(k)): v for k, v in word_lists("answers")["CONCEALED_MARKS"].items()}
_PEOPLE = _HOME_PEOPLE | _HE


_CHECKS = PhraseChecks(_P, _S, _OK_FILLERS)
_quiet = _CHECKS.quiet
_phrase = _CHECKS.phrase


def home_when(text: str, kind):
    """'at home when my dad is there': 'home when', someone at home within three words, then HOME_WHEN."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for j in range(len(words) - 1):
        if words[j:j + 2] != ["home", "when"]:
            continue
        who = [k for k in range(j + 2, min(j + 5, len(words))) if words[k] in _PEOPLE]
        for a, b in _find_all(words, _P["HOME_WHEN"]):
            if who and a == who[-1] + 1:
                return _hit(text, words, j, b)
    return None


def gone_wish(text: str, kind):
    """Answering 'what would help?': 'if', someone at home, then GONE, ending the clause or before GONE_AFTER."""
    if kind != WHAT_HELPS:
        return None
    words = _norm(text)
    if _quiet(words, text):
        return None
    for start, _e, cl in _clauses(text):
        for k, w in enumerate(cl):
            if w != "if":
                continue
            who = [j for j in range(k + 1, min(k + 4, len(cl))) if cl[j] in _PEOPLE]
            for a, b in _find_all(cl, _P["GONE"]):
                if who and a == who[-1] + 1 and (b == len(cl) or cl[b] in _S["GONE_AFTER"]):
                    return (*_sub_span(text, start, cl, k, b), "")
    return None


def safer_than_home(text: str, kind):
    """'safer at school than at home': 'safer', then 'than' with home (SAFER_THAN) within two words; or a place is
    good because it is away from home, ending a clause (AWAY_FROM_HOME)."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    for k, w in enumerate(words):
        if w == "safer" and "than" in words[k + 1:]:
            t = words.index("than", k + 1)
            if set(words[t + 1:t + 4]) & _S["SAFER_THAN"]:
                return _hit(text, words, k, min(t + 4, len(words)))
    return _AWAY(text, kind)


def only_food(text: str, kind):
    """'the only place i get a hot meal': ONLY_FOOD then a FOOD word within five words, no favourite food."""
    words = _norm(text)
    if _quiet(words, text, "FOOD_NOT"):
        return None
    for a, b in _find_all(words, _P["ONLY_FOOD"]):
        food = [j for j in range(b - 1, min(b + 5, len(words))) if words[j] in _S["FOOD"]]
        if food:
            return _hit(text, words, a, food[0] + 1)
    return None


def marks_hidden(text: str, kind):
    """A mark (answers.yaml CONCEALED_MARKS names the category) hidden or asked about (MARKS_HIDDEN)."""
    words = _norm(text)
    marks = [w for w in words if w in _MARKS]
    if not marks or _quiet(words, text, "MARKS_NOT"):
        return None
    found = _find_all(words, _P["MARKS_HIDDEN"])
    return _hit(text, words, *found[0], _MARKS[marks[0]]) if found else None


def carer(text: str, kind):
    """A parent who cannot get up (INCAPABLE) and the writer doing the caring (CARING)."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    found, caring = _find_all(words, _P["INCAPABLE"]), _find_all(words, _P["CARING"])
    return _hit(text, words, *found[0]) if found and caring else None


def no_lock(text: str, kind):
    """The writer's room cannot be locked (NO_LOCK) and someone comes in (COMES_IN); no pets or being woken."""
    words = _norm(text)
    if _quiet(words, text, "NO_LOCK_NOT"):
        return None
    found, comes = _find_all(words, _P["NO_LOCK"]), _find_all(words, _P["COMES_IN"])
    return _hit(text, words, found[0][0], comes[0][1]) if found and comes and comes[0][0] > found[0][0] else None


def not_fine(text: str, kind):
    """Saying one is fine (SAY_FINE) and then a clause that is only 'im not' (NOT_ME)."""
    words = _norm(text)
    if _quiet(words, text) or not _find_all(words, _P["SAY_FINE"]):
        return None
    for start, _e, cl in _clauses(text):
        for a, b in _find_all(cl, _P["NOT_ME"]):
            if a == 0 and all(w in _OK_FILLERS for w in cl[b:]):
                return (*_sub_span(text, start, cl, a, b), "")
    return None


def late_messages(text: str, kind):
    """An adult outside the home (ADULT) messages the writer (MESSAGES_ME) at night (NIGHT)."""
    words = _norm(text)
    if _quiet(words, text) or not set(words) & _S["ADULT"] or not set(words) & _S["NIGHT"]:
        return None
    found = _find_all(words, _P["MESSAGES_ME"])
    return _hit(text, words, *found[0]) if found else None


def own_parent(text: str, kind):
    """'your own parent is the one hurting you' (OWN_PARENT, HURTING), or 'mine arent' ending a clause after what
    some parents are or do (MINE_TOO, MINE_TOPIC), no strictness or money (MINE_NOT)."""
    words = _norm(text)
    if _quiet(words, text):
        return None
    found = _find_all(words, _P["OWN_PARENT"])
    if found and set(words) & _S["HURTING"]:
        return _hit(text, words, *found[0])
    if set(words) & _S["MINE_NOT"] or not {"parent", "parents", "families", "dads", "mums"} & set(words):
        return None
    for start, _e, cl in _clauses(text):
        for a, b in _find_all(cl, _P["MINE_TOO"]):
            if a == 0 and b == len(cl) and set(words) & _S["MINE_TOPIC"]:
                return (*_sub_span(text, start, cl, a, b), "")
    return None


_AWAY = _phrase("AWAY_FROM_HOME", end=True)
CHECKS = {
    "home_when_there": home_when,
    "gone_wish": gone_wish,
    "home_escape": _phrase("HOME_ESCAPE", not_key="HOME_ESCAPE_NOT"),
    "safer_than_home": safer_than_home,
    "unheard_at_home": _phrase("UNHEARD", needs="HOUSE"),
    "no_lock": no_lock,
    "only_food": only_food,
    "carer_parent": carer,
    "images_of_me": _phrase("IMAGES_OF_ME", not_key="IMAGES_NOT"),
    "images_seen": _phrase("IMAGES_SEEN", end=True),
    "doubt_around": _phrase("DOUBT_AROUND", not_key="DOUBT_AROUND_NOT"),
    "followed_harm": _phrase("FOLLOWED", needs="FOLLOWED_TOPICS", not_key="FOLLOWED_NOT"),
    "dark_thoughts": _phrase("DARK_THOUGHTS", not_key="DARK_NOT"),
    "die_too": _phrase("DIE_TOO"),
    "made_to_deal": _phrase("CRIME_MADE", needs="CRIME_NEEDS"),
    "did_something": _phrase("DID_SOMETHING", not_key="DID_SOMETHING_NOT"),
    "late_messages": late_messages,
    "lure": _phrase("LURE", needs="LURE_MAN"),
    "unsafe_with": _phrase("UNSAFE_WITH", not_key="UNSAFE_WITH_NOT"),
    "own_parent": own_parent,
    "marks_hidden": marks_hidden,
    "not_fine": not_fine,
    "plea_talk": _phrase("PLEA_TALK", not_key="PLEA_NOT", end=True),
    "control_talk": _phrase("CONTROL_TALK", needs="PEOPLE_SET", not_key="CONTROL_TALK_NOT"),
}
_S["PEOPLE_SET"] = _PEOPLE

_ANY = frozenset()
_W1415 = "fourteenth and fifteenth writers, tuning"

# Fields of :class:`.answers.Signal`: name, category, question kinds, reason, motivating case, positive,
# look-alike, question (the positive and look-alike are screened beside it).
ENTRIES: tuple[tuple, ...] = (
    ("home_when_there", "domestic_abuse", _ANY,
     "home is unsafe while someone is in it: 'home when', someone at home, then HOME_WHEN ('is there', 'gets back')",
     f"'being at home when my dad is there. i stay at my mates as much as i can' ({_W1415}: missed)",
     "my room, but not being home when my stepdad gets back", "home when my dad is at work is boring", _GOOD),
    ("gone_wish", "domestic_abuse", frozenset({WHAT_HELPS}),
     "answering 'what would help?', a wish that someone at home go for good (GONE ending the clause or before "
     "GONE_AFTER), not an errand ('if my dad left work earlier')",
     f"'if my dad left and didnt come back' ({_W1415}: vetoed as a hypothetical)",
     "if my step dad was gone", "if my dad left work earlier to pick me up", _HELPS),
    ("home_escape", "domestic_abuse", _ANY,
     "getting away from the writer's own house as what would make them safe (HOME_ESCAPE), not going out more "
     "(HOME_ESCAPE_NOT)",
     f"'Getting out of my house. I\'d feel safe anywhere that\'s not there' ({_W1415}: missed)",
     "getting out of that house", "getting out of the house more, like going to clubs", _HELPS),
    ("safer_than_home", "domestic_abuse", _ANY,
     "safer somewhere than at home (SAFER_THAN after 'than'), or a place good because it is away from home "
     "ending a clause (AWAY_FROM_HOME)",
     f"'i feel safer at school than at home thats for sure', 'school is good because its away from home' "
     f"({_W1415}: missed)",
     "my nans is the best bit cos its away from home", "i feel safer at home than in town at night", _GOOD),
    ("unheard_at_home", "domestic_abuse", _ANY,
     "no one hears or knows what happens in the writer's house (UNHEARD, HOUSE)",
     f"'its quiet. no one can hear anything that happens in our house' ({_W1415}: missed)",
     "its a big detached house so nobody knows what goes on in our house",
     "its quiet, no one can hear our music even when its loud", _GOOD),
    ("no_lock", "sexual_abuse", _ANY,
     "the writer's room cannot be locked and someone comes in (NO_LOCK, COMES_IN), no pets or being woken "
     "(NO_LOCK_NOT)",
     f"'i like my room but i cant lock it and my stepbrother comes in' ({_W1415}: missed)",
     "i like my room, i cant lock my door tho and my stepdad walks in",
     "my room is mine but i cant lock it and the cat comes in", _GOOD),
    ("only_food", "neglect", _ANY,
     "the only place or time the writer eats (ONLY_FOOD, FOOD within five words), no favourite food (FOOD_NOT)",
     f"'the youth club. its the only place i get a hot meal all week', 'its the only place I get to eat "
     f"breakfast' ({_W1415}: missed)",
     "the youth club is the only place we get a proper meal", "its the only place you can get good chips round here",
     _SCHOOL),
    ("carer_parent", "neglect", _ANY,
     "a parent who cannot get up or is always drunk (INCAPABLE) and the writer doing the caring (CARING)",
     f"'if someone could help my mum, she cant get out of bed and i do everything for my 3 brothers' ({_W1415}: "
     f"dropped by the judge)",
     "someone should help my mum she stays in bed all day and i do everything", "i do everything for my dog, walk "
     "him and feed him", _ELSE),
    ("images_of_me", "sexual_exploitation_grooming", _ANY,
     "pictures or videos of the writer held, posted or seen (IMAGES_OF_ME), not family photos (IMAGES_NOT)",
     f"'people posting the video of me from the party', 'the videos of me', 'if the person who has my pictures "
     f"deleted them' ({_W1415}: missed)",
     "vids of me from that night", "my mum posting baby pictures of me on "
     "facebook", _ONLINE),
    ("images_seen", "sexual_exploitation_grooming", _ANY,
     "'everyone has seen the video' ending a clause: the writer's own (IMAGES_SEEN)",
     f"'school is ok but everyone has seen the video' ({_W1415}: missed)",
     "not great, everyones seen the video", "everyone has seen the video of the fight at the park",
     _SCHOOL),
    ("doubt_around", "self_harm_suicide", _ANY,
     "the writer doubts they will be alive much longer (DOUBT_AROUND), not moving house or school "
     "(DOUBT_AROUND_NOT)",
     f"'nothing would help, i dont think im going to be around much longer anyway' ({_W1415}: missed)",
     "i doubt ill be around by christmas", "i dont think ill be around much longer, were moving "
     "to leeds in the summer", _HELPS),
    ("followed_harm", "self_harm_suicide", _ANY,
     "harmful content followed first hand (FOLLOWED with FOLLOWED_TOPICS), not reported (FOLLOWED_NOT)",
     f"'pro ana pages. ive been following them and im down to eating like one thing a day', 'sites that show you "
     f"how to hurt yourself. ive been using them a lot' ({_W1415}: missed)",
     "thinspo accounts, ive been following them", "pro ana pages, i report them whenever i see them", _ONLINE),
    ("dark_thoughts", "self_harm_suicide", _ANY,
     "thinking about killing oneself or jumping, the writer's own (DARK_THOUGHTS), not swimming, a lesson or a "
     "friend (DARK_NOT)",
     f"'the canal is nice. i sometimes go there and think about jumping in', 'its hard to concentrate when your "
     f"thinking about killing yourself all day' ({_W1415}: vetoed / missed)",
     "hard to revise when your thinking about killing yourself all day",
     "the lido is nice, i always think about jumping in when its hot", _GOOD),
    ("die_too", "self_harm_suicide", _ANY,
     "the writer is one of those who want to die, or plans with them (DIE_TOO)",
     f"'online is where i go to talk to people who want to die too, we talk about how we would do it' ({_W1415}: "
     f"vetoed as a hypothetical)",
     "discord servers for people who wanna die too", "people who want to die need help not hate",
     _ONLINE),
    ("made_to_deal", "criminal_exploitation", _ANY,
     "being made to run drugs or work for older dealers (CRIME_MADE with CRIME_NEEDS)",
     f"'one of the people who made me do drops messages me', 'theres always money if you work for the boys, they "
     f"give you a phone' ({_W1415}: vetoed / missed)",
     "theres always cash if you work for the olders", "theres always money if you work at the chippy",
     _ONLINE),
    ("did_something", "sexual_abuse", _ANY,
     "someone did something to the writer, left unnamed (DID_SOMETHING), not a prank (DID_SOMETHING_NOT)",
     f"'the boys at school did something to me at the party' ({_W1415}: missed)",
     "the lads did something to me after the party", "my mate did something to me as a prank", _ELSE),
    ("late_messages", "sexual_exploitation_grooming", _ANY,
     "an adult outside the home (ADULT) messages the writer (MESSAGES_ME) at night (NIGHT)",
     f"'the person who makes me uncomfortable is a teacher. He messages me on instagram late at night' ({_W1415}: "
     f"missed)",
     "my football coach snapchats me at 2am", "my mum texts me late at night to check where i am", _TELL),
    ("lure", "sexual_exploitation_grooming", _ANY,
     "a man who gives children drink or somewhere to stay (LURE with LURE_MAN)",
     f"'theres a man in a flat on my road that lets kids drink there' ({_W1415}: vetoed as a joke)",
     "theres a man by the shops who lets kids smoke in his flat",
     "theres a man on my road who lets kids play football in his garden", _ELSE),
    ("unsafe_with", "domestic_abuse", _ANY,
     "the writer does not feel safe with a named person of theirs (UNSAFE_WITH), not a relative's driving "
     "(UNSAFE_WITH_NOT)",
     f"'I dont feel safe with my grandad anymore' ({_W1415}: missed)",
     "i dont feel safe around my uncle", "i dont feel safe with my grandad driving, hes 90", _UNSAFE),
    ("own_parent", "physical_abuse", _ANY,
     "the writer's own parent hurting them in the second person (OWN_PARENT, HURTING), or 'mine arent' ending a "
     "clause after what some parents are or do (MINE_TOO, MINE_TOPIC), not strictness (MINE_NOT)",
     f"'not all parents are good. mine arent', 'when your own parent is the one hurting you' ({_W1415}: missed)",
     "not all parents are safe. mine arent", "not all parents are strict. mine arent", _ADULTS),
    ("marks_hidden", "physical_abuse", _ANY,
     "marks on the writer hidden or asked about (MARKS_HIDDEN; answers.yaml CONCEALED_MARKS names the category), "
     "not make-up or fruit (MARKS_NOT)",
     f"'if the bruises didnt have to be hidden', 'the teachers keep asking why i have bruises' ({_W1415}: vetoed "
     f"/ missed)",
     "my head of year keeps asking why i have marks on my arms",
     "teachers keep asking why i have my phone out", _SCHOOL),
    ("not_fine", "plea_for_help", _ANY,
     "saying one is fine (SAY_FINE), then a clause that is only 'im not' (NOT_ME)",
     f"'that when we say were fine were not. im not' ({_W1415}: missed)",
     "we pretend to be fine all the time. and im not", "when we say were fine we mean it. im not lying",
     _ADULTS),
    ("plea_talk", "plea_for_help", _ANY,
     "a request that someone talk to the writer, or that they cannot say it, ending a clause (PLEA_TALK), no "
     "schoolwork (PLEA_NOT)",
     f"'can someone from school talk to me, i cant say it out loud' ({_W1415}: vetoed as a negation)",
     "can someone from school talk to me", "can someone from school talk to us about careers", _ELSE),
    ("control_talk", "domestic_abuse", _ANY,
     "someone at home angry if the writer talks to someone, or watching their phone (CONTROL_TALK, answers.yaml "
     "HOME_PEOPLE), not rudeness or screen time (CONTROL_TALK_NOT)",
     f"'my stepdad ... put something on my phone. he gets mad if i talk to my real dad' ({_W1415}: missed)",
     "my stepdad gets mad if i text my real dad", "my mum gets mad if i talk back to her", _ONLINE),
)
