"""The ready-to-use survey files in surveys/: valid, accessible to their audience, and working end to end."""

import re
from pathlib import Path

import pytest
import textstat
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Cohort, Response, Survey
from feedback_app.survey_definitions import load_file, survey_files, translate
from tests.conftest import path_of
from tests.surveys.answers import page_answers

SURVEYS_DIR = Path(__file__).resolve().parents[2] / "surveys"
FILES = survey_files(SURVEYS_DIR)
EXPECTED = {"youth-voice", "workforce", "lay-members", "partnership"}
# Reached only through a course session's links, which fill in its learning objectives:
# walked end to end in tests/feedback_app/views/test_training_respond.py.
TRAINING = {"training-before", "training-after", "training-followup"}
FREE_TEXT = ("short_text", "long_text")
SCALES = ("agreement", "rating", "grid", "yes_no")
CHOICES = ("single_choice", "multiple_choice")
NO_OPT_OUTS = ("consent", "statement", "number", "date") + FREE_TEXT
MIN_READING_EASE = 70


def _definitions():
    return [load_file(path) for path in FILES]


@pytest.fixture(scope="module")
def definitions():
    return {definition.slug: definition for definition in _definitions()}


# -- checks, written as functions so they can be shown to catch a bad file ----

def opt_out_problems(audience, question):
    """What a question lacks for its audience's opt-outs, or an empty list."""
    spec, kind = question.spec, question.type
    if kind in NO_OPT_OUTS:
        return []
    if audience == "young_people":
        return [f"{question.id}: needs {key}" for key in ("dont_know", "prefer_not_to_say") if not spec.get(key)]
    if kind in ("agreement", "grid") and not (spec.get("dont_know") or spec.get("prefer_not_to_say")):
        return [f"{question.id}: needs dont_know (or an equivalent)"]
    return []


def free_text_problems(question):
    if question.type not in FREE_TEXT:
        return []
    problems = []
    if "max_length" not in question.spec:
        problems.append(f"{question.id}: needs max_length")
    if not question.analyse:
        problems.append(f"{question.id}: needs analyse: true")
    return problems


VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def count_syllables(word):
    """A simple English syllable counter: vowel groups, less a silent final e or -ed."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    count = len(VOWEL_GROUPS.findall(word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1
    if re.search(r"[^aeiouytd]ed$", word) and count > 1:
        count -= 1
    return max(count, 1)


def flesch_reading_ease(text):
    """206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word)."""
    sentences = [s for s in re.split(r"[.!?]+", text) if s.strip()]
    words = re.findall(r"[A-Za-z0-9']+", text)
    syllables = sum(count_syllables(word) for word in words)
    return 206.835 - 1.015 * len(words) / len(sentences) - 84.6 * syllables / len(words)


def textstat_reading_ease(text):
    """textstat's score, falling back to its own syllable rules when the CMU dictionary is not installed."""
    import nltk
    import textstat.backend.counts._count_syllables as counting

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:  # offline machine: textstat would try to download it
        counting.get_cmudict = lambda lang: None
    return textstat.flesch_reading_ease(text)


def reading_text(definition):
    """Question texts, hints and option labels, each as a sentence."""
    parts = []
    for question in definition.questions:
        spec = question.spec
        parts += [spec["text"], spec.get("hint")]
        parts += [option["label"] for option in spec.get("options", [])]
        parts += [s["text"] for s in spec.get("statements", [])]
        parts += list(spec.get("labels", {}).values())
        if "none_option" in spec:
            parts.append(spec["none_option"]["label"])
        parts += [spec.get("dont_know_label"), spec.get("prefer_not_to_say_label")]
    sentences = [translate(part, "en").strip() for part in parts if part]
    return " ".join(s if s[-1] in ".?!" else s + "." for s in sentences)


# -- the files -------------------------------------------------------------------

