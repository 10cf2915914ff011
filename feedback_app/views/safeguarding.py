"""The designated safeguarding lead's queue of possible disclosures."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.safeguarding import ReviewForm
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.services import journey, safeguarding

bp = Blueprint("safeguarding", __name__, url_prefix="/staff/safeguarding")


@bp.route("/")
@roles_required("dsl")
def queue():
    return render_template("views/safeguarding/queue.html", alerts=alert_queries.list_alerts(),
                           labels=safeguarding.category_labels)


@bp.route("/<int:alert_id>", methods=["GET", "POST"])
@roles_required("dsl")
def alert(alert_id):
    record = alert_queries.get_alert(alert_id) or abort(404)
    form = ReviewForm()
    if form.validate_on_submit():
        safeguarding.review(record, form.outcome.data, form.note.data, current_user)
        flash(_("Review recorded"))
        return redirect(url_for("safeguarding.queue"))
    if not form.errors:
        safeguarding.record_view(record, current_user)
    definition = journey.definition_of(record.response.survey_version)
    question = definition.question(record.question_id)
    return render_template("views/safeguarding/alert.html", alert=record, form=form, definition=definition,
                           question=question, labels=safeguarding.category_labels), 422 if form.errors else 200
