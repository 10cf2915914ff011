"""The DSL's view of an alert: the flagged words highlighted, the whole response, and what can be done."""

from datetime import UTC, datetime, timedelta

import pytest
from markupsafe import Markup

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.services import survey_loader
from feedback_app.services.safeguarding_view import category_label, highlight
from tests.feedback_app.safeguarding_data import DISCLOSURE, MARKER, REAL_SURVEYS, alerts, submit_youth


@pytest.fixture
def youth(app):
    survey_loader.load_directory(REAL_SURVEYS)


def test_the_dsl_sees_the_flagged_answer_highlighted_and_the_whole_response(youth, client_request, sign_in):
    submit_youth(client_request, {"biggest_worry": DISCLOSURE,
                                  "do_better": "Youth club on Fridays, text me 07700 900123"})
    [alert] = [a for a in alerts() if MARKER in a.original_text]
    sign_in("dsl")
    page = client_request.get(f"/staff/safeguarding/{alert.id}")
    flagged = page.select_one(".app-answer-text")
    assert flagged.text == DISCLOSURE, "whole, as written"
    marks = [mark.text for mark in flagged.select("mark")]
    assert marks and all(mark.lower() in DISCLOSURE.lower() for mark in marks)

    facts = {row.select_one("dt").text.strip(): row.select_one("dd").text.strip()
             for row in page.select(".app-alert-facts .govuk-summary-list__row")}
    assert facts["Survey"] == "Your say on feeling safe in Northshire"
    assert facts["Group"] == "Northshire Youth Council"
    assert facts["Language"] == "English"
    assert facts["Submitted (UTC)"] and facts["Screening reason"]

    answers = {row.select_one("dt").text.strip(): row.select_one("dd").text.strip()
               for row in page.select(".app-whole-response .govuk-summary-list__row")}
    assert len(answers) >= 8, "every answer in the response, closed ones too"
    assert "How safe do you feel at home?" in answers
    assert any("[phone]" in text for text in answers.values()), "others redacted as stored"
    assert not any("07700 900123" in text for text in answers.values())
    assert MARKER in page.select_one(".app-whole-response__flagged").text

    anonymous = page.select_one(".app-anonymous")
    assert "cannot be contacted" in anonymous.text and "Northshire Youth Council" in anonymous.text


def test_triggering_words_are_escaped_when_highlighted():
    marked = highlight("<b>my dad</b> hits me & hits her", ["hits"])
    assert isinstance(marked, Markup)
    assert str(marked) == "&lt;b&gt;my dad&lt;/b&gt; <mark>hits</mark> me &amp; <mark>hits</mark> her"
    assert str(highlight("a <script> b", ["<script>"])) == "a <mark>&lt;script&gt;</mark> b"
    assert str(highlight("nothing here", ["absent"])) == "nothing here"
    assert str(highlight("overlapping words", ["overlap", "lapping w"])) == "<mark>overlapping w</mark>ords"


def test_an_answer_the_screen_could_not_read_says_so(youth, client_request, sign_in):
    assert category_label("not_screened:ur") == "Not screened: written in Urdu"
    assert category_label("not_screened:cy") == "Not screened: written in Welsh"
    submit_youth(client_request, {"biggest_worry": "میرے چچا مجھے مارتے ہیں"}, cohort=False)
    response_id = db.session.execute(db.text("select max(id) from response")).scalar()
    survey_id = db.session.execute(db.text("select survey_id from response where id = :id"),
                                   {"id": response_id}).scalar()
    with queries.transaction():
        alert = alert_queries.add_alert(response_id, survey_id, "biggest_worry", "میرے چچا مجھے مارتے ہیں",
                                        ["not_screened:ur"], [], datetime.now(UTC) + timedelta(days=1))
    sign_in("dsl")
    page = client_request.get(f"/staff/safeguarding/{alert.id}")
    assert "Not screened: written in Urdu" in page.select_one(".app-alert-facts").text
    assert "Not screened: written in Urdu" in client_request.get("/staff/safeguarding/").select_one("tbody").text
    assert "no group leader" in page.select_one(".app-anonymous").text


def test_a_plea_for_help_with_no_topic_reaches_the_dsl_under_its_own_label(youth, client_request, sign_in):
    """"please help me" names no harm: the screen's plea_for_help category raises an alert, and the DSL's queue and
    the alert page name it in words (issue 17, eighth blind writer)."""
    submit_youth(client_request, {"biggest_worry": "please help me"})
    [alert] = [a for a in alerts() if a.original_text == "please help me"]
    assert list(alert.categories) == ["plea_for_help"]
    sign_in("dsl")
    assert "Asks for help (no topic named)" in client_request.get("/staff/safeguarding/").select_one("tbody").text
    page = client_request.get(f"/staff/safeguarding/{alert.id}")
    assert "Asks for help (no topic named)" in page.select_one(".app-alert-facts").text
