"""Results pages, free text and exports: roles, suppression, escaping and the audit log."""

import csv
import io
import os
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import AuditEvent
from feedback_app.services import audit_cache, result_audit, results
from tests.conftest import path_of, wait_for_jobs
from tests.feedback_app import results_data

BASE = "/staff/results"
AGGREGATE = [f"{BASE}/", f"{BASE}/all-types", f"{BASE}/all-types/report", f"{BASE}/all-types/summary.csv"]
RAW = [f"{BASE}/all-types/text", f"{BASE}/all-types/export.csv", f"{BASE}/all-types/export.xlsx"]


@pytest.fixture
def answered(app, surveys_loaded):
    results_data.add(20, cohort="youth_forum")
    results_data.add(3, {"told_someone": "no", "adults_listen": "disagree",
                         "do_better": "<script>alert(1)</script> =cmd"}, cohort="school_a", start=100)
    return results_data.survey()


def _events(action):
    return db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all()


@pytest.mark.parametrize("role", ["trainer", "dsl"])
@pytest.mark.parametrize("url", AGGREGATE + RAW)
def test_trainers_and_dsls_are_refused(client_request, sign_in, answered, role, url):
    sign_in(role)
    client_request.get(url, _expected_status=403)


@pytest.mark.parametrize("url", RAW)
def test_viewers_cannot_read_raw_answers_or_export_responses(client_request, sign_in, answered, url):
    sign_in("viewer")
    client_request.get(url, _expected_status=403)
    assert _events("results.exported") == [] and _events("results.free_text_viewed") == []


@pytest.mark.parametrize("role", ["admin", "analyst"])
@pytest.mark.parametrize("url", AGGREGATE)
def test_aggregate_pages_for_analysts_and_admins(client_request, sign_in, answered, role, url):
    sign_in(role)
    client_request.get(url)


@pytest.mark.parametrize("url", AGGREGATE)
def test_viewers_see_nothing_live(client_request, sign_in, answered, url):
    """Board members read published reports only (issue 19)."""
    sign_in("viewer")
    client_request.get(url, _expected_status=403)


@pytest.mark.parametrize("role", ["admin", "analyst"])
@pytest.mark.parametrize("url", RAW)
def test_raw_pages_for_analysts_and_admins(client_request, sign_in, answered, role, url):
    sign_in(role)
    client_request.get(url)


def test_signed_out_people_are_sent_to_sign_in(client, answered):
    for url in AGGREGATE + RAW:
        assert client.get(url).status_code == 302


def test_results_menu_entry(client_request, sign_in):
    sign_in("analyst")
    page = client_request.get("/staff/")
    assert "Results" in [a.text.strip() for a in page.select(".govuk-service-navigation__link")]
    sign_in("viewer")
    page = client_request.get("/staff/")
    assert "Results" not in [a.text.strip() for a in page.select(".govuk-service-navigation__link")]


def test_index_lists_surveys_with_counts(client_request, sign_in, answered):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/")
    row = [r for r in page.select("tbody tr") if "Every answer type" in r.text][0]
    assert row.select("td")[-1].text.strip() == "23"


def test_index_leaves_out_a_withheld_year_as_the_survey_page_does(client_request, sign_in, answered):
    """A new year's first 2 responses are in no figure of the survey's pages until it has 5: nor in the list's."""
    results_data.add(2, when=datetime(2026, 2, 1, 12, tzinfo=UTC), start=200)
    sign_in("analyst")
    page = client_request.get(f"{BASE}/")
    row = [r for r in page.select("tbody tr") if "Every answer type" in r.text][0]
    assert row.select("td")[-1].text.strip() == "23"


def test_survey_page_has_accessible_charts_and_suppressed_tables(client_request, sign_in, answered):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/all-types")
    section = page.select_one("h2:-soup-contains('Have you ever told an adult')").find_parent("section")
    svg = section.select_one("svg")
    assert svg["role"] == "img"
    assert section.select_one("svg title").text == "Have you ever told an adult about a worry?"
    assert "Yes: hidden; No: hidden" in section.select_one("svg desc").text
    assert "fewer than" not in section.select_one("table").text
    assert not page.select("svg script")
    cells = {row.select_one("th, td").text.strip(): [c.text.strip() for c in row.select("td")]
             for row in section.select("tbody tr")}
    # 20 "yes" is hidden only so the 3 "no" cannot be worked out: it says so, and not "fewer than 5".
    assert cells["Yes"][-2:] == ["hidden [b]", "hidden [b]"]
    assert cells["No"][-2:] == ["hidden [a]", "hidden [a]"]
    notes = section.select_one(".app-hidden-notes").text
    assert "[a] Hidden: a small group, fewer than 5 people" in notes and "[b] Hidden to protect" in notes
    assert cells["People answering"][-2] == "23"


