"""Fixtures: an app whose database is built by running the real migrations."""

import copy
import os
import shutil
from collections import Counter
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.engine import Engine

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from tests import postgres_pass, query_coverage
from tests.browser import route_coverage

_COVERAGE = pytest.StashKey[list]()


@event.listens_for(Engine, "connect")
def _commits_without_waiting_for_the_disk(dbapi_connection, _record):
    """The tests' databases are thrown away, so a commit need not wait for the disk: SQLite without fsync
    (``synchronous=OFF``; its journal is kept, so a process killed mid-write still rolls back) and PostgreSQL's
    ``synchronous_commit`` off for the tests' sessions (a crash of the server could lose the last commits, never
    half of one). Production and ``make run`` keep the defaults."""
    cursor = dbapi_connection.cursor()
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor.execute("PRAGMA synchronous=OFF")
    else:
        cursor.execute("SET synchronous_commit TO off")
        dbapi_connection.commit()
    cursor.close()


_QUERIES = pytest.StashKey[list]()
_RECORDER = None  # a postgres_pass.LineRecorder while `make postgres-pass-list` runs


def _worker():
    """The pytest-xdist worker's name ("gw0", "gw1"...), or "" when the suite runs in one process."""
    return os.environ.get("PYTEST_XDIST_WORKER", "")


def _worker_number():
    worker = _worker()
    return int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0


def pytest_configure(config):
    if not _worker():
        route_coverage.start_run()  # workers, started later, inherit where to leave their records
    if os.environ.get("TEST_DB") == "postgres":
        if not _worker():
            query_coverage.start_run()
        query_coverage.install()
        if postgres_pass.recording():
            global _RECORDER
            _RECORDER = postgres_pass.LineRecorder()
    # Each xdist worker gets its own Redis database: db 15 for the first, 14 for the next...
    base = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")
    if _worker():
        head, _, number = base.rpartition("/")
        if number.isdigit():
            os.environ["REDIS_URL_FOR_TESTS"] = f"{head}/{int(number) - _worker_number()}"


# Browser modules that run on the same worker as the route walker (``test_zz_route_coverage.py``,
# last): those that offer it route arguments or make the data its pages need. The other browser
# modules run, in order, on the other worker. Each group has its own served app and browser.
WITH_THE_WALKER = {
    "test_assurance_pages.py", "test_audit_pages.py", "test_builder_pages.py", "test_theme_pages.py",
    "test_training_pages.py", "test_export_pages.py", "test_zz_route_coverage.py",
}


