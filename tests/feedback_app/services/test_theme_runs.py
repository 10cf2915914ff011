"""Theme runs end to end through the background job: thread and RQ, cancel, failure, retry, a killed worker."""

import json
import os
import subprocess
import sys
import time

import pytest
from rq import SimpleWorker
from sqlalchemy import select

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import Answer, AuditEvent, RunStatus, Theme, ThemeAnswer
from feedback_app.queries import themes as theme_queries
from feedback_app.services import theme_review, theme_runs, theme_sources
from tests.feedback_app.test_jobs import REDIS_URL
from tests.feedback_app.theme_data import finished_run, load_demo

PHONE = "07700 900123"


@pytest.fixture
def demo(app):
    load_demo()


def _actions():
    return [e.action for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def _free_text_ids(slug="workforce"):
    return [a.answer_id for a in theme_sources.collect({"surveys": [slug]}, redact=False)]


def test_a_run_over_demo_answers_runs_in_a_thread_and_stores_its_themes(demo, create_user):
    analyst = create_user("analyst")
    run = finished_run(analyst)
    expected = _free_text_ids()
    assert run.answer_count == len(expected) > 100
    assert run.progress == 100 and run.attempts == 1 and run.job_id.startswith("thread-")
    themes = theme_queries.list_themes(run.id)
    assert len(themes) >= 2
    assert sum(size for _t, size in themes) + run.non_answer_count <= run.answer_count
    rows = db.session.scalars(select(ThemeAnswer).where(ThemeAnswer.run_id == run.id)).all()
    assert sorted(r.answer_id for r in rows) == expected
    assert all(r.theme_id == r.original_theme_id for r in rows)
    # The original output is kept: every theme and every answer's theme.
    output = run.original_output
    assert [t["number"] for t in output["themes"]] == sorted(t.number for t, _s in themes)
    assert set(output["assignments"]) == {str(i) for i in expected}
    theme, size = themes[0]
    assert theme.quotes and theme.label == theme.original_label
    members = [a.text for _r, a, _s in theme_queries.theme_answers(theme.id)]
    assert len(members) == size
    assert set(theme.quotes) - set(members) == set()
    assert _actions()[-2:] == ["themes.run_started", "themes.run_completed"]


def test_a_run_through_rq_is_queued_then_worked_by_an_rq_worker(demo, app):
    app.config["REDIS_URL"] = REDIS_URL
    connection = jobs.redis_connection()
    queue = jobs.queue(connection)
    queue.empty()
    run = theme_runs.start(None, "Through Redis", {"audiences": ["young_people"]})
    assert run.status == RunStatus.queued and queue.job_ids == [run.job_id]
    SimpleWorker([queue], connection=connection).work(burst=True)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.complete, run.error
    assert run.answer_count == len(_free_text_ids("youth-voice"))
    assert queue.fetch_job(run.job_id).get_status() == "finished"
    connection.close()


def test_answers_are_redacted_again_before_analysis_and_nothing_stored_holds_personal_data(demo):
    ids = _free_text_ids()
    for answer_id in ids[:40]:  # as if unredacted text had reached the table
        db.session.get(Answer, answer_id).text = f"Call Sarah Jones on {PHONE} about supervision and caseloads"
    db.session.commit()
    run = finished_run()
    stored = json.dumps(run.original_output) + json.dumps([(t.label, t.quotes, t.terms)
                                                          for t, _s in theme_queries.list_themes(run.id)])
    assert PHONE not in stored and "Sarah Jones" not in stored
    assert all(str(i) in run.original_output["assignments"] for i in ids[:40])  # analysed, redacted first


def test_sources_narrow_by_survey_question_year_and_cohort(demo):
    everything = theme_sources.collect({})
    workforce = theme_sources.collect({"audiences": ["practitioners"]})
    one_question = theme_sources.collect({"questions": ["workforce:what_helps"]})
    this_year = theme_sources.collect({"surveys": ["workforce"], "years": [2026]})
    survey = theme_queries.list_surveys(["workforce"])[0]
    cohort = theme_queries.list_cohorts([survey.id])[0]
    one_cohort = theme_sources.collect({"surveys": ["workforce"], "cohorts": [cohort.id]})
    assert len(everything) > len(workforce) > len(this_year) > len(one_cohort) > 0
    assert 0 < len(one_question) < len(workforce)
    assert {a.survey_id for a in workforce} == {survey.id}


def test_a_queued_run_can_be_cancelled_and_its_job_then_does_nothing(demo, app, create_user):
    app.config["REDIS_URL"] = REDIS_URL
    connection = jobs.redis_connection()
    queue = jobs.queue(connection)
    queue.empty()
    analyst = create_user("analyst")
    run = theme_runs.start(analyst, "Cancelled", {"surveys": ["workforce"]})
    assert theme_runs.cancel(run, analyst)
    SimpleWorker([queue], connection=connection).work(burst=True)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.cancelled and run.attempts == 0
    assert theme_queries.list_themes(run.id) == []
    assert "themes.run_cancelled" in _actions()
    connection.close()


def test_a_running_run_stops_at_its_next_step_when_cancelled(demo, create_user, monkeypatch):
    analyst = create_user("analyst")
    real_collect = theme_sources.collect

    def collect_then_cancel(sources, redact=True):
        run = theme_queries.list_runs()[0]
        assert run.status == RunStatus.running
        theme_runs.cancel(run, analyst)
        return real_collect(sources, redact)

    monkeypatch.setattr(theme_sources, "collect", collect_then_cancel)
    run = theme_runs.start(analyst, "Stopped", {"surveys": ["workforce"]})
    assert jobs.join(run.job_id, timeout=60)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.cancelled
    assert db.session.scalars(select(ThemeAnswer).where(ThemeAnswer.run_id == run.id)).all() == []


def test_a_failed_run_says_why_and_can_be_retried(demo, create_user, monkeypatch):
    analyst = create_user("analyst")

    def broken(run):
        raise MemoryError("out of memory while clustering")

    monkeypatch.setattr(theme_runs, "_pipeline", broken)
    run = theme_runs.start(analyst, "Fails first", {"surveys": ["workforce"]})
    assert jobs.join(run.job_id, timeout=60)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.failed
    assert "MemoryError: out of memory while clustering" in run.error
    assert theme_queries.list_themes(run.id) == []
    monkeypatch.undo()
    assert theme_runs.retry(run, analyst)
    run = theme_queries.get_run_for_update(run.id)
    assert jobs.join(run.job_id, timeout=60)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.complete and run.attempts == 2 and run.error is None
    assert theme_queries.list_themes(run.id)
    assert {"themes.run_failed", "themes.run_retried", "themes.run_completed"} <= set(_actions())


def test_a_run_with_no_matching_answers_fails_with_a_reason(demo):
    run = theme_runs.start(None, "Nothing", {"surveys": ["workforce"], "years": [1999]})
    assert jobs.join(run.job_id, timeout=60)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.failed and "No answers match" in run.error


WORKER = """
import sys, time
from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.services import theme_runs
import analysis.themes

def stuck(self, texts, y=None):
    print("analysing", flush=True)
    time.sleep(120)

analysis.themes.ThemePipeline.fit = stuck
app = create_app(type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": sys.argv[1]}))
with app.app_context():
    theme_runs.execute(int(sys.argv[2]))
"""


def test_a_worker_killed_mid_run_leaves_nothing_half_written_and_the_run_is_marked_failed(demo, app, create_user):
    analyst = create_user("analyst")
    app.config["REDIS_URL"] = REDIS_URL  # queue it, but let the separate process below work it
    run = theme_runs.start(analyst, "Killed", {"surveys": ["workforce"]})
    jobs.queue().empty()
    app.config["REDIS_URL"] = None
    worker = subprocess.Popen([sys.executable, "-c", WORKER, app.config["SQLALCHEMY_DATABASE_URI"], str(run.id)],
                              stdout=subprocess.PIPE, text=True, cwd=os.getcwd())
    try:
        assert worker.stdout.readline().strip() == "analysing"
    finally:
        worker.kill()  # SIGKILL: no clean-up runs in the worker
        worker.wait(timeout=10)
        worker.stdout.close()
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.running and run.stage == "analysing"
    assert db.session.scalars(select(Theme).where(Theme.run_id == run.id)).all() == []
    assert db.session.scalars(select(ThemeAnswer).where(ThemeAnswer.run_id == run.id)).all() == []
    # Within the lease it still counts as running; once its heartbeat is older, the next look fails it.
    assert theme_runs.refresh() == 0
    app.config["THEME_RUN_LEASE_SECONDS"] = 1
    time.sleep(1.2)
    assert theme_runs.refresh() == 1
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.failed and "stopped before the run finished" in run.error
    assert "themes.run_lost" in _actions()
    app.config["THEME_RUN_LEASE_SECONDS"] = 120
    assert theme_runs.retry(run, analyst)
    assert jobs.join(theme_queries.get_run_for_update(run.id).job_id, timeout=60)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.complete and run.attempts == 2


def test_a_late_finish_by_a_worker_taken_for_dead_is_discarded(demo, app):
    run = finished_run()
    attempt = run.attempts
    with theme_runs.queries.transaction():  # a second attempt owns the run now
        theme_queries.update_run(run.id, status=RunStatus.running, attempts=attempt + 1)
    assert not theme_queries.finish_run(run.id, attempt, theme_runs._now(), output={})
    assert theme_queries.finish_run(run.id, attempt + 1, theme_runs._now(), output={})


def test_the_heartbeat_is_written_from_its_own_thread_while_this_attempt_owns_the_run(demo, app, monkeypatch):
    """The side thread's beat (its own session: on PostgreSQL a second connection) moves ``heartbeat_at`` of the
    attempt that owns the running run, and never that of a run another attempt has taken over."""
    from datetime import timedelta

    from feedback_app.models import ThemeRun

    run_id = finished_run().id
    old = theme_runs._now() - timedelta(hours=1)
    with theme_runs.queries.transaction():
        theme_queries.update_run(run_id, status=RunStatus.running, attempts=2, heartbeat_at=old)
    beats = []
    touch = theme_queries.touch_run
    monkeypatch.setattr(theme_queries, "touch_run", lambda *args: (beats.append(args[1]), touch(*args)))

    def heartbeat_at():
        db.session.rollback()
        return db.session.get(ThemeRun, run_id, populate_existing=True).heartbeat_at

    def beat(attempt, until):
        with theme_runs._Heartbeat(app, run_id, attempt, 0.02) as heartbeat:
            for _ in range(500):  # (at most 10 s)
                if until():
                    break
                time.sleep(0.02)
        assert not heartbeat.thread.is_alive()

    beat(1, lambda: beats.count(1) >= 3)  # an attempt taken for dead: three beats, none matching the row
    assert beats.count(1) >= 3 and heartbeat_at() == old
    beat(2, lambda: heartbeat_at() != old)
    assert heartbeat_at() > old


def test_a_new_run_matches_the_previous_run_for_trends_and_keeps_chosen_results(demo, create_user):
    analyst = create_user("analyst")
    first = finished_run(analyst, {"surveys": ["workforce"], "years": [2025]}, title="Last year")
    theme, _size = theme_queries.list_themes(first.id)[0]
    survey = theme_queries.list_surveys(["workforce"])[0]
    theme_review.link_result(first, theme, survey, "escalation_confident", analyst)
    sources = {"surveys": ["workforce"], "years": [2026]}
    assert theme_runs.default_previous_run(sources).id == first.id
    second = finished_run(analyst, sources, title="This year", previous_run_id=first.id)
    matched = [t for t, _s in theme_queries.list_themes(second.id) if t.previous_number is not None]
    assert matched and second.original_output["matches"]
    continuing = next((t for t in matched if t.previous_number == theme.number), None)
    assert continuing is not None
    assert [r.item_key for r in theme_queries.list_triangulations(continuing.id)] == ["escalation_confident"]


def test_next_years_run_starts_from_the_reviewed_codebook(demo, create_user):
    """Renamed themes keep their reviewed name next year; excluded ones are not carried."""
    analyst = create_user("analyst")
    first = finished_run(analyst, {"surveys": ["workforce"], "years": [2025]}, title="Last year")
    themes = [t for t, size in theme_queries.list_themes(first.id) if t.origin != "other" and size >= 3]
    kept, dropped = themes[0], themes[1]
    theme_review.rename(first, kept, "Named by the QPP", analyst)
    theme_review.rename(first, dropped, "Excluded by the QPP", analyst)
    theme_review.set_excluded(first, dropped, True, analyst)
    codebook = theme_runs.reviewed_codebook(first)
    assert "Named by the QPP" in [t.label for t in codebook.themes]
    assert "Excluded by the QPP" not in [t.label for t in codebook.themes]
    second = finished_run(analyst, {"surveys": ["workforce"], "years": [2026]}, title="This year",
                          previous_run_id=first.id)
    labels = {t.label: t for t, _s in theme_queries.list_themes(second.id)}
    assert "Named by the QPP" in labels and labels["Named by the QPP"].previous_number == kept.number
    assert "Excluded by the QPP" not in labels
    match = next(m for m in second.original_output["matches"] if m["previous"] == kept.number)
    assert match["similarity"] == 1.0


def test_the_demo_gets_one_finished_run(demo):
    run = theme_runs.add_demo_run()
    assert run.status == RunStatus.complete and theme_queries.list_themes(run.id)
    assert theme_runs.add_demo_run() is None
