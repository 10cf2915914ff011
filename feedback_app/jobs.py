"""Background jobs: an RQ queue when ``REDIS_URL`` is set, a daemon thread otherwise.

``enqueue("feedback_app.services.theme_runs.execute", run_id)`` names the job's
function by its dotted path, so any area can send work here (theme runs, emails,
exports) without this module knowing about it. The function runs inside an app
context and should record its own outcome in the database: a job is not
trusted to finish (a worker can be killed at any moment), so callers keep the
state that matters in their own rows.

- With Redis, jobs go to the ``JOBS_QUEUE`` queue. Run workers with
  ``flask worker`` (an RQ worker inside the app's context), or with
  ``rq worker --url $REDIS_URL feedback``: each job then builds the app from the
  environment itself.
- Without Redis (the embedded demo, a single small server), each job runs in a
  daemon thread with its own app context. Jobs die with the process, so the
  callers' own lease checks must notice and mark them failed.
"""

import functools
import importlib
import os
import threading
import uuid

import click
from flask import current_app, has_app_context

_threads = {}
_threads_lock = threading.Lock()
_worker_app = None
_pid = os.getpid()


def resolve(func_path):
    """The function named by ``"package.module.function"``."""
    module_name, _dot, name = func_path.rpartition(".")
    if not module_name:
        raise ValueError(f"not a dotted path: {func_path!r}")
    return getattr(importlib.import_module(module_name), name)


def redis_connection(url=None):
    """The process's Redis client for ``url`` (default: ``REDIS_URL``): one client, and one pool of connections, per
    address, shared by the process's threads (a client per call made a new connection each time a page asked)."""
    return _client(url or current_app.config["REDIS_URL"])


@functools.lru_cache(maxsize=8)
def _client(url):
    from redis import Redis

    return Redis.from_url(url)


def ping(url):
    """Raise unless the Redis at ``url`` answers within two seconds (the health check)."""
    from redis import Redis

    client = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    try:
        client.ping()
    finally:
        client.close()


def queue(connection=None):
    from rq import Queue

    return Queue(current_app.config.get("JOBS_QUEUE", "feedback"),
                 connection=connection or redis_connection())


def nobody_working():
    """``True`` when jobs go to Redis and no RQ worker listens to the queue, so what is queued waits until one
    starts (``flask worker``): a page saying something "is being prepared" says this too, rather than promising
    what will not happen. ``False`` without Redis (jobs run in the web process's threads) and when Redis cannot
    be asked (the page then says what it can)."""
    if not current_app.config.get("REDIS_URL"):
        return False
    from rq import Worker

    try:
        connection = redis_connection()
        return Worker.count(connection=connection, queue=queue(connection)) == 0
    except Exception:  # noqa: BLE001 - Redis down: the jobs' own checks report it; say nothing untrue here
        current_app.logger.warning("could not ask Redis for its workers", exc_info=True)
        return False


def new_job_id():
    """An id to give ``enqueue``, so a caller can store it before the job can start."""
    prefix = "rq" if current_app.config.get("REDIS_URL") else "thread"
    return f"{prefix}-{uuid.uuid4().hex}"


def enqueue(func_path, *args, job_id=None, job_timeout=3600):
    """Run ``func_path(*args)`` in the background; returns the job's id.

    Arguments must be plain values (ids, strings): the job reads what it needs
    from the database itself.
    """
    resolve(func_path)  # fail now, in the request, if the name is wrong
    job_id = job_id or new_job_id()
    if current_app.config.get("REDIS_URL"):
        job = queue().enqueue("feedback_app.jobs.run_in_app", func_path, *args, job_id=job_id,
                              job_timeout=job_timeout, result_ttl=3600, failure_ttl=7 * 24 * 3600)
        return job.id
    app = current_app._get_current_object()
    thread = threading.Thread(target=_run_in_thread, args=(app, func_path, args), name=job_id, daemon=True)
    with _threads_lock:
        _threads[job_id] = thread
    thread.start()
    return job_id


def _run_in_thread(app, func_path, args):
    with app.app_context():
        try:
            resolve(func_path)(*args)
        except Exception:
            app.logger.exception("background job %s%r failed", func_path, args)
        finally:
            from feedback_app.extensions import db

            db.session.remove()
    with _threads_lock:
        _threads.pop(threading.current_thread().name, None)


# Commands that keep running (the development server, the scheduler, an RQ worker): their thread jobs finish.
LONG_RUNNING_COMMANDS = frozenset({"run", "scheduler", "worker"})


def one_off_command():
    """Whether this code runs inside a one-off command-line command (``flask demo-data``, ``flask surveys load``...).

    Such a process exits when its command returns, and a thread job still running then is stopped wherever it is:
    inside native code (scipy's HiGHS) that aborts the process ("terminate called without an active exception").
    Callers without Redis skip work whose result only this process would keep (``audit_cache.data_changed``)."""
    context = click.get_current_context(silent=True)
    names = set()
    while context is not None:
        names.add(context.info_name)
        context = context.parent
    return bool(names) and not names & LONG_RUNNING_COMMANDS


def join(job_id, timeout=None):
    """Wait for a thread job to end (tests and the CLI); ``True`` if it has ended."""
    with _threads_lock:
        thread = _threads.get(job_id)
    if thread is None:
        return True
    thread.join(timeout)
    return not thread.is_alive()


def join_all(timeout=None):
    """Wait for every thread job running now (tests, a command that must finish its jobs); ``True`` if all have
    ended."""
    with _threads_lock:
        threads = list(_threads.values())
    for thread in threads:
        thread.join(timeout)
    return not any(thread.is_alive() for thread in threads)


def _app_for_worker():
    global _worker_app
    if _worker_app is None:
        from feedback_app import create_app

        _worker_app = create_app()
    return _worker_app


def run_in_app(func_path, *args):
    """The RQ entry point: call the job inside an app context (made from the environment if need be)."""
    from feedback_app.extensions import db

    if has_app_context():
        if os.getpid() != _pid:
            # A forked work horse must not share the parent's database connections.
            db.engine.dispose(close=False)
        try:
            return resolve(func_path)(*args)
        finally:
            db.session.rollback()  # end the job's transaction; the context (and its session) is the caller's
    with _app_for_worker().app_context():
        try:
            return resolve(func_path)(*args)
        finally:
            db.session.remove()


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker_command(burst):
    """Work on background jobs from the Redis queue (needs REDIS_URL)."""
    from rq import Worker

    if not current_app.config.get("REDIS_URL"):
        raise click.ClickException("REDIS_URL is not set: jobs run in the web process's threads.")
    connection = redis_connection()
    Worker([queue(connection)], connection=connection).work(burst=burst)


def init_app(app):
    app.cli.add_command(worker_command)
