"""Theme shares on the analysts' pages go through the suppression engine, complementary figures too (issue 19)."""

from types import SimpleNamespace

import pytest

from feedback_app.services import theme_insights
from feedback_app.services.suppression import reason, shown


def _theme(number, previous=None):
    return SimpleNamespace(id=number, number=number, origin="engine", excluded=False, merged_into_id=None,
                           previous_number=previous, previous_similarity=0.9)


def _run(run_id, sizes, previous_run_id=None, secondary=None):
    themes = [(_theme(run_id * 100 + i, previous=i if previous_run_id else None), size)
              for i, size in enumerate(sizes)]
    run = SimpleNamespace(id=run_id, answer_count=sum(sizes) + 4, non_answer_count=4,
                          previous_run_id=previous_run_id, original_output={"secondary": secondary or {}})
    return run, themes


@pytest.fixture
def runs(monkeypatch):
    found = {}

    def add(run_id, sizes, **kwargs):
        found[run_id] = _run(run_id, sizes, **kwargs)
        return found[run_id][0]

    queries = theme_insights.theme_queries
    monkeypatch.setattr(queries, "list_themes", lambda run_id, include_merged=False: list(found[run_id][1]))
    monkeypatch.setattr(queries, "run_answer_facts", lambda run_id: [])
    monkeypatch.setattr(queries, "get_run", lambda run_id: found[run_id][0])
    monkeypatch.setattr(queries, "get_theme_by_number", lambda run_id, number: found[run_id][1][number][0])
    monkeypatch.setattr(queries, "theme_sizes", lambda run_id: {t.id: s for t, s in found[run_id][1]})
    return add


def _worked_out(shares):
    """The total less the shown themes' counts pins a hidden one when it is the only one hidden."""
    return sum(not shown(share) for share in shares) == 1


def test_a_single_small_theme_cannot_be_worked_out_from_the_others(runs):
    run = runs(1, [20, 15, 3])
    summaries = theme_insights.summaries(run)
    shares = [s.share for s in summaries]
    assert reason(shares[2]) == "small"
    # With 20 and 15 shown out of 38, the 3 would be 38 - 20 - 15: another share is hidden to protect it.
    assert [reason(s) for s in shares[:2]].count("protect") >= 1
    assert not _worked_out(shares)


def test_nothing_small_nothing_hidden(runs):
    run = runs(1, [20, 15, 0])
    assert [s.share for s in theme_insights.summaries(run)] == [57, 43, 0]


def test_the_trend_uses_the_same_hidden_shares(runs):
    runs(1, [20, 15, 3])
    run = runs(2, [30, 25, 10], previous_run_id=1)
    trends = [s.trend for s in theme_insights.summaries(run)]
    previous = [t.previous_share for t in trends]
    assert reason(previous[2]) == "small" and sum(not shown(p) for p in previous) >= 2
    assert all(not shown(t.change) for t, p in zip(trends, previous, strict=True) if not shown(p))
