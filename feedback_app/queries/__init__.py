"""All database access lives in this package: views never touch ``db.session``."""

from contextlib import contextmanager

from feedback_app.extensions import db


def commit():
    db.session.commit()


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


def ping():
    db.session.execute(db.text("SELECT 1"))
