"""Staff sign-in, sign-out and password reset."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from feedback_app.auth.permissions import ANY_STAFF, public, roles_required
from feedback_app.forms.auth import NewPasswordForm, ResetRequestForm, SignInForm
from feedback_app.services import accounts, audit, outbox, rate_limit
from feedback_app.services.links import external_url

bp = Blueprint("auth", __name__, url_prefix="/staff")


def _safe_next(target):
    parts = urlsplit(target or "")
    if parts.scheme or parts.netloc or not (target or "").startswith("/"):
        return url_for("staff.dashboard")
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
@public
def sign_in():
    form = SignInForm()
    status = 200
    idle = session.pop("signed_out_idle", False)
    if request.method == "POST":
        rate_limit.hit("sign_in")
    if form.validate_on_submit():
        result = accounts.sign_in(form.email.data, form.password.data)
        if result.user is not None:
            session.clear()
            login_user(result.user)
            session["last_seen"] = datetime.now(UTC).timestamp()
            return redirect(_safe_next(request.args.get("next")))
        messages = {
            "invalid": _("Enter a correct email address and password"),
            "locked": _("Your account is locked because of too many failed attempts. "
                        "Try again in 15 minutes or reset your password."),
            "disabled": _("Your account has been disabled. Contact the partnership's business unit."),
        }
        form.email.errors.append(messages[result.problem])
        status = 401 if result.problem == "invalid" else 403
    elif request.method == "POST":
        status = 422
    return render_template("views/auth/sign_in.html", form=form, idle=idle), status


@bp.route("/sign-out", methods=["POST"])
@roles_required(*ANY_STAFF)
def sign_out():
    audit.record(current_user, "user.signed_out", current_user.email)
    logout_user()
    session.clear()
    flash(_("You have signed out"))
    return redirect(url_for("auth.sign_in"))


@bp.route("/reset-password", methods=["GET", "POST"])
@public
def reset_request():
    form = ResetRequestForm()
    if request.method == "POST":
        rate_limit.hit("reset")
    if form.validate_on_submit():
        user, token = accounts.start_password_reset(form.email.data)
        if user is not None:
            link = external_url("auth.reset_password", token=token)
            # Kept in the outbox until the mail server takes it (retried if it is down), then deleted.
            outbox.send("password_reset", user.email, _("Reset your password"),
                        _("Use this link within an hour to set a new password:\n\n%(link)s\n\n"
                          "If you did not ask for this, ignore this email.", link=link),
                        expires_at=datetime.now(UTC) + accounts.RESET_LIFETIME)
        return render_template("views/auth/reset_sent.html")
    return render_template("views/auth/reset_request.html", form=form), 422 if form.errors else 200


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@public
def reset_password(token):
    if accounts.check_reset_token(token) is None:
        return render_template("views/auth/reset_expired.html"), 410
    form = NewPasswordForm()
    if form.validate_on_submit():
        accounts.finish_password_reset(token, form.password.data)
        flash(_("Your password has been changed. Sign in with your new password."))
        return redirect(url_for("auth.sign_in"))
    return render_template("views/auth/reset_password.html", form=form), 422 if form.errors else 200
