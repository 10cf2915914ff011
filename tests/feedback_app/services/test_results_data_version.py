"""The survey's results data version (migration 0014's triggers) moves with every kind of write to what results
count, so the next breakdown page is audited on the new data; a write to anything else leaves the audit cached.

The fixture is ``test_results_audit``'s (threshold 3, a figure that only the audit hides). Each write below is
made the way its code path makes it: the respondent's pages, the bulk insert of demo data, ORM changes, Core
``update``/``delete``, raw SQL, the safeguarding review, the retention purge.
"""

import importlib.util
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update

from feedback_app.extensions import db
from feedback_app.models import AlertStatus, Answer, Response, SafeguardingAlert
from feedback_app.queries import results as result_queries
from feedback_app.queries import safeguarding as safeguarding_queries
from feedback_app.services import audit_cache, result_audit, results, retention
from tests.feedback_app import journey, results_data
from tests.feedback_app.services.test_results_audit import ROWS, WHEN, _codes  # noqa: F401 - the same data
from tests.feedback_app.services.test_results_audit import survey as survey  # noqa: F401 - the fixture

MIGRATION = Path(__file__).resolve().parents[3] / "migrations" / "versions" / "0014_results_data_version.py"


def _pages(target):
    """Every breakdown table of "adults_listen" for 2025, and whether the audit was worked out for them."""
    ran = []
    real = result_audit.suppression_audit.protect

    def spy(*args, **kwargs):
        ran.append(True)
        return real(*args, **kwargs)

    result_audit.suppression_audit.protect = spy
    try:
        tables = {}
        for key in ("age_band", "told_someone", "cohort"):
            found = results.survey_results(target, year=2025, breakdown=key)
            item = next(result for result in found.items if result.item.key == "adults_listen")
            tables[key] = item.breakdown.table.cells
    finally:
        result_audit.suppression_audit.protect = real
    return tables, bool(ran)


def _response(number):
    return db.session.scalars(select(Response).where(Response.reference == f"R2025{number:05d}")).one()


def _told(number):
    return db.session.scalars(select(Answer).where(Answer.response_id == _response(number).id,
                                                   Answer.question_id == "told_someone")).one()


def _submit(client_request):
    journey.answer_all(client_request, {"tell": {"told_someone": "no"}})
    journey.submit(client_request)
    # In the fixture's year, as the other responses.
    db.session.execute(update(Response).where(Response.submitted_at > WHEN).values(submitted_at=WHEN))
    db.session.commit()


def _demo_insert(_client_request):
    results_data.add(1, {"adults_listen": "agree", "age_band": None, "told_someone": "no"}, when=WHEN, start=50)


def _orm_change(_client_request):
    _told(6).value = "no"
    db.session.commit()


def _core_update(_client_request):
    db.session.execute(update(Answer).where(Answer.id == _told(7).id).values(value="yes"))
    db.session.commit()


def _core_delete(_client_request):
    db.session.execute(delete(Answer).where(Answer.response_id == _response(8).id))
    db.session.execute(delete(Response).where(Response.reference == "R202500008"))
    db.session.commit()


def _raw_sql(_client_request):
    db.session.execute(text("DELETE FROM answer WHERE id = :id"), {"id": _told(9).id})
    db.session.commit()


def _held_back(_client_request):
    response = _response(10)
    safeguarding_queries.add_alert(response.id, response.survey_id, "told_someone", "x", ["test"], [], WHEN)
    db.session.commit()


WRITES = {"submit": _submit, "demo data (bulk insert)": _demo_insert, "ORM change": _orm_change,
          "Core update": _core_update, "Core delete": _core_delete, "raw SQL": _raw_sql,
          "an answer held back": _held_back}


@pytest.mark.parametrize("write", list(WRITES))
def test_after_each_kind_of_write_the_next_page_is_audited_on_the_new_data(survey, client_request, write):
    target, _told_codes = survey
    assert _pages(target)[1]
    assert _pages(target)[1] is False  # cached
    WRITES[write](client_request)
    after, ran = _pages(target)
    assert ran, "the audit of the old data was served"
    audit_cache.clear_local()
    assert _pages(target)[0] == after  # what a fresh audit of the new data shows


def test_a_review_releasing_an_answer_moves_the_version_and_other_alert_changes_do_not(survey, client_request):
    target, _told_codes = survey
    _held_back(client_request)
    held, _ran = _pages(target)
    alert = db.session.scalars(select(SafeguardingAlert)).one()
    alert.notified_at = datetime(2025, 5, 2, tzinfo=UTC)  # mail delivered: nothing counted changes
    db.session.commit()
    assert _pages(target)[1] is False
    alert = db.session.scalars(select(SafeguardingAlert)).one()
    alert.status = AlertStatus.no_concern  # the DSL's review releases the answer
    db.session.commit()
    released, ran = _pages(target)
    assert ran and released != held


def test_the_retention_purge_moves_the_version(app, survey):
    target, _told_codes = survey
    before = result_queries.data_version(target.id)
    outcome = next(o for o in retention.purge(now=datetime(2040, 1, 1, tzinfo=UTC)) if o.slug == target.slug)
    assert outcome.total
    assert result_queries.data_version(target.id)[1] > before[1]


def test_a_write_that_counts_nothing_keeps_the_version(app, survey):
    target, _told_codes = survey
    before = result_queries.data_version(target.id)
    db.session.execute(update(Answer).where(Answer.id == _told(2).id).values(text="kept"))
    db.session.execute(update(Response).where(Response.id == _response(2).id).values(language="cy"))
    db.session.commit()
    assert result_queries.data_version(target.id) == before


def test_a_survey_made_again_draws_a_new_epoch(app, survey):
    target, _told_codes = survey
    epoch, _number = result_queries.data_version(target.id)
    assert epoch
    survey_id = target.id
    # the answers go with their responses, as the ORM's cascade takes them (SQLite reuses the response ids)
    db.session.execute(text("DELETE FROM answer WHERE response_id IN (SELECT id FROM response WHERE survey_id = :id)"),
                       {"id": survey_id})
    db.session.execute(text("DELETE FROM response WHERE survey_id = :id"), {"id": survey_id})
    db.session.execute(text("DELETE FROM results_data_version WHERE survey_id = :id"), {"id": survey_id})
    db.session.commit()
    results_data.add(1, when=WHEN, start=99)
    assert result_queries.data_version(survey_id)[0] not in ("", epoch)


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0014", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_column_the_audit_reads_moves_the_version():
    """Meta-test: the columns of each table the audit's counts read (as compiled SQL) are all watched by the
    triggers (``id``s are never updated)."""
    query = str(result_queries._answers_by_profile(1, ["q"], [2024, 2025], ["b1", "b2"]).compile()) + str(
        result_queries._responses_by_profile(1, [2024, 2025], ["b1", "b2"]).compile())
    read = {}
    for table, column in re.findall(r"\b([a-z_]+?)(?:_\d+)?\.([a-z_]+)\b", query):
        read.setdefault(table, set()).add(column)
    watched = _migration().COUNTED
    assert set(read) == set(watched)
    for table, columns in read.items():
        assert columns - {"id"} <= set(watched[table]), table


def test_every_counted_table_has_its_triggers(app):
    names = set()
    if db.engine.dialect.name == "postgresql":
        names = set(db.session.scalars(text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))
    else:
        names = set(db.session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    for table in _migration().COUNTED:
        assert {f"{table}_{event}_results" for event in ("insert", "update", "delete")} <= names
    assert "survey_delete_results" in names
