"""The survey builder in Chromium: a business manager builds a three-page survey with a grid, a faces
rating and a show-if rule, adds Welsh, previews it at 320 px and makes it live; a respondent then
completes it with and without JavaScript. Every builder page is checked with axe-core on the way.
"""

import pytest

from tests.browser.conftest import assert_accessible, new_context, sample_args
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser
TITLE = "Feeling safe 2027"
SLUG = "feeling-safe-2027"
FACES = "1 | Very unsafe\n2 | A bit unsafe\n3 | OK\n4 | Safe\n5 | Very safe"

# Route arguments for the walker in test_zz_route_coverage.py (the fixture survey's question and language).
sample_args(question_id="age_band", answer_type="rating", language="cy")


def _click(page, name, role="button"):
    with page.expect_navigation():
        page.get_by_role(role, name=name, exact=True).first.click()
    assert_accessible(page)


def _add_question(page, kind, settings):
    page.get_by_label(kind["type_label"], exact=True).check()
    _click(page, "Continue")
    for label, value in settings.items():
        field = page.get_by_label(label, exact=True)
        if value is True:
            field.check()
        else:
            field.fill(value)
    for choice in kind.get("choices", ()):
        page.get_by_label(choice, exact=True).check()
    _click(page, "Save question")


def _add_page(page, heading):
    _click(page, "Add a page")
    page.get_by_label("Page heading (optional)").fill(heading)
    _click(page, "Save and continue")


def _build(page):
    page.goto("/staff/builder")
    assert_accessible(page)
    for name in ("Copy a survey", "Import a survey file"):
        page.goto("/staff/builder")
        _click(page, name)
        _click(page, "Make a copy" if name == "Copy a survey" else "Import")  # the error state
    page.goto("/staff/builder")
    _click(page, "Create a survey")
    _click(page, "Continue")  # the error state
    page.get_by_label("Title of the survey").fill(TITLE)
    page.get_by_label("Children and young people").check()
    _click(page, "Continue")  # to the settings
    page.get_by_label("What the survey is for").fill("We want to know if you feel safe.\n\nYou can skip any question.")
    _click(page, "Save settings")

    _add_page(page, "Feeling safe")
    _add_question(page, {"type_label": "Rating", "choices": ("Faces",)},
                  {"Question": "How safe do you feel at home?", "Labels of the points (optional)": FACES})
    _add_page(page, "Adults in your life")
    _add_question(page, {"type_label": "Several statements on one scale", "choices": ("Agree or disagree",)},
                  {"Question": "How much do you agree?",
                   "Statements": "Adults listen to me\nI know who to talk to"})
    _add_page(page, "Why")
    _add_question(page, {"type_label": "Long answer"},
                  {"Question": "What makes you feel unsafe?", "Most characters allowed": "500"})
    assert page.url.endswith("#question-what_makes_you_feel_unsafe")

    # The show-if rule, chosen from the earlier question's answers, without JavaScript's help.
    with page.expect_navigation():
        page.locator("#question-what_makes_you_feel_unsafe").get_by_role("link", name="Show or skip rule").click()
    assert_accessible(page)
    page.get_by_label("How safe do you feel at home?").check()
    _click(page, "Choose the answers")
    page.get_by_label("Very unsafe").check()
    page.get_by_label("A bit unsafe").check()
    _click(page, "Save rule")
    summary = page.locator("#question-what_makes_you_feel_unsafe .app-rule").inner_text()
    assert summary == "Shown only if ‘How safe do you feel at home?’ is ‘Very unsafe’ or ‘A bit unsafe’"

    # Other builder pages, each checked: change a question, a page heading, removal, history.
    for link in ("Change", "Remove"):
        with page.expect_navigation():
            page.locator("#question-how_safe_do_you_feel_at_home").get_by_role("link", name=link).first.click()
        assert_accessible(page)
        page.go_back()
    for section, link in (("#page-feeling-safe", "Change heading"), ("#page-feeling-safe", "Remove"),
                          ("#page-why", "Show or skip rule")):
        with page.expect_navigation():
            page.locator(section).get_by_role("link", name=link).first.click()
        assert_accessible(page)
        page.go_back()

    # Welsh, side by side with the English; the survey cannot go live until it is complete.
    _click(page, "Languages", "link")
    page.get_by_label("Cymraeg").check()
    _click(page, "Add language")
    boxes = page.locator("textarea")
    count = boxes.count()
    boxes.nth(0).fill("Teimlo'n ddiogel 2027")
    _click(page, "Save translation")
    page.goto(f"/staff/builder/{SLUG}/check")
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.goto(f"/staff/builder/{SLUG}/languages/cy")
    for n in range(count):
        boxes.nth(n).fill(f"Cymraeg {n}")
    _click(page, "Save translation")


