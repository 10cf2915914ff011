"""Route decorators. Every route is either ``public`` or checks roles: a test enforces it."""

from functools import wraps

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user

ANY_STAFF = ("admin", "analyst", "trainer", "dsl", "viewer", "qpp")


def public(view):
    """Mark a route as open to everyone (respondents, health checks, sign-in)."""
    view.public = True
    return view


def roles_required(*roles, admins=True):
    """Only signed-in staff with one of ``roles`` (admins too, unless ``admins=False``) may use the route.

    ``admins=False`` is for what only the named roles may read, such as a disclosure's own words (the DSL):
    a person who needs both holds both roles.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return redirect(url_for("auth.sign_in", next=request.full_path))
            allowed = current_user.has_role(*roles) if admins else current_user.has_exact_role(*roles)
            if not allowed:
                current_app.logger.info("refused %s to user %s", request.endpoint, current_user.id)
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_roles = frozenset(roles) | ({"admin"} if admins else frozenset())
        return wrapped

    return decorator
