"""Negation, hypothetical and topic-talk cues around a rule match."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import (
    CLAUSE_BREAKS,
    FRAME_CUES,
    FRAME_LINKS,
    FRAME_VERB_LINKS,
    FRAME_VERBS,
    HYPOTHETICAL_CUES,
    NEGATION_SKIP,
    NEGATIONS,
    OVER_CUES,
    PAST_CUES,
    PROFESSIONAL_ROLES,
    RESOLVED_CUES,
    TOPIC_CUES,
)
from .wordlists import word_lists

# Not hypotheticals after all (data/frames.yaml: read after the nets, so not among their sources).
_FRAMES = word_lists("frames")
HYPOTHETICAL_STOPS = _FRAMES["HYPOTHETICAL_STOPS"]
HYPOTHETICAL_SELF_SEEKING = _FRAMES["HYPOTHETICAL_SELF_SEEKING"]

# Anchors that make a topic word personal: the writer or someone they know.
PERSONAL = frozenset({
    "i", "me", "my", "myself", "we", "us", "our", "mine", "ours", "friend", "mate",
    "brother", "sister", "cousin", "boyfriend", "girlfriend", "bestfriend",
    "mum", "dad", "parent", "nan", "grandad", "uncle", "aunt", "carer", "step",
})
_WRITER = frozenset({"i", "me", "my", "myself", "mine"})
# Other people a report can be about ("the girl next door", "older lads at the
# park get year 7s to ..."): personal enough when the learned net is confident.
THIRD_PARTY = frozenset({
    "girl", "boy", "kid", "child", "son", "daughter", "neighbour", "lad", "teenager", "youngster",
    "niece", "nephew", "pupil", "student", "he", "she", "they", "him", "her", "them", "family",
    "sibling", "grandchild", "baby",
})
_NEG_SUBJECTS = frozenset({"nobody", "noone", "none"})
_SUBJECTS = frozenset({
    "i", "he", "she", "they", "we", "you", "it", "dad", "mum", "parent", "brother", "sister",
    "uncle", "aunt", "nan", "grandad", "cousin", "boyfriend", "girlfriend", "partner", "carer",
    "man", "men", "guy", "teacher", "coach", "someone", "somebody", "people", "everyone",
    "who", "that", "which", "but", "and", "because",
})
# People other than the writer: a sentence naming one does not continue the last.
_OTHERS = _SUBJECTS - {"i", "we", "it", "that", "which", "but", "and", "because", "who"}
_REPORTING = frozenset({"say", "said", "tell", "told", "threaten", "threatened", "warn", "warned",
                        "says", "tells", "threatens", "warns"})
# "no adult has ever asked me to keep ...": words between a denial and "keep"
_ASKED = frozenset({"to", "me", "us", "ask", "tell", "make", "want", "adult", "grown", "up", "teacher", "anyone",
                    "anybody", "one", "person"})
# A sentence that opens on its verb has the writer as its subject ("got hit again", "been kicked out").
_IMPLIED_WRITER = frozenset({"got", "getting", "been", "being", "gets", "feel", "feeling", "felt", "want", "wanna",
                             "cant", "can't", "keep", "hate", "need", "scared", "sometimes"})
_GENERIC = frozenset({"parents", "adults", "teachers", "dads", "mums", "grownups", "carers", "coaches"})
_TELLING = frozenset({"say", "tell", "speak", "talk", "grass", "snitch", "report"})
_ROLES = "|".join(map(re.escape, PROFESSIONAL_ROLES))
_ROLE_PREFIX = re.compile(r"^\W*(?:(?:[A-Za-z'&/-]+\s+){0,3}(?:" + _ROLES + r")\s*(?::|-|\u2013|\u2014)\s"
                          r"|as an? (?:[A-Za-z'&/-]+\s+){0,3}(?:" + _ROLES + r")\b)", re.IGNORECASE)
# A practitioner writing about one child ("a 14 year old in our group", "a Year 4
# pupil", "a boy (12)", "one of our pupils"): a live concern, not talk about the work.
SPECIFIC_CHILD = re.compile(
    r"\b(?:an?|one|the|this)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen)[- ]?(?:year|yr)s?[- ]?old\b"
    r"|\b(?:an?|one|this)\s+(?:year|yr|y)\s?\d{1,2}\b"
    r"|\b(?:boy|girl|child|pupil|student|lad|kid)\s*\(\d{1,2}\)"
    r"|\bone of (?:my|our|the) (?:pupils|students|children|kids|young people|learners|girls|boys)\b",
    re.IGNORECASE)
_FRAME_BACK = 15   # how far back a "book about ..." frame may start
_IF_MAX = 5        # "if" only governs words close after it
_WINDOW = 10


def _phrases(cues, norm):
    return [tuple(norm(w) for w in c.split()) for c in cues]


class CueChecker:
    def __init__(self, norm):
        self.hypo = _phrases(HYPOTHETICAL_CUES, norm)
        self.topic = _phrases(TOPIC_CUES, norm)
        self.resolved_cues = _phrases(RESOLVED_CUES, norm)
        self.frame = _phrases(FRAME_CUES, norm) + _phrases(FRAME_CUES, str.lower)
        self.links = {norm(w) for w in FRAME_LINKS} | set(FRAME_LINKS)
        self.verbs = _phrases(FRAME_VERBS, norm) + _phrases(FRAME_VERBS, str.lower)
        self.verb_links = {norm(w) for w in FRAME_VERB_LINKS} | set(FRAME_VERB_LINKS)
        self.past = _phrases(PAST_CUES, norm)
        self.over = _phrases(OVER_CUES, norm)
        self.if_norm = norm("if")
        self.stops = {norm(w) for w in HYPOTHETICAL_STOPS} | set(HYPOTHETICAL_STOPS)
        self.how_to = (norm("how"), norm("to"))
        self.self_seeking = {norm(w) for w in HYPOTHETICAL_SELF_SEEKING} | set(HYPOTHETICAL_SELF_SEEKING)
        self.neg = {norm(w) for w in NEGATIONS} | set(NEGATIONS)
        self.skip = {norm(w) for w in NEGATION_SKIP} | set(NEGATION_SKIP)
        self.breaks = {norm(w) for w in CLAUSE_BREAKS} | set(CLAUSE_BREAKS)

    # ----------------------------------------------------------- negation
    def negated(self, doc: Doc, start: int, gap_tokens: list[int]) -> bool:
        if any(doc[i].norm_ in self.neg for i in gap_tokens):
            return True
        i, skipped = start - 1, 0
        sent_start = doc[start].sent.start
        while i >= sent_start and skipped <= 5:
            n = doc[i].norm_
            if n in self.neg:
                # "if I don't do the drop ..." is a condition, not a denial.
                return not any(doc[k].norm_ in ("if", "unless")
                               for k in range(max(sent_start, i - 3), i))
            if n not in self.skip:
                break
            i -= 1
            skipped += 1
        # "nobody at home hurts me": a negative subject earlier in the clause,
        # unless another subject comes between ("nobody knows my dad hits me").
        i = start - 1
        while i >= max(sent_start, start - 7):
            n = doc[i].norm_
            if n in _NEG_SUBJECTS:
                return True
            if n in _SUBJECTS or n in self.breaks or doc[i].text == ",":
                return False
            i -= 1
        return False

    def denies_keeping(self, doc: Doc, start: int, end: int) -> bool:
        """"i don't keep secrets from my mum", "she can't keep secrets if ...": no secret is asked for."""
        norm_keep = {"keep", "kept"}
        for k in range(start, end):
            if doc[k].norm_ not in norm_keep and doc[k].lower_ not in norm_keep:
                continue
            j = k - 1
            while j >= max(doc[k].sent.start, k - 8):
                if doc[j].norm_ in self.neg:
                    return True
                if doc[j].norm_ not in self.skip and doc[j].norm_ not in _ASKED:
                    break
                j -= 1
        return False

    # ------------------------------------------------------- hypothetical
    def _clause_before(self, doc: Doc, start: int) -> list[str]:
        sent_start = doc[start].sent.start
        norms: list[str] = []
        i = start - 1
        while i >= sent_start and len(norms) < _WINDOW:
            n = doc[i].norm_
            if n in self.breaks or doc[i].text in self.breaks or doc[i].text == ",":
                break
            norms.append(n)
            i -= 1
        norms.reverse()
        return norms

    @staticmethod
    def _find(norms: list[str], phrases) -> int | None:
        """Distance (tokens before the match) of the nearest cue, or None."""
        best = None
        for ph in phrases:
            k = len(ph)
            for j in range(len(norms) - k + 1):
                if tuple(norms[j:j + k]) == ph:
                    dist = len(norms) - j
                    best = dist if best is None else min(best, dist)
        return best

    def hypothetical(self, doc: Doc, start: int) -> bool:
        # "parents who hit their kids should ...": the match itself opens with a generic "X who"
        if doc[start].lower_ in _GENERIC and start + 1 < len(doc) and doc[start + 1].lower_ == "who":
            return True
        norms = self._clause_before(doc, start)
        for ph in self.hypo:
            d = self._find(norms, [ph])
            if d is None:
                continue
            if ph == self.how_to and self._seeking_self_harm(doc, start, norms[:len(norms) - d]):
                continue  # "i watch vids on how to hurt myself" (frames.yaml HYPOTHETICAL_SELF_SEEKING)
            if ph == (self.if_norm,):
                # "safer if my uncle stopped whacking me", "if they stopped making me carry": the harm is
                # presupposed, not supposed (frames.yaml HYPOTHETICAL_STOPS)
                clause = norms[len(norms) - d:]
                after = [t.norm_ for t in doc[start:start + 3]]
                if any(n in self.stops for n in clause) and any(n in PERSONAL for n in clause + after):
                    continue
                if d > _IF_MAX:
                    continue
                # "he said if I tell ..." is a reported threat, not a hypothetical.
                j = len(norms) - d
                # ... unless the writer is the one who would tell ("I'd tell someone if ...")
                rep = [k for k in range(max(0, j - 3), j) if norms[k] in _REPORTING]
                if rep and not (rep[0] > 0 and norms[rep[0] - 1] in ("'d", "d", "would", "will", "'ll", "ll", "can",
                                                                      "could", "should", "always")):
                    continue
                # "mum said to tell them it's fine and if I say anything else ...": a threat
                # about telling, said earlier in the sentence.
                k = start - d
                if (k + 2 < len(doc) and doc[k + 1].norm_ in ("i", "we") and doc[k + 2].norm_ in _TELLING
                        and any(t.norm_ in _REPORTING for t in doc[doc[start].sent.start:k])):
                    continue
            return True
        return False

    def _seeking_self_harm(self, doc: Doc, start: int, before_cue: list[str]) -> bool:
        """The writer before "how to", and right after it a verb of harm (``self_seeking``) aimed at "myself"."""
        after = doc[start:start + 4]
        return (any(n in _WRITER for n in before_cue) and (doc[start].norm_ in self.self_seeking
                                                           or doc[start].lower_ in self.self_seeking)
                and any(t.lower_ == "myself" for t in after))

    def resolved(self, doc: Doc, start: int) -> bool:
        norms = [t.norm_ for t in doc[start].sent]
        return self._find(norms, self.resolved_cues) is not None

    def past_and_over(self, doc: Doc, start: int) -> bool:
        """Harm told as past ("used to", "when I was little") that the answer says is over."""
        sent = doc[start].sent
        if self._find([t.norm_ for t in sent], self.past) is None and not self._past_age(sent):
            return False
        return self._find([t.norm_ for t in doc[start:]], self.over) is not None

    @staticmethod
    def _past_age(sent) -> bool:
        """"left home at 16", "when I was 12": an age the writer has been."""
        for t in sent:
            if t.like_num and t.text.isdigit() and 4 <= int(t.text) <= 17 and t.i > sent.start:
                prev = t.doc[t.i - 1].lower_
                nxt = t.doc[t.i + 1].lower_ if t.i + 1 < len(t.doc) else ""
                was_i = prev == "was" and t.i >= 2 and t.doc[t.i - 2].lower_ == "i"
                if (prev == "at" or was_i) and nxt not in ("pm", "am", "o'clock", "oclock", ":", "at", "every"):
                    return True
        return False

    # ------------------------------------------------------ lesson frame
    def framed(self, doc: Doc, start: int, end: int | None = None) -> bool:
        """The match is what a lesson, story or case is about, not about the writer."""
        sent = doc[start].sent
        sent_start = sent.start
        # "talking about a cutting for my little sister": the writer in or just after the match
        after = range(start, min(sent.end, (end or start + 1) + 3))
        if any(doc[k].norm_ in _WRITER or doc[k].lower_ in _WRITER for k in after):
            return False
        i = start - 1
        while i >= max(sent_start, start - _FRAME_BACK):
            t = doc[i]
            if t.norm_ in PERSONAL or t.lower_ in PERSONAL:
                return False
            noun_link = t.norm_ in self.links or t.lower_ in self.links
            if noun_link or t.norm_ in self.verb_links or t.lower_ in self.verb_links:
                before = [(doc[k].norm_, doc[k].lower_) for k in range(max(sent_start, i - 3), i)]
                for ph in (self.frame if noun_link else self.verbs):
                    k = len(ph)
                    for j in range(len(before) - k + 1):
                        if all(ph[m] in before[j + m] for m in range(k)):
                            return True
            i -= 1
        return False

    # -------------------------------------------------------------- topic
    def topic_ok(self, doc: Doc, start: int, end: int, lesson_cues: bool = True,
                 people: frozenset[str] = PERSONAL) -> bool:
        """A bare topic word counts only if personal and not lesson talk.

        ``lesson_cues=False`` (warning-sign rules, a confident learned net)
        skips the broad list of lesson / practitioner words; the narrower
        :meth:`framed` check still applies.  ``people`` are the words that
        make a sentence personal.
        """
        sent = doc[start].sent
        norms = [t.norm_ for t in sent]
        lowers = [t.lower_ for t in sent]
        implied = lowers[0] in _IMPLIED_WRITER if lowers else False
        if not implied and not any(n in people or lw in people for n, lw in zip(norms, lowers, strict=True)):
            # "ours has been broken since summer. there's usually no food either":
            # a sentence with no people of its own continues the one before.
            if sent.start == 0 or any(n in _OTHERS for n in norms):
                return False
            prev = doc[sent.start - 1].sent
            if not any(t.norm_ in people or t.lower_ in people for t in prev):
                return False
        if lesson_cues and _ROLE_PREFIX.match(doc.text) and not SPECIFIC_CHILD.search(doc.text):
            return False
        return not (lesson_cues and self._find(norms, self.topic) is not None)
