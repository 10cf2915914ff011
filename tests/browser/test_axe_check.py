"""The accessibility check itself: axe-core finds a known fault with JavaScript on and off, and the
JavaScript-off check reads the page it was given, not the one before; and the headless shell the suite runs in
reads the service's pages as the full Chromium does."""

import pytest

from tests.browser.conftest import CHROMIUM_ARGS, FULL_CHROMIUM, axe_violations, new_context
from tests.browser.journeys import focused

pytestmark = pytest.mark.browser

PAGE = ("<!doctype html><html lang='en'><head><title>{title}</title></head><body>"
        "<script>document.body.className = 'js-enabled';</script><main><h1>{title}</h1>{body}</main></body></html>")
FAULTY = PAGE.format(title="Faulty", body="<img src='/static/favicon.svg'><form><input type='text' name='q'></form>")
SOUND = PAGE.format(title="Sound", body="<img src='/static/favicon.svg' alt='A shield'><form><label for='q'>Search"
                    "</label><input type='text' id='q' name='q'></form>")


def _serve(context, html_by_path):
    context.route("**/fixture/*", lambda route: route.fulfill(
        status=200, content_type="text/html", body=html_by_path[route.request.url.rsplit("/", 1)[1]]))


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript-on", "javascript-off"])
def test_axe_finds_a_missing_alt_and_a_missing_label_and_then_a_sound_page(browser, live_server, javascript):
    context = new_context(browser, live_server, java_script_enabled=javascript)
    try:
        _serve(context, {"faulty": FAULTY, "sound": SOUND})
        page = context.new_page()
        page.goto("/fixture/faulty")
        # The service's own pages say whether JavaScript ran the same way (GOV.UK Frontend's class).
        assert page.evaluate("document.body.classList.contains('js-enabled')") is javascript
        assert {"image-alt", "label"} <= {v["id"] for v in axe_violations(page)}
        page.goto("/fixture/sound")
        assert axe_violations(page) == []
        page.goto("/fixture/faulty")
        assert "image-alt" in {v["id"] for v in axe_violations(page)}
    finally:
        context.close()


READ = """
() => ({
  scrollsAt320: document.documentElement.scrollWidth > window.innerWidth,
  lang: document.documentElement.lang, dir: getComputedStyle(document.body).direction, title: document.title,
})
"""


def _read(browser, live_server, path, *, submit_empty=False):
    """What the checks look at on one page: axe-core's violations, the accessibility tree, reflow at 320 CSS
    pixels, and the element Tab reaches first (with whether its focus is visible)."""
    context = new_context(browser, live_server, viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        page.goto(path)
        if submit_empty:  # start, then continue with nothing answered until a page says what is missing
            with page.expect_navigation():
                page.locator("main form button").first.click()
            for _ in range(3):
                with page.expect_navigation():
                    page.locator("main form button:not([value=save])").first.click()
                if page.locator(".govuk-error-summary").count():
                    break
        page.keyboard.press("Tab")
        return {"axe": axe_violations(page), "tree": page.locator("body").aria_snapshot(),
                "page": page.evaluate(READ), "focus": focused(page)}
    finally:
        context.close()


def test_the_headless_shell_reads_the_services_pages_as_the_full_chromium_does(browser, live_server):
    """The suite runs in ``chromium-headless-shell`` (``conftest.CHROMIUM``, for speed); here the same pages in
    Debian's full Chromium give the same results: a start page in English and in Urdu (right to left), a question
    page sent empty (the error summary), and a staff sign-in page."""
    paths = [("/s/youth-voice", False), ("/s/youth-voice?lang=ur", False), ("/s/all-types", True),
             ("/staff/sign-in", False)]
    shell = [_read(browser, live_server, path, submit_empty=empty) for path, empty in paths]
    full_browser = browser.browser_type.launch(executable_path=FULL_CHROMIUM, args=CHROMIUM_ARGS)
    try:
        full = [_read(full_browser, live_server, path, submit_empty=empty) for path, empty in paths]
    finally:
        full_browser.close()
    assert shell[2]["tree"].count("There is a problem") == 1  # the empty page's error summary is there
    assert shell[1]["page"]["dir"] == "rtl"
    for (path, _), in_shell, in_full in zip(paths, shell, full, strict=True):
        assert in_shell == in_full, path
