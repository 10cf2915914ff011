"""Answer signals: what an answer means beside its question, and coded phrases the topic rules miss.

The topic rules need a harm word ("hits", "cut", "forced to marry").  Young people often write
none: beside "What makes you feel unsafe?" the answer "home. dad" names the harm; "ive already
planned how im going to do it" is a plan with no method word; "long sleeves so no one sees the
bruises" hides marks; "my sister went and came back married" is a forced marriage told as a
holiday.  Each :class:`Signal` below is one such *class* of answer, with its category, the
question kinds it needs (none: any question), its reason and motivating case, a ``positive`` it
flags and a ``lookalike`` it leaves alone (``tests/analysis/screening/test_answers.py`` runs both
for every entry, as ``test_vetoes.py`` does for the vetoes).  Word lists: ``data/answers.yaml``.

A signal is looked at only when no rule or learned hit stood (it adds recall, it never removes a
flag), it names its words as evidence, and it is not judged by the net: the classes are narrow,
and the net, trained on topic words, scores most of them as ordinary.  Measured on every writer's
development sets: ``python benchmarks/screening_dev.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from . import coded, hints, indirect, plain, revealed, stated
from .wordlists import word_lists

_W = word_lists("answers")
FEELS_UNSAFE = "feels_unsafe"
WHAT_HELPS = "what_helps"
WORRY = "worry"  # recognised from the wording only (not a kind a survey declares): the named_worry veto reads it
KIND_QUESTIONS = {FEELS_UNSAFE: _W["FEELS_UNSAFE_QUESTIONS"], WHAT_HELPS: _W["WHAT_HELPS_QUESTIONS"],
                  WORRY: _W["WORRY_QUESTIONS"]}

_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_CLAUSE = re.compile(r"[.,!?;:\n]+|\s-\s")


@dataclass(frozen=True)
class Signal:
    name: str
    category: str
    kinds: frozenset[str]          # question kinds it needs; empty = any question
    reason: str
    motivated_by: str
    positive: str
    lookalike: str
    question: str = ""


def _words(text: str) -> list[str]:
    return [w.replace("\u2019", "").replace("'", "") for w in _WORD.findall((text or "").lower())]


def _clauses(text: str) -> list[tuple[int, int, list[str]]]:
    """``(start, end, words)`` of each clause (split at punctuation), offsets of its stripped text."""
    out, pos = [], 0
    for part in _CLAUSE.split(text or ""):
        start = (text or "").find(part, pos)
        pos = start + len(part)
        words = _words(part)
        if words:
            lead = len(part) - len(part.lstrip())
            out.append((start + lead, start + len(part.rstrip()), words))
    return out


def _phrases(key: str) -> list[tuple[str, ...]]:
    return [tuple(_words(p)) for p in _W[key]]


def _find(words: list[str], phrases) -> tuple[int, int] | None:
    for ph in phrases:
        k = len(ph)
        for j in range(len(words) - k + 1):
            if tuple(words[j:j + k]) == ph:
                return j, j + k
    return None


def _span(text: str, words: list[str], a: int, b: int) -> tuple[int, int]:
    """Character span in ``text`` of the words ``words[a:b]`` (words found again in order)."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text.lower())]
    if len(spans) != len(words) or not spans:
        return 0, len(text.strip())
    return spans[a][0], spans[b - 1][1]


