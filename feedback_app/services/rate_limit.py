"""Rate limits per client address on starting and sending surveys, signing in and password resets.

The address is never stored: a counter's key is an HMAC-SHA256 of the limit's name
and the address, with a secret that changes every day (derived from
``RATE_LIMIT_SALT`` or ``SECRET_KEY`` and the date, so every machine agrees on it
without storing it). Counters live in Redis when ``REDIS_URL`` is set, so several
machines share them, and in a database table otherwise (and whenever Redis does not
answer, so a limit never switches off). Fixed windows: at most ``count`` hits per ``seconds``.
"""

import hashlib
import hmac
import time
from datetime import UTC, datetime

from flask import current_app, request
from werkzeug.exceptions import TooManyRequests

from feedback_app import queries
from feedback_app.queries import rate_limit as counter_queries


class RateLimited(TooManyRequests):
    """Too many requests from one address: a friendly 429 page says to wait and try again."""

    def __init__(self, retry_after):
        super().__init__()
        self.retry_after = retry_after


def parse_limit(text):
    """``"30/900"`` → ``(30, 900)``; a count of 0 switches the limit off."""
    count, seconds = (int(part) for part in str(text).split("/"))
    if count < 0 or seconds <= 0:
        raise ValueError(f"bad rate limit {text!r}: use count/seconds")
    return count, seconds


def daily_salt(day=None):
    """The secret for one UTC day: the same on every machine, never stored, useless the next day."""
    config = current_app.config
    secret = (config.get("RATE_LIMIT_SALT") or config["SECRET_KEY"]).encode("utf-8")
    day = day or datetime.now(UTC).date()
    return hmac.new(secret, b"rate-limit " + day.isoformat().encode("ascii"), hashlib.sha256).digest()


def key_for(name, address, day=None):
    """The counter key for a limit and a client address: an HMAC, never the address."""
    message = f"{name}\0{address}".encode()
    return hmac.new(daily_salt(day), message, hashlib.sha256).hexdigest()


_redis_clients = {}


def _redis(url):
    if url not in _redis_clients:
        import redis

        _redis_clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    return _redis_clients[url]


def _count_in_redis(url, key, window_start, seconds):
    client = _redis(url)
    redis_key = f"feedback:rl:{key}:{window_start}"
    pipeline = client.pipeline()
    pipeline.incr(redis_key)
    pipeline.expire(redis_key, seconds + 60)
    count, _ = pipeline.execute()
    return int(count)


def _count_in_database(key, window_start):
    with queries.transaction():
        return counter_queries.increment(key, window_start)


def _window(name, now):
    # A limit missing from a hand-made RATE_LIMITS (tests switching limits off) is off.
    count, seconds = parse_limit(current_app.config["RATE_LIMITS"].get(name, "0/1"))
    now = int(now if now is not None else time.time())
    return count, seconds, now, now - now % seconds


def _used(key, window_start, seconds, add):
    """The window's count (after adding one when ``add``): in Redis, or in the database when Redis
    is not configured or not answering, so a limit never switches off."""
    url = current_app.config.get("RATE_LIMIT_REDIS_URL")
    if url:
        try:
            if add:
                return _count_in_redis(url, key, window_start, seconds)
            return int(_redis(url).get(f"feedback:rl:{key}:{window_start}") or 0)
        except Exception:  # noqa: BLE001 - Redis down or flushed mid-call: count in the database instead
            current_app.logger.warning("rate limit: Redis unavailable, counting in the database")
    if add:
        return _count_in_database(key, window_start)
    return counter_queries.get_count(key, window_start)


def hit(name, address=None, now=None):
    """Count one request under limit ``name``; raise ``RateLimited`` past the limit.

    ``address`` is what is counted: the client address by default, or another subject
    (an account's email for per-account limits); it is only ever stored as an HMAC."""
    count, seconds, now, window_start = _window(name, now)
    if count == 0:
        return
    address = address if address is not None else (request.remote_addr or "unknown")
    used = _used(key_for(name, address), window_start, seconds, add=True)
    if used > count:
        raise RateLimited(retry_after=window_start + seconds - now)


def check(name, address, now=None):
    """Raise ``RateLimited`` if limit ``name`` is already used up for ``address``, without counting."""
    count, seconds, now, window_start = _window(name, now)
    if count == 0:
        return
    if _used(key_for(name, address), window_start, seconds, add=False) >= count:
        raise RateLimited(retry_after=window_start + seconds - now)


def purge_old_counters(now=None, keep_seconds=2 * 24 * 3600):
    """Delete database counters older than two days (Redis expires its own)."""
    now = int(now if now is not None else time.time())
    with queries.transaction():
        return counter_queries.delete_windows_before(now - keep_seconds)
