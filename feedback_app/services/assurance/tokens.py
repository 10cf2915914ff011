"""Invitation links: a random token per agency; only its SHA-256 hash is stored."""

import hashlib
import secrets


def new_token():
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token):
    return hashlib.sha256((token or "").encode("utf-8")).hexdigest()
