"""Load test: complete survey journeys against the service under gunicorn on PostgreSQL.

    .venv/bin/python benchmarks/load.py --database-url postgresql://postgres@127.0.0.1:5432/feedback_load

1. Builds the database (migrations, surveys/), starts gunicorn with gunicorn.conf.py on a free
   loopback port, waits for /healthz.
2. From a second process, many simulated respondents each walk a whole journey as a browser would:
   start page, start (with the CSRF token from the page), every question page (filling in what
   each form asks for), check your answers, send, confirmation. New journeys start until
   ``--duration`` seconds have passed or ``--respondents`` journeys have started.
3. In the same run it measures the ceiling: the minimal endpoint /healthz of the same server at the
   same concurrency, and prints how the journey pages' throughput compares.
4. Afterwards it checks the database: the number of responses must equal the number of
   confirmations received, and every reference shown must be stored. Any difference is a lost
   (or invented) response, and the script exits 1.

The report is printed and written to ``--output`` (benchmarks/LOAD_RESULTS.md by default).
"""

import argparse
import asyncio
import multiprocessing
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
TEXT_ANSWER = "More youth workers in the evenings and safe places to go after school"


# -- the server ---------------------------------------------------------------------------------

def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database(url):
    """Create the database if need be, empty it, migrate it and load the surveys."""
    url = make_url(url).set(drivername="postgresql+psycopg")
    maintenance = create_engine(url.set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with maintenance.connect() as connection:
        exists = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                    {"name": url.database}).scalar()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    maintenance.dispose()
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


def server_environment(url, redis_url):
    env = {**os.environ, "FEEDBACK_APP_ENV": "development", "FLASK_APP": "feedback_app",
           "DATABASE_URL": url.render_as_string(hide_password=False).replace("postgresql+psycopg", "postgresql"),
           "SECRET_KEY": "load-test-" + os.urandom(8).hex(),
           # Every simulated respondent comes from 127.0.0.1: the limits are still counted, never reached.
           "RATE_LIMIT_START": "100000000/3600", "RATE_LIMIT_SUBMIT": "100000000/3600"}
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def flask(env, *args):
    subprocess.run([str(VENV_BIN / "flask"), *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)


def start_server(env, port, workers, threads):
    command = [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--threads", str(threads), "--access-logfile", "/dev/null",
               "feedback_app:create_app()"]
    log = tempfile.TemporaryFile()  # a file, not a pipe: a full pipe would stall the server
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            message = log.read().decode(errors="replace")[-2000:]
            log.close()
            raise RuntimeError("gunicorn stopped: " + message)
        try:
            if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                return server, base, log
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.terminate()
    log.close()
    raise RuntimeError("gunicorn did not answer /healthz within 60 s")


# -- one respondent ----------------------------------------------------------------------------

class FormReader(HTMLParser):
    """The page's POST form: its action and the fields it asks for."""

    def __init__(self):
        super().__init__()
        self.action, self.hidden, self.radios, self.checkboxes, self.texts = None, {}, {}, {}, []
        self.reference, self._in_form, self._in_strong = None, False, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post" and self.action is None:
            self.action, self._in_form = attrs.get("action"), True
        elif tag == "input" and self._in_form:
            kind, name = attrs.get("type", "text"), attrs.get("name")
            if not name or name == "your-website":
                return  # the honeypot stays blank, as a person leaves it
            if kind == "hidden":
                self.hidden[name] = attrs.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, attrs.get("value"))
            elif kind == "checkbox":
                self.checkboxes.setdefault(name, attrs.get("value"))
            elif kind in ("text", "number"):
                self.texts.append((name, attrs.get("inputmode")))
        elif tag == "textarea" and self._in_form:
            self.texts.append((attrs.get("name"), None))
        elif tag == "strong":
            self._in_strong = True

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "strong":
            self._in_strong = False

    def handle_data(self, data):
        if self._in_strong and re.fullmatch(r"[A-Z0-9]{8}", data.strip()):
            self.reference = data.strip()


def read(html):
    reader = FormReader()
    reader.feed(html)
    return reader


def answers_for(form):
    data = {**form.hidden, **form.radios, **form.checkboxes, "action": "continue"}
    for name, inputmode in form.texts:
        if name.endswith("-day"):
            data[name] = "3"
        elif name.endswith("-month"):
            data[name] = "9"
        elif name.endswith("-year"):
            data[name] = "2025"
        else:
            data[name] = "4" if inputmode == "numeric" else TEXT_ANSWER
    return data


