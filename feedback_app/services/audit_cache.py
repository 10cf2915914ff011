"""Where the audit of a survey's breakdowns (``result_audit``) is kept, and how it is worked out ahead of time.

- **The key.** A survey's results data version (``queries.results.data_version``: a random ``epoch`` and a
  number the database's own triggers move in the same transaction as every write to what results count; see
  migration 0014), with the survey version, the threshold, the years and the cohorts. Reading it is one
  primary-key lookup: no count row is read or hashed to know whether the data changed.
- **Shared.** In this process (a small LRU in front), and in Redis when ``REDIS_URL`` is set, so every
  gunicorn worker and the job workers share one result. Without Redis, this process only. Redis failing is
  not an error: a job or command works it out itself (a page, with nothing in this process, says its figures
  are being prepared until Redis and the job are back).
- **Ahead of time.** ``data_changed(survey_id)``, called after a write commits, puts one job per survey in the
  background queue (``jobs.enqueue``) unless one is already waiting; the job waits for writes to settle
  (``RESULTS_AUDIT_SETTLE_SECONDS`` without a write, at most ``RESULTS_AUDIT_MAX_WAIT_SECONDS``), then works
  out the audit for the data as it is then (``results.warm_audit``); not in a one-off command without Redis
  (``jobs.one_off_command``: its result would die with the command, and a thread job still running as the
  command exits can abort it). A page is never given an audit of other
  data, and no web request works one out: a page that finds nothing for the data it reads (and no kept page,
  below) asks for the same job (``wanted``) and says the figures are being prepared. Command-line commands,
  the jobs and the warm-up at start work it out inline (``result_audit.further_hidden``).
- **A page while its audit is made.** A breakdown page keeps the figures it last made here (``keep_page``). When
  the data has moved since and its audit is not ready, the page may show those (of one data version, figures
  and audit together) for up to ``RESULTS_STALE_SECONDS``, saying how old they are, rather than say its figures
  are being prepared: the job queued by the write brings the new figures (``results.survey_results``,
  ``allow_stale``). Without precompute, never.
- **Stored only when exact.** A result is stored under a version only if the version read after reading the
  counts is the one read before them (no write committed in between).
"""

import json
import threading
import time
from collections import OrderedDict

from flask import current_app

_LOCAL = OrderedDict()
_LOCAL_SIZE = 32
_LOCK = threading.Lock()
_PAGES = OrderedDict()  # page key -> (when made, a breakdown page's results, its data version): this process only
_PAGES_SIZE = 64
_PENDING = {}  # without Redis: survey id -> when its waiting job was asked for
_LAST_WRITE = {}  # without Redis: survey id -> when a write was last reported
_WANTED = {}  # without Redis: survey id -> when a page asked for its audit (``wanted``), until that job ends
FORMAT = 2  # of the stored value: change it when the audit's result changes meaning (2: the sound pass)
EXPIRES = 7 * 24 * 3600
PENDING_EXPIRES = 600


def key_of(survey_id, version_id, limit, stamp, years, cohort_ids):
    """The cache key, or ``None`` when the data has no version yet (nothing is then kept)."""
    epoch, number = stamp
    if not epoch:
        return None
    return (f"audit:{FORMAT}:{survey_id}:{version_id}:{limit}:{epoch}:{number}:"
            f"{','.join(map(str, years))}:{','.join(map(str, cohort_ids))}")


def _prefix():
    return current_app.config.get("RESULTS_AUDIT_REDIS_PREFIX", "feedback:")


def _redis():
    """This app's Redis client (one connection pool per app), or ``None`` without ``REDIS_URL``."""
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("audit_cache.redis")
    if client is None:
        from redis import Redis

        client = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        current_app.extensions["audit_cache.redis"] = client
    return client


def encode(found):
    """``found`` as JSON text (``{(item, breakdown, period or None): {(row, col)}}``), in a fixed order."""
    return json.dumps([[item, by, period, sorted([int(r), int(c)] for r, c in cells)]
                       for (item, by, period), cells in sorted(found.items(), key=lambda kv: (
                           kv[0][0], kv[0][1], -1 if kv[0][2] is None else kv[0][2]))])


