"""Everyday youth talk that shares a disclosure's words: nine frames of the veto registry.

* ``provision_complaint`` (missing / homeless): "the youth club shut so theres nowhere to go",
  "not having anywhere to go that doesnt cost money": nowhere for young people to go, with nobody
  of the writer's, no home and no writer in the sentence.
* ``cut_object`` (self-harm): "stop cutting funding", "i cut my hair": what is cut is money,
  services or hair (right after the cut word), and nothing of the writer's body in the sentence.
* ``unsafe_denied`` (any category): "nothing makes me feel unsafe at home", "I don't feel unsafe in my
  house": a denial at most four words before "unsafe", and no contrast ("except when ...") after the denial
  (for a hit before the denial, none in the sentence).
* ``hearsay_group`` (bullying, sexual abuse, grooming, criminal exploitation): "it happens to loads of
  girls in my year", "boys at school carrying knives apparently": what happens to others or what is
  said, with no writer or family harmed anywhere in the answer.
* ``nothing_to_add`` (any category): "i dont have anything else to say": the whole answer is made of
  NOTHING_TO_ADD words.
* ``no_person`` (self-harm, learned hits only): "people being sent stuff they dont want to see": no
  writer and nobody named anywhere in the answer.
* ``named_worry`` (any category): answering "What is the biggest worry ...?", a short answer with nobody
  in it ("getting bullied", "knife crime") names a worry, not a harm done to anyone (screen5 session).
* ``not_to_me`` (any category): "adults dont get how bad cyberbullying is even though it hasnt happened to
  me": the writer says it has not happened to them, and no contrast follows (screen5 session).
* ``leisure_jump`` (self-harm): "people jump off the bridge into the river in summer": a river,
  a dare, summer, and nobody wanting or planning it.

Found by 2-fold cross-validation on the youth training answers (``benchmarks/screening_cv.py``);
the word lists are data (``data/frames.yaml``), each group with its reason and motivating case.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .wordlists import word_lists

_W = word_lists("frames")
PROVISION_LACK = tuple(tuple(p.split()) for p in _W["PROVISION_LACK"])
PROVISION_OWN = _W["PROVISION_OWN"]
PROVISION_GROUP, PROVISION_GROUP_CONTEXT = _W["PROVISION_GROUP"], _W["PROVISION_GROUP_CONTEXT"]
CUT_OBJECTS = _W["CUT_OBJECTS"]
CUT_SELF = _W["CUT_SELF"]
LEISURE_JUMP = _W["LEISURE_JUMP"]
LEISURE_JUMP_OWN = _W["LEISURE_JUMP_OWN"]

PROVISION_CATEGORIES = frozenset({"missing_homeless"})
SELF_HARM = frozenset({"self_harm_suicide"})
_CUT = _W["CUT_WORDS"]
NOTHING_TO_ADD = _W["NOTHING_TO_ADD"]
SELF_HARM_PERSONS = frozenset(w.replace("'", "") for w in _W["SELF_HARM_PERSONS"])
HEARSAY_MARKERS = tuple(tuple(p.replace("'", "").split()) for p in _W["HEARSAY_MARKERS"])
HEARSAY_VICTIM = frozenset(w.replace("'", "") for w in _W["HEARSAY_VICTIM"])
_PLAIN = re.compile(r"[a-z0-9]+")
HEARSAY_CATEGORIES = _W["HEARSAY_CATEGORIES"]
_DENIED, _UNSAFE, _CONTRAST = _W["UNSAFE_DENIED"], _W["UNSAFE_WORDS"], _W["UNSAFE_CONTRAST"]
_JUMP = _W["JUMP_WORDS"]
WORRY_PERSONS = _W["WORRY_PERSONS"]
NOT_TO_ME = tuple(tuple(p.split()) for p in _W["NOT_TO_ME"])
NOT_TO_ME_CONTRAST = _W["NOT_TO_ME_CONTRAST"]
WORRY_MAX_WORDS = int(_W["WORRY_MAX_WORDS"][0])


def _lowers(tokens) -> list[str]:
    return [t.lower_.replace("\u2019", "'") for t in tokens if not (t.is_punct or t.is_space)]


def _sentence(doc: Doc, start: int) -> list[str]:
    """``_lowers`` of the sentence of token ``start``, worked out once per sentence of the document: the vetoes
    ask for every rule hit, and an answer of many hits in one long sentence made that quadratic (4,500
    characters of "my dad hits me" took 12 s)."""
    sentence = doc[start].sent
    cache = doc.user_data.setdefault("everyday_sentences", {})
    key = (sentence.start, sentence.end)
    if key not in cache:
        cache[key] = _lowers(sentence)
    return cache[key]


def _document(doc: Doc) -> list[str]:
    """``_plain`` of the whole answer, worked out once per document."""
    if "everyday_plain" not in doc.user_data:
        doc.user_data["everyday_plain"] = _plain(doc.text)
    return doc.user_data["everyday_plain"]


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    k = len(phrase)
    return any(tuple(words[j:j + k]) == phrase for j in range(len(words) - k + 1))


def provision_complaint(doc: Doc, start: int, category: str) -> bool:
    if category not in PROVISION_CATEGORIES:
        return False
    words = _sentence(doc, start)
    if not any(_contains(words, p) for p in PROVISION_LACK):
        return False
    own = PROVISION_OWN & set(words)
    # "we" / "us" hanging about outside: young people as a group about the area (frames.yaml PROVISION_GROUP)
    return not own or (own <= PROVISION_GROUP and bool(PROVISION_GROUP_CONTEXT & set(words)))


def cut_object(doc: Doc, start: int, category: str) -> bool:
    if category not in SELF_HARM:
        return False
    words = _sentence(doc, start)
    if CUT_SELF & set(words):
        return False
    return any(w in _CUT and CUT_OBJECTS & set(words[k + 1:k + 4]) for k, w in enumerate(words))


def leisure_jump(doc: Doc, start: int, category: str) -> bool:
    if category not in SELF_HARM:
        return False
    words = set(_sentence(doc, start))
    return bool(words & _JUMP) and bool(words & LEISURE_JUMP) and not words & LEISURE_JUMP_OWN


def _denial_words(doc: Doc, start: int) -> tuple[list, list[str]]:
    """The sentence's word tokens and lower-case words, "dont" (split "do" + "nt") read whole; once per sentence
    (a long answer asks for every one of its hits)."""
    sentence = doc[start].sent
    cache = doc.user_data.setdefault("everyday_denial_words", {})
    key = (sentence.start, sentence.end)
    if key not in cache:
        tokens, words = [], []
        for t in sentence:
            if t.is_punct or t.is_space:
                continue
            if t.lower_ == "nt" and words:
                words[-1] += "nt"
                continue
            tokens.append(t)
            words.append(t.lower_.replace("\u2019", "'"))
        cache[key] = (tokens, words)
    return cache[key]


def unsafe_denied(doc: Doc, start: int, category: str) -> bool:
    """A denial at most four words before "unsafe" and no contrast after the denial.

    A contrast before the denial ("he winds me up but thats just brothers, i dont feel unsafe at home")
    keeps only a hit elsewhere in the sentence: a hit from the denial to "unsafe" is the denied words
    themselves (screen10 round, twelfth writer)."""
    tokens, words = _denial_words(doc, start)
    for k, w in enumerate(words):
        if w not in _UNSAFE:
            continue
        denials = [j for j in range(max(0, k - 5), k) if words[j] in _DENIED]
        if not denials:
            continue
        first = denials[0]
        if tokens[first].i <= start <= tokens[k].i:  # the hit is the denied words: a contrast after the denial counts
            if not _CONTRAST & set(words[first:]):
                return True
        elif not _CONTRAST & set(words):
            return True
    return False


def _plain(text: str) -> list[str]:
    """Lower-case words with apostrophes removed ("don't" -> "dont"), as the marker lists are written."""
    return _PLAIN.findall(text.lower().replace("'", "").replace("\u2019", ""))


def hearsay_group(doc: Doc, start: int, category: str) -> bool:
    if category not in HEARSAY_CATEGORIES:
        return False
    words = _document(doc)
    # "kids younger than me": a comparison, not the writer harmed
    if HEARSAY_VICTIM & {w for k, w in enumerate(words) if not (k and words[k - 1] == "than")}:
        return False
    return any(_contains(words, p) for p in HEARSAY_MARKERS)


def nothing_to_add(doc: Doc, start: int, category: str) -> bool:
    if "everyday_words" not in doc.user_data:
        doc.user_data["everyday_words"] = _lowers(doc)
    words = doc.user_data["everyday_words"]
    return bool(words) and all(w in NOTHING_TO_ADD for w in words)


def no_person(doc: Doc, start: int, category: str) -> bool:
    if category not in SELF_HARM:
        return False
    return not SELF_HARM_PERSONS & set(_document(doc))


def named_worry(doc: Doc, start: int, category: str) -> bool:
    """Answering 'what worries you?': a short answer with nobody in it names the worry ("getting bullied")."""
    words = _document(doc)
    return 0 < len(words) <= WORRY_MAX_WORDS and not set(words) & WORRY_PERSONS


def not_to_me(doc: Doc, start: int, category: str) -> bool:
    """The writer says it has not happened to them ("even though it hasnt happened to me"), no contrast after."""
    if "everyday_not_to_me" not in doc.user_data:  # (the same for every hit of the answer)
        doc.user_data["everyday_not_to_me"] = _not_to_me(_document(doc))
    return doc.user_data["everyday_not_to_me"]


def _not_to_me(words: list[str]) -> bool:
    for phrase in NOT_TO_ME:
        k = len(phrase)
        for j in range(len(words) - k + 1):
            if tuple(words[j:j + k]) == phrase and not NOT_TO_ME_CONTRAST & set(words[j + k:]):
                return True
    return False