_HOME_PLACES, _HOME_PEOPLE = _W["HOME_PLACES"], _W["HOME_PEOPLE"]
_HOME_WORDS, _HOME_NOT, _NEGATORS = _W["HOME_WORDS"], _W["HOME_NOT"], _W["NEGATORS"]
_SELF, _SELF_FILLERS = _W["SELF_WORDS"], _W["SELF_FILLERS"]
_WISHED_AWAY = _phrases("WISHED_AWAY")
_PLAN, _OPENERS = _phrases("SELF_HARM_PLAN"), _phrases("SELF_HARM_OPENERS")
_SLANG, _TAKEN_BACK = _phrases("SELF_HARM_SLANG"), _phrases("JOKE_TAKEN_BACK")
_LAUGHTER = _W["LAUGHTER"]
_CONCEAL, _MARKS = _phrases("CONCEALMENT"), _W["CONCEALED_MARKS"]
_MARRIED, _EXTREMISM, _ELSEWHERE = _phrases("MARRIED_OFF"), _phrases("EXTREMISM"), _phrases("SAFE_ELSEWHERE")
_CODED = {k: _phrases(k) for k in ("CODED_SEXUAL", "CODED_CRIMINAL", "CODED_NEGLECT", "CODED_SUICIDE", "SECRET_CONTACT",
                                   "CODED_BULLYING", "CODED_IMAGES", "CODED_MISSING")}
_PARTNER, _PARTNER_OWN, _RELATIVES = _W["PARTNER_WORDS"], _W["PARTNER_OWN"], _W["RELATIVES"]
_AGE = re.compile(r"\b(?:hes|he's|he\u2019s|he is|shes|she's|she\u2019s|she is)\s+"
                  r"(?:like\s+|about\s+|nearly\s+|over\s+)?(1[89]|[2-7][0-9])\b")


def _bare_home(text: str) -> tuple[int, int, str] | None:
    """A clause made only of home, close people and filler words, naming one of them: "home. dad"; "alone with"
    a person is not being alone (HOME_NOT)."""
    words = _words(text)
    alone = {k for k, w in enumerate(words) if w == "alone" and words[k + 1:k + 2] == ["with"]}  # "alone with him"
    if {w for k, w in enumerate(words) if k not in alone} & _HOME_NOT or any(
            m in text for m in _LAUGHTER if not m.isalpha()):
        return None
    for start, end, cl in _clauses(text):
        if all(w in _HOME_PLACES or w in _HOME_PEOPLE or w in _HOME_WORDS for w in cl) and (
                set(cl) & (_HOME_PLACES | _HOME_PEOPLE)) and not set(cl) & _NEGATORS:
            return start, end, ""
    return None


def _bare_self(text: str) -> tuple[int, int, str] | None:
    """A clause made only of the writer ("myself tbh", "just me i guess", "my own head")."""
    for start, end, cl in _clauses(text):
        if all(w in _SELF or w in _SELF_FILLERS for w in cl) and set(cl) & _SELF and not set(cl) & _NEGATORS:
            return start, end, ""
    return None


def _phrase_in(phrases, check=None) -> Callable[[str], tuple[int, int, str] | None]:
    def found(text: str):
        words = _words(text)
        at = _find(words, phrases)
        if at is None or (check is not None and not check(words, *at)):
            return None
        return (*_span(text, words, *at), "")
    return found


def _wished_away(words, a, b) -> bool:
    """"if my mums boyfriend went to prison": 'if' and a close person in the few words before."""
    before = words[max(0, a - 5):a]
    return "if" in before and bool(set(before) & _HOME_PEOPLE)


def _opens(words, a, b) -> bool:
    return a <= 1  # "im going to do it ...", "ok im going to do it"


def _slang(text: str) -> tuple[int, int, str] | None:
    words = _words(text)
    at = _find(words, _SLANG)
    if at is None:
        return None
    laughing = set(words) & _LAUGHTER or any(m in text for m in _LAUGHTER if not m.isalpha())
    if laughing and _find(words[at[1]:], _TAKEN_BACK) is None:
        return None
    return (*_span(text, words, *at), "")


def _concealed(text: str) -> tuple[int, int, str] | None:
    for start, end, cl in _clauses(text):
        at = _find(cl, _CONCEAL)
        if at is None:
            continue
        marks = [w for w in cl[at[0]:] if w in _MARKS]
        if marks:
            words = _words(text)
            hit = _find(words, [tuple(cl[at[0]:])])
            span = _span(text, words, *hit) if hit else (start, end)
            return (*span, _MARKS[marks[0]])
    return None


