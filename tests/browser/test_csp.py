"""The Content Security Policy in a real browser: nothing the pages need is blocked, scripts run."""

import pytest

pytestmark = pytest.mark.browser

LISTEN = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
          "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));")


@pytest.mark.parametrize("path", ["/s/all-types", "/s/youth-voice", "/staff/sign-in", "/accessibility"])
def test_pages_run_their_scripts_and_break_no_rule_of_the_policy(page, path):
    page.add_init_script(LISTEN)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    response = page.goto(path)
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    classes = page.evaluate("document.body.className")
    assert "js-enabled" in classes and "govuk-frontend-supported" in classes, "the nonce'd inline script ran"
    assert page.evaluate("window.__csp") == []
    assert not [text for text in messages if "Content Security Policy" in text]


def test_an_injected_inline_script_without_the_nonce_is_blocked(page):
    page.add_init_script(LISTEN)
    page.goto("/s/all-types")
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
    }""")
    assert page.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
