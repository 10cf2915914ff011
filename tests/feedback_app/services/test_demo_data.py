"""``flask demo-data``: repeatable, plausible demo responses that respect show/skip rules."""

from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path
from statistics import mean

import pytest
from sqlalchemy import delete, select

from feedback_app.extensions import db
from feedback_app.models import Answer, Cohort, Response, Survey
from feedback_app.services.demo_data import WINDOW_DAYS, load_phrases, plan_survey
from feedback_app.services.journey import definition_of
from feedback_app.survey_definitions import load_file

SURVEYS_DIR = Path(__file__).resolve().parents[3] / "surveys"
TODAY = date(2026, 11, 20)
PER_YEAR = 40
SLUGS = ("lay-members", "partnership", "workforce", "youth-voice")


@pytest.fixture
def demo_runner(app, runner):
    result = runner.invoke(args=["surveys", "load", "--directory", str(SURVEYS_DIR)])
    assert result.exit_code == 0, result.output
    return runner


def _run(runner, *extra):
    args = ["demo-data", "--responses", str(PER_YEAR), "--today", TODAY.isoformat(), *extra]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    return result.output


def _snapshot():
    """Every demo row, keyed so two runs can be compared."""
    rows = db.session.execute(
        select(Survey.slug, Response.reference, Cohort.code, Response.submitted_at, Answer.question_id,
               Answer.value, Answer.text)
        .join(Response, Response.survey_id == Survey.id).join(Answer, Answer.response_id == Response.id)
        .outerjoin(Cohort, Cohort.id == Response.cohort_id).order_by(Response.reference, Answer.question_id)
    ).all()
    return [tuple(row) for row in rows]


def _answers_by_response(slug):
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    responses = db.session.scalars(select(Response).where(Response.survey_id == survey.id)).all()
    return survey, responses, [{a.question_id: a.value for a in r.answers} for r in responses]


@pytest.fixture(scope="module")
def definitions():
    return {slug: load_file(SURVEYS_DIR / f"{slug}.yaml") for slug in SLUGS}


# -- the plan (no database) ------------------------------------------------------

def test_same_seed_same_plan_and_another_seed_another(definitions):
    workforce = definitions["workforce"]
    first = plan_survey(workforce, 7, PER_YEAR, TODAY)
    assert first == plan_survey(workforce, 7, PER_YEAR, TODAY)
    assert first != plan_survey(workforce, 8, PER_YEAR, TODAY)


def test_every_free_text_question_has_a_phrase_bank(definitions):
    banks = load_phrases()["surveys"]
    for slug, definition in definitions.items():
        for question in definition.theme_questions:
            themes = banks[slug]["free_text"][question.id]["themes"]
            assert len(themes) >= 2, (slug, question.id)
            for phrases in themes.values():
                assert all(len(p) <= question.answer_type.max_length for p in phrases)


def test_plans_respect_show_and_skip_rules(definitions):
    for definition in definitions.values():
        for planned in plan_survey(definition, 2026, 100, TODAY):
            assert definition.visible_answers(planned.answers) == planned.answers
            for question in definition.questions:
                if question.required and question.answer_type.collects_answer:
                    shown = [p for p in definition.visible_pages(planned.answers) if question in p.questions]
                    if shown and question.is_shown(planned.answers):
                        assert question.id in planned.answers, (definition.slug, question.id)


def test_follow_ups_appear_only_when_switched_on(definitions):
    youth = plan_survey(definitions["youth-voice"], 2026, 200, TODAY)
    followed = [p.answers for p in youth if "not_safe_why" in p.answers]
    assert followed, "some young people who feel unsafe say why"
    assert all({p.get("safe_home"), p.get("safe_school"), p.get("safe_online"), p.get("safe_area")} & {1, 2}
               for p in followed)
    workforce = plan_survey(definitions["workforce"], 2026, 200, TODAY)
    untrained = [p.answers for p in workforce if p.answers["training_12_months"] != "yes"]
    assert untrained and all("training_changed_practice" not in a for a in untrained)
    assert any("training_changed_practice" in p.answers for p in workforce)


