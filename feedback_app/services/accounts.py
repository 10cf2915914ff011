"""Staff accounts: argon2 password hashes, lockout, one-time reset links."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

from feedback_app import queries
from feedback_app.models import ROLES
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import users as user_queries

# One hasher per set of parameters (config PASSWORD_HASH_PARAMETERS; production: argon2's defaults),
# each with a real hash to verify against when the email is unknown, so timing does not reveal accounts.
_HASHERS = {}
RESET_LIFETIME = timedelta(hours=1)
MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    pass


def hasher():
    """The argon2 hasher for this app's PASSWORD_HASH_PARAMETERS (empty: argon2-cffi's strong defaults)."""
    return _hasher_and_dummy()[0]


def _hasher_and_dummy():
    parameters = current_app.config.get("PASSWORD_HASH_PARAMETERS") or {}
    key = tuple(sorted(parameters.items()))
    if key not in _HASHERS:
        made = PasswordHasher(**parameters)
        _HASHERS[key] = (made, made.hash("not-a-real-password"))
    return _HASHERS[key]


def _now():
    return datetime.now(UTC)


def _hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_user(email, password, roles, actor=None):
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise AccountError(f"unknown role: {', '.join(sorted(unknown))} (roles: {', '.join(ROLES)})")
    if not roles:
        raise AccountError("give at least one role")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must be at least {MIN_PASSWORD_LENGTH} characters")
    if "@" not in email:
        raise AccountError("enter an email address")
    if user_queries.get_user_by_email(email) is not None:
        raise AccountError(f"an account already exists for {email}")
    with queries.transaction():
        user = user_queries.add_user(email, hasher().hash(password), roles)
        audit_queries.add_event(actor, "user.created", user.email, {"roles": sorted(roles)})
    return user


@dataclass(frozen=True)
class SignInResult:
    user: object = None
    problem: str | None = None  # "invalid": the one answer for a wrong password, an unknown or disabled account


def sign_in(email, password):
    """Check a password. Every failure gets the same answer after the same work (one argon2 check),
    whether the account is unknown, disabled or the password wrong, so nothing tells which emails have
    accounts. Nothing locks the account: throttling is per address and per account name in the view
    (services.sign_in_throttle), and a browser the account has signed in from before keeps its own
    allowance, so a stranger's guesses cannot lock the real person out."""
    user = user_queries.get_user_by_email(email or "")
    active_hasher, dummy_hash = _hasher_and_dummy()
    stored_hash = user.password_hash if user is not None else dummy_hash
    try:
        active_hasher.verify(stored_hash, password or "")
        matched = True
    except (VerificationError, InvalidHashError):
        matched = False
    if user is None or not user.active or not matched:
        return SignInResult(problem="invalid")
    with queries.transaction():
        user.failed_sign_ins = 0
        user.locked_until = None
        user.last_sign_in_at = _now()
        if hasher().check_needs_rehash(user.password_hash):
            user.password_hash = hasher().hash(password)
        audit_queries.add_event(user, "user.signed_in", user.email)
    return SignInResult(user=user)


def end_sessions(user):
    """Sign the account out everywhere: every session cookie issued before now stops working."""
    with queries.transaction():
        user.session_version += 1


def load_session_user(session_id):
    """Flask-Login's loader: ``"<id>:<session version>"``; stale versions are refused."""
    try:
        user_id, version = (int(part) for part in str(session_id).split(":"))
    except ValueError:
        return None
    user = user_queries.get_user(user_id)
    if user is None or not user.active or user.session_version != version:
        return None
    return user


def start_password_reset(email):
    """Return ``(user, token)`` for a known, active account, else ``(None, None)``."""
    user = user_queries.get_user_by_email(email or "")
    if user is None or not user.active:
        return None, None
    token = secrets.token_urlsafe(32)
    with queries.transaction():
        user_queries.void_reset_tokens(user.id, _now())  # a new link voids older ones
        user_queries.add_reset_token(user, _hash_token(token), _now() + RESET_LIFETIME)
        audit_queries.add_event(user, "user.reset_requested", user.email)
    return user, token


def check_reset_token(token):
    record = user_queries.get_reset_token(_hash_token(token or ""))
    if record is None or record.used_at is not None or record.expires_at < _now():
        return None
    return record


def finish_password_reset(token, password):
    record = check_reset_token(token)
    if record is None:
        raise AccountError("expired")
    user = user_queries.get_user(record.user_id)
    with queries.transaction():
        user_queries.void_reset_tokens(user.id, _now())  # this link and any other still out
        user.password_hash = hasher().hash(password)
        user.session_version += 1
        user.failed_sign_ins = 0
        user.locked_until = None
        audit_queries.add_event(user, "user.password_reset", user.email)
    return user


def reset_demo_admin(email, password, roles=("admin",)):
    """An embedded demo account (the admin, the DSL): created, or given a fresh password and unlocked."""
    user = user_queries.get_user_by_email(email)
    if user is None:
        return create_user(email, password, list(roles))
    with queries.transaction():
        user.password_hash = hasher().hash(password)
        user.active, user.failed_sign_ins, user.locked_until = True, 0, None
        user.session_version += 1
        user_queries.set_roles(user, list(roles))
    return user


def set_roles(user, roles, actor):
    before = sorted(user.roles)
    with queries.transaction():
        user_queries.set_roles(user, roles)
        audit_queries.add_event(actor, "user.roles_changed", user.email, {"from": before, "to": sorted(roles)})


def set_active(user, active, actor):
    with queries.transaction():
        user.active = active
        user.session_version += 1
        audit_queries.add_event(actor, "user.enabled" if active else "user.disabled", user.email)
