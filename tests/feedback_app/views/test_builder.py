"""The survey builder: create, change and make live surveys in the browser; YAML round trip; audit."""

import pytest
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import AuditEvent, Response, Survey, SurveyDraft, SurveyVersion
from feedback_app.survey_definitions import load_file
from tests.conftest import path_of
from tests.feedback_app import journey
from tests.feedback_app.views.builder_steps import (
    BASE,
    EVERY_TYPE,
    add_page,
    add_question,
    create_survey,
    make_live,
    translate_missing,
)


def _draft(slug):
    db.session.expire_all()
    return db.session.scalar(select(SurveyDraft).where(SurveyDraft.slug == slug))


def _versions(slug):
    db.session.expire_all()
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    return list(db.session.scalars(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
                                   .order_by(SurveyVersion.number)))


def _events(slug):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.target == slug).order_by(AuditEvent.id)))


# -- who may use it -------------------------------------------------------------

@pytest.mark.parametrize("role, status", [("admin", 200), ("analyst", 200), ("trainer", 403), ("dsl", 403),
                                          ("viewer", 403)])
def test_only_admins_and_analysts_use_the_builder(client_request, sign_in, surveys_loaded, role, status):
    sign_in(role)
    for url in (BASE, f"{BASE}/new", f"{BASE}/all-types", f"{BASE}/all-types/questions/age_band",
                f"{BASE}/all-types/languages/cy", f"{BASE}/all-types/preview/age"):
        client_request.get(url, _expected_status=status)


def test_builder_routes_check_roles(app):
    endpoints = [rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("builder.")]
    assert len(endpoints) >= 20
    for endpoint in endpoints:
        assert set(app.view_functions[endpoint].required_roles) == {"admin", "analyst"}, endpoint


# -- every answer type, created and edited, round-trips through YAML -------------------------------

