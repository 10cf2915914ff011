"""Pairing an attendee's before, after and follow-up answers without knowing who they are.

Two ways, both optional for the attendee:

* a code they can make again from two memorable prompts (the first 3 letters
  of the street they grew up on, the day of the month they were born). Only a
  slow, salted hash of it is stored: scrypt with a server secret and a salt of
  the course's own, so the same code gives unrelated hashes on two courses and
  the stored hash cannot be turned back into the code without the secret;
* a random pairing key their browser keeps in a signed cookie from one form
  of a session to the next.

The hash is stored only on the link between a response and its session
(``training_response``), never with a name or an email address.
"""

import hashlib
import secrets

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from feedback_app.queries import training as training_queries

STAGE_SURVEYS = {"before": "training-before", "after": "training-after", "followup": "training-followup"}
COOKIE = "training_pairing"
COOKIE_DAYS = 200  # longer than the 3 months to the follow-up
COOKIE_SESSIONS = 10  # keys kept for at most this many sessions
STREET_LETTERS = 3
SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def _secret():
    return (current_app.config.get("TRAINING_PAIRING_SECRET") or current_app.config["SECRET_KEY"]).encode("utf-8")


def normalise_code(street, day):
    """The attendee's code as ``"abc:07"``, or ``None`` when either part is missing or unusable."""
    letters = "".join(ch for ch in (street or "").casefold() if ch.isalpha())[:STREET_LETTERS]
    day = (day or "").strip()
    if len(letters) < STREET_LETTERS or not day.isdigit() or not 1 <= int(day) <= 31:
        return None
    return f"{letters}:{int(day):02d}"


def code_hash(course, code):
    """The stored form of an attendee's code for ``course``: scrypt(code, secret + course salt)."""
    salt = _secret() + b":" + course.pairing_salt.encode("ascii")
    return hashlib.scrypt(code.encode("utf-8"), salt=salt, **SCRYPT).hex()


def random_key():
    """A pairing key for a browser that brings no code: random, so it says nothing about anyone."""
    return secrets.token_hex(32)


def pairing_for(session, stage, code, remembered):
    """The pairing hash for a new form.

    A code wins. Otherwise a browser that did an earlier form of this session
    brings its key; the before form (a fresh start, perhaps on a shared
    computer) and a browser with nothing get a new random key.
    """
    if code:
        return code_hash(session.course, code)
    if stage != "before" and remembered:
        return remembered
    return random_key()


# -- the browser's cookie -------------------------------------------------------

def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="training-pairing")


def read_cookie(raw):
    """``{session id (str): pairing key}`` from the cookie; empty when missing or tampered with."""
    if not raw:
        return {}
    try:
        keys = _serializer().loads(raw)
    except BadSignature:
        return {}
    return keys if isinstance(keys, dict) else {}


def cookie_value(keys, session_id, pairing_hash):
    """The cookie's new value: this session's key, and the most recent others."""
    kept = {sid: key for sid, key in keys.items() if sid != str(session_id)}
    kept = dict(list(kept.items())[-(COOKIE_SESSIONS - 1):])
    kept[str(session_id)] = pairing_hash
    return _serializer().dumps(kept)


# -- drafts and responses --------------------------------------------------------

def context_for(session, stage, pairing_hash):
    """What a draft started from a session link carries: the objectives, and what to record on submit."""
    return {
        "lists": {"learning_objectives": [dict(item) for item in session.course.objectives]},
        "training": {"session_id": session.id, "stage": stage, "pairing_hash": pairing_hash},
    }


def record_response(response, context):
    """Tie a just-submitted response to its session and stage (inside the submit's transaction)."""
    training = (context or {}).get("training")
    if not training or training.get("stage") not in STAGE_SURVEYS:
        return None
    if training_queries.get_session(training["session_id"]) is None:
        return None
    return training_queries.add_response_link(response.id, training["session_id"], training["stage"],
                                              training.get("pairing_hash"))


def link_of(response):
    """The session link of a response, or ``None``."""
    return training_queries.response_link(response.id) if response is not None else None


def reminder_token(response):
    """The session's "after" link token when ``response`` answered it (to offer a follow-up reminder)."""
    link = link_of(response)
    return link.session.after_token if link is not None and link.stage == "after" else None
