"""Staff home, user administration and the audit log."""

import secrets

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import ANY_STAFF, roles_required
from feedback_app.forms.auth import ConfirmForm, NewUserForm, RolesForm
from feedback_app.queries import audit as audit_queries
from feedback_app.queries import users as user_queries
from feedback_app.services import accounts
from feedback_app.services.links import external_url

bp = Blueprint("staff", __name__, url_prefix="/staff")
PAGE_SIZE = 50


@bp.route("/")
@roles_required(*ANY_STAFF)
def dashboard():
    return render_template("views/staff/dashboard.html")


@bp.route("/users")
@roles_required("admin")
def users():
    return render_template("views/staff/users.html", users=user_queries.list_users())


@bp.route("/users/new", methods=["GET", "POST"])
@roles_required("admin")
def new_user():
    form = NewUserForm()
    if form.validate_on_submit():
        user, token = None, None
        if user_queries.get_user_by_email(form.email.data) is not None:
            form.email.errors.append(_("An account already exists for this email address"))
        else:
            user = accounts.create_user(form.email.data, secrets.token_urlsafe(24), form.roles.data, current_user)
            user, token = accounts.start_password_reset(user.email)
            flash(_("Account created. Send this one-time link so they can set a password: %(link)s",
                    link=external_url("auth.reset_password", token=token)))
            return redirect(url_for("staff.users"))
    return render_template("views/staff/new_user.html", form=form), 422 if form.errors else 200


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@roles_required("admin")
def user(user_id):
    account = user_queries.get_user(user_id) or abort(404)
    form = RolesForm(data={"roles": sorted(account.roles)} if request.method == "GET" else None)
    if form.validate_on_submit():
        if account.id == current_user.id and "admin" not in form.roles.data:
            form.roles.errors.append(_("You cannot remove your own admin role"))
        else:
            accounts.set_roles(account, form.roles.data, current_user)
            flash(_("Roles updated for %(email)s", email=account.email))
            return redirect(url_for("staff.users"))
    return render_template("views/staff/user.html", account=account, form=form,
                           toggle=ConfirmForm(prefix="toggle")), 422 if form.errors else 200


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@roles_required("admin")
def toggle_user(user_id):
    account = user_queries.get_user(user_id) or abort(404)
    form = ConfirmForm(prefix="toggle")
    if form.validate_on_submit():
        if account.id == current_user.id:
            flash(_("You cannot disable your own account"))
        else:
            accounts.set_active(account, not account.active, current_user)
            flash(_("%(email)s is now %(state)s", email=account.email,
                    state=_("active") if account.active else _("disabled")))
    return redirect(url_for("staff.user", user_id=user_id))


@bp.route("/audit-log")
@roles_required("admin")
def audit_log():
    action = request.args.get("action") or None
    page = max(request.args.get("page", 1, type=int), 1)
    events = audit_queries.list_events(action, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    total = audit_queries.count_events(action)
    return render_template("views/staff/audit_log.html", events=events, actions=audit_queries.list_actions(),
                           action=action, page=page, has_next=page * PAGE_SIZE < total, total=total)
