"""Flask-Login: sessions that expire when idle, and a loader that refuses stale sessions."""

from datetime import UTC, datetime

from flask import request, session
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager, current_user, logout_user

from feedback_app.services import accounts

login_manager = LoginManager()
login_manager.login_view = "auth.sign_in"
login_manager.login_message = _l("Sign in to see this page")
login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(session_id):
    return accounts.load_session_user(session_id)


def init_app(app):
    login_manager.init_app(app)
    from feedback_app.auth import navigation

    navigation.init_app(app)

    @app.before_request
    def expire_idle_sessions():
        # A stylesheet, script or icon is no sign of a person at work, and writing the session on its response would
        # race the pages: a late response of the page just left resets the cookie the next page (a sign-in form's
        # token, a sign-out) has just set, and the form fails as timed out.
        if _static(request.endpoint) or not current_user.is_authenticated:
            return
        now = datetime.now(UTC).timestamp()
        last_seen = session.get("last_seen", now)
        if now - last_seen > app.config["STAFF_IDLE_TIMEOUT"].total_seconds():
            logout_user()
            session.clear()
            session["signed_out_idle"] = True
            return
        session["last_seen"] = now
        session.permanent = True


def _static(endpoint):
    return endpoint is not None and endpoint.rsplit(".", 1)[-1] == "static"
