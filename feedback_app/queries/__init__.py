"""All database access lives in this package: views never touch ``db.session``."""

from contextlib import contextmanager

from feedback_app.extensions import db


def commit():
    db.session.commit()


def flush():
    db.session.flush()


def rollback():
    db.session.rollback()


@contextmanager
def transaction():
    """One commit point: everything inside is written, or nothing is."""
    try:
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise


def rollback_quietly():
    """Roll back after the connection was lost; a dead connection cannot fail the error page."""
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001, S110 - the session is discarded at the end of the request anyway
        pass


def ping():
    db.session.execute(db.text("SELECT 1"))
