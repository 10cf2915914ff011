"""Throttling staff sign-in per account name without letting a stranger lock the real person out.

Three allowances, all counted by ``services.rate_limit`` (HMAC keys, never the address or email):

- ``sign_in``: every attempt from one client address (the existing per-address limit).
- ``sign_in_account``: failed attempts at one account name from browsers it has never signed in
  from. Unknown names are counted exactly like real ones, so the limit reveals nothing.
- ``sign_in_browser``: failed attempts from a browser the account has signed in from before
  (it holds a signed "known browser" cookie for that account). Such a browser is not held back by
  the per-account allowance, so guesses from elsewhere never lock the person out of their own
  browser; someone on a new browser can still get in by resetting their password, which marks
  that browser as known too.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from feedback_app.services import rate_limit

COOKIE = "staff_browser"
LIFETIME = timedelta(days=180)


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="known-browser")


def _account_tag(email):
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    message = b"known-browser " + (email or "").strip().lower().encode("utf-8")
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def known_browser(email):
    """This browser's id if the account ``email`` has signed in from it, else ``None``."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        data = _serializer().loads(raw, max_age=int(LIFETIME.total_seconds()))
    except BadSignature:
        return None
    if not isinstance(data, dict) or not hmac.compare_digest(str(data.get("a")), _account_tag(email)):
        return None
    return str(data.get("b") or "") or None


def allowance(email):
    """``(limit name, subject)`` that this attempt counts against; raises ``RateLimited`` if used up."""
    browser = known_browser(email)
    name, subject = ("sign_in_browser", browser) if browser else ("sign_in_account", (email or "").strip().lower())
    rate_limit.check(name, subject)
    return name, subject


def count_failure(name, subject):
    rate_limit.hit(name, subject)


def remember_browser(response, email):
    """Mark this browser as one the account signs in from (a signed cookie, only for /staff)."""
    value = _serializer().dumps({"a": _account_tag(email), "b": secrets.token_urlsafe(16)})
    response.set_cookie(COOKIE, value, max_age=int(LIFETIME.total_seconds()), path="/staff", httponly=True,
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False), samesite="Lax")
    return response
