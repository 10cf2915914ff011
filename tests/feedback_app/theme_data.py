"""Demo answers and theme runs for the theme tests: the real survey files, filled by the demo generator."""

from datetime import date
from pathlib import Path

from feedback_app import jobs
from feedback_app.models import RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import demo_data, survey_loader, theme_runs

REAL_SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
TODAY = date(2026, 6, 30)


def load_demo(per_year=60, slugs=("workforce", "youth-voice")):
    """Load the real surveys and add repeatable demo responses (two survey years) to ``slugs``."""
    survey_loader.load_directory(REAL_SURVEYS)
    demo_data.generate(seed=7, per_year=per_year, today=TODAY, slugs=set(slugs))


def finished_run(user=None, sources=None, title="Workforce themes", **kwargs):
    """Start a run through the background job (a thread here) and wait for it to finish."""
    run = theme_runs.start(user, title, sources or {"surveys": ["workforce"]}, **kwargs)
    assert jobs.join(run.job_id, timeout=120)
    run = theme_queries.get_run_for_update(run.id)
    assert run.status == RunStatus.complete, run.error
    return run
