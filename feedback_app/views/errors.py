"""Error pages: plain English, a 4xx where the request was at fault, never a stack trace."""

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError

from feedback_app.views import respond

MESSAGES = {
    400: (_l("Sorry, there is a problem with that request"), _l("Go back and try again.")),
    403: (_l("You do not have permission to see this page"), _l("If you think you should, contact the partnership's business unit.")),
    404: (_l("Page not found"), _l("If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.")),
    405: (_l("Sorry, there is a problem with that request"), _l("Go back and try again.")),
    410: (_l("This page is no longer available"), _l("Go back to the start and try again.")),
    413: (_l("What you sent is too large"), _l("Shorten your answers and try again.")),
    500: (_l("Sorry, there is a problem with the service"), _l("Try again later. Your answers have not been lost if you saved them.")),
}


def render_error(status):
    title, body = MESSAGES.get(status, MESSAGES[400])
    return render_template("views/errors/error.html", title=title, body=body), status


def csrf_error(error):
    if request.endpoint == "respond.question":
        page = respond.page_after_csrf_failure()
        if page is not None:
            return page
    return render_template("views/errors/csrf.html"), 400


def init_app(app):
    for status in MESSAGES:
        app.register_error_handler(status, lambda error, status=status: render_error(status))
    app.register_error_handler(CSRFError, csrf_error)
