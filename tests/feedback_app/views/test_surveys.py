"""Running surveys: the list, status changes, distribution links, QR codes, posters and the preview."""

import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import segno
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Cohort, Draft, Response, Survey, SurveyStatus
from feedback_app.services import survey_admin
from tests.conftest import path_of
from tests.feedback_app import journey

SLUG = "all-types"
BASE = f"/staff/surveys/{SLUG}"
READ_URLS = [
    "/staff/surveys", BASE, f"{BASE}/links", f"{BASE}/links/youth_forum/qr.svg",
    f"{BASE}/links/general-link/qr.svg", f"{BASE}/links/school_a/poster", f"{BASE}/preview", f"{BASE}/preview/age",
]
SVG = "{http://www.w3.org/2000/svg}"


def _survey():
    db.session.expire_all()
    return db.session.scalar(select(Survey).where(Survey.slug == SLUG))


def _status_events():
    query = select(AuditEvent).where(AuditEvent.action == "survey.status_changed").order_by(AuditEvent.id)
    return list(db.session.scalars(query))


def _change(client_request, action, expected=302):
    return client_request.submit(f"{BASE}/status", {"action": action}, _expected_status=expected, _form_url=BASE)


# -- who may do what ----------------------------------------------------------

@pytest.mark.parametrize("role", ["admin", "analyst"])
@pytest.mark.parametrize("url", READ_URLS)
def test_admins_and_analysts_can_read(client_request, sign_in, surveys_loaded, role, url):
    sign_in(role)
    client_request.get(url)


@pytest.mark.parametrize("role", ["trainer", "dsl", "viewer"])
@pytest.mark.parametrize("url", READ_URLS + [f"{BASE}/links/new"])
def test_other_roles_are_refused_every_page(client_request, sign_in, surveys_loaded, role, url):
    sign_in(role)
    page = client_request.get(url, _expected_status=403)
    assert page.select_one("h1").text.strip() == "You do not have permission to see this page"


@pytest.mark.parametrize("role", ["analyst", "trainer", "dsl", "viewer"])
@pytest.mark.parametrize("url, data", [(f"{BASE}/status", {"action": "close"}),
                                       (f"{BASE}/links/new", {"label": "Police"})])
def test_only_admins_change_anything(client_request, sign_in, surveys_loaded, role, url, data):
    sign_in(role)
    client_request.submit(url, data, _expected_status=403, _form_url="/staff/")
    assert _survey().status == SurveyStatus.open
    assert db.session.scalar(select(func.count()).select_from(Cohort)) == 2
    assert _status_events() == []


