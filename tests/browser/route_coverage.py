"""The route-coverage check: every HTML page of the service was checked with axe-core in the browser,
and every staff page was visited as each role (shown to the roles allowed, refused to the others).

Browser tests run on two pytest-xdist workers, each with its own served app and browser. Each
process writes what ``assert_accessible`` checked to a file at the end of its session
(``write_records``); the main process reads every file once all workers have finished and runs the
check (``check_session`` from ``tests/conftest.py``), failing the run with the list of problems. This
module imports no Playwright, so the main process can load it.
"""

import json
import os
import tempfile
from pathlib import Path

from feedback_app.auth.permissions import ANY_STAFF

# Routes that never answer with an HTML page, by the end of their rule...
NOT_HTML = (".svg", ".csv", ".xlsx", ".json", ".txt", ".pdf", ".png")
# ...and by name, with the reason.
EXCLUDED = {
    "static": "CSS, JavaScript and images",
    "main.healthz": "plain-text health check for load balancers",
    "main.exit_this_page": "only redirects to a neutral website",
    "respond.next_page": "only redirects to the next unanswered page",
    "main.short_link": "only redirects a poster's short link to the survey's start page",
    "builder.export": "a YAML file to download, not a page",
    "agency.start": "only redirects an invitation link to the agency's pages (its 'link does not work' page is "
                    "checked in test_assurance_pages.py)",
}
ENV = "BROWSER_CHECKED_DIR"


def html_get_rules(app):
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in EXCLUDED or rule.rule.endswith(NOT_HTML):
            continue
        yield rule


def staff_rules(app):
    for rule in html_get_rules(app):
        roles = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if roles:
            yield rule, roles


def coverage_problems(app, checked):
    """Routes never checked, and staff routes some role never saw (or was wrongly shown)."""
    problems = []
    seen = {}
    for record in checked:
        seen.setdefault(record["endpoint"], []).append(record)
    for rule in html_get_rules(app):
        records = seen.get(rule.endpoint, [])
        if not any(r["status"] == 200 for r in records):
            problems.append(f"{rule.endpoint} ({rule.rule}): never checked with axe-core")
            continue
        allowed = getattr(app.view_functions[rule.endpoint], "required_roles", None)
        if not allowed:
            continue
        for role in ANY_STAFF:
            statuses = {r["status"] for r in records if role in r["roles"]}
            if not statuses:
                problems.append(f"{rule.endpoint} ({rule.rule}): never visited as {role}")
            elif role not in allowed and statuses != {403}:
                problems.append(f"{rule.endpoint}: {role} may not see it but got {sorted(statuses)}")
    return problems


HOW_TO_FIX = (
    "Pages the browser suite does not check. Visit each in a browser test and call "
    "assert_accessible(page), signed in as each role that may see it (the walker in "
    "test_zz_route_coverage.py does this for you when it can build the URL: offer route arguments with "
    "tests.browser.conftest.sample_args(name=value)), or, for a route that never answers with "
    "an HTML page, add it to EXCLUDED in tests/browser/route_coverage.py with the reason:"
)


def records_dir():
    """Where this run's processes leave their records: made by the main process, inherited by workers."""
    return Path(os.environ[ENV]) if os.environ.get(ENV) else None


def start_run():
    """In the main process: a fresh directory for this run's records (workers inherit the variable)."""
    os.environ[ENV] = tempfile.mkdtemp(prefix="browser-checked-")


def write_records(name, collected_modules, checked):
    """In each process that collected browser tests: what it collected and what it checked."""
    folder = records_dir()
    if folder is None:
        return
    data = {"collected": sorted(collected_modules),
            "checked": [{**record, "roles": sorted(record["roles"])} for record in checked]}
    (folder / f"{name or 'main'}.json").write_text(json.dumps(data), encoding="utf-8")


def read_records():
    """Every process's records: (browser modules collected by all, records checked by any)."""
    folder = records_dir()
    collected, checked = set(), []
    if folder is None:
        return collected, checked
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        collected |= set(data["collected"])
        checked += [{**record, "roles": set(record["roles"])} for record in data["checked"]]
    return collected, checked


def all_browser_modules():
    return {path.name for path in Path(__file__).parent.glob("test_*.py")}


def check_session():
    """The problems found, or None when the whole browser suite was not collected (a narrower run)."""
    collected, checked = read_records()
    if not collected or not all_browser_modules() <= collected:
        return None
    from feedback_app import create_app
    from feedback_app.config import TestConfig

    return coverage_problems(create_app(TestConfig), checked)
