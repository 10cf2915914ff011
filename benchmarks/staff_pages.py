"""Staff pages that read many rows, timed server-side on a survey with 10,000 responses.

    FEEDBACK_APP_ENV=development DATABASE_URL=postgresql://postgres@127.0.0.1:5432/load_staff \\
        .venv/bin/python benchmarks/staff_pages.py --prepare --requests 3

``--prepare`` runs the migrations, then builds the database (surveys/, ``flask demo-data --survey youth-voice
--responses 5000``: 10,000 responses over two years; several minutes) when it holds no responses yet,
runs ``ANALYZE`` (as autovacuum would) and adds a finished theme run over the youth survey's free text
(the tf-idf backend) when there is none. Then, in this process, one signed-in admin opens each page
``--requests`` times through Flask's test client against that PostgreSQL database: results, results by
cohort and by a question for one year, year on year, the report, the summary CSV, the response export
(CSV and XLSX), the free-text page and the theme pages (a run, its largest theme, that theme's answers).
The Excel export is built in the background (``services.export_files``): its page is timed as a page, and
the job itself is timed apart, run in this process, with the peak of Python memory it allocated (tracemalloc,
a separate run: tracing slows it). Prints median and maximum wall time and CPU time (``time.process_time``)
per page, and the first request's
(a cache filled on first use, such as the audit of breakdowns, shows there); exit status 1 if
a page's median is 1 s or more (the goal of issue 23).

The audit of breakdowns is worked out first, as the background job would (no page works it out: without it a
breakdown page says its figures are being prepared). Then, for the breakdown pages, that audit in three states:
**cold** (nothing cached here or in Redis: the page says its figures are being prepared and queues the job, then
the job is run as below), **warm** (cached), and
**after a new response**: a respondent completes the survey through the respondent pages (the submit POST
timed); each breakdown page is opened before the job has run (it shows the figures it made a moment ago, with
their age, when ``RESULTS_STALE_SECONDS`` allows); then the background job that the submit queued runs
(with ``REDIS_URL``: ``flask worker --burst`` in
another process, as an RQ worker would, the settle time set to 0; without: the thread in this process), then
this process forgets its own copy (as the other gunicorn worker would not have it) and opens each
breakdown page. ``--no-audit-phases`` leaves this out.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SLUG = "youth-voice"
GOAL_SECONDS = 1.0
PASSWORD = "staff-pages-benchmark-" + os.urandom(4).hex()


def prepare(app):
    from sqlalchemy import func, select, text

    from feedback_app.extensions import db
    from feedback_app.models import Response

    env = {**os.environ, "FLASK_APP": "feedback_app"}
    subprocess.run([sys.executable, "-m", "flask", "db", "upgrade"], cwd=ROOT, env=env, check=True)
    with app.app_context():
        responses = db.session.scalar(select(func.count()).select_from(Response))
    if not responses:
        for command in (["surveys", "load", "--directory", "surveys"],
                        ["demo-data", "--survey", SLUG, "--responses", "5000"]):
            subprocess.run([sys.executable, "-m", "flask", *command], cwd=ROOT, env=env, check=True)
    with app.app_context():
        db.session.commit()
        with db.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
        _theme_run()


def _theme_run():
    """A finished tf-idf theme run over the youth survey's free text, made once."""
    from feedback_app import queries
    from feedback_app.models import RunStatus
    from feedback_app.queries import themes as theme_queries
    from feedback_app.services import theme_runs, theme_sources

    if any(run.status == RunStatus.complete for run in theme_queries.list_runs(limit=20)):
        return
    sources = theme_sources.normalise({"surveys": [SLUG]})
    with queries.transaction():
        run = theme_queries.add_run(title="Staff pages benchmark", sources=sources, backend="tfidf", k=None, seed=0,
                                    status=RunStatus.queued, progress=0, cancel_requested=False, attempts=0,
                                    answer_count=0, non_answer_count=0)
    began = time.monotonic()
    theme_runs.execute(run.id)
    print(f"theme run {run.id} made in {time.monotonic() - began:.0f} s", flush=True)


def sign_in(app, client):
    from bs4 import BeautifulSoup

    from feedback_app.services import accounts

    email = f"benchmark-{os.urandom(3).hex()}@staff-pages.invalid"
    with app.app_context():
        accounts.create_user(email, PASSWORD, ["admin", "analyst"])
    page = BeautifulSoup(client.get("/staff/sign-in").get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]
    signed_in = client.post("/staff/sign-in", data={"csrf_token": token, "email": email, "password": PASSWORD})
    if signed_in.status_code != 302:
        raise SystemExit(f"sign-in failed: {signed_in.status_code}")


def _span(survey_id):
    from sqlalchemy import func, select

    from feedback_app.extensions import db
    from feedback_app.models import Response

    return db.session.execute(select(func.min(Response.submitted_at), func.max(Response.submitted_at))
                              .where(Response.survey_id == survey_id)).one()


