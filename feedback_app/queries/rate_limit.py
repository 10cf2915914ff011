"""Rate-limit counters in the database (used when there is no Redis)."""

from sqlalchemy import delete, select

from feedback_app.extensions import db
from feedback_app.models import RateLimitCounter


def _insert():
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(RateLimitCounter)


def increment(key_hash, window_start):
    """Add one to a window's counter (creating it) and return the new count, atomically."""
    statement = _insert().values(key_hash=key_hash, window_start=window_start, count=1)
    statement = statement.on_conflict_do_update(
        index_elements=["key_hash", "window_start"],
        set_={"count": RateLimitCounter.count + 1},
    ).returning(RateLimitCounter.count)
    return db.session.execute(statement).scalar_one()


def get_count(key_hash, window_start):
    return db.session.scalar(select(RateLimitCounter.count).where(
        RateLimitCounter.key_hash == key_hash, RateLimitCounter.window_start == window_start)) or 0


def delete_windows_before(window_start):
    return db.session.execute(delete(RateLimitCounter).where(RateLimitCounter.window_start < window_start)).rowcount
