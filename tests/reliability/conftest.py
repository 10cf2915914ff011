"""Fixtures for the reliability tests: PostgreSQL-only tests carry the ``postgres`` marker."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from feedback_app.extensions import db


@pytest.fixture
def postgres(app):
    """The test database's URL, for tests marked ``postgres`` (run by the TEST_DB=postgres pass)."""
    assert db.engine.dialect.name == "postgresql", (
        "this test needs PostgreSQL: run it with TEST_DB=postgres TEST_DATABASE_URL=postgresql://..."
    )
    return db.engine.url


@pytest.fixture
def kill_connections(postgres):
    """Terminate every other connection to the test database, as a restart or failover does."""
    admin = create_engine(postgres, poolclass=NullPool)

    def kill(pid=None):
        query = ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                 "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        with admin.begin() as connection:
            if pid is not None:
                return connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
            return connection.execute(text(query)).scalar()

    yield kill
    admin.dispose()
