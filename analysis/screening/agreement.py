"""The last word over every English alert: an alert stands only where the judge net and the reader agree with it.

Each part of the screen (the rules, the learned net, the last resort, the reader) can raise an alert on its own, and
on a kind of group never written for each misfires on its own answers: on blind writers 73-88 (neither the judge nor
the reader had learned them) 204 alerts fell on 10,400 ordinary answers, from every part. The judge net
(:data:`.learned.JUDGE_SOURCES`) and the reader (:mod:`.charmodel`) each read the whole answer; where the mean of
their probabilities (the judge's of the answer or of a sentence the alert's words are in) is less than the alert's
category's ``AGREEMENT_FLOOR`` (:mod:`.calibration`), the alert is dropped. Two kinds of alert keep their standing:
rule hits whose words name the writer as the one harmed now or the writer's own family
(:meth:`.gate.VetoGate._judged`'s first-hand hits, :meth:`.gate.VetoGate._own_family`), and the answer signals' and
the question's hits (hand-made wordings both nets read as ordinary: "honestly dying would help").
``ablate={"agreement"}`` (or ``{"judge"}``, or ``judge=False``) switches it off.
"""

from __future__ import annotations

from .calibration import AGREEMENT_FLOOR
from .learned import doc_tokens, question_token
from .result import Hit


class Agreement:
    """The agreement check (a mixin of the screener; needs ``judge_net_``, ``reader_``, ``_doc`` and
    ``_question_kind``)."""

    def _agreed(self, text: str, hits: list[Hit]) -> list[Hit]:
        """``hits`` the judge and the reader agree with (see the module), in their order. ``text`` is the part of
        the answer they read; a hit past it (a very long answer's later chunks) stands."""
        if not hits or self.judge_net_ is None or not self.judge or {"agreement", "judge"} & self.ablated_:
            return hits
        doc = self._doc(text)
        ctx = question_token(self._question_kind)
        judged = self.judge_net_.probability(ctx + doc_tokens(doc)[0])
        read = self._reader_probabilities([doc.text])
        kept = []
        for hit in hits:
            floor = AGREEMENT_FLOOR.get(hit.category, AGREEMENT_FLOOR["*"])
            if (hit.category in self._agreement_exempt or hit.start >= len(text)
                    or self._agreement(doc, ctx, hit, judged, read) >= floor):
                kept.append(hit)
            elif self._trace is not None:
                self._trace.append(("agreement", hit.category, hit.evidence, "agreement"))
        return kept

    def _agreement(self, doc, ctx: list[str], hit: Hit, judged: float, read) -> float:
        """The mean of the judge's probability (of the answer, or of a sentence the hit's words are in, whichever is
        higher: a disclosure inside a long ordinary answer is judged on its own sentence) and the reader's of the
        answer (the judge's alone without a reader)."""
        sents = list(doc.sents)
        if len(sents) > 1:
            judged = max([judged, *(self.judge_net_.probability(ctx + doc_tokens(s)[0]) for s in sents
                                    if s.start_char < hit.end and hit.start < s.end_char)])
        return judged if read is None else (judged + float(read[0])) / 2
