"""Theme pages: starting a run, its progress, the review and every review form."""

import pytest
from sqlalchemy import select

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import AuditEvent, RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import theme_runs
from tests.conftest import path_of
from tests.feedback_app.test_jobs import REDIS_URL
from tests.feedback_app.theme_data import finished_run, load_demo


@pytest.fixture
def demo(app):
    load_demo(per_year=40, slugs=("workforce", "youth-voice"))


@pytest.fixture
def analyst(sign_in, demo):
    return sign_in("analyst")


@pytest.fixture
def run(analyst):
    return finished_run(analyst)


def _themes(run):
    return [theme for theme, _size in theme_queries.list_themes(run.id)]


def _base(run):
    return f"/staff/themes/{run.id}"


def test_the_menu_has_themes_for_analysts(client_request, analyst):
    page = client_request.get("/staff/themes")
    assert "Themes" in [a.text.strip() for a in page.select(".govuk-service-navigation__item a")]
    assert page.select_one("a[href='/staff/themes/new']")


def test_viewers_cannot_see_runs(client_request, sign_in, run):
    client_request.client.post("/staff/sign-out")
    sign_in("viewer")
    client_request.get(_base(run), _expected_status=403)
    client_request.get(f"{_base(run)}/status.json", _expected_status=403)


def test_starting_a_run_from_the_form(client_request, analyst):
    page = client_request.get("/staff/themes/new")
    assert page.select("input[name=audiences]") and page.select("input[name=questions]")
    assert [o["value"] for o in page.select("select[name=previous] option")][:2] == ["auto", "none"]
    response = client_request.submit("/staff/themes/new", {"title": "What helps", "audiences": "practitioners",
                                                           "questions": "workforce:what_helps", "k": "4"})
    run_id = int(path_of(response.location).rsplit("/", 1)[1])
    found = theme_queries.get_run(run_id)
    assert found.sources["questions"] == ["workforce:what_helps"] and found.k == 4
    assert jobs.join(found.job_id, timeout=60)
    page = client_request.get(f"/staff/themes/{run_id}")
    assert page.select_one("h1").text.strip() == "What helps"
    sections = page.select("section.app-theme")
    labelled = [s for s in sections if not s.select_one(".app-theme__other")]
    assert len(labelled) == 4 and len(sections) - len(labelled) <= 1  # k themes, perhaps "Other answers" last
    if len(sections) > 4:
        assert sections[-1].select_one(".app-theme__other") and "Other answers" in sections[-1].text


def test_a_form_with_errors_keeps_what_was_typed(client_request, analyst):
    page = client_request.submit("/staff/themes/new", {"title": "", "surveys": "workforce", "k": "99"},
                                 _expected_status=400)
    assert page.select_one("title").text.startswith("Error:")
    messages = page.select_one(".govuk-error-summary").text
    assert "Enter a name for the run" in messages and "between 2 and 30" in messages
    assert page.select_one("input[name=surveys][value=workforce]").has_attr("checked")
    assert page.select_one("input[name=k]")["value"] == "99"
    assert theme_queries.list_runs() == []


def test_sources_that_match_nothing_are_refused(client_request, analyst):
    page = client_request.submit("/staff/themes/new", {"title": "Nothing", "surveys": "workforce",
                                                       "questions": "youth-voice:" + _youth_question()},
                                 _expected_status=400)
    assert "No answers match" in page.select_one(".govuk-error-summary").text
    assert theme_queries.list_runs() == []


def _youth_question():
    from feedback_app.services import theme_sources

    return theme_sources.theme_questions(theme_queries.list_surveys(["youth-voice"])[0])[0][0]