def test_the_four_ready_to_use_surveys_are_there():
    assert {path.stem for path in FILES} == EXPECTED | TRAINING


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_file_is_valid_and_named_after_its_slug(path):
    definition = load_file(path)  # raises SurveyDefinitionError when invalid
    assert definition.slug == path.stem
    assert definition.languages[0] == "en"
    assert definition.anonymous is True


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_question_has_english_wording(path):
    for question in load_file(path).questions:
        assert translate(question.spec["text"], "en").strip(), question.id
        for option in question.spec.get("options", []):
            assert translate(option["label"], "en").strip(), (question.id, option["value"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_free_text_has_a_limit_and_feeds_theme_analysis(path):
    definition = load_file(path)
    problems = [p for q in definition.questions for p in free_text_problems(q)]
    assert problems == []
    assert definition.theme_questions, "every survey asks for some free text"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_scale_offers_the_opt_outs_its_audience_needs(path):
    definition = load_file(path)
    problems = [p for q in definition.questions for p in opt_out_problems(definition.audience, q)]
    assert problems == []


def test_the_opt_out_check_catches_a_missing_opt_out(definitions):
    youth = definitions["youth-voice"]
    question = youth.question("safe_home")
    stripped = type(question)(question.id, question.type, {k: v for k, v in question.spec.items()
                                                            if k != "prefer_not_to_say"}, question.answer_type)
    assert opt_out_problems("young_people", stripped) == ["safe_home: needs prefer_not_to_say"]
    grid = definitions["partnership"].question("multi_agency")
    bare = type(grid)(grid.id, grid.type, {k: v for k, v in grid.spec.items() if k != "dont_know"}, grid.answer_type)
    assert opt_out_problems("partners", bare) == ["multi_agency: needs dont_know (or an equivalent)"]
    text = definitions["workforce"].question("what_helps")
    unlimited = type(text)(text.id, text.type, {"id": "x", "type": "long_text", "text": "Why?"}, text.answer_type)
    assert free_text_problems(unlimited) == ["what_helps: needs max_length", "what_helps: needs analyse: true"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_start_page_carries_a_privacy_notice_and_a_time(path):
    definition = load_file(path)
    privacy = definition.text("start.privacy", "en").lower()
    for must in ("name", "share" if definition.audience == "young_people" else "who sees it", "year"):
        assert must in privacy, must
    minutes = [int(n) for n in re.findall(r"\d+", definition.text("time_to_complete", "en"))]
    assert max(minutes) <= (5 if definition.audience == "young_people" else 10)
    assert definition.cohorts or definition.audience == "training", "distribution links need cohorts"
    assert "Northshire Safeguarding Children Partnership" in definition.text("start.purpose", "en")


def test_youth_survey_says_where_to_get_help_now(definitions):
    youth = definitions["youth-voice"]
    assert youth.audience == "young_people"
    assert youth.screening is True and youth.exit_this_page is True
    for key in ("start.help", "confirmation.help"):
        text = youth.text(key, "en")
        assert "trust" in text and "Childline" in text and "0800 1111" in text and "999" in text
    about_you = youth.page("about-you")
    assert all(not q.required for q in about_you.questions), "'about you' questions can be skipped"
    age = youth.question("age_band")
    assert age.type == "single_choice", "an age band, not an age"
    assert [value for value, _ in age.answer_type.base_choices("en")] == ["10_12", "13_15", "16_18", "over_18"]
    assert all(q.spec.get("style") == "faces" for q in youth.questions if q.type == "rating")


def test_workforce_survey_covers_the_issue(definitions):
    workforce = definitions["workforce"]
    agencies = {value for value, _ in workforce.question("agency").answer_type.base_choices("en")}
    assert agencies == {"police", "health", "childrens_social_care", "education", "early_years",
                        "voluntary_community", "probation", "housing", "other"}
    grid = {sid for sid, _ in workforce.question("confidence_priorities").answer_type.statements("en")}
    assert {"early_help", "neglect", "cse", "cce", "domestic_abuse", "mental_health", "missing",
            "online_safety"} <= grid
    for qid in ("role_level", "years_in_role", "threshold_knowledge", "escalation_knowledge",
                "supervision_frequency", "training_12_months", "training_changed_practice", "reviews_aware",
                "info_sharing_confident", "voice_of_child", "what_helps", "what_gets_in_the_way"):
        workforce.question(qid)


# -- readability -----------------------------------------------------------------

def test_own_syllable_counter():
    words = ("safe", "school", "worried", "online", "family", "little", "jumped")
    assert [count_syllables(w) for w in words] == [1, 1, 2, 2, 3, 2, 1]


def test_flesch_formula_matches_a_worked_example():
    # 2 sentences, 11 words, 12 syllables ("happy" has 2)
    text = "The cat sat on the mat. A happy dog ran home."
    assert flesch_reading_ease(text) == pytest.approx(206.835 - 1.015 * 11 / 2 - 84.6 * 12 / 11)


def test_a_hard_text_scores_below_the_bar():
    text = ("Multi-agency safeguarding arrangements necessitate comprehensive information-sharing "
            "protocols, proportionate escalation and accountability mechanisms.")
    assert flesch_reading_ease(text) < MIN_READING_EASE
    assert textstat_reading_ease(text) < MIN_READING_EASE


def test_youth_survey_reads_easily(definitions):
    text = reading_text(definitions["youth-voice"])
    ours, theirs = flesch_reading_ease(text), textstat_reading_ease(text)
    assert abs(ours - theirs) <= 5, (ours, theirs)
    assert ours >= MIN_READING_EASE, ours
    assert theirs >= MIN_READING_EASE, theirs


# -- end to end ------------------------------------------------------------------

@pytest.fixture
def real_surveys_loaded(runner):
    result = runner.invoke(args=["surveys", "load", "--directory", str(SURVEYS_DIR)])
    assert result.exit_code == 0, result.output
    for slug in EXPECTED:
        assert f"{slug}: created (version 1)" in result.output
    return result


def _walk(client_request, definition, variant, cohort_token):
    """Answer every page the service sends us to; return the answers given."""
    slug = definition.slug
    start = client_request.submit(f"/s/{slug}/start", _form_url=f"/s/{slug}?c={cohort_token}")
    location = path_of(start.location)
    given, seen = {}, []
    while location.startswith(f"/s/{slug}/q/"):
        page_id = location.rsplit("/", 1)[1]
        assert page_id not in seen, f"sent back to {page_id}"
        seen.append(page_id)
        page = client_request.get(location)
        assert page.select_one("h1").text.strip()
        form, values = page_answers(definition.page(page_id), variant)
        given.update(values)
        response = client_request.submit(location, form)
        location = path_of(response.location)
    assert location == f"/s/{slug}/check"
    return given, seen


@pytest.mark.parametrize("variant", [0, 1], ids=["first-options", "opt-outs"])
@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_survey_completes_end_to_end(real_surveys_loaded, client_request, definitions, slug, variant):
    definition = definitions[slug]
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    cohort = db.session.scalars(select(Cohort).where(Cohort.survey_id == survey.id).order_by(Cohort.id)).first()
    assert cohort.code == definition.cohorts[0]["code"]

    given, seen = _walk(client_request, definition, variant, cohort.token)
    expected = definition.visible_answers(given)
    assert seen == [p.id for p in definition.visible_pages(expected)]

    check = client_request.get(f"/s/{slug}/check")
    assert check.select_one("h1").text.strip()
    done = client_request.submit(f"/s/{slug}/check", {})
    assert path_of(done.location) == f"/s/{slug}/confirmation"
    confirmation = client_request.get(f"/s/{slug}/confirmation")
    if definition.audience == "young_people":
        assert "0800 1111" in confirmation.text

    responses = db.session.scalars(select(Response).where(Response.survey_id == survey.id)).all()
    assert len(responses) == 1
    response = responses[0]
    assert response.cohort_id == cohort.id
    stored = {a.question_id: a for a in response.answers}
    assert {qid: a.value for qid, a in stored.items()} == expected
    for qid, answer in stored.items():
        if definition.question(qid).type in FREE_TEXT:
            assert answer.text == expected[qid] and answer.text_language == "en"
        else:
            assert answer.text is None


def test_follow_up_pages_depend_on_earlier_answers(definitions):
    youth = definitions["youth-voice"]
    base = {"safe_home": 4, "safe_school": 4, "safe_online": 4, "safe_area": 4}
    assert "not-safe" not in [p.id for p in youth.visible_pages(base)]
    assert "not-safe" in [p.id for p in youth.visible_pages({**base, "safe_online": 2})]
    # Feeling unsafe at home or at school leads to "What makes you feel unsafe?" too (issue 21).
    for place in ("safe_home", "safe_school"):
        for answer in (1, 2):
            assert "not-safe" in [p.id for p in youth.visible_pages({**base, place: answer})], (place, answer)
        assert "not-safe" not in [p.id for p in youth.visible_pages({**base, place: 3})]
    workforce = definitions["workforce"]
    kept = workforce.visible_answers({"training_12_months": "no", "training_changed_practice": "a_lot"})
    assert "training_changed_practice" not in kept


def skip_promise_problems(definition):
    """Questions that must be answered in a survey whose start page says any question can be skipped."""
    purpose = definition.text("start.purpose", "en") or ""
    if "skip any question" not in purpose.lower():
        return []
    return [q.id for q in definition.questions if q.answer_type.collects_answer and q.required]


def test_a_promise_that_any_question_can_be_skipped_is_kept(definitions):
    for definition in definitions.values():
        assert skip_promise_problems(definition) == [], definition.slug


def test_the_skip_promise_check_catches_a_required_question(definitions):
    from feedback_app.survey_definitions import definition_from_data

    data = dict(definitions["youth-voice"].data)
    pages = [dict(page) for page in data["pages"]]
    pages[0] = {**pages[0], "questions": [{**pages[0]["questions"][0], "required": True}] + pages[0]["questions"][1:]}
    assert skip_promise_problems(definition_from_data({**data, "pages": pages})) == ["safe_home"]
