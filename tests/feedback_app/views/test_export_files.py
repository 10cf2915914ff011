"""The Excel export of every response, built in the background: ask, wait, download (issue 23).

The file is the asker's alone, served while they hold a role allowed to export, audited when it is
downloaded, never served once expired, and deleted by ``flask exports purge``.
"""

import io
import os
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.models import AuditEvent, ExportFile
from feedback_app.services import export_files
from tests.conftest import PASSWORD, ClientRequest, path_of, wait_for_jobs
from tests.feedback_app import export_data, results_data
from tests.feedback_app.services.test_exports_golden import GOLDEN, sheets

BASE = "/staff/results"
ASK = f"{BASE}/all-types/export.xlsx"


@pytest.fixture
def answered(app, surveys_loaded):
    results_data.add(20, cohort="youth_forum")
    results_data.add(3, {"told_someone": "no", "do_better": "=cmd"}, cohort="school_a", start=100)
    return results_data.survey()


def _exported():
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == "results.exported")).all()


def _ask(client_request, url=ASK):
    response = client_request.submit(url)
    assert path_of(response.location).startswith(f"{BASE}/exports/")
    return path_of(response.location)


def _download_link(page):
    return page.select_one("main a[download]")["href"]


def _row(**changes):
    export = db.session.scalars(select(ExportFile)).one()
    with queries.transaction():
        for name, value in changes.items():
            setattr(db.session.get(ExportFile, export.id), name, value)
    return export


def test_asking_then_downloading(client_request, sign_in, answered):
    user = sign_in("analyst")
    page = client_request.get(ASK)
    assert page.select_one("h1").text.strip() == "Download every response (Excel)"
    assert "23 responses" in page.select_one("main").text
    assert page.select_one(".govuk-warning-text").text.strip().endswith(
        "Publish only the suppressed figures from the results pages.")
    status = _ask(client_request)
    assert _exported() == []  # nothing has left yet
    wait_for_jobs()
    page = client_request.get(status)
    assert page.select_one("h1").text.strip() == "Your download is ready"
    assert page.select_one("[data-module=app-export-progress]") is None
    link = _download_link(page)
    assert link.endswith("/all-types-responses.xlsx")
    response = client_request.get(link)
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response.headers["Content-Disposition"] == 'attachment; filename="all-types-responses.xlsx"'
    assert response.headers["Cache-Control"] == "no-store"
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert [sheet.title for sheet in workbook.worksheets] == ["Read first", "all-types"]
    assert workbook.worksheets[0]["A1"].value.startswith("Not for publication")
    data = workbook.worksheets[1]
    assert data.max_row == 24
    header = [cell.value for cell in data[1]]
    last = dict(zip(header, [cell.value for cell in data[24]], strict=True))
    assert (last["reference"], last["cohort"], last["do_better"]) == ("R202500102", "School A", "'=cmd")
    [event] = _exported()
    assert event.actor_id == user.id and event.target == "all-types"
    assert event.detail == {"format": "xlsx", "rows": 23, "year": None}


def test_the_file_is_the_same_as_before(client_request, sign_in, app, surveys_loaded):
    export_data.add()
    sign_in("admin")
    status = _ask(client_request)
    wait_for_jobs()
    data = client_request.get(_download_link(client_request.get(status))).get_data()
    assert sheets(data) == GOLDEN["None-en"]["xlsx"]


def test_one_year(client_request, sign_in, app, surveys_loaded):
    export_data.add()
    sign_in("analyst")
    status = _ask(client_request, f"{ASK}?year=2026")
    wait_for_jobs()
    data = client_request.get(_download_link(client_request.get(status))).get_data()
    assert sheets(data) == GOLDEN["2026-en"]["xlsx"]
    assert _exported()[-1].detail == {"format": "xlsx", "rows": 22, "year": 2026}


def test_the_job_writes_in_the_askers_language(app, answered, create_user):
    export = export_files.start(create_user("analyst"), answered, None, "cy")
    wait_for_jobs()
    db.session.expire_all()
    workbook = load_workbook(io.BytesIO(export_files.content(export)))
    assert workbook.worksheets[0].title == "Darllenwch yn gyntaf"


def test_asking_needs_the_csrf_token(client_request, sign_in, answered):
    sign_in("analyst")
    assert client_request.client.post(ASK).status_code == 400
    assert db.session.scalars(select(ExportFile)).all() == []


def test_while_it_is_being_prepared_the_page_polls(client_request, sign_in, answered, monkeypatch):
    monkeypatch.setattr("feedback_app.jobs.enqueue", lambda *args, **kwargs: "held")
    sign_in("analyst")
    status = _ask(client_request)
    page = client_request.get(status)
    assert page.select_one("h1").text.strip() == "Your download is being prepared"
    progress = page.select_one("[data-module=app-export-progress]")
    assert progress["data-status-url"] == f"{status}/status.json"
    assert progress.select_one("a")["href"] == status  # "Check now", for when JavaScript does not run
    # ... and without the script nothing checks again: the sentence saying so waits for the script to show it.
    assert progress.select_one(".app-js-only").has_attr("hidden")
    assert not progress.select_one(".app-no-js").has_attr("hidden")
    assert "Use the link below" in progress.select_one(".app-no-js").text
    assert page.select_one("script[src$='export-progress.js']") is not None
    assert page.select_one(".app-nobody-working") is None  # no Redis: the web process's threads write it
    assert client_request.get(f"{status}/status.json").get_json() == {"state": "queued"}
    token = status.rsplit("/", 1)[1]
    client_request.get(f"{status}/all-types-responses.xlsx", _expected_status=404)
    assert _exported() == []
    # A job that never finished (its worker died) is reported, not waited for for ever.
    _row(created_at=datetime.now(UTC) - export_files.JOB_TIMEOUT - timedelta(seconds=1))
    page = client_request.get(status)
    assert page.select_one("h1").text.strip() == "Your download could not be prepared"
    assert page.select_one("script[src$='export-progress.js']") is None
    assert client_request.get(f"{status}/status.json").get_json() == {"state": "failed"}
    assert token


