"""Hostile form posts to the survey runner: never a 500, never a partial write.

Arbitrary text, huge fields, unexpected and repeated fields, wrong types and
broken encodings are posted to every page of the all-types survey (every answer
type) and to the check page. Whatever comes back is a redirect or a 4xx page; a
refused post leaves the draft exactly as it was, and an accepted one leaves it
holding answers the survey can show and send.
"""

import copy
from urllib.parse import quote_from_bytes

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from feedback_app.extensions import db
from feedback_app.models import Draft, Response
from tests.feedback_app.journey import SLUG, VALID, answer_all

pytestmark = pytest.mark.usefixtures("surveys_loaded")
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
PAGES = list(VALID)
FIELD_NAMES = sorted({name for data in VALID.values() for name in data} | {
    "action", "csrf_token", "your-website", "change", "services__nobody", "last_session", "__proto__",
})
OK = {302, 400, 410, 413, 422}

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
huge = st.builds(lambda char, n: char * n, st.sampled_from("a<é\u202e😀\x00 "), st.integers(2000, 200_000))
wrong_type = st.sampled_from(["-1", "1e309", "NaN", "0x10", "99999999999999999999", "[]", "{}", "true",
                              "2025-02-30", "", " ", "\t\n", "<script>alert(1)</script>", "' OR 1=1 --"])
values = st.one_of(text, huge, wrong_type)
real_value = st.sampled_from(sorted({str(v) for data in VALID.values() for value in data.values()
                                     for v in (value if isinstance(value, list) else [value])}))
field = st.tuples(st.one_of(st.sampled_from(FIELD_NAMES), text), st.one_of(values, real_value))


@pytest.fixture
def prepared(client_request):
    """A draft with every page answered; ``reset()`` puts it back before each example."""
    answer_all(client_request)
    draft = db.session.scalar(select(Draft))
    snapshot = (copy.deepcopy(draft.answers), list(draft.visited_pages))
    page = BeautifulSoup(client_request.client.get(f"/s/{SLUG}").get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]

    def reset():
        db.session.rollback()
        row = db.session.get(Draft, draft.id)
        row.answers, row.visited_pages = copy.deepcopy(snapshot[0]), list(snapshot[1])
        db.session.commit()

    return client_request.client, draft.id, token, snapshot, reset


def _draft_answers(draft_id):
    db.session.rollback()
    return db.session.get(Draft, draft_id).answers


def _still_shows_and_sends(client):
    """The stored answers can still be shown on the check page (or lead to a page to finish)."""
    response = client.get(f"/s/{SLUG}/check")
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        BeautifulSoup(response.get_data(as_text=True), "html.parser").select_one("h1")


@SETTINGS
@given(page_id=st.sampled_from(PAGES), fields=st.lists(field, max_size=12), with_token=st.booleans(),
       change=st.booleans())
def test_hostile_page_posts_never_fail_and_never_half_write(prepared, page_id, fields, with_token, change):
    client, draft_id, token, snapshot, reset = prepared
    reset()
    data = MultiDict(fields)
    if with_token:
        data.setlist("csrf_token", [token])
    response = client.post(f"/s/{SLUG}/q/{page_id}" + ("?change=1" if change else ""), data=data)
    assert response.status_code in OK, (response.status_code, page_id, fields)
    after = _draft_answers(draft_id)
    if response.status_code >= 400:
        assert after == snapshot[0], "a refused page leaves the draft as it was"
    else:
        page = client.get(f"/s/{SLUG}/q/{page_id}")
        assert page.status_code in (200, 302)
        _still_shows_and_sends(client)


@SETTINGS
@given(raw=st.binary(max_size=300), page_id=st.sampled_from(PAGES))
def test_broken_encodings_are_refused_or_read_but_never_fail(prepared, raw, page_id):
    client, draft_id, token, snapshot, reset = prepared
    reset()
    name = next(iter(VALID[page_id]), "anything")
    body = f"csrf_token={token}&{name}=".encode() + quote_from_bytes(raw).encode() + b"&" + raw
    response = client.post(f"/s/{SLUG}/q/{page_id}", data=body,
                           content_type="application/x-www-form-urlencoded; charset=utf-8")
    assert response.status_code in OK, response.status_code
    if response.status_code >= 400:
        assert _draft_answers(draft_id) == snapshot[0]
    else:
        _still_shows_and_sends(client)


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_garbled_multipart_bodies_never_fail(prepared, raw):
    client, _draft_id, _token, _snapshot, reset = prepared
    reset()
    response = client.post(f"/s/{SLUG}/q/age", data=b"--xyz\r\n" + raw,
                           content_type="multipart/form-data; boundary=xyz")
    assert response.status_code in OK, response.status_code


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(fields=st.lists(field, max_size=8))
def test_hostile_sends_make_one_response_or_none(prepared, fields):
    client, _draft_id, token, _snapshot, reset = prepared
    reset()
    data = MultiDict(fields)
    data.setlist("csrf_token", [token])
    before = db.session.scalar(select(func.count()).select_from(Response))
    response = client.post(f"/s/{SLUG}/check", data=data)
    assert response.status_code in OK
    db.session.rollback()
    after = db.session.scalar(select(func.count()).select_from(Response))
    assert after - before in (0, 1)
    if response.status_code >= 400:
        assert after == before
