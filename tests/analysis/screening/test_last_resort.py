"""The last resort (``gate._last_resort``): when nothing else flagged an English answer, the judge net (trained on
every tuning writer) makes a learned hit of its own at ``LAST_RESORT_THRESHOLD``, through the same veto gate."""

from analysis.screening import DisclosureScreener

ALONE = "not my dad obvs hes the one who does it"  # held-out miss: no rule or signal reads it without its question


def _last_resort_entries(screener, text, question=None):
    return [entry for entry in screener.explain(text, question) if entry[0] == "last resort"]


def test_it_catches_what_no_rule_or_signal_reads_and_names_category_and_words(screener, without_readers):
    assert not without_readers.screen(ALONE).flagged
    result = screener.screen(ALONE)
    assert result.categories == ("physical_abuse",)
    assert result.hits[0].evidence in ALONE and "one who does it" in result.hits[0].evidence
    assert [(kind, category) for kind, category, *_ in _last_resort_entries(screener, ALONE)] == [
        ("last resort", "physical_abuse")]


def test_it_is_asked_only_when_nothing_else_flagged(screener):
    assert screener.screen("my dad hits me").flagged
    assert _last_resort_entries(screener, "my dad hits me") == []


def test_its_hits_pass_the_veto_gate():
    """The gate is asked about the net's strongest words, as for any learned hit: a gate that lets nothing
    through leaves the answer unflagged."""
    screener = DisclosureScreener().fit()
    asked = []
    screener._learned_gate = lambda doc, i, category, probability=0.0: asked.append(doc[i].text) and False
    screener._learned_vetoes = lambda doc, i, category, probability=0.0: ["negation"]  # the reader's overrule
    assert not screener.screen(ALONE).flagged
    assert asked and set(asked) <= set(ALONE.split())


def test_it_reads_english_only(screener):
    welsh = "dw i ddim yn siŵr, mae'r ysgol yn iawn"
    assert _last_resort_entries(screener, welsh) == []


def test_ordinary_answers_stay_quiet(screener):
    for text in ("the park is nice and theres a new skate ramp", "my mum, she always listens",
                 "more police around the shops at night"):
        assert not screener.screen(text).flagged, text


def test_ablating_it_silences_its_hit():
    assert not DisclosureScreener(ablate={"last resort", "reader hits"}).fit().screen(ALONE).flagged
