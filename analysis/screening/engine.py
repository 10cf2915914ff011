"""The disclosure screen: spaCy pipeline, rule matching and cue handling."""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from .categories import CATEGORIES
from .compiler import _words, compile_pattern, literal_words
from .cues import CueChecker
from .lexicon import SETS, SLANG
from .normalise import Normaliser
from .rules import Rule, all_rules

MAX_CHARS = 200_000  # longer answers are screened in chunks of this size

# Multi-word expressions merged into one token before matching.
_MERGES = {
    ("no", "one"): "nobody", ("no", "-", "one"): "nobody", ("no1",): "nobody",
    ("self", "harm"): "selfharm", ("self", "-", "harm"): "selfharm",
    ("self", "harming"): "selfharm", ("self", "-", "harming"): "selfharm",
    ("self", "harmed"): "selfharm", ("self", "-", "harmed"): "selfharm",
    ("self", "harms"): "selfharm", ("self", "-", "harms"): "selfharm",
    ("home", "alone"): "homealone",
    ("my", "self"): "myself", ("ma", "self"): "myself", ("me", "self"): "myself",
    ("her", "self"): "herself", ("him", "self"): "himself", ("them", "selves"): "themselves",
}


@dataclass(frozen=True)
class Hit:
    """One rule match: category, the words as written and their offsets."""
    category: str
    evidence: str
    start: int
    end: int


@dataclass(frozen=True)
class ScreeningResult:
    flagged: bool
    categories: tuple[str, ...]
    hits: tuple[Hit, ...]

    def to_dict(self) -> dict:
        return {"flagged": self.flagged, "categories": list(self.categories),
                "evidence": [h.evidence for h in self.hits]}


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
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("safeguarding_sentence_limits")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.max_length = MAX_CHARS + 10
    return nlp


_COMMON = frozenset({"me", "us", "i", "my", "the", "a", "to", "be", "have", "do", "not", "he",
                     "she", "they", "him", "her", "it", "and", "of", "in", "on", "at", "for",
                     "with", "you", "your", "our", "we", "them", "get", "go", "say", "tell"})


def _trigger_words(spec: list[dict]) -> set[str]:
    """Words of the most specific required token of a Matcher pattern."""
    best, best_key = set(), None
    for tok in spec:
        if "OP" in tok or "NORM" not in tok:
            continue
        words = set(tok["NORM"]["IN"]) if isinstance(tok["NORM"], dict) else {tok["NORM"]}
        key = (len(words & _COMMON) > 0, len(words))
        if best_key is None or key < best_key:
            best, best_key = words, key
    return best


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