def _older_partner(text: str) -> tuple[int, int, str] | None:
    """"my boyfriend, hes 26": the writer's own partner ("my" / "a" before it) is an adult (18 or over)."""
    low = (text or "").lower()
    for m in _AGE.finditer(low):
        before = _words(low[max(0, m.start() - 40):m.start()])[-4:]
        she = m.group(0).startswith("s")
        for k in range(len(before) - 1, 0, -1):
            w = before[k]
            if w in _PARTNER and before[k - 1] in _PARTNER_OWN and (w in ("girlfriend", "gf")) == she:
                return m.start(), m.end(), ""
    return None


def _secret_contact(text: str) -> tuple[int, int, str] | None:
    """SECRET_CONTACT, unless a parent or relative gave the phone ("my dad got me a phone for my birthday")."""
    words = _words(text)
    at = _find(words, _CODED["SECRET_CONTACT"])
    if at is None or set(words[max(0, at[0] - 3):at[0]]) & (_HOME_PEOPLE | _RELATIVES):
        return None
    return (*_span(text, words, *at), "")


def _any(phrases) -> Callable[[str], tuple[int, int, str] | None]:
    return _phrase_in(phrases)


SIGNALS: tuple[Signal, ...] = (
    Signal("unsafe_at_home", "domestic_abuse", frozenset({FEELS_UNSAFE}),
           "answering 'what makes you feel unsafe?', an answer (or a clause of it) made only of home, close "
           "people and filler words names the home or the person as the danger (answers.yaml HOME_*)",
           "'home. dad', 'being at home tbh', 'bedtime cos of him', 'sleepovers at my aunties cos of her "
           "husband' (third writer's youth disclosures, missed)",
           "being at home tbh", "being home alone in a storm", question="What makes you feel unsafe?"),
    Signal("unsafe_self", "self_harm_suicide", frozenset({FEELS_UNSAFE}),
           "answering 'what makes you feel unsafe?', the writer names themself or their own mind "
           "(answers.yaml SELF_*); 'by myself', 'on my own' (being alone) are not it",
           "'myself tbh', 'me. i dont trust myself' (third writer), 'just me i guess' (second writer)",
           "myself tbh", "being by myself on the bus", question="What makes you feel unsafe?"),
    Signal("wished_away", "domestic_abuse", frozenset({WHAT_HELPS}),
           "answering 'what would help?', the writer wishes someone close were in prison, gone or left "
           "(answers.yaml WISHED_AWAY)",
           "'if my mums boyfriend went to prison', 'if my mum left him but she wont' (third writer, missed)",
           "if my mums boyfriend went to prison", "if the drug dealers went to prison",
           question="What would help you feel safer?"),
    Signal("self_harm_plan", "self_harm_suicide", frozenset(),
           "a plan, relapse or hidden self-harm told without a method word (answers.yaml SELF_HARM_PLAN)",
           "'ive already planned how im going to do it', 'sh again last night. 3 weeks clean ruined lol' "
           "(third writer, missed)",
           "idk nothing will help, ive already planned how im going to do it",
           "ive already planned how im going to do my revision"),
    Signal("self_harm_opener", "self_harm_suicide", frozenset(),
           "an answer that opens 'im going to do it' with no earlier thing 'it' could be (SELF_HARM_OPENERS)",
           "'im going to do it this weekend' (third writer, missed)",
           "im going to do it this weekend", "my science project, im going to do it this weekend"),
    Signal("self_harm_slang", "self_harm_suicide", frozenset(),
           "slang for killing oneself without laughter, or with the joke taken back (SELF_HARM_SLANG)",
           "'kms lol jk. kind of' (third writer, missed)",
           "kms lol jk. kind of", "maths homework makes me wanna kms lol"),
    Signal("concealment", "physical_abuse", frozenset(),
           "the writer hides bruises, marks, cuts or scars so nobody sees them (CONCEALMENT, CONCEALED_MARKS; "
           "the mark names the category)",
           "'i have to wear long sleeves in pe so no one sees the bruises' (third writer, missed)",
           "i have to wear long sleeves in pe so no one sees the bruises",
           "i cover my arms cos im insecure about them"),
    Signal("married_off", "forced_marriage_fgm_honour", frozenset(),
           "a marriage arranged for a child, told as a holiday or a wedding talked about (MARRIED_OFF)",
           "'my older sister went and came back married', 'so they cant marry me off' (third writer, missed)",
           "the holiday were going on. my older sister went and came back married",
           "my older sister went to pakistan and came back with loads of presents"),
    Signal("extremism", "radicalisation", frozenset(),
           "radicalisation of the writer or someone close (EXTREMISM; reported as criminal exploitation until the "
           "radicalisation category, screen9 round)",
           "'my brother has been watching videos about jihad and keeps saying he wants to go abroad to fight' "
           "(third writer, missed)",
           "my brother has been watching videos about jihad",
           "my brother has been watching videos about football tactics"),
    Signal("coded_sexual", "sexual_abuse", frozenset(),
           "sexual abuse or assault in young people's own words: passed around, spiked, an adult asking about or "
           "commenting on the writer's body (CODED_SEXUAL)",
           "'i got passed around at a party', 'the PE teacher makes comments about my body' (third writer, missed)",
           "i got passed around at a party. i dont want to talk about it",
           "i got passed the ball loads at the party game"),
    Signal("coded_criminal", "criminal_exploitation", frozenset(),
           "criminal exploitation in its own slang: a work or second phone, 'in too deep', a debt (CODED_CRIMINAL)",
           "'my phone ringing. the work phone. i cant turn it off or theyll come for me' (third writer, missed)",
           "getting moved away from this area, im in too deep",
           "my mum works from home and her work phone rings all the time"),
    Signal("coded_neglect", "neglect", frozenset(),
           "food at school the only food, nothing at home, nobody ever home (CODED_NEGLECT)",
           "'breakfast club is the only time i eat until dinner' (third writer, missed)",
           "its alright, breakfast club is the only time i eat until dinner",
           "breakfast club is the best time of the day"),
    Signal("coded_suicide", "self_harm_suicide", frozenset(),
           "not expecting to be alive for something ahead (CODED_SUICIDE)",
           "'im more worried ill still be alive for them tbh' (second writer, missed)",
           "everyones worried about exams. im more worried ill still be alive for them tbh",
           "im worried ill still be revising at midnight"),
    Signal("secret_contact", "sexual_exploitation_grooming", frozenset(),
           "an adult or online contact hides the contact from the parents or lies about their age (SECRET_CONTACT)",
           "'a guy from online gave me a phone so my mum doesnt know we talk' (third writer, missed)",
           "a guy from online gave me a phone so my mum doesnt know we talk",
           "my nan gave me her old phone when she got a new one"),
    Signal("older_partner", "sexual_exploitation_grooming", frozenset(),
           "the writer's own boyfriend, girlfriend or 'sugar daddy' ('my' / 'a' before it, PARTNER_OWN) is 18 or "
           "over (PARTNER_WORDS)",
           "'my mum, or my boyfriend, hes 26 so he knows about stuff like this' (third writer, missed)",
           "my mum, or my boyfriend, hes 26 so he knows about stuff like this",
           "my sisters boyfriend, hes 20 and really funny"),
    Signal("coded_bullying", "bullying", frozenset(),
           "what they do to the writer (cornered, called a snitch), or 'the people who bully me' inside a wish "
           "(CODED_BULLYING)",
           "'lunch time. they corner me behind the sports hall', 'if the people who bully me got kicked out' "
           "(third writer, missed)",
           "if the people who bully me got kicked out", "if someone bullied me id tell my head of year"),
    Signal("coded_images", "sexual_exploitation_grooming", frozenset(),
           "the writer's own pictures shared or kept by others (CODED_IMAGES)",
           "'the group chat that rates girls in our year has my pics in it' (third writer, missed)",
           "the group chat that rates girls in our year has my pics in it that i only ever sent to one person",
           "the group chat for our year has the pics from the school trip in it"),
    Signal("coded_missing", "missing_homeless", frozenset(),
           "going missing told in the first person as something that happens (CODED_MISSING)",
           "'i go to london when i go missing, i know people there' (third writer, missed)",
           "i go to london when i go missing, i know people there",
           "our cat goes missing for days and always comes back"),
    Signal("safe_elsewhere", "physical_abuse", frozenset(),
           "a place is safe only because nobody hits or screams at the writer there (SAFE_ELSEWHERE): the "
           "negation is a contrast with home, not a denial",
           "'school is better than home, at least nobody hits me there' (third writer, missed)",
           "school is better than home, at least nobody hits me there",
           "school is fine, nobody hits anyone there"),
) + tuple(Signal(name, category, kinds, reason, case, positive, lookalike)
          for name, category, kinds, reason, case, positive, lookalike in coded.ENTRIES) + tuple(
    Signal(*entry) for entry in plain.ENTRIES + hints.ENTRIES + indirect.ENTRIES + stated.ENTRIES
                                   + revealed.ENTRIES)

