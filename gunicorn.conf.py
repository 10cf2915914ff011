"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py "feedback_app:create_app()"``.

Every value can be overridden from the environment (GUNICORN_BIND, GUNICORN_WORKERS,
GUNICORN_THREADS, GUNICORN_TIMEOUT) so the same file serves a small VM and a large one.
Run several of these behind a reverse proxy, on as many machines as needed: they
share one PostgreSQL and one Redis, and hold no state of their own.
"""

import multiprocessing
import os

# About what one worker holds once warm: the app, spaCy and the fitted safeguarding screen.
WORKER_MEMORY_MB = 400


def _memory_mb():
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def default_workers(cpus, memory_mb):
    """One worker per core (each has 4 threads; requests mostly wait on PostgreSQL, and the CPU-heavy
    screen fit runs once per worker), no more than a quarter of the memory can hold (the rest for
    PostgreSQL, Redis, the RQ worker and the page cache), and never more than 8.
    A 2-core, 4 GB host gets 2 workers x 4 threads; 1 GB gets 1."""
    by_memory = max(1, (memory_mb // 4) // WORKER_MEMORY_MB) if memory_mb else cpus
    return max(1, min(cpus, by_memory, 8))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gthread workers, a few threads each: requests are short and mostly wait on PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", str(default_workers(multiprocessing.cpu_count(), _memory_mb()))))
# gunicorn's gthread worker with two changes (feedback_app/server_worker.py): a new connection waits for its
# request in the poller, not in a thread; and a clean handover when a worker is recycled: its kept-alive
# connections are answered (with "Connection: close") until their keep-alive timeout instead of being closed
# after 2 s, and the replacement starts at once rather than after the old worker has drained.
worker_class = "feedback_app.server_worker.FeedbackWorker"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Seconds an idle kept-alive connection waits in the poller (not in a thread); a new connection waits there
# for its first request too (worker_class). Behind the reverse proxy this is the proxy's upstream
# connection. Still never expose gunicorn to phones directly: the proxy buffers slow uploads and ends TLS.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak can never take a server down. A new worker is a fork of
# the warmed master (see on_starting), so a recycle costs milliseconds, even in the middle of load, and
# the old worker hands its kept-alive connections over cleanly (worker_class above; gunicorn's own gthread
# worker closed them 2 s after it stopped, and at 2,000 requests each of an assembly's recycles dropped
# about 150 phones' connections: issue 23). 10,000 is a recycle every few minutes under that load and
# every few hours otherwise, which still bounds any leak.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "1000"))
# Load the app once in the master, build its heavy state there (on_starting), then fork the workers.
# The master never opens a database connection, and each worker drops any pooled one (post_fork).
preload_app = True
# Request limits before Flask sees the request (Flask's MAX_CONTENT_LENGTH limits the body).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Logs to stdout/stderr for the service manager. The access log leaves out client addresses:
# no IP address is stored with anything respondents send.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Trust X-Forwarded-* only from the local reverse proxy (the app's PROXY_COUNT does the same in Flask).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def _refuse_unsafe_production():
    """Refuse to start at all (exit 1, one clear message) when production settings are unsafe."""
    import sys

    from feedback_app.config import UnsafeConfiguration, as_mapping, check_production, config_from_environment

    try:
        check_production(as_mapping(config_from_environment()))
    except UnsafeConfiguration as error:
        print(error, file=sys.stderr)
        sys.exit(1)


def _feedback_app(server):
    """The preloaded Flask app, if this server runs the feedback service (not, say, a benchmark's)."""
    if not server.cfg.preload_app:
        return None
    app = server.app.wsgi()
    return app if getattr(app, "import_name", None) == "feedback_app" else None


def on_starting(server):
    """In the master, before listening: fit the safeguarding screen, compile the templates and load the
    translations once. Every worker forked afterwards has them, so none builds them on the request path."""
    import gc

    _refuse_unsafe_production()
    app = _feedback_app(server)
    if app is not None:
        from feedback_app.server_process import warm

        warm(app, log=server.log.info)
    # Objects made so far are shared by every fork: keep the collector from touching (and so copying) them.
    gc.freeze()


def post_fork(server, worker):
    app = _feedback_app(server)
    if app is not None:
        from feedback_app.server_process import after_fork

        after_fork(app)


def child_exit(server, worker):
    """In the master: a recycled worker asked for its replacement early; now it has gone, drop the extra."""
    from feedback_app.server_worker import after_worker_exit

    after_worker_exit(server)


def post_worker_init(worker):
    """Without preload_app (a command-line override), fit the screen in the worker before it serves."""
    if worker.cfg.preload_app:
        return
    from analysis.screening import default_screener

    default_screener()
