"""Screening rules, one module per group of categories.

A rule is a small, readable pattern language compiled to spaCy ``Matcher``
patterns (see :mod:`analysis.screening.compiler`):

* ``word``      – a word, compared after normalisation (lower case, text
                  speak expanded, lemma), so ``hit`` also matches ``hits``,
                  ``hittin`` and ``HIT``;
* ``=word``     – the word as written (lower case), not its lemma: ``=gone``
                  (absent) matches neither ``going`` nor ``went``, whose
                  lemma ``go`` it shares (``wish i could go out more`` was a
                  self-harm alert until it was written so);
* ``a|b|c``     – any one of the words;
* ``@SET``      – any word of a list in :mod:`analysis.screening.lexicon`;
* ``x?``        – optional word (also ``a|b?`` and ``@SET?``);
* ``~N``        – up to N other words (never crossing . ! ?).

``kind="topic"`` rules are bare topic words ("county lines", "self harm");
they only count when the sentence is about the writer or someone they know
(I/me/my/my friend...) and is not talk about a lesson, leaflet or training.

``kind="sign"`` rules (warning signs, :mod:`.signs`) need the same personal
anchor but are only cancelled by the narrow lesson frame ("a book about ...").

``requires=("@KIN", "me|us")`` makes a co-occurrence rule: the pattern
(usually one harm word) counts only if the same sentence also holds a word
from each required list, in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    category: str
    patterns: tuple[str, ...]
    kind: str = "strong"            # "strong", "topic" or "sign"
    negatable: bool = True          # suppressed by "never", "not", "no one"...
    hypothetical: bool = True       # suppressed by "if", "what to do", ...
    unless: tuple[str, ...] = field(default_factory=tuple)  # words right after that cancel
    name: str = ""
    resolved_ok: bool = True        # False: "it's all sorted now" in the sentence cancels
    unless_sentence: bool = False   # look for ``unless`` words in the whole sentence
    requires: tuple[str, ...] = ()  # items (``a|b``, ``@SET``) each needed in the sentence


def rule(category: str, *patterns: str, **kw) -> Rule:
    return Rule(category=category, patterns=tuple(patterns), **kw)


RULE_GROUPS = ("abuse", "wellbeing", "exploitation", "broad", "signals", "signs")


def all_rules(exclude_groups=()) -> list[Rule]:
    """Every rule, named ``category:index`` (the index counts over all groups, whatever is excluded)."""
    from . import abuse, broad, exploitation, signals, signs, wellbeing

    rules: list[Rule] = []
    skip: set[int] = set()
    for group, mod in zip(RULE_GROUPS, (abuse, wellbeing, exploitation, broad, signals, signs), strict=True):
        if group in exclude_groups:
            skip.update(range(len(rules), len(rules) + len(mod.RULES)))
        rules.extend(mod.RULES)
    named = []
    for i, r in enumerate(rules):
        if i in skip:
            continue
        named.append(Rule(r.category, r.patterns, r.kind, r.negatable, r.hypothetical,
                          r.unless, r.name or f"{r.category}:{i}", r.resolved_ok,
                          r.unless_sentence, r.requires))
    return named
