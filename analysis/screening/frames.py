"""Benign frames around a rule match: jokes, accidents, opinions, choices.

Each frame is checked after a rule has matched and cancels the match only
when nothing concrete points the other way:

* **joke / exaggeration** - a laughter marker ("lol", "haha", "jk", a
  laughing emoji) or an idiom ("die laughing") in the match's sentence.
  Not when the joke is denied or ironic ("not joking", "as if", "but it
  isn't"), put in someone else's mouth ("said it was a joke", "says it's
  just banter"), or when the answer holds concrete harm (an injury, police
  or hospital, "again", "since sat", "every night"), and never for sexual
  abuse.
* **accident / sport** - "smacked in the face by a netball", "scratched my
  arm climbing a tree": physical harm or self-harm with a sport / accident
  word in the sentence and no one to blame (no adult or he / she / they),
  no cover-story words ("said", "told", "pretend", quote marks).
* **opinion / prevention** - "apps should do more to stop old men messaging
  kids": the match follows "should / need to ... stop / ban / protect" and
  the writer is not in or just after the match.
* **advice** - "I'd tell someone if an adult told me to ...": what the
  writer would do, not what happened.
* **choice** (forced marriage) - "he says it's up to me".
* **general concern** - "people smoking weed near the shops scares me":
  the writer appears only as the one who feels or sees ("scares me", "I
  feel unsafe", "I see"), or through a place ("my school", "near my
  estate"); nobody of theirs and nothing done to them.  A whole answer
  about an area with no writer at all and no harm word is the registry's
  ``area_concern`` (:mod:`.areas`; the two do not overlap, see there).

:meth:`FrameChecker.owned` undoes the hypothetical cue when the answer
says the "what if" is the writer's own ("is that allowed? because it keeps
happening to me").
"""

from __future__ import annotations

from spacy.tokens import Doc

from .wordlists import word_lists

# The word lists live in data/frames.yaml, each group with its reason and motivating case.
_W = word_lists("frames")
JOKE_WORDS = _W["JOKE_WORDS"]
JOKE_PHRASES = _W["JOKE_PHRASES"]
JOKE_DENIED = _W["JOKE_DENIED"]
JOKE_REPORTED = _W["JOKE_REPORTED"]
CONCRETE = _W["CONCRETE"]
JOKE_EXEMPT = _W["JOKE_EXEMPT"]
HEDGES = _W["HEDGES"]
ACCIDENT_CATEGORIES = _W["ACCIDENT_CATEGORIES"]
ACCIDENT_WORDS = _W["ACCIDENT_WORDS"]
ACCIDENT_BLAME = _W["ACCIDENT_BLAME"]
OPINION_MODALS = _W["OPINION_MODALS"]
GENERAL_MODALS = _W["GENERAL_MODALS"]
_OPINION_OWN = _W["_OPINION_OWN"]
_OPINING = _W["_OPINING"]
NEAR_PEOPLE = _W["NEAR_PEOPLE"]
OPINION_ACTIONS = _W["OPINION_ACTIONS"]
_WRITER = _W["_WRITER"]
_WOULD = _W["_WOULD"]
HELP_ACTIONS = _W["HELP_ACTIONS"]
CHOICE_CATEGORIES = _W["CHOICE_CATEGORIES"]
CHOICE = _W["CHOICE"]
MEDIA = _W["MEDIA"]
MEDIA_LEADS = _W["MEDIA_LEADS"]
MEDIA_ALONE = _W["MEDIA_ALONE"]
_OWN = _W["_OWN"]
MEDIA_EXEMPT = _W["MEDIA_EXEMPT"]
YOUNGER = _W["YOUNGER"]
SIBLINGS = _W["SIBLINGS"]
YOUNGER_CATEGORIES = _W["YOUNGER_CATEGORIES"]
ADULTS = _W["ADULTS"]
OWNED = _W["OWNED"]
CONCERN_CATEGORIES = _W["CONCERN_CATEGORIES"]
FEEL_OBJECT = _W["FEEL_OBJECT"]
FEEL_AFTER_ME = _W["FEEL_AFTER_ME"]
FEEL_SUBJECT = _W["FEEL_SUBJECT"]
FEEL_AUX = _W["FEEL_AUX"]
FEEL_ADJ = _W["FEEL_ADJ"]
OWN_PLACES = _W["OWN_PLACES"]
_FIRST = _W["_FIRST"]
GENERIC_GROUPS = _W["GENERIC_GROUPS"]
GENERIC_GROUPS_BY_CATEGORY = _W["GENERIC_GROUPS_BY_CATEGORY"]
GENERIC_LEADS = _W["GENERIC_LEADS"]
GENERIC_OWN = _W["GENERIC_OWN"]
GENERIC_CATEGORIES = _W["GENERIC_CATEGORIES"]