class Stats:
    def __init__(self):
        self.latencies, self.errors, self.references, self.requests = [], [], [], 0

    async def call(self, client, method, url, **kwargs):
        began = time.perf_counter()
        response = await client.request(method, url, **kwargs)
        self.latencies.append(time.perf_counter() - began)
        self.requests += 1
        return response


async def journey(base, slug, stats):
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        try:
            page = await stats.call(client, "GET", f"/s/{slug}")
            form = read(page.text)
            response = await stats.call(client, "POST", form.action, data=form.hidden)
            for _ in range(60):
                if response.status_code != 302:
                    raise RuntimeError(f"{response.request.url.path}: {response.status_code}")
                location = urlsplit(urljoin(str(response.request.url), response.headers["location"])).path
                page = await stats.call(client, "GET", location)
                if location.endswith("/confirmation"):
                    reference = read(page.text).reference
                    if page.status_code != 200 or reference is None:
                        raise RuntimeError(f"confirmation: {page.status_code}, no reference")
                    stats.references.append(reference)
                    return
                if page.status_code == 302:
                    response = page
                    continue
                form = read(page.text)
                data = form.hidden if location.endswith("/check") else answers_for(form)
                response = await stats.call(client, "POST", form.action or location, data=data)
            raise RuntimeError("journey did not end")
        except (httpx.HTTPError, RuntimeError, KeyError, TypeError) as error:
            stats.errors.append(f"{type(error).__name__}: {error}"[:200])


async def drive_journeys(base, slug, concurrency, respondents, duration):
    stats, started = Stats(), 0
    deadline = time.monotonic() + duration

    async def respondent():
        nonlocal started
        while started < respondents and time.monotonic() < deadline:
            started += 1
            await journey(base, slug, stats)

    began = time.perf_counter()
    await asyncio.gather(*(respondent() for _ in range(concurrency)))
    return stats, started, time.perf_counter() - began


async def drive_ceiling(base, concurrency, duration):
    stats, deadline = Stats(), time.monotonic() + duration
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        async def hammer():
            while time.monotonic() < deadline:
                try:
                    response = await stats.call(client, "GET", "/healthz")
                    if response.status_code != 200:
                        stats.errors.append(str(response.status_code))
                except httpx.HTTPError as error:
                    stats.errors.append(type(error).__name__)

        began = time.perf_counter()
        await asyncio.gather(*(hammer() for _ in range(concurrency)))
    return stats, time.perf_counter() - began


def _percentile(values, share):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def client_process(base, slug, concurrency, respondents, duration, ceiling_seconds, warmup, results):
    """Runs in its own process, so the client's work never shares a CPU budget with a server worker's GIL."""
    warm, _, _ = asyncio.run(drive_journeys(base, slug, min(concurrency, warmup), warmup, 120))
    # The ceiling is measured just before and just after the journeys; the better of the two counts.
    before, before_elapsed = asyncio.run(drive_ceiling(base, concurrency, ceiling_seconds / 2))
    stats, started, elapsed = asyncio.run(drive_journeys(base, slug, concurrency, respondents, duration))
    after, after_elapsed = asyncio.run(drive_ceiling(base, concurrency, ceiling_seconds / 2))
    rates = [before.requests / before_elapsed, after.requests / after_elapsed]
    ceiling, ceiling_elapsed = (before, before_elapsed) if rates[0] >= rates[1] else (after, after_elapsed)
    results.put({
        "warmup_references": warm.references, "warmup_errors": warm.errors,
        "references": stats.references, "errors": stats.errors, "started": started, "elapsed": elapsed,
        "requests": stats.requests, "latencies": stats.latencies,
        "ceiling_requests": ceiling.requests, "ceiling_elapsed": ceiling_elapsed,
        "ceiling_latencies": ceiling.latencies, "ceiling_errors": before.errors + after.errors,
        "ceiling_rates": rates,
    })


# -- the run -----------------------------------------------------------------------------------

def stored_references(url, slug):
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT r.reference FROM response r JOIN survey s ON s.id = r.survey_id WHERE s.slug = :slug"),
            {"slug": slug}).scalars().all()
    engine.dispose()
    return rows


def _shown_arguments(argv):
    """The command line for the report, without the note (printed on its own)."""
    shown, skip = [], False
    for argument in argv:
        if skip:
            skip = False
        elif argument == "--note":
            skip = True
        elif not argument.startswith("--note="):
            shown.append(argument)
    return shown


