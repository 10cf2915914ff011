"""Headers and cookies on every response: CSP with a per-request nonce, HSTS over HTTPS, frame denial."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.feedback_app.journey import SLUG

pytestmark = pytest.mark.usefixtures("surveys_loaded")


def _policy(response):
    return dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))


def test_every_inline_script_carries_the_nonce_of_its_response(client):
    first, second = client.get(f"/s/{SLUG}"), client.get(f"/s/{SLUG}")
    nonces = []
    for response in (first, second):
        policy = _policy(response)
        nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9_-]{20,})'", policy["script-src"]).group(1)
        nonces.append(nonce)
        page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        scripts = page.select("script")
        assert scripts, "the GOV.UK template adds its js-enabled script"
        for script in scripts:
            assert script.get("nonce") == nonce, script
    assert nonces[0] != nonces[1], "a fresh nonce for every response"


@pytest.mark.parametrize("url", ["/", f"/s/{SLUG}", "/staff/sign-in", "/healthz", "/no-such-page"])
def test_strict_policy_and_frame_denial_on_every_kind_of_response(client, url):
    response = client.get(url)
    policy = _policy(response)
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_hsts_only_when_served_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_behind_a_proxy_the_forwarded_scheme_turns_hsts_on(app):
    from feedback_app import create_app
    from feedback_app.config import TestConfig

    proxied = create_app(type("Proxied", (TestConfig,), {
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "PROXY_COUNT": 1}))
    with proxied.app_context():
        response = proxied.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in response.headers


def test_session_cookie_is_httponly_samesite_lax_and_secure_when_configured(app, client):
    client.get(f"/s/{SLUG}")
    client.post(f"/s/{SLUG}/start", data={})
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax" and not cookie.secure
    app.config["SESSION_COOKIE_SECURE"] = True
    secure_client = app.test_client()
    response = secure_client.get(f"/s/{SLUG}", base_url="https://localhost")
    header = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header


def test_production_cookies_are_secure():
    from feedback_app.config import ProductionConfig

    assert ProductionConfig.SESSION_COOKIE_SECURE is True
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY is True
    assert ProductionConfig.SESSION_COOKIE_SAMESITE == "Lax"


def test_a_body_over_the_size_limit_gets_a_friendly_413(client):
    response = client.post(f"/s/{SLUG}/start", data={"x": "a" * (1024 * 1024 + 10)})
    assert response.status_code == 413
    page = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert page.select_one("h1").text.strip() == "What you sent is too large"


def test_too_many_multipart_parts_get_a_413(client):
    response = client.post(f"/s/{SLUG}/start", data={f"field{i}": "x" for i in range(400)},
                           content_type="multipart/form-data")
    assert response.status_code == 413


TEMPLATES = Path(__file__).resolve().parents[2] / "feedback_app" / "templates"


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")),
                         ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_templates_have_no_inline_script_or_handler_without_the_nonce(template):
    source = template.read_text(encoding="utf-8")
    for tag in re.findall(r"<script\b[^>]*>", source, flags=re.I):
        assert "nonce=" in tag, f"{tag}: give it nonce=\"{{{{ csp_nonce() }}}}\""
    assert not re.search(r"\son[a-z]+\s*=", source, flags=re.I), "no on...= handlers: the policy blocks them"
    assert "javascript:" not in source.lower()
