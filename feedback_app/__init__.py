"""Feedback service for a Local Safeguarding Children Partnership."""

import sys
from pathlib import Path

from flask import Flask

from feedback_app import assurance_cli, cli, demo_cli, i18n, jobs, scheduler, templating, training_cli
from feedback_app.auth import login
from feedback_app.config import check_production, config_from_environment
from feedback_app.extensions import csrf, db, migrate
from feedback_app.services import audit_cache, links
from feedback_app.views import errors, security
from feedback_app.views.assurance import agency_bp
from feedback_app.views.assurance import bp as assurance_bp
from feedback_app.views.audits import bp as audits_bp
from feedback_app.views.auth import bp as auth_bp
from feedback_app.views.builder import bp as builder_bp
from feedback_app.views.main import bp as main_bp
from feedback_app.views.reports import bp as reports_bp
from feedback_app.views.respond import bp as respond_bp
from feedback_app.views.results import bp as results_bp
from feedback_app.views.safeguarding import bp as safeguarding_bp
from feedback_app.views.staff import bp as staff_bp
from feedback_app.views.surveys import bp as surveys_bp
from feedback_app.views.themes import bp as themes_bp
from feedback_app.views.training import bp as training_bp
from feedback_app.views.training import respond_bp as training_respond_bp

MIGRATIONS = str(Path(__file__).resolve().parent.parent / "migrations")


def create_app(config_class=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object(config_class or config_from_environment())
    check_production(app.config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///" + str(Path(app.instance_path) / "feedback.sqlite")
        app.config.setdefault("EMBEDDED_DEMO", True)

    db.init_app(app)
    migrate.init_app(app, db, directory=MIGRATIONS)
    csrf.init_app(app)
    login.init_app(app)
    i18n.init_app(app)
    templating.init_app(app)
    links.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    cli.init_app(app)
    assurance_cli.init_app(app)
    demo_cli.init_app(app)
    training_cli.init_app(app)
    jobs.init_app(app)
    scheduler.init_app(app)

    app.register_blueprint(main_bp)
    app.register_blueprint(respond_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(safeguarding_bp)
    app.register_blueprint(results_bp)
    app.register_blueprint(surveys_bp)
    app.register_blueprint(builder_bp)
    app.register_blueprint(training_bp)
    app.register_blueprint(training_respond_bp)
    app.register_blueprint(themes_bp)
    app.register_blueprint(audits_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(assurance_bp)
    app.register_blueprint(agency_bp)
    if app.config.get("SCREEN_WARM_AT_START") and not app.testing and _serves_requests():
        _warm_screen()
    if app.config.get("RESULTS_AUDIT_WARM_AT_START") and not app.testing and _runs_server():
        audit_cache.warm_at_start(app)
    return app


def _flask_command():
    """The ``flask`` command's arguments (``["run", ...]``) when this process is that command, else None."""
    argv = sys.argv or [""]
    if Path(argv[0]).name == "flask" or argv[0].endswith(str(Path("flask") / "__main__.py")):
        return argv[1:]
    return None


def _runs_server():
    """``flask run`` only: gunicorn's workers share the audit through Redis, which the background job fills."""
    return "run" in (_flask_command() or [])


def _serves_requests():
    """False for one-off commands (``flask db upgrade``): only ``flask run``/``worker`` and servers need the screen."""
    argv = sys.argv or [""]
    if "gunicorn" in Path(argv[0]).name:
        return False  # gunicorn.conf.py fits it in the master before forking (server_process.warm)
    command = _flask_command()
    return True if command is None else bool({"run", "worker"} & set(command))


def _warm_screen():
    """Fit the safeguarding screen and the redactor and build the screen's rule matchers in the background
    now (import and fit take seconds on a busy machine), as gunicorn.conf.py does before forking, so the
    first respondent under `make run` does not wait for them."""
    import threading

    from analysis.redaction import default_redactor
    from analysis.screening import default_screener

    def work():
        default_screener().build_matchers()
        default_redactor().redact("warm up Sarah Smith")  # every answer stored is redacted first

    threading.Thread(target=work, name="warm-screener", daemon=True).start()