def pages(app):
    from feedback_app.models import RunStatus
    from feedback_app.queries import results as result_queries
    from feedback_app.queries import surveys as survey_queries
    from feedback_app.queries import themes as theme_queries

    with app.app_context():
        survey = survey_queries.get_survey_by_slug(SLUG)
        first, last = (getattr(result_queries, 'submitted_span', None) or _span)(survey.id)
        year = last.year
        base = f"/staff/results/{SLUG}"
        listed = [("results, all years (year on year)", base),
                  (f"results, {year}", f"{base}?year={year}"),
                  (f"results, {year}, by cohort", f"{base}?year={year}&breakdown=cohort"),
                  (f"results, {year}, by age", f"{base}?year={year}&breakdown=age_band"),
                  ("report", f"{base}/report"),
                  ("summary CSV", f"{base}/summary.csv"),
                  (f"summary CSV, {year}, by cohort", f"{base}/summary.csv?year={year}&breakdown=cohort"),
                  ("free text", f"{base}/text"),
                  ("responses export CSV", f"{base}/export.csv"),
                  ("responses export XLSX", f"{base}/export.xlsx")]
        runs = [run for run in theme_queries.list_runs(limit=20) if run.status == RunStatus.complete]
        if runs:
            run = runs[0]
            listed.append(("theme run", f"/staff/themes/{run.id}"))
            themes = theme_queries.list_themes(run.id)  # largest first
            if themes:
                largest = themes[0][0]
                listed += [("theme page", f"/staff/themes/{run.id}/themes/{largest.id}"),
                           ("theme answers", f"/staff/themes/{run.id}/themes/{largest.id}/answers")]
        return listed, first.year, last.year


def _xlsx_job(app, requests):
    """The background job that writes the Excel export: wall, CPU and peak traced memory (not a page)."""
    import tracemalloc

    from feedback_app.queries import exports as export_queries
    from feedback_app.queries import surveys as survey_queries
    from feedback_app.queries import users as user_queries
    from feedback_app.services import export_files

    walls, cpus = [], []
    with app.app_context():
        survey = survey_queries.get_survey_by_slug(SLUG)
        user = user_queries.list_users()[-1]
        for run in range(requests + 1):
            export = _queued(user, survey)
            traced = run == requests
            if traced:
                tracemalloc.start()
            wall, cpu = time.perf_counter(), time.process_time()
            export_files.build(export.id)
            if traced:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            else:
                cpus.append(time.process_time() - cpu)
                walls.append(time.perf_counter() - wall)
        status = export_files.state(export_queries.get_export_file_by_id(export.id))
        export_files.purge(now=export.expires_at)
    print(f"| responses export XLSX, built in the background (job, not a page) | {status} | "
          f"{statistics.median(walls):.2f} / {max(walls):.2f} | {statistics.median(cpus):.2f} | "
          f"peak traced memory {peak / 1e6:.1f} MB |", flush=True)


def _queued(user, survey):
    """An export file asked for, its job not enqueued (``_xlsx_job`` runs it here)."""
    from unittest import mock

    from feedback_app.services import export_files

    with mock.patch("feedback_app.jobs.enqueue"):
        return export_files.start(user, survey, None, "en")


def _time(client, path, body=None):
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get(path)
    text = response.get_data()
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code}")
    if body is not None:
        body.append(text)
    return time.perf_counter() - wall, time.process_time() - cpu


def _forget_audits(app):
    """Nothing cached: this process's copies (audits and the pages kept), and (with Redis) every stored audit
    under the prefix."""
    from feedback_app.services import audit_cache

    audit_cache.clear_local()
    with app.app_context():
        client = audit_cache._redis()
        if client is not None:
            keys = list(client.scan_iter(match=audit_cache._prefix() + "audit:*"))
            if keys:
                client.delete(*keys)


def respond(app):
    """A respondent completes the survey through the respondent pages; returns the submit POST's wall time."""
    from load import answers_for, read

    client = app.test_client()
    page = read(client.get(f"/s/{SLUG}").get_data(as_text=True))
    response = client.post(page.action, data=page.hidden)
    submit_seconds = None
    for _ in range(80):
        location = response.headers.get("Location", "")
        if response.status_code != 302:
            raise SystemExit(f"respondent: {response.status_code} at {response.request.path}")
        if location.endswith("/confirmation"):
            return submit_seconds
        page_response = client.get(location)
        if page_response.status_code == 302:
            response = page_response
            continue
        form = read(page_response.get_data(as_text=True))
        is_check = location.endswith("/check")
        data = form.hidden if is_check else answers_for(form)
        began = time.perf_counter()
        response = client.post(form.action or location, data=data)
        if is_check:
            submit_seconds = time.perf_counter() - began
    raise SystemExit("respondent: the journey did not end")


