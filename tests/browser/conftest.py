"""Browser tests: the service served on loopback, driven by Playwright in Debian's Chromium.

They run in Debian's ``chromium-headless-shell`` (the same Chromium release, built from the same Debian source
package as ``chromium``, and the headless build Playwright itself uses by default): the full browser in headless
mode spends nearly twice the processor time on the same journeys (37 s against 21 s on eight survey walks, 17 s
against 6 s in the browser process alone), and the browser tests were most of the time CI takes.
``test_axe_check.py`` shows that the two give the same accessibility tree, axe-core results, reflow and focus on
the service's pages.

``assert_accessible(page)`` is the one check every page goes through: axe-core with the
WCAG 2.2 A and AA rules, then the page's structure (one h1, a title that starts with it,
"Error: " when there are errors, errors linked to fields, choices grouped in fieldsets,
unique ids). Each call records which route it checked, with what status and as which
staff role, in ``CHECKED``; at the end each process writes them out and ``route_coverage.py``
fails the run on any route the suite never checked.
"""

import os
import re
import threading
from pathlib import Path

import pytest
from flask_migrate import upgrade
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect
from werkzeug.serving import make_server

from feedback_app import create_app
from feedback_app.config import TestConfig
from feedback_app.extensions import db
from feedback_app.services import demo_data, survey_loader
from tests.browser import route_coverage

CHROMIUM = "/usr/bin/chromium-headless-shell"
FULL_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = Path(__file__).with_name("axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
REAL_SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
# Rate limits count per client address, and every browser here is 127.0.0.1.
NO_RATE_LIMITS = {"start": "0/1", "submit": "0/1", "sign_in": "0/1", "reset": "0/1"}

# "Error:" at the start of a page title, in each interface language.
ERROR_PREFIXES = ("Error:", "Gwall:", "خرابی:")
# What assert_accessible checked: dicts of endpoint, path, status, roles (empty: signed out).
CHECKED = []
_COLLECTED = pytest.StashKey[set]()
_SERVER = {}
# Route arguments the route-coverage walker can use, e.g. {"slug": "all-types"}. A browser
# test module that makes data for its own routes can add to it with sample_args(...).
SAMPLE_ARGS = {}


def sample_args(**kwargs):
    """Offer ``kwargs`` (route argument values) to the walker that visits every staff route."""
    SAMPLE_ARGS.update(kwargs)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    url = "sqlite:///" + str(tmp_path_factory.mktemp("browser-db") / "browser.sqlite")
    config = type("BrowserConfig", (TestConfig,), {"SQLALCHEMY_DATABASE_URI": url, "RATE_LIMITS": NO_RATE_LIMITS})
    app = create_app(config)
    with app.app_context():
        upgrade()
        survey_loader.load_directory(app.config["SURVEYS_DIR"])
        survey_loader.load_directory(REAL_SURVEYS)
        # Demo workforce answers before any browser journey adds a response (the generator skips
        # surveys that have some), so theme runs have answers whatever order the tests run in.
        demo_data.generate(seed=11, per_year=40, slugs={"workforce"})
        db.session.remove()
    # As gunicorn's workers do at start-up: fit the safeguarding screen before the first respondent.
    from analysis.screening import default_screener

    default_screener()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # Links the service hands out (training QR links, emails) are built from BASE_URL alone.
    app.config["BASE_URL"] = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _SERVER["app"] = app
    yield {"url": f"http://127.0.0.1:{server.server_port}", "app": app}
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        for key in [key for key in _COPY_CONTEXTS if key[0] == id(browser)]:
            _COPY_PAGES.pop(key, None)
            _COPY_CONTEXTS.pop(key).close()
        browser.close()


def new_context(browser, live_server, **options):
    """A browser context on the served app. With JavaScript on, the browser adds axe-core to each page
    as it loads (an init script, which the Content-Security-Policy does not govern), so a check does not
    send its 500 kB source over the wire each time."""
    context = browser.new_context(base_url=live_server["url"], **options)
    if options.get("java_script_enabled", True):
        context.add_init_script(path=str(AXE))
    return context


@pytest.fixture
def page(browser, live_server):
    context = new_context(browser, live_server)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser, live_server):
    context = new_context(browser, live_server, java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


_AXE_SOURCE = []
# One context per browser and viewport for checking JavaScript-off pages, reused for each check.
_COPY_CONTEXTS = {}
_COPY_PAGES = {}


def _axe_source():
    if not _AXE_SOURCE:
        _AXE_SOURCE.append(AXE.read_text(encoding="utf-8"))
    return _AXE_SOURCE[0]


def _run_axe(page):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated rather than added as a <script>: the service's Content-Security-Policy refuses those.
        page.evaluate("source => { (0, eval)(source); }", _axe_source())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )


