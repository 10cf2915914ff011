"""Indirect answer signals: why the writer cannot tell, a harm they are tired of, a refuge, 'i do it too'.

The third part of the plain-words signals (after :mod:`.plain` and :mod:`.hints`; same conventions: a check is
given the answer and the question's kind, word lists with their reason and case in ``data/indirect.yaml``, each
entry with a positive and a look-alike in the registry's meta-test ``test_answers.py``).  Families found on the
twelfth and thirteenth blind writers' misses (``benchmarks/data/fresh12_*``, ``fresh13_*``: tuning sets since
this round), written as the kind of phrasing a new writer would also use:

* answering "who would you tell?", a refusal or a "but" and then the reason telling is dangerous ("nobody, my mum
  would take his side", "my nan but my dad wont let me call her");
* being tired or sick of a harm ("im tired of being hit");
* going or hiding somewhere when someone at home gets angry or drunk ("where i go when dad kicks off");
* a harm topic made the writer's own afterwards ("self harm vids. i do it too", "... actually it was me");
* not eating told by what it does ("i get so dizzy because i dont eat"), marks that keep the writer out of PE;
* a wish that someone stop hurting the writer, a belt at home, a mind made up ("nothing will help, ive already
  decided");
* the first-hand pull of an extremist ("a man online keeps sending me videos saying we need to fight them"), under
  the radicalisation category; not the news, a lesson or a film.

Like every signal they are looked at only when no rule or learned hit stood, and no veto reads them: each guards
itself against its look-alikes (laughter, schoolwork, siblings at play, martial arts ...).
"""

from __future__ import annotations

from .coded import _clauses, _find_all, _hit, _index, _norm, _sub_span
from .plain import _HE, _HOME_PEOPLE, _laughing
from .wordlists import word_lists
from .youth_questions import ELSE as _ELSE
from .youth_questions import ONLINE as _ONLINE
from .youth_questions import TELL as _TELL
from .youth_questions import UNSAFE as _UNSAFE

_W = word_lists("indirect")
_PLAIN = word_lists("plain")
TRUSTED, WHAT_HELPS = "trusted_person", "what_helps"


def _set(key: str, lists=_W) -> frozenset[str]:
    return frozenset(w for p in lists[key] for w in _norm(p))


def _map(key: str, lists=_W) -> dict[tuple[str, ...], str]:
    return {tuple(_norm(k)): v for k, v in lists[key].items()}


_P = {k: _index([tuple(_norm(p)) for p in _W[k]]) for k in (
    "TIRED_OF", "REFUGE_WHEN", "DOING_IT_TOO", "NOT_EATING", "PE_MARKS", "BELT", "MIND_MADE_UP", "RADICAL_PULL")}
_BARRIERS, _STOP = _map("TELL_BARRIERS"), _map("STOP_HURTING_ME")
_BARRIER_P, _STOP_P = _index(list(_BARRIERS)), _index(list(_STOP))
_OVERREACT = _index([tuple(_norm(p)) for p in _W["TELL_BARRIER_OVERREACT"]])
_BARRIER_NOT, _HARM = _set("TELL_BARRIER_NOT"), {"".join(_norm(k)): v for k, v in _W["HARM_SUFFERED"].items()}
_REFUGE, _REFUGE_NOT = _set("REFUGE_VERBS"), _set("REFUGE_NOT")
_TOPICS = {**{"".join(_norm(k)): v for k, v in _PLAIN["TAG_TOPICS"].items()},
           **{"".join(_norm(k)): v for k, v in _W["DOING_TOPICS"].items()}}
_TAG_NOT = _set("TAG_NOT", _PLAIN)
_EFFECTS, _STOP_NOT, _BELT_NOT = _set("HUNGER_EFFECTS"), _set("STOP_HURTING_NOT"), _set("BELT_NOT")
_OK_FILLERS = _set("NOT_OK_FILLERS", _PLAIN)
_MARKS = {"".join(_norm(k)): v for k, v in word_lists("answers")["CONCEALED_MARKS"].items()}
_RADICAL_NOT, _RADICAL_WRITER = _set("RADICAL_NOT"), _set("RADICAL_WRITER")
_REFUSALS = frozenset({"nobody", "noone", "none", "no", "not", "nope", "never", "nah"})
_BUT = frozenset({"but", "except", "although", "though", "tho", "only"})


def tell_barrier(text: str, kind):
    """Answering 'who would you tell?': a refusal in the first clause, or 'but' before it, then a reason telling is
    dangerous (TELL_BARRIERS names the category), no teenage secret, schoolwork or joke (TELL_BARRIER_NOT), no parent
    going up to the school (TELL_BARRIER_OVERREACT)."""
    if kind != TRUSTED:
        return None
    words, clauses = _norm(text), _clauses(text)
    if not clauses or _laughing(text, words) or _find_all(words, _OVERREACT):
        return None
    refused = bool(set(clauses[0][2]) & _REFUSALS)
    for a, b in _find_all(words, _BARRIER_P):
        # a TELL_BARRIER_NOT word inside the barrier's own words does not cancel it ("wont let me phone her")
        if set(words[:a] + words[b:]) & _BARRIER_NOT:
            return None
        if refused or set(words[:a]) & _BUT:
            return _hit(text, words, a, b, _BARRIERS[tuple(words[a:b])])
    return None


