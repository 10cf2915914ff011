"""The safeguarding screen is fitted in the background as a serving app starts (make run, gunicorn, workers)."""

import pytest

import feedback_app
from feedback_app.config import TestConfig


@pytest.mark.parametrize(("argv", "warms"), [
    (["/venv/bin/flask", "run", "--port", "5000"], True),
    (["/venv/lib/python3.11/site-packages/flask/__main__.py", "run"], True),
    (["/venv/bin/flask", "worker"], True),
    # gunicorn's master fits it once before forking (gunicorn.conf.py, server_process.warm), not here.
    (["/venv/bin/gunicorn", "-c", "gunicorn.conf.py"], False),
    (["/venv/bin/flask", "db", "upgrade"], False),
    (["/venv/bin/flask", "surveys", "load"], False),
])
def test_a_serving_app_fits_the_screen_at_start_and_one_off_commands_do_not(monkeypatch, tmp_path, argv, warms):
    started = []
    monkeypatch.setattr(feedback_app, "_warm_screen", lambda: started.append(True))
    monkeypatch.setattr(feedback_app.sys, "argv", argv)
    config = type("Serving", (TestConfig,), {"TESTING": False, "SCREEN_WARM_AT_START": True,
                                             "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.sqlite"})
    feedback_app.create_app(config)
    assert started == ([True] if warms else [])


def test_tests_do_not_fit_it_at_start(monkeypatch):
    started = []
    monkeypatch.setattr(feedback_app, "_warm_screen", lambda: started.append(True))
    feedback_app.create_app(TestConfig)
    assert started == []


def test_the_master_builds_every_rule_matcher_before_forking(app):
    """gunicorn's master warms the screen with all its matchers, so forked workers share them."""
    from analysis.screening import default_screener
    from feedback_app.server_process import warm

    timings = warm(app)
    screener = default_screener()
    assert set(screener.matchers_) == set(screener.patterns_)
    assert timings["screen fitted"] > 0


def test_the_master_fits_the_redactor_before_forking(app, monkeypatch):
    """Every answer stored is redacted: the name lists are loaded once in the master, not on a respondent's
    first submit in each worker."""
    import analysis.redaction
    from feedback_app.server_process import warm

    monkeypatch.setattr(analysis.redaction, "_default", None)
    timings = warm(app)
    assert timings["redactor fitted"] > 0
    fitted = analysis.redaction._default
    assert fitted is not None and fitted.names_
    assert fitted.redact("Anete said hi") == "[name] said hi"