def run_precompute(app):
    """Run the job the submit queued: an RQ worker in another process with Redis, the thread here without."""
    from feedback_app import jobs

    began = time.perf_counter()
    if app.config.get("REDIS_URL"):
        env = {**os.environ, "FLASK_APP": "feedback_app", "RESULTS_AUDIT_SETTLE_SECONDS": "0"}
        subprocess.run([sys.executable, "-m", "flask", "worker", "--burst"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    else:
        jobs.join_all(600)
    return time.perf_counter() - began


def audit_phases(app, client, listed, requests):
    breakdowns = [(label, path) for label, path in listed if "breakdown=" in path and "summary" not in label]
    print("\n| breakdown page, audit of breakdowns | cold: the page (being prepared) wall / CPU s, the job wall s | "
          "warm: median wall / CPU s | "
          "after a new response, before the job: wall / CPU s | after a new response, the job run: wall / CPU s |"
          "\n|---|---|---|---|---|")
    rows = {}
    colds = {}
    for label, path in breakdowns:
        _forget_audits(app)
        body = []
        colds[label] = (*_time(client, path, body), run_precompute(app))
        if b"These figures are being prepared" not in body[0]:
            raise SystemExit(f"{path}: a page without its audit did not say its figures are being prepared")
    for label, path in breakdowns:  # (each page kept since, as a server keeps it between visits)
        warm = [_time(client, path) for _ in range(requests)]
        rows[label] = (path, colds[label], (statistics.median(w for w, _c in warm),
                                            statistics.median(c for _w, c in warm)))
    submit_seconds = respond(app)
    waiting = {}
    for label, (path, _cold, _warm) in rows.items():
        body = []
        waiting[label] = (*_time(client, path, body), b"app-results-age" in body[0])
    job_seconds = run_precompute(app)
    from feedback_app.services import audit_cache

    if app.config.get("REDIS_URL"):
        audit_cache.clear_local()  # another worker's view: only what the job (another process) stored in Redis
    slow = []
    for label, (path, cold, warm) in rows.items():
        after = _time(client, path)
        before_job = waiting[label]
        if max(warm[0], after[0], before_job[0]) >= GOAL_SECONDS:
            slow.append(label)
        shown = "the last figures, their age shown" if before_job[2] else "being prepared"
        print(f"| {label} (`{path}`) | {cold[0]:.2f} / {cold[1]:.2f}, {cold[2]:.2f} | {warm[0]:.2f} / {warm[1]:.2f} | "
              f"{before_job[0]:.2f} / {before_job[1]:.2f} ({shown}) | {after[0]:.2f} / {after[1]:.2f} |", flush=True)
    where = "an RQ worker, Redis" if app.config.get("REDIS_URL") else "a thread here, no Redis"
    print(f"\nThe respondent's submit POST: {submit_seconds:.3f} s wall. The job ({where}; with Redis this includes "
          f"starting the worker process): {job_seconds:.2f} s wall.")
    return slow


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=3)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--only", default="", help="only pages whose label contains this")
    parser.add_argument("--no-audit-phases", action="store_true", help="leave out the breakdown audit's phases")
    args = parser.parse_args(argv)

    from sqlalchemy import func, select

    from feedback_app import create_app
    from feedback_app.extensions import db
    from feedback_app.models import Response

    app = create_app()
    if args.prepare:
        prepare(app)
    client = app.test_client()
    sign_in(app, client)
    listed, first, last = pages(app)
    with app.app_context():
        responses = db.session.scalar(select(func.count()).select_from(Response))
        from feedback_app.queries import results as result_queries
        from feedback_app.services import results

        began = time.perf_counter()
        for survey_id in sorted(result_queries.response_counts()):
            results.warm_audit(survey_id)  # the job's work (no page works the audit out)
        warmed = time.perf_counter() - began
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"`benchmarks/staff_pages.py {' '.join(argv or sys.argv[1:])}`, {time.strftime('%Y-%m-%d %H:%M %Z')}, "
          f"load average {load}, {responses} responses ({first} to {last}), {args.requests} requests each; "
          f"the audit of breakdowns worked out first, as the job would: {warmed:.1f} s\n")
    print("| staff page | status | median / max wall s | median CPU s | first request wall / CPU s |\n"
          "|---|---|---|---|---|")
    slow = []
    for label, path in listed:
        if args.only and args.only not in label:
            continue
        walls, cpus, statuses = [], [], set()
        for _ in range(args.requests):
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            response.get_data()
            cpus.append(time.process_time() - cpu)
            walls.append(time.perf_counter() - wall)
            statuses.add(response.status_code)
        median = statistics.median(walls)
        if median >= GOAL_SECONDS or statuses != {200}:
            slow.append(label)
        print(f"| {label} (`{path}`) | {', '.join(map(str, sorted(statuses)))} | {median:.2f} / {max(walls):.2f} | "
              f"{statistics.median(cpus):.2f} | {walls[0]:.2f} / {cpus[0]:.2f} |", flush=True)
    if not args.only or args.only in "responses export XLSX, built in the background":
        _xlsx_job(app, args.requests)
    if not args.no_audit_phases:
        slow += [f"{label} (audit phases)" for label in audit_phases(app, client, listed, args.requests)]
    print("\nPASS: every page under 1 s." if not slow else f"\nFAIL: {', '.join(slow)}.")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
