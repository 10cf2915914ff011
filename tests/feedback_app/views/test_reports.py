"""Reports for the Board: live for staff, published snapshots for viewers, printable and as CSV."""

import csv
import io

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, PublishedReport
from feedback_app.services import audit_planning
from tests.conftest import PASSWORD, path_of
from tests.feedback_app import audit_data

pytestmark = pytest.mark.usefixtures("surveys_loaded")


@pytest.fixture
def run_with_proposal(app, create_user):
    _previous, current, themes = audit_data.two_runs()
    analyst = create_user("analyst", email="planner@partnership.example")
    audit_planning.priorities(app.config["PRIORITIES_FILE"])
    proposal = audit_planning.create_proposal(
        current, [themes["Online safety"]], analyst, title="=HYPERLINK(\"x\") online audit",
        question="Do we ask about apps?", priority_ids=[], year=2026, quarter=1, lead_agency="Police")
    return current, proposal


def _csv(response):
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _events(action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


def test_the_live_programme_report_prints_cleanly_and_downloads_safely(client_request, sign_in, run_with_proposal):
    sign_in("analyst")

    page = client_request.get("/staff/reports/programme?year=2026")

    assert page.select_one("h1").text.strip() == "Audit programme 2026 to 2027"
    # Everything that is not the report is marked not to print.
    controls = page.select_one(".app-no-print")
    assert controls.select_one("form[action='/staff/reports/publish']")
    assert controls.select_one("a[href='/staff/reports/programme.csv?year=2026']")
    section = page.select_one(".app-report-section")
    assert "=HYPERLINK" in section.select_one("h3").text
    assert "21 of the 53 answers analysed" in section.text

    rows = _csv(client_request.client.get("/staff/reports/programme.csv?year=2026"))
    assert rows[0][:4] == ["quarter", "title", "status", "priorities"]
    assert rows[1][1] == "'=HYPERLINK(\"x\") online audit"  # formula injection neutralised
    assert rows[1][0] == "Quarter 1 (April to June)" and rows[1][2] == "Proposed"
    assert rows[1][6].startswith("21 of the 53 answers analysed")
    assert _events("reports.downloaded")[-1].detail["kind"] == "audit_programme"


def test_the_theme_summary_suppresses_small_numbers(client_request, sign_in, run_with_proposal):
    run, _proposal = run_with_proposal
    sign_in("analyst")

    page = client_request.get(f"/staff/reports/themes/{run.id}")

    cells = [[td.text.strip() for td in row.select("th, td")] for row in page.select("table tbody tr")]
    # Noise is excluded; Transport's 3 is hidden, and the 5 answers in no reported theme would give it away.
    assert cells == [["Online safety", "21", "40%"], ["Youth workers", "18", "34%"], ["Buses", "6", "11%"],
                     ["Transport", "hidden", "hidden"]]
    assert "Noise" not in page.select_one("main").text
    rows = _csv(client_request.client.get(f"/staff/reports/themes/{run.id}.csv"))
    assert rows[1][:3] == ["Online safety", "21", "40"] and rows[4][:3] == ["Transport", "[c]", "[c]"]


def test_publishing_makes_a_snapshot_only_viewers_of_published_reports_see(client, client_request, sign_in,
                                                                         create_user, run_with_proposal):
    run, proposal = run_with_proposal
    analyst = sign_in("analyst")

    response = client_request.submit("/staff/reports/publish", {"kind": "audit_programme", "subject": "2026"},
                                     _form_url="/staff/reports/programme?year=2026")
    report = db.session.scalar(select(PublishedReport))
    assert path_of(response.location) == f"/staff/reports/published/{report.id}"
    assert report.kind == "audit_programme" and report.published_by_id == analyst.id
    [event] = _events("reports.published")
    assert (event.actor_id, event.target, event.detail["subject"]) == (analyst.id, f"published_report:{report.id}",
                                                                      2026)
    # The snapshot does not change when the proposal does.
    audit_planning.change_status(proposal, "agreed", analyst)
    snapshot = client_request.get(f"/staff/reports/published/{report.id}")
    assert "Proposed" in snapshot.select_one(".app-report-section").text

    # A viewer sees the published report and nothing live.
    viewer = create_user("viewer")
    client.get("/exit")
    client_request.submit("/staff/sign-in", {"email": viewer.email, "password": PASSWORD})
    index = client_request.get("/staff/reports/")
    assert [a.text for a in index.select("main table a")] == ["Audit programme 2026 to 2027"]
    assert "Reports you can publish" not in index.select_one("main").text
    page = client_request.get(f"/staff/reports/published/{report.id}")
    assert page.select_one(".app-no-print form") is None  # no publish or withdraw buttons
    assert _csv(client.get(f"/staff/reports/published/{report.id}.csv"))[1][2] == "Proposed"
    for url in ("/staff/reports/programme?year=2026", "/staff/reports/programme.csv", f"/staff/reports/themes/{run.id}",
                "/staff/audits/", f"/staff/audits/{proposal.id}"):
        assert client.get(url).status_code == 403, url
    client_request.submit("/staff/reports/publish", {"kind": "audit_programme", "subject": "2026"},
                          _expected_status=403, _form_url="/staff/reports/")
    assert len(_events("reports.published")) == 1
    navigation = [a.text.strip() for a in index.select(".govuk-service-navigation a")]
    assert "Reports" in navigation and "Audit programme" not in navigation


def test_a_withdrawn_report_is_hidden_from_viewers(client, client_request, sign_in, create_user, run_with_proposal):
    run, _proposal = run_with_proposal
    analyst = sign_in("analyst")
    client_request.submit("/staff/reports/publish", {"kind": "theme_summary", "subject": str(run.id)},
                          _form_url=f"/staff/reports/themes/{run.id}")
    report = db.session.scalar(select(PublishedReport))
    client_request.submit(f"/staff/reports/published/{report.id}/withdraw", {},
                          _form_url=f"/staff/reports/published/{report.id}")
    [event] = _events("reports.withdrawn")
    assert event.actor_id == analyst.id and event.target == f"published_report:{report.id}"
    assert "Withdrawn" in client_request.get(f"/staff/reports/published/{report.id}").select_one(
        ".govuk-warning-text").text

    viewer = create_user("viewer")
    client.get("/exit")
    client_request.submit("/staff/sign-in", {"email": viewer.email, "password": PASSWORD})
    assert client_request.get("/staff/reports/").select_one("main table") is None
    assert client.get(f"/staff/reports/published/{report.id}").status_code == 404
    assert client.get(f"/staff/reports/published/{report.id}.csv").status_code == 404


def test_publishing_something_that_does_not_exist_is_refused(client_request, sign_in, run_with_proposal):
    sign_in("analyst")
    client_request.submit("/staff/reports/publish", {"kind": "theme_summary", "subject": "999999"},
                          _expected_status=404, _form_url="/staff/reports/")
    client_request.submit("/staff/reports/publish", {"kind": "nonsense", "subject": "1"},
                          _expected_status=400, _form_url="/staff/reports/")
    assert db.session.scalar(select(PublishedReport)) is None and _events("reports.published") == []


@pytest.mark.parametrize("role", ["trainer", "dsl"])
def test_other_roles_see_no_reports(client_request, sign_in, run_with_proposal, role):
    sign_in(role)
    client_request.get("/staff/reports/", _expected_status=403)


def test_publishing_again_makes_a_new_version_of_the_same_report(client, client_request, sign_in, create_user,
                                                                 run_with_proposal):
    """Issue 19: one report, its current version listed with the earlier ones and their dates beneath."""
    _run, proposal = run_with_proposal
    analyst = sign_in("analyst")
    for _time in range(2):
        client_request.submit("/staff/reports/publish", {"kind": "audit_programme", "subject": "2026"},
                              _form_url="/staff/reports/programme?year=2026")
        if _time == 0:
            audit_planning.change_status(proposal, "agreed", analyst)
    first, second = db.session.scalars(select(PublishedReport).order_by(PublishedReport.id)).all()
    assert (first.subject, first.version, second.subject, second.version) == ("2026", 1, "2026", 2)
    assert [e.detail["version"] for e in _events("reports.published")] == [1, 2]

    viewer = create_user("viewer")
    client.get("/exit")
    client_request.submit("/staff/sign-in", {"email": viewer.email, "password": PASSWORD})
    index = client_request.get("/staff/reports/")
    rows = index.select("main table tbody tr")
    assert len(rows) == 1
    assert rows[0].select_one("a")["href"].endswith(f"/published/{second.id}")
    assert rows[0].select("td")[1].text.strip() == "2"
    earlier = rows[0].select(".app-report-versions li a")
    assert [a["href"].rsplit("/", 1)[1] for a in earlier] == [str(first.id)]
    assert earlier[0].text.startswith("Version 1, published ")
    old = client_request.get(f"/staff/reports/published/{first.id}")
    assert "This is an earlier version" in old.select_one(".govuk-warning-text").text
    assert "Version 1, published" in old.select_one(".app-report-version").text
    current = client_request.get(f"/staff/reports/published/{second.id}")
    assert current.select_one(".govuk-warning-text") is None
    # Nothing live: the results pages are refused to Board members.
    assert client.get("/staff/results/").status_code == 403


def test_a_report_whose_figures_are_still_being_prepared_is_not_published_and_says_so(
        client_request, sign_in, run_with_proposal, monkeypatch):
    """A report's figures that need the audit of breakdowns, not worked out yet for the data as it is: publishing
    never works it out in the request (``results.NotReady``); nothing is stored or logged, and the publisher is
    told to try again."""
    from feedback_app.services import reports as reports_service
    from feedback_app.services import results

    def not_ready(*_args, **_kwargs):
        raise results.NotReady

    monkeypatch.setattr(reports_service, "audit_programme", not_ready)
    sign_in("analyst")
    response = client_request.submit("/staff/reports/publish", {"kind": "audit_programme", "subject": "2026"},
                                     _form_url="/staff/reports/")
    assert path_of(response.location) == "/staff/reports/"
    page = client_request.get("/staff/reports/")
    banner = page.select_one(".govuk-notification-banner")
    assert "govuk-notification-banner--success" not in banner["class"]
    assert "The report was not published: some of its figures are still being prepared" in banner.text
    assert db.session.scalar(select(PublishedReport)) is None and _events("reports.published") == []