def test_every_answer_type_is_created_edited_and_round_trips(client_request, sign_in, runner, tmp_path):
    sign_in("analyst")
    slug = create_survey(client_request)
    page_id = add_page(client_request, slug, "Everything")
    for answer_type, (first, _changed, _key) in EVERY_TYPE.items():
        add_question(client_request, slug, page_id, answer_type, first, question_id=f"q_{answer_type}")
    data = _draft(slug).definition
    specs = {q["id"]: q for q in data["pages"][0]["questions"]}
    assert [q["type"] for q in specs.values()] == list(EVERY_TYPE)
    assert specs["q_single_choice"]["options"][0] == {"value": "11_to_13", "label": "11 to 13"}
    assert specs["q_multiple_choice"]["none_option"] == {"value": "none", "label": "None of these"}
    assert specs["q_rating"]["labels"]["2"] == "A bit unsafe" and specs["q_rating"]["style"] == "faces"
    assert specs["q_grid"]["statements"][0] == {"id": "police", "text": "The police help"}
    assert specs["q_number"]["max"] == 50 and specs["q_short_text"]["analyse"] is True

    for answer_type, (first, changed, key) in EVERY_TYPE.items():
        qid = f"q_{answer_type}"
        form = client_request.get(f"{BASE}/{slug}/questions/{qid}")
        # The form shows what was saved: the round trip through the form changes nothing by itself.
        assert form.select_one("#text").text.strip() == first["text"]
        client_request.submit(f"{BASE}/{slug}/questions/{qid}", changed)
        after = {q["id"]: q for q in _draft(slug).definition["pages"][0]["questions"]}[qid]
        assert after[key] != specs[qid].get(key), answer_type
    after = {q["id"]: q for q in _draft(slug).definition["pages"][0]["questions"]}
    assert after["q_grid"]["statements"][2] == {"id": "youth_workers_help", "text": "Youth workers help"}
    assert after["q_grid"]["scale"] == "rating"
    assert after["q_single_choice"]["options"][2]["hint"] == "Including if you turn 18 this year"

    export = client_request.client.get(f"{BASE}/{slug}/export.yaml")
    assert export.status_code == 200
    path = tmp_path / f"{slug}.yaml"
    path.write_bytes(export.data)
    result = runner.invoke(args=["surveys", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert load_file(path).data == _draft(slug).definition


def test_a_bad_setting_is_shown_by_its_field(client_request, sign_in):
    sign_in("admin")
    slug = create_survey(client_request)
    page_id = add_page(client_request, slug)
    client_request.submit(f"{BASE}/{slug}/pages/{page_id}/questions/new", {"type": "rating"})
    url = f"{BASE}/{slug}/pages/{page_id}/questions/new/rating"
    page = client_request.submit(url, {"text": "How safe?", "style": "faces", "labels": "1 | Very unsafe"},
                                 _expected_status=422)
    assert "faces scale needs a text label for every face" in page.select_one("#labels-error").text
    page = client_request.submit(url, {"text": "How safe?", "min": "one"}, _expected_status=422)
    assert "Enter a whole number" in page.select_one("#min-error").text
    client_request.submit(f"{BASE}/{slug}/pages/{page_id}/questions/new", {"type": "single_choice"})
    url = f"{BASE}/{slug}/pages/{page_id}/questions/new/single_choice"
    page = client_request.submit(url, {"text": "Which?", "options": "Yes | Yes\nNo"}, _expected_status=422)
    assert "Codes use only lowercase letters" in page.select_one("#options-error").text
    page = client_request.submit(url, {"text": "Which?", "options": "Only one"}, _expected_status=422)
    assert "a list of answers needs at least two" in page.select_one("#options-error").text
    assert _draft(slug).definition["pages"][0]["questions"] == []


# -- drafts, versions and the audit log --------------------------------------------------------

def test_editing_a_live_survey_makes_a_draft_and_old_responses_keep_their_version(
        client_request, sign_in, surveys_loaded):
    journey.answer_all(client_request)
    journey.submit(client_request)
    admin = sign_in("admin")
    assert _draft("all-types") is None
    client_request.submit(f"{BASE}/all-types/questions/age_band",
                          {"text": "How old are you now?", "options": "11_13 | 11 to 13\n14_16 | 14 to 16\n"
                           "17_18 | 17 or 18", "required": "y", "prefer_not_to_say": "y",
                           "prefer_not_to_say_label": "I'd rather not say", "breakdown": "y"})
    draft = _draft("all-types")
    # The Welsh said "How old are you?": it goes with the old English and is written again.
    assert draft.definition["pages"][2]["questions"][0]["text"] == "How old are you now?"
    translate_missing(client_request, "all-types", "cy", "Faint yw eich oed chi nawr?")
    assert _draft("all-types").definition["pages"][2]["questions"][0]["text"] == {
        "en": "How old are you now?", "cy": "Faint yw eich oed chi nawr?"}
    assert len(_versions("all-types")) == 1  # respondents still answer version 1
    make_live(client_request, "all-types")
    versions = _versions("all-types")
    assert [(v.number, v.source, v.created_by) for v in versions] == [(1, "file", None), (2, "builder", admin.email)]
    assert _draft("all-types") is None
    response = db.session.scalar(select(Response))
    assert response.survey_version_id == versions[0].id
    actions = [event.action for event in _events("all-types")]
    assert actions == ["builder.question_changed", "builder.translation_changed", "builder.published"]
    assert _events("all-types")[0].detail == {"question": "age_band", "changed": ["text"]}
    history = client_request.get(f"{BASE}/all-types/history")
    assert admin.email in history.text and "builder.question_changed" in history.text


def test_a_new_survey_goes_live_and_can_be_answered(client_request, sign_in, client):
    sign_in("admin")
    slug = create_survey(client_request, "Workforce 2027", "practitioners")
    page_id = add_page(client_request, slug)
    add_question(client_request, slug, page_id, "yes_no", {"text": "Do you feel supported?", "required": "y"})
    make_live(client_request, slug)
    assert path_of(client_request.last.location) == f"/staff/surveys/{slug}"
    # A respondent completes it (it has no confirmation wording of its own).
    response = client_request.submit(f"/s/{slug}/start", _form_url=f"/s/{slug}")
    first = path_of(response.location)
    response = client_request.submit(first, {"do_you_feel_supported": "yes"})
    assert path_of(response.location) == f"/s/{slug}/check"
    response = client_request.submit(f"/s/{slug}/check", {})
    client_request.get(path_of(response.location))
    assert db.session.scalar(select(Response)).answers[0].value == "yes"


def test_an_incomplete_translation_blocks_going_live(client_request, sign_in):
    sign_in("admin")
    slug = create_survey(client_request)
    page_id = add_page(client_request, slug)
    add_question(client_request, slug, page_id, "yes_no", {"text": "Do you feel safe?", "required": "y"})
    client_request.submit(f"{BASE}/{slug}/languages", {"language": "cy"})
    check = client_request.get(f"{BASE}/{slug}/check")
    assert "No cy wording yet" in check.select_one(".govuk-error-summary").text
    assert not check.select("form[action$='/check']")
    client_request.submit(f"{BASE}/{slug}/check", {}, _expected_status=409, _form_url=f"{BASE}/{slug}")
    assert _draft(slug) is not None
    form = client_request.get(f"{BASE}/{slug}/languages/cy")
    boxes = [box["name"] for box in form.select("textarea")]
    welsh = {"Youth voice 2027": "Llais ieuenctid 2027", "Do you feel safe?": "Ydych chi'n teimlo'n ddiogel?"}
    english = [p.text for p in form.select("[id^=english-]")]
    client_request.submit(f"{BASE}/{slug}/languages/cy", {box: welsh[text] for box, text in zip(boxes, english)})
    make_live(client_request, slug)
    version = _versions(slug)[0]
    assert version.definition["pages"][0]["questions"][0]["text"] == {
        "en": "Do you feel safe?", "cy": "Ydych chi'n teimlo'n ddiogel?"}


# -- show/skip rules ----------------------------------------------------------------------

def test_a_rule_is_chosen_from_an_earlier_answer_and_summarised(client_request, sign_in):
    sign_in("analyst")
    slug = create_survey(client_request)
    first = add_page(client_request, slug)
    add_question(client_request, slug, first, "rating", EVERY_TYPE["rating"][0], question_id="safe_home")
    second = add_page(client_request, slug)
    add_question(client_request, slug, second, "long_text", {"text": "What makes you feel unsafe?",
                                                             "max_length": "500"}, question_id="why")
    page = client_request.get(f"{BASE}/{slug}/questions/why/rule")
    assert [i["value"] for i in page.select("input[name=question]")] == ["safe_home"]
    page = client_request.get(f"{BASE}/{slug}/questions/why/rule?question=safe_home")
    assert [i["value"] for i in page.select("input[name=answers]")] == ["1", "2", "3", "4", "5"]
    client_request.submit(f"{BASE}/{slug}/questions/why/rule", {"question": "safe_home", "answers": ["1", "2"]},
                          _form_url=f"{BASE}/{slug}/questions/why/rule?question=safe_home")
    assert _draft(slug).definition["pages"][1]["questions"][0]["show_if"] == {"question": "safe_home", "in": [1, 2]}
    overview = client_request.get(f"{BASE}/{slug}")
    assert ("Shown only if ‘How safe do you feel at home?’ is ‘Very unsafe’ or ‘A bit unsafe’"
            in overview.select_one("#question-why").text)
    # A question a rule depends on cannot be removed.
    page = client_request.submit(f"{BASE}/{slug}/questions/safe_home/remove", {}, _expected_status=409)
    assert "depends on it" in page.select_one(".govuk-error-summary").text


# -- import, files and settings ----------------------------------------------------------------

def test_an_imported_file_with_a_mistake_names_the_place_and_line(client_request, sign_in, tmp_path):
    import io

    sign_in("admin")
    text = ("slug: imported\ntitle: Imported\naudience: practitioners\npages:\n  - id: one\n    questions:\n"
            "      - id: q\n        type: rating\n        text: How?\n        min: 5\n        max: 1\n")
    client_request.client.get(f"{BASE}/import")
    page = client_request.get(f"{BASE}/import")
    token = page.select_one("input[name=csrf_token]")["value"]
    response = client_request.client.post(f"{BASE}/import", data={
        "csrf_token": token, "file": (io.BytesIO(text.encode()), "imported.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "pages[0].questions[0].max, line 11: max must be greater than min" in response.get_data(as_text=True)
    fixed = text.replace("min: 5", "min: 1").replace("max: 1", "max: 5")
    response = client_request.client.post(f"{BASE}/import", data={
        "csrf_token": token, "file": (io.BytesIO(fixed.encode()), "imported.yaml")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    assert _draft("imported").definition["pages"][0]["questions"][0]["max"] == 5


def test_every_file_in_surveys_opens_in_the_builder(client_request, sign_in, app):
    from pathlib import Path

    sign_in("admin")
    real = Path(app.root_path).parent / "surveys"
    app.config["SURVEYS_DIR"] = real
    for path in sorted(real.glob("*.yaml")):
        client_request.submit(f"{BASE}/files/{path.name}", {}, _form_url=BASE)
        assert _draft(path.stem).definition == load_file(path).data
        client_request.get(f"{BASE}/{path.stem}")
        for page in load_file(path).pages:
            for question in page.questions:
                client_request.get(f"{BASE}/{path.stem}/questions/{question.id}")


def test_settings_and_dates_are_changed_and_go_live(client_request, sign_in, surveys_loaded):
    sign_in("admin")
    page = client_request.get(f"{BASE}/all-types/settings")
    assert page.select_one("#title")["value"] == "Every answer type"
    data = {"title": "Every answer type", "audience": "young_people", "anonymous": "yes", "screening": "yes",
            "opens-day": "1", "opens-month": "1", "opens-year": "2026", "closes-day": "31", "closes-month": "12",
            "closes-year": "2030", "purpose": "A survey that uses every kind of question.",
            "cohorts": "youth_forum | Youth forum\nschool_a | School A\nschool_b | School B"}
    client_request.submit(f"{BASE}/all-types/settings", {**data, "closes-year": "2025"}, _expected_status=422)
    client_request.submit(f"{BASE}/all-types/settings", data)
    assert _draft("all-types").definition["closes"] == "2030-12-31"
    make_live(client_request, "all-types")
    survey = db.session.scalar(select(Survey).where(Survey.slug == "all-types"))
    assert str(survey.closes_on) == "2030-12-31"
    assert [c.code for c in survey.cohorts] == ["youth_forum", "school_a", "school_b"]
    changed = _events("all-types")[0].detail["changed"]
    assert {"closes", "cohorts", "opens"} <= set(changed) and "title" not in changed


def test_a_survey_is_copied_without_its_dates(client_request, sign_in, surveys_loaded):
    sign_in("analyst")
    client_request.submit(f"{BASE}/copy", {"source": "all-types", "title": "Every answer type 2027"})
    draft = _draft("every-answer-type-2027")
    # The Welsh title was for the old title: the copy's Welsh is written afresh before it goes live.
    assert draft.definition["title"] == "Every answer type 2027"
    assert "opens" not in draft.definition and "closes" not in draft.definition
    from feedback_app.services.builder import drafts
    assert drafts.publish_problems(drafts.working("every-answer-type-2027")) == [("title", "No cy wording yet")]


def test_making_a_draft_live_warns_when_the_live_version_moved_on(client_request, sign_in, runner, tmp_path):
    import shutil
    from pathlib import Path

    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "surveys" / "all-types.yaml"
    shutil.copy(fixture, tmp_path / "all-types.yaml")
    runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    sign_in("admin")
    client_request.submit(f"{BASE}/all-types/pages/age", {"title": "About you"})
    assert not client_request.get(f"{BASE}/all-types/check").select(".govuk-warning-text")
    changed = (tmp_path / "all-types.yaml").read_text(encoding="utf-8").replace("Thank you.", "Thanks.")
    (tmp_path / "all-types.yaml").write_text(changed, encoding="utf-8")
    assert "new version (version 2)" in runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)]).output
    warning = client_request.get(f"{BASE}/all-types/check").select_one(".govuk-warning-text").text
    assert "it is now version 2" in warning


def test_changing_the_english_asks_for_the_translation_again(client_request, sign_in, surveys_loaded):
    """A Welsh translation of the old English would tell respondents something else: it goes, going live
    waits for a new one, and the translator sees what the Welsh said before."""
    sign_in("admin")
    client_request.submit(f"{BASE}/all-types/questions/age_band",
                          {"text": "How old were you on 1 September?", "options": "11_13 | 11 to 13\n14_16 | 14 to 16"
                           "\n17_18 | 17 or 18", "required": "y", "prefer_not_to_say": "y",
                           "prefer_not_to_say_label": "I'd rather not say"})
    assert _draft("all-types").definition["pages"][2]["questions"][0]["text"] == "How old were you on 1 September?"
    # Options whose English did not change keep their Welsh.
    options = _draft("all-types").definition["pages"][2]["questions"][0]["options"]
    assert any(isinstance(option["label"], dict) and option["label"].get("cy") for option in options)
    check = client_request.get(f"{BASE}/all-types/check")
    assert "pages[2].questions[0].text" in check.select_one(".govuk-error-summary").text
    form = client_request.get(f"{BASE}/all-types/languages/cy")
    english = [p.text for p in form.select("[id^=english-]")]
    position = english.index("How old were you on 1 September?")
    box = form.select("textarea")[position]
    assert box.text.strip() == ""
    hint = form.select_one(f"#{box['id']}-hint")
    assert hint.select_one("span[lang=cy]").text == "Faint yw eich oed chi?"
    # Other pieces show no such hint.
    assert len(form.select(".app-earlier-translation")) == 1


def test_a_question_is_marked_as_one_results_are_broken_down_by(client_request, sign_in, surveys_loaded):
    """Single choice and yes/no offer "Break results down by this question" (a question about the respondent:
    results are broken down by it, and its own answers are never broken down, issue 19). The fixture's "told
    someone" is one, ticked; a rating has no such setting; unticking it takes the mark off in the draft."""
    sign_in("admin")
    page = client_request.get(f"{BASE}/all-types/questions/told_someone")
    box = page.select_one("input[type=checkbox][name=breakdown]")
    assert box is not None and box.has_attr("checked")
    assert page.select_one(f"label[for={box['id']}]").text.strip() == "Break results down by this question"
    assert client_request.get(f"{BASE}/all-types/questions/safe_school").select_one("input[name=breakdown]") is None
    client_request.submit(f"{BASE}/all-types/questions/told_someone",
                          {"text": "Have you ever told an adult about a worry?", "dont_know": "y"})
    questions = {q["id"]: q for p in _draft("all-types").definition["pages"] for q in p["questions"]}
    assert not questions["told_someone"].get("breakdown") and questions["age_band"]["breakdown"] is True
