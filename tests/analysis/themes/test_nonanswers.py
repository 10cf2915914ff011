import pytest

from analysis.themes.nonanswers import NonAnswerFilter


@pytest.mark.parametrize("text", ["nothing", "Nothing.", "N/A", "n/a", "no comment", "Did not answer", "-",
                                  "All good", "none", "  ", "", "?!", "No, nothing really, thanks",
                                  "Can\u2019t think of anything"])
def test_non_answers_are_flagged(text):
    assert NonAnswerFilter().fit().transform([text]).tolist() == [True]


@pytest.mark.parametrize("text", ["Nothing gets shared between agencies", "No time for training",
                                  "Waiting lists", "Not enough staff", "CAMHS"])
def test_real_answers_are_kept(text):
    assert NonAnswerFilter().fit().transform([text]).tolist() == [False]


def test_phrase_lists_are_configurable():
    texts = ["see attached", "nothing"]
    assert NonAnswerFilter(extra_phrases=["See attached"]).fit().transform(texts).tolist() == [True, True]
    assert NonAnswerFilter(phrases=["see attached"], max_filler_words=0).fit().transform(texts).tolist() == [
        True, False]


def test_short_answers_follow_min_chars():
    assert NonAnswerFilter(min_chars=4).fit().transform(["abc", "abcd"]).tolist() == [True, False]


def test_params_are_stored_untouched():
    f = NonAnswerFilter(extra_phrases=("x y",))
    f.fit()
    assert f.get_params()["extra_phrases"] == ("x y",) and f.phrases is None
