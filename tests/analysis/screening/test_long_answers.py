"""A long answer with a rule hit on every line: the vetoes asked of every hit read each sentence once, not the
whole answer again per hit (4,500 characters of "my dad hits me" took 12 s; ``benchmarks/screening.py
--only-pathological`` prints the time). Counted, not timed: how often the answer's words are worked out."""

from unittest import mock

from analysis.screening import everyday, screen_text

LINES = 60


def test_every_sentence_is_read_once_however_many_hits_it_has():
    counted = mock.Mock(side_effect=everyday._lowers)
    with mock.patch.object(everyday, "_lowers", counted):
        result = screen_text("my dad hits me\n" * LINES)
    assert result.flagged and "physical_abuse" in result.categories
    assert counted.call_count <= LINES + 1


def test_the_answer_is_read_as_before():
    """The same verdicts through the cache: a denial about oneself vetoes, a contrast after it does not."""
    assert not screen_text("my mate got bullied online even though it hasnt happened to me").flagged
    assert screen_text("it hasnt happened to me but my dad hits me every night").flagged