def pytest_xdist_make_scheduler(config, log):
    """Browser tests need their module order (the route walker uses the data earlier modules made),
    so under ``-n 2`` they run as two ordered groups, one per worker, started first, while every
    other test goes to whichever worker is free. (xdist's own ``--dist loadgroup`` no longer groups
    anything under pytest 9, whose node ids it cannot rename.) Each process leaves a record of the
    pages it checked; ``pytest_sessionfinish`` below checks them together."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsInTwoGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            if not nodeid.startswith("tests/browser/"):
                return nodeid
            module = nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
            return "tests/browser (walker)" if module in WITH_THE_WALKER else "tests/browser (journeys)"

    return BrowserTestsInTwoGroups(config, log)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    """In the main process, once every worker has finished: the route-coverage check over what every
    process checked in the browser (``tests/browser/route_coverage.py``). Runs only when the whole
    browser suite was collected; fails the run, with the list, on any page nobody checked."""
    if os.environ.get("TEST_DB") == "postgres":
        query_coverage.write_records(_worker())
        if _RECORDER is not None:
            _RECORDER.write(_worker(), _MARKED)
    if _worker():
        return
    if _RECORDER is not None:
        chosen, of, seconds, total = postgres_pass.write_list(os.environ[postgres_pass.RECORD_ENV])
        print(f"\ntests/postgres_pass.txt: {chosen} of {of} tests, {seconds:.0f} of {total:.0f} recorded seconds")
    _check_records(session, query_coverage, _QUERIES)  # the PostgreSQL pass: every queries function ran there
    _check_records(session, route_coverage, _COVERAGE)


def _check_records(session, check, key):
    """Run a check over every process's records (``check.check_session``), then remove them; stash its problems
    under ``key`` and fail the run on any (``None``: the run was too narrow to check)."""
    folder = check.records_dir()
    try:
        problems = check.check_session()
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if problems is None:
        return
    session.config.stash[key] = problems
    if problems:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config):
    queries = config.stash.get(_QUERIES, None)
    if queries:
        terminalreporter.write_sep("=", "queries on PostgreSQL: FAILED", red=True)
        terminalreporter.write_line(query_coverage.HOW_TO_FIX)
        for problem in queries:
            terminalreporter.write_line(f"  {problem}")
    elif queries is not None:
        terminalreporter.write_line("queries on PostgreSQL: every function of feedback_app/queries ran")
    problems = config.stash.get(_COVERAGE, None)
    if problems is None:
        return
    if problems:
        terminalreporter.write_sep("=", "route coverage: FAILED", red=True)
        terminalreporter.write_line(route_coverage.HOW_TO_FIX)
        for problem in problems:
            terminalreporter.write_line(f"  {problem}")
    else:
        terminalreporter.write_line("route coverage: every HTML page checked with axe-core in the browser, "
                                    "every staff page visited as each role")


_MARKED = set()  # the postgres-marked tests this process collected (for the recorder)


def pytest_collection_modifyitems(config, items):
    """On the PostgreSQL pass (TEST_DB=postgres), run the ``postgres``-marked tests and those listed in
    ``tests/postgres_pass.txt``: a cover of every line of ``feedback_app/queries/`` that the tests opening a database
    run (``tests/postgres_pass.py``). Everything else already ran on the SQLite pass. Every queries function must
    have run on PostgreSQL by the end, and every listed test must still exist (``tests/query_coverage.py``).

    While ``make postgres-pass-list`` records (``POSTGRES_PASS_RECORD_DIR``), every test that opens a database runs:
    one depending on the ``_database`` fixture (through ``app``, ``client``, ``client_request``...).
    """
    if os.environ.get("TEST_DB") != "postgres":
        return
    listed = postgres_pass.listed()
    query_coverage.note_collected(items, () if postgres_pass.recording() else listed)
    keep, drop = [], []
    for item in items:
        marked = item.get_closest_marker("postgres") is not None
        if marked:
            _MARKED.add(item.nodeid)
        if postgres_pass.recording():
            wanted = marked or "_database" in getattr(item, "fixturenames", ())
        else:
            wanted = marked or item.nodeid in listed
        (keep if wanted else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
    # The postgres-marked tests first: they are the pass's longest (the load script's run alone is half of it), and
    # started last they would leave the other workers idle at the end.
    items[:] = sorted(keep, key=lambda item: item.get_closest_marker("postgres") is None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    if _RECORDER is None:
        yield
        return
    _RECORDER.start(item.nodeid)
    try:
        yield
    finally:
        _RECORDER.stop()


def pytest_runtest_logreport(report):
    if _RECORDER is not None:
        _RECORDER.add_seconds(report.nodeid, report.duration)


def _postgres_for_this_worker(url):
    """A fresh database for this worker: ``<name>_<worker>`` beside the given one, or the given one."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    if _worker():
        name = f"{make_url(url).database}_{_worker()}"
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        return make_url(url).set(database=name).render_as_string(hide_password=False)
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def _database(tmp_path_factory):
    url = TestConfig.SQLALCHEMY_DATABASE_URI
    if url:
        url = _postgres_for_this_worker(url)
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
        # A streamed body (the CSV export) is read to its end inside the request, as a server sends it whole:
        # its generator holds the request's context until then.
        kwargs.setdefault("buffered", True)
        with self.application.app_context():
            response = super().open(*args, **kwargs)
            db.session.remove()
        return response


@pytest.fixture(scope="session")
def _session_app(_database):
    """One app per worker: building one compiles every URL rule, most of a test's set-up cost."""
    app = create_app(type("Config", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": _database}))
    app.test_client_class = IsolatedClient
    return app


def _forget_audits():
    """This process's audits, kept pages and job bookkeeping (``services.audit_cache``): another test's data may
    get the same ids."""
    from feedback_app.services import audit_cache

    audit_cache.clear_local()
    for table in (audit_cache._PENDING, audit_cache._WANTED, audit_cache._LAST_WRITE):
        table.clear()


@pytest.fixture
def app(_session_app):
    """The app, with a fresh configuration and empty tables for each test."""
    app = _session_app
    config = copy.deepcopy(dict(app.config))
    extensions = set(app.extensions)  # caches a test adds (rendered pages...) go with it
    with app.app_context():
        yield app
        db.session.remove()
        _forget_audits()
        with db.engine.begin() as connection:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
    app.config.clear()
    app.config.update(config)
    for name in set(app.extensions) - extensions:
        del app.extensions[name]


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
        assert response.status_code == _expected_status, (
            response.status_code,
            BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("main").text.split()
            if response.mimetype == "text/html"
            else response.status_code,
        )
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
