"""Service-wide pages: health check, exit this page, home."""

from flask import Blueprint, abort, current_app, redirect, render_template, session, url_for

from feedback_app import jobs, queries
from feedback_app.auth.permissions import public
from feedback_app.services import survey_admin

bp = Blueprint("main", __name__)


@bp.route("/healthz")
@public
def healthz():
    """Each dependency's state; 503 when any is down (Redis only when configured)."""
    report = {}
    try:
        queries.ping()
        report["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure to reach the database is "unhealthy"
        queries.rollback()
        report["database"] = "unreachable"
    redis_url = current_app.config.get("REDIS_URL") or current_app.config.get("RATE_LIMIT_REDIS_URL")
    if redis_url:
        try:
            jobs.ping(redis_url)
            report["redis"] = "ok"
        except Exception:  # noqa: BLE001 - any failure to reach Redis is "unhealthy"
            report["redis"] = "unreachable"
    healthy = all(state == "ok" for state in report.values())
    return {"status": "ok" if healthy else "unavailable", **report}, 200 if healthy else 503


@bp.route("/exit")
@public
def exit_this_page():
    """Exit this page: forget every draft in this browser and go to a neutral site."""
    session.clear()
    return redirect(current_app.config["EXIT_THIS_PAGE_URL"])


@bp.route("/")
@public
def index():
    return render_template("views/main/index.html")


@bp.route("/accessibility")
@public
def accessibility():
    return render_template("views/main/accessibility.html")


@bp.route("/j/<code>")
@public
def short_link(code):
    """A poster's short link (``survey_admin.short_code``): on to the survey's start page, with its group."""
    found = survey_admin.find_short_link(code)
    if found is None:
        abort(404)
    slug, token = found
    return redirect(url_for("respond.start", slug=slug, c=token))
