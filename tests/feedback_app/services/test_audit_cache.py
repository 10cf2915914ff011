"""The audit of breakdowns shared through Redis, worked out ahead of time by a background job, and never taken
from other data than the page's (``services.audit_cache``, ``results.survey_results``)."""

import os
import uuid

import pytest
from rq import SimpleWorker
from sqlalchemy import update

from feedback_app import jobs
from feedback_app.extensions import db
from feedback_app.models import Answer
from feedback_app.services import audit_cache, result_audit, result_counts, results
from tests.feedback_app import journey
from tests.feedback_app.services.test_results_audit import survey as survey  # noqa: F401 - the fixture
from tests.feedback_app.services.test_results_data_version import _pages, _told

REDIS_URL = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")


@pytest.fixture
def redis(app):
    app.config["REDIS_URL"] = REDIS_URL
    app.config["RESULTS_AUDIT_REDIS_PREFIX"] = f"test-{uuid.uuid4().hex}:"
    connection = jobs.redis_connection()
    queue = jobs.queue(connection)
    queue.empty()
    yield queue, connection
    queue.empty()
    for key in connection.scan_iter(match=app.config["RESULTS_AUDIT_REDIS_PREFIX"] + "*"):
        connection.delete(key)
    connection.close()
    client = app.extensions.pop("audit_cache.redis", None)
    if client is not None:
        client.close()


@pytest.fixture
def precompute(app):
    app.config["RESULTS_AUDIT_PRECOMPUTE"] = True
    app.config["RESULTS_AUDIT_SETTLE_SECONDS"] = 0
    audit_cache._PENDING.clear()
    yield
    jobs.join_all(30)
    audit_cache._PENDING.clear()


def test_an_audit_worked_out_in_one_process_is_used_by_another_through_redis(survey, redis):
    target, _codes = survey
    first, ran = _pages(target)
    assert ran
    audit_cache.clear_local()  # another gunicorn worker: nothing of its own
    again, ran = _pages(target)
    assert not ran and again == first


def test_without_a_reachable_redis_the_page_works_the_audit_out_itself(app, survey):
    target, _codes = survey
    app.config["REDIS_URL"] = "redis://127.0.0.1:1/0"
    found, ran = _pages(target)
    assert ran
    app.config["REDIS_URL"] = None
    audit_cache.clear_local()
    assert _pages(target)[0] == found


def test_a_submit_queues_one_job_and_does_not_work_the_audit_out_itself(survey, client_request, precompute,
                                                                         monkeypatch):
    target, _codes = survey
    queued = []
    monkeypatch.setattr(jobs, "enqueue", lambda path, *args, **kwargs: queued.append((path, args)))
    protect = result_audit.suppression_audit.protect
    monkeypatch.setattr(result_audit.suppression_audit, "protect", lambda *a, **k: pytest.fail("audit in submit"))
    for _ in range(2):
        journey.answer_all(client_request)
        journey.submit(client_request)
    monkeypatch.setattr(result_audit.suppression_audit, "protect", protect)
    assert queued == [("feedback_app.services.audit_cache.precompute", (target.id,))]  # one waiting job


def test_after_a_submit_the_job_leaves_the_audit_ready_without_redis(survey, client_request, precompute,
                                                                     monkeypatch):
    target, _codes = survey
    _pages(target)
    started, enqueue = [], jobs.enqueue
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: started.append(enqueue(*args, **kwargs)))
    journey.answer_all(client_request, {"tell": {"told_someone": "no"}})
    journey.submit(client_request)
    assert len(started) == 1 and jobs.join(started[0], 60)  # (other tests' threads may still be running)
    found, ran = _pages(target)
    assert not ran  # worked out by the job
    audit_cache.clear_local()
    assert _pages(target)[0] == found  # and of the new data
    assert not audit_cache._PENDING  # the next write queues a job again


def test_after_a_write_an_rq_worker_leaves_the_audit_ready_in_redis(survey, redis, precompute):
    target, _codes = survey
    queue, connection = redis
    _told(6).value = "no"
    db.session.commit()
    audit_cache.data_changed(target.id)
    audit_cache.data_changed(target.id)
    assert len(queue.job_ids) == 1  # one waiting job per survey
    SimpleWorker([queue], connection=connection).work(burst=True)
    audit_cache.clear_local()  # the web process did not work it out
    found, ran = _pages(target)
    assert not ran
    audit_cache.data_changed(target.id)
    assert len(queue.job_ids) == 1  # the job let the next write queue another
    audit_cache.clear_local()
    connection.delete(*connection.keys(audit_cache._prefix() + "audit:*"))
    assert _pages(target) == (found, True)


