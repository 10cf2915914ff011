"""Helpers shared by the assurance views."""

from flask import abort, g, url_for
from flask_babel import gettext as _

from feedback_app.queries import assurance as q
from feedback_app.services.assurance import actions as action_service
from feedback_app.services.assurance import challenge, rounds
from feedback_app.survey_definitions import translate

PLANNERS = ("analyst",)
PANEL = ("qpp",)
READERS = ("analyst", "qpp")


def language():
    return g.get("language", "en")


def round_or_404(round_id):
    return q.get_round(round_id) or abort(404)


def submission_or_404(submission_id):
    return q.get_submission(submission_id) or abort(404)


def standard_or_404(submission, standard_id):
    return rounds.definition(submission.round).standard(standard_id) or abort(404)


def refuse(form, refused):
    field = getattr(form, refused.field, None) if refused.field else None
    if field is not None:
        field.errors = list(field.errors) + [str(refused.message)]
        return False
    return str(refused.message)


def helpers():
    return {
        "submission_status_label": rounds.status_label, "submission_status_tag": rounds.STATUS_TAGS.get,
        "action_status_label": action_service.status_label, "action_status_tag": action_service.STATUS_TAGS.get,
        "is_overdue": action_service.is_overdue, "outcome_label": challenge.outcome_label,
        "framework_of": rounds.definition, "tr": lambda text: translate(text, language()),
    }


def external(endpoint, **values):
    return url_for(endpoint, _external=True, **values)


def no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def invitation_message(link):
    return _("New invitation link (shown once; any earlier link no longer works): %(link)s", link=link)

