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


def _schedule(text):
    """``"mail retry=120, retention purge=0"`` → ``{"mail retry": 120, "retention purge": 0}``."""
    changes = {}
    for part in (text or "").split(","):
        if part.strip():
            name, _equals, seconds = part.partition("=")
            changes[" ".join(name.split())] = int(seconds)
    return changes


class Config:
    ENVIRONMENT = "development"
    SECRET_KEY = _env("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = _database_url(None)  # None: SQLite in the instance folder
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SURVEYS_DIR = Path(_env("SURVEYS_DIR", str(BASE_DIR / "surveys")))
    # Standards frameworks for self-assessments and case audits (`flask frameworks load`).
    FRAMEWORKS_DIR = Path(_env("FRAMEWORKS_DIR", str(BASE_DIR / "frameworks")))
    # The partnership's priority areas, which audit proposals serve (`flask priorities load`).
    PRIORITIES_FILE = Path(_env("PRIORITIES_FILE", str(BASE_DIR / "config" / "priorities.yaml")))
    PARTNERSHIP_NAME = _env("PARTNERSHIP_NAME", "Northshire Safeguarding Children Partnership")
    SERVICE_NAME = _env("SERVICE_NAME", "Have your say")
    EXIT_THIS_PAGE_URL = _env("EXIT_THIS_PAGE_URL", "https://www.bbc.co.uk/weather")
    DRAFT_LIFETIME = timedelta(days=int(_env("DRAFT_LIFETIME_DAYS", "28")))
    # A response workbook prepared for download is deleted this long after it was asked for (flask exports purge).
    EXPORT_FILE_SECONDS = int(_env("EXPORT_FILE_SECONDS", "3600"))
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "feedback_app" / "translations")
    LANGUAGES = {"en": "English", "cy": "Cymraeg", "ur": "اردو"}
    RTL_LANGUAGES = frozenset({"ur", "ar", "fa", "he"})
    WTF_CSRF_TIME_LIMIT = 60 * 60 * 4
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env("SESSION_COOKIE_SECURE", "0") == "1"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    # The cookie is written only when the session changes (each staff page records when it was seen, so an active
    # session still slides), never on a static file's response: those would race the pages (``auth.login``).
    SESSION_REFRESH_EACH_REQUEST = False
    # argon2id parameters for staff passwords; empty means argon2-cffi's defaults (RFC 9106's
    # low-memory profile: t=3, m=64 MiB, p=4). Only the test configuration lowers them.
    PASSWORD_HASH_PARAMETERS = {}
    STAFF_IDLE_TIMEOUT = timedelta(minutes=int(_env("STAFF_IDLE_TIMEOUT_MINUTES", "30")))
    MAIL_SERVER = _env("MAIL_SERVER", "localhost")
    MAIL_PORT = int(_env("MAIL_PORT", "25"))
    MAIL_USE_TLS = _env("MAIL_USE_TLS", "0") == "1"
    MAIL_USERNAME = _env("MAIL_USERNAME")
    MAIL_PASSWORD = _env("MAIL_PASSWORD")
    MAIL_FROM = _env("MAIL_FROM", "no-reply@partnership.example")
    # Write emails as .eml files in this folder instead of sending them (the demo: `make run`).
    MAIL_FOLDER = _env("MAIL_FOLDER")
    # Fit the safeguarding screen in a background thread when the app starts, before the first respondent.
    SCREEN_WARM_AT_START = _env("SCREEN_WARM_AT_START", "1") == "1"
    # Work out every survey's audit of breakdowns in a background thread when `flask run` starts (without Redis it
    # is kept in that process only, and the first breakdown page would wait for it).
    RESULTS_AUDIT_WARM_AT_START = _env("RESULTS_AUDIT_WARM_AT_START", "1") == "1"
    BASE_URL = _env("BASE_URL", "http://127.0.0.1:5000")
    # Salts training attendees' pairing codes (with each course's own salt). Default: SECRET_KEY.
    TRAINING_PAIRING_SECRET = _env("TRAINING_PAIRING_SECRET")
    # Figures for fewer than this many people are hidden in every published table (and any that give them away).
    SUPPRESSION_THRESHOLD = max(2, int(_env("SUPPRESSION_THRESHOLD", "5")))
    SAFEGUARDING_ESCALATION_EMAIL = _env("SAFEGUARDING_ESCALATION_EMAIL")
    SAFEGUARDING_REVIEW_WORKING_DAYS = int(_env("SAFEGUARDING_REVIEW_WORKING_DAYS", "1"))
    MAX_CONTENT_LENGTH = 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 512 * 1024
    MAX_FORM_PARTS = 300
    # Behind N reverse proxies, trust N X-Forwarded-For/-Proto hops (for rate limits and HSTS).
    PROXY_COUNT = int(_env("PROXY_COUNT", "0"))
    # Shared by every machine: rate-limit counters and the job queue. Unset: a database table, in-process jobs.
    RATE_LIMIT_REDIS_URL = _env("REDIS_URL")
    RATE_LIMIT_SALT = _env("RATE_LIMIT_SALT")  # default: derived from SECRET_KEY, rotated daily
    # "count/seconds" per client address (hashed, never stored); "0/1" switches a limit off.
    RATE_LIMITS = {
        "start": _env("RATE_LIMIT_START", "600/3600"),
        "submit": _env("RATE_LIMIT_SUBMIT", "300/3600"),
        "sign_in": _env("RATE_LIMIT_SIGN_IN", "30/900"),
        # Failed sign-ins per account name from browsers it has not signed in from before, and per
        # browser it has (a signed "known browser" cookie): guesses at an account from elsewhere
        # never lock the person out of their own browser.
        "sign_in_account": _env("RATE_LIMIT_SIGN_IN_ACCOUNT", "10/900"),
        "sign_in_browser": _env("RATE_LIMIT_SIGN_IN_BROWSER", "10/900"),
        "reset": _env("RATE_LIMIT_RESET", "10/3600"),
    }
    MAIL_RETRY_MINUTES = int(_env("MAIL_RETRY_MINUTES", "5"))
    # `flask scheduler`: changes to its intervals in seconds (feedback_app.scheduler lists the defaults).
    SCHEDULE = _schedule(_env("SCHEDULE"))
    # Background jobs (feedback_app.jobs): an RQ queue on REDIS_URL, or a worker thread when unset.
    REDIS_URL = _env("REDIS_URL")
    JOBS_QUEUE = _env("JOBS_QUEUE", "feedback")
    # The audit of a survey's breakdowns (services.audit_cache): worked out in a background job after a write,
    # once writes have paused this long (seconds), or at the latest this long after the first (and when a page
    # finds none: no web request works it out); kept in Redis (when REDIS_URL is set) under this key prefix.
    RESULTS_AUDIT_PRECOMPUTE = _env("RESULTS_AUDIT_PRECOMPUTE", "1") != "0"
    RESULTS_AUDIT_SETTLE_SECONDS = float(_env("RESULTS_AUDIT_SETTLE_SECONDS", "2"))
    RESULTS_AUDIT_MAX_WAIT_SECONDS = float(_env("RESULTS_AUDIT_MAX_WAIT_SECONDS", "30"))
    RESULTS_AUDIT_REDIS_PREFIX = _env("RESULTS_AUDIT_REDIS_PREFIX", "feedback:")
    # A breakdown page whose data changed a moment ago, its audit being worked out in the background, shows
    # the figures this process last made for it, if no older than this, saying how old they are.
    RESULTS_STALE_SECONDS = float(_env("RESULTS_STALE_SECONDS", "120"))
    # Theme runs: "tfidf" (no model needed) or "embeddings" (sentence-transformers; THEME_MODEL unset
    # = the packaged all-MiniLM-L6-v2 of the embeddings extra, loaded offline).
    THEME_BACKEND = _env("THEME_BACKEND", "tfidf")
    THEME_MODEL = _env("THEME_MODEL")
    # A running theme run whose heartbeat is older than this is taken as dead (its worker was killed).
    THEME_RUN_LEASE_SECONDS = int(_env("THEME_RUN_LEASE_SECONDS", "120"))
    TESTING = False