def decode(text):
    return {(item, by, period): frozenset((r, c) for r, c in cells) for item, by, period, cells in json.loads(text)}


def get(key):
    """The audit stored under ``key`` (here, else in Redis), or ``None``."""
    if key is None:
        return None
    with _LOCK:
        if key in _LOCAL:
            _LOCAL.move_to_end(key)
            return _LOCAL[key]
    client = _redis()
    if client is None:
        return None
    try:
        text = client.get(_prefix() + key)
    except Exception:  # noqa: BLE001 - Redis down: as if nothing were stored
        current_app.logger.warning("audit cache: Redis unavailable", exc_info=True)
        return None
    if text is None:
        return None
    found = decode(text)
    _keep(key, found)
    return found


def _keep(key, found):
    with _LOCK:
        _LOCAL[key] = found
        _LOCAL.move_to_end(key)
        while len(_LOCAL) > _LOCAL_SIZE:
            _LOCAL.popitem(last=False)


def put(key, found):
    if key is None:
        return
    _keep(key, found)
    client = _redis()
    if client is None:
        return
    text = encode(found)
    try:
        client.set(_prefix() + key, text, ex=EXPIRES)
    except Exception:  # noqa: BLE001 - kept in this process only
        current_app.logger.warning("audit cache: Redis unavailable", exc_info=True)


def clear_local(pages=True):
    """Forget what this process holds (tests, benchmarks; Redis is left alone): the audits, and the pages kept
    for ``recent_page`` unless ``pages`` is false."""
    with _LOCK:
        _LOCAL.clear()
        if pages:
            _PAGES.clear()


def keep_page(key, found, stamp):
    """Keep a breakdown page's results, made just now from the data of version ``stamp``, for ``recent_page``."""
    with _LOCK:
        _PAGES[key] = (time.time(), found, stamp)
        _PAGES.move_to_end(key)
        while len(_PAGES) > _PAGES_SIZE:
            _PAGES.popitem(last=False)


def recent_page(key):
    """``(seconds old, results, data version)`` of the page kept under ``key`` if it may stand in for a page
    whose audit is being worked out (precompute on, no older than ``RESULTS_STALE_SECONDS``), else ``None``."""
    config = current_app.config
    if not config.get("RESULTS_AUDIT_PRECOMPUTE", True):
        return None
    with _LOCK:
        kept = _PAGES.get(key)
    if kept is None:
        return None
    age = time.time() - kept[0]
    return (age, kept[1], kept[2]) if age <= float(config.get("RESULTS_STALE_SECONDS", 120.0)) else None


def data_changed(survey_id):
    """A write to ``survey_id``'s counted data has committed: have its audit worked out in the background, one
    waiting job per survey. Cheap (one Redis round trip, or a dict here); never raises."""
    if not current_app.config.get("RESULTS_AUDIT_PRECOMPUTE", True):
        return
    from feedback_app import jobs

    if not current_app.config.get("REDIS_URL") and jobs.one_off_command():
        return  # kept in this process only, which ends with the command: the server works it out when asked
    now = time.time()
    try:
        client = _redis()
        if client is not None:
            pipe = client.pipeline(transaction=False)
            pipe.set(f"{_prefix()}audit-last-write:{survey_id}", now, ex=3600)
            # Expires in case the job is lost before it starts (a worker killed while it waits).
            pipe.set(f"{_prefix()}audit-pending:{survey_id}", now, nx=True, ex=PENDING_EXPIRES)
            if not pipe.execute()[1]:
                return
        else:
            with _LOCK:
                _LAST_WRITE[survey_id] = now
                if survey_id in _PENDING:
                    return
                _PENDING[survey_id] = now
        jobs.enqueue("feedback_app.services.audit_cache.precompute", survey_id, job_timeout=600)
    except Exception:  # noqa: BLE001 - the write stands; the next breakdown page asks for the job again
        current_app.logger.warning("audit precompute not queued for survey %s", survey_id, exc_info=True)
        _release(survey_id)