def tired_of_harm(text: str, kind):
    """'im tired of being hit': TIRED_OF and a HARM_SUFFERED word right after it (category from the word)."""
    words = _norm(text)
    if _laughing(text, words):
        return None
    for a, b in _find_all(words, _P["TIRED_OF"]):
        if b < len(words) and words[b] in _HARM:
            return _hit(text, words, a, b + 1, _HARM[words[b]])
    return None


def refuge(text: str, kind):
    """A refuge verb, then 'when', someone at home (HOME_PEOPLE, 'he') within two words and REFUGE_WHEN: 'where i
    go when dad kicks off'; no everyday row or sport (REFUGE_NOT)."""
    words = _norm(text)
    if set(words) & _REFUGE_NOT or _laughing(text, words):
        return None
    for start, _end, cl in _clauses(text):
        for k, w in enumerate(cl):
            if w != "when" or not set(cl[:k]) & _REFUGE:
                continue
            who = [j for j in range(k + 1, min(k + 4, len(cl))) if cl[j] in _HOME_PEOPLE or cl[j] in _HE]
            for a, b in _find_all(cl, _P["REFUGE_WHEN"]):
                if who and who[0] < a <= who[0] + 2:
                    return (*_sub_span(text, start, cl, k, b), "domestic_abuse")
    return None


def doing_it_too(text: str, kind):
    """A harm topic (plain.yaml TAG_TOPICS, DOING_TOPICS), then the writer's own 'i do it too', 'it was me'
    (DOING_IT_TOO); not beside likes or 'fine now' (plain.yaml TAG_NOT), not laughing."""
    words = _norm(text)
    if set(words) & _TAG_NOT or _laughing(text, words):
        return None
    for a, b in _find_all(words, _P["DOING_IT_TOO"]):
        topic = next((_TOPICS[w] for w in words[:a] if w in _TOPICS), None)
        if topic:
            return _hit(text, words, a, b, topic)
    return None


def not_eating(text: str, kind):
    """Not eating (NOT_EATING) with a bodily effect of it in the answer (HUNGER_EFFECTS)."""
    words = _norm(text)
    found = _find_all(words, _P["NOT_EATING"])
    if found and set(words) & _EFFECTS and not _laughing(text, words):
        return _hit(text, words, *found[0])
    return None


def pe_marks(text: str, kind):
    """The writer cannot change for PE (PE_MARKS) and marks are named (answers.yaml CONCEALED_MARKS names the
    category)."""
    words = _norm(text)
    marks = [w for w in words if w in _MARKS]
    found = _find_all(words, _P["PE_MARKS"])
    if found and marks and not _laughing(text, words):
        return _hit(text, words, *found[0], _MARKS[marks[0]])
    return None


def stop_hurting(text: str, kind):
    """A wish that someone stop hurting the writer (STOP_HURTING_ME names the category), no siblings at play,
    sport or joke (STOP_HURTING_NOT)."""
    words = _norm(text)
    if set(words) & _STOP_NOT or _laughing(text, words):
        return None
    found = _find_all(words, _STOP_P)
    return _hit(text, words, *found[0], _STOP[tuple(words[found[0][0]:found[0][1]])]) if found else None


def belt(text: str, kind):
    """A belt held or used (BELT) with someone at home in the answer (HOME_PEOPLE); not martial arts or clothes."""
    words = _norm(text)
    if not set(words) & _HOME_PEOPLE or set(words) & _BELT_NOT:
        return None
    found = _find_all(words, _P["BELT"])
    return _hit(text, words, *found[0]) if found else None


def mind_made_up(text: str, kind):
    """'ive already decided' ending a clause (MIND_MADE_UP, plain.yaml NOT_OK_FILLERS after it at most)."""
    if _laughing(text, _norm(text)):
        return None
    for start, _end, cl in _clauses(text):
        for a, b in _find_all(cl, _P["MIND_MADE_UP"]):
            if all(w in _OK_FILLERS for w in cl[b:]):
                return (*_sub_span(text, start, cl, a, b), "")
    return None


def radical_pull(text: str, kind):
    """Someone draws the writer to an extremist cause (RADICAL_PULL) with the writer in the answer
    (RADICAL_WRITER); not the news, a lesson, a film or a game (RADICAL_NOT)."""
    words = _norm(text)
    if not set(words) & _RADICAL_WRITER or set(words) & _RADICAL_NOT or _laughing(text, words):
        return None
    found = _find_all(words, _P["RADICAL_PULL"])
    return _hit(text, words, *found[0]) if found else None


CHECKS = {
    "tell_barrier": tell_barrier,
    "tired_of_harm": tired_of_harm,
    "refuge": refuge,
    "doing_it_too": doing_it_too,
    "not_eating": not_eating,
    "pe_marks": pe_marks,
    "stop_hurting": stop_hurting,
    "belt": belt,
    "mind_made_up": mind_made_up,
    "radical_pull": radical_pull,
}

