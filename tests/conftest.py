"""Fixtures: an app whose database is built by running the real migrations."""

import os
from collections import Counter
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, text

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db


def _reset_postgres(url):
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def _database(tmp_path_factory):
    url = TestConfig.SQLALCHEMY_DATABASE_URI
    if url:
        _reset_postgres(url)
    else:
        url = "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite")
    app = create_app(type("MigrateConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url}))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


class IsolatedClient(FlaskClient):
    """Each request gets its own app context, as in production.

    Without this, requests would reuse the test's app context, sharing ``g``
    (and with it cached CSRF tokens) and the database session between
    requests and "browsers". The test's own session ends its transaction
    first, so it sees what the request wrote.
    """

    def open(self, *args, **kwargs):
        db.session.rollback()
        with self.application.app_context():
            response = super().open(*args, **kwargs)
            db.session.remove()
        return response


@pytest.fixture
def app(_database):
    app = create_app(type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": _database}))
    app.test_client_class = IsolatedClient
    with app.app_context():
        yield app
        db.session.remove()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def surveys_loaded(runner):
    result = runner.invoke(args=["surveys", "load"])
    assert result.exit_code == 0, result.output
    return result


def check_page(page):
    """Page-level checks every HTML page must pass."""
    assert len(page.select("h1")) == 1, "a page has exactly one h1"
    title = page.select_one("title").text.strip()
    assert title, "a page has a title"
    h1 = " ".join(page.select_one("h1").text.split())
    if page.select_one(".govuk-error-summary"):
        # "Error:" in the page's language (English, Welsh, Urdu).
        assert title.startswith(("Error:", "Gwall:", "خرابی:")), "an error page's title starts with Error:"
    assert h1.split(" ")[0] in title, "the title says what the page is"
    ids = [element["id"] for element in page.select("[id]")]
    duplicates = [key for key, count in Counter(ids).items() if count > 1]
    assert not duplicates, f"duplicate ids: {duplicates}"
    for form in page.select("form"):
        assert form.get("action"), "forms have an action"
        if form.get("method", "get").lower() == "post":
            assert form.select_one("input[name$=csrf_token]"), "POST forms carry a CSRF token"


class ClientRequest:
    """Fetch pages and submit forms as a browser would, asserting on parsed HTML."""

    def __init__(self, client):
        self.client = client
        self.last = None

    def get(self, url, _expected_status=200, **kwargs):
        response = self.client.get(url, **kwargs)
        assert response.status_code == _expected_status, (response.status_code, response.location)
        return self._parse(response)

    def _parse(self, response):
        self.last = response
        if response.mimetype == "text/html" and response.status_code != 302:
            page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
            check_page(page)
            return page
        return response

    def submit(self, url, data=None, _expected_status=302, _form_url=None):
        """GET the page (or ``_form_url``) for its CSRF token, then POST ``data``."""
        page = self.client.get(_form_url or url)
        parsed = BeautifulSoup(page.get_data(as_text=True), "html.parser")
        payload = dict(data or {})
        for hidden in parsed.select("form[method=post] input[type=hidden]"):
            payload.setdefault(hidden["name"], hidden.get("value", ""))
        response = self.client.post(url, data=payload)
        assert response.status_code == _expected_status, (response.status_code, BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("main").text.split() if response.mimetype == "text/html" else response.status_code)
        return self._parse(response)


@pytest.fixture
def client_request(client):
    return ClientRequest(client)


def path_of(location):
    return urlsplit(location).path


@pytest.fixture(autouse=True)
def _no_real_env(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    yield


pytest.register_assert_rewrite("tests.conftest")
os.environ.setdefault("FLASK_APP", "feedback_app")


PASSWORD = "correct horse battery staple"


@pytest.fixture
def create_user(app):
    """Make a staff account: ``create_user("analyst")`` or ``create_user("a@x.org", "admin", "dsl")``."""
    from feedback_app.services import accounts

    def make(*roles, email=None):
        email = email or f"{'-'.join(roles)}@partnership.example"
        return accounts.create_user(email, PASSWORD, list(roles))

    return make


@pytest.fixture
def sign_in(client_request, create_user):
    """Sign in as a new user with ``roles``; returns the user."""

    def do(*roles, email=None):
        user = create_user(*roles, email=email)
        client_request.submit("/staff/sign-in", {"email": user.email, "password": PASSWORD})
        return user

    return do


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on loopback that keeps what it receives."""
    import email
    import email.policy

    from aiosmtpd.controller import Controller

    class Keeper:
        def __init__(self):
            self.messages = []

        async def handle_DATA(self, server, session, envelope):
            self.messages.append(email.message_from_bytes(envelope.content, policy=email.policy.default))
            return "250 OK"

    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Keeper()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield handler
    controller.stop()


def wait_for_jobs(timeout=30):
    """Wait for background jobs run in threads (when there is no Redis) to end."""
    from feedback_app import jobs

    jobs.join_all(timeout)
