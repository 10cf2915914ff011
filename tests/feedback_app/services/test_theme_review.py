"""Review operations: each one changes the current rows, is recorded (who, when, what) and can be undone."""

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Theme, ThemeAnswer
from feedback_app.queries import themes as theme_queries
from feedback_app.services import theme_insights, theme_review
from feedback_app.services.suppression import shown
from tests.feedback_app.theme_data import finished_run, load_demo


@pytest.fixture
def reviewed(app, create_user):
    load_demo()
    analyst = create_user("analyst")
    run = finished_run(analyst)
    return run, analyst


def _state(run):
    """Everything review can change, to compare before and after undo."""
    db.session.expire_all()
    themes = db.session.scalars(select(Theme).where(Theme.run_id == run.id).order_by(Theme.id)).all()
    rows = db.session.scalars(select(ThemeAnswer).where(ThemeAnswer.run_id == run.id)
                              .order_by(ThemeAnswer.answer_id)).all()
    return ([(t.id, t.label, t.excluded, t.merged_into_id, t.narrative, list(t.quotes)) for t in themes],
            [(r.answer_id, r.theme_id, r.original_theme_id) for r in rows], run.narrative,
            [(r.theme_id, r.item_key) for t in themes for r in theme_queries.list_triangulations(t.id)])


def _audit_actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _themes(run):
    return [theme for theme, _size in theme_queries.list_themes(run.id)]


def _undo_restores(run, analyst, before):
    theme_review.undo(run, analyst)
    assert _state(run) == before


