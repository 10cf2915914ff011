"""How much a respondent's first visit to a survey page transfers: budget 150 KB compressed.

    python benchmarks/page_weight.py [--budget-kb 150] [--surveys surveys/]

Serves the app on loopback (a temporary SQLite database with the survey files loaded), then for
each survey's start page and first question page, in every language the survey offers, fetches
the HTML and every asset it references (stylesheets, scripts and the modules they import, icons,
images, and anything the CSS loads with url(...)), as a browser with an empty cache would. The
service itself sends files uncompressed and leaves compression to the web server or proxy in front
of it, so each file is also compressed as such a proxy would: gzip level 6 (nginx's usual) and
brotli quality 5 (a usual on-the-fly setting). Where the server already compresses a file, what
it sent is counted instead. Prints a table per page, then the heaviest page and the verdict
against the budget (measured on gzip, the larger of the two); exits 1 when over budget.
"""

from __future__ import annotations

import argparse
import gzip
import http.cookiejar
import re
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KB = 1000


class _Assets(HTMLParser):
    """URLs a browser fetches for a page: stylesheets, icons, scripts, images, and the form."""

    def __init__(self):
        super().__init__()
        self.urls, self.start_form, self.csrf = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.urls.append(attrs["href"])
        elif tag in ("script", "img", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "form" and (attrs.get("action") or "").endswith("/start"):
            self.start_form = attrs["action"]
        elif tag == "input" and attrs.get("name") == "csrf_token" and self.start_form and not self.csrf:
            self.csrf = attrs.get("value")


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
JS_IMPORT = re.compile(r"""(?:import|export)\s*(?:[^'"]*?\sfrom\s*)?['"]([^'"]+)['"]"""
                       r"""|import\(\s*['"]([^'"]+)['"]\s*\)""")


def _compressed(body, encoding):
    if encoding in ("gzip", "br"):
        return len(body), len(body)
    return len(gzip.compress(body, compresslevel=6)), len(brotli.compress(body, quality=5))


class Visitor:
    """One browser with an empty cache: fetches each URL once, following what it references."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def fetch(self, url, data=None):
        request = urllib.request.Request(urllib.parse.urljoin(self.base, url), data=data,
                                         headers={"Accept-Encoding": "gzip, br"})
        with self.opener.open(request) as response:
            return response.geturl(), response.read(), response.headers

    def page_weight(self, url):
        final_url, body, headers = self.fetch(url)
        rows = [self._row(final_url, body, headers)]
        parser = _Assets()
        parser.feed(body.decode("utf-8"))
        seen, queue = {final_url}, [(urllib.parse.urljoin(final_url, u), False) for u in parser.urls]
        while queue:
            asset, from_css = queue.pop(0)
            if asset in seen or not asset.startswith(self.base):
                continue
            seen.add(asset)
            try:
                asset_url, asset_body, asset_headers = self.fetch(asset)
            except urllib.error.HTTPError as error:
                if not from_css:
                    raise  # the page itself asks for it: a broken page
                # A rule the page does not use (GOV.UK's crest): a browser never asks for it.
                rows.append({"url": urllib.parse.urlsplit(asset).path, "type": f"(HTTP {error.code}: unused CSS)",
                             "raw": 0, "gzip": 0, "brotli": 0})
                continue
            rows.append(self._row(asset_url, asset_body, asset_headers))
            kind = asset_headers.get_content_type()
            text = asset_body.decode("utf-8", "replace")
            if kind == "text/css":
                refs = [(m, True) for m in CSS_URL.findall(text) if not m.startswith("data:")]
            elif kind in ("text/javascript", "application/javascript"):
                refs = [(a or b, False) for a, b in JS_IMPORT.findall(text)]
            else:
                refs = []
            queue += [(urllib.parse.urljoin(asset_url, ref), css) for ref, css in refs]
        return rows, parser

    def _row(self, url, body, headers):
        gz, br = _compressed(body, headers.get("Content-Encoding"))
        return {"url": urllib.parse.urlsplit(url).path, "type": headers.get_content_type(),
                "raw": len(body), "gzip": gz, "brotli": br}


def serve(surveys_dir):
    from flask_migrate import upgrade
    from werkzeug.serving import make_server

    from feedback_app import create_app
    from feedback_app.config import TestConfig
    from feedback_app.extensions import db
    from feedback_app.services import survey_loader

    database = Path(tempfile.mkdtemp()) / "page-weight.sqlite"
    config = type("PageWeightConfig", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SURVEYS_DIR": surveys_dir,
        "RATE_LIMITS": {"start": "0/1", "submit": "0/1", "sign_in": "0/1", "reset": "0/1"}})
    app = create_app(config)
    with app.app_context():
        upgrade()
        survey_loader.load_directory(surveys_dir)
        slugs = dict(_definitions(surveys_dir))
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/", slugs


def _definitions(surveys_dir):
    from feedback_app.survey_definitions import load_file, survey_files

    for path in survey_files(surveys_dir):
        definition = load_file(path)
        if definition.audience != "training":  # reached only through a course session's links
            yield definition.slug, definition.languages


def _print_page(name, rows):
    print(f"\n{name}")
    print(f"  {'file':<44} {'type':<24} {'raw':>9} {'gzip':>9} {'brotli':>9}")
    for row in rows:
        print(f"  {row['url'][-44:]:<44} {row['type']:<24} {row['raw']:>9,} {row['gzip']:>9,} {row['brotli']:>9,}")
    total = {key: sum(row[key] for row in rows) for key in ("raw", "gzip", "brotli")}
    print(f"  {'total':<44} {'':<24} {total['raw']:>9,} {total['gzip']:>9,} {total['brotli']:>9,}")
    return total


def measure(surveys_dir, budget_kb):
    server, base, slugs = serve(surveys_dir)
    results = []
    try:
        for slug, languages in sorted(slugs.items()):
            for language in languages:
                visitor = Visitor(base)
                start = f"s/{slug}?lang={language}"
                rows, parser = visitor.page_weight(start)
                results.append((f"{start} (start page)", _print_page(f"/{start}: start page", rows)))
                # The first question page, on its own first load (a new browser with an empty cache).
                form = urllib.parse.urlencode({"csrf_token": parser.csrf or ""}).encode()
                question_url, _body, _headers = visitor.fetch(parser.start_form, data=form)
                fresh = Visitor(base)
                fresh.opener = visitor.opener  # same session (the draft), but nothing cached
                rows, _parser = fresh.page_weight(urllib.parse.urlsplit(question_url).path)
                name = f"{urllib.parse.urlsplit(question_url).path} [{language}] (first question)"
                results.append((name, _print_page(name, rows)))
    finally:
        server.shutdown()
    heaviest_name, heaviest = max(results, key=lambda item: item[1]["gzip"])
    budget = budget_kb * KB
    print(f"\nHeaviest first load: {heaviest_name}: {heaviest['gzip'] / KB:.1f} KB gzip, "
          f"{heaviest['brotli'] / KB:.1f} KB brotli, {heaviest['raw'] / KB:.1f} KB uncompressed.")
    verdict = heaviest["gzip"] <= budget
    print(f"Budget {budget_kb} KB compressed per page on first load: "
          f"{'PASS' if verdict else 'FAIL'} ({len(results)} pages measured).")
    return verdict, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--budget-kb", type=float, default=150)
    parser.add_argument("--surveys", type=Path, default=ROOT / "surveys")
    args = parser.parse_args()
    verdict, _results = measure(args.surveys, args.budget_kb)
    sys.exit(0 if verdict else 1)


if __name__ == "__main__":
    main()
