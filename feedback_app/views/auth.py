"""Staff sign-in, sign-out and password reset."""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from feedback_app import jobs
from feedback_app.auth.permissions import ANY_STAFF, public, roles_required
from feedback_app.forms.auth import NewPasswordForm, ResetRequestForm, SignInForm
from feedback_app.services import accounts, audit, rate_limit, sign_in_throttle

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
        allowance = sign_in_throttle.allowance(form.email.data)
        result = accounts.sign_in(form.email.data, form.password.data)
        if result.user is not None:
            session.clear()
            login_user(result.user)
            session["last_seen"] = datetime.now(UTC).timestamp()
            response = redirect(_safe_next(request.args.get("next")))
            return sign_in_throttle.remember_browser(response, result.user.email)
        sign_in_throttle.count_failure(*allowance)
        # One message whatever the reason (wrong password, unknown or disabled account).
        form.email.errors.append(_("Enter a correct email address and password"))
        status = 401
    elif request.method == "POST":
        status = 422
    return render_template("views/auth/sign_in.html", form=form, idle=idle), status


@bp.route("/sign-out", methods=["POST"])
@roles_required(*ANY_STAFF)
def sign_out():
    audit.record(current_user, "user.signed_out", current_user.email)
    # End the session on the server too: a copy of the old cookie no longer signs anyone in.
    accounts.end_sessions(current_user._get_current_object())
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
        # The same work for every address, known or not: the lookup, the link and the email happen in
        # a background job, so the answer's timing says nothing about which emails have accounts.
        jobs.enqueue("feedback_app.services.password_reset.send_link", form.email.data.strip(), job_timeout=120)
        return render_template("views/auth/reset_sent.html")
    return render_template("views/auth/reset_request.html", form=form), 422 if form.errors else 200


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@public
def reset_password(token):
    if accounts.check_reset_token(token) is None:
        return render_template("views/auth/reset_expired.html"), 410
    form = NewPasswordForm()
    if form.validate_on_submit():
        user = accounts.finish_password_reset(token, form.password.data)
        flash(_("Your password has been changed. Sign in with your new password."))
        # Whoever holds the emailed link owns the account: this browser is now one it signs in from.
        return sign_in_throttle.remember_browser(redirect(url_for("auth.sign_in")), user.email)
    return render_template("views/auth/reset_password.html", form=form), 422 if form.errors else 200
