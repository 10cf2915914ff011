"""Absolute links for emails and for staff to hand out, built only from the configured ``BASE_URL``.

Never from the request: its ``Host`` and ``X-Forwarded-Host`` headers are chosen by
whoever sends it, so a link built from them (a password reset, say) could point at
an attacker's site and hand them the token.
"""

from urllib.parse import urlsplit

from flask import current_app


def external_url(endpoint, **values):
    """``https://<BASE_URL host>/<path for endpoint>``, the same in and out of a request."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path.rstrip("/") or "/",
                                       url_scheme=base.scheme or "https")
    return adapter.build(endpoint, values, force_external=True)


def init_app(app):
    app.jinja_env.globals["external_url"] = external_url