class DevelopmentConfig(Config):
    DEBUG = False


class TestConfig(Config):
    ENVIRONMENT = "test"
    TESTING = True
    EMBEDDED_DEMO = True
    SECRET_KEY = "test-secret"  # noqa: S105 - the test configuration only
    BASE_URL = "http://localhost"  # the test client's host, so links read as a browser would see them
    SQLALCHEMY_DATABASE_URI = _database_url(_env("TEST_DATABASE_URL")) if _env("TEST_DB") == "postgres" else None
    SURVEYS_DIR = BASE_DIR / "tests" / "fixtures" / "surveys"
    # Cheap hashing so sign-ins in tests cost microseconds; production keeps the defaults (tested).
    PASSWORD_HASH_PARAMETERS = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}
    RATE_LIMIT_REDIS_URL = None  # tests that need Redis set it themselves
    REDIS_URL = None  # jobs run in a thread unless a test sets it
    MAIL_FOLDER = None
    SCREEN_WARM_AT_START = False  # tests share one fitted screen
    RESULTS_AUDIT_WARM_AT_START = False
    RESULTS_AUDIT_PRECOMPUTE = False  # no audit thread after every submit; the tests of it turn it on


class ProductionConfig(Config):
    ENVIRONMENT = "production"
    SESSION_COOKIE_SECURE = True