def test_analysts_see_no_management_buttons(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    page = client_request.get(BASE)
    assert page.select("form[action$='/status']") == []
    assert "Only the business unit (admin) can open, close or archive a survey." in page.text
    links = client_request.get(f"{BASE}/links")
    assert not links.select(f"a[href='{BASE}/links/new']")


@pytest.mark.parametrize("url", READ_URLS + [f"{BASE}/links/new"])
def test_anonymous_users_are_sent_to_sign_in(client, surveys_loaded, url):
    response = client.get(url)
    assert response.status_code == 302
    assert path_of(response.location) == "/staff/sign-in"


def test_the_menu_links_to_surveys(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    page = client_request.get("/staff/")
    assert "/staff/surveys" in [a["href"] for a in page.select(".govuk-service-navigation__link")]


def test_unknown_survey_or_link_is_not_found(client_request, sign_in, surveys_loaded):
    sign_in("admin")
    client_request.get("/staff/surveys/nope", _expected_status=404)
    client_request.get(f"{BASE}/links/nope/qr.svg", _expected_status=404)
    client_request.get(f"{BASE}/links/nope/poster", _expected_status=404)
    client_request.get(f"{BASE}/preview/nope", _expected_status=404)


# -- status -------------------------------------------------------------------

def test_close_reopen_archive_and_restore_with_an_audit_trail(client_request, sign_in, surveys_loaded):
    admin = sign_in("admin")
    page = client_request.get(BASE)
    assert [b["value"] for b in page.select("form[action$='/status'] button")] == ["close"]

    _change(client_request, "close")
    assert _survey().status == SurveyStatus.closed
    assert client_request.client.get(f"/s/{SLUG}").status_code == 410
    page = client_request.get(BASE)
    assert "Status changed from open to closed." in page.select_one(".govuk-notification-banner").text
    assert [b["value"] for b in page.select("form[action$='/status'] button")] == ["reopen", "archive"]

    _change(client_request, "reopen")
    assert _survey().status == SurveyStatus.open
    assert client_request.client.get(f"/s/{SLUG}").status_code == 200
    _change(client_request, "close")
    _change(client_request, "archive")
    assert _survey().status == SurveyStatus.archived
    _change(client_request, "restore")
    assert _survey().status == SurveyStatus.closed

    events = _status_events()
    assert [(e.detail["from"], e.detail["to"]) for e in events] == [
        ("open", "closed"), ("closed", "open"), ("open", "closed"), ("closed", "archived"), ("archived", "closed"),
    ]
    assert {e.actor_id for e in events} == {admin.id}
    assert {e.target for e in events} == {SLUG}
    log = client_request.get("/staff/audit-log?action=survey.status_changed")
    assert len(log.select("tbody tr")) == 5


def test_a_draft_survey_can_be_opened(client_request, sign_in, surveys_loaded):
    sign_in("admin")
    survey = _survey()
    survey.status = SurveyStatus.draft
    db.session.commit()
    _change(client_request, "open")
    assert _survey().status == SurveyStatus.open
    assert _status_events()[0].detail["from"] == "draft"


@pytest.mark.parametrize("action, message", [
    ("open", "Only a draft survey can be opened. This survey is open."),
    ("reopen", "Only a closed survey can be re-opened. This survey is open."),
    ("archive", "Only a draft or closed survey can be archived: close it first. This survey is open."),
    ("restore", "Only an archived survey can be restored. This survey is open."),
    ("explode", "That is not a change a survey can have."),
])
def test_a_transition_the_status_does_not_allow_is_refused(client_request, sign_in, surveys_loaded, action, message):
    sign_in("admin")
    page = _change(client_request, action, expected=409)
    assert page.select_one(".govuk-error-summary a").text.strip() == message
    assert page.select_one(".govuk-error-summary a")["href"] == "#status-actions"
    assert _survey().status == SurveyStatus.open
    assert _status_events() == []


def test_a_status_change_without_a_csrf_token_is_refused(client_request, sign_in, surveys_loaded):
    sign_in("admin")
    response = client_request.client.post(f"{BASE}/status", data={"action": "close"})
    assert response.status_code == 400
    assert _survey().status == SurveyStatus.open


# -- counts -------------------------------------------------------------------

def _respond(client_request, times):
    """Submit one response per entry of ``times``, then backdate it."""
    for _moment in times:
        journey.answer_all(client_request)
        journey.submit(client_request)
    responses = db.session.scalars(select(Response).order_by(Response.id)).all()
    for response, moment in zip(responses, times, strict=True):
        response.submitted_at = moment
    db.session.commit()


def test_response_counts_by_day_and_in_the_list(client_request, sign_in, surveys_loaded):
    today = survey_admin.today()
    noon = datetime.combine(today, datetime.min.time()).replace(hour=12, tzinfo=survey_admin.LOCAL).astimezone(UTC)
    _respond(client_request, [noon, noon, noon - timedelta(days=3), noon - timedelta(days=10),
                              noon - timedelta(days=40)])
    sign_in("analyst")
    page = client_request.get(BASE)
    table = page.select("table")[0]
    assert "last 28 days" in table.select_one("caption").text
    rows = [[cell.text.strip() for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert len(rows) == 28
    counts = [int(row[1]) for row in rows]
    assert counts[0] == 2 and counts[3] == 1 and counts[10] == 1 and sum(counts) == 4
    assert rows[0][0] == today.strftime("%a %d %b %Y")

    listing = client_request.get("/staff/surveys")
    cells = [cell.text.strip() for cell in listing.select("tbody tr")[0].select("td, th")]
    assert cells[0] == "Every answer type"
    assert cells[2] == "Open"
    assert cells[5:] == ["5", "3"]


def test_daily_counts_include_days_with_no_responses(app, surveys_loaded):
    days = survey_admin.daily_counts(_survey(), days=5)
    assert [count for _day, count in days] == [0, 0, 0, 0, 0]
    assert days[0][0] == survey_admin.today()


# -- distribution links -------------------------------------------------------

def test_links_page_lists_the_general_link_and_each_cohort(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/links")
    assert [h.text.strip() for h in page.select("h2")][:3] == ["General link (no group)", "Youth forum", "School A"]
    urls = [a["href"] for a in page.select("a.app-link-url")]
    tokens = {c.code: c.token for c in db.session.scalars(select(Cohort))}
    assert urls == [f"http://localhost/s/{SLUG}", f"http://localhost/s/{SLUG}?c={tokens['youth_forum']}",
                    f"http://localhost/s/{SLUG}?c={tokens['school_a']}"]
    images = page.select("img.app-qr-image")
    assert images[1]["src"] == f"{BASE}/links/youth_forum/qr.svg"
    assert images[1]["alt"] == "QR code for Youth forum"


def test_qr_code_is_an_svg_of_the_link_with_a_title(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    token = db.session.scalar(select(Cohort.token).where(Cohort.code == "youth_forum"))
    response = client_request.client.get(f"{BASE}/links/youth_forum/qr.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    root = ET.fromstring(response.data)
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "QR code for Every answer type: Youth forum"
    link = f"http://localhost/s/{SLUG}?c={token}"
    assert root.find(f"{SVG}desc").text == link
    # The drawn modules are exactly those of a QR code for the link.
    expected = ET.fromstring(survey_admin.qr_svg(link, "x").encode())
    def modules(svg):
        return [path.get("d") for path in svg.iter(f"{SVG}path") if path.get("class") == "qrline"]

    assert modules(root) == modules(expected) != []
    assert root.get("viewBox") and root.get("width") == root.get("height")
    assert segno.make(link, error="m").designator  # the link fits a QR code
    download = client_request.client.get(f"{BASE}/links/youth_forum/qr.svg?download=1")
    assert download.headers["Content-Disposition"].startswith("attachment;")


def test_admin_adds_a_cohort_link(client_request, sign_in, surveys_loaded):
    admin = sign_in("admin")
    response = client_request.submit(f"{BASE}/links/new", {"label": "Police & Fire (North)"})
    assert path_of(response.location) == f"{BASE}/links"
    cohort = db.session.scalar(select(Cohort).where(Cohort.label == "Police & Fire (North)"))
    assert cohort.code == "police_fire_north"
    assert len(cohort.token) >= 12
    page = client_request.get(f"{BASE}/links")
    assert "Link added for Police & Fire (North)." in page.select_one(".govuk-notification-banner").text
    assert f"http://localhost/s/{SLUG}?c={cohort.token}" in [a["href"] for a in page.select("a.app-link-url")]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "survey.cohort_added"))
    assert event.actor_id == admin.id
    assert event.detail == {"code": "police_fire_north", "label": "Police & Fire (North)"}

    client_request.submit(f"{BASE}/links/new", {"label": "Second school", "code": "school_b"})
    assert db.session.scalar(select(Cohort.label).where(Cohort.code == "school_b")) == "Second school"


@pytest.mark.parametrize("data, field, message", [
    ({"label": ""}, "label", "Enter a name for the group"),
    ({"label": "   "}, "label", "Enter a name for the group"),
    ({"label": "Youth Forum!"}, "label",
     "This survey already has a link with the code youth_forum. Change the name or choose a different code"),
    ({"label": "A new school", "code": "school_a"}, "code", "This survey already has a link with the code school_a"),
    ({"label": "school a", "code": "school_c"}, "label", "This survey already has a link called school a"),
    ({"label": "A new school", "code": "School-C"}, "code",
     "The code must start with a letter and use only lowercase letters, numbers and underscores"),
    ({"label": "!!!"}, "label", "Enter a name with at least one letter or number, or choose a code"),
])
def test_cohort_errors_are_shown_next_to_the_field(client_request, sign_in, surveys_loaded, data, field, message):
    sign_in("admin")
    page = client_request.submit(f"{BASE}/links/new", data, _expected_status=422)
    assert page.select_one(f"#{field}-error").text.strip().endswith(message)
    assert message in [a.text.strip() for a in page.select(".govuk-error-summary__list a")]
    assert page.select_one("title").text.strip().startswith("Error:")
    assert db.session.scalar(select(func.count()).select_from(Cohort)) == 2


def test_code_from_label():
    assert survey_admin.code_from_label("Youth Forum (North)") == "youth_forum_north"
    assert survey_admin.code_from_label("6th form") == "link_6th_form"
    assert survey_admin.code_from_label("") == ""


def test_poster_has_the_title_purpose_qr_link_and_help(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    token = db.session.scalar(select(Cohort.token).where(Cohort.code == "school_a"))
    page = client_request.get(f"{BASE}/links/school_a/poster")
    poster = page.select_one(".app-poster")
    assert poster.select_one("h1").text.strip() == "Every answer type"
    assert "A survey that uses every kind of question." in poster.text
    # A short link to type (issue 19): the configured host, /j/ and six unambiguous characters; the QR code
    # has the whole link.
    link = poster.select_one(".app-poster__link").text.strip()
    assert re.fullmatch(r"localhost/j/[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}", link), link
    assert len(link.removeprefix("localhost")) <= 10
    assert client_request.client.get("/" + link.split("/", 1)[1]).location.endswith(f"/s/{SLUG}?c={token}")
    assert poster.select_one(".app-poster__partnership").text.strip()
    svg = poster.select_one("svg")
    assert svg["role"] == "img" and svg.select_one("title").text.startswith("QR code")
    assert "call Childline on 0800 1111" in poster.select_one(".app-poster__help").text

    welsh = client_request.get(f"{BASE}/links/school_a/poster?lang=cy")
    assert welsh.select_one(".app-poster h1").text.strip() == "Pob math o ateb"
    assert "Childline ar 0800 1111" in welsh.select_one(".app-poster__help").text


# -- preview ------------------------------------------------------------------

def _counts():
    return (db.session.scalar(select(func.count()).select_from(Draft)),
            db.session.scalar(select(func.count()).select_from(Response)))


def test_preview_shows_every_page_and_saves_nothing(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    page = client_request.get(f"{BASE}/preview")
    assert "Preview: answers are not saved" in page.select_one(".govuk-notification-banner").text
    assert page.select("form[method=post]") == [page.select_one("form.app-sign-out")]
    text = page.text
    for wording in ["How old are you?", "What worries you?", "What worries you online?", "Adults listen to me"]:
        assert wording in text
    assert "Only shown depending on earlier answers." in text  # the online-detail page
    assert page.select_one('input[name=age_band][value="14_16"]') is not None

    single = client_request.get(f"{BASE}/preview/age")
    assert single.select_one("h1").text.strip() == "How old are you?"
    assert single.select_one("#progress").text.strip() == "Page 3 of 11"
    assert single.select_one("a.govuk-button")["href"] == f"{BASE}/preview/worries?lang=en"

    welsh = client_request.get(f"{BASE}/preview/age?lang=cy")
    assert welsh.select_one("h1").text.strip() == "Faint yw eich oed chi?"
    assert welsh.select_one("html")["lang"] == "cy"
    assert _counts() == (0, 0)


def test_the_poster_link_is_built_from_base_url_not_the_request_host(client_request, sign_in, app,
                                                                     surveys_loaded):
    app.config["BASE_URL"] = "https://feedback.example.org"
    sign_in("analyst")
    page = client_request.get(f"{BASE}/links/general-link/poster")  # asked of localhost
    link = page.select_one(".app-poster__link").text.strip()
    assert link.startswith("feedback.example.org/j/") and "localhost" not in page.select_one(".app-poster").decode()


def test_short_links_redirect_to_the_start_page_without_signing_in(client, surveys_loaded):
    school_a = db.session.scalar(select(Cohort).where(Cohort.code == "school_a"))
    general = survey_admin.short_code(SLUG, None)
    cohort = survey_admin.short_code(SLUG, school_a.token)
    assert general != cohort and len(general) == len(cohort) == 6
    response = client.get(f"/j/{general}")
    assert response.status_code == 302 and path_of(response.location) == f"/s/{SLUG}"
    assert "c=" not in response.location
    # Typed in lower case: the same link.
    response = client.get(f"/j/{cohort.lower()}")
    assert response.status_code == 302 and response.location.endswith(f"/s/{SLUG}?c={school_a.token}")
    assert client.get(response.location).status_code == 200


@pytest.mark.parametrize("code", ["AAAAAA", "ZZZZ", "x", "%2e%2e"])
def test_an_unknown_short_link_is_not_found(client, surveys_loaded, code):
    known = {survey_admin.short_code(SLUG, token) for token in
             [None, *db.session.scalars(select(Cohort.token))]}
    assert code not in known
    assert client.get(f"/j/{code}").status_code == 404