def _copy_page(browser, viewport):
    """A page, one per browser and viewport, kept for checking JavaScript-off pages: axe-core is added
    by the browser at each load (an init script), and each address it opens is answered with the HTML
    last given to it."""
    size = viewport or {}
    key = (id(browser), size.get("width"), size.get("height"))
    if key not in _COPY_CONTEXTS:
        context = browser.new_context(viewport=viewport)
        context.add_init_script(path=str(AXE))
        copy = context.new_page()
        served = {}
        copy.route("**/*", lambda route: route.fulfill(status=200, content_type="text/html", body=served["html"])
                   if route.request.resource_type == "document" else route.continue_())
        _COPY_CONTEXTS[key] = context
        _COPY_PAGES[key] = (copy, served)
    return _COPY_PAGES[key]


def _run_axe_on_a_copy(page):
    """axe-core needs JavaScript: check the page as served to a browser with JavaScript off by
    showing the same HTML, scripts removed, at the same address in a browser with it on."""
    html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S | re.I)
    copy, served = _copy_page(page.context.browser, page.viewport_size)
    served["html"] = html
    copy.goto(page.url)
    return _run_axe(copy)


def axe_violations(page):
    """Run axe-core on the page with the WCAG 2.2 A and AA rules; return violations."""
    javascript_on = page.evaluate("document.body.classList.contains('js-enabled')")
    result = _run_axe(page) if javascript_on else _run_axe_on_a_copy(page)
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [node["target"] for node in v["nodes"]][:5]}
        for v in result["violations"]
    ]


STRUCTURE = """
() => {
  const text = el => (el ? el.textContent : '').replace(/\\s+/g, ' ').trim();
  const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
  const summary = document.querySelector('.govuk-error-summary');
  const groups = {};
  for (const input of document.querySelectorAll('main input[type=radio], main input[type=checkbox]')) {
    (groups[input.name] = groups[input.name] || []).push(input);
  }
  const ungrouped = Object.entries(groups)
    .filter(([, inputs]) => inputs.length > 1)
    .filter(([, inputs]) => {
      const fieldset = inputs[0].closest('fieldset');
      return !fieldset || !fieldset.querySelector('legend') || !text(fieldset.querySelector('legend'));
    })
    .map(([name]) => name);
  return {
    h1s: [...document.querySelectorAll('h1')].map(text),
    title: document.title.replace(/\\s+/g, ' ').trim(),
    lang: document.documentElement.lang,
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    hasErrors: !!summary,
    brokenErrorLinks: summary ? [...summary.querySelectorAll('a')].map(a => a.getAttribute('href'))
      .filter(href => !href || !href.startsWith('#') || !document.getElementById(href.slice(1))) : [],
    ungrouped,
    signedInAs: text(document.querySelector('.app-sign-out p')).replace(/^.*?(\\S+@\\S+).*$/, '$1'),
    status: (performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0,
  };
}
"""


def page_structure_problems(facts):
    """What is wrong with a page's headings, title, ids, error links and fieldsets."""
    problems = []
    if len(facts["h1s"]) != 1:
        problems.append(f"{len(facts['h1s'])} h1 elements (there must be exactly one)")
    else:
        title = facts["title"]
        if facts["hasErrors"]:
            if not title.startswith(ERROR_PREFIXES):
                problems.append(f"the title of a page with errors must start with 'Error:': {title!r}")
            title = title.split(":", 1)[1].strip() if ":" in title else title
        if not title.startswith(facts["h1s"][0]):
            problems.append(f"the title {facts['title']!r} does not start with the h1 {facts['h1s'][0]!r}")
    if not facts["lang"]:
        problems.append("the page has no lang")
    if facts["duplicateIds"]:
        problems.append(f"duplicate ids: {sorted(set(facts['duplicateIds']))}")
    if facts["brokenErrorLinks"]:
        problems.append(f"error summary links to no field: {facts['brokenErrorLinks']}")
    if facts["ungrouped"]:
        problems.append(f"choices not in a fieldset with a legend: {facts['ungrouped']}")
    return problems


