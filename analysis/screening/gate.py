"""The one gate of the screen: the veto registry applied to rule and learned hits, and the judge.

:class:`VetoGate` is mixed into :class:`.engine.DisclosureScreener`; it needs
the fitted screener's ``cues_``, ``frames_``, ``learned_`` and word tables.
Which vetoes exist, in what order, and why: :mod:`.vetoes`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from . import areas, everyday, reasons, things
from .answers import WORRY
from .calibration import LAST_RESORT_THRESHOLD
from .cues import PERSONAL, SPECIFIC_CHILD, THIRD_PARTY
from .evidence import learned_hit
from .learned import JUDGE_FLOOR, doc_tokens, question_token
from .lexicon import ABSENCE_CATEGORIES, OVER_CUES, PAST_CUES, RESOLVED_CUES, STILL_CUES
from .questions import TRUSTED_PERSON, bare_answer
from .result import Hit
from .rules import Rule
from .text import _word_bounds
from .triggers import _FAMILY, _FIRST_PERSON, _INSTRUCT, JUDGE
from .vetoes import LEARNED, RULE, VETOES, applies
from .wordlists import word_lists

# The judge's first-hand check ("my dad ... at me"): data/frames.yaml FIRST_HAND_*.
_JUDGE_WORDS = word_lists("frames")
_WRITER_OBJECT = _JUDGE_WORDS["FIRST_HAND_OBJECT"]
_POSSESSIVE = _JUDGE_WORDS["FIRST_HAND_POSSESSIVE"]
_AGENTS = _JUDGE_WORDS["FIRST_HAND_AGENTS"]
_AGENT_OBJECT = _JUDGE_WORDS["FIRST_HAND_AGENT_OBJECT"]
_COMPARING = _JUDGE_WORDS["FIRST_HAND_NOT_AIMED"]


def _ending_with(phrases) -> re.Pattern:
    """One of ``phrases`` followed by at most two words and the end of the text (the rule's last words)."""
    return re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?: [a-z]+){0,2}$")


_WRITER_NOW = _ending_with(_JUDGE_WORDS["FIRST_HAND_WRITER_NOW"])
_WRITER_NOW_SELF_HARM = _ending_with(_JUDGE_WORDS["FIRST_HAND_WRITER_NOW_SELF_HARM"])
_TOLD_AS_OVER = re.compile("|".join(rf"\b{re.escape(cue)}\b" for cue in (*PAST_CUES, *OVER_CUES, *RESOLVED_CUES)))
# harm told as still going on (lexicon STILL_CUES): a rule's hit is read at the reader's first-hand floor
_TOLD_AS_ONGOING = re.compile("|".join(rf"\b{re.escape(cue)}\b" for cue in STILL_CUES))
_WRITER_BEFORE_HARM = re.compile(r"\b(?:i|im|me|my)\b")  # the writer in the sentence, up to the rule's words
AGENT_ON_WRITER = True  # (switched off to measure it: SCREENING_RESULTS.md, 6 December, evening)
_FAMILY_PAIRS = _JUDGE_WORDS["FIRST_HAND_FAMILY_PAIRS"]
_FAMILY_SUBJECT = _JUDGE_WORDS["FIRST_HAND_FAMILY_SUBJECT"]
_SIBLINGS = _JUDGE_WORDS["SIBLINGS"]
FAMILY_SUBJECT = True  # (benchmarks/experiments/screen_quiet/lowo.py switches it off to measure it)
_UNSAFE_WORDS = _JUDGE_WORDS["FIRST_HAND_UNSAFE_WORDS"]
_UNSAFE_HOME, _UNSAFE_DENIAL = _JUDGE_WORDS["FIRST_HAND_UNSAFE_HOME"], _JUDGE_WORDS["FIRST_HAND_UNSAFE_DENIAL"]
_UNSAFE_LEADS = tuple(f" {lead}" for lead in _JUDGE_WORDS["FIRST_HAND_UNSAFE_LEAD"])
# "saying theyre going to shank me": a threat made to the writer (frames.yaml FIRST_HAND_THREAT_*)
_THREAT = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in _JUDGE_WORDS["FIRST_HAND_THREAT_REPORTS"])
                     + r")\b.*?\b(?:going to|gonna|gunna|will|ll)\s+(?:(?:come|try|try to|and)\s+)?(?:"
                     + "|".join(re.escape(w) for w in _JUDGE_WORDS["FIRST_HAND_THREAT_VERBS"]) + r")\s+me\b")


