"""Column helpers shared by the models."""

import base64
import hashlib
import hmac
import json
import logging
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.types import TypeDecorator

JSONType = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC datetime on every backend (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def utcnow():
    return datetime.now(UTC)


def _fernet():
    from cryptography.fernet import Fernet
    from flask import current_app

    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    key = hmac.new(secret, b"feedback-app sealed json v1", hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(key))


class SealedJSON(TypeDecorator):
    """JSON encrypted at rest (Fernet: AES-128-CBC with an HMAC) with a key derived from ``SECRET_KEY``.

    Stored as ``{"sealed": "<token>"}``, so the column stays JSON on every backend and rows
    written before sealing (plain JSON objects) still read. A database copy alone shows none
    of what was typed. A value that cannot be opened (``SECRET_KEY`` changed) reads as empty.
    """

    impl = JSON
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(JSONB() if dialect.name == "postgresql" else JSON())

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        token = _fernet().encrypt(json.dumps(value, separators=(",", ":")).encode("utf-8"))
        return {"sealed": token.decode("ascii")}

    def process_result_value(self, value, dialect):
        if not (isinstance(value, dict) and set(value) == {"sealed"}):
            return value
        from cryptography.fernet import InvalidToken

        try:
            return json.loads(_fernet().decrypt(value["sealed"].encode("ascii")))
        except InvalidToken:
            logging.getLogger(__name__).warning("a sealed value could not be opened (SECRET_KEY changed?)")
            return {}