class DisclosureScreener:
    """Rule-based safeguarding screen (scikit-learn style).

    Parameters
    ----------
    categories : iterable of str or None
        Restrict the screen to these categories (default: all).
    fuzzy : bool
        Correct misspellings of rule words (edit distance 1-2).
    use_negation, use_hypothetical : bool
        Switch the negation / hypothetical suppression on or off.
    """

    def __init__(self, categories=None, fuzzy=True, use_negation=True, use_hypothetical=True):
        self.categories = categories
        self.fuzzy = fuzzy
        self.use_negation = use_negation
        self.use_hypothetical = use_hypothetical

    # ---------------------------------------------------------------- fit
    def fit(self, X=None, y=None):
        wanted = set(self.categories) if self.categories else set(CATEGORIES)
        unknown = wanted - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {sorted(unknown)}")
        self.nlp_ = build_nlp()
        lookup = _load_lemma_lookup()
        known = set(lookup) | set(lookup.values())
        self.normaliser_ = Normaliser(lookup, known, fuzzy=self.fuzzy)
        self.rules_: list[Rule] = [r for r in all_rules() if r.category in wanted]
        targets: set[str] = set(SLANG.values())
        for words in SETS.values():
            targets.update(words)
        for r in self.rules_:
            for p in r.patterns:
                targets.update(literal_words(p))
        inflected: dict[str, list[str]] = {}
        for form, lem in lookup.items():
            inflected.setdefault(lem, []).append(form)
        norm_targets = set()
        for t in targets:
            norm_targets.add(t)
            norm_targets.update(inflected.get(t, ()))
        self.normaliser_.set_targets(w for w in norm_targets if w not in known or w in targets)
        norm = self.normaliser_.norm
        self.matchers_: dict[str, Matcher] = {}
        self.rule_triggers_: dict[str, frozenset[str]] = {}
        self.gap_maps_: dict[str, list[list[bool]]] = {}
        self.key_rule_: dict[str, str] = {}
        self.triggers_: set[str] = set()
        for r in self.rules_:
            k = 0
            matcher = self.matchers_[r.name] = Matcher(self.nlp_.vocab)
            rule_trig: set[str] = set()
            for p in r.patterns:
                for spec, gap in compile_pattern(p, norm):
                    rule_trig.update(_trigger_words(spec))
                    key = f"{r.name}#{k}"
                    matcher.add(key, [spec])
                    self.gap_maps_[key] = gap
                    self.key_rule_[key] = r.name
                    k += 1
            self.rule_triggers_[r.name] = frozenset(rule_trig)
            self.triggers_.update(rule_trig)
        self.rule_by_name_ = {r.name: r for r in self.rules_}
        self.unless_ = {r.name: {norm(w) for w in r.unless} for r in self.rules_}
        self.requires_ = {r.name: [{norm(w) for w in _words(item)} | set(_words(item))
                                   for item in r.requires] for r in self.rules_}
        self.cues_ = CueChecker(norm)
        self.lock_ = threading.Lock()
        return self

    # ----------------------------------------------------------- helpers
    def _doc(self, text: str) -> Doc:
        doc = self.nlp_.make_doc(text)
        for _name, proc in self.nlp_.pipeline:
            doc = proc(doc)
        norm = self.normaliser_.norm
        for tok in doc:
            if not tok.is_space:
                tok.norm_ = norm(tok.text)
        self._merge(doc)
        return doc

    @staticmethod
    def _merge(doc: Doc) -> None:
        lowers = [t.lower_ for t in doc]
        spans = []
        i = 0
        while i < len(doc):
            for key, target in _MERGES.items():
                k = len(key)
                if tuple(lowers[i:i + k]) == key and k > 1:
                    spans.append((doc[i:i + k], target))
                    i += k - 1
                    break
            i += 1
        if spans:
            with doc.retokenize() as rt:
                for span, target in spans:
                    rt.merge(span, attrs={"NORM": target, "LEMMA": target})

    def _requirements_met(self, doc: Doc, name: str, start: int, end: int) -> bool:
        """Each required list needs its own word in the sentence, outside the match."""
        sent = doc[start].sent
        used = set(range(start, end))
        for req in self.requires_[name]:
            for t in sent:
                if t.i not in used and (t.norm_ in req or t.lower_ in req):
                    used.add(t.i)
                    break
            else:
                return False
        return True

    def _check(self, doc: Doc, key: str, start: int, end: int, align) -> bool:
        name = self.key_rule_[key]
        r = self.rule_by_name_[name]
        gaps = self.gap_maps_[key]
        gap_tokens = [start + k for k, a in enumerate(align) if gaps[a]]
        unless = self.unless_[name]
        if unless:
            lo, hi = max(doc[start].sent.start, start - 2), min(doc[end - 1].sent.end, end + 3)
            if r.unless_sentence:
                lo, hi = doc[start].sent.start, doc[end - 1].sent.end
            num = "#num" in unless
            if any(doc[i].norm_ in unless or doc[i].lower_ in unless or (num and doc[i].like_num)
                   for i in range(lo, hi)):
                return False
        if self.requires_[name] and not self._requirements_met(doc, name, start, end):
            return False
        if r.negatable and self.use_negation and self.cues_.negated(doc, start, gap_tokens):
            return False
        if r.hypothetical and self.use_hypothetical and self.cues_.hypothetical(doc, start):
            return False
        if not r.resolved_ok and self.cues_.resolved(doc, start):
            return False
        if r.kind == "topic" and not self.cues_.topic_ok(doc, start, end):
            return False
        return True

    def _screen_chunk(self, text: str, offset: int) -> list[Hit]:
        # Blank out HTML tags (same length, so offsets still point into text).
        masked = _TAG_RE.sub(lambda m: " " * len(m.group()), text)
        # Break up runs of 60+ non-space characters (emoji walls, base64...):
        # spaCy's tokenizer is slow on them and they hold no sentences.
        masked = _LONG_RUN.sub(_break_run, masked)
        doc = self._doc(masked)
        matches = []
        for sent in doc.sents:
            present = {t.norm_ for t in sent}
            if not present & self.triggers_:
                continue
            for name, trig in self.rule_triggers_.items():
                if present & trig:
                    for match_id, s, e, align in self.matchers_[name](sent, with_alignments=True):
                        matches.append((match_id, s + sent.start, e + sent.start, align))
        kept: dict[str, list] = {}
        for match_id, start, end, align in matches:
            key = self.nlp_.vocab.strings[match_id]
            if self._check(doc, key, start, end, align):
                cat = self.rule_by_name_[self.key_rule_[key]].category
                kept.setdefault(cat, []).append(doc[start:end])
        hits = []
        for cat, spans in kept.items():
            for a, b in _union(spans):
                a, b = _word_bounds(text, a, b)
                hits.append(Hit(cat, text[a:b], a + offset, b + offset))
        return hits

    # ---------------------------------------------------------------- API
    def screen(self, text) -> ScreeningResult:
        if not hasattr(self, "matchers_"):
            raise RuntimeError("DisclosureScreener is not fitted; call fit() first")
        if text is None or not isinstance(text, str):
            text = "" if text is None else str(text)
        hits: list[Hit] = []
        with self.lock_:
            for a, b in _chunks(text, MAX_CHARS):
                hits.extend(self._screen_chunk(text[a:b], a))
        hits.sort(key=lambda h: (h.start, h.end, h.category))
        cats = tuple(c for c in CATEGORIES if any(h.category == c for h in hits))
        return ScreeningResult(bool(hits), cats, tuple(hits))

    def transform(self, texts: Iterable[str]) -> list[ScreeningResult]:
        return [self.screen(t) for t in texts]

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)

    def get_params(self, deep=True) -> dict:
        return {"categories": self.categories, "fuzzy": self.fuzzy,
                "use_negation": self.use_negation, "use_hypothetical": self.use_hypothetical}

    def set_params(self, **params):
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"invalid parameter {k!r}")
            setattr(self, k, v)
        return self