def test_breakdown_by_cohort_is_suppressed(client_request, sign_in, answered):
    results.warm_audit(answered.id)  # the background job (a page never works the audit out)
    sign_in("analyst")
    page = client_request.get(f"{BASE}/all-types?breakdown=cohort")
    section = page.select_one("h2:-soup-contains('Adults listen to me')").find_parent("section")
    table = section.select(".app-table-scroll table tbody tr")
    rows = {row.select_one("th, td").text.strip(): [c.text.strip() for c in row.select("td")] for row in table}
    # A small group: hidden, but for the answers no one gave (0 overall).
    assert rows["School A"][1:] == ["0", "hidden [a]", "0", "hidden [a]", "0", "0", "0", "hidden [a]"]
    assert "3" not in rows["School A"] and "20" not in rows["Youth forum"]
    assert not section.select_one(".app-not-broken-down")


def test_a_breakdown_question_is_not_broken_down(client_request, sign_in, answered):
    """A yes/no or single-choice question is itself a breakdown: on a page broken down by cohort or by another
    breakdown question it shows its own table only, and says why (issue 19: groups crossed with groups)."""
    results.warm_audit(answered.id)
    sign_in("analyst")
    for breakdown in ("cohort", "age_band"):
        page = client_request.get(f"{BASE}/all-types?breakdown={breakdown}")
        section = page.select_one("h2:-soup-contains('Have you ever told an adult')").find_parent("section")
        assert not section.select(".app-table-scroll table"), breakdown
        assert "shown for everyone only" in section.select_one(".app-not-broken-down").text
        assert section.select_one("table.app-results-table")  # its own table is still there
    page = client_request.get(f"{BASE}/all-types?breakdown=age_band")
    section = page.select_one("h2:-soup-contains('Adults listen to me')").find_parent("section")
    assert section.select_one(".app-table-scroll table")
    own = page.select_one("h2:-soup-contains('How old are you')").find_parent("section")
    assert not own.select(".app-table-scroll table") and not own.select_one(".app-not-broken-down")


def test_report_prints_without_filters(client_request, sign_in, answered):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/all-types/report")
    assert page.select_one(".app-report")
    assert not page.select("form.app-results-filters")
    assert len(page.select(".app-results-item svg[role=img]")) == 8


def test_unknown_year_or_survey_is_not_found(client_request, sign_in, answered):
    sign_in("analyst")
    client_request.get(f"{BASE}/all-types?year=1999", _expected_status=404)
    client_request.get(f"{BASE}/nope", _expected_status=404)


def test_free_text_is_escaped_searchable_and_audited(client_request, sign_in, answered):
    user = sign_in("analyst")
    page = client_request.get(f"{BASE}/all-types/text?q=SCRIPT")
    answers = [a.text for a in page.select(".app-free-text__answer")]
    assert answers == ["<script>alert(1)</script> =cmd"] * 3
    assert not page.select("main script")
    assert "&lt;script&gt;" in client_request.last.get_data(as_text=True)
    event = _events("results.free_text_viewed")[-1]
    assert event.actor_id == user.id and event.target == "all-types"
    assert event.detail["search"] == "SCRIPT" and event.detail["shown"] == 3


def test_free_text_filters_by_question_cohort_and_year(client_request, sign_in, answered):
    sign_in("analyst")
    cohort = results_data.survey_queries.get_cohort_by_code(answered, "youth_forum")
    page = client_request.get(f"{BASE}/all-types/text?question=online_detail&cohort={cohort.id}&year=2025")
    assert len(page.select(".app-free-text")) == 20
    assert {a.text for a in page.select(".app-free-text__answer")} == {"Adverts for vapes and gambling"}
    event = _events("results.free_text_viewed")[-1]
    assert event.detail["question"] == ["online_detail"] and event.detail["cohort"] == cohort.id
    assert event.detail["year"] == 2025
    page = client_request.get(f"{BASE}/all-types/text?year=2024")
    assert not page.select(".app-free-text")


