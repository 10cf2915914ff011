"""A disclosure submitted in the youth survey stays with the DSL: never in themes, lists, exports or reports.

Each place is checked with the same answer, sent through the survey's real pages. A DSL's "no concern"
releases it (the look-alike: the same answer, reviewed, does appear).
"""

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.models import AlertStatus, PublishedReport, SafeguardingAlert, Survey
from feedback_app.services import audit_evidence, demo_data, survey_loader, theme_sources
from tests.conftest import path_of, wait_for_jobs
from tests.feedback_app.safeguarding_data import DISCLOSURE, MARKER, REAL_SURVEYS, alerts, submit_youth
from tests.feedback_app.theme_data import TODAY, finished_run


@pytest.fixture
def disclosed(app, client_request):
    """The real surveys, some demo answers, and one disclosure sent through the youth survey."""
    survey_loader.load_directory(REAL_SURVEYS)
    demo_data.generate(seed=7, per_year=30, today=TODAY, slugs={"youth-voice"})
    submit_youth(client_request, {"biggest_worry": DISCLOSURE})
    [alert] = [a for a in alerts() if MARKER in a.original_text]
    assert alert.status == AlertStatus.new
    return alert


def _release(alert, outcome="no_concern"):
    with queries.transaction():
        db.session.get(SafeguardingAlert, alert.id).status = AlertStatus(outcome)


def _withheld_in_youth_theme_questions():
    """Counted straight from the alerts table, independently of the code under test."""
    survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "youth-voice"))
    return db.session.scalar(select(func.count()).select_from(SafeguardingAlert).where(
        SafeguardingAlert.survey_id == survey_id,
        SafeguardingAlert.status.in_([AlertStatus.new, AlertStatus.referred]),
        SafeguardingAlert.question_id.in_(["not_safe_why", "biggest_worry", "do_better", "anything_else"])))


def _text(page):
    return page.get_text(" ") if hasattr(page, "get_text") else page.get_data(as_text=True)


def test_a_theme_run_never_analyses_quotes_or_names_a_theme_after_a_disclosure(disclosed, client_request, sign_in):
    assert not any(MARKER in answer.text for answer in theme_sources.collect({"surveys": ["youth-voice"]}))
    run = finished_run(sources={"surveys": ["youth-voice"]}, title="Youth themes")
    engine_output = repr(run.original_output)
    assert MARKER not in engine_output
    for theme in run.themes:
        assert MARKER not in " ".join([theme.label, *theme.terms, *theme.quotes])
    assert run.original_output["withheld"] == _withheld_in_youth_theme_questions() >= 1

    sign_in("analyst")
    page = client_request.get(f"/staff/themes/{run.id}")
    assert MARKER not in _text(page)
    notice = page.select_one(".app-withheld")
    assert int(notice["data-withheld"]) == run.original_output["withheld"]
    assert "held back" in notice.text and "safeguarding lead" in notice.text


def test_a_reviewed_no_concern_answer_is_analysed_again(disclosed):
    _release(disclosed, "no_concern")
    assert any(MARKER in answer.text for answer in theme_sources.collect({"surveys": ["youth-voice"]}))


def test_a_referred_answer_stays_held_back(disclosed):
    _release(disclosed, "referred")
    assert not any(MARKER in answer.text for answer in theme_sources.collect({"surveys": ["youth-voice"]}))


def test_the_free_text_list_leaves_it_out_and_says_how_many_without_words(disclosed, client_request, sign_in):
    sign_in("analyst")
    page = client_request.get("/staff/results/youth-voice/text")
    assert MARKER not in _text(page)
    notice = page.select_one(".app-withheld")
    assert int(notice["data-withheld"]) == _withheld_in_youth_theme_questions()
    # Searching for its words finds nothing, and the held-back count does not follow the search.
    searched = client_request.get(f"/staff/results/youth-voice/text?q={MARKER}")
    assert MARKER not in _text(searched) and searched.select_one(".app-free-text") is None
    assert searched.select_one(".app-withheld")["data-withheld"] == notice["data-withheld"]

    _release(disclosed, "false_alarm")
    released = client_request.get(f"/staff/results/youth-voice/text?q={MARKER}")
    assert MARKER in released.select_one(".app-free-text").text


def _xlsx(client_request):
    """Ask for the Excel file, wait for the job, download it."""
    status = client_request.submit("/staff/results/youth-voice/export.xlsx").location
    wait_for_jobs()
    return client_request.get(client_request.get(path_of(status)).select_one("main a[download]")["href"]).get_data()


def test_exports_leave_its_cell_empty(disclosed, client, client_request, sign_in):
    sign_in("analyst")
    csv_body = client.get("/staff/results/youth-voice/export.csv").get_data()
    assert csv_body.startswith(b"\xef\xbb\xbf") and MARKER.encode() not in csv_body
    xlsx = _xlsx(client_request)
    cells = [str(cell) for sheet in load_workbook(io.BytesIO(xlsx)).worksheets
             for row in sheet.iter_rows(values_only=True) for cell in row]
    assert len(cells) > 100 and not any(MARKER in cell for cell in cells)

    _release(disclosed)
    assert MARKER.encode() in client.get("/staff/results/youth-voice/export.csv").get_data()


def test_printed_and_published_theme_reports_and_audit_evidence_leave_it_out(disclosed, client, client_request,
                                                                            sign_in, create_user):
    run = finished_run(sources={"surveys": ["youth-voice"]}, title="Youth themes")
    evidence = audit_evidence.generate(run, list(run.themes))
    assert MARKER not in repr(evidence)

    sign_in("analyst")
    proposing = client_request.get(f"/staff/audits/new?run={run.id}")
    assert MARKER not in _text(proposing)
    assert int(proposing.select_one(".app-withheld")["data-withheld"]) == run.original_output["withheld"]
    printed = client_request.get(f"/staff/reports/themes/{run.id}")
    assert MARKER not in _text(printed)
    assert printed.select_one(".app-withheld") is not None
    assert MARKER.encode() not in client.get(f"/staff/reports/themes/{run.id}.csv").get_data()
    response = client_request.submit("/staff/reports/publish", {"kind": "theme_summary", "subject": str(run.id)},
                                     _form_url=f"/staff/reports/themes/{run.id}")
    report = db.session.scalar(select(PublishedReport))
    assert path_of(response.location) == f"/staff/reports/published/{report.id}"
    assert MARKER not in repr(report.content)

    viewer = create_user("viewer")
    client_request.client.get("/exit")
    client_request.submit("/staff/sign-in", {"email": viewer.email, "password": "correct horse battery staple"})
    published = client_request.get(f"/staff/reports/published/{report.id}")
    assert MARKER not in _text(published)
    assert published.select_one(".app-withheld") is not None


def test_old_copies_of_a_held_back_answer_are_left_out_of_evidence_and_reports(disclosed):
    """A run made before the rule existed may hold a copy as a quote: reports and evidence still leave it out."""
    from feedback_app.services import reports

    released_text = "Buses at night"
    _held = db.session.scalar(select(SafeguardingAlert).where(SafeguardingAlert.id == disclosed.id))
    stored = next(a for a in _held.response.answers if a.question_id == "biggest_worry").text
    run = finished_run(sources={"surveys": ["youth-voice"]}, title="Youth themes")
    theme = run.themes[0]
    with queries.transaction():
        theme.quotes = [stored, released_text]
    assert audit_evidence.generate(run, [theme])["figures"]["quotes"] == [released_text]
    assert reports.theme_summary(run)["themes"][0]["quotes"][:1] != [stored]
    assert stored not in repr(reports.theme_summary(run))
