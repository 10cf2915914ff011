"""What makes fitting cheap gives the same answers as the plain way it replaced.

The spelling correction checks edit distance without a full table and looks only at
targets of a nearby length; rule matchers are built the first time a rule's trigger word
is seen.  ``benchmarks/screening_equivalence.py`` checks the whole screen on about
23,000 answers; these tests check each shortcut against a plain reference.
"""

import random

import pytest
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher

from analysis.screening import DisclosureScreener
from analysis.screening.normalise import Normaliser, _within1, _within2


def _osa(a: str, b: str) -> int:
    """Optimal string alignment distance, the whole table (the reference)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def _edited(rnd: random.Random, word: str, alphabet: str, edits: int) -> str:
    w = list(word)
    for _ in range(edits):
        k = rnd.randrange(len(w) + 1)
        op = rnd.randrange(4)
        if op == 0 and k < len(w):
            w[k] = rnd.choice(alphabet)
        elif op == 1:
            w.insert(k, rnd.choice(alphabet))
        elif op == 2 and k < len(w):
            del w[k]
        elif op == 3 and k + 1 < len(w):
            w[k], w[k + 1] = w[k + 1], w[k]
    return "".join(w)


def test_capped_distances_match_the_full_table():
    rnd = random.Random(17)
    alphabet = "abcd"  # few letters: many repeats, swaps and near misses
    for _ in range(20000):
        a = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 9)))
        b = _edited(rnd, a, alphabet, rnd.randint(0, 4))
        d = _osa(a, b)
        assert _within1(a, b) == min(d, 2), (a, b)
        assert _within2(a, b, set(a)) == min(d, 3), (a, b)


def test_distance_look_alikes():
    assert _within1("slapped", "slaped") == 1       # one letter fewer
    assert _within1("punched", "punhced") == 1      # two swapped
    assert _within1("abc", "cab") == 2              # a rotation is two edits
    assert _within2("strangled", "strangeled", set("strangled")) == 1
    assert _within2("ca", "abc", set("ca")) == 3    # OSA: 3 (no letter is edited twice)
    assert _within2("abcdefgh", "axcdefyz", set("abcdefgh")) == 3


def _fuzzy_reference(norm: Normaliser, targets: list[str], w: str) -> str | None:
    """The correction as first written: every target with the same first letter, in order."""
    if len(w) < 5:
        return None
    limit = 1 if len(w) < 8 else 2
    best, best_key = None, (limit + 1, 0)
    for cand in sorted(t for t in targets if t[0] == w[0]):
        d = _osa(w, cand) if abs(len(w) - len(cand)) <= limit else limit + 1
        if d > limit:
            continue
        prefix = next((i for i, (x, y) in enumerate(zip(w, cand, strict=False)) if x != y), min(len(w), len(cand)))
        if (d, -prefix) < best_key:
            best, best_key = cand, (d, -prefix)
    return norm.lemma(best) if best else None


def test_spelling_correction_picks_what_the_full_search_picks(screener):
    norm = screener.normaliser_
    targets = sorted(t for group in norm._targets.values() for t in group)
    rnd = random.Random(2026)
    words = [_edited(rnd, rnd.choice(targets), "abcdefghijklmnopqrstuvwxyz", rnd.randint(1, 3)) for _ in range(400)]
    words += ["strangeled", "punchd", "stomache", "slappped", "threatning", "groomin", "secrit", "abcdefghij"]
    corrected = 0
    for w in words:
        if not w or not w.isalpha():
            continue
        expected = _fuzzy_reference(norm, targets, w)
        assert norm._fuzzy(w) == expected, w
        corrected += expected is not None
    assert corrected > 100  # the sample exercises corrections, not only misses


def test_rule_matchers_are_built_on_first_use():
    s = DisclosureScreener(learned=False).fit()
    assert s.matchers_ == {}
    assert s.screen("my dad hits me").categories == ("physical_abuse",)
    built = set(s.matchers_)
    assert built and built < set(s.patterns_)
    assert all(s.rule_triggers_[name] for name in built)
    s.screen("the youth club is great")   # no trigger word: nothing new to build
    assert set(s.matchers_) == built


def test_every_rule_pattern_is_valid_and_every_matcher_builds():
    """The screen builds matchers without spaCy's schema check: a bad rule fails here, not on an answer."""
    s = DisclosureScreener(learned=False).fit()
    for name, patterns in s.patterns_.items():
        checked = Matcher(s.nlp_.vocab, validate=True)
        for key, spec in patterns:
            checked.add(key, [spec])
        assert len(s._matcher(name)) == len(patterns) == len(checked) > 0


def test_an_invalid_pattern_is_caught_by_the_check():
    s = DisclosureScreener(learned=False).fit()
    with pytest.raises(MatchPatternError):
        Matcher(s.nlp_.vocab, validate=True).add("bad", [[{"NORM": {"IN": "not a list"}}]])


@pytest.mark.parametrize("text", ["my dad hits me", "my uncle touches me and says its our secret"])
def test_lazily_built_screen_matches_an_eagerly_built_one(text):
    lazy = DisclosureScreener(learned=False).fit()
    eager = DisclosureScreener(learned=False).fit()
    for name in eager.patterns_:
        eager._matcher(name)
    assert lazy.screen(text) == eager.screen(text)
    assert lazy.screen(text).flagged


def test_build_matchers_builds_every_rule_and_changes_no_result():
    s = DisclosureScreener(learned=False).fit()
    text = "my uncle touches me and says its our secret"
    before = s.screen(text)
    assert s.build_matchers() is s
    assert set(s.matchers_) == set(s.patterns_)
    assert s.screen(text) == before
