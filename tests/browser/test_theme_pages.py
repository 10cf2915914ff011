"""Theme runs and their review in Chromium: every page at zero axe-core violations, and a merge.

The helpers (``open_theme``, ``merge_into``) are meant to be reused by later steps of the
journey, such as promoting a reviewed theme to an audit proposal.
"""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from feedback_app import jobs, queries
from feedback_app.extensions import db
from feedback_app.models import RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import demo_data, theme_runs
from tests.browser.conftest import assert_accessible, sample_args
from tests.browser.test_staff_pages import sign_in, staff_user

pytestmark = pytest.mark.browser
TITLE = "Browser: workforce themes"


@pytest.fixture(scope="module")
def theme_app(live_server):
    """Demo workforce answers, one finished run, one that failed and one a worker is busy with."""
    app = live_server["app"]
    analyst = staff_user(app, "analyst")
    with app.app_context():
        demo_data.generate(seed=11, per_year=40, slugs={"workforce"})
        run = theme_runs.start(None, TITLE, {"surveys": ["workforce"]})
        assert jobs.join(run.job_id, timeout=120)
        failed = theme_runs.start(None, "Browser: no answers", {"surveys": ["workforce"], "years": [1999]})
        assert jobs.join(failed.job_id, timeout=60)
        with queries.transaction():
            busy = datetime.now(UTC) + timedelta(days=1)  # its heartbeat stays fresh for the whole test
            queued = theme_queries.add_run(title="Browser: running", sources={"surveys": ["workforce"]},
                                           backend="tfidf", seed=0, status=RunStatus.running, stage="analysing",
                                           progress=30, cancel_requested=False, attempts=1, answer_count=0,
                                           non_answer_count=0, heartbeat_at=busy)
        ids = {"run": run.id, "failed": failed.id, "queued": queued.id,
               "themes": [(t.id, t.label) for t, _s in theme_queries.list_themes(run.id)]}
        assert theme_queries.get_run_for_update(run.id).status == RunStatus.complete
        db.session.remove()
    sample_args(run_id=ids["run"], theme_id=ids["themes"][0][0])
    return {"app": app, "analyst": analyst, **ids}


def open_theme(page, run_id, label):
    """From the run's review page, open one theme's page."""
    page.goto(f"/staff/themes/{run_id}")
    with page.expect_navigation():
        page.get_by_role("link", name=label, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)


def merge_into(page, label):
    """On a theme's page, merge it into the theme called ``label``; lands on that theme."""
    page.get_by_label("Merge this theme into").select_option(label=label)
    with page.expect_navigation():
        page.get_by_role("button", name="Merge", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(label)


def test_every_theme_page_has_no_axe_violations(page, theme_app):
    sign_in(page, theme_app["analyst"])
    with page.expect_navigation():
        page.get_by_role("navigation", name="Staff menu").get_by_role("link", name="Themes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Themes")
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Start a theme run").click()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Start the run").click()  # nothing filled in
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    run_id = theme_app["run"]
    page.goto(f"/staff/themes/{run_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)
    theme_id, label = theme_app["themes"][0]
    open_theme(page, run_id, label)
    assert_accessible(page)
    page.get_by_label("New name").fill("")
    with page.expect_navigation():
        page.get_by_role("button", name="Rename").click()
    assert page.title().startswith("Error:")
    assert_accessible(page)
    page.goto(f"/staff/themes/{run_id}/themes/{theme_id}/answers")
    assert_accessible(page)
    page.goto(f"/staff/themes/{run_id}/history")
    assert_accessible(page)

    page.goto(f"/staff/themes/{theme_app['failed']}")
    expect(page.get_by_role("button", name="Retry the run")).to_be_visible()
    assert_accessible(page)


def test_progress_updates_with_javascript_and_offers_a_refresh_link_without(page, page_without_js, theme_app):
    url = f"/staff/themes/{theme_app['queued']}"
    sign_in(page, theme_app["analyst"])
    with page.expect_response(lambda response: response.url.endswith("/status.json")):
        page.goto(url)
    expect(page.get_by_role("link", name="Refresh to see progress")).to_be_hidden()
    expect(page.locator("[data-run-stage]")).to_have_text("Finding themes")
    expect(page.locator("[data-run-status]")).to_have_text("Running")
    assert_accessible(page)
    sign_in(page_without_js, theme_app["analyst"])
    page_without_js.goto(url)
    expect(page_without_js.get_by_role("link", name="Refresh to see progress")).to_be_visible()
    assert_accessible(page_without_js)


def test_an_analyst_merges_two_themes_and_can_undo_it(page, theme_app):
    (_first_id, first), (_second_id, second) = theme_app["themes"][1:3]
    sign_in(page, theme_app["analyst"])
    open_theme(page, theme_app["run"], first)
    merge_into(page, second)
    expect(page.locator(".app-undo")).to_contain_text(f"Merged “{first}” into “{second}”")
    assert_accessible(page)
    page.goto(f"/staff/themes/{theme_app['run']}")
    expect(page.get_by_role("link", name=first, exact=True)).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Undo the last change").click()
    expect(page.get_by_role("link", name=first, exact=True)).to_have_count(1)
