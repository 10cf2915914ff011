"""Backup and restore as the README documents them: pg_dump, a fresh database, pg_restore, same rows."""

import shutil
import subprocess

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from tests.feedback_app import results_data

pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("surveys_loaded")]


def _libpq(url, database=None):
    url = url.set(drivername="postgresql")
    if database:
        url = url.set(database=database)
    return url.render_as_string(hide_password=False)


def _row_counts(url):
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        counts = {table: connection.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()  # noqa: S608
                  for table in tables}
    engine.dispose()
    return counts


def _run(*command):
    assert shutil.which(command[0]), f"{command[0]} is missing: install postgresql-client (.ci/run does)"
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)


def test_pg_dump_then_restore_into_a_new_database_gives_the_same_rows(postgres, create_user, tmp_path):
    results_data.add(7, cohort=None)
    results_data.add_drafts(3)
    create_user("admin", "dsl")
    source = _libpq(postgres)
    head = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    before = _row_counts(postgres.set(drivername="postgresql+psycopg"))
    assert before["response"] == 7 and before["answer"] > 7 and before["alembic_version"] == 1

    dump = tmp_path / "feedback.dump"
    _run("pg_dump", "--format=custom", "--no-owner", "--file", str(dump), "--dbname", source)

    restored_name = f"{postgres.database}_restore"
    admin = create_engine(postgres, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{restored_name}"'))
        connection.execute(text(f'CREATE DATABASE "{restored_name}"'))
    try:
        _run("pg_restore", "--no-owner", "--exit-on-error", "--dbname", _libpq(postgres, restored_name), str(dump))
        restored_url = postgres.set(drivername="postgresql+psycopg", database=restored_name)
        assert _row_counts(restored_url) == before

        # The restored database is a working one: migrations at head, the service healthy.
        app = create_app(type("Restored", (TestConfig,), {
            "SQLALCHEMY_DATABASE_URI": restored_url.render_as_string(hide_password=False)}))
        with app.app_context():
            assert app.test_client().get("/healthz").json == {"status": "ok", "database": "ok"}
            with db.engine.connect() as connection:
                version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
            assert version == head, "the restored schema is at the same migration"
            db.session.remove()
            db.engine.dispose()
    finally:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                               {"name": restored_name})
            connection.execute(text(f'DROP DATABASE IF EXISTS "{restored_name}"'))
        admin.dispose()