def test_progress_page_polls_with_javascript_and_has_a_refresh_link_and_cancel(client_request, analyst, app):
    app.config["REDIS_URL"] = REDIS_URL
    queue = jobs.queue()
    queue.empty()
    queued = theme_runs.start(analyst, "Waiting", {"surveys": ["workforce"]})
    page = client_request.get(_base(queued))
    progress = page.select_one("[data-module=app-run-progress]")
    assert progress["data-status-url"] == f"{_base(queued)}/status.json"
    assert page.select_one("progress#run-progress")["value"] == "0"
    assert page.select_one(f".app-run-progress__refresh a[href='{_base(queued)}']")
    assert page.select_one("script[src$='theme-progress.js']")
    # Redis and no worker listening: the run waits until one starts, and the page says so.
    assert "No background worker is running" in page.select_one(".app-nobody-working").text
    inline = [s for s in page.select("script") if not s.get("src") and "js-enabled" not in s.text]
    assert inline == [], "no inline script of ours"
    status = client_request.client.get(f"{_base(queued)}/status.json").get_json()
    assert status == {"status": "queued", "label": "Queued", "progress": 0, "stage": "Waiting for a worker",
                      "finished": False, "error": None}
    client_request.submit(f"{_base(queued)}/cancel", _form_url=_base(queued))
    page = client_request.get(_base(queued))
    assert "cancelled" in page.select_one("main").text
    assert page.select_one(f"form[action='{_base(queued)}/retry']")
    client_request.submit(f"{_base(queued)}/retry", _form_url=_base(queued))
    assert theme_queries.get_run_for_update(queued.id).status == RunStatus.queued
    queue.empty()


def test_a_failed_run_shows_why_and_offers_a_retry(client_request, analyst, monkeypatch):
    monkeypatch.setattr(theme_runs, "_pipeline", lambda run: (_ for _ in ()).throw(ValueError("bad <input>")))
    failed = theme_runs.start(analyst, "Broken", {"surveys": ["workforce"]})
    assert jobs.join(failed.job_id, timeout=60)
    page = client_request.get(_base(failed))
    assert "ValueError: bad <input>" in page.select_one(".govuk-warning-text").text
    assert page.select_one(f"form[action='{_base(failed)}/retry'] button")
    monkeypatch.undo()
    client_request.submit(f"{_base(failed)}/retry", _form_url=_base(failed))
    retried = theme_queries.get_run_for_update(failed.id)
    assert jobs.join(retried.job_id, timeout=60)
    assert theme_queries.get_run_for_update(failed.id).status == RunStatus.complete


def test_review_page_lists_themes_with_sizes_shares_and_quotes(client_request, run):
    page = client_request.get(_base(run))
    sections = page.select("section.app-theme")
    assert len(sections) == len(_themes(run))
    first = _themes(run)[0]
    assert sections[0].select_one("h3 a").text.strip() == first.label
    assert sections[0].select("blockquote")
    assert "of answers" in sections[0].text and "New theme" in sections[0].text
    assert not page.select_one(f"form[action='{_base(run)}/undo']")


def test_rename_from_the_theme_page_then_undo(client_request, run):
    theme = _themes(run)[0]
    url = f"{_base(run)}/themes/{theme.id}"
    page = client_request.submit(f"{url}/rename", {"rename-label": ""}, _expected_status=400, _form_url=url)
    assert page.select_one("title").text.startswith("Error:")
    assert page.select_one("#rename-label-error")
    client_request.submit(f"{url}/rename", {"rename-label": "<b>Waits</b> for CAMHS"}, _form_url=url)
    page = client_request.get(url)
    assert page.select_one("h1").text.strip() == "<b>Waits</b> for CAMHS"  # escaped, shown as typed
    assert "Renamed" in page.select_one(".app-undo").text
    client_request.submit(f"{_base(run)}/undo", {"theme_id": str(theme.id)}, _form_url=url)
    assert client_request.get(url).select_one("h1").text.strip() == theme.original_label
    history = client_request.get(f"{_base(run)}/history")
    assert "analyst@partnership.example" in history.select_one("table").text
    assert "Undone" in history.select_one("table").text