def wanted(survey_id):
    """A page needs the audit of ``survey_id``'s data as it is and none is stored: have the background job work
    it out (``precompute``; it does not wait, no write being reported). One job at a time per survey: none is
    queued while a write's job waits or while one a page asked for waits or works (a page refreshing while it
    is prepared asks again). Cheap; never raises."""
    from feedback_app import jobs

    try:
        client = _redis()
        if client is not None:
            if client.exists(f"{_prefix()}audit-pending:{survey_id}"):
                return
            # Expires in case the job is lost (a worker killed while it works).
            if not client.set(f"{_prefix()}audit-wanted:{survey_id}", time.time(), nx=True, ex=PENDING_EXPIRES):
                return
        else:
            with _LOCK:
                if survey_id in _PENDING or survey_id in _WANTED:
                    return
                _WANTED[survey_id] = time.time()
        jobs.enqueue("feedback_app.services.audit_cache.precompute", survey_id, job_timeout=PENDING_EXPIRES)
    except Exception:  # noqa: BLE001 - the page says the figures are being prepared; its next visit asks again
        current_app.logger.warning("audit not queued for survey %s", survey_id, exc_info=True)
        _done(survey_id)


def _forget(name, local, survey_id):
    """Drop ``survey_id``'s ``audit-<name>`` mark: the Redis key, or without Redis the entry of ``local``."""
    try:
        client = _redis()
        if client is not None:
            client.delete(f"{_prefix()}audit-{name}:{survey_id}")
            return
    except Exception:  # noqa: BLE001, S110 - the key expires on its own
        return
    with _LOCK:
        local.pop(survey_id, None)


def _done(survey_id):
    """A job a page asked for has ended (or was never queued): the next page without its audit asks again."""
    _forget("wanted", _WANTED, survey_id)


def _last_write(survey_id):
    client = _redis()
    if client is None:
        with _LOCK:
            return _LAST_WRITE.get(survey_id, 0.0)
    value = client.get(f"{_prefix()}audit-last-write:{survey_id}")
    return float(value) if value is not None else 0.0


def _release(survey_id):
    """Let the next write queue a job (done before the work starts, so a write during it queues another)."""
    _forget("pending", _PENDING, survey_id)


def precompute(survey_id):
    """The background job (queued by a write, or by a page that needs the audit): wait for writes to settle,
    then store the audit of the data as it is now."""
    settle = float(current_app.config.get("RESULTS_AUDIT_SETTLE_SECONDS", 2.0))
    latest = time.monotonic() + float(current_app.config.get("RESULTS_AUDIT_MAX_WAIT_SECONDS", 30.0))
    while True:
        quiet = time.time() - _last_write(survey_id)
        if quiet >= settle or time.monotonic() >= latest:
            break
        time.sleep(min(settle - quiet, max(latest - time.monotonic(), 0.0)) + 0.01)
    _release(survey_id)
    from feedback_app.services import results

    try:
        results.warm_audit(survey_id)
    finally:
        _done(survey_id)


_WORKING = {}  # key -> a lock held while this process works that audit out


def working_on(key):
    """A lock per audit key, held while this process works the audit out: a job asking for an audit that the
    start-up warm-up or another job is already working out waits for it instead of working it out again."""
    with _LOCK:
        return _WORKING.setdefault(key, threading.Lock())


def warm_at_start(app):
    """Work out every survey's audit of breakdowns in a background thread as the server starts. Without Redis
    (``make run``) the audit is kept in the serving process only, so the first breakdown page after a start would
    otherwise say its figures are being prepared while a job works it out (107 s for the youth survey on the
    demo's data with the sound pass: benchmarks/experiments/audit_sound/README.md). Returns the thread."""

    def work():
        from feedback_app.extensions import db
        from feedback_app.queries import results as result_queries
        from feedback_app.services import results

        with app.app_context():
            try:
                for survey_id in sorted(result_queries.response_counts()):
                    results.warm_audit(survey_id)
            except Exception:  # noqa: BLE001 - a page asks for the job
                app.logger.warning("audit warm-up at start failed", exc_info=True)
            finally:
                db.session.remove()

    thread = threading.Thread(target=work, name="warm-audits", daemon=True)
    thread.start()
    return thread
