"""The accessibility check itself: axe-core finds a known fault with JavaScript on and off, and the
JavaScript-off check reads the page it was given, not the one before."""

import pytest

from tests.browser.conftest import axe_violations, new_context

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
