"""Answer signals (analysis/screening/answers.py): each is a class of answer with a positive it flags and a
look-alike it leaves alone (the meta-test), read beside its question where it needs one."""

import pytest

from analysis.screening import CATEGORIES, question_kind
from analysis.screening.answers import FEELS_UNSAFE, NAMES, SIGNALS, WHAT_HELPS, answer_signals

UNSAFE = "What makes you feel unsafe?"
HELPS = "What would help you feel safer?"
TELL = "Who would you tell if something was worrying you?"


def test_registry_is_unique_and_documented():
    assert len(NAMES) == len(set(NAMES))
    for s in SIGNALS:
        assert s.reason and s.motivated_by and s.positive and s.lookalike, s.name


@pytest.mark.parametrize("signal", SIGNALS, ids=NAMES)
def test_every_signal_flags_its_positive_and_is_the_reason(screener, signal):
    """The screen flags the positive, and the signal reads it first among the signals. (The signals are looked at
    only when no rule stood: a rule the judge now keeps, "i have an older boyfriend", may flag it first.)"""
    q = signal.question or None
    result = screener.screen(signal.positive, question=q)
    assert result.flagged
    kind = question_kind(q) if q else None
    assert [name for name, *_ in answer_signals(signal.positive, kind, set(CATEGORIES))][:1] == [signal.name]


@pytest.mark.parametrize("signal", SIGNALS, ids=NAMES)
def test_every_signal_leaves_its_lookalike_quiet(without_readers, signal):
    assert not without_readers.screen(signal.lookalike, question=signal.question or None).flagged


@pytest.mark.parametrize("signal", SIGNALS, ids=NAMES)
def test_ablating_a_signal_silences_its_positive(ablated, signal):
    s = ablated({signal.name})
    trace = s.explain(signal.positive, signal.question or None)
    assert signal.name not in {r[3] for r in trace if r[0] == "answer"}


def test_question_kinds_are_recognised_from_the_wording():
    assert question_kind(UNSAFE) == FEELS_UNSAFE
    assert question_kind("what makes u feel unsafe") is None  # only the survey's own wording
    assert question_kind(HELPS) == WHAT_HELPS
    assert question_kind("What should adults in Northshire do to help young people feel safe?") == WHAT_HELPS
    assert question_kind("What is it like at your school?") is None
    assert question_kind("Anything?", kind="feels_unsafe") == FEELS_UNSAFE


@pytest.mark.parametrize("answer", ["home. dad", "my stepdad", "bedtime cos of him",
                                    "sleepovers at my aunties cos of her husband", "being at home tbh",
                                    "when dad gets home from work"])
def test_a_home_or_close_person_answering_what_makes_you_unsafe_flags(screener, answer):
    assert screener.screen(answer, question=UNSAFE).flagged


@pytest.mark.parametrize("answer", ["home. dad", "my stepdad", "being at home tbh", "myself tbh"])
def test_the_same_bare_answer_to_who_would_you_tell_is_not_read_as_unsafe(screener, answer):
    assert not screener.screen(answer, question=TELL).flagged


@pytest.mark.parametrize("answer", ["home. dad", "being at home tbh", "myself tbh", "bedtime cos of him"])
def test_the_same_bare_answer_to_an_open_question_is_not_read_as_unsafe(without_readers, answer):
    assert not without_readers.screen(answer, question="What is your local area like?").flagged


@pytest.mark.parametrize("answer", ["my house feels safe", "nothing makes me feel unsafe at home",
                                    "honestly my little brother with a nerf gun", "being home alone in a storm",
                                    "walking home in the dark", "not my dad, he's great",
                                    "being in the house on my own when my parents go out",
                                    "beign by myself on the bus", "being on my own at night",
                                    "home time when everyone is pushing", "home time"])
def test_ordinary_unsafe_answers_stay_quiet(without_readers, answer):
    assert not without_readers.screen(answer, question=UNSAFE).flagged


def test_a_joke_kept_as_a_joke_stays_quiet_but_taken_back_flags(screener):
    assert not screener.screen("this essay makes me wanna kms lol").flagged
    assert screener.screen("kms lol jk. kind of").flagged


def test_the_home_signal_does_not_read_a_fear_of_the_night_or_the_end_of_school():
    from analysis.screening import CATEGORIES
    from analysis.screening.answers import answer_signals

    for answer in ("being in the house at night", "home time", "them lot by the shops"):
        assert answer_signals(answer, FEELS_UNSAFE, set(CATEGORIES)) == []
    assert answer_signals("home. dad", FEELS_UNSAFE, set(CATEGORIES))[0][:2] == ("unsafe_at_home", "domestic_abuse")
