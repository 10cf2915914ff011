"""Rate limits on starting and sending surveys, signing in and resets: counted by a hashed address."""

import os
import secrets
from datetime import date

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select, text

from feedback_app.extensions import db
from feedback_app.models import RateLimitCounter, Response
from feedback_app.services import rate_limit
from tests.conftest import PASSWORD
from tests.feedback_app.journey import SLUG, answer_all

REDIS_URL = os.environ.get("REDIS_URL_FOR_TESTS", "redis://127.0.0.1:6379/15")


def _sign_in(client, email="nobody@partnership.example", address="192.0.2.7"):
    page = BeautifulSoup(client.get("/staff/sign-in").get_data(as_text=True), "html.parser")
    token = page.select_one("input[name=csrf_token]")["value"]
    return client.post("/staff/sign-in", data={"csrf_token": token, "email": email, "password": "wrong password"},
                       environ_base={"REMOTE_ADDR": address})


def _all_stored_text():
    """Every value in every column of the counters table, as text."""
    rows = db.session.execute(text("SELECT * FROM rate_limit_counter")).all()
    return " ".join(str(value) for row in rows for value in row)


def test_sign_in_is_limited_per_address_and_the_address_is_never_stored(app, client):
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "sign_in": "3/900"}
    statuses = [_sign_in(client).status_code for _ in range(3)]
    assert statuses == [401, 401, 401]
    blocked = _sign_in(client)
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 900
    page = BeautifulSoup(blocked.get_data(as_text=True), "html.parser")
    assert page.select_one("h1").text.strip() == "Too many attempts from your connection"
    # Another address is not affected.
    assert _sign_in(client, address="198.51.100.4").status_code == 401
    stored = _all_stored_text()
    assert "192.0.2.7" not in stored and "198.51.100.4" not in stored
    keys = set(db.session.scalars(select(RateLimitCounter.key_hash)).all())
    assert {rate_limit.key_for("sign_in", address) for address in ("192.0.2.7", "198.51.100.4")} <= keys
    assert all(len(key) == 64 for key in keys)


def test_the_key_is_an_hmac_that_changes_every_day(app):
    with app.test_request_context():
        today = rate_limit.key_for("sign_in", "192.0.2.7", date(2026, 3, 1))
        assert today == rate_limit.key_for("sign_in", "192.0.2.7", date(2026, 3, 1))
        assert today != rate_limit.key_for("sign_in", "192.0.2.7", date(2026, 3, 2))
        assert today != rate_limit.key_for("submit", "192.0.2.7", date(2026, 3, 1))
        assert "192" not in today
        app.config["RATE_LIMIT_SALT"] = "another secret"
        assert today != rate_limit.key_for("sign_in", "192.0.2.7", date(2026, 3, 1))


def test_a_window_resets_the_count(app):
    with app.test_request_context():
        app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "submit": "2/60"}
        rate_limit.hit("submit", "192.0.2.9", now=120)
        rate_limit.hit("submit", "192.0.2.9", now=150)
        with pytest.raises(rate_limit.RateLimited) as raised:
            rate_limit.hit("submit", "192.0.2.9", now=179)
        assert raised.value.retry_after == 1
        rate_limit.hit("submit", "192.0.2.9", now=180)  # the next window


def test_a_zero_limit_is_off_and_a_bad_limit_is_refused():
    assert rate_limit.parse_limit("0/1") == (0, 1)
    with pytest.raises(ValueError):
        rate_limit.parse_limit("5/0")


@pytest.mark.usefixtures("surveys_loaded")
def test_a_limited_submission_keeps_the_answers_and_can_be_sent_later(app, client_request):
    answer_all(client_request)
    app.config["RATE_LIMITS"] = {**app.config["RATE_LIMITS"], "submit": "1/3600"}
    with app.test_request_context():
        rate_limit.hit("submit", "127.0.0.1")  # someone else at the same address used it up
    page = client_request.submit(f"/s/{SLUG}/check", {}, _expected_status=429)
    assert "Any answers you have given are kept" in page.text
    assert db.session.scalars(select(Response)).all() == []
    app.config["RATE_LIMITS"]["submit"] = "300/3600"
    client_request.submit(f"/s/{SLUG}/check", {})
    assert len(db.session.scalars(select(Response)).all()) == 1


def test_counters_are_shared_through_redis_when_it_is_set(app):
    """With REDIS_URL the counts live in Redis, where every machine sees them, and not in the database."""
    import redis

    connection = redis.Redis.from_url(REDIS_URL)
    connection.ping()
    salt = secrets.token_hex(16)  # keys unique to this test run

    app.config.update(RATE_LIMIT_REDIS_URL=REDIS_URL, RATE_LIMIT_SALT=salt,
                      RATE_LIMITS={**app.config["RATE_LIMITS"], "sign_in": "2/900"})
    with app.test_request_context():
        rate_limit.hit("sign_in", "192.0.2.50")
        rate_limit.hit("sign_in", "192.0.2.50")
        with pytest.raises(rate_limit.RateLimited):
            rate_limit.hit("sign_in", "192.0.2.50")
        key = rate_limit.key_for("sign_in", "192.0.2.50")
    assert db.session.scalars(select(RateLimitCounter)).all() == [], "nothing in the database"
    stored = [name.decode() for name in connection.scan_iter(f"feedback:rl:{key}:*")]
    assert len(stored) == 1 and "192.0.2.50" not in stored[0]
    assert 0 < connection.ttl(stored[0]) <= 960
    connection.delete(*stored)


def test_redis_down_counts_in_the_database_so_limits_stay_on(app):
    app.config.update(RATE_LIMIT_REDIS_URL="redis://127.0.0.1:1/0",
                      RATE_LIMITS={**app.config["RATE_LIMITS"], "sign_in": "2/900"})
    with app.test_request_context():
        rate_limit.hit("sign_in", "192.0.2.51")
        rate_limit.hit("sign_in", "192.0.2.51")
        with pytest.raises(rate_limit.RateLimited):
            rate_limit.hit("sign_in", "192.0.2.51")
    assert db.session.scalar(select(RateLimitCounter.count)) == 3


def test_sign_in_still_works_under_the_limit(client_request, create_user):
    user = create_user("admin")
    client_request.submit("/staff/sign-in", {"email": user.email, "password": PASSWORD})
