"""Error pages: plain English, a 4xx where the request was at fault, never a stack trace."""

from flask import current_app, make_response, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError

from feedback_app import jobs, queries
from feedback_app.services import results
from feedback_app.views import respond

MESSAGES = {
    400: (_l("Sorry, there is a problem with that request"), _l("Go back and try again.")),
    403: (
        _l("You do not have permission to see this page"),
        _l("If you think you should, contact the partnership's business unit."),
    ),
    404: (
        _l("Page not found"),
        _l("If you typed the web address, check it is correct. If you pasted it, check you copied the entire address."),
    ),
    405: (_l("Sorry, there is a problem with that request"), _l("Go back and try again.")),
    410: (_l("This page is no longer available"), _l("Go back to the start and try again.")),
    413: (_l("What you sent is too large"), _l("Shorten your answers and try again.")),
    429: (
        _l("Too many attempts from your connection"),
        _l("Wait a few minutes, then try again. Any answers you have given are kept."),
    ),
    500: (
        _l("Sorry, there is a problem with the service"),
        _l("Try again later. Your answers have not been lost if you saved them."),
    ),
    503: (
        _l("Sorry, we could not save that just now"),
        _l("Nothing has been lost: the answers you gave before this page are kept. Wait a moment, then try again."),
    ),
}


def render_error(status, retry_url=None):
    title, body = MESSAGES.get(status, MESSAGES[400])
    return render_template("views/errors/error.html", title=title, body=body, retry_url=retry_url), status


def rate_limited(error):
    page, status = render_error(429)
    return page, status, {"Retry-After": str(max(1, getattr(error, "retry_after", 60)))}


def database_unavailable(error):
    """The database went away mid-request (a restart, a failover): nothing half-written, say try again."""
    current_app.logger.warning("database unavailable: %s", type(error).__name__)
    queries.rollback_quietly()
    return render_error(503, retry_url=request.path)


def csrf_error(error):
    # Production cookies are only sent over HTTPS, so a form posted over plain HTTP always loses its
    # token: say so plainly rather than "timed out", which would mislead whoever is setting it up.
    if current_app.config.get("SESSION_COOKIE_SECURE") and not request.is_secure:
        return render_template("views/errors/insecure.html", reason="http",
                               secure_url=current_app.config["BASE_URL"]), 400
    if "referrer" in str(error.description).lower():
        return render_template("views/errors/insecure.html", reason="referrer"), 400
    if request.endpoint == "respond.question":
        page = respond.page_after_csrf_failure()
        if page is not None:
            return page
    return render_template("views/errors/csrf.html"), 400


def figures_being_prepared(error):
    """A page (results by a breakdown, its printable report, its summary CSV...) whose figures need the audit of
    breakdowns, none stored for the data as it is: no request works it out (it can take minutes); the background
    job has been asked for it (``results.survey_results``). Says so with a link to try again; with JavaScript the
    page polls ``results.audit_status`` and reloads itself once the audit is ready (no ``<meta refresh>``: a
    timed refresh fails WCAG 2.2.1)."""
    again = request.method in ("GET", "HEAD")
    if not again:
        queries.rollback_quietly()  # nothing half-written
    survey = getattr(error, "survey", None)
    response = make_response(render_template(
        "views/results/preparing.html", survey=survey, retry_url=request.full_path.rstrip("?") if again else None,
        status_url=url_for("results.audit_status", slug=survey.slug) if again and survey is not None else None,
        nobody_working=again and jobs.nobody_working()),
        200 if again else 409)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app):
    for status in MESSAGES:
        app.register_error_handler(status, lambda error, status=status: render_error(status))
    app.register_error_handler(CSRFError, csrf_error)
    app.register_error_handler(429, rate_limited)
    app.register_error_handler(results.NotReady, figures_being_prepared)
    app.register_error_handler(OperationalError, database_unavailable)
