"""Each survey in surveys/ completed in Chromium, with axe-core on every page."""

from pathlib import Path

import pytest

from tests.browser.conftest import REAL_SURVEYS, assert_accessible

pytestmark = pytest.mark.browser
SLUGS = sorted(path.stem for path in Path(REAL_SURVEYS).glob("*.yaml"))

FILL = """
() => {
  const done = new Set();
  for (const input of document.querySelectorAll('main input, main textarea')) {
    if (input.type === 'hidden' || done.has(input.name)) continue;
    if (input.type === 'radio' || input.type === 'checkbox') {
      done.add(input.name);
      input.click();
    } else if (input.name.endsWith('-day')) { input.value = '3'; }
    else if (input.name.endsWith('-month')) { input.value = '4'; }
    else if (input.name.endsWith('-year')) { input.value = '2025'; }
    else if (input.inputMode === 'numeric' || input.inputMode === 'decimal') { input.value = '2'; }
    else { input.value = 'An example answer written in the browser'; }
  }
}
"""


@pytest.mark.parametrize("slug", SLUGS)
def test_survey_completes_in_chromium_with_no_axe_violations(page, slug):
    page.goto(f"/s/{slug}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").click()
    pages = 0
    while "/q/" in page.url:
        assert_accessible(page)
        page.evaluate(FILL)
        with page.expect_navigation():
            page.get_by_role("button", name="Continue").click()
        assert page.locator(".govuk-error-summary").count() == 0, page.url
        pages += 1
        assert pages < 60
    assert page.url.endswith("/check")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send answers").click()
    assert page.url.endswith("/confirmation")
    assert_accessible(page)
    assert pages >= 5


def _no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_needs_horizontal_scrolling_at_320_css_pixels(browser, live_server, slug):
    context = browser.new_context(base_url=live_server["url"], viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        page.goto(f"/s/{slug}")
        assert _no_horizontal_scroll(page), page.url
        with page.expect_navigation():
            page.get_by_role("button", name="Start now").click()
        while "/q/" in page.url:
            assert _no_horizontal_scroll(page), page.url
            page.evaluate(FILL)
            with page.expect_navigation():
                page.get_by_role("button", name="Continue").click()
        assert _no_horizontal_scroll(page), page.url
    finally:
        context.close()
