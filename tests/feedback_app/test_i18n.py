"""Languages: the interface follows the respondent's chosen survey language, which is kept in the draft
and recorded with the response; right-to-left languages get dir="rtl"; other-language text is marked."""

import pytest
from flask import g
from flask_babel import gettext
from markupsafe import Markup
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.i18n import in_language, select_locale, text_direction, use_language
from feedback_app.models import Response
from tests.feedback_app.journey import SLUG, VALID, answer, answer_all, start, submit


def test_locale_is_the_page_language_when_the_service_knows_it(app):
    with app.test_request_context():
        assert select_locale() == "en"
        g.language = "cy"
        assert select_locale() == "cy"
        g.language = "xx"
        assert select_locale() == "en"


def test_use_language_switches_text_already_looked_up_in_the_request(app):
    with app.test_request_context():
        assert gettext("Start now") == "Start now"  # Flask-Babel now keeps "en" for this request...
        use_language("cy")
        assert gettext("Start now") == "Dechrau nawr"  # ...unless told the language changed.
        use_language("ur")
        assert gettext("Start now") == "ابھی شروع کریں"


def test_direction_of_each_language(app):
    with app.app_context():
        assert [text_direction(code) for code in ("en", "cy", "ur")] == ["ltr", "ltr", "rtl"]


def test_text_in_another_language_is_marked_and_escaped(app):
    with app.test_request_context():
        use_language("ur")
        marked = in_language("<Northshire>", "en")
        assert isinstance(marked, Markup)
        assert marked == '<span lang="en" dir="ltr">&lt;Northshire&gt;</span>'
        use_language("en")
        assert in_language("<Northshire>", "en") == "&lt;Northshire&gt;"
        assert in_language("Diolch", "cy") == '<span lang="cy" dir="ltr">Diolch</span>'


@pytest.mark.usefixtures("surveys_loaded")
def test_start_page_offers_the_survey_languages_as_links(client_request):
    page = client_request.get(f"/s/{SLUG}")
    chooser = page.select_one("nav[aria-label='Choose a language']")
    links = chooser.select("a")
    assert [(a["lang"], a["hreflang"], a.text.strip()) for a in links] == [("cy", "cy", "Cymraeg")]
    assert links[0]["href"] == f"/s/{SLUG}?lang=cy"
    current = chooser.select_one("span[lang=en]")
    assert current.text.strip() == "English"
    assert page.select_one("html")["lang"] == "en"
    assert page.select_one("body")["dir"] == "ltr"


@pytest.mark.usefixtures("surveys_loaded")
def test_chosen_language_is_kept_throughout_and_recorded_with_the_response(client_request):
    page = client_request.get(f"/s/{SLUG}?lang=cy")
    assert page.select_one("html")["lang"] == "cy"
    assert page.select_one("h1").text.strip() == "Pob math o ateb"
    assert page.select_one("form button.govuk-button--start").text.strip() == "Dechrau nawr"
    first = start(client_request)  # the choice is remembered without ?lang= on later requests
    page = client_request.get(first)
    assert page.select_one("html")["lang"] == "cy"
    assert page.select_one("button[value=continue]").text.strip() == "Parhau"
    answer_all(client_request)
    page = client_request.get(f"/s/{SLUG}/check")
    assert page.select_one("h1").text.strip() == "Gwiriwch eich atebion cyn eu hanfon"
    submit(client_request)
    page = client_request.get(f"/s/{SLUG}/confirmation")
    assert page.select_one(".govuk-panel__title").text.strip() == "Atebion wedi'u hanfon"
    response = db.session.scalar(select(Response))
    assert response.language == "cy"
    free_text = {a.question_id: a for a in response.answers}["do_better"]
    assert free_text.text_language == "cy"


@pytest.mark.usefixtures("surveys_loaded")
def test_errors_are_in_the_chosen_language(client_request):
    client_request.get(f"/s/{SLUG}?lang=cy")
    start(client_request)
    answer(client_request, "intro", VALID["intro"])
    page = answer(client_request, "consent", {}, _expected_status=422)
    assert page.select_one("title").text.startswith("Gwall:")
    assert page.select_one(".govuk-error-summary__title").text.strip() == "Mae problem"


@pytest.mark.usefixtures("surveys_loaded")
def test_a_language_the_survey_does_not_offer_falls_back_to_english(client_request):
    page = client_request.get(f"/s/{SLUG}?lang=ur")
    assert page.select_one("html")["lang"] == "en"
    assert page.select_one("body")["dir"] == "ltr"


@pytest.mark.usefixtures("surveys_loaded")
def test_the_character_count_speaks_the_chosen_language(client_request):
    client_request.get(f"/s/{SLUG}?lang=cy")
    start(client_request)
    for page_id in ("intro", "consent", "age", "worries", "online-detail", "safety", "grid", "number", "date", "tell"):
        answer(client_request, page_id, VALID[page_id])
    page = client_request.get(f"/s/{SLUG}/q/better")
    counter = page.select_one("[data-module=govuk-character-count]")
    assert counter["data-i18n.characters-under-limit.other"] == "Mae gennych %{count} nod ar ôl"
    assert counter["data-i18n.characters-over-limit.one"] == "Mae gennych %{count} nod yn ormod"
    assert "Gallwch roi hyd at 500 nod" in page.select_one(".govuk-character-count__message").text
