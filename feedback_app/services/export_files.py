"""The Excel export of every response, built in the background (issue 23).

Writing a workbook cell by cell takes seconds on a survey with thousands of responses (10,000 youth-survey
responses: about 3 CPU-seconds even in openpyxl's write-only mode), longer than a staff page may take. So
asking for it records an ``ExportFile`` and enqueues ``build``; the person who asked is shown a page that
polls its status (a "Check now" link without JavaScript) until the file is ready, then links to it. The file
is theirs alone: another person (even an admin) gets "not found", and the download route keeps the role
check the export always had. The audit log
records each download (``results.exported``, as the export always did) when the bytes leave. Files are
deleted ``EXPORT_FILE_SECONDS`` after they were asked for (``flask exports purge``, run by the scheduler);
an expired one is never served, purged or not.
"""

import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app

from feedback_app import jobs, queries
from feedback_app.i18n import use_language
from feedback_app.queries import exports as export_queries
from feedback_app.services import exports

QUEUED, READY, FAILED = "queued", "ready", "failed"
# A job not finished by then died with its worker (jobs are not trusted to finish): the page says so.
JOB_TIMEOUT = timedelta(minutes=15)


def _now():
    return datetime.now(UTC)


def lifetime():
    return timedelta(seconds=current_app.config["EXPORT_FILE_SECONDS"])


def start(user, survey, year, language):
    """Record the request and enqueue the build; returns the ``ExportFile``."""
    now = _now()
    with queries.transaction():
        export = export_queries.add_export_file(
            token=secrets.token_urlsafe(32), survey_id=survey.id, requested_by_id=user.id, year=year,
            language=language, status=QUEUED, created_at=now, expires_at=now + lifetime())
    jobs.enqueue("feedback_app.services.export_files.build", export.id, job_timeout=int(JOB_TIMEOUT.total_seconds()))
    return export


def build(export_id):
    """The job: write the workbook in the asker's language and keep it on the row."""
    export = export_queries.get_export_file_by_id(export_id)
    if export is None or export.status != QUEUED:
        return
    try:
        use_language(export.language)
        survey = export_queries.survey_of(export)
        rows = exports.count_responses(survey, export.year)
        headers, data = exports.response_rows(survey, export.year, export.language)
        content = exports.to_xlsx(headers, data, survey.slug, notice=exports.not_for_publication())
    except Exception:
        queries.rollback()
        with queries.transaction():
            export_queries.get_export_file_by_id(export_id).status = FAILED
        raise
    with queries.transaction():
        export.content, export.rows, export.status, export.finished_at = content, rows, READY, _now()


def find(token, user):
    """The export file at ``token`` if ``user`` asked for it, else ``None``."""
    export = export_queries.get_export_file(token)
    return export if export is not None and export.requested_by_id == user.id else None


def state(export, now=None):
    """``"queued"``, ``"ready"``, ``"failed"`` or ``"expired"``: what the page says about ``export``."""
    now = now or _now()
    if export.expires_at <= now:
        return "expired"
    if export.status == QUEUED and now - export.created_at > JOB_TIMEOUT:
        return FAILED
    return export.status


def content(export):
    return export_queries.export_content(export.id)


def purge(now=None):
    """Delete every expired export file; returns how many."""
    with queries.transaction():
        return export_queries.delete_expired_export_files(now or _now())


def survey_of(export):
    return export_queries.survey_of(export)
