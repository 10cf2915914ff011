"""Service-wide pages: health check, exit this page, home."""

from flask import Blueprint, current_app, redirect, render_template, session

from feedback_app import queries
from feedback_app.auth.permissions import public

bp = Blueprint("main", __name__)


@bp.route("/healthz")
@public
def healthz():
    try:
        queries.ping()
    except Exception:  # noqa: BLE001 - any failure to reach the database is "unhealthy"
        queries.rollback()
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}, 200


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