class VetoGate:
    """Veto checks and the second-stage judge (a mixin of the screener)."""

    def _learned_gate(self, doc: Doc, i: int, category: str, probability: float = 0.0) -> bool:
        """The learned net's strongest word must pass the same cue checks as a topic rule.

        Also vetoed: a joke marker ("lol", "haha", "as a joke") in the
        sentence (unless denied or the answer holds concrete harm, as for
        the rules), the category's own benign frame (``LEARNED_BENIGN``),
        reassurance anywhere in the answer (``LEARNED_REASSURANCE``) and a
        lesson frame ("a book about ...").
        Negation only vetoes where it denies the harm ("nobody has ever hurt
        me"), not where the absence is the harm ("nobody makes tea", "told me
        not to tell").
        A confident score (``learned_confident``) skips the lesson-word list
        and also counts other children and adults as personal.
        """
        veto = self._vetoed(LEARNED, doc, i, i + 1, category, confident=self._confident(doc, probability))
        if self._trace is not None:
            self._trace.append((LEARNED, category, doc[i].text, veto))
        return veto is None

    def _learned_vetoes(self, doc: Doc, i: int, category: str, probability: float = 0.0) -> list[str]:
        """Every veto of the registry that would cancel a learned hit on ``doc[i]`` (:meth:`_learned_gate` stops
        at the first): the reader overrules some of them (``reading``)."""
        confident = self._confident(doc, probability)
        return [veto.name for veto in VETOES if veto.name != "judge" and applies(veto.name, LEARNED, category,
                                                                                  self.ablated_)
                and self._veto_fires(veto.name, LEARNED, doc, i, i + 1, category, None, (), confident)]

    def _confident(self, doc: Doc, probability: float) -> bool:
        """A learned hit's score is confident, or a practitioner writes about one child ("a Year 4 pupil came in
        with ...")."""
        return probability >= self.learned_confident or bool(SPECIFIC_CHILD.search(doc.text))

    def _vetoed(self, kind: str, doc: Doc, start: int, end: int, category: str, rule: Rule | None = None,
                gap_tokens=(), confident: bool = False) -> str | None:
        """The first veto of the registry (:mod:`.vetoes`) that cancels this hit, or None.

        One gate for rule hits (``kind="rule"``) and learned hits (``"learned"``,
        where ``start`` is the net's strongest word).
        """
        for veto in VETOES:
            if veto.name == "judge" or not applies(veto.name, kind, category, self.ablated_):
                continue
            if self._veto_fires(veto.name, kind, doc, start, end, category, rule, gap_tokens, confident):
                return veto.name
        return None

    def _veto_fires(self, name, kind, doc, start, end, category, rule, gap_tokens, confident) -> bool:
        learned = kind == LEARNED
        i = start
        if name == "named_confidant":
            return self._question_kind == TRUSTED_PERSON and bare_answer(doc.text)
        if name == "trust_reason":
            return self._question_kind == TRUSTED_PERSON and reasons.trust_reason(doc.text)
        if name == "generational":
            return reasons.generational(doc.text)
        if name == "pass_on":
            return reasons.pass_on(doc.text)
        if name == "praise":
            return reasons.praise(doc.text)
        if name == "adults_both":
            return reasons.adults_both(doc.text)
        if name == "area_concern":
            return areas.area_concern(doc.text)
        if name == "named_worry":
            return self._question_kind == WORRY and everyday.named_worry(doc, start, category)
        if name == "secrets_denied":
            if learned:
                return self.cues_.denies_keeping(doc, doc[i].sent.start, doc[i].sent.end)
            return self.cues_.denies_keeping(doc, start, end)
        if name == "negation":
            if learned:
                return (self.use_negation and category not in ABSENCE_CATEGORIES
                        and self.cues_.negated(doc, i, []) and not self._instructed(doc, i))
            return rule.negatable and self.use_negation and self.cues_.negated(doc, start, gap_tokens)
        if name == "hypothetical":
            if not learned and not rule.hypothetical:
                return False
            return self.use_hypothetical and self.cues_.hypothetical(doc, start) and not self.frames_.owned(doc)
        if name == "resolved":
            return not rule.resolved_ok and self.cues_.resolved(doc, start)
        if name == "topic_anchor":
            if learned:
                people = PERSONAL | THIRD_PARTY if confident else PERSONAL
                return not self.cues_.topic_ok(doc, i, i + 1, lesson_cues=not confident, people=people)
            return rule.kind in ("topic", "sign") and not self.cues_.topic_ok(doc, start, end, rule.kind == "topic")
        if name == "framed":
            return self.cues_.framed(doc, i) if learned else self.cues_.framed(doc, start, end)
        if name == "past_and_over":
            return self.cues_.past_and_over(doc, start)
        if name == "joke":
            if learned and (self.cues_._find([t.norm_ for t in doc[i].sent], self.jokes_) is not None
                            and not self.frames_.serious(doc, i)):
                return True
            return self.frames_.joking(doc, start, category)
        if name == "learned_benign":
            return bool({t.norm_ for t in doc[i].sent} & self.learned_benign_.get(category, set()))
        if name == "reassurance":
            return self.cues_._find([t.norm_ for t in doc], self.reassurance_) is not None
        frame = {"accident": self.frames_.accidental, "choice": self.frames_.chosen,
                 "general_concern": self.frames_.general_concern,
                 "generic_group": self.frames_.generic_group,
                 "provision_complaint": everyday.provision_complaint, "cut_object": everyday.cut_object,
                 "leisure_jump": everyday.leisure_jump,
                 "said_of_things": things.said_of_things, "unsafe_denied": everyday.unsafe_denied,
                 "hearsay_group": everyday.hearsay_group, "nothing_to_add": everyday.nothing_to_add,
                 "no_person": everyday.no_person, "not_to_me": everyday.not_to_me}.get(name)
        if frame is not None:
            return frame(doc, start, category)
        if name == "opinion":
            return self.frames_.opinion(doc, start, end)
        if name == "advice":
            return self.frames_.advice(doc, start)
        if name == "media":
            return self.frames_.media(doc, start, end, category)
        if name == "younger_sibling":
            return self.frames_.younger_sibling(doc, start, end, category)
        raise KeyError(name)

    def _judged(self, doc: Doc, kept: dict) -> dict:
        """Second stage: a rule hit stands only if the learned net does not call the answer ordinary.

        The rules are written for recall; the net, trained with thousands of
        real ordinary answers as negatives, is the precise judge.  A rule's
        category is dropped (unless its words name the writer's family and the
        writer, :meth:`_first_hand`) when the net's flag probability is below that
        category's floor (``JUDGE_FLOOR``) both for the whole answer and for
        each sentence a rule fired in (a disclosure inside a long ordinary
        answer is judged on its own sentence).  Measured:
        see ``benchmarks/SCREENING_RESULTS.md`` ("Two-stage screen").
        """
        ctx = question_token(self._question_kind)
        judge = self.judge_net_ or self.learned_
        p_answer = judge.probability(ctx + doc_tokens(doc)[0])
        out = {}
        ongoing = bool(_TOLD_AS_ONGOING.search(doc.text.lower()))  # once per answer, not per category
        for c, spans in kept.items():
            floor = JUDGE_FLOOR.get(c, JUDGE_FLOOR["*"])
            done = any(self._done_to_writer(span) or self._writer_now(span, c) or self._threatened(span)
                       for span in spans)
            first_hand = done or any(self._first_hand(span) for span in spans)
            if not (first_hand or p_answer >= floor or not applies("judge", RULE, c, self.ablated_) or any(
                    judge.probability(ctx + doc_tokens(span.sent)[0]) >= floor for span in spans)):
                if self._trace is not None:
                    self._trace.extend((JUDGE, c, span.text, "judge") for span in spans)
            elif self._read_enough(doc, spans, c, first_hand or ongoing) or done:
                out[c] = spans
                if first_hand or any(self._own_family(span) for span in spans):
                    self._agreement_exempt.add(c)  # not the agreement's to overrule (agreement.py)
        return out

    def _last_resort(self, text: str) -> list[Hit]:
        """A hit when nothing else flagged the answer but the judge net (trained on every tuning writer, a short
        answer read beside its question) is at least ``LAST_RESORT_THRESHOLD`` sure it is a disclosure, let
        through by the same veto gate as any learned hit; it names its category and words.

        The rules, signals and vetoes are tuned writer by writer, and a new writer's own wordings slip past them
        (recall 0.78-0.88 at first sight on writers 18-21); the net reads every writer's words at once. Switched
        off with ``ablate={"last resort"}``."""
        if self.judge_net_ is None or "last resort" in self.ablated_:
            return []
        found = learned_hit(self.judge_net_, self._doc(text), self.wanted_, self._learned_gate,
                            confident=self.learned_confident, context=question_token(self._question_kind),
                            threshold=LAST_RESORT_THRESHOLD)
        if found is None:
            return []
        category, (a, b) = found
        a, b = _word_bounds(text, a, b)
        if self._trace is not None:
            self._trace.append(("last resort", category, text[a:b], None))
        return [Hit(category, text[a:b], a, b)]

    def _first_hand(self, span) -> bool:
        """The rule's own words name the writer's family and the writer ("my dad hits me"), or the
        writer's own family ("my dad") opens the sentence the rule's words aim at the writer in ("my dad
        throws stuff at me sometimes but its fine"): no judge overrules that, however ordinary or
        played down the rest ("lol my dad hits me every time"); or the writer says they are not safe at home
        ("... that im not safe at home", :meth:`_writer_before`)."""
        words = {t.norm_ for t in span} | {t.lower_ for t in span}
        if words & _FAMILY and words & _FIRST_PERSON:
            return True
        if words & _UNSAFE_WORDS and words & _UNSAFE_HOME and words & _UNSAFE_DENIAL and self._writer_before(span):
            return True
        before = [t.lower_ for t in span.doc[span.sent.start:span.start]]
        if FAMILY_SUBJECT and self._family_subject(before):
            return True
        if not words & _WRITER_OBJECT:
            return False
        return any(a in _POSSESSIVE and (b in _FAMILY or f"{b} {c}" in _FAMILY_PAIRS)
                   for a, b, c in zip(before, before[1:], [*before[2:], ""], strict=False))

    def _done_to_writer(self, span) -> bool:
        """The rule's words aim at the writer ("me") and a person does them (:meth:`_agent_on_writer`), and the answer
        does not tell it as over (lexicon PAST, OVER and RESOLVED cues: "a boy hit me last year but ... its fine now"):
        neither the judge nor the reader's floor overrules that ("The park but the big boys made me touch them in the
        bushes": the reader, reading answers to "What is good about where you live?", gives it under 0.1)."""
        aimed = any(t.lower_ in _AGENT_OBJECT and not (t.i > 0 and t.doc[t.i - 1].lower_ in _COMPARING) for t in span)
        if not AGENT_ON_WRITER or not aimed or not self._agent_on_writer(span):
            return False
        # The raw words, not the lemmatised ones: "im fine" is no OVER cue "i'm fine" said of past harm, but lemmatised
        # it matches one ("nah im fine. just my mum says she hates me like 10 times a day", held-out, would be lost).
        return not _TOLD_AS_OVER.search(span.doc.text.lower())

    @staticmethod
    def _writer_now(span, category: str = "") -> bool:
        """The writer is the subject of the rule's harm now ("i'm being bullied", "i get hit": frames.yaml
        FIRST_HAND_WRITER_NOW ending at most two words before the end of the rule's words, in their sentence), and the
        answer does not tell it as over, or tells it as still going on ("i used to be bullied and it still happens")."""
        text = span.doc.text
        before = text[span.sent.start_char:span.end_char].lower().replace("'", "").replace("\u2019", "")
        lowered = text.lower()
        if _TOLD_AS_ONGOING.search(lowered) and _WRITER_BEFORE_HARM.search(before):
            return True
        before = " ".join(before.split())
        now = _WRITER_NOW.search(before) or (category == "self_harm_suicide" and _WRITER_NOW_SELF_HARM.search(before))
        return bool(now) and not _TOLD_AS_OVER.search(lowered)

    @staticmethod
    def _threatened(span) -> bool:
        """Someone told the writer they will do violence to them ("they put a voice note saying theyre going to shank
        me"): in the rule's sentence a report (frames.yaml FIRST_HAND_THREAT_REPORTS), then "going to", "gonna", "will"
        or "'ll" and a threat (FIRST_HAND_THREAT_VERBS) aimed at "me", the rule's words inside the threat. Neither the
        judge nor the agreement overrules it, whoever made it ("they" too); a fear with no threat told ("im scared
        someone is going to stab me") is not one."""
        sent = span.sent
        text = sent.text.lower().replace("\u2019", "'").replace("'", " ")
        offset = sent.start_char
        for m in _THREAT.finditer(text):
            if offset + m.start() <= span.start_char and span.end_char <= offset + m.end():
                return True
        return False

    @staticmethod
    def _agent_on_writer(span) -> bool:
        """Someone does the rule's words to the writer: a person (frames.yaml FIRST_HAND_AGENTS, or a capitalised
        name inside the sentence) opens the rule's words or stands in the two words before them ("he kicks me", "the
        big boys made me touch them"). (The caller has checked that the words aim at the writer.)"""
        sent = span.sent
        for t in span.doc[max(sent.start, span.start - 2):span.start + 1]:
            if t.lower_ in _AGENTS or (t.is_title and t.i > sent.start and t.lower_ not in {"i", "im", "i'm"}):
                return True
        return False

    @staticmethod
    def _own_family(span) -> bool:
        """The rule's own words name the writer's family: "my" or "our" and a family word inside them, or "my"
        right before them ("being in the car with my parents because they fight": the rule's words "parents because
        they fight"; held-out, lost to the agreement until this)."""
        words = [t.lower_ for t in span.doc[max(span.sent.start, span.start - 1):span.end]]
        return any(a in _POSSESSIVE and b in _FAMILY for a, b in zip(words, words[1:], strict=False))

    @staticmethod
    def _family_subject(before: list[str]) -> bool:
        """"my brother is doing county lines": the sentence opens with the writer's own family member (a sibling
        too: frames.yaml SIBLINGS) and only a few linking words (frames.yaml FIRST_HAND_FAMILY_SUBJECT) stand
        before the rule's words."""
        if len(before) < 2 or before[0] not in _POSSESSIVE:
            return False
        if before[1] in _FAMILY or before[1] in _SIBLINGS:
            rest = before[2:]
        else:
            rest = before[3:] if " ".join(before[1:3]) in _FAMILY_PAIRS else None
        return rest is not None and len(rest) <= 3 and all(w in _FAMILY_SUBJECT for w in rest)

    @staticmethod
    def _writer_before(span) -> bool:
        """"im not safe at home": the writer right before the words (frames.yaml FIRST_HAND_UNSAFE_LEAD; "^" marks
        the sentence's start, so "dont feel safe at home" with the writer left out is one too)."""
        before = span.doc.text[span.sent.start_char:span.start_char].lower()
        before = " ^ " + " ".join(before.replace("'", "").replace("\u2019", "").split())
        return before.endswith(_UNSAFE_LEADS)

    def _instructed(self, doc: Doc, i: int) -> bool:
        """"told me not to tell": the negation is part of an instruction given to the writer.

        Only when the instruction verb comes before the negation; in "no one
        has ever asked me to sell drugs" the negation comes first and denies.
        """
        lo = doc[i].sent.start
        neg = next((k for k in range(i - 1, max(lo, i - 7) - 1, -1) if doc[k].norm_ in self.cues_.neg), None)
        if neg is None:
            return False
        return any(t.norm_ in _INSTRUCT for t in doc[max(lo, neg - 4):neg])
