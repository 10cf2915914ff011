"""Background jobs: a worker thread without Redis, an RQ queue with it (worked in-process here)."""

import os
import threading

import pytest
from flask import current_app
from rq import SimpleWorker

from feedback_app import jobs

REDIS_URL = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
CALLS = []


def remember(value):
    """A job: note the value, the app it ran in and the thread it ran on."""
    CALLS.append((value, current_app.name, threading.current_thread().name))


def explode(value):
    raise RuntimeError(value)


@pytest.fixture(autouse=True)
def _clear_calls():
    CALLS.clear()
    yield
    CALLS.clear()


def test_without_redis_a_job_runs_in_its_own_thread_with_an_app_context(app):
    assert app.config["REDIS_URL"] is None
    job_id = jobs.enqueue("tests.feedback_app.test_jobs.remember", 41)
    assert job_id.startswith("thread-")
    assert jobs.join(job_id, timeout=10)
    assert CALLS == [(41, app.name, job_id)]


def test_a_failing_thread_job_is_logged_and_does_not_take_the_app_down(app, caplog):
    job_id = jobs.enqueue("tests.feedback_app.test_jobs.explode", "boom")
    assert jobs.join(job_id, timeout=10)
    assert "background job tests.feedback_app.test_jobs.explode" in caplog.text


def test_an_unknown_job_is_refused_when_enqueued(app):
    with pytest.raises(AttributeError):
        jobs.enqueue("tests.feedback_app.test_jobs.no_such_job")
    with pytest.raises(ValueError):
        jobs.enqueue("nodots")


@pytest.fixture
def redis_queue(app):
    app.config["REDIS_URL"] = REDIS_URL
    connection = jobs.redis_connection()
    queue = jobs.queue(connection)
    queue.empty()
    yield queue, connection
    queue.empty()
    connection.close()


def test_with_redis_a_job_goes_to_the_queue_and_an_rq_worker_runs_it(app, redis_queue):
    queue, connection = redis_queue
    job_id = jobs.enqueue("tests.feedback_app.test_jobs.remember", "queued")
    assert queue.job_ids == [job_id]
    assert CALLS == []
    SimpleWorker([queue], connection=connection).work(burst=True)
    assert [value for value, _app, _thread in CALLS] == ["queued"]
    assert queue.fetch_job(job_id).get_status() == "finished"


def test_asking_again_and_again_whether_a_worker_listens_opens_no_new_connection_each_time(app, redis_queue):
    # Pages that wait on a job ask on every load (``nobody_working``); each ask used to open a new client and
    # connection. Redis numbers its connections in order: a new one taken after the asks shows how many they opened.
    from redis import Redis

    jobs.nobody_working()
    probe = Redis.from_url(REDIS_URL)
    before = probe.client_id()
    for _ in range(10):
        assert jobs.nobody_working() is True  # no worker listens to the test queue
    probe.close()
    after = Redis.from_url(REDIS_URL)
    assert after.client_id() - before <= 2
    after.close()
    assert jobs.redis_connection() is jobs.redis_connection(REDIS_URL)


def test_the_worker_command_needs_redis(app, runner):
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0
    assert "REDIS_URL is not set" in result.output


def test_the_worker_command_works_the_queue(app, runner, redis_queue):
    queue, _connection = redis_queue
    jobs.enqueue("tests.feedback_app.test_jobs.remember", "from the command")
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code == 0, result.output
    assert queue.count == 0


def test_one_off_commands_are_told_apart_from_the_server_and_workers():
    import click

    from feedback_app import jobs

    seen = {}

    def command(name):
        @click.command(name)
        def body():
            seen[name] = jobs.one_off_command()
        return body

    group = click.Group("flask", commands=[command(n) for n in ("demo-data", "run", "scheduler")])
    sub = click.Group("surveys", commands=[command("load")])
    group.add_command(sub)
    for args in (["demo-data"], ["run"], ["scheduler"], ["surveys", "load"]):
        group.main(args, standalone_mode=False)
    assert seen == {"demo-data": True, "run": False, "scheduler": False, "load": True}
    assert not jobs.one_off_command()  # a web request or a job thread: no command