def _phrases(items, norm):
    out = set()
    for p in items:
        out.add(tuple(norm(w) for w in p.split()))
        out.add(tuple(p.lower().split()))
    return out


def _has(words: list[str], phrases) -> bool:
    for ph in phrases:
        k = len(ph)
        for j in range(len(words) - k + 1):
            if tuple(words[j:j + k]) == ph:
                return True
    return False


class FrameChecker:
    def __init__(self, norm):
        self.norm = norm
        # compared as written: the lemma of "kidding" is "kid", of "training" "train"
        self.joke_words = JOKE_WORDS
        self.lol = norm("lol")
        self.joke_phrases = _phrases(JOKE_PHRASES, norm)
        self.denied = _phrases(JOKE_DENIED, norm)
        self.reported = {norm(w) for w in JOKE_REPORTED} | JOKE_REPORTED
        self.concrete = _phrases(CONCRETE, norm)
        self.hedges = _phrases(HEDGES, norm)
        self.accident = ACCIDENT_WORDS
        self.blame = ACCIDENT_BLAME
        self.modals = _phrases(OPINION_MODALS, norm)
        self.general_modals = {tuple(p.split()) for p in GENERAL_MODALS}
        self.near_people = _phrases(NEAR_PEOPLE, norm)
        self.actions = {norm(w) for w in OPINION_ACTIONS} | OPINION_ACTIONS
        self.choice = _phrases(CHOICE, norm)
        self.owned_cues = _phrases(OWNED, norm)

    @staticmethod
    def _words(tokens) -> tuple[list[str], list[str]]:
        return [t.norm_ for t in tokens], [t.lower_ for t in tokens]

    def _has(self, tokens, phrases) -> bool:
        norms, lowers = self._words(tokens)
        return _has(norms, phrases) or _has(lowers, phrases)

    # ------------------------------------------------------------- joke
    def joking(self, doc: Doc, start: int, category: str) -> bool:
        if category in JOKE_EXEMPT:
            return False
        sent = doc[start].sent
        markers = [t.i for t in sent if t.lower_ in self.joke_words or t.norm_ == self.lol]
        idiom = self._has(sent, self.joke_phrases)
        if not markers and not idiom:
            return False
        if idiom:  # "I want to die laughing": the idiom itself is the other reading
            return not self._has(sent, self.denied)
        if self.serious(doc, start):
            return False
        # "said it was a joke", "he says it's just banter": someone else's excuse
        for i in markers:
            if any(doc[k].norm_ in self.reported or doc[k].lower_ in self.reported
                   for k in range(max(sent.start, i - 5), i)):
                return False
        return True

    def serious(self, doc: Doc, start: int) -> bool:
        """The joke is denied ("not joking"), the answer holds concrete harm ("every time", "bruises")
        or the laughter is nervous ("idk if this counts", "just in case")."""
        return (self._has(doc[start].sent, self.denied) or self._has(doc, self.concrete)
                or self._has(doc, self.hedges) or any(t.text == "\U0001f643" for t in doc))

    # --------------------------------------------------------- accident
    def accidental(self, doc: Doc, start: int, category: str) -> bool:
        if category not in ACCIDENT_CATEGORIES:
            return False
        sent = doc[start].sent
        lowers = [t.lower_ for t in sent]
        if not any(w in self.accident for w in lowers):
            return False
        return not any(w in self.blame or t.norm_ in ("dad", "mum", "parent")
                       for w, t in zip(lowers, sent, strict=True))

    # ---------------------------------------------------------- opinion
    def opinion(self, doc: Doc, start: int, end: int) -> bool:
        sent = doc[start].sent
        # "there should be more youth clubs so kids don't get pulled into gangs": a view about
        # other people's children, with nobody of the writer's own ("my", "me") in it.
        words = [t.lower_ for t in sent]
        own = any(w in _OPINION_OWN or (w == "i" and nxt not in _OPINING) for w, nxt in zip(words, words[1:] + [""],
                                                                                              strict=True))
        if (_has(words, self.general_modals) and not own
                and not self._has(sent, self.near_people)):
            return True
        if any(doc[k].lower_ in _WRITER or doc[k].norm_ in _WRITER for k in range(start, min(sent.end, end + 4))):
            return False
        before = doc[sent.start:start]
        if not self._has(before, self.modals):
            return False
        return any(t.norm_ in self.actions or t.lower_ in self.actions for t in before)

    # ----------------------------------------------------------- advice
    def advice(self, doc: Doc, start: int) -> bool:
        """"I'd tell someone if an adult told me to keep a bad secret": what the writer would do.

        Also "If I ever felt suicidal I'd ring Childline": a sentence that opens
        with "if" and goes on to what the writer would do to get help.
        """
        sent = doc[start].sent
        all_lowers = [t.lower_ for t in sent]
        if all_lowers and all_lowers[0] == "if":
            for k in range(1, len(all_lowers) - 1):
                w, nxt = all_lowers[k], all_lowers[k + 1]
                would = (w == "i" and nxt in _WOULD) or w in ("i'd", "id", "i'll")
                act = all_lowers[k + 2] if w == "i" and k + 2 < len(all_lowers) else nxt
                if would and act in HELP_ACTIONS:
                    return True
        lowers = [doc[k].lower_ for k in range(sent.start, start)]
        if "if" not in lowers:
            return False
        j = len(lowers) - 1 - lowers[::-1].index("if")
        if any(w in (".", "!", "?", ";", "but", "because", "cos", "coz") for w in lowers[j:]):
            return False
        head = lowers[:j]
        return any(w == "i" and head[k + 1] in _WOULD for k, w in enumerate(head[:-1])) or any(
            w in ("i'd", "id", "ill", "i'll") for w in head)

    # ----------------------------------------------------------- choice
    def chosen(self, doc: Doc, start: int, category: str) -> bool:
        return category in CHOICE_CATEGORIES and self._has(doc[start].sent, self.choice)

    def suppress(self, doc: Doc, start: int, end: int, category: str) -> bool:
        """Any benign frame (joke, accident, opinion, choice, media, younger sibling) around the match."""
        return (self.joking(doc, start, category) or self.accidental(doc, start, category)
                or self.opinion(doc, start, end) or self.chosen(doc, start, category)
                or self.advice(doc, start) or self.media(doc, start, end, category)
                or self.younger_sibling(doc, start, end, category)
                or self.general_concern(doc, start, category))

    # --------------------------------------------------- general concern
    def generic_group(self, doc: Doc, start: int, category: str) -> bool:
        """The sentence opens with a group in general and names nobody of the writer's:
        "Families not having enough money for food", "Young people being made to sell drugs"."""
        if category not in GENERIC_CATEGORIES:
            return False
        words = [t.lower_ for t in doc[start].sent if not (t.is_punct or t.is_space)]
        if not words or GENERIC_OWN & set(words):
            return False
        text = " " + " ".join(words) + " "
        for lead in ("", *GENERIC_LEADS):
            for group in (*GENERIC_GROUPS, *GENERIC_GROUPS_BY_CATEGORY.get(category, "").split("|")):
                if not group:
                    continue
                if text.startswith(f" {lead} {group} " if lead else f" {group} "):
                    return True
        return False

    def general_concern(self, doc: Doc, start: int, category: str) -> bool:
        """The writer only feels, sees or names a place: "gangs near my estate scare me"."""
        if category not in CONCERN_CATEGORIES:
            return False
        sent = list(doc[start].sent)
        words = [t.lower_ for t in sent]
        firsts = [k for k, w in enumerate(words) if w in _FIRST]
        if not firsts:
            return False
        for k in firsts:
            w = words[k]
            prev = words[k - 1] if k else ""
            nxt = words[k + 1] if k + 1 < len(words) else ""
            if w == "me" and (prev in FEEL_OBJECT or sent[k - 1].norm_ in FEEL_OBJECT if k else False):
                if (prev in ("make", "makes", "making", "made") or sent[k - 1].norm_ == "make") \
                        and nxt not in FEEL_AFTER_ME:
                    return False
                continue
            if w in ("my", "our") and (nxt in OWN_PLACES or sent[k + 1].norm_ in OWN_PLACES if nxt else False):
                continue
            nxt2 = words[k + 2] if k + 2 < len(words) else ""
            feeling = (nxt in FEEL_SUBJECT or (nxt in FEEL_AUX and (nxt2 in FEEL_ADJ or (
                nxt2 in FEEL_AUX and k + 3 < len(words) and words[k + 3] in FEEL_ADJ)))
                or (w in ("i'm", "im") and nxt in FEEL_ADJ))
            if w in ("i", "we", "i'm", "im") and feeling:
                # "I feel unsafe", "I see people dealing": the writer's view, unless something is done to them
                rest = words[k + 1:k + 6]
                if any(r in ("me", "us", "my") for r in rest if r not in OWN_PLACES):
                    return False
                continue
            return False
        return True

    # ------------------------------------------------------------ media
    def media(self, doc: Doc, start: int, end: int, category: str) -> bool:
        """The match is what happens in a film, show, game or book ("in the film the dad beats the kid")."""
        if category in MEDIA_EXEMPT:
            return False
        sent = doc[start].sent
        for m in range(start - 1, sent.start - 1, -1):
            if doc[m].lower_ in _OWN:
                return False
            w = doc[m].lower_
            lead = any(doc[k].lower_ in MEDIA_LEADS for k in range(max(sent.start, m - 3), min(start, m + 4))
                       if k != m)
            if w in MEDIA_ALONE or (w in MEDIA and lead):
                return not any(doc[k].lower_ in _OWN for k in range(start, min(sent.end, end + 3)))
        return False

    # --------------------------------------------------- younger sibling
    def younger_sibling(self, doc: Doc, start: int, end: int, category: str) -> bool:
        """A little brother or sister is the one hurting the writer."""
        if category not in YOUNGER_CATEGORIES:
            return False
        sent = doc[start].sent
        if not any(doc[k].lower_ in ("me", "i") for k in range(start, min(len(doc), end + 2))):
            return False  # the writer is the one hurt
        words = [t.lower_ for t in sent]
        if "by" in words or any(t.lower_ in ADULTS or t.norm_ in ADULTS for t in sent):
            return False  # "my lil sis gets hit by our step dad"
        lowers = words[:end - sent.start]
        return any(a in YOUNGER and b in SIBLINGS for a, b in zip(lowers, lowers[1:], strict=False))

    # ------------------------------------------------------------ owned
    def owned(self, doc: Doc) -> bool:
        """The answer says the hypothetical is the writer's own situation."""
        return self._has(doc, self.owned_cues)