def test_a_page_that_needs_the_audit_queues_one_job_until_it_has_run(survey, redis):
    """``wanted``: a page without its audit (refreshing every few seconds while it waits) has the background job
    work it out, one job at a time; once it has run, the audit is ready for every process."""
    target, _codes = survey
    queue, connection = redis
    audit_cache.wanted(target.id)
    audit_cache.wanted(target.id)
    assert len(queue.job_ids) == 1
    SimpleWorker([queue], connection=connection).work(burst=True)
    audit_cache.clear_local()  # the web process did not work it out
    assert not _pages(target)[1]
    audit_cache.wanted(target.id)
    assert len(queue.job_ids) == 1  # the job over, the next page without an audit may ask again


def test_a_page_does_not_queue_a_job_while_a_writes_job_waits(survey, redis, precompute):
    target, _codes = survey
    queue, _connection = redis
    audit_cache.data_changed(target.id)
    audit_cache.wanted(target.id)
    assert len(queue.job_ids) == 1


def test_a_write_while_a_page_reads_makes_it_read_again(survey):
    """A write between the page's counts and its audit: figures and audit of the same data, the newer."""
    target, _codes = survey
    loads = []
    real = result_counts.load

    def load_then_write(*args, **kwargs):
        counts = real(*args, **kwargs)
        if not loads:
            db.session.execute(update(Answer).where(Answer.id == _told(6).id).values(value="no"))
            db.session.commit()
        loads.append(True)
        return counts

    result_counts.load = load_then_write
    try:
        during, _ran = _pages(target)
    finally:
        result_counts.load = real
    assert len(loads) == 4  # the first page read twice, the others once
    audit_cache.clear_local()
    assert _pages(target)[0] == during


def test_an_audit_is_never_stored_under_a_version_other_than_the_data_it_read(survey, monkeypatch):
    target, _codes = survey
    stored = []
    monkeypatch.setattr(audit_cache, "put", lambda key, found: stored.append(key))
    with pytest.raises(result_audit.DataChanged):  # read as of a version the data has moved on from
        results._survey_results(target, 2025, "age_band", "en", ("an older epoch", 1))
    assert stored == []


AGE_PAGE = "/staff/results/{slug}?year=2025&breakdown=age_band"


def _age_page(client_request, slug):
    page = client_request.get(AGE_PAGE.format(slug=slug))
    cells = [cell.text.strip() for cell in page.select("main table td, main table th")]
    assert cells
    return page, page.select_one(".app-results-age"), cells


def _being_prepared(page):
    return page.select_one("h1").text.strip() == "These figures are being prepared" and not page.select("main table")


def test_while_the_new_data_is_audited_the_page_shows_its_last_figures_and_says_how_old(
        survey, client_request, sign_in, precompute, monkeypatch):
    """During an assembly every submit moves the data: the breakdown page shows the figures it made a moment ago
    (figures and audit of one version), saying so, instead of working the audit out inline on each visit; once
    the background job has worked out the new data's audit, the new figures, without the notice."""
    target, _codes = survey
    sign_in("analyst")
    queued = []
    monkeypatch.setattr(jobs, "enqueue", lambda path, *args, **kwargs: queued.append(args))
    results.warm_audit(target.id)  # (the warm-up at start, or an earlier job)
    first, notice, before = _age_page(client_request, target.slug)
    assert notice is None
    _told(6).value = "no"  # a write (a DSL's review, a new response...): the data version moves
    db.session.commit()
    audit_cache.data_changed(target.id)
    assert queued == [(target.id,)]
    monkeypatch.setattr(result_audit.suppression_audit, "protect", lambda *a, **k: pytest.fail("audited inline"))
    _page, notice, during = _age_page(client_request, target.slug)
    assert notice is not None and "seconds ago" in notice.text
    assert during == before  # the same figures, not half new
    monkeypatch.undo()
    audit_cache.precompute(target.id)  # the job
    _page, notice, after = _age_page(client_request, target.slug)
    assert notice is None and after != before


