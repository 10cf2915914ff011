"""The survey builder: write and change surveys in the browser (admins and analysts).

One thing per page, as GOV.UK Forms does it; every page works without JavaScript. Routes are split
into ``surveys`` (create, copy, import, settings, make live, history, export), ``content`` (pages,
questions, rules) and ``languages`` (translations, preview).
"""

from flask import Blueprint, abort

from feedback_app.services.builder import drafts

bp = Blueprint("builder", __name__, url_prefix="/staff/builder")
BUILDERS = ("admin", "analyst")


@bp.context_processor
def _builder_context():
    from feedback_app.forms.builder import TYPE_LABELS

    return {"type_labels": TYPE_LABELS}


def load(slug):
    work = drafts.working(slug)
    if work is None:
        abort(404)
    return work


def attach(form, field, message, fallback="title"):
    """Show ``message`` by ``field`` (or the form's first field when it names none of them)."""
    target = getattr(form, field, None) if field else None
    if target is None:
        target = getattr(form, fallback, None) or next(f for f in form if f.name != "csrf_token")
    target.errors = list(target.errors) + [str(message)]


from feedback_app.views.builder import content, languages, surveys  # noqa: E402, F401 - routes