def test_rename_is_recorded_and_undone(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    original = theme.label
    before = _state(run)
    event = theme_review.rename(run, theme, "  Waiting   times for CAMHS ", analyst)
    assert theme.label == "Waiting times for CAMHS" and theme.original_label != theme.label
    assert (event.op, event.user_id, event.user_email) == ("rename", analyst.id, analyst.email)
    assert event.payload == {"theme": theme.id, "before": original, "after": "Waiting times for CAMHS"}
    assert event.at is not None and _audit_actions()[-1] == "themes.rename"
    with pytest.raises(theme_review.ReviewRefused):
        theme_review.rename(run, theme, "   ", analyst)
    _undo_restores(run, analyst, before)
    assert theme_queries.list_review_events(run.id)[0].undone_by_id == analyst.id
    assert _audit_actions()[-1] == "themes.review_undone"


def test_merge_moves_every_answer_and_undo_puts_them_back(reviewed):
    run, analyst = reviewed
    source, target = _themes(run)[:2]
    sizes = theme_queries.theme_sizes(run.id)
    before = _state(run)
    event = theme_review.merge(run, source, target, analyst)
    assert theme_queries.theme_sizes(run.id)[target.id] == sizes[target.id] + sizes[source.id]
    assert source.id not in theme_queries.theme_sizes(run.id)
    assert source.merged_into_id == target.id
    assert source.id not in [t.id for t in _themes(run)]
    assert len(event.payload["answers"]) == sizes[source.id]
    with pytest.raises(theme_review.ReviewRefused):
        theme_review.rename(run, source, "Merged away", analyst)
    # The original output and original assignments are untouched.
    assert all(r[2] == b[2] for r, b in zip(_state(run)[1], before[1], strict=True))
    _undo_restores(run, analyst, before)


def test_a_theme_cannot_be_merged_with_itself(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    with pytest.raises(theme_review.ReviewRefused) as refused:
        theme_review.merge(run, theme, theme, analyst)
    assert refused.value.field == "target"


def test_split_reclusters_a_theme_and_undo_removes_the_new_themes(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    size = theme_queries.theme_sizes(run.id)[theme.id]
    before = _state(run)
    event = theme_review.split(run, theme, 3, analyst)
    new = [theme_queries.get_theme(i) for i in event.payload["new_themes"]]
    assert 1 <= len(new) <= 2 and all(t.origin == "split" for t in new)
    sizes = theme_queries.theme_sizes(run.id)
    assert sizes[theme.id] + sum(sizes.get(t.id, 0) for t in new) == size
    assert all(sizes.get(t.id, 0) > 0 for t in new)
    _undo_restores(run, analyst, before)
    assert all(theme_queries.get_theme(i) is None for i in event.payload["new_themes"])


def test_a_small_theme_cannot_be_split(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    keep = theme_queries.theme_answers(theme.id)[:3]
    others = [a.id for _r, a, _s in theme_queries.theme_answers(theme.id)[3:]]
    theme_queries.set_assignments(run.id, others, _themes(run)[1].id)
    db.session.commit()
    assert len(keep) == 3
    with pytest.raises(theme_review.ReviewRefused):
        theme_review.split(run, theme, 2, analyst)


def test_move_one_answer_and_undo(reviewed):
    run, analyst = reviewed
    source, target = _themes(run)[:2]
    _row, answer, _response = theme_queries.theme_answers(source.id)[0]
    before = _state(run)
    event = theme_review.move(run, answer.id, target, analyst)
    assert event.payload == {"answer": answer.id, "from": source.id, "to": target.id}
    assert theme_queries.get_assignment(run.id, answer.id).theme_id == target.id
    assert theme_review.move(run, answer.id, target, analyst) is None  # already there: nothing recorded
    _undo_restores(run, analyst, before)


def test_exclude_include_and_narratives_are_recorded_and_undone_in_order(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    before = _state(run)
    theme_review.set_excluded(run, theme, True, analyst)
    assert theme.excluded and _themes(run)[-1].id == theme.id  # excluded themes are listed last
    theme_review.set_narrative(run, theme, "Practitioners describe long waits. Call Sarah on 07700 900123.",
                               analyst)
    assert "07700 900123" not in theme.narrative  # narratives are redacted too
    theme_review.set_run_narrative(run, "Waiting times dominate this year.", analyst)
    with pytest.raises(theme_review.ReviewRefused):
        theme_review.set_narrative(run, theme, "x" * 2001, analyst)
    assert [e.op for e in theme_queries.list_review_events(run.id)] == ["run_narrative", "narrative", "exclude"]
    for _op in range(3):
        theme_review.undo(run, analyst)
    assert _state(run) == before
    assert theme_review.undo(run, analyst) is None  # nothing left to undo


def test_triangulation_is_remembered_shown_with_suppression_and_undone(reviewed):
    run, analyst = reviewed
    theme = _themes(run)[0]
    survey = theme_queries.list_surveys(["workforce"])[0]
    choices = [value for value, _label in theme_insights.result_choices(theme)]
    assert f"{survey.id}|escalation_confident" in choices
    assert theme_insights.parse_choice(f"{survey.id}|no_such_question") == (None, None)
    picked, key = theme_insights.parse_choice(f"{survey.id}|escalation_confident")
    before = _state(run)
    theme_review.link_result(run, theme, picked, key, analyst)
    assert theme_review.link_result(run, theme, picked, key, analyst) is None
    [linked] = theme_insights.triangulation(run, theme)
    assert linked.result.item.key == "escalation_confident"
    assert not shown(linked.result.total) or (
        sum(r.count for r in linked.result.rows if shown(r.count)) <= linked.result.total
    )
    row = theme_queries.list_triangulations(theme.id)[0]
    theme_review.unlink_result(run, theme, row, analyst)
    assert theme_queries.list_triangulations(theme.id) == []
    theme_review.undo(run, analyst)  # the removal
    theme_review.undo(run, analyst)  # the link
    assert _state(run) == before


def test_shares_by_audience_and_agency_are_suppressed(app, create_user):
    load_demo(per_year=40)
    run = finished_run(None, {"audiences": ["practitioners", "young_people"]})
    theme, size = theme_queries.list_themes(run.id)[-1]
    audiences = theme_insights.by_audience(run, theme)
    assert {r.label for r in audiences} == {"Practitioners", "Young people"}
    agencies = theme_insights.by_agency(run, theme)
    assert agencies is not None and len(agencies) > 3
    for row in audiences + agencies:
        assert not shown(row.count) or row.count == 0 or row.count >= 5
        assert not shown(row.total) or row.total >= 5
    hidden = [r for r in agencies if not shown(r.count)]
    assert len(hidden) != 1  # never a single hidden figure that the theme's total gives away


def test_only_a_finished_run_can_be_reviewed(reviewed):
    run, analyst = reviewed
    other = finished_run(analyst)
    theme = _themes(run)[0]
    with pytest.raises(theme_review.ReviewRefused):
        theme_review.rename(other, theme, "Wrong run", analyst)
