"""A whole school assembly at once: 300 young people open the survey in the same minute.

    .venv/bin/python benchmarks/assembly.py --database-url postgresql://postgres@127.0.0.1:5432/feedback_assembly

Needs ``wrk`` (Debian: ``apt-get install wrk``; a benchmark tool, not a dependency of the service).

1. Builds the database (migrations, surveys/), optionally fills the youth survey with demo responses
   (``--staff-responses``, for the staff pages), and starts two servers under the production gunicorn
   settings (``gunicorn.conf.py``, same workers, threads, keep-alive and recycling): the service on
   PostgreSQL with ``FEEDBACK_APP_ENV=production`` and Redis for rate-limit counters, and the smallest
   Flask app (benchmarks/hello_app.py).
2. Drives them with wrk, in one run:
   (1) ``--connections`` connections opening the start page for ``--duration`` seconds;
   (2) as many respondents, each completing the youth survey again and again (start, every question
       page and its POST with the CSRF token, check your answers, send, confirmation) with think time
       before each POST (benchmarks/wrk/journey.lua, one wrk thread per respondent);
   (3) the hello app at the same connections: the ceiling of this machine and these settings;
   (4) staff pages that read every response (results, a breakdown, free text, the report), one
       signed-in analyst at a time.
3. Prints requests per second, p50/p95/p99, errors and timeouts for each; the ratio of the respondent
   pages to the hello ceiling; completed journeys per second; and the responses stored against the
   confirmations shown (every confirmation must be stored, nothing stored twice).

``--root`` serves another checkout (e.g. an export of an older commit) with its own gunicorn.conf.py,
for before-and-after figures from the same script; the hello app always uses this checkout's settings.
Exit status 1 if a goal is missed (errors, timeouts, lost or duplicated responses, p95 over 1 s on a
respondent page, respondent pages under 10% of the ceiling).
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import httpx
from assembly_phases import percentile, phase_report, read_journey_logs, recycle_times
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV_BIN = Path(sys.executable).parent
SLUG = "youth-voice"
GOAL_P95_MS = 1000
GOAL_RATIO = 0.10


# -- set-up ----------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database(url, reuse=False):
    """Create the database if need be and empty it (or keep it, with its responses, when ``reuse``)."""
    url = make_url(url).set(drivername="postgresql+psycopg")
    if reuse:
        return url
    admin = create_engine(url.set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                  {"name": url.database}).scalar():
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def service_environment(url, args):
    env = {**os.environ, "FEEDBACK_APP_ENV": "production", "FLASK_APP": "feedback_app",
           "DATABASE_URL": url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql"),
           "SECRET_KEY": "assembly-" + os.urandom(32).hex(), "BASE_URL": "https://assembly.invalid",
           # Every simulated phone comes from 127.0.0.1: the limits are still counted, never reached.
           "RATE_LIMIT_START": "100000000/3600", "RATE_LIMIT_SUBMIT": "100000000/3600",
           "RATE_LIMIT_SIGN_IN": "100000000/900",
           "GUNICORN_WORKERS": str(args.workers), "GUNICORN_THREADS": str(args.threads),
           "GUNICORN_KEEPALIVE": str(args.keepalive),
           "GUNICORN_ACCESS_LOG": "/dev/null", "GUNICORN_LOG_LEVEL": "info"}
    env.pop("REDIS_URL", None)
    if args.redis_url:
        env["REDIS_URL"] = args.redis_url
    return env


def flask(root, env, *command, stdin=None):
    return subprocess.run([sys.executable, "-m", "flask", *command], cwd=root, env=env, check=True,
                          capture_output=True, text=True, input=stdin, timeout=3600).stdout


def start_server(config, app_uri, chdir, env, port, startup_timeout, health="/healthz"):
    log = tempfile.NamedTemporaryFile(prefix="assembly-gunicorn-", suffix=".log", delete=False)
    command = [str(VENV_BIN / "gunicorn"), "-c", str(config), "--bind", f"127.0.0.1:{port}", "--chdir", str(chdir),
               app_uri]
    began = time.monotonic()
    server = subprocess.Popen(command, cwd=chdir, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    while time.monotonic() - began < startup_timeout:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {Path(log.name).read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + health, timeout=5).status_code == 200:
                return server, base, log.name, time.monotonic() - began
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    server.terminate()
    raise RuntimeError(f"gunicorn did not answer {health} within {startup_timeout} s")


def stop_server(server):
    server.terminate()
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:
        server.kill()


# -- wrk -------------------------------------------------------------------------------------------

def wrk(url, connections, threads, seconds, timeout, script, env=None):
    command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", f"{timeout}s",
               "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})},
                            timeout=seconds + 120).stdout
    found = re.search(r"^ASSEMBLY (\{.*\})$", output, re.MULTILINE)
    summary = json.loads(found.group(1)) if found else {}
    summary["seconds"] = summary.get("duration_us", seconds * 1e6) / 1e6
    summary["rate"] = summary.get("requests", 0) / summary["seconds"]
    # What the server got wrong (a status other than 2xx/3xx; wrk also counts 4xx here) apart from what the
    # load generator's sockets did: a connect, read or write error is wrk losing or re-opening a
    # connection (e.g. one a recycled worker closed), not an answer from the service.
    summary["server_errors"] = summary.get("status", 0)
    summary["socket_errors"] = sum(summary.get(key, 0) for key in ("connect", "read", "write"))
    summary["errors"] = summary["server_errors"] + summary["socket_errors"]
    return summary


def load_average():
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


# -- the database's view -----------------------------------------------------------------------------

def response_counts(url):
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT r.reference, r.draft_id FROM response r JOIN survey s ON s.id = r.survey_id "
            "WHERE s.slug = :slug"), {"slug": SLUG}).all()
    engine.dispose()
    return rows


def analyse(url):
    """Planner statistics for the demo rows, as autovacuum would gather (it may be off on a development server)."""
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()


# -- staff pages -------------------------------------------------------------------------------------

def _session_cookie(response, jar):
    for header in response.headers.get_list("set-cookie"):
        name, _, rest = header.partition("=")
        jar[name] = rest.split(";", 1)[0]


def sign_in(base, email, password):
    """A signed-in analyst's cookie (production cookies are Secure, so the jar is kept by hand)."""
    jar = {}
    with httpx.Client(base_url=base, timeout=60) as client:
        page = client.get("/staff/sign-in")
        _session_cookie(page, jar)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|'
                          r'name="csrf_token" value="([^"]+)"|value="([^"]+)" name="csrf_token"', page.text)
        token = next(group for group in token.groups() if group)
        signed_in = client.post("/staff/sign-in", data={"csrf_token": token, "email": email,
                                                        "password": password},
                                headers={"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())})
        if signed_in.status_code != 302:
            raise RuntimeError(f"staff sign-in failed: {signed_in.status_code}")
        _session_cookie(signed_in, jar)
    return "; ".join(f"{k}={v}" for k, v in jar.items())


def staff_pages(base, cookie):
    """The staff pages that read every response, with a breakdown the page itself offers."""
    pages = [("results", f"/staff/results/{SLUG}")]
    page = httpx.get(base + pages[0][1], headers={"Cookie": cookie}, timeout=120)
    breakdown = re.search(r'<select[^>]*name="breakdown".*?<option value="([^"]+)"', page.text, re.DOTALL)
    if breakdown:
        pages.append(("results, broken down", f"/staff/results/{SLUG}?breakdown={breakdown.group(1)}"))
    pages += [("free text", f"/staff/results/{SLUG}/text"), ("report", f"/staff/results/{SLUG}/report"),
              ("summary CSV", f"/staff/results/{SLUG}/summary.csv")]
    return pages


def time_staff_pages(base, cookie, requests_each):
    timings = []
    with httpx.Client(base_url=base, timeout=120, headers={"Cookie": cookie}) as client:
        for label, path in staff_pages(base, cookie):
            seconds, statuses = [], Counter()
            for _ in range(requests_each):
                began = time.perf_counter()
                response = client.get(path)
                seconds.append(time.perf_counter() - began)
                statuses[response.status_code] += 1
            timings.append((label, path, seconds, statuses))
    return timings


# -- the run -----------------------------------------------------------------------------------------

def run(args):
    root = Path(args.root).resolve()
    url = prepare_database(args.database_url, args.reuse_database)
    env = service_environment(url, args)
    flask(root, env, "db", "upgrade")
    flask(root, env, "surveys", "load", "--directory", str(root / "surveys"))
    notes, demo_seconds = [], None
    if args.staff_responses and not args.reuse_database:
        began = time.monotonic()
        flask(root, env, "demo-data", "--survey", SLUG, "--responses", str(max(1, args.staff_responses // 2)))
        demo_seconds = time.monotonic() - began
    analyse(url)
    password = "assembly-" + os.urandom(6).hex()
    staff_email = f"analyst-{os.urandom(3).hex()}@assembly.invalid"
    flask(root, env, "users", "create", staff_email, "--role", "analyst", "--password-stdin", stdin=password + "\n")

    service, base, service_log, service_start = start_server(
        root / "gunicorn.conf.py", "feedback_app:create_app()", root, env, free_port(), args.startup_timeout)
    # This checkout's settings name this checkout's worker class (feedback_app.server_worker).
    hello_env = {**os.environ, "GUNICORN_WORKERS": str(args.workers), "GUNICORN_THREADS": str(args.threads),
                 "GUNICORN_KEEPALIVE": str(args.keepalive), "GUNICORN_ACCESS_LOG": "/dev/null",
                 "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    try:
        hello, hello_base, hello_log, _ = start_server(ROOT / "gunicorn.conf.py", "hello_app:create_app()", HERE,
                                                       hello_env, free_port(), 120, health="/")
    except BaseException:
        stop_server(service)
        raise
    results = {"service_start_seconds": service_start, "demo_seconds": demo_seconds}
    logs = tempfile.mkdtemp(prefix="assembly-journeys-")
    try:
        summary_script = HERE / "wrk" / "summary.lua"
        # A few complete journeys first, so the workers have seen every page once.
        wrk(base, 4, 4, 8, args.timeout, HERE / "wrk" / "journey.lua",
            {"ASSEMBLY_LOG_DIR": tempfile.mkdtemp(prefix="assembly-warm-"), "ASSEMBLY_THINK_MS": "0-10"})
        time.sleep(2)
        results["before"] = response_counts(url)
        results["start"] = wrk(f"{base}/s/{SLUG}", args.connections, args.wrk_threads, args.duration, args.timeout,
                               summary_script)
        journey_env = {"ASSEMBLY_LOG_DIR": logs, "ASSEMBLY_THINK_MS": args.think_ms, "ASSEMBLY_SLUG": SLUG,
                       "ASSEMBLY_CLOSE": "1" if args.keepalive * 1000 <= int(args.think_ms.split("-")[1]) else "0"}
        results["load_journeys"] = [load_average()]
        results["journeys"] = wrk(base, args.connections, args.connections, args.journey_duration, args.timeout,
                                  HERE / "wrk" / "journey.lua", journey_env)
        results["load_journeys"].append(load_average())
        results["hello"] = wrk(f"{hello_base}/", args.connections, args.wrk_threads, args.duration, args.timeout,
                               summary_script)
        results["healthz"] = wrk(f"{base}/healthz", args.connections, args.wrk_threads, args.duration, args.timeout,
                                 summary_script)
        # Let a send that was in flight when wrk stopped finish before counting.
        time.sleep(3)
        results["stored"] = response_counts(url)
        if not args.skip_staff:
            cookie = sign_in(base, staff_email, password)
            results["staff"] = time_staff_pages(base, cookie, args.staff_requests)
        results["recycles"] = Path(service_log).read_text(errors="replace").count("Booting worker")
        results["recycle_times"] = recycle_times(service_log)
    finally:
        stop_server(service)
        stop_server(hello)
    results["journey_logs"] = read_journey_logs(logs)
    shutil.rmtree(logs, ignore_errors=True)
    return results, notes


def report(args, results):
    start, hello, health, journeys = results["start"], results["hello"], results["healthz"], results["journeys"]
    logs = results["journey_logs"]
    latencies, statuses, errors = logs.latencies, logs.statuses, logs.errors
    references, sent, acknowledged = logs.references, logs.sent, logs.acknowledged
    before_refs = {reference for reference, _ in results["before"]}
    stored = [(reference, draft) for reference, draft in results["stored"] if reference not in before_refs]
    stored_refs = {reference for reference, _ in stored}
    lost = sorted(set(references) - stored_refs)
    duplicated_drafts = len(stored) - len({draft for _, draft in stored})
    repeated_confirmations = len(references) - len(set(references))
    journey_requests = sum(len(values) for values in latencies.values())
    journey_rate = journey_requests / journeys["seconds"] if journeys.get("seconds") else 0
    ratio = start["rate"] / hello["rate"] if hello["rate"] else 0
    ms = lambda us: us / 1000  # noqa: E731
    lines = [
        f"`benchmarks/assembly.py {' '.join(sys.argv[1:])}`",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M %Z')} on {os.cpu_count()} CPUs (load average before the run: "
        f"{args.load_before}); gunicorn {args.workers} workers x {args.threads} threads, PostgreSQL, "
        f"{'Redis rate-limit counters' if args.redis_url else 'rate-limit counters in PostgreSQL'}; served "
        f"`{args.root}`. Service ready {results['service_start_seconds']:.0f} s after gunicorn started"
        + (f"; {args.staff_responses} demo responses made in {results['demo_seconds']:.0f} s" if
           results.get("demo_seconds") else "") + f"; workers booted during the run: {results['recycles']}.",
        "",
        "| load | requests/s | p50 / p95 / p99 ms | server errors (status not 2xx/3xx) | timeouts | "
        "socket errors (client side: connect/read/write) |",
        "|---|---|---|---|---|---|",
    ]
    for label, data in ((f"(1) start page, {args.connections} connections", start),
                        (f"(2) {args.connections} respondents, whole journeys (all pages)", journeys),
                        (f"(3) hello app, {args.connections} connections (ceiling)", hello),
                        (f"service /healthz, {args.connections} connections", health)):
        lines.append(f"| {label} | {data['rate']:.1f} | {ms(data.get('p50_us', 0)):.0f} / "
                     f"{ms(data.get('p95_us', 0)):.0f} / {ms(data.get('p99_us', 0)):.0f} | {data['server_errors']} | "
                     f"{data.get('timeout', 0)} | {data['socket_errors']} |")
    lines += [
        "",
        f"Respondent start page / hello ceiling: **{ratio:.1%}** (goal {GOAL_RATIO:.0%}). "
        f"/healthz / hello: {health['rate'] / hello['rate'] if hello['rate'] else 0:.1%}.",
        "",
        f"Journeys (think time {args.think_ms} ms before each POST, {args.journey_duration} s): "
        f"{len(references)} completed, **{len(references) / journeys['seconds']:.2f} journeys/s**, "
        f"{journey_rate:.1f} respondent requests/s.",
        "",
        "| respondent page | requests | p50 / p95 / p99 ms | statuses |",
        "|---|---|---|---|",
    ]
    slow = []
    for kind in ("start page", "start (POST)", "question page", "question (POST)", "check page", "send (POST)",
                 "confirmation page"):
        values = latencies.get(kind, [])
        p95 = percentile(values, .95)
        if p95 > GOAL_P95_MS:
            slow.append(kind)
        shown = ", ".join(f"{status}: {count}" for status, count in sorted(statuses[kind].items()))
        lines.append(f"| {kind} | {len(values)} | {percentile(values, .5):.0f} / {p95:.0f} / "
                     f"{percentile(values, .99):.0f} | {shown} |")
    lines += [
        "",
        f"Responses stored during the run: {len(stored)}; confirmations shown: {len(references)}; sends posted: "
        f"{sent}, answered: {acknowledged} (a send still in flight when wrk stopped may be stored without its "
        f"confirmation page). Confirmed but not stored: **{len(lost)}**; stored twice for one draft: "
        f"**{duplicated_drafts}**; one reference shown twice: {repeated_confirmations}; stored beyond the sends "
        f"posted: {max(0, len(stored) - sent)}.",
    ]
    server_5xx = sum(count for kind in statuses.values() for status, count in kind.items() if status.startswith("5"))
    server_wrong = sum(count for reason, count in errors.items() if reason.split(" ")[-1:] and any(
        part.startswith("5") and part.isdigit() for part in reason.split(" ")))
    lines += ["", f"Respondent pages answered 5xx: **{server_5xx}**; journeys restarted: {sum(errors.values())}, of "
                  f"which on a 5xx: {server_wrong} (the others: the client out of step after wrk re-opened a "
                  f"connection and sent a request twice, e.g. a POST answered with the re-shown page)."]
    if errors:
        lines += ["", "Journey errors: " + "; ".join(f"{reason} ({count})" for reason, count in errors.most_common(8))]
    lines += phase_report(logs, results.get("recycle_times", []))
    staff_slow = []
    if results.get("staff"):
        lines += ["", f"Staff pages on {len(results['stored'])} stored responses of `{SLUG}`, one analyst, "
                      f"{args.staff_requests} requests each:", "",
                  "| staff page | median / max s | statuses |", "|---|---|---|"]
        for label, path, seconds, page_statuses in results["staff"]:
            if percentile(seconds, .5) >= 1:
                staff_slow.append(label)
            lines.append(f"| {label} (`{path}`) | {percentile(seconds, .5):.2f} / {max(seconds):.2f} | "
                         f"{', '.join(f'{s}: {c}' for s, c in sorted(page_statuses.items()))} |")
    problems = [
        *([f"{start['errors']} errors and {start.get('timeout', 0)} timeouts on the start page"]
          if start["errors"] or start.get("timeout") else []),
        *([f"{server_5xx} server errors and {journeys.get('timeout', 0)} timeouts in the journeys"]
          if server_5xx or journeys.get("timeout") else []),
        *([f"{journeys['socket_errors']} client socket errors and {sum(errors.values())} journeys out of step"]
          if errors or journeys["socket_errors"] else []),
        *([f"p95 over {GOAL_P95_MS} ms: {', '.join(slow)}"] if slow else []),
        *([f"start page at {ratio:.1%} of the ceiling"] if ratio < GOAL_RATIO else []),
        *([f"{len(lost)} confirmed responses not stored"] if lost else []),
        *([f"{duplicated_drafts} drafts stored twice"] if duplicated_drafts else []),
        *([f"{len(stored) - sent} responses stored without a send"] if len(stored) > sent else []),
        *([f"staff pages over 1 s: {', '.join(staff_slow)}"] if staff_slow else []),
    ]
    lines += ["", f"Load average (1, 5, 15 min): before the run {args.load_before}; as the journeys began "
                  f"{results['load_journeys'][0]}, as they ended {results['load_journeys'][1]}; after the run "
                  f"{load_average()}."]
    lines += ["", "PASS: every goal met." if not problems else "FAIL: " + "; ".join(problems) + "."]
    return not problems, "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "ASSEMBLY_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/feedback_assembly"),
        help="PostgreSQL database to (re)build: everything in it is deleted")
    parser.add_argument("--root", default=str(ROOT), help="the checkout to serve (default: this one)")
    parser.add_argument("--connections", type=int, default=300)
    parser.add_argument("--duration", type=int, default=30, help="seconds for the start page, hello and /healthz")
    parser.add_argument("--journey-duration", type=int, default=90)
    parser.add_argument("--think-ms", default="1000-3000", help="think time before each POST, min-max ms")
    parser.add_argument("--timeout", type=int, default=10, help="seconds before wrk counts a request as timed out")
    parser.add_argument("--wrk-threads", type=int, default=4)
    parser.add_argument("--keepalive", type=int, default=75,
                        help="gunicorn keep-alive for both servers, standing in for the proxy's (nginx: 75 s): "
                             "a respondent's connection waits in the poller while they think, not in a thread")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--redis-url", default=os.environ.get("ASSEMBLY_REDIS_URL", "redis://127.0.0.1:6379/6"),
                        help="rate-limit counters in Redis, as in production ('' for the database)")
    parser.add_argument("--staff-responses", type=int, default=10000,
                        help="demo responses to add to the youth survey first (0: none)")
    parser.add_argument("--staff-requests", type=int, default=5)
    parser.add_argument("--reuse-database", action="store_true",
                        help="keep the database and its responses (e.g. a copy already holding the demo responses)")
    parser.add_argument("--skip-staff", action="store_true")
    parser.add_argument("--startup-timeout", type=int, default=900)
    parser.add_argument("--output", default="", help="also write the report here")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        parser.error("wrk is not installed (Debian: apt-get install wrk)")
    args.load_before = load_average()
    results, _ = run(args)
    ok, text_report = report(args, results)
    print(text_report)
    if args.output:
        Path(args.output).write_text(text_report, encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
