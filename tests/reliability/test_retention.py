"""Retention: free text past a survey's retention_months is deleted; closed answers, counts and the audit stay."""

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Answer, AuditEvent, Response
from feedback_app.services import retention
from tests.feedback_app import results_data
from tests.feedback_app.results_data import FREE_TEXT, FULL

pytestmark = pytest.mark.usefixtures("surveys_loaded")
NOW = datetime(2026, 6, 15, 9, tzinfo=UTC)
OLD = datetime(2024, 5, 1, 12, tzinfo=UTC)  # more than 24 months before NOW
RECENT = datetime(2026, 4, 1, 12, tzinfo=UTC)


def _answers(when):
    query = select(Answer).join(Response).where(Response.submitted_at == when).order_by(Answer.id)
    return db.session.scalars(query).all()


def test_free_text_older_than_the_default_24_months_is_deleted_and_everything_else_kept(app):
    results_data.add(3, when=OLD, prefix="O")
    results_data.add(2, when=RECENT, prefix="N")
    before = db.session.scalar(select(func.count()).select_from(Answer))
    [outcome] = retention.purge(now=NOW)
    assert outcome.months == 24 and outcome.cutoff == datetime(2024, 6, 15, 9, tzinfo=UTC)
    assert dict(outcome.deleted) == {"online_detail": 3, "do_better": 3}

    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Answer)) == before, "no answer row is removed"
    assert db.session.scalar(select(func.count()).select_from(Response)) == 5, "counts do not change"
    for answer in _answers(OLD):
        if answer.question_id in FREE_TEXT:
            assert answer.text is None and answer.value is None and answer.text_language is None
            assert answer.text_deleted_at == NOW
        else:
            assert answer.value == FULL[answer.question_id] and answer.text_deleted_at is None
    for answer in _answers(RECENT):
        if answer.question_id in FREE_TEXT:
            assert answer.text == FULL[answer.question_id] and answer.text_deleted_at is None


def test_what_was_deleted_is_audited_as_counts_never_as_text(app):
    results_data.add(2, when=OLD)
    retention.purge(now=NOW)
    [event] = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "retention.purged")).all()
    assert event.target == "all-types"
    assert event.detail["free_text_answers"] == 4
    assert event.detail["by_question"] == {"do_better": 2, "online_detail": 2}
    assert event.detail["retention_months"] == 24
    recorded = json.dumps(event.detail)
    assert "youth workers" not in recorded and "messaging" not in recorded
    # A second run finds nothing more and writes no empty event.
    [again] = retention.purge(now=NOW)
    assert again.total == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "retention.purged")) == 1


def test_a_survey_sets_its_own_retention_in_its_file(app, runner, tmp_path):
    text = (app.config["SURVEYS_DIR"] / "all-types.yaml").read_text(encoding="utf-8")
    shorter = text.replace("screening: true\n", "screening: true\nretention_months: 1\n")
    (tmp_path / "all-types.yaml").write_text(shorter, encoding="utf-8")
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert result.exit_code == 0, result.output
    results_data.add(1, when=RECENT)  # 2.5 months before NOW: past one month
    [outcome] = retention.purge(now=NOW)
    assert outcome.months == 1 and outcome.total == 2


def test_the_command_reports_and_a_dry_run_changes_nothing(app, runner):
    results_data.add(1, when=datetime(2000, 1, 1, tzinfo=UTC))
    result = runner.invoke(args=["retention", "purge", "--dry-run"])
    assert result.exit_code == 0 and "all-types: would delete 2 free-text answers" in result.output
    assert db.session.scalar(select(func.count()).select_from(Answer).where(Answer.text.is_not(None))) == 2
    result = runner.invoke(args=["retention", "purge"])
    assert result.exit_code == 0 and "all-types: deleted 2 free-text answers" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Answer).where(Answer.text.is_not(None))) == 0


@pytest.mark.parametrize(("moment", "months", "expected"), [
    (datetime(2026, 3, 31, tzinfo=UTC), 1, datetime(2026, 2, 28, tzinfo=UTC)),
    (datetime(2026, 1, 15, tzinfo=UTC), 24, datetime(2024, 1, 15, tzinfo=UTC)),
    (datetime(2024, 2, 29, tzinfo=UTC), 12, datetime(2023, 2, 28, tzinfo=UTC)),
    (datetime(2026, 1, 10, tzinfo=UTC), 13, datetime(2024, 12, 10, tzinfo=UTC)),
])
def test_months_before_counts_calendar_months(moment, months, expected):
    assert retention.months_before(moment, months) == expected