def test_closed_answers_are_correlated_not_uniform(definitions):
    youth = [p.answers for p in plan_survey(definitions["youth-voice"], 2026, 250, TODAY)]
    scores = lambda qid: [a[qid] for a in youth if isinstance(a.get(qid), int)]  # noqa: E731
    assert mean(scores("safe_home")) > mean(scores("safe_area")) + 0.3
    pairs = [(a["adults_listen"], a["adults_act"]) for a in youth
             if isinstance(a.get("adults_listen"), int) and isinstance(a.get("adults_act"), int)]
    xs, ys = zip(*pairs)
    mx, my = mean(xs), mean(ys)
    covariance = sum((x - mx) * (y - my) for x, y in pairs)
    spread = (sum((x - mx) ** 2 for x in xs) * sum((y - my) ** 2 for y in ys)) ** 0.5
    assert covariance / spread > 0.2, "people who feel listened to also feel helped"

    workforce = [p.answers for p in plan_survey(definitions["workforce"], 2026, 250, TODAY)]
    agencies = Counter(a["agency"] for a in workforce)
    assert agencies["education"] > 3 * agencies["probation"]
    by_agency = defaultdict(list)
    for a in workforce:
        grid = a["confidence_priorities"]
        by_agency[a["agency"]] += [v for v in grid.values() if isinstance(v, int)]
    assert mean(by_agency["childrens_social_care"]) > mean(by_agency["housing"])


def test_this_year_is_a_little_better_than_last(definitions):
    plan = plan_survey(definitions["workforce"], 2026, 250, TODAY)
    cut = TODAY - timedelta(days=200)
    def agreeing(items):
        return mean(a["info_sharing_confident"] in ("agree", "strongly_agree") for a in items)
    last = [p.answers for p in plan if p.submitted_at.date() < cut]
    this = [p.answers for p in plan if p.submitted_at.date() >= cut]
    assert agreeing(this) > agreeing(last)


# -- the command -----------------------------------------------------------------

def test_command_fills_every_survey_over_two_years_and_cohorts(demo_runner, definitions):
    output = _run(demo_runner)
    for slug in SLUGS:
        survey, responses, _ = _answers_by_response(slug)
        expected = len(plan_survey(definitions[slug], 2026, PER_YEAR, TODAY))
        assert f"{slug}: added {expected} demo responses" in output
        assert len(responses) == expected >= 2 * 4
        this_year = [r for r in responses if r.submitted_at.date() > TODAY - timedelta(days=WINDOW_DAYS + 1)]
        last_year = [r for r in responses if r.submitted_at.date() <= TODAY - timedelta(days=365)]
        assert len(this_year) == len(last_year) == expected // 2
        assert all(r.submitted_at.date() <= TODAY for r in responses)
        for group in (this_year, last_year):
            assert len({r.cohort_id for r in group if r.cohort_id}) >= 2, slug
        assert all(r.draft_id is None and r.language == "en" for r in responses)
    assert len(_answers_by_response("workforce")[1]) == 2 * PER_YEAR


def test_two_runs_into_an_empty_database_give_identical_rows(demo_runner):
    _run(demo_runner)
    first = _snapshot()
    assert first
    db.session.execute(delete(Answer))
    db.session.execute(delete(Response))
    db.session.commit()
    _run(demo_runner)
    assert _snapshot() == first


def test_a_second_run_skips_surveys_that_have_responses(demo_runner):
    _run(demo_runner)
    before = db.session.scalar(select(db.func.count()).select_from(Response))
    output = _run(demo_runner)
    for slug in SLUGS:
        assert f"{slug}: skipped (already has" in output
    assert db.session.scalar(select(db.func.count()).select_from(Response)) == before


def test_free_text_is_stored_for_theme_analysis_and_recurs(demo_runner):
    _run(demo_runner, "--survey", "workforce", "--responses", "150")
    survey, responses, _ = _answers_by_response("workforce")
    assert len(responses) == 300
    bank = load_phrases()["surveys"]["workforce"]["free_text"]["what_gets_in_the_way"]["themes"]
    phrase_theme = {phrase: theme for theme, phrases in bank.items() for phrase in phrases}
    texts = db.session.scalars(select(Answer).join(Response).where(
        Response.survey_id == survey.id, Answer.question_id == "what_gets_in_the_way")).all()
    assert 0.4 * 300 < len(texts) < 0.9 * 300
    themes = Counter()
    for answer in texts:
        assert answer.text == answer.value and answer.text_language == "en"
        parts = [part.strip() for part in answer.text.rstrip(".").split(". ")]
        assert all(part in phrase_theme for part in parts), answer.text
        themes.update({phrase_theme[part] for part in parts})
    assert set(themes) == set(bank), "every theme turns up"
    assert themes["caseloads"] > themes["systems"], "weighted themes recur more"
    closed = db.session.scalars(select(Answer).join(Response).where(
        Response.survey_id == survey.id, Answer.question_id == "agency")).all()
    assert all(a.text is None for a in closed)


def test_stored_answers_respect_show_and_skip_rules(demo_runner):
    _run(demo_runner, "--survey", "youth-voice", "--survey", "partnership")
    for slug in ("youth-voice", "partnership"):
        survey, _, answers = _answers_by_response(slug)
        definition = definition_of(survey.versions[-1])
        assert answers and all(definition.visible_answers(a) == a for a in answers)
    assert _answers_by_response("workforce")[1] == []


