"""The database going away mid-survey: drafts survive; a send either commits once or says "try again".

On SQLite the failure is injected as the OperationalError the driver raises; on
PostgreSQL (marker ``postgres``) every connection is really terminated from the
server's side, which is what the app sees when the database restarts or fails over.
"""

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from feedback_app.extensions import db
from feedback_app.models import Draft, Response
from feedback_app.queries import responses as response_queries
from tests.conftest import path_of
from tests.feedback_app.journey import SLUG, VALID, answer, answer_all, start, submit

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def _responses():
    return db.session.scalar(select(func.count()).select_from(Response))


def _post_check(client):
    # The CSRF token belongs to the session: take it from the start page, which always has a form.
    page = BeautifulSoup(client.get(f"/s/{SLUG}").get_data(as_text=True), "html.parser")
    token = page.select_one("form[method=post] input[name=csrf_token]")["value"]
    return client.post(f"/s/{SLUG}/check", data={"csrf_token": token})


def _assert_try_again(response):
    assert response.status_code == 503
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("h1").text.strip() == "Sorry, we could not save that just now"
    assert "the answers you gave before this page are kept" in page.text
    assert page.select_one("main a.govuk-link")["href"] == f"/s/{SLUG}/check"


def test_a_send_that_fails_to_commit_says_try_again_keeps_the_answers_and_then_commits_once(
        client_request, monkeypatch):
    answer_all(client_request)
    real = response_queries.add_response

    def failing(*args, **kwargs):
        raise OperationalError("INSERT INTO response", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(response_queries, "add_response", failing)
    _assert_try_again(_post_check(client_request.client))
    assert _responses() == 0
    draft = db.session.scalar(select(Draft))
    assert draft.answers["do_better"].startswith("More youth workers"), "the answers are kept in the draft"

    monkeypatch.setattr(response_queries, "add_response", real)
    submit(client_request)
    assert _responses() == 1
    # Sending again (a second click, a retry after a timeout) never makes a second response.
    again = _post_check(client_request.client)
    assert path_of(again.location) == f"/s/{SLUG}/confirmation"
    assert _responses() == 1


def test_a_page_save_that_fails_says_try_again_and_the_earlier_pages_survive(client_request, monkeypatch):
    start(client_request)
    answer(client_request, "intro")
    answer(client_request, "consent")

    def failing(*args, **kwargs):
        raise OperationalError("UPDATE draft", {}, Exception("terminating connection due to administrator command"))

    monkeypatch.setattr("feedback_app.queries.transaction", _failing_transaction(failing))
    page = client_request.submit(page_url := f"/s/{SLUG}/q/age", VALID["age"], _expected_status=503)
    assert page.select_one("main a.govuk-link")["href"] == page_url
    monkeypatch.undo()
    draft = db.session.scalar(select(Draft))
    assert draft.answers == {"agree": True}
    answer(client_request, "age")


def _failing_transaction(fail):
    from contextlib import contextmanager

    @contextmanager
    def transaction():
        yield
        db.session.rollback()
        fail()

    return transaction


@pytest.mark.postgres
def test_postgres_restart_mid_survey_keeps_drafts_and_the_journey_carries_on(client_request, kill_connections):
    start(client_request)
    for page_id in ("intro", "consent", "age"):
        answer(client_request, page_id)
    assert kill_connections() >= 1, "the app's pooled connections were terminated"
    # The pool notices dead connections before use (pool_pre_ping): the next pages just work.
    location = path_of(answer(client_request, "worries").location)
    assert location == f"/s/{SLUG}/q/online-detail"
    kill_connections()
    page = client_request.get(f"/s/{SLUG}/q/age")
    assert page.select_one("input[name=age_band][checked]")["value"] == "14_16", "earlier answers survived"


@pytest.mark.postgres
def test_postgres_connection_lost_while_sending_says_try_again_then_commits_once(
        client_request, kill_connections, monkeypatch):
    answer_all(client_request)
    real = response_queries.add_response

    def add_then_lose_the_connection(*args, **kwargs):
        response = real(*args, **kwargs)  # the INSERTs reached the server, not yet committed
        pid = db.session.execute(text("SELECT pg_backend_pid()")).scalar()
        assert kill_connections(pid)
        return response

    monkeypatch.setattr(response_queries, "add_response", add_then_lose_the_connection)
    _assert_try_again(_post_check(client_request.client))
    monkeypatch.setattr(response_queries, "add_response", real)
    assert _responses() == 0, "the server rolled the uncommitted response back"
    assert db.session.scalar(select(Draft)).answers["told_someone"] == "yes"
    submit(client_request)
    submit_again = _post_check(client_request.client)
    assert path_of(submit_again.location) == f"/s/{SLUG}/confirmation"
    assert _responses() == 1