configs = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


# Keys that have been public (in this repository, in examples): never good enough to sign sessions with.
KNOWN_SECRET_KEYS = frozenset({"dev-only-not-secret", "test-secret", "changeme", "change-me", "secret", "..."})
MIN_SECRET_KEY_LENGTH = 32
# OWASP's floor for argon2id (m=19 MiB, t=2); argon2-cffi's defaults (m=64 MiB, t=3, p=4) are above it.
MIN_ARGON2 = {"time_cost": 2, "memory_cost": 19 * 1024}


class UnsafeConfiguration(RuntimeError):
    """Raised by create_app in production when a setting is missing or unsafe, so the process stops
    (gunicorn: "Worker failed to boot", exit 3; gunicorn.conf.py checks first and exits 1)."""

    def __init__(self, problems):
        self.problems = problems
        lines = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"Refusing to start in production (FEEDBACK_APP_ENV=production):\n{lines}")


def production_problems(config):
    """What is unsafe about a production configuration (a mapping such as ``app.config``); empty when fine."""
    problems = []
    key = config.get("SECRET_KEY") or ""
    if not isinstance(key, str | bytes):
        key = ""
    if key in KNOWN_SECRET_KEYS or len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 10:
        problems.append(f"SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_LENGTH} characters "
                        "(for example: python3 -c 'import secrets; print(secrets.token_urlsafe(48))')")
    if not str(config.get("BASE_URL") or "").startswith("https://"):
        problems.append("BASE_URL must be the service's public https:// address (links in emails are built from it)")
    if not config.get("SQLALCHEMY_DATABASE_URI") or str(config["SQLALCHEMY_DATABASE_URI"]).startswith("sqlite"):
        problems.append("DATABASE_URL must point at PostgreSQL (SQLite is for the embedded demo only)")
    if config.get("DEBUG"):
        problems.append("DEBUG must be off")
    if not config.get("SESSION_COOKIE_SECURE"):
        problems.append("SESSION_COOKIE_SECURE must be on (cookies only over HTTPS)")
    hashing = config.get("PASSWORD_HASH_PARAMETERS") or {}
    for name, floor in MIN_ARGON2.items():
        if name in hashing and hashing[name] < floor:
            problems.append(f"PASSWORD_HASH_PARAMETERS {name}={hashing[name]} is below {floor}: "
                            "only tests may use cheap password hashing")
    return problems


def check_production(config):
    """Stop a production process before it serves anything with an unsafe configuration."""
    if config.get("ENVIRONMENT") == "production":
        problems = production_problems(config)
        if problems:
            raise UnsafeConfiguration(problems)


def as_mapping(config_class):
    """A configuration class's settings as a dict, as ``app.config`` would hold them."""
    return {name: getattr(config_class, name) for name in dir(config_class) if name.isupper()}


def config_from_environment():
    return configs[_env("FEEDBACK_APP_ENV", "development")]
