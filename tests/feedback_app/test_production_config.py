"""Production refuses to start with a public or missing SECRET_KEY and other unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import extract_parameters

from feedback_app import create_app
from feedback_app.config import ProductionConfig, UnsafeConfiguration, as_mapping, production_problems

ROOT = Path(__file__).resolve().parents[2]
STRONG = "kX3v9Qp2LrT7wYz4Nb6Hc8Jd1Fg5Ms0Ae-Uo_iPl"
SAFE = {"SECRET_KEY": STRONG, "BASE_URL": "https://haveyoursay.partnership.example",
        "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://app@db.internal/feedback"}


def _production(**settings):
    return type("Prod", (ProductionConfig,), {**SAFE, **settings})


def _start_production(env_overrides):
    env = {key: value for key, value in os.environ.items()
           if key not in ("SECRET_KEY", "BASE_URL", "DATABASE_URL", "FEEDBACK_APP_ENV")}
    env.update({"FEEDBACK_APP_ENV": "production", **env_overrides})
    return subprocess.run([sys.executable, "-c", "from feedback_app import create_app; create_app()"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_production_without_a_secret_key_exits_non_zero_with_a_clear_message():
    result = _start_production({"BASE_URL": SAFE["BASE_URL"], "DATABASE_URL": "postgresql://app@db.internal/x"})
    assert result.returncode != 0
    assert "Refusing to start in production" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_gunicorn_refuses_to_start_production_without_a_secret_key():
    env = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DATABASE_URL")}
    env.update({"FEEDBACK_APP_ENV": "production", "BASE_URL": SAFE["BASE_URL"]})
    result = subprocess.run([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--check-config",
                             "feedback_app:create_app()"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("key", ["dev-only-not-secret", "short-but-random-7f3a", "a" * 64, ""])
def test_production_refuses_a_public_short_or_repetitive_secret_key(key):
    with pytest.raises(UnsafeConfiguration, match="SECRET_KEY"):
        create_app(_production(SECRET_KEY=key))


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("BASE_URL", "http://127.0.0.1:5000", "BASE_URL"),
    ("SQLALCHEMY_DATABASE_URI", None, "DATABASE_URL"),
    ("SQLALCHEMY_DATABASE_URI", "sqlite:///feedback.sqlite", "DATABASE_URL"),
    ("DEBUG", True, "DEBUG"),
    ("PASSWORD_HASH_PARAMETERS", {"time_cost": 1, "memory_cost": 8, "parallelism": 1}, "PASSWORD_HASH_PARAMETERS"),
])
def test_production_refuses_other_unsafe_defaults(setting, value, message):
    with pytest.raises(UnsafeConfiguration, match=message):
        create_app(_production(**{setting: value}))


def test_a_safe_production_configuration_starts():
    assert production_problems(as_mapping(_production())) == []
    assert create_app(_production()).config["SESSION_COOKIE_SECURE"] is True


def test_production_keeps_strong_argon2_parameters():
    """The test configuration may hash cheaply; production must never inherit that."""
    app = create_app(_production())
    with app.app_context():
        from feedback_app.services import accounts

        hasher = accounts.hasher()
        parameters = extract_parameters(hasher.hash("a long enough password"))
    assert parameters.time_cost >= 2 and parameters.memory_cost >= 19 * 1024
    assert production_problems(as_mapping(_production())) == []
