"""The hidden "Leave this blank" field: bots that fill it in get a neutral answer and nothing is stored."""

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.models import Draft, Response
from tests.conftest import path_of
from tests.feedback_app.journey import SLUG, VALID, answer, answer_all, start

pytestmark = pytest.mark.usefixtures("surveys_loaded")
BOT = {"your-website": "http://spam.example"}


def _count(model):
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.mark.parametrize("url", [f"/s/{SLUG}", f"/s/{SLUG}/q/intro", f"/s/{SLUG}/check"])
def test_every_respondent_form_has_the_hidden_field(client_request, url):
    if url != f"/s/{SLUG}":
        answer_all(client_request) if url.endswith("check") else start(client_request)
    page = client_request.get(url)
    field = page.select_one("form[method=post] input[name=your-website]")
    assert field["type"] == "text" and field["autocomplete"] == "off" and field["tabindex"] == "-1"
    assert not field.get("value")
    group = field.find_parent("div")
    assert "govuk-visually-hidden" in group["class"] and group["aria-hidden"] == "true"
    assert page.select_one("label[for=your-website]").text.strip() == "Leave this blank"


def test_a_bot_starting_a_survey_gets_no_draft(client_request):
    response = client_request.submit(f"/s/{SLUG}/start", BOT, _form_url=f"/s/{SLUG}")
    assert path_of(response.location) == f"/s/{SLUG}"
    assert _count(Draft) == 0


def test_a_bot_answering_a_page_stores_nothing(client_request):
    start(client_request)
    answer(client_request, "intro")
    response = answer(client_request, "consent", {**VALID["consent"], **BOT})
    assert path_of(response.location) == f"/s/{SLUG}/next"
    draft = db.session.scalar(select(Draft))
    assert draft.answers == {} and "consent" not in draft.visited_pages
    # A person posting the same page is moved on and their answer kept.
    answer(client_request, "consent")
    db.session.refresh(draft)
    assert draft.answers == {"agree": True}


def test_a_bot_sending_answers_gets_a_neutral_page_and_nothing_is_kept(client_request):
    answer_all(client_request)
    response = client_request.submit(f"/s/{SLUG}/check", BOT)
    assert path_of(response.location) == f"/s/{SLUG}"
    assert _count(Response) == 0
    assert _count(Draft) == 0
    # The neutral page is the start page, as for anyone.
    page = BeautifulSoup(client_request.client.get(f"/s/{SLUG}").get_data(as_text=True), "html.parser")
    assert page.select_one("h1").text.strip() == "Every answer type"


def test_people_who_leave_it_blank_are_not_affected(client_request):
    answer_all(client_request)
    client_request.submit(f"/s/{SLUG}/check", {"your-website": "  "})
    assert _count(Response) == 1
