"""Respondent pages under load: each survey version's definition is parsed once per process, yet a version
loaded with ``flask surveys load`` is served at once; a GET writes nothing, a page's POST is one short
transaction."""

import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from sqlalchemy import event

from feedback_app.extensions import db
from feedback_app.services import journey
from tests.feedback_app.journey import SLUG, VALID, answer, page_url, start

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "surveys" / "all-types.yaml"


@pytest.fixture
def survey_file(runner, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "all-types.yaml")
    assert runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)]).exit_code == 0

    def change(edit):
        data = yaml.safe_load((tmp_path / "all-types.yaml").read_text(encoding="utf-8"))
        edit(data)
        (tmp_path / "all-types.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
        assert "new version" in result.output, result.output

    return change


@pytest.fixture
def parses(monkeypatch):
    """How often a stored definition is parsed, with the process's cache emptied first."""
    calls = []
    real = journey.definition_from_data
    monkeypatch.setattr(journey, "_DEFINITIONS", {})
    monkeypatch.setattr(journey, "definition_from_data", lambda data: calls.append(data["slug"]) or real(data))
    return calls


@pytest.fixture
def statements(app):
    """The SQL statements sent while the test runs (savepoints left out)."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        verb = statement.lstrip().split(None, 1)[0].upper()
        if verb in ("SELECT", "INSERT", "UPDATE", "DELETE"):
            sent.append((verb, statement))

    event.listen(db.engine, "before_cursor_execute", record)
    yield sent
    event.remove(db.engine, "before_cursor_execute", record)


def _title(client_request):
    return client_request.get(f"/s/{SLUG}").select_one("h1").text.strip()


def test_a_new_version_is_served_at_once_after_surveys_load(client_request, survey_file, parses):
    assert _title(client_request) == "Every answer type"
    assert _title(client_request) == "Every answer type"
    assert parses == [SLUG], "parsed once, then served from the cache"

    survey_file(lambda data: data["title"].update(en="Every answer type, second edition"))

    assert _title(client_request) == "Every answer type, second edition", "never the cached old version"
    assert _title(client_request) == "Every answer type, second edition"
    assert parses == [SLUG, SLUG], "the new version parsed once"


def test_a_draft_begun_on_the_old_version_keeps_it_while_new_respondents_get_the_new(
        client_request, survey_file):
    start(client_request)
    survey_file(lambda data: data["pages"][0]["questions"][0]["text"].update(en="About this new survey"))
    old = client_request.get(page_url("intro")).text
    assert "About this survey" in old and "About this new survey" not in old
    client_request.client.get("/exit")
    start(client_request)
    assert "About this new survey" in client_request.get(page_url("intro")).text


def test_a_question_page_get_reads_twice_and_writes_nothing(client_request, survey_file, statements):
    start(client_request)
    answer(client_request, "intro")
    statements.clear()
    client_request.get(page_url("consent"))
    assert [verb for verb, _ in statements] == ["SELECT", "SELECT"], statements
    survey, draft = (sql for _, sql in statements)
    assert "survey_version" in survey and "definition" not in survey.split("FROM")[0], \
        "the survey and its latest version in one query, without the stored definition"
    assert "response" in draft, "the draft and whether it was sent in one query"


def test_a_question_post_is_one_short_transaction(client_request, survey_file, statements):
    start(client_request)
    answer(client_request, "intro")
    page = client_request.get(page_url("consent"))
    token = page.select_one("form[method=post] input[name=csrf_token]")["value"]
    statements.clear()
    response = client_request.client.post(page_url("consent"), data={**VALID["consent"], "csrf_token": token})
    assert response.status_code == 302
    assert [verb for verb, _ in statements] == ["SELECT", "SELECT", "UPDATE"], \
        "the survey, the draft, then the answers written: nothing read again afterwards"


def test_the_start_page_rendered_once_still_has_this_requests_token_and_nonce(client, app, survey_file):
    pages = []
    for _ in range(2):
        client.delete_cookie("session")
        response = client.get(f"/s/{SLUG}?c=not-a-cohort")
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
        assert page.select_one("script[nonce]")["nonce"] == nonce
        token = page.select_one("form[method=post] input[name=csrf_token]")["value"]
        began = client.post(f"/s/{SLUG}/start", data={"csrf_token": token})
        assert began.status_code == 302 and "/q/" in began.location, "this browser's token is accepted"
        pages.append((nonce, token))
    assert pages[0][0] != pages[1][0] and pages[0][1] != pages[1][1]
    assert len(app.extensions["rendered_pages"]) == 1, "rendered once, served twice"


def test_the_start_page_offers_to_continue_only_to_a_browser_with_answers_in_progress(client_request, survey_file):
    assert "Continue where you left off" not in client_request.get(f"/s/{SLUG}").text
    start(client_request)
    assert "Continue where you left off" in client_request.get(f"/s/{SLUG}").text
    client_request.client.get("/exit")
    assert "Continue where you left off" not in client_request.get(f"/s/{SLUG}").text
