"""Public API, hits and robustness against awkward input."""

import pytest

from analysis.screening import CATEGORIES, DisclosureScreener, Hit, ScreeningResult, screen_text


def test_screen_text_returns_result_with_hits():
    text = "Honestly my dad hits me when hes drunk."
    result = screen_text(text)
    assert isinstance(result, ScreeningResult)
    assert result.flagged is True
    assert result.categories == ("physical_abuse",)
    assert all(isinstance(h, Hit) for h in result.hits)
    for h in result.hits:
        assert h.evidence == text[h.start:h.end]
        assert "hits" in h.evidence
        assert h.category in CATEGORIES


def test_unflagged_result_is_empty():
    result = screen_text("the youth club is great")
    assert result == ScreeningResult(False, (), ())


def test_several_categories_in_one_answer():
    result = screen_text("my uncle touches me and says its our secret. i want to kill myself")
    assert {"sexual_abuse", "secrets_adult", "self_harm_suicide"} <= set(result.categories)
    assert list(result.categories) == [c for c in CATEGORIES if c in result.categories]


def test_sklearn_conventions():
    s = DisclosureScreener(categories=["bullying"], fuzzy=False)
    assert s.get_params() == {"categories": ["bullying"], "fuzzy": False,
                              "use_negation": True, "use_hypothetical": True,
                              "learned": True, "learned_threshold": 0.7, "learned_confident": 0.7,
                              "prefitted": True, "judge": True, "ablate": ()}
    # Fitted with the fuzzy matching on: without it the shipped net does not apply and fitting trains one (30 s).
    assert s.set_params(fuzzy=True) is s and s.get_params()["fuzzy"] is True
    assert not hasattr(s, "matchers_")
    with pytest.raises(RuntimeError):
        s.screen("text")
    assert s.fit() is s
    assert hasattr(s, "matchers_") and hasattr(s, "nlp_")
    out = s.transform(["i'm being bullied", "my dad hits me"])
    assert isinstance(out, list) and len(out) == 2
    assert out[0].categories == ("bullying",)
    assert not out[1].flagged  # physical abuse switched off
    assert s.set_params(use_negation=False) is s and s.use_negation is False


def test_unknown_category_rejected():
    with pytest.raises(ValueError):
        DisclosureScreener(categories=["nope"]).fit()


def test_switching_off_negation_changes_behaviour():
    # without the judge: the net (rightly) calls a denial ordinary
    s = DisclosureScreener(use_negation=False, judge=False).fit()
    assert s.screen("no one has ever hurt me").flagged


@pytest.mark.parametrize("text", [
    "",
    "   \n\t ",
    "😀😀😀 🔪💔",
    "مرحبا، أبي يضربني",
    "میرا نام علی ہے اور میں خوش ہوں",
    "Mae fy nhad yn fy nharo i",
    "<script>alert('my dad hits me')</script><b>hi</b>",
    "\x00\x01 weird control chars \u200b\u202e",
    "a" * 5000,
])
def test_awkward_input_does_not_raise(text):
    result = screen_text(text)
    assert isinstance(result, ScreeningResult)
    for h in result.hits:
        assert h.evidence == text[h.start:h.end]


def test_html_content_still_screened():
    assert screen_text("<p>my dad hits me</p>").flagged


def test_none_and_non_string():
    assert not screen_text(None).flagged
    assert not screen_text(12345).flagged


def test_very_long_text():
    filler = "the youth club is good and the staff are nice. " * 2200  # ~100k chars
    text = filler + "my dad hits me. " + filler
    assert len(text) > 200_000
    result = screen_text(text)
    assert result.flagged
    h = result.hits[0]
    assert text[h.start:h.end] == h.evidence


@pytest.mark.parametrize("text", [
    "😀" * 20000,
    "my dad hits me\n" * 300,
    "a." * 20000,
])
def test_pathological_long_input_is_handled(text):
    result = screen_text(text)
    assert isinstance(result, ScreeningResult)
