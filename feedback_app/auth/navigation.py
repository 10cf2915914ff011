"""The staff menu: each area adds its entry here, shown to the roles that may use it."""

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

NAVIGATION = [
    ("surveys.index", _l("Surveys"), ("admin", "analyst")),
    ("builder.index", _l("Survey builder"), ("admin", "analyst")),
    ("results.index", _l("Results"), ("admin", "analyst")),
    ("themes.index", _l("Themes"), ("admin", "analyst")),
    ("audits.index", _l("Audit programme"), ("admin", "analyst")),
    ("reports.index", _l("Reports"), ("admin", "analyst", "viewer")),
    ("assurance.index", _l("Assurance"), ("admin", "analyst", "qpp")),
    ("training.index", _l("Training"), ("trainer",)),
    ("safeguarding.queue", _l("Safeguarding queue"), ("dsl",)),
    ("safeguarding.overview", _l("Safeguarding alerts"), ("admin",)),
    ("staff.users", _l("Users"), ("admin",)),
    ("staff.audit_log", _l("Audit log"), ("admin",)),
]


def _may_use(endpoint, roles):
    view = current_app.view_functions[endpoint]
    required = getattr(view, "required_roles", None)
    if required is not None and "admin" not in required:
        return current_user.has_exact_role(*required)  # e.g. the DSL's queue: admins do not get in
    return current_user.has_role(*roles)


def staff_navigation():
    endpoints = {rule.endpoint for rule in current_app.url_map.iter_rules()}
    items = []
    for endpoint, label, roles in NAVIGATION:
        if endpoint in endpoints and current_user.is_authenticated and _may_use(endpoint, roles):
            area = endpoint.split(".")[0]
            active = request.endpoint == endpoint or (area != "staff" and request.blueprint == area)
            items.append({"href": url_for(endpoint), "text": str(label), "active": active})
    return items


def init_app(app):
    app.jinja_env.globals["staff_navigation"] = staff_navigation
