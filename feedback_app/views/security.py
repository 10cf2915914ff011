"""Response headers that apply to every page: a strict Content Security Policy and friends.

Scripts run only from this site or with the page's nonce (``csp_nonce()`` in templates),
never inline without it. Styles allow inline ``<style>`` because the server-drawn
SVG charts carry their own; no user text is ever written unescaped, so this lets
nothing in that could run.
"""

import secrets

from flask import g, request
from werkzeug.middleware.proxy_fix import ProxyFix

HSTS = "max-age=31536000; includeSubDomains"


def csp_nonce():
    """A random nonce for this response, the same for every call within one request."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(18)
    return g.csp_nonce


def content_security_policy(nonce):
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def init_app(app):
    hops = app.config.get("PROXY_COUNT", 0)
    if hops:
        # Behind a reverse proxy: take the client address and scheme from its headers, and no more hops.
        # Never the host (X-Forwarded-Host): links are built from BASE_URL alone (services.links).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=0)

    app.jinja_env.globals["csp_nonce"] = csp_nonce

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", content_security_policy(csp_nonce()))
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if request.path == "/staff" or request.path.startswith("/staff/"):
            # Staff pages (safeguarding alerts with a child's own words, results, exports): never kept
            # by the browser or a proxy, so the back button or a shared computer shows nothing later.
            response.headers["Cache-Control"] = "no-store"
        return response