def test_the_last_figures_are_not_shown_when_too_old_or_for_the_report(survey, client_request, sign_in, precompute,
                                                                        app, monkeypatch):
    """Printed and published: always the data as it is; and a kept page only so long. Neither works the audit
    out in the request: until the job has, they say the figures are being prepared."""
    target, _codes = survey
    sign_in("analyst")
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: None)  # the job comes later
    results.warm_audit(target.id)
    _age_page(client_request, target.slug)
    _told(6).value = "no"
    db.session.commit()
    monkeypatch.setattr(result_audit.suppression_audit, "protect", lambda *a, **k: pytest.fail("audited inline"))
    report = client_request.get(f"/staff/results/{target.slug}/report?year=2025&breakdown=age_band")
    assert _being_prepared(report) and report.select_one(".app-results-age") is None
    assert _age_page(client_request, target.slug)[1] is not None  # the page: its last figures, saying so
    app.config["RESULTS_STALE_SECONDS"] = 0
    assert _being_prepared(client_request.get(AGE_PAGE.format(slug=target.slug)))


def test_a_page_kept_from_the_same_data_is_shown_without_the_notice(survey, client_request, sign_in, precompute):
    """The audit dropped from the caches (this process's evicted, no Redis) with nothing new: the kept page is of
    this very data, so it is shown as current (no "newer responses" notice, which would be untrue)."""
    target, _codes = survey
    sign_in("analyst")
    results.warm_audit(target.id)
    _page, _notice, before = _age_page(client_request, target.slug)
    audit_cache.clear_local(pages=False)
    _page, notice, again = _age_page(client_request, target.slug)
    assert notice is None and again == before


def test_a_survey_loaded_again_is_never_shown_from_a_page_kept_for_its_old_version(
        survey, client_request, sign_in, precompute, runner, tmp_path, monkeypatch):
    """``flask surveys load`` with a changed question: the results page shows the new version at once, even while
    the new data's audit is still to be worked out and a page of the old version is kept."""
    from pathlib import Path

    import yaml

    target, _codes = survey
    sign_in("analyst")
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: None)  # the job comes later
    results.warm_audit(target.id)
    page = client_request.get(f"/staff/results/{target.slug}?year=2025&breakdown=age_band")
    assert page.select_one("h2:-soup-contains('Adults listen to me')")
    source = Path(__file__).resolve().parents[2] / "fixtures" / "surveys" / "all-types.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    for section in data["pages"]:
        for question in section.get("questions", []):
            if question["id"] == "adults_listen":
                question["text"]["en"] = "Adults really listen to me"
    (tmp_path / "all-types.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert "new version" in result.output, result.output
    page = client_request.get(f"/staff/results/{target.slug}?year=2025&breakdown=age_band")
    assert _being_prepared(page)  # not the old version's figures
    results.warm_audit(target.id)  # the job
    page = client_request.get(f"/staff/results/{target.slug}?year=2025&breakdown=age_band")
    assert page.select_one("h2:-soup-contains('Adults really listen to me')")
    assert page.select_one(".app-results-age") is None


def test_the_warm_up_at_start_leaves_every_survey_audit_ready(app, survey):
    """``flask run`` (``make run``, no Redis) works the audits out in a thread as it starts: the first breakdown
    page then finds its audit ready instead of working it out (15 s for the demo's youth survey)."""
    target, _codes = survey
    audit_cache.clear_local()
    assert audit_cache.warm_at_start(app).join(120) is None
    found, ran = _pages(target)
    assert not ran
    audit_cache.clear_local()
    assert _pages(target) == (found, True)  # the same audit as a page works out itself


@pytest.mark.parametrize(("argv", "warms"), [
    (["/srv/.venv/bin/flask", "run", "--host", "127.0.0.1"], True),
    (["/srv/.venv/bin/flask", "db", "upgrade"], False),
    (["/srv/.venv/bin/flask", "worker"], False),
    (["/srv/.venv/bin/gunicorn", "feedback_app:create_app()"], False),
])
def test_only_flask_run_warms_the_audits_at_start(monkeypatch, argv, warms):
    import feedback_app

    monkeypatch.setattr("sys.argv", argv)
    assert feedback_app._runs_server() is warms
