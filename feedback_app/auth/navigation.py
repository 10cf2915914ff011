"""The staff menu: each area adds its entry here, shown to the roles that may use it."""

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

NAVIGATION = [
    ("surveys.index", _l("Surveys"), ("admin", "analyst")),
    ("results.index", _l("Results"), ("admin", "analyst", "viewer")),
    ("themes.index", _l("Themes"), ("admin", "analyst")),
    ("audits.index", _l("Audit programme"), ("admin", "analyst")),
    ("reports.index", _l("Reports"), ("admin", "analyst", "viewer")),
    ("assurance.index", _l("Assurance"), ("admin", "analyst", "qpp")),
    ("training.index", _l("Training"), ("trainer",)),
    ("safeguarding.queue", _l("Safeguarding queue"), ("dsl",)),
    ("staff.users", _l("Users"), ("admin",)),
    ("staff.audit_log", _l("Audit log"), ("admin",)),
]


def staff_navigation():
    endpoints = {rule.endpoint for rule in current_app.url_map.iter_rules()}
    items = []
    for endpoint, label, roles in NAVIGATION:
        if endpoint in endpoints and current_user.is_authenticated and current_user.has_role(*roles):
            area = endpoint.split(".")[0]
            active = request.endpoint == endpoint or (area != "staff" and request.blueprint == area)
            items.append({"href": url_for(endpoint), "text": str(label), "active": active})
    return items


def init_app(app):
    app.jinja_env.globals["staff_navigation"] = staff_navigation