_ANY = frozenset()
_W1213 = "twelfth and thirteenth writers, tuning"
# Fields of :class:`.answers.Signal`: name, category, question kinds, reason, motivating case, positive,
# look-alike, question (the positive and look-alike are screened beside it).
ENTRIES: tuple[tuple, ...] = (
    ("tell_barrier", "plea_for_help", frozenset({TRUSTED}),
     "answering 'who would you tell?', a refusal or a 'but' and then why telling is dangerous (TELL_BARRIERS: "
     "a parent on his side, not believed, blame, stopped from calling someone), no teenage secret or joke "
     "(TELL_BARRIER_NOT)",
     f"'probably nobody. my mum would side with him. she always does', 'nobody. mum wouldnt believe me', 'my nan "
     f"but she lives far away and my dad wont let me call her' ({_W1213}: missed)",
     "no one, my dad would take his side", "my mum, she always takes my side", _TELL),
    ("tired_of_harm", "physical_abuse", _ANY,
     "the writer is tired or sick of a harm done to them (TIRED_OF, HARM_SUFFERED names the category)",
     f"'im tired of being hit' ({_W1213}: missed)",
     "honestly im sick of being hit", "im tired of being told to revise", _ELSE),
    ("refuge", "domestic_abuse", _ANY,
     "the writer goes or hides somewhere when someone at home gets angry or drunk (REFUGE_VERBS, 'when', "
     "HOME_PEOPLE, REFUGE_WHEN), not an everyday row or sport (REFUGE_NOT)",
     f"'its near my nans which is where i go when dad kicks off' ({_W1213}: dropped by the judge)",
     "its near my nans which is where i go when dad kicks off", "i go round my nans when my dad is at work",
     "What is good about where you live?"),
    ("doing_it_too", "self_harm_suicide", _ANY,
     "a harm topic and then the writer's own 'i do it too', 'i copy it', 'it was me' (DOING_IT_TOO; the topic "
     "names the category: TAG_TOPICS, DOING_TOPICS), not beside likes or 'fine now' (TAG_NOT)",
     f"'self harm vids. i do it too', 'i watch self harm videos and then i do it', 'my mate got sextorted... "
     f"actually it was me' ({_W1213}: vetoed as topic talk / missed)",
     "people posting about self harm. i copy them", "people posting about self harm. i report them", _ONLINE),
    ("not_eating", "neglect", _ANY,
     "the writer does not eat, told by what it does to them (NOT_EATING, HUNGER_EFFECTS)",
     f"'PE is the worst, i get so dizzy because i dont eat' ({_W1213}: missed)",
     "PE is the worst, i get so dizzy because i dont eat", "i dont eat school dinners cos theyre gross",
     "What do you think about school, and how safe do you feel there?"),
    ("pe_marks", "physical_abuse", _ANY,
     "the writer cannot change for PE with marks on them named (PE_MARKS; answers.yaml CONCEALED_MARKS names the "
     "category)",
     f"'i cant change for pe, bruises' ({_W1213}: missed)",
     "i wont get changed for pe because of the marks", "i hate changing for pe, the changing rooms are gross",
     "What do you think about school, and how safe do you feel there?"),
    ("stop_hurting", "physical_abuse", _ANY,
     "a wish that someone stop hurting the writer (STOP_HURTING_ME names the category), not siblings at play, "
     "sport or a joke (STOP_HURTING_NOT)",
     f"'if someone made the boys stop hitting me, teachers know and do nothing' ({_W1213}: dropped by the judge)",
     "if someone made the boys stop hitting me, teachers know and do nothing",
     "for my sister to stop hitting me with pillows when we play",
     "What would help you feel safer?"),
    ("belt", "physical_abuse", _ANY,
     "a belt held or used with someone at home in the answer (BELT, answers.yaml HOME_PEOPLE), not martial arts "
     "or clothes (BELT_NOT)",
     f"'dad has a belt' ({_W1213}: missed)",
     "my stepdad and his belt", "my dad has a black belt in karate", _UNSAFE),
    ("mind_made_up", "self_harm_suicide", _ANY,
     "the writer's mind is made up, ending a clause, nothing named to be decided (MIND_MADE_UP, NOT_OK_FILLERS)",
     f"'nothing will help, ive already decided' ({_W1213}: missed)",
     "its too late, my minds made up", "ive already decided what college im going to",
     "What would help you feel safer?"),
    ("radical_pull", "radicalisation", _ANY,
     "someone draws the writer to an extremist cause (RADICAL_PULL) with the writer in the answer "
     "(RADICAL_WRITER), not the news, a lesson, a film or a game (RADICAL_NOT)",
     "the issue's own example of first-hand radicalisation ('a man online keeps sending me videos saying we need "
     "to fight them and wants to meet'), not from a writer's set",
     "i think theyre right that we have to fight them, i want to join the cause",
     "i saw on the news that extremists keep saying we need to fight them, its scary", _ONLINE),
)