def report(args, result, stored, workers, threads):
    confirmed = result["warmup_references"] + result["references"]
    lost = sorted(set(confirmed) - set(stored))
    extra = len(stored) - len(confirmed)
    latencies = [value * 1000 for value in result["latencies"]]
    page_rate = result["requests"] / result["elapsed"]
    ceiling_rate = result["ceiling_requests"] / result["ceiling_elapsed"]
    ok = not lost and extra == 0 and not result["errors"] and not result["warmup_errors"]
    lines = [
        "# Load test results",
        "",
        f"`{' '.join(['benchmarks/load.py', *_shown_arguments(sys.argv[1:])])}`, "
        f"run {time.strftime('%Y-%m-%d %H:%M %Z')} on "
        f"{os.cpu_count()} CPUs; gunicorn {workers} workers x {threads} threads on PostgreSQL, survey "
        f"`{args.survey}`, {args.concurrency} concurrent respondents from a second process on loopback.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| journeys started / confirmed | {result['started']} / {len(result['references'])} |",
        f"| completed responses per second | {len(result['references']) / result['elapsed']:.2f} |",
        f"| journey requests per second (pages and posts) | {page_rate:.1f} |",
        f"| page latency p50 / p95 / p99 | {_percentile(latencies, .5):.0f} / {_percentile(latencies, .95):.0f} / "
        f"{_percentile(latencies, .99):.0f} ms |",
        f"| errors | {len(result['errors'])} |",
        f"| ceiling: /healthz requests per second, before / after the journeys | "
        f"{result['ceiling_rates'][0]:.1f} / {result['ceiling_rates'][1]:.1f} (p50 "
        f"{_percentile(result['ceiling_latencies'], .5) * 1000:.0f} ms, {len(result['ceiling_errors'])} errors) |",
        f"| journey requests per second / ceiling | {page_rate / ceiling_rate:.2f} |",
        f"| responses in the database / confirmations received | {len(stored)} / {len(confirmed)} "
        f"(including {len(result['warmup_references'])} warm-up journeys) |",
        f"| lost responses | {len(lost)} |",
        f"| responses without a confirmation | {max(0, extra)} |",
        *(["", args.note] if args.note else []),
        "",
        "PASS: every confirmation shown is a stored response, and nothing else was stored." if ok else
        "FAIL: " + "; ".join(filter(None, [
            f"{len(lost)} confirmed responses missing" if lost else "",
            f"{extra} responses stored without a confirmation" if extra else "",
            f"errors: {sorted(set(result['errors'] + result['warmup_errors']))[:5]}"
            if result["errors"] or result["warmup_errors"] else ""])),
    ]
    return ok, "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get(
        "LOAD_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/feedback_load"),
        help="PostgreSQL database to (re)build and load: everything in it is deleted")
    parser.add_argument("--survey", default="youth-voice")
    parser.add_argument("--surveys-dir", default=str(ROOT / "surveys"))
    parser.add_argument("--respondents", type=int, default=400, help="most journeys to start")
    parser.add_argument("--duration", type=float, default=20, help="seconds to keep starting journeys")
    parser.add_argument("--concurrency", type=int, default=20, help="respondents at once")
    parser.add_argument("--ceiling-seconds", type=float, default=5)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--redis-url", default=None, help="share rate-limit counters in Redis, as in production")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "LOAD_RESULTS.md"))
    parser.add_argument("--note", default="", help="a line to add to the report (what else ran on the machine)")
    parser.add_argument("--drop-database", action="store_true", help="drop the database afterwards")
    args = parser.parse_args(argv)

    url = prepare_database(args.database_url)
    env = server_environment(url, args.redis_url)
    flask(env, "db", "upgrade")
    flask(env, "surveys", "load", "--directory", args.surveys_dir)
    server, base, log = start_server(env, _free_port(), args.workers, args.threads)
    try:
        results = multiprocessing.get_context("spawn").Queue()
        client = multiprocessing.get_context("spawn").Process(target=client_process, args=(
            base, args.survey, args.concurrency, args.respondents, args.duration, args.ceiling_seconds,
            args.workers * 2, results))
        client.start()
        result = results.get(timeout=args.duration + args.ceiling_seconds + 600)
        client.join(30)
    finally:
        server.terminate()
        server.wait(30)
        log.close()
    ok, text_report = report(args, result, stored_references(url, args.survey), args.workers, args.threads)
    print(text_report)
    if args.output:
        Path(args.output).write_text(text_report, encoding="utf-8")
    if args.drop_database:
        admin = create_engine(url.set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
        admin.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
