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


def test_every_parse_breaks_up_long_runs_the_last_resort_included():
    """A wall of emoji has no sentences: every parse of an answer, the last resort's too, breaks runs of 60 or more
    non-space characters into short ones, keeping the answer's length (spaCy's tokenizer takes time quadratic in a
    run's length: 20,000 emoji took 45 s through the last resort's parse)."""
    from analysis.screening.text import make_doc

    wall = "😀" * 500
    parses = []

    def counted(nlp, norm, text):
        parses.append(text)
        return make_doc(nlp, norm, text)

    with mock.patch("analysis.screening.engine.make_doc", side_effect=counted):
        result = screen_text(wall)
    assert not result.flagged
    assert len(parses) >= 2  # the rules' parse and the last resort's
    assert all(len(text) == len(wall) and max(map(len, text.split())) < 60 for text in parses)