def test_demo_answers_are_screened_and_redacted_as_a_real_submit_is(demo_runner):
    """A disclosure among the demo phrases raises an alert for the DSL and stays out of theme sources."""
    from feedback_app.models import SafeguardingAlert
    from feedback_app.services import theme_sources

    output = _run(demo_runner, "--survey", "youth-voice")
    alerts = db.session.scalars(select(SafeguardingAlert)).all()
    assert alerts, "the demo's disclosures reach the safeguarding queue"
    assert f"{len(alerts)} possible disclosures sent to the safeguarding queue" in output
    # The demo's disclosures (the phrase bank's "concern" answers): which of them a run draws depends on the
    # survey's questions and the sample, so check every one that was drawn.
    concerns = ["Someone at home hurts me when they are drunk", "My friend is going out with an older man",
                "Older boys keep asking me to take packages across town"]
    drawn = [answer for answer in db.session.scalars(select(Answer)).all()
             if answer.text and any(concern in answer.text for concern in concerns)]
    assert drawn, "the demo draws at least one of its disclosures"
    for answer in drawn:
        [alert] = [a for a in alerts if a.response_id == answer.response_id and a.question_id == answer.question_id]
        assert alert.status.value == "new" and alert.categories
    texts = [a.text for a in theme_sources.collect({"surveys": ["youth-voice"]})]
    assert not any(concern in text for concern in concerns for text in texts)


def test_workforce_demo_text_is_redacted_but_not_screened(demo_runner):
    from feedback_app.models import SafeguardingAlert

    _run(demo_runner, "--survey", "workforce")
    assert db.session.scalars(select(SafeguardingAlert)).all() == [], "screening is off for this survey"


def test_no_surveys_loaded_is_an_error(app, runner):
    assert "demo-data" in app.cli.commands
    result = runner.invoke(args=["demo-data"])
    assert result.exit_code != 0
    assert "flask surveys load" in result.output


def test_demo_admin_is_printed_and_can_sign_in(runner, client_request):
    result = runner.invoke(args=["demo-admin"])
    assert result.exit_code == 0, result.output
    email, password = result.output.split("Demo staff sign-in: ")[1].split("  (")[0].split(" / ")
    client_request.submit("/staff/sign-in", {"email": email, "password": password})
    again = runner.invoke(args=["demo-admin"])
    new_password = again.output.split(" / ")[1].split("  (")[0]
    assert new_password != password
    client_request.submit("/staff/sign-in", {"email": email, "password": password}, _expected_status=401)


def test_demo_dsl_is_printed_can_read_the_queue_and_is_emailed_into_a_folder(app, demo_runner, client_request,
                                                                              tmp_path):
    app.config["MAIL_FOLDER"] = str(tmp_path / "mail")
    _run(demo_runner, "--survey", "youth-voice")
    result = demo_runner.invoke(args=["demo-admin"])
    assert result.exit_code == 0, result.output
    line = result.output.split("Demo safeguarding lead (DSL) sign-in: ")[1]
    email, password = line.split("  (")[0].split(" / ")
    assert "Emailed the DSL about" in result.output and str(tmp_path / "mail") in result.output
    emails = list((tmp_path / "mail").glob("*.eml"))
    assert emails and all(email in path.read_text() and "drunk" not in path.read_text() for path in emails)
    client_request.submit("/staff/sign-in", {"email": email, "password": password})
    queue = client_request.get("/staff/safeguarding/")
    assert len(queue.select("tbody tr")) >= 1
    assert queue.select_one(".app-safeguarding-banner") is None, "delivered, a DSL exists: no warning"


def test_demo_admin_is_refused_outside_the_embedded_demo(app, runner):
    app.config["EMBEDDED_DEMO"] = False
    result = runner.invoke(args=["demo-admin"])
    assert result.exit_code == 1
    assert "only for the embedded SQLite demo" in result.output


def test_a_one_off_command_leaves_no_background_job_running_when_it_exits(app, demo_runner):
    """Without Redis, a write asks for its audit in a thread of this process, whose result only this process keeps.
    A one-off command (``make run``'s ``flask demo-data``) used to exit with such threads inside scipy's HiGHS and
    abort ("terminate called without an active exception", exit status 134, about two runs in three): it now asks
    for none, and the server works the audit out when a page needs it."""
    from feedback_app import jobs

    app.config["RESULTS_AUDIT_PRECOMPUTE"] = True
    _run(demo_runner, "--survey", "youth-voice")
    assert jobs.join_all(timeout=0), "a background job is still running as the command ends"
