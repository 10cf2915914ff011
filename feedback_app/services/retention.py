"""Retention: raw free text is deleted when its survey's ``retention_months`` have passed.

Each survey file may set ``retention_months`` (default 24). ``flask retention
purge`` (schedule it daily) deletes the free text of answers submitted longer
ago than that, keeping everything else: closed answers, the response rows (so
counts do not change), theme runs and their themes. What was deleted is written
to the audit log as counts per survey and question, never the text.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from feedback_app import queries
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import retention as retention_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit_cache, rate_limit
from feedback_app.services.journey import definition_of

BATCH = 500


def months_before(moment, months):
    """The same day and time ``months`` calendar months earlier (the last day when that month is shorter)."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    for day in range(moment.day, 0, -1):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)  # pragma: no cover - day 1 always exists


@dataclass
class SurveyPurge:
    slug: str
    months: int
    cutoff: datetime
    deleted: Counter = field(default_factory=Counter)

    @property
    def total(self):
        return sum(self.deleted.values())


def _retention_months(survey):
    version = survey_queries.get_latest_version(survey)
    return definition_of(version).retention_months if version is not None else 24


def purge(now=None, dry_run=False):
    """Delete free text past each survey's retention; returns a ``SurveyPurge`` per survey."""
    now = now or datetime.now(UTC)
    results = []
    for survey in survey_queries.list_surveys():
        months = _retention_months(survey)
        outcome = SurveyPurge(survey.slug, months, months_before(now, months))
        if dry_run:
            seen = retention_queries.list_free_text_answers(survey.id, outcome.cutoff, limit=None)
            outcome.deleted.update(answer.question_id for answer in seen)
            queries.rollback()
        else:
            _purge_survey(survey, outcome, now)
        results.append(outcome)
    if not dry_run:
        rate_limit.purge_old_counters()
    return results


def _purge_survey(survey, outcome, now):
    # One transaction: the text goes and the audit event is written together, or neither happens.
    with queries.transaction():
        while True:
            batch = retention_queries.list_free_text_answers(survey.id, outcome.cutoff, BATCH)
            if not batch:
                break
            for answer in batch:
                retention_queries.delete_free_text(answer, now)
                outcome.deleted[answer.question_id] += 1
            queries.flush()
        if outcome.total:
            audit_queries.add_event(None, "retention.purged", survey.slug, {
                "retention_months": outcome.months, "submitted_before": outcome.cutoff.isoformat(),
                "free_text_answers": outcome.total, "by_question": dict(sorted(outcome.deleted.items())),
            })
    if outcome.total:
        audit_cache.data_changed(survey.id)
