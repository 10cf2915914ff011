"""A theme run whose job cannot be queued, or whose queued job is lost, is marked failed with a retry."""

from datetime import timedelta

import pytest

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import RunStatus, ThemeRun
from feedback_app.queries import themes as theme_queries
from feedback_app.services import theme_runs
from tests.feedback_app.test_jobs import REDIS_URL
from tests.feedback_app.theme_data import load_demo

DOWN = "redis://127.0.0.1:1/0"


@pytest.fixture
def demo(app):
    load_demo()


def test_a_run_started_while_redis_is_down_is_failed_at_once_and_can_be_retried(demo, app):
    app.config["REDIS_URL"] = DOWN
    run = theme_runs.start(None, "Redis is down", {"audiences": ["young_people"]})
    assert run.status == RunStatus.failed
    assert "background queue is not available" in run.error
    app.config["REDIS_URL"] = None  # back up (here: the thread queue)
    assert theme_runs.retry(theme_queries.get_run(run.id), None)
    jobs.join_all(120)
    db.session.expire_all()
    assert theme_queries.get_run(run.id).status == RunStatus.complete


def test_the_run_page_shows_a_failed_run_when_redis_is_down(demo, app, client_request, sign_in):
    sign_in("analyst")
    app.config["REDIS_URL"] = DOWN
    run = theme_runs.start(None, "Redis is down", {"audiences": ["young_people"]})
    page = client_request.get(f"/staff/themes/{run.id}")
    assert page.select_one("form[action$='/retry']") is not None


def test_a_queued_run_whose_job_was_lost_from_redis_is_marked_failed(demo, app):
    app.config["REDIS_URL"] = REDIS_URL
    connection = jobs.redis_connection()
    jobs.queue(connection).empty()
    run = theme_runs.start(None, "Lost in a flush", {"audiences": ["young_people"]})
    assert run.status == RunStatus.queued
    jobs.queue(connection).empty()  # Redis lost the job (a flush, a restart without persistence)
    connection.delete(f"rq:job:{run.job_id}")
    stored = db.session.get(ThemeRun, run.id)
    stored.created_at = stored.created_at - timedelta(seconds=app.config["THEME_RUN_LEASE_SECONDS"] + 5)
    db.session.commit()
    assert theme_runs.refresh() == 1
    db.session.expire_all()
    run = theme_queries.get_run(run.id)
    assert run.status == RunStatus.failed and "Retry the run" in run.error
    connection.close()
