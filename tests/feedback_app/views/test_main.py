"""Health check, home page and the exit route."""

from feedback_app import create_app
from feedback_app.config import TestConfig


def test_healthz_answers_200_when_the_database_is_reachable(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_is_not_reachable(tmp_path):
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=1"
    app = create_app(type("Down", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": unreachable}))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["database"] == "unreachable"


def test_home_page(client_request):
    page = client_request.get("/")
    assert page.select_one("h1").text.strip() == "Have your say"
    assert page.select_one("html")["lang"] == "en"


def test_no_gov_uk_crown_or_font(client):
    body = client.get("/").get_data(as_text=True)
    assert "govuk-logo" not in body
    assert "GDS Transport" not in body


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_oversized_request_gets_413(client):
    response = client.post("/s/anything/start", data={"x": "a" * (2 * 1024 * 1024)})
    assert response.status_code == 413


def test_accessibility_statement_is_linked_from_every_page(client_request):
    page = client_request.get("/accessibility")
    assert page.select_one("h1").text.strip() == "Accessibility statement"
    headings = [h.text.strip() for h in page.select("h2.govuk-heading-l")]
    assert headings == ["How accessible this service is", "Known issues", "Reporting accessibility problems",
                        "Enforcement procedure", "Compliance status"]
    home = client_request.get("/")
    assert home.select_one("footer a[href='/accessibility']").text.strip() == "Accessibility statement"


def test_healthz_reports_redis_when_it_is_configured(app, client):
    from tests.feedback_app.test_jobs import REDIS_URL

    app.config["REDIS_URL"] = REDIS_URL
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "redis": "ok"}


def test_healthz_answers_503_when_redis_is_down(app, client):
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "ok", "redis": "unreachable"}
