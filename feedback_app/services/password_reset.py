"""Sending a password-reset link: a background job, so every request costs the same."""

from datetime import UTC, datetime

from flask_babel import gettext as _

from feedback_app.services import accounts, outbox
from feedback_app.services.links import external_url


def send_link(email):
    """Email a one-time link to an active account with this address; do nothing for any other."""
    user, token = accounts.start_password_reset(email)
    if user is None:
        return
    link = external_url("auth.reset_password", token=token)
    # Kept in the outbox until the mail server takes it (retried if it is down), then deleted.
    outbox.send("password_reset", user.email, _("Reset your password"),
                _("Use this link within an hour to set a new password:\n\n%(link)s\n\n"
                  "If you did not ask for this, ignore this email.", link=link),
                expires_at=datetime.now(UTC) + accounts.RESET_LIFETIME)
