"""Response headers that apply to every page: a strict Content Security Policy and friends.

Scripts run only from this site or with the page's nonce (``csp_nonce()`` in templates),
never inline without it. Styles allow inline ``<style>`` because the server-drawn
SVG charts carry their own; no user text is ever written unescaped, so this lets
nothing in that could run.
"""

import secrets

from flask import abort, g, request
from werkzeug.middleware.proxy_fix import ProxyFix

HSTS = "max-age=31536000; includeSubDomains"
# The largest whole number any id, year or page number can be (PostgreSQL's integer); beyond it a
# request is refused before it reaches a query, a date or a page count.
MAX_NUMBER = 2**31 - 1


def _absurd_number(value):
    digits = value[1:] if value[:1] in "+-" else value
    return digits.isdigit() and (len(digits) > 10 or int(digits) > MAX_NUMBER)


def refuse_malformed_input():
    """One guard for every route: NUL bytes anywhere (path, query, form) and numbers too large for any
    id, year or page are the sender's fault, so a plain 400 (or 404 for a path), never a 500 deeper in."""
    if "\x00" in request.path:
        abort(404)
    for value in (request.view_args or {}).values():
        if isinstance(value, int) and abs(value) > MAX_NUMBER:
            abort(404)
    for value in (v for _k, v in request.args.items(multi=True)):
        if "\x00" in value or _absurd_number(value):
            abort(400)
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        for value in (v for _k, v in request.form.items(multi=True)):
            if "\x00" in value:
                abort(400)


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
    app.before_request(refuse_malformed_input)

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
