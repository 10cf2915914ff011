"""The disclosure screen: spaCy pipeline, rule matching and cue handling."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc

from .agreement import Agreement
from .answers import answer_signals
from .categories import CATEGORIES
from .charmodel import shipped_reader
from .compiler import _words, compile_pattern, literal_words
from .cues import CueChecker
from .evidence import learned_hit
from .frames import FrameChecker
from .gate import VetoGate
from .languages import NOT_SCREENED, ROUTE_UNMATCHED, detect_language, keyword_hits
from .learned import (
    LEARNED_THRESHOLD,
    doc_tokens,
    fit_nets,
    question_token,
)
from .lexicon import (
    JOKE_MARKERS,
    LEARNED_BENIGN,
    LEARNED_REASSURANCE,
    SETS,
    SLANG,
)
from .normalise import Normaliser
from .questions import TRUSTED_PERSON, bare_answer, names_abuser
from .questions import question_kind as _kind_of
from .reading import Reading
from .result import Hit, ScreeningResult  # noqa: F401 - re-exported: ``from .engine import Hit``
from .rules import Rule, all_rules
from .text import (
    _LONG_RUN,
    _TAG_RE,
    MAX_CHARS,
    _break_run,
    _chunks,
    _load_lemma_lookup,
    _union,
    _word_bounds,
    build_nlp,
    make_doc,
)
from .triggers import _LAUGHTER, _load_artefact, _trigger_words
from .vetoes import RULE


class DisclosureScreener(VetoGate, Reading, Agreement):
    """Rule-based safeguarding screen (scikit-learn style).

    Parameters
    ----------
    categories : iterable of str or None
        Restrict the screen to these categories (default: all).
    fuzzy : bool
        Correct misspellings of rule words (edit distance 1-2).
    use_negation, use_hypothetical : bool
        Switch the negation / hypothetical suppression on or off.
    learned : bool
        Add the learned safety net (:mod:`analysis.screening.learned`): it
        flags answers no rule caught when its word weights say so.
    learned_threshold : float
        Probability at or above which the learned net flags an answer.
    learned_confident : float
        Probability at or above which the net's hit is held to fewer checks:
        lesson and practitioner words ("video", "lessons", "case") no longer
        veto it, and a sentence about another child or adult ("the girl next
        door", "older lads") counts as personal.  Negation, hypothetical,
        joke, benign-frame and lesson-frame ("a book about ...") checks
        still apply.  Measured on the blind rounds: see
        ``benchmarks/SCREENING_RESULTS.md``.

    judge : bool
        Two-stage screen: a rule hit stands only when the learned net's
        probability for the answer reaches the category's floor
        (``JUDGE_FLOOR``); without the net there is no judge.
    ablate : iterable of str
        Switch off vetoes of the registry by name (:mod:`.vetoes`) and rule
        groups (``"rules:abuse"``...): for measuring what each one costs.
    prefitted : bool
        ``fit()`` (no ``X``) loads the shipped, pre-fitted net
        (``python -m analysis.screening.build``) when it matches its
        sources, instead of training on the packaged cases (seconds).

    ``fit(X, y)`` trains the learned net on texts ``X`` and their category
    lists ``y`` (empty = ordinary answer); ``fit()`` uses the packaged
    labelled cases and real ordinary answers (or the artefact built from them).
    """

    def __init__(self, categories=None, fuzzy=True, use_negation=True, use_hypothetical=True,
                 learned=True, learned_threshold=LEARNED_THRESHOLD, learned_confident=0.7, prefitted=True,
                 judge=True, ablate=()):
        self.categories = categories
        self.fuzzy = fuzzy
        self.use_negation = use_negation
        self.use_hypothetical = use_hypothetical
        self.learned = learned
        self.learned_threshold = learned_threshold
        self.learned_confident = learned_confident
        self.prefitted = prefitted
        self._trace = None
        self._question_kind = None
        self.judge = judge
        self.ablate = ablate

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
        self.ablated_ = frozenset(self.ablate or ())
        groups = {a.split(":", 1)[1] for a in self.ablated_ if a.startswith("rules:")}
        self.rules_: list[Rule] = [r for r in all_rules(exclude_groups=groups) if r.category in wanted]
        targets: set[str] = set(SLANG.values())
        for words in SETS.values():
            targets.update(words)
        for r in self.rules_:
            for p in r.patterns:
                targets.update(literal_words(p))
        # The targets and every inflected form of them (the lemma table read backwards).
        norm_targets = set(targets)
        norm_targets.update(form for form, lem in lookup.items() if lem in targets)
        self.normaliser_.set_targets(w for w in norm_targets if w not in known or w in targets)
        norm = self.normaliser_.norm
        # Each rule's spaCy Matcher is built the first time one of its trigger words is
        # seen (:meth:`_matcher`): building all of them would be most of the fit's time.
        self.matchers_: dict[str, Matcher] = {}
        self.patterns_: dict[str, list[tuple[str, list[dict]]]] = {}
        self.rule_triggers_: dict[str, frozenset[str]] = {}
        self.gap_maps_: dict[str, list[list[bool]]] = {}
        self.key_rule_: dict[str, str] = {}
        self.triggers_: set[str] = set()
        for r in self.rules_:
            k = 0
            patterns = self.patterns_[r.name] = []
            rule_trig: set[str] = set()
            for p in r.patterns:
                for spec, gap in compile_pattern(p, norm):
                    rule_trig.update(_trigger_words(spec))
                    key = f"{r.name}#{k}"
                    patterns.append((key, spec))
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
        self.frames_ = FrameChecker(norm)
        self.lock_ = threading.Lock()
        self.wanted_ = wanted
        self.learned_ = None
        self.judge_net_ = None
        self.learned_benign_ = {c: {norm(w) for w in ws} | set(ws) for c, ws in LEARNED_BENIGN.items()}
        self.jokes_ = [tuple(norm(w) for w in p.split()) for p in JOKE_MARKERS]
        self.reassurance_ = [tuple(norm(w) for w in p.split()) for p in LEARNED_REASSURANCE]
        self.n_training_cases_ = 0
        if self.learned:
            if y is None and self.prefitted and self.fuzzy:
                self.learned_ = _load_artefact(self.learned_threshold)
                self.judge_net_ = _load_artefact(self.learned_threshold, judge=True)
            if self.learned_ is None or (y is None and self.judge_net_ is None):
                # fit(X, y): one net, for learned hits and as the judge; fit(): the packaged nets
                self.learned_, self.judge_net_, self.n_training_cases_ = fit_nets(
                    lambda t: doc_tokens(self._doc(t))[0], self.learned_threshold,
                    None if y is None else (X, y))
        self.reader_ = None
        if self.learned and y is None:
            # the reader of whole answers (reading.py): shipped pre-fitted, shared by the process's screeners
            self.reader_ = shipped_reader()
        return self

    # ----------------------------------------------------------- helpers
    def _matcher(self, name: str) -> Matcher:
        """The rule's spaCy Matcher, built on first use (callers hold ``lock_``).

        Not validated here (spaCy's schema check is half the cost of adding a pattern):
        ``tests/analysis/screening/test_fit_speed.py`` validates every rule's patterns.
        """
        matcher = self.matchers_.get(name)
        if matcher is None:
            matcher = Matcher(self.nlp_.vocab, validate=False)
            for key, spec in self.patterns_[name]:
                matcher.add(key, [spec])
            self.matchers_[name] = matcher
        return matcher

    def build_matchers(self) -> DisclosureScreener:
        """Build every rule's matcher now: a server does this before forking, so its workers share them."""
        with self.lock_:
            for name in self.patterns_:
                self._matcher(name)
        return self

    def _doc(self, text: str) -> Doc:
        """Parse ``text`` with HTML tags blanked out and runs of 60+ non-space characters (emoji walls,
        base64...) broken up, both keeping its length, so offsets still point into ``text``: spaCy's
        tokenizer takes time quadratic in a run's length, and such runs hold no sentences."""
        masked = _TAG_RE.sub(lambda m: " " * len(m.group()), text)
        return make_doc(self.nlp_, self.normaliser_.norm, _LONG_RUN.sub(_break_run, masked))

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
            found = [i for i in range(lo, hi)
                     if doc[i].norm_ in unless or doc[i].lower_ in unless or (num and doc[i].like_num)]
            # A laughter word cancels only as the joke frame would: not when the
            # joke is denied or the answer holds concrete harm ("lol every time i speak").
            if found and not (all(doc[i].lower_ in _LAUGHTER or doc[i].norm_ in _LAUGHTER for i in found)
                              and self.frames_.serious(doc, start)):
                return False
        if self.requires_[name] and not self._requirements_met(doc, name, start, end):
            return False
        veto = self._vetoed(RULE, doc, start, end, r.category, rule=r, gap_tokens=gap_tokens)
        if self._trace is not None:
            self._trace.append((RULE, r.category, doc[start:end].text, veto))
        return veto is None

    def _screen_chunk(self, text: str, offset: int) -> list[Hit]:
        doc = self._doc(text)
        matches = []
        for sent in doc.sents:
            present = {t.norm_ for t in sent}
            if not present & self.triggers_:
                continue
            words = present | {t.lower_ for t in sent}
            for name, trig in self.rule_triggers_.items():
                # cheap pre-checks: a trigger word, and a word of each required list
                if present & trig and all(words & req for req in self.requires_[name]):
                    for match_id, s, e, align in self._matcher(name)(sent, with_alignments=True):
                        matches.append((match_id, s + sent.start, e + sent.start, align))
        kept: dict[str, list] = {}
        for match_id, start, end, align in matches:
            key = self.nlp_.vocab.strings[match_id]
            if self._check(doc, key, start, end, align):
                cat = self.rule_by_name_[self.key_rule_[key]].category
                kept.setdefault(cat, []).append(doc[start:end])
        if kept and self.learned_ is not None and self.judge:
            kept = self._judged(doc, kept)
        hits = []
        for cat, spans in kept.items():
            for a, b in _union(spans):
                a, b = _word_bounds(text, a, b)
                hits.append(Hit(cat, text[a:b], a + offset, b + offset))
        if not hits and self.learned_ is not None and "learned hits" not in self.ablated_:
            found = learned_hit(self.learned_, doc, self.wanted_, self._learned_gate,
                                confident=self.learned_confident, context=question_token(self._question_kind))
            if found and self._read_enough(doc, [doc[:]], found[0], learned=True):
                cat, (a, b) = found
                a, b = _word_bounds(text, a, b)
                hits.append(Hit(cat, text[a:b], a + offset, b + offset))
        return hits

    # ---------------------------------------------------------------- API
    def screen(self, text, question: str | None = None, question_kind: str | None = None) -> ScreeningResult:
        """Screen one answer; ``question`` (its English text) or ``question_kind`` (declared on the
        survey question, e.g. ``"trusted_person"``) lets the screen read it beside its question
        (:mod:`.questions`)."""
        if not hasattr(self, "matchers_"):
            raise RuntimeError("DisclosureScreener is not fitted; call fit() first")
        if text is None or not isinstance(text, str):
            text = "" if text is None else str(text)
        kind = _kind_of(question, question_kind)
        hits: list[Hit] = []
        with self.lock_:
            self._question_kind = kind
            self._agreement_exempt: set[str] = set()  # categories whose rule words name the writer or their family
            try:
                for a, b in _chunks(text, MAX_CHARS):
                    hits.extend(self._screen_chunk(text[a:b], a))
                # the question's and the answer signals' hits: hand-made wordings, not the agreement's to overrule
                spoken: list[Hit] = []
                if not hits and kind == TRUSTED_PERSON:
                    spoken = self._named_abuser(text)
                if not hits and not spoken:
                    spoken = self._answer_signals(text, kind)
                if detect_language(text).language == "en" and not spoken:
                    if not hits:
                        hits.extend(self._last_resort_read_enough(text[:MAX_CHARS],
                                                                  self._last_resort(text[:MAX_CHARS])))
                    hits = self._agreed(text[:MAX_CHARS], self._read(text[:MAX_CHARS], hits))
                hits += spoken
            finally:
                self._question_kind = None
        if not (kind == TRUSTED_PERSON and bare_answer(text)):
            hits.extend(self._other_language(text, hits))
        hits.sort(key=lambda h: (h.start, h.end, h.category))
        cats = tuple(c for c in CATEGORIES if any(h.category == c for h in hits))
        cats += tuple(sorted({h.category for h in hits if h.category.startswith(NOT_SCREENED)}))
        return ScreeningResult(bool(hits), cats, tuple(hits))

    def _named_abuser(self, text: str) -> list[Hit]:
        """Answering "who would you tell?": "not my dad, he's the one who does it" (:func:`.questions.names_abuser`).

        The category is the net's for the answer (physical abuse without the net)."""
        span = names_abuser(text)
        if span is None:
            return []
        category = "physical_abuse"
        if self.learned_ is not None:
            category = self.learned_.category(doc_tokens(self._doc(text[:MAX_CHARS]))[0], self.wanted_)[0] \
                or category
        if category not in self.wanted_:
            return []
        a, b = _word_bounds(text, *span)
        if self._trace is not None:
            self._trace.append(("question", category, text[a:b], None))
        return [Hit(category, text[a:b], a, b)]

    def _answer_signals(self, text: str, kind: str | None) -> list[Hit]:
        """What the answer means beside its question, and coded phrases (:mod:`.answers`): only when
        nothing else stood, and only in English."""
        if detect_language(text).language != "en":
            return []
        out = []
        for name, category, a, b in answer_signals(text, kind, self.wanted_, self.ablated_):
            a, b = _word_bounds(text, a, b)
            if self._trace is not None:
                self._trace.append(("answer", category, text[a:b], name))
            out.append(Hit(category, text[a:b], a, b))
        return out

    def _other_language(self, text: str, hits: list[Hit]) -> list[Hit]:
        """Keyword rules of the answer's own language, and a route to a person where they are not enough.

        An answer in Welsh or Urdu (detected from its text, not the page) is
        screened by that language's keyword rules (:mod:`.languages`); each
        hit names its category and words.  In a language whose rules cannot
        pass an answer (``ROUTE_UNMATCHED``: Urdu), the answer always
        reaches a person with the reason ``not_screened:<language>``.
        """
        lang = detect_language(text).language
        if lang == "en":
            return []
        found = [Hit(c, text[a:b], a, b) for c, a, b in keyword_hits(text, lang) if c in self.wanted_]
        if ROUTE_UNMATCHED.get(lang, True):
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            found.append(Hit(f"{NOT_SCREENED}:{lang}", stripped[:80], start, start + len(stripped[:80])))
        return found

    def explain(self, text: str, question: str | None = None,
                question_kind: str | None = None) -> list[tuple[str, str, str, str | None]]:
        """Every candidate hit and what became of it: ``(kind, category, words, veto)``.

        ``kind`` is ``"rule"``, ``"learned"``, ``"judge"`` or ``"question"``; ``veto`` names the
        registry entry (:mod:`.vetoes`) that cancelled the candidate, or is None
        when it stood.  For a maintainer asking "why was this (not) flagged?".
        """
        self._trace = []
        try:
            self.screen(text, question, question_kind)
            return list(self._trace)
        finally:
            self._trace = None

    def transform(self, texts: Iterable[str], questions: Iterable[str | None] | None = None) -> list[ScreeningResult]:
        """Screen many answers; ``questions`` (one per answer, or None) as in :meth:`screen`."""
        if questions is None:
            return [self.screen(t) for t in texts]
        return [self.screen(t, q) for t, q in zip(texts, questions, strict=True)]

    def fit_transform(self, X, y=None):
        return self.fit(X, y).transform(X)

    def get_params(self, deep=True) -> dict:
        return {"categories": self.categories, "fuzzy": self.fuzzy,
                "use_negation": self.use_negation, "use_hypothetical": self.use_hypothetical,
                "learned": self.learned, "learned_threshold": self.learned_threshold,
                "learned_confident": self.learned_confident, "prefitted": self.prefitted,
                "judge": self.judge, "ablate": self.ablate}

    def set_params(self, **params):
        for k, v in params.items():
            if k not in self.get_params():
                raise ValueError(f"invalid parameter {k!r}")
            setattr(self, k, v)
        return self