def test_free_text_is_paginated(client_request, sign_in, answered):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/all-types/text")
    assert len(page.select(".app-free-text")) == 25
    assert page.select_one(".govuk-pagination__next a")["href"].endswith("page=2")
    page = client_request.get(f"{BASE}/all-types/text?page=2")
    assert len(page.select(".app-free-text")) == 21


def test_csv_export_cell_by_cell_with_audit(client_request, sign_in, answered):
    user = sign_in("analyst")
    response = client_request.get(f"{BASE}/all-types/export.csv")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    # Its first line says it is not for publication (one cell), then the header row and a row per response.
    assert len(rows[0]) == 1 and rows[0][0].startswith("Not for publication")
    rows = rows[1:]
    assert len(rows) == 24
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    last = dict(zip(header, rows[-1], strict=True))
    assert first["reference"] == "R202500000" and first["cohort"] == "Youth forum"
    assert (first["told_someone"], first["told_someone_label"]) == ("yes", "Yes")
    assert (last["told_someone"], last["told_someone_label"]) == ("no", "No")
    assert last["do_better"] == "<script>alert(1)</script> =cmd"
    assert first["worries"] == "bullying;online"
    assert (first["services.police"], first["services.police_label"]) == ("disagree", "Disagree")
    event = _events("results.exported")[-1]
    assert event.actor_id == user.id
    assert event.detail == {"format": "csv", "rows": 23, "year": None}


def test_xlsx_export_cell_by_cell_with_audit(client_request, sign_in, answered):
    sign_in("admin")
    status = client_request.submit(f"{BASE}/all-types/export.xlsx").location
    wait_for_jobs()
    response = client_request.get(client_request.get(path_of(status)).select_one("main a[download]")["href"])
    workbook = load_workbook(io.BytesIO(response.get_data()))
    assert workbook.active.title == "Read first"
    assert workbook.active["A1"].value.startswith("Not for publication")
    sheet = workbook.worksheets[1]
    header = [cell.value for cell in sheet[1]]
    assert sheet.max_row == 24
    row = dict(zip(header, [cell.value for cell in sheet[24]], strict=True))
    assert row["reference"] == "R202500102"
    assert row["cohort"] == "School A"
    assert row["sessions"] == 12
    assert row["age_band_label"] == "14 to 16"
    assert _events("results.exported")[-1].detail == {"format": "xlsx", "rows": 23, "year": None}


def test_formula_injection_is_neutralised(client_request, sign_in, app, surveys_loaded):
    results_data.add(1, {"do_better": "=HYPERLINK(\"http://evil\")"})
    sign_in("analyst")
    data = client_request.get(f"{BASE}/all-types/export.csv").get_data().decode("utf-8-sig")
    notice, *rows = list(csv.reader(io.StringIO(data)))
    assert notice[0].startswith("Not for publication")
    row = dict(zip(*rows, strict=True))
    assert row["do_better"] == "'=HYPERLINK(\"http://evil\")"


def test_summary_export_is_suppressed_and_audited(client_request, sign_in, answered):
    results.warm_audit(answered.id)
    sign_in("analyst")
    data = client_request.get(f"{BASE}/all-types/summary.csv?breakdown=cohort").get_data().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(data)))
    listen = {(r["group"], r["code"]): r for r in rows if r["question_id"] == "adults_listen"}
    assert listen[("All", "disagree")]["count"] == "[c]"
    assert listen[("All", "agree")]["count"] == "[c]"
    assert listen[("All", "agree")]["count_note"] == "[c] hidden to protect a small group elsewhere"
    assert listen[("School A", "disagree")]["count"] == "[c]"
    assert listen[("Youth forum", "agree")]["count"] == "[c]"
    assert "3" not in {r["count"] for r in rows if r["question_id"] == "adults_listen"}
    # A breakdown question is not broken down: its own figures only.
    assert {r["group"] for r in rows if r["question_id"] == "told_someone"} == {"All"}
    event = _events("results.exported")[-1]
    assert event.detail["format"] == "summary.csv" and event.detail["breakdown"] == "cohort"


@pytest.mark.parametrize("url", RAW[1:] + [AGGREGATE[-1]])
def test_exporting_an_empty_survey_says_there_is_nothing(client_request, sign_in, app, surveys_loaded, url):
    sign_in("analyst")
    page = client_request.get(url)
    assert page.select_one("h1").text.strip() == "Nothing to export"
    assert "There are no responses to Every answer type" in page.text
    assert _events("results.exported") == []


STATUS = f"{BASE}/all-types/audit-status.json"


