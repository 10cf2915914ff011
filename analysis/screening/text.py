"""Text plumbing for the screen: spaCy pipeline, chunking and evidence spans."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MAX_CHARS = 200_000  # longer answers are screened in chunks of this size

# Multi-word expressions merged into one token before matching.
_MERGES = {
    ("no", "one"): "nobody", ("no", "-", "one"): "nobody", ("no1",): "nobody",
    ("self", "harm"): "selfharm", ("self", "-", "harm"): "selfharm",
    ("self", "harming"): "selfharm", ("self", "-", "harming"): "selfharm",
    ("self", "harmed"): "selfharm", ("self", "-", "harmed"): "selfharm",
    ("self", "harms"): "selfharm", ("self", "-", "harms"): "selfharm",
    ("home", "alone"): "homealone",
    # "a bit scary" is not "bite"
    ("a", "bit"): "slightly", ("a", "little", "bit"): "slightly",
    ("sh", "-", "ing"): "selfharm", ("sh", "ing"): "selfharm", ("sh", "'ing"): "selfharm",
    ("my", "self"): "myself", ("ma", "self"): "myself", ("me", "self"): "myself",
    ("her", "self"): "herself", ("him", "self"): "himself", ("them", "selves"): "themselves",
}


def _load_lemma_lookup() -> dict[str, str]:
    import spacy_lookups_data
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf8") as fh:
        return json.load(fh)


MAX_SENT_TOKENS = 80


@Language.component("safeguarding_sentence_limits")
def _sentence_limits(doc: Doc) -> Doc:
    """Start a new sentence after line breaks and every MAX_SENT_TOKENS tokens.

    Answers are often written without full stops; this keeps "one sentence"
    (the scope of the cue checks) short and the checks fast on long text.
    """
    run = 0
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if tok.is_sent_start:
            run = 0
        elif "\n" in prev.text or run >= MAX_SENT_TOKENS:
            tok.is_sent_start = True
            run = 0
        else:
            run += 1
    return doc


def build_nlp():
    """Tokeniser and sentence limits.  No lemmatizer: the screen reads ``norm_``, which
    :class:`~.normalise.Normaliser` lemmatises from the same table (spaCy's would load it again)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("safeguarding_sentence_limits")
    nlp.initialize()
    nlp.max_length = MAX_CHARS + 10
    return nlp


_LONG_RUN = re.compile(r"\S{60,}")


def _break_run(m: re.Match) -> str:
    s = m.group()
    return " ".join(s[i:i + 39] for i in range(0, len(s), 40))[: len(s)].ljust(len(s))


_TAG_RE = re.compile(r"<[^<>]{0,500}>")


def _chunks(text: str, size: int):
    """Split very long text near sentence ends so no disclosure is cut in two."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(ch, start + size // 2, end) for ch in (".", "!", "?", "\n"))
            if cut <= start:
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, end
        start = end


def _union(spans) -> list[tuple[int, int]]:
    """Merge overlapping spans (character offsets) of one category."""
    out: list[list[int]] = []
    for a, b in sorted((sp.start_char, sp.end_char) for sp in spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _word_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    """Widen to whole words so evidence never starts mid-word ("nt feel")."""
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "'\u2019") and b - a < 2000:
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in "'\u2019"):
        b += 1
    return a, b


# Multi-word merges ("no one" -> "nobody") indexed by their first word, in _MERGES order.
_MERGES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _key, _target in _MERGES.items():
    if len(_key) > 1:
        _MERGES_BY_FIRST.setdefault(_key[0], []).append((_key, _target))


def make_doc(nlp, norm, text: str) -> Doc:
    """Parse ``text``: spaCy pipeline, normalised words in ``norm_``, multi-word merges."""
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    for tok in doc:
        if not tok.is_space:
            tok.norm_ = norm(tok.text)
    _merge(doc)
    return doc


def _merge(doc: Doc) -> None:
    lowers = [t.lower_ for t in doc]
    spans = []
    i = 0
    while i < len(doc):
        for key, target in _MERGES_BY_FIRST.get(lowers[i], ()):
            k = len(key)
            if tuple(lowers[i:i + k]) == key:
                spans.append((doc[i:i + k], target))
                i += k - 1
                break
        i += 1
    if spans:
        with doc.retokenize() as rt:
            for span, target in spans:
                rt.merge(span, attrs={"NORM": target, "LEMMA": target})
