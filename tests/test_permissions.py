"""Every route either says it is public or checks the signed-in user's roles."""

from feedback_app.auth.permissions import ANY_STAFF

PUBLIC_PREFIXES = ("respond.", "main.", "auth.sign_in", "auth.reset_request", "auth.reset_password")


def test_every_route_is_public_or_checks_a_role(app):
    unchecked = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if getattr(view, "public", False):
            assert rule.endpoint.startswith(PUBLIC_PREFIXES), f"{rule.endpoint} is public but is a staff route"
            continue
        if not getattr(view, "required_roles", None):
            unchecked.append(rule.endpoint)
    assert unchecked == [], f"routes without a role check: {unchecked}"


def test_staff_routes_exist(app):
    staff = [rule.endpoint for rule in app.url_map.iter_rules()
             if getattr(app.view_functions[rule.endpoint], "required_roles", None)]
    assert "staff.users" in staff
    assert set(app.view_functions["staff.dashboard"].required_roles) == set(ANY_STAFF)
