"""The web server's processes: build the heavy state once, before serving, and share it with every worker.

gunicorn loads the app in its master process (``preload_app`` in gunicorn.conf.py), calls :func:`warm`
there, then forks the workers. Each worker, including every one started later when an old one is
recycled, begins with the screen fitted, the templates compiled and the translations loaded: it costs
a fork (milliseconds), never seconds of CPU in the middle of load. :func:`after_fork` runs in each new
worker: no database connection is ever shared across a fork.
"""

import time

from flask import request

from feedback_app.extensions import db


def _compile_templates(app):
    """Compile every template (and build the macro modules the pages import) once."""
    env = app.jinja_env
    count = 0
    for name in env.list_templates(extensions=("html",)):
        template = env.get_template(name)
        count += 1
        if "/macro" in name or name.startswith(("govuk_frontend_wtf/", "answer_types/")):
            try:
                template.module  # noqa: B018 - builds the module that `{% from ... import %}` reuses
            except Exception:  # noqa: BLE001, S110 - a template that needs a page's context is built then
                pass
    return count


def _load_translations(app):
    from flask_babel import get_translations

    from feedback_app.i18n import use_language, wtforms_translations

    for language in app.config["LANGUAGES"]:
        with app.test_request_context("/"):
            use_language(language)
            get_translations()
            wtforms_translations(language)
            request.close()


def warm(app, log=None):
    """Everything a worker would otherwise build on its first requests. No database access."""
    timings = {}
    began = time.perf_counter()
    from analysis.screening import default_screener

    default_screener().build_matchers()  # built once here and shared by the forked workers
    timings["screen fitted"] = time.perf_counter() - began
    began = time.perf_counter()
    from analysis.redaction import default_redactor

    default_redactor().redact("warm up Sarah Smith, 07700 900123")  # name lists and word tables, shared
    timings["redactor fitted"] = time.perf_counter() - began
    began = time.perf_counter()
    timings["templates compiled"] = _compile_templates(app) and time.perf_counter() - began
    began = time.perf_counter()
    _load_translations(app)
    timings["translations loaded"] = time.perf_counter() - began
    if log is not None:
        log(", ".join(f"{name} in {seconds:.2f} s" for name, seconds in timings.items()))
    return timings


def after_fork(app):
    """In a new worker: forget any pooled connection inherited from the master (there should be none)."""
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
