"""The learned net's own hit on an answer, and the words quoted as its evidence.

Used by the screen for the net of learned hits (``engine``) and for the last resort (``gate``): a hit needs a
probability over the threshold, a category the survey wants, and a content word that passes the veto gate.
"""

from __future__ import annotations

from collections.abc import Sequence

from .learned import LearnedNet, doc_tokens

# A score only a little above the threshold must rest on words that say
# something ("message", "hurt", "tea"), not mostly on "me", "not", "i".
_CONTENT_MIN = 0.6
_CONFIDENT = 0.8
_SPAN_MAX = 8      # evidence covers at most this many words either side of the strongest
_SHARE = 0.3       # ... and only words carrying at least this share of its weight
# Words that never lead the evidence (they carry weight, but say nothing alone).
_FUNCTION = frozenset({
    "i", "me", "my", "myself", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "they", "them", "their", "it", "its", "a", "an", "the", "and", "or", "but", "to", "of", "in",
    "on", "at", "for", "with", "by", "from", "up", "be", "have", "do", "not", "'s", "s", "'ve",
    "'m", "'re", "'ll", "'d", "so", "that", "this", "there", "because", "when", "if", "all",
    "just", "like", "really", "about", "out", "then", "what", "who", "as", "no", "will", "would",
    "nobody", "never", "nothing", "nowhere", "noone", "get", "anyone", "anybody", "someone", "somebody", "ever", "know",
})


_TRIES = 3         # a confident score may rest on any of its 3 strongest content words


def learned_hit(net: LearnedNet, doc, allowed: set[str], gate=None, confident: float | None = None,
                context: Sequence[str] = (), threshold: float | None = None) -> tuple[str, tuple[int, int]] | None:
    """``(category, (start_char, end_char))`` of the learned net's hit, or None.

    The evidence is the strongest content word for flagging plus the nearby
    words in the same sentence that also pushed the score up.  ``gate(doc,
    token_index, category, probability)`` may veto the hit (negated,
    hypothetical, lesson talk...); it is told the flag probability so that a
    confident score can be held to fewer checks.  When the probability is at
    least ``confident``, the gate is asked about each of the three strongest
    content words (strongest first) and the first it lets through leads the
    evidence: in "i didnt want to but he made me" the strongest word is
    negated ("want") but the next ("made") is not.  ``context`` (:func:`question_token`)
    is scored with the answer but never quoted as evidence; ``threshold`` replaces the net's own.
    """
    norms, idx = doc_tokens(doc)
    if not norms:
        return None
    full = [*context, *norms]
    p = net.probability(full)
    if p < (net.threshold if threshold is None else threshold):
        return None
    category, _p = net.category(full, allowed)
    if not category:
        return None
    contrib = net.word_contributions(full)[len(context):]
    content = [k for k in range(len(norms)) if norms[k] not in _FUNCTION and contrib[k] > 0]
    if not content or (p < _CONFIDENT and sum(contrib[k] for k in content) < _CONTENT_MIN):
        return None
    ranked = sorted(content, key=contrib.__getitem__, reverse=True)
    tries = _TRIES if confident is not None and p >= confident else 1
    ranked = [k for k in ranked[:tries] if contrib[k] >= _SHARE * contrib[ranked[0]]]
    best = next((k for k in ranked if gate is None or gate(doc, idx[k], category, p)), None)
    if best is None:
        return None
    sent = doc[idx[best]].sent
    keep = [k for k in range(len(norms))
            if abs(k - best) <= _SPAN_MAX and contrib[k] >= _SHARE * contrib[best]
            and sent.start <= idx[k] < sent.end]
    first, last = doc[idx[min(keep)]], doc[idx[max(keep)]]
    return category, (first.idx, last.idx + len(last.text))
