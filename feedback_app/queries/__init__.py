"""All database access lives in this package: views never touch ``db.session``."""

from contextlib import contextmanager

from sqlalchemy import inspect
from sqlalchemy.orm.attributes import set_committed_value

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


def loaded_values(obj):
    """The column values ``obj`` holds now, pending changes included (see ``keep_values``)."""
    state = inspect(obj)
    return {attr.key: state.dict[attr.key] for attr in state.mapper.column_attrs if attr.key in state.dict}


def keep_values(obj, values):
    """After a commit, which expires everything: ``obj`` holds ``values`` (what it just wrote) again,
    so reading them later in the request costs no query and opens no second transaction."""
    for key, value in values.items():
        set_committed_value(obj, key, value)
