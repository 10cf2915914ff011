"""Negation, hypothetical and topic-talk cues around a rule match."""

from __future__ import annotations

from spacy.tokens import Doc

from .lexicon import CLAUSE_BREAKS, HYPOTHETICAL_CUES, NEGATION_SKIP, NEGATIONS, RESOLVED_CUES, TOPIC_CUES

# Anchors that make a topic word personal: the writer or someone they know.
PERSONAL = frozenset({
    "i", "me", "my", "myself", "we", "us", "our", "mine", "friend", "mate",
    "brother", "sister", "cousin", "boyfriend", "girlfriend", "bestfriend",
    "mum", "dad", "parent", "nan", "grandad", "uncle", "aunt", "carer", "step",
})
_NEG_SUBJECTS = frozenset({"nobody", "noone", "none"})
_SUBJECTS = frozenset({
    "i", "he", "she", "they", "we", "you", "it", "dad", "mum", "parent", "brother", "sister",
    "uncle", "aunt", "nan", "grandad", "cousin", "boyfriend", "girlfriend", "partner", "carer",
    "man", "men", "guy", "teacher", "coach", "someone", "somebody", "people", "everyone",
    "who", "that", "which", "but", "and", "because",
})
_REPORTING = frozenset({"say", "said", "tell", "told", "threaten", "threatened", "warn", "warned",
                        "says", "tells", "threatens", "warns"})
_IF_MAX = 5        # "if" only governs words close after it
_WINDOW = 10


def _phrases(cues, norm):
    return [tuple(norm(w) for w in c.split()) for c in cues]


class CueChecker:
    def __init__(self, norm):
        self.hypo = _phrases(HYPOTHETICAL_CUES, norm)
        self.topic = _phrases(TOPIC_CUES, norm)
        self.resolved_cues = _phrases(RESOLVED_CUES, norm)
        self.if_norm = norm("if")
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
        norms = self._clause_before(doc, start)
        for ph in self.hypo:
            d = self._find(norms, [ph])
            if d is None:
                continue
            if ph == (self.if_norm,):
                if d > _IF_MAX:
                    continue
                # "he said if I tell ..." is a reported threat, not a hypothetical.
                j = len(norms) - d
                if any(n in _REPORTING for n in norms[max(0, j - 3):j]):
                    continue
            return True
        return False

    def resolved(self, doc: Doc, start: int) -> bool:
        norms = [t.norm_ for t in doc[start].sent]
        return self._find(norms, self.resolved_cues) is not None

    # -------------------------------------------------------------- topic
    def topic_ok(self, doc: Doc, start: int, end: int) -> bool:
        """A bare topic word counts only if personal and not lesson talk."""
        sent = doc[start].sent
        norms = [t.norm_ for t in sent]
        lowers = [t.lower_ for t in sent]
        if not any(n in PERSONAL or lw in PERSONAL for n, lw in zip(norms, lowers, strict=True)):
            return False
        if self._find(norms, self.topic) is not None:
            return False
        return True
