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
MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
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
    problem: str | None = None  # "invalid", "locked", "disabled"


def sign_in(email, password):
    """Check a password; count failures and lock the account after too many."""
    user = user_queries.get_user_by_email(email or "")
    if user is None:
        try:
            dummy_hasher, dummy_hash = _hasher_and_dummy()
            dummy_hasher.verify(dummy_hash, password or "x")
        except VerificationError:
            pass
        return SignInResult(problem="invalid")
    if not user.active:
        return SignInResult(problem="disabled")
    if user.locked_until and user.locked_until > _now():
        return SignInResult(problem="locked")
    try:
        hasher().verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        with queries.transaction():
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                user.locked_until = _now() + LOCKOUT
                user.failed_sign_ins = 0
                audit_queries.add_event(user, "user.locked", user.email)
                return SignInResult(problem="locked")
        return SignInResult(problem="invalid")
    with queries.transaction():
        user.failed_sign_ins = 0
        user.locked_until = None
        user.last_sign_in_at = _now()
        if hasher().check_needs_rehash(user.password_hash):
            user.password_hash = hasher().hash(password)
        audit_queries.add_event(user, "user.signed_in", user.email)
    return SignInResult(user=user)


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
        record.used_at = _now()
        user.password_hash = hasher().hash(password)
        user.session_version += 1
        user.failed_sign_ins = 0
        user.locked_until = None
        audit_queries.add_event(user, "user.password_reset", user.email)
    return user


def reset_demo_admin(email, password):
    """The embedded demo's admin: created, or given a fresh password and unlocked."""
    user = user_queries.get_user_by_email(email)
    if user is None:
        return create_user(email, password, ["admin"])
    with queries.transaction():
        user.password_hash = hasher().hash(password)
        user.active, user.failed_sign_ins, user.locked_until = True, 0, None
        user.session_version += 1
        user_queries.set_roles(user, ["admin"])
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
