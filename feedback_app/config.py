"""Configuration classes. The only module that reads the environment."""

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _env(name, default=None):
    return os.environ.get(name, default)


def _database_url(default):
    url = _env("DATABASE_URL", default)
    # Accept the common postgres:// and postgresql:// forms; always use psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url and url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class Config:
    SECRET_KEY = _env("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = _database_url(None)  # None: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SURVEYS_DIR = Path(_env("SURVEYS_DIR", str(BASE_DIR / "surveys")))
    PARTNERSHIP_NAME = _env("PARTNERSHIP_NAME", "Northshire Safeguarding Children Partnership")
    SERVICE_NAME = _env("SERVICE_NAME", "Have your say")
    EXIT_THIS_PAGE_URL = _env("EXIT_THIS_PAGE_URL", "https://www.bbc.co.uk/weather")
    DRAFT_LIFETIME = timedelta(days=int(_env("DRAFT_LIFETIME_DAYS", "28")))
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "feedback_app" / "translations")
    LANGUAGES = {"en": "English", "cy": "Cymraeg", "ur": "اردو"}
    RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "he"})
    WTF_CSRF_TIME_LIMIT = 60 * 60 * 4
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env("SESSION_COOKIE_SECURE", "0") == "1"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    STAFF_IDLE_TIMEOUT = timedelta(minutes=int(_env("STAFF_IDLE_TIMEOUT_MINUTES", "30")))
    MAIL_SERVER = _env("MAIL_SERVER", "localhost")
    MAIL_PORT = int(_env("MAIL_PORT", "25"))
    MAIL_USE_TLS = _env("MAIL_USE_TLS", "0") == "1"
    MAIL_USERNAME = _env("MAIL_USERNAME")
    MAIL_PASSWORD = _env("MAIL_PASSWORD")
    MAIL_FROM = _env("MAIL_FROM", "no-reply@partnership.example")
    BASE_URL = _env("BASE_URL", "http://127.0.0.1:5000")
    SAFEGUARDING_ESCALATION_EMAIL = _env("SAFEGUARDING_ESCALATION_EMAIL")
    SAFEGUARDING_REVIEW_WORKING_DAYS = int(_env("SAFEGUARDING_REVIEW_WORKING_DAYS", "1"))
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    TESTING = False


class DevelopmentConfig(Config):
    DEBUG = False


class TestConfig(Config):
    TESTING = True
    EMBEDDED_DEMO = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = _database_url(_env("TEST_DATABASE_URL")) if _env("TEST_DB") == "postgres" else None
    SURVEYS_DIR = BASE_DIR / "tests" / "fixtures" / "surveys"


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True


configs = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def config_from_environment():
    return configs[_env("FEEDBACK_APP_ENV", "development")]