def test_a_failed_build_says_so(client_request, sign_in, answered, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("feedback_app.services.exports.to_xlsx", broken)
    sign_in("analyst")
    status = _ask(client_request)
    wait_for_jobs()
    page = client_request.get(status)
    assert page.select_one("h1").text.strip() == "Your download could not be prepared"
    assert page.select_one("main a.govuk-link")["href"] == ASK
    assert db.session.scalars(select(ExportFile)).one().status == "failed"


@pytest.mark.parametrize("role", ["analyst", "admin"])
def test_only_the_asker_may_see_or_download_it(client_request, sign_in, answered, app, create_user, role):
    sign_in("analyst")
    status = _ask(client_request)
    wait_for_jobs()
    link = _download_link(client_request.get(status))
    other = ClientRequest(app.test_client())
    someone = create_user(role, email=f"someone-else-{role}@partnership.example")
    other.submit("/staff/sign-in", {"email": someone.email, "password": PASSWORD})
    other.get(status, _expected_status=404)
    other.get(link, _expected_status=404)
    other.get(f"{status}/status.json", _expected_status=404)
    assert _exported() == []


@pytest.mark.parametrize("role", ["viewer", "trainer", "dsl"])
def test_other_roles_are_refused(client_request, sign_in, answered, create_user, role):
    export = export_files.start(create_user("analyst"), answered, None, "en")
    wait_for_jobs()
    sign_in(role)
    client_request.get(ASK, _expected_status=403)
    client_request.get(f"{BASE}/exports/{export.token}", _expected_status=403)
    client_request.get(f"{BASE}/exports/{export.token}/all-types-responses.xlsx", _expected_status=403)
    client_request.get(f"{BASE}/exports/{export.token}/status.json", _expected_status=403)
    assert client_request.client.post(ASK).status_code in (400, 403)
    assert _exported() == []


def test_signed_out_people_are_sent_to_sign_in(client, answered, create_user):
    export = export_files.start(create_user("analyst"), answered, None, "en")
    wait_for_jobs()
    for url in (f"{BASE}/exports/{export.token}", f"{BASE}/exports/{export.token}/all-types-responses.xlsx",
                f"{BASE}/exports/{export.token}/status.json"):
        response = client.get(url)
        assert response.status_code == 302 and path_of(response.location) == "/staff/sign-in"


def test_an_expired_file_is_never_served_and_is_purged(client_request, sign_in, answered, runner):
    sign_in("analyst")
    status = _ask(client_request)
    wait_for_jobs()
    link = _download_link(client_request.get(status))
    _row(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    page = client_request.get(status)
    assert page.select_one("h1").text.strip() == "This download has expired"
    assert page.select_one("main a.govuk-link")["href"] == ASK
    client_request.get(link, _expected_status=404)
    assert _exported() == []
    fresh = _ask(client_request)  # asked again: kept by the purge
    wait_for_jobs()
    result = runner.invoke(args=["exports", "purge"])
    assert result.exit_code == 0 and "Deleted 1 expired export files" in result.output
    db.session.expire_all()
    [kept] = db.session.scalars(select(ExportFile)).all()
    assert fresh.endswith(kept.token)
    client_request.get(status, _expected_status=404)


def test_files_live_for_the_configured_time(app, answered, create_user):
    app.config["EXPORT_FILE_SECONDS"] = 600
    export = export_files.start(create_user("analyst"), answered, None, "en")
    wait_for_jobs()
    assert export.expires_at - export.created_at == timedelta(seconds=600)
    assert export_files.purge(now=export.created_at + timedelta(seconds=599)) == 0
    assert export_files.purge(now=export.created_at + timedelta(seconds=601)) == 1


def test_nothing_to_export(client_request, sign_in, app, surveys_loaded):
    sign_in("analyst")
    assert client_request.get(ASK).select_one("h1").text.strip() == "Nothing to export"
    assert client_request.get(f"{ASK}?year=1999").select_one("h1").text.strip() == "Nothing to export"


def test_with_redis_and_no_worker_listening_the_page_says_the_file_will_not_be_written(
        app, client_request, sign_in, answered, monkeypatch):
    """REDIS_URL set and no worker: the file would be "being prepared" for ever; the page says why not."""
    app.config["REDIS_URL"] = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
    monkeypatch.setattr("feedback_app.jobs.enqueue", lambda *args, **kwargs: "held")
    sign_in("analyst")
    page = client_request.get(_ask(client_request))
    assert page.select_one("h1").text.strip() == "Your download is being prepared"
    warning = page.select_one(".app-nobody-working")
    assert warning is not None and "No background worker is running" in warning.text
