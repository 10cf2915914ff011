"""One answer per question of a response (migration 0016): a second row would be counted twice in every figure."""

import pytest
from alembic import command
from flask_migrate import upgrade
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from feedback_app.models import Answer, Response
from tests.feedback_app.journey import answer_all, submit


@pytest.mark.usefixtures("surveys_loaded")
def test_a_second_answer_to_the_same_question_is_refused(app, client_request):
    answer_all(client_request)
    submit(client_request)
    with app.app_context():
        response = db.session.scalar(select(Response))
        before = db.session.scalar(select(db.func.count()).select_from(Answer))
        db.session.add(Answer(response_id=response.id, question_id="age_band", value="17_18"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(select(db.func.count()).select_from(Answer)) == before
        ages = db.session.scalars(select(Answer.value).where(Answer.question_id == "age_band")).all()
        assert ages == ["14_16"]


def test_the_migration_stops_on_a_doubled_answer_and_names_it(tmp_path):
    """A database made before 0016 with two answers to one question is not migrated (neither row is lost);
    with one of them removed, it is, and the index is there."""
    url = "sqlite:///" + str(tmp_path / "old.sqlite")
    app = create_app(type("OldDatabase", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        upgrade(revision="0015")
        with db.engine.begin() as connection:
            connection.execute(text("PRAGMA foreign_keys=OFF"))
            for value in ('"a"', '"b"'):
                connection.execute(text("INSERT INTO answer (response_id, question_id, value) "
                                        "VALUES (7, 'q1', :value)"), {"value": value})
        config = app.extensions["migrate"].migrate.get_config()
        with pytest.raises(RuntimeError, match="two answers to one question.*response 7 question q1"):
            command.upgrade(config, "head")  # (Flask-Migrate's upgrade() would log this and exit 1)
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT COUNT(*) FROM answer")).scalar() == 2
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0015"
        with db.engine.begin() as connection:
            connection.execute(text("DELETE FROM answer WHERE value = '\"b\"'"))
        upgrade()
        indexes = {index["name"]: index for index in inspect(db.engine).get_indexes("answer")}
        assert indexes["uq_answer_response_question"]["unique"]
        assert indexes["uq_answer_response_question"]["column_names"] == ["response_id", "question_id"]
        db.engine.dispose()
