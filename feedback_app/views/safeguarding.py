"""The designated safeguarding lead's queue of possible disclosures.

Alerts and their original words are for the ``dsl`` role alone: an admin who is not also a DSL gets
403 here, and sees only counts and ages of open alerts (``overview``). Every staff page warns admins
and DSLs when an alert has not reached a DSL (``safeguarding_delivery``).
"""

from flask import Blueprint, abort, flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import SQLAlchemyError

from feedback_app import queries
from feedback_app.auth.permissions import roles_required
from feedback_app.forms.safeguarding import ReviewForm
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.services import journey, safeguarding, safeguarding_status, safeguarding_view

bp = Blueprint("safeguarding", __name__, url_prefix="/staff/safeguarding")


@bp.route("/")
@roles_required("dsl", admins=False)
def queue():
    """Possible disclosures first; then the answers the screen cannot read, which a person must read too."""
    alerts = alert_queries.list_alerts()
    return render_template("views/safeguarding/queue.html",
                           alerts=[alert for alert in alerts if not safeguarding.unread_only(alert)],
                           unread=[alert for alert in alerts if safeguarding.unread_only(alert)],
                           labels=safeguarding_view.category_labels)


@bp.route("/<int:alert_id>", methods=["GET", "POST"])
@roles_required("dsl", admins=False)
def alert(alert_id):
    record = alert_queries.get_alert(alert_id) or abort(404)
    form = ReviewForm()
    if record.status.value == "new" and form.validate_on_submit():
        safeguarding.review(record, form.outcome.data, form.note.data, current_user, form.referred_to.data)
        flash(_("Review recorded"))
        return redirect(url_for("safeguarding.queue"))
    if not form.errors:
        safeguarding.record_view(record, current_user)
    definition = journey.definition_of(record.response.survey_version)
    question = definition.question(record.question_id)
    language = g.get("language", "en")
    return render_template(
        "views/safeguarding/alert.html", alert=record, form=form, definition=definition, question=question,
        labels=safeguarding_view.category_labels, rows=safeguarding_view.whole_response(record, language),
        flagged=safeguarding_view.highlight(record.original_text, record.evidence),
        language_name=safeguarding_view.language_name,
    ), 422 if form.errors else 200


@bp.route("/overview")
@roles_required("admin")
def overview():
    """For admins: how many alerts are open and how old they are. Never their words."""
    count, ages = safeguarding_status.open_alert_ages()
    return render_template("views/safeguarding/overview.html", count=count, ages=ages,
                           delivery=safeguarding_status.undelivered())


def _delivery_for_current_user():
    if not (current_user.is_authenticated and current_user.has_exact_role("admin", "dsl")):
        return None
    try:
        return safeguarding_status.undelivered()
    except SQLAlchemyError:  # e.g. on the "could not save" page while the database restarts
        queries.rollback_quietly()
        return None


@bp.app_context_processor
def _delivery_banner():
    return {"safeguarding_delivery": _delivery_for_current_user}