def test_merge_split_exclude_narrative_and_results_through_the_forms(client_request, run):
    first, second, third = _themes(run)[:3]
    url = f"{_base(run)}/themes/{first.id}"
    page = client_request.submit(f"{url}/merge", {"merge-target": ""}, _expected_status=400, _form_url=url)
    assert "Choose the theme to merge with" in page.select_one(".govuk-error-summary").text
    response = client_request.submit(f"{url}/merge", {"merge-target": str(second.id)}, _form_url=url)
    assert path_of(response.location) == f"{_base(run)}/themes/{second.id}"
    assert "was merged into" in client_request.get(url).select_one("main").text
    url = f"{_base(run)}/themes/{third.id}"
    client_request.submit(f"{url}/split", {"split-parts": "2"}, _form_url=url)
    client_request.submit(f"{url}/exclude", _form_url=url)
    assert client_request.get(url).select_one(f"form[action='{url}/include']")
    client_request.submit(f"{url}/narrative", {"theme-narrative": "Long waits."}, _form_url=url)
    page = client_request.submit(f"{url}/narrative", {"theme-narrative": "x" * 2001}, _expected_status=400,
                                 _form_url=url)
    assert page.select_one("#theme-narrative-error")
    page = client_request.get(url)
    choice = page.select("select[name=link-result] option")[1]["value"]
    client_request.submit(f"{url}/results", {"link-result": choice}, _form_url=url)
    page = client_request.get(url)
    assert page.select_one(".app-linked-result table")
    remove = page.select_one(".app-linked-result form")["action"]
    client_request.submit(remove, _form_url=url)
    client_request.submit(f"{_base(run)}/narrative", {"run-narrative": "Waiting times dominate."}, _form_url=_base(run))
    ops = [e.op for e in theme_queries.list_review_events(run.id)]
    assert ops == ["run_narrative", "unlink_result", "link_result", "narrative", "exclude", "split", "merge"]
    actions = {e.action for e in db.session.scalars(select(AuditEvent))}
    assert {"themes.merge", "themes.split", "themes.exclude", "themes.link_result"} <= actions


def test_answers_page_moves_an_answer_and_is_audited(client_request, run):
    source, target = _themes(run)[:2]
    url = f"{_base(run)}/themes/{source.id}/answers"
    page = client_request.get(url)
    forms = page.select("form.app-move-answer")
    assert forms and len(forms) <= 25
    answer_action = forms[0]["action"]
    client_request.submit(answer_action, {"move-target": str(target.id)}, _form_url=url)
    answer_id = int(answer_action.split("/")[-2])
    assert theme_queries.get_assignment(run.id, answer_id).theme_id == target.id
    audit = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "themes.answers_viewed")).first()
    assert audit.detail["theme"] == source.id


def test_pages_of_another_run_or_an_unfinished_run_are_not_found(client_request, run, analyst, app):
    other = finished_run(analyst, {"surveys": ["youth-voice"]})
    theme = _themes(other)[0]
    client_request.get(f"{_base(run)}/themes/{theme.id}", _expected_status=404)
    client_request.get("/staff/themes/999999", _expected_status=404)
    app.config["REDIS_URL"] = REDIS_URL
    queued = theme_runs.start(analyst, "Queued", {"surveys": ["workforce"]})
    jobs.queue().empty()
    client_request.get(f"{_base(queued)}/history", _expected_status=404)


def test_a_theme_page_links_to_proposing_an_audit_from_it(client_request, run):
    theme = _themes(run)[0]
    page = client_request.get(f"{_base(run)}/themes/{theme.id}")
    link = page.select_one("a[href^='/staff/audits/new']")
    assert link is not None and link.text.strip() == "Propose an audit from this theme"
    form_page = client_request.get(link["href"])
    assert form_page.select_one(f"input[name=themes][value='{theme.id}'][checked]") is not None