def _preview_at_phone_width(page):
    page.set_viewport_size({"width": 320, "height": 800})
    for page_id in ("feeling-safe", "adults-in-your-life", "why"):
        for language in ("en", "cy"):
            page.goto(f"/staff/builder/{SLUG}/preview/{page_id}?lang={language}&width=phone")
            assert_accessible(page)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, (page_id, language)
    page.set_viewport_size({"width": 1280, "height": 800})


def _answer(page, feeling, javascript):
    page.goto(f"/s/{SLUG}")
    _click(page, "Start now")
    page.get_by_label(feeling, exact=True).check()
    _click(page, "Continue")
    for statement in ("adults_listen_to_me", "i_know_who_to_talk_to"):
        page.locator(f"input[name=how_much_do_you_agree__{statement}][value=agree]").check()
    _click(page, "Continue")
    if feeling in ("Very unsafe", "A bit unsafe"):
        assert page.url.endswith("/q/why")
        page.get_by_label("What makes you feel unsafe?").fill("Shouting at home")
        _click(page, "Continue")
    assert page.url.endswith("/check"), (javascript, page.url)
    _click(page, "Send answers")
    assert "/confirmation" in page.url


def test_a_business_manager_builds_a_survey_and_young_people_answer_it(browser, live_server):
    email = staff_user(live_server["app"], "admin")
    context = new_context(browser, live_server)
    page = context.new_page()
    try:
        sign_in(page, email)
        _build(page)
        _preview_at_phone_width(page)
        page.goto(f"/staff/builder/{SLUG}/check")
        assert_accessible(page)
        _click(page, "Make it live")
        page.goto(f"/staff/builder/{SLUG}/history")
        assert_accessible(page)
        assert "builder.published" in page.inner_text("main")
    finally:
        context.close()
    for javascript, feeling in ((True, "Very unsafe"), (False, "Safe")):
        respondent = new_context(browser, live_server, java_script_enabled=javascript)
        try:
            _answer(respondent.new_page(), feeling, javascript)
        finally:
            respondent.close()


BUILDER_ARGS = {"slug": "all-types", "page_id": "age", "question_id": "age_band", "answer_type": "grid",
                "language": "cy"}


@pytest.mark.parametrize("role", ["analyst", "viewer"])
def test_every_builder_page_of_a_live_survey(browser, live_server, role):
    """Each builder page, opened on a survey loaded from its file (no draft yet), for a role that may
    use the builder and one that may not."""
    from flask import url_for

    app = live_server["app"]
    context = new_context(browser, live_server)
    page = context.new_page()
    try:
        sign_in(page, staff_user(app, role))
        for rule in app.url_map.iter_rules():
            if (not rule.endpoint.startswith("builder.") or "GET" not in rule.methods
                    or rule.endpoint == "builder.export"):
                continue
            with app.test_request_context():
                url = url_for(rule.endpoint, **{name: BUILDER_ARGS[name] for name in rule.arguments})
            response = page.goto(url)
            assert response.status == (200 if role == "analyst" else 403), (url, response.status)
            assert_accessible(page, role=role)
    finally:
        context.close()
