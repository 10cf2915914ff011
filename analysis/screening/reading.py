"""The reader of whole answers in the screen (:mod:`.charmodel`): a floor under the topic rules' hits, beside the
judge's, and a hit of its own where nothing else flagged an English answer.

:class:`Reading` is mixed into :class:`.engine.DisclosureScreener` beside :class:`.gate.VetoGate`; it needs the
fitted screener's ``reader_``, ``judge_net_`` and ``_doc``. ``ablate={"reader"}`` switches both uses off,
``{"reader floor"}`` or ``{"reader hits"}`` one of them (``benchmarks/screening.py --ablate``).
"""

from __future__ import annotations

from .calibration import (
    READER_FIRST_HAND_FLOOR,
    READER_FLOOR,
    READER_LAST_RESORT_FLOOR,
    READER_LEARNED_FLOOR,
    READER_OVERRULES,
    READER_OVERRULES_GATE,
    READER_THRESHOLD,
)
from .charmodel import reading_text
from .learned import doc_tokens, question_token
from .result import Hit
from .text import _word_bounds

_SPAN = 4          # the reader's words: the strongest and neighbours within this many words, in its sentence
_SHARE = 0.5       # ... that take at least this share of the strongest word's weight
_TRIES = 3         # the gate is asked about the reader's three strongest words: a veto of any cancels the hit
READER_GATE = True
GATE_SHARE = 0.5   # ... of those that take at least this share of the strongest word's weight


class Reading:
    """The reader's two uses (a mixin of the screener)."""

    def _reader_probabilities(self, texts):
        """The reader's probabilities of ``texts`` (HTML tags blanked: :meth:`_doc`'s text) beside the question."""
        if self.reader_ is None or "reader" in self.ablated_:
            return None
        return self.reader_.probabilities([reading_text(t, self._question_kind) for t in texts])

    def _read_enough(self, doc, spans, category: str, first_hand: bool = False, learned: bool = False) -> bool:
        """The reader's floor under a topic rule's hit, beside the judge's (:meth:`.gate.VetoGate._judged`), and
        under the learned net's hit: the reader gives the answer at least its category's ``READER_FLOOR`` (a rule's
        words that name the writer's family and the writer, ``first_hand``: ``READER_FIRST_HAND_FLOOR``; the learned
        net's hit, ``learned``: ``READER_LEARNED_FLOOR`` too, unless its category has a floor of its own). Rules fire
        on words; the reader, learned from every writer, weighs the answer."""
        if "reader floor" in self.ablated_:
            return True
        floor = READER_FLOOR.get(category, READER_FLOOR["*"])
        if learned and category not in READER_FLOOR:  # a category with a floor of its own keeps it (self-harm)
            floor = max(floor, READER_LEARNED_FLOOR)
        # first-hand words are read in their own sentence too: a disclosure inside a long ordinary answer
        texts = [doc.text, *({span.sent.text for span in spans} if first_hand else ())]
        p = self._reader_probabilities(texts)
        if p is None or p.max() >= (min(floor, READER_FIRST_HAND_FLOOR) if first_hand else floor):
            return True
        if self._trace is not None:
            self._trace.extend(("reader floor", "", span.text, "reader floor") for span in spans)
        return False

    def _last_resort_read_enough(self, text: str, hits: list[Hit]) -> list[Hit]:
        """The last resort's ``hits`` (the judge net's own), or none where the reader gives the answer less than
        ``READER_LAST_RESORT_FLOOR``."""
        if not hits or READER_LAST_RESORT_FLOOR <= 0 or "reader floor" in self.ablated_:
            return hits
        p = self._reader_probabilities([self._doc(text).text])
        if p is None or p[0] >= READER_LAST_RESORT_FLOOR:
            return hits
        if self._trace is not None:
            self._trace.extend(("reader floor", h.category, h.evidence, "reader floor (last resort)") for h in hits)
        return []

    def _read(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` of an English answer, or, where there are none, the reader's own hit where it gives the answer
        at least ``READER_THRESHOLD`` (:meth:`_reader_hit`)."""
        if hits or "reader hits" in self.ablated_:
            return hits
        doc = self._doc(text)
        p = self._reader_probabilities([doc.text])
        if p is None or p[0] < READER_THRESHOLD:
            return []
        return self._reader_hit(text, doc, float(p[0]))

    def _reader_hit(self, text: str, doc, p: float) -> list[Hit]:
        """The reader's hit: the judge net names the category (the most likely of the wanted ones), the reader
        the words (:meth:`_reader_words`), and the veto gate may cancel it."""
        if self.judge_net_ is None:
            return []
        context = question_token(self._question_kind)
        norms = doc_tokens(doc)[0]
        category, _ = self.judge_net_.category([*context, *norms], self.wanted_)
        if not category:
            return []
        words = self._reader_words(doc, p, category)
        if words is None:
            return []
        a, b = _word_bounds(text, *words)
        if self._trace is not None:
            self._trace.append(("reader", category, text[a:b], None))
        return [Hit(category, text[a:b], a, b)]

    def _gate_cancels(self, doc, indexes: list[int], category: str, p: float) -> bool:
        """Whether the veto gate cancels the reader's hit: a veto of any of its strongest words, except that at
        ``READER_OVERRULES_GATE`` or more the word-level vetoes of ``READER_OVERRULES`` do not."""
        if p < READER_OVERRULES_GATE:
            return not all(self._learned_gate(doc, i, category, p) for i in indexes)
        fired = {name for i in indexes for name in self._learned_vetoes(doc, i, category, p)}
        if self._trace is not None and fired:
            self._trace.append(("reader", category, "", ",".join(sorted(fired))))
        return bool(fired - READER_OVERRULES)

    def _reader_words(self, doc, p: float, category: str) -> tuple[int, int] | None:
        """Character offsets of the words the reader leans on most (:meth:`.charmodel.CharModel.word_weights`), or
        None when the veto gate cancels each of its three strongest (:meth:`.gate.VetoGate._learned_gate`)."""
        words = [t for t in doc if not t.is_space and not t.is_punct]
        if not words:
            return None
        weights = self.reader_.word_weights([t.text for t in words])
        ranked = [int(k) for k in weights.argsort()[::-1][:_TRIES] if weights[k] > 0]
        ranked = [k for k in ranked if weights[k] >= GATE_SHARE * weights[ranked[0]]]
        if not ranked or (READER_GATE and self._gate_cancels(doc, [words[k].i for k in ranked], category, p)):
            return None
        best = ranked[0]
        sent = words[best].sent
        keep = [k for k in range(len(words)) if abs(k - best) <= _SPAN and weights[k] >= _SHARE * weights[best]
                and sent.start <= words[k].i < sent.end] or [best]
        first, last = words[min(keep)], words[max(keep)]
        return first.idx, last.idx + len(last.text)