def _endpoint(app, url):
    from urllib.parse import urlsplit

    path = urlsplit(url).path
    adapter = app.url_map.bind("localhost")
    for method in ("GET", "POST"):
        try:
            return adapter.match(path, method=method)[0]
        except MethodNotAllowed:
            continue
        except (NotFound, RequestRedirect):
            return None
    return None


def _roles_of(app, email):
    if not email or "@" not in email:
        return frozenset()
    from feedback_app.queries import users as user_queries

    with app.app_context():
        user = user_queries.get_user_by_email(email)
        roles = frozenset(user.roles) if user else frozenset()
        db.session.remove()
    return roles


def assert_accessible(page, role=None):
    """Zero axe-core WCAG 2.2 A/AA violations and a sound structure; record the route checked.

    The staff role checked as is read from the page ("Signed in as ..."); pages that do not show
    it (a refusal, say) can be told it with ``role``.
    """
    page.wait_for_load_state()  # a page still arriving after a click has no body to check yet
    done, keys = _axed_before(page)
    if not done:
        violations = axe_violations(page)
        assert violations == [], f"{page.url}: {violations}"
        _remember_axed(keys)
    facts = page.evaluate(STRUCTURE)
    problems = page_structure_problems(facts)
    assert problems == [], f"{page.url}: {problems}"
    app = _SERVER.get("app")
    if app is not None:
        record_checked(page, status=facts["status"], role=role, signed_in_as=facts["signedInAs"], lang=facts["lang"])


# The page in two parts, the main element and the rest with the main element emptied, without what changes from
# one load to the next (the form token) or names the person signed in.
REGIONS = """
() => {
  const page = document.documentElement.cloneNode(true);
  page.querySelectorAll('input[name=csrf_token]').forEach(el => el.removeAttribute('value'));
  const main = page.querySelector('main');
  const inside = main ? main.outerHTML : '';
  if (main) main.innerHTML = '';
  return [inside, page.outerHTML.replace(/\\S+@\\S+/g, '@'),
          document.body.classList.contains('js-enabled') ? 'javascript on' : 'javascript off',
          String(window.innerWidth)];
}
"""
_AXED_HERE = set()


def _axed_before(page):
    """Whether axe-core has already passed both parts of this page (its main element, and the header, footer and
    navigation around it), with JavaScript on or off as now and at this width, on this or another page, in this
    process or another (``route_coverage.records_dir``). Journeys pass the same pages again and again (a survey's
    start page, the dashboard) and each role's pages differ mostly in the navigation: each part is checked once.
    Page-wide rules axe would apply to the pair (one h1, the title, unique ids) are checked on every page anyway
    (``page_structure_problems``)."""
    import hashlib

    inside, around, javascript, width = page.evaluate(REGIONS)
    keys = [hashlib.sha1(f"{javascript} {width} {part}".encode()).hexdigest() for part in (inside, around)]
    folder = route_coverage.records_dir()
    seen = (lambda key: (folder / f"axe-{key}").exists()) if folder else _AXED_HERE.__contains__
    return all(seen(key) for key in keys), keys


def _remember_axed(keys):
    folder = route_coverage.records_dir()
    for key in keys:
        _AXED_HERE.add(key)
        if folder:
            (folder / f"axe-{key}").touch()


def record_checked(page, status, role=None, signed_in_as=None, lang=None, url=None):
    """Record that the route of ``page`` (or of ``url``, fetched in its session) was checked, as ``role`` (or the
    user shown as signed in)."""
    app = _SERVER["app"]
    url = url or page.url
    CHECKED.append({"endpoint": _endpoint(app, url), "path": url, "status": status,
                    "roles": frozenset({role}) if role else _roles_of(app, signed_in_as), "lang": lang})


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Remember which browser modules this process collected (after ``-m`` and ``-k`` deselect), for the
    route-coverage check."""
    config.stash[_COLLECTED] = {Path(str(item.fspath)).name for item in items
                                if "tests/browser/" in str(item.fspath)}


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session):
    """Leave what this process checked for the route-coverage check (``route_coverage.py``)."""
    route_coverage.write_records(os.environ.get("PYTEST_XDIST_WORKER", ""),
                                 session.config.stash.get(_COLLECTED, set()), CHECKED)