_CHECKS: dict[str, Callable[[str], tuple[int, int, str] | None]] = {
    "unsafe_at_home": _bare_home,
    "unsafe_self": _bare_self,
    "wished_away": _phrase_in(_WISHED_AWAY, _wished_away),
    "self_harm_plan": _any(_PLAN),
    "self_harm_opener": _phrase_in(_OPENERS, _opens),
    "self_harm_slang": _slang,
    "concealment": _concealed,
    "married_off": _any(_MARRIED),
    "extremism": _any(_EXTREMISM),
    "safe_elsewhere": _any(_ELSEWHERE),
    "coded_sexual": _any(_CODED["CODED_SEXUAL"]),
    "coded_criminal": _any(_CODED["CODED_CRIMINAL"]),
    "coded_neglect": _any(_CODED["CODED_NEGLECT"]),
    "coded_suicide": _any(_CODED["CODED_SUICIDE"]),
    "secret_contact": _secret_contact,
    "older_partner": _older_partner,
    "coded_bullying": _any(_CODED["CODED_BULLYING"]),
    "coded_images": _any(_CODED["CODED_IMAGES"]),
    "coded_missing": _any(_CODED["CODED_MISSING"]),
    **coded.CHECKS,  # the first-hand signals (coded.py, data/coded.yaml)
}
# given the question's kind too: check(text, kind)
_KIND_CHECKS = {**plain.CHECKS, **hints.CHECKS, **indirect.CHECKS, **stated.CHECKS, **revealed.CHECKS}
NAMES: tuple[str, ...] = tuple(s.name for s in SIGNALS)
_TWICE = sorted({name for name in NAMES if NAMES.count(name) > 1})
if _TWICE:  # one module's signal would silently replace another's check (screen11 nearly shipped one)
    raise ValueError(f"answer signals defined twice: {_TWICE}")


def answer_kind(question: str | None) -> str | None:
    """``feels_unsafe``, ``what_helps`` or ``worry`` when the question's English wording is one of those kinds."""
    if not question:
        return None
    text = " " + " ".join(_words(question)) + " "
    for kind, wordings in KIND_QUESTIONS.items():
        if any(f" {' '.join(_words(w))} " in text for w in wordings):
            return kind
    return None


def answer_signals(text: str, kind: str | None, wanted, ablated=frozenset()) -> list[tuple[str, str, int, int]]:
    """``(signal name, category, start, end)`` of the first signal that reads ``text`` as a disclosure."""
    for s in SIGNALS:
        if s.name in ablated or (s.kinds and kind not in s.kinds):
            continue
        check = _CHECKS.get(s.name)
        found = check(text) if check is not None else _KIND_CHECKS[s.name](text, kind)
        if found is None:
            continue
        a, b, category = found
        category = category or s.category
        if category in wanted:
            return [(s.name, category, a, b)]
    return []
