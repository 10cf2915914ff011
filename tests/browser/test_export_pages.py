"""The Excel export in Chromium (issue 23): ask for it, the page that polls while it is prepared, the
ready page with its link, and the file itself; each page axe clean. The walker visits the file's page as
every other role with the token offered here (another analyst or admin: not found; other roles: refused)."""

import pytest
from playwright.sync_api import expect

from feedback_app import jobs
from feedback_app.extensions import db
from tests.browser.conftest import assert_accessible, sample_args
from tests.browser.test_staff_pages import sign_in
from tests.feedback_app import results_data

pytestmark = pytest.mark.browser
ASKER = "export-asker@browser.test"


@pytest.fixture(scope="module")
def export_app(live_server):
    from feedback_app.services import accounts

    app = live_server["app"]
    with app.app_context():
        if accounts.user_queries.get_user_by_email(ASKER) is None:
            from tests.browser.test_staff_pages import PASSWORD

            accounts.create_user(ASKER, PASSWORD, ["analyst"])
        results_data.add(8, prefix="X")
        db.session.remove()
    return app


def test_asking_waiting_and_downloading(page, export_app, monkeypatch):
    sign_in(page, ASKER)
    page.goto("/staff/results/all-types/export.xlsx")
    expect(page.get_by_role("heading", level=1)).to_have_text("Download every response (Excel)")
    assert_accessible(page)

    held = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: held.append(args) or "held")
    with page.expect_navigation():
        page.get_by_role("button", name="Prepare the file").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your download is being prepared")
    assert_accessible(page)
    token = page.url.rstrip("/").rsplit("/", 1)[1]
    sample_args(token=token, filename="all-types-responses")

    [(func_path, export_id)] = held
    with export_app.app_context():
        jobs.resolve(func_path)(export_id)  # the job, run here rather than in a thread
        db.session.remove()
    # The page's script notices the file is ready and reloads it (no "Check now" click needed).
    expect(page.get_by_role("heading", level=1)).to_have_text("Your download is ready", timeout=15000)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download every response (Excel,").click()
    assert download.value.suggested_filename == "all-types-responses.xlsx"