@pytest.mark.parametrize("url", [f"{BASE}/all-types?breakdown=cohort", f"{BASE}/all-types/report?breakdown=cohort",
                                 f"{BASE}/all-types/summary.csv?breakdown=cohort"])
def test_without_its_audit_a_breakdown_says_its_figures_are_being_prepared_and_the_job_works_it_out(
        client_request, sign_in, answered, monkeypatch, url):
    """No request works the audit of breakdowns out (minutes on a large survey, past the server's time limit):
    the page, the printable report and the summary CSV say the figures are being prepared, and ask the
    background job for them, once however often the page tries again; the page's script polls the audit's
    state and reloads once the job has run."""
    sign_in("analyst")
    queued = []
    monkeypatch.setattr(jobs, "enqueue", lambda path, *args, **kwargs: queued.append((path, args)))
    monkeypatch.setattr(result_audit.suppression_audit, "protect", lambda *a, **k: pytest.fail("audited inline"))
    for _attempt in range(2):
        page = client_request.get(url)
        assert page.select_one("h1").text.strip() == "These figures are being prepared"
        assert "checked first, so that no small group can be worked out" in page.select_one(".app-preparing").text
        assert page.select_one("a.app-preparing-retry")["href"] == url
        # It checks again by itself (a script polling the audit's state: a timed <meta refresh> fails WCAG 2.2.1).
        assert page.select_one("[data-module=app-export-progress]")["data-status-url"] == STATUS
        assert page.select_one("script[src$='export-progress.js']") is not None
        assert page.select_one("meta[http-equiv=refresh]") is None
        # Without the script nothing checks again: the sentence saying so waits for the script to show it.
        assert page.select_one(".app-js-only").has_attr("hidden")
        assert "checks again every few seconds" in page.select_one(".app-js-only").text
        no_js = page.select_one(".app-no-js")
        assert not no_js.has_attr("hidden") and "Use the link below" in no_js.text
        assert page.select_one(".govuk-back-link")["href"] == f"{BASE}/all-types"
        assert page.select_one("main table") is None
        assert page.select_one(".app-nobody-working") is None  # no Redis: the web process's threads work it
    assert client_request.last.headers["Cache-Control"] == "no-store"
    assert queued == [("feedback_app.services.audit_cache.precompute", (answered.id,))]
    assert _events("results.exported") == []
    assert client_request.get(STATUS).get_json() == {"state": "queued"}
    monkeypatch.undo()
    audit_cache.precompute(answered.id)  # the job
    assert client_request.get(STATUS).get_json() == {"state": "ready"}
    ready = client_request.get(url)
    if url.endswith("summary.csv?breakdown=cohort"):
        assert ready.mimetype == "text/csv" and "School A" in ready.get_data(as_text=True)
    else:
        assert ready.select_one("h1").text.strip() != "These figures are being prepared"
        assert "School A" in [cell.text.strip() for cell in ready.select("main table th, main table td")]
        assert ready.select_one("[data-module=app-export-progress]") is None


def test_the_audit_state_is_for_analysts_and_admins_only(client_request, sign_in, answered):
    sign_in("viewer")
    client_request.get(STATUS, _expected_status=403)
    sign_in("analyst")
    client_request.get(f"{BASE}/no-such-survey/audit-status.json", _expected_status=404)


def test_with_redis_and_no_worker_listening_the_page_says_nothing_will_prepare_the_figures(
        app, client_request, sign_in, answered, monkeypatch):
    """REDIS_URL set and no ``flask worker`` running: the job waits in the queue for ever, so "being prepared"
    alone would be untrue; the page says no worker is running. Once one listens, the warning goes."""
    from rq import Worker

    app.config["REDIS_URL"] = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: "held")
    monkeypatch.setattr(audit_cache, "wanted", lambda survey_id: None)
    sign_in("analyst")
    url = f"{BASE}/all-types?breakdown=cohort"
    page = client_request.get(url)
    assert page.select_one("h1").text.strip() == "These figures are being prepared"
    warning = page.select_one(".app-nobody-working")
    assert warning is not None and "No background worker is running" in warning.text
    with app.app_context():
        connection = jobs.redis_connection()
        worker = Worker([jobs.queue(connection)], connection=connection)
        worker.register_birth()
    try:
        page = client_request.get(url)
        assert page.select_one("h1").text.strip() == "These figures are being prepared"
        assert page.select_one(".app-nobody-working") is None
    finally:
        worker.register_death()
