"""The respondent journey, driven with JavaScript off (the test client runs none)."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Cohort, Draft, Response, Survey, SurveyStatus
from tests.conftest import path_of
from tests.feedback_app.journey import SLUG, VALID, answer, answer_all, page_url, start, submit

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def _responses():
    return db.session.scalars(select(Response)).all()


def _answers(response):
    return {a.question_id: a for a in response.answers}


def test_start_page_explains_the_survey(client_request):
    page = client_request.get(f"/s/{SLUG}")
    assert page.select_one("h1").text.strip() == "Every answer type"
    assert "about 5 minutes" in page.text
    assert "0800 1111" in page.select_one(".govuk-inset-text").text
    assert page.select_one("details summary").text.strip() == "What happens to your answers"
    assert page.select_one("form button.govuk-button--start").text.strip() == "Start now"
    assert page.select_one(".govuk-exit-this-page a")["href"] == "/exit"


def test_unknown_survey_is_not_found(client_request):
    page = client_request.get("/s/no-such-survey", _expected_status=404)
    assert page.select_one("h1").text.strip() == "Page not found"


@pytest.mark.parametrize(("status", "opens", "closes", "expected", "heading"), [
    (SurveyStatus.closed, None, None, 410, "This survey has closed"),
    (SurveyStatus.open, None, date(2020, 1, 1), 410, "This survey has closed"),
    (SurveyStatus.draft, None, None, 403, "This survey is not open yet"),
    (SurveyStatus.open, date(2999, 1, 1), None, 403, "This survey is not open yet"),
])
def test_closed_and_not_yet_open_surveys_get_a_clear_page(client_request, status, opens, closes, expected, heading):
    survey = db.session.scalar(select(Survey).where(Survey.slug == SLUG))
    survey.status, survey.opens_on, survey.closes_on = status, opens, closes
    db.session.commit()
    page = client_request.get(f"/s/{SLUG}", _expected_status=expected)
    assert page.select_one("h1").text.strip() == heading


def _csrf_token(client, url):
    body = client.get(url).get_data(as_text=True)
    return body.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]


def test_posting_to_a_closed_survey_writes_nothing(client_request):
    answer_all(client_request)
    token = _csrf_token(client_request.client, f"/s/{SLUG}/check")
    survey = db.session.scalar(select(Survey).where(Survey.slug == SLUG))
    survey.status = SurveyStatus.closed
    db.session.commit()
    response = client_request.client.post(f"/s/{SLUG}/check", data={"csrf_token": token})
    assert response.status_code == 410
    assert "This survey has closed" in response.get_data(as_text=True)
    assert _responses() == []


def test_complete_journey_records_one_response_with_every_answer(client_request):
    answer_all(client_request)
    check = client_request.get(f"/s/{SLUG}/check")
    rows = {row.select_one("dt").text.strip(): row.select_one("dd").text.strip()
            for row in check.select(".govuk-summary-list__row")}
    assert rows["How old are you?"] == "14 to 16"
    assert rows["What worries you?"] == "BullyingThings online"
    assert rows["How safe do you feel at school?"] == "Safe"
    assert rows["When was your last session?"] == "3 September 2025"
    assert "The police help young people: Disagree" in rows["How much do you agree?"]
    change = check.select_one(".govuk-summary-list__actions a")
    assert change["href"] == page_url("consent", change=True)

    submit(client_request)
    confirmation = client_request.get(f"/s/{SLUG}/confirmation")
    reference = confirmation.select_one(".govuk-panel__body strong").text.strip()
    [response] = _responses()
    assert response.reference == reference
    assert response.language == "en"
    answers = _answers(response)
    assert answers["agree"].value is True
    assert answers["age_band"].value == "14_16"
    assert answers["worries"].value == ["bullying", "online"]
    assert answers["online_detail"].value == "Adverts for vapes and gambling"
    assert answers["safe_school"].value == 4
    assert answers["adults_listen"].value == "agree"
    assert answers["services"].value == {"police": "disagree", "school": "dont_know"}
    assert answers["sessions"].value == 12
    assert answers["last_session"].value == "2025-09-03"
    assert answers["told_someone"].value == "yes"
    assert answers["do_better"].text == VALID["better"]["do_better"]
    assert answers["do_better"].text_language == "en"
    assert "intro_text" not in answers


def test_user_written_text_is_escaped_on_the_check_page(client_request):
    answer_all(client_request)
    response = client_request.client.get(f"/s/{SLUG}/check")
    body = response.get_data(as_text=True)
    assert "&lt;b&gt;safe&lt;/b&gt;" in body
    assert "<b>safe</b>" not in body


def test_cohort_tag_is_recorded_without_identifying_anyone(client_request):
    cohort = db.session.scalar(select(Cohort).where(Cohort.code == "school_a"))
    answer_all(client_request, query=f"?c={cohort.token}")
    submit(client_request)
    [response] = _responses()
    assert response.cohort_id == cohort.id


def test_unknown_cohort_tag_is_ignored(client_request):
    answer_all(client_request, query="?c=made-up")
    submit(client_request)
    assert _responses()[0].cohort_id is None


def test_back_link_and_progress(client_request):
    start(client_request)
    answer(client_request, "intro")
    page = client_request.get(page_url("consent"))
    assert page.select_one(".govuk-back-link")["href"] == page_url("intro")
    assert page.select_one("#progress").text.strip() == "Page 2 of 10"
    first = client_request.get(page_url("intro"))
    assert first.select_one(".govuk-back-link")["href"] == f"/s/{SLUG}"


def test_cannot_skip_ahead_past_an_unanswered_page(client_request):
    start(client_request)
    response = client_request.get(page_url("number"), _expected_status=302)
    assert path_of(response.location) == page_url("intro")


def test_show_if_skips_a_page_and_drops_answers_to_hidden_questions(client_request):
    answer_all(client_request)
    # Change "worries" so the online follow-up no longer applies.
    response = answer(client_request, "worries", {"worries": ["money"]}, change=True)
    assert path_of(response.location) == f"/s/{SLUG}/check"
    check = client_request.get(f"/s/{SLUG}/check")
    assert "What worries you online?" not in check.text
    submit(client_request)
    assert "online_detail" not in _answers(_responses()[0])


def test_show_if_shows_a_page_when_the_rule_holds(client_request):
    start(client_request)
    for page_id in ("intro", "consent", "age"):
        answer(client_request, page_id)
    response = answer(client_request, "worries", {"worries": ["online"]})
    assert path_of(response.location) == page_url("online-detail")
    response = answer(client_request, "worries", {"worries": ["money"]})
    assert path_of(response.location) == page_url("safety")


ERROR_CASES = [
    ("consent", {}, "agree", "Confirm you agree to continue"),
    ("age", {}, "age_band", "Select an answer"),
    ("age", {"age_band": "99_100"}, "age_band", "Select one of the options"),
    ("worries", {}, "worries", "Select all that apply"),
    ("worries", {"worries": ["none", "money"]}, "worries",
     "Select “None of these” or the options that apply, not both"),
    ("worries", {"worries": ["money", "hacked"]}, "worries", "Select from the options shown"),
    ("safety", {"safe_school": "9", "adults_listen": "agree"}, "safe_school", "Select one of the options"),
    ("grid", {"services__police": "agree"}, "services__school", "Select an answer for this statement"),
    ("number", {"sessions": "51"}, "sessions", "Enter a number between 0 and 50"),
    ("number", {"sessions": "twelve"}, "sessions", "Enter a whole number, like 12"),
    ("number", {}, "sessions", "Enter a number"),
    ("date", {"last_session-day": "31", "last_session-month": "2", "last_session-year": "2024"},
     "last_session-day", "Date must be a real date"),
    ("date", {"last_session-day": "3", "last_session-month": "", "last_session-year": "2024"},
     "last_session-day", "Date must include a month"),
    ("date", {"last_session-day": "3", "last_session-month": "4", "last_session-year": "2019"},
     "last_session-day", "Date must be on or after 01 01 2020"),
    ("tell", {}, "told_someone", "Select an answer"),
    ("better", {"do_better": "x" * 501}, "do_better", "Your answer must be 500 characters or fewer"),
]


def test_on_a_page_of_several_questions_each_error_names_its_question(client_request):
    _reach(client_request, "safety")
    page = client_request.submit(page_url("safety"), {}, _expected_status=422)
    assert [a.text.strip() for a in page.select(".govuk-error-summary__list a")] == [
        "How safe do you feel at school?: Select an answer", "Adults listen to me: Select an answer"]
    _reach(client_request, "age")
    page = client_request.submit(page_url("age"), {}, _expected_status=422)
    assert page.select_one(".govuk-error-summary__list a").text.strip() == "Select an answer"  # the page's heading


def _reach(client_request, target):
    start(client_request)
    order = [
        "intro", "consent", "age", "worries", "online-detail", "safety", "grid", "number", "date", "tell", "better",
    ]
    for page_id in order[:order.index(target)]:
        answer(client_request, page_id)


@pytest.mark.parametrize(("page_id", "data", "anchor", "message"), ERROR_CASES)
def test_bad_answers_get_a_clear_message_by_the_field_and_keep_what_was_typed(
    client_request, page_id, data, anchor, message
):
    _reach(client_request, page_id)
    page = client_request.submit(page_url(page_id), data, _expected_status=422)
    assert page.select_one("title").text.startswith("Error:")
    summary_link = page.select_one(".govuk-error-summary__list a")
    assert summary_link.text.strip().endswith(message)  # on a page of several questions, it names the question
    assert summary_link["href"] == f"#{anchor}"
    assert page.select_one(f"#{anchor}") is not None, "the summary links to a real field"
    assert message in page.select_one(".govuk-error-message").text
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            field = page.select_one(f'[name="{name}"][value="{item}"]') or page.select_one(f'[name="{name}"]')
            if field.name == "textarea":
                assert field.text == item
            elif field.get("type") in ("radio", "checkbox"):
                if field.get("value") == item:
                    assert field.has_attr("checked")
            else:
                assert field.get("value") == item
    draft = db.session.scalar(select(Draft))
    assert page_id not in draft.visited_pages, "nothing from an invalid page is stored"


def test_optional_question_can_be_left_blank(client_request):
    _reach(client_request, "date")
    response = answer(client_request, "date", {})
    assert path_of(response.location) == page_url("tell")


def test_long_text_shows_a_character_count(client_request):
    _reach(client_request, "better")
    page = client_request.get(page_url("better"))
    counter = page.select_one(".govuk-character-count")
    assert counter["data-maxlength"] == "500"
    assert page.select_one("textarea#do_better") is not None


def test_faces_scale_has_text_labels_and_opt_out(client_request):
    _reach(client_request, "safety")
    page = client_request.get(page_url("safety"))
    labels = [label.text.strip() for label in page.select("label[for^=safe_school]")]
    assert labels == ["Very unsafe", "Unsafe", "Not sure", "Safe", "Very safe", "I don't know"]
    assert page.select("label[for^=safe_school] svg[aria-hidden=true]")
    assert page.select_one(".govuk-radios__divider").text.strip() == "or"


def test_grid_has_one_fieldset_per_statement(client_request):
    _reach(client_request, "grid")
    page = client_request.get(page_url("grid"))
    legends = [legend.text.strip() for legend in page.select("fieldset legend")]
    assert legends == ["The police help young people", "My school helps young people"]
    assert page.select_one("h1").text.strip() == "How much do you agree?"


def test_multiple_choice_marks_none_of_these_as_exclusive(client_request):
    _reach(client_request, "worries")
    page = client_request.get(page_url("worries"))
    none = page.select_one('input[value="none"]')
    assert none["data-behaviour"] == "exclusive"


def test_submitting_twice_records_one_response(client_request):
    answer_all(client_request)
    token = _csrf_token(client_request.client, f"/s/{SLUG}/check")
    first = client_request.client.post(f"/s/{SLUG}/check", data={"csrf_token": token})
    second = client_request.client.post(f"/s/{SLUG}/check", data={"csrf_token": token})
    assert first.status_code == second.status_code == 302
    assert path_of(second.location) == f"/s/{SLUG}/confirmation"
    assert len(_responses()) == 1


def test_back_then_submit_again_records_one_response(client_request):
    answer_all(client_request)
    submit(client_request)
    back = client_request.client.get(f"/s/{SLUG}/check")
    assert back.status_code == 302 and path_of(back.location) == f"/s/{SLUG}/confirmation"
    response = client_request.client.get(page_url("better"))
    assert path_of(response.location) == f"/s/{SLUG}/confirmation"
    assert len(_responses()) == 1


def test_refreshing_the_confirmation_page_keeps_the_reference(client_request):
    answer_all(client_request)
    submit(client_request)
    first = client_request.get(f"/s/{SLUG}/confirmation").select_one(".govuk-panel__body strong").text
    second = client_request.get(f"/s/{SLUG}/confirmation").select_one(".govuk-panel__body strong").text
    assert first == second


def test_missing_csrf_token_keeps_what_was_typed(client_request):
    _reach(client_request, "better")
    response = client_request.client.post(page_url("better"), data={"do_better": "Keep this text"})
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "This page timed out" in body
    assert "Keep this text" in body
    assert db.session.scalar(select(Draft)).answers.get("do_better") is None


def test_stale_csrf_token_is_refused_without_a_partial_write(client_request):
    answer_all(client_request)
    response = client_request.client.post(f"/s/{SLUG}/check", data={"csrf_token": "stale.token.value"})
    assert response.status_code == 400
    assert _responses() == []


def test_save_and_return_with_a_code(client_request, app):
    _reach(client_request, "number")
    page = client_request.submit(page_url("number"), {"sessions": "7", "action": "save"})
    saved = client_request.get(path_of(page.location))
    code = saved.select_one("#resume-code").text.strip()
    assert len(code) == 14
    draft = db.session.scalar(select(Draft))
    assert draft.answers["sessions"] == 7
    assert code.replace("-", "") not in str(draft.resume_code_hash), "only a hash of the code is stored"

    other_device = app.test_client()
    from tests.conftest import ClientRequest
    other = ClientRequest(other_device)
    response = other.submit(f"/s/{SLUG}/resume", {"code": code.lower().replace("-", " ")})
    assert path_of(response.location) == f"/s/{SLUG}/next"
    response = other_device.get(f"/s/{SLUG}/next")
    assert path_of(response.location) == page_url("date")
    page = other.get(page_url("number"))
    assert page.select_one("#sessions")["value"] == "7"


def test_wrong_resume_code_gets_a_clear_message(client_request):
    page = client_request.submit(f"/s/{SLUG}/resume", {"code": "AAAA-BBBB-CCCC"}, _expected_status=422)
    assert "We could not find answers saved with that code" in page.select_one(".govuk-error-message").text
    assert page.select_one("#code")["value"] == "AAAA-BBBB-CCCC"


def test_empty_resume_code(client_request):
    page = client_request.submit(f"/s/{SLUG}/resume", {"code": ""}, _expected_status=422)
    assert page.select_one(".govuk-error-summary__list a").text.strip() == "Enter your code"


def _expire_draft():
    draft = db.session.scalar(select(Draft))
    draft.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()


def test_expired_draft_gets_a_clear_page(client_request):
    _reach(client_request, "number")
    _expire_draft()
    page = client_request.get(page_url("number"), _expected_status=410)
    assert page.select_one("h1").text.strip() == "Your answers have been deleted"


def test_posting_to_an_expired_draft_keeps_what_was_typed_on_the_page(client_request):
    _reach(client_request, "number")
    token = _csrf_token(client_request.client, page_url("number"))
    _expire_draft()
    response = client_request.client.post(page_url("number"), data={"csrf_token": token, "sessions": "9"})
    assert response.status_code == 410
    assert 'value="9"' in response.get_data(as_text=True)
    assert "has been kept" in response.get_data(as_text=True)
    drafts = db.session.scalars(select(Draft).order_by(Draft.id)).all()
    assert drafts[-1].answers == {"sessions": 9}


def test_expired_drafts_are_purged(client_request, runner):
    _reach(client_request, "number")
    _expire_draft()
    result = runner.invoke(args=["drafts", "purge"])
    assert "Deleted 1 expired drafts" in result.output
    assert db.session.scalars(select(Draft)).all() == []


def test_no_ip_address_or_user_agent_reaches_the_database(client_request):
    marker_ip, marker_agent = "203.0.113.77", "MarkerAgent/9.9 (unique-ua-string)"
    client_request.client.environ_base.update({"REMOTE_ADDR": marker_ip, "HTTP_USER_AGENT": marker_agent})
    answer_all(client_request)
    submit(client_request)
    dump = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(table.select()):
            dump.append(repr(tuple(row)))
    text = "\n".join(dump)
    assert marker_ip not in text
    assert marker_agent not in text
    assert "MarkerAgent" not in text
    assert len(_responses()) == 1


def test_exit_this_page_clears_the_draft_from_the_session(client_request, app):
    start(client_request)
    response = client_request.client.get("/exit")
    assert response.status_code == 302
    assert response.location == app.config["EXIT_THIS_PAGE_URL"]
    again = client_request.client.get(page_url("intro"))
    assert path_of(again.location) == f"/s/{SLUG}"


def test_respondent_pages_are_not_cached(client_request):
    response = client_request.client.get(f"/s/{SLUG}")
    assert response.headers["Cache-Control"] == "no-store"


def test_language_is_chosen_on_the_start_page_and_kept(client_request):
    page = client_request.get(f"/s/{SLUG}?lang=cy")
    assert page.select_one("h1").text.strip() == "Pob math o ateb"
    assert page.select_one("html")["lang"] == "cy"
    start(client_request, "?lang=cy")
    answer(client_request, "intro")
    page = client_request.get(page_url("consent"))
    assert page.select_one("legend").text.strip() == "Ydych chi'n cytuno i gymryd rhan?"
    client_request.client.get(page_url("intro"))
    answer_all_cy = db.session.scalar(select(Draft))
    assert answer_all_cy.language == "cy"


def test_language_not_offered_falls_back_to_english(client_request):
    page = client_request.get(f"/s/{SLUG}?lang=fr")
    assert page.select_one("html")["lang"] == "en"


def test_answer_rows_match_questions(client_request):
    answer_all(client_request)
    submit(client_request)
    assert db.session.scalars(select(Answer)).all()
