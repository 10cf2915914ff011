"""The assurance panel's pages: an agency's submission, challenge per standard, and the panel outcome."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.assurance import ChallengeForm, OutcomeForm
from feedback_app.services.assurance import challenge, rounds
from feedback_app.survey_definitions import translate
from feedback_app.views.assurance import bp
from feedback_app.views.assurance.common import (
    PANEL,
    PLANNERS,
    READERS,
    language,
    refuse,
    standard_or_404,
    submission_or_404,
)


def _outcome_form(formdata=None, submission=None):
    form = OutcomeForm(formdata=formdata) if formdata is not None else OutcomeForm(
        formdata=None, outcome=submission.panel_outcome, note=submission.panel_note)
    form.outcome.choices = [(value, str(label)) for value, label in challenge.OUTCOMES.items()]
    return form


def _render(submission, outcome_form, status=200):
    return render_template("views/assurance/submission.html", submission=submission,
                           states=rounds.progress(submission), outcome_form=outcome_form,
                           can_challenge=current_user.has_role(*PANEL), can_plan=current_user.has_role(*PLANNERS),
                           levels={lv.value: translate(lv.label, language())
                                   for lv in rounds.definition(submission.round).levels}), status


@bp.route("/submissions/<int:submission_id>")
@roles_required(*READERS)
def submission(submission_id):
    record = submission_or_404(submission_id)
    return _render(record, _outcome_form(submission=record))


@bp.route("/submissions/<int:submission_id>/outcome", methods=["POST"])
@roles_required(*PANEL)
def outcome(submission_id):
    record = submission_or_404(submission_id)
    form = _outcome_form(request.form)
    if form.validate_on_submit():
        try:
            challenge.record_outcome(record, current_user, form.outcome.data, (form.note.data or "").strip())
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Panel outcome recorded."))
            return redirect(url_for("assurance.submission", submission_id=record.id))
    return _render(record, form, 400)


@bp.route("/submissions/<int:submission_id>/standards/<standard_id>/challenge", methods=["GET", "POST"])
@roles_required(*PANEL)
def challenge_standard(submission_id, standard_id):
    record = submission_or_404(submission_id)
    standard = standard_or_404(record, standard_id)
    answer = rounds.answers_by_standard(record).get(standard_id)
    framework = rounds.definition(record.round)
    form = ChallengeForm()
    form.agreed_rating.choices = [("", _("Not agreed yet"))] + [
        (lv.value, translate(lv.label, language())) for lv in framework.levels]
    if request.method == "GET" and answer is not None:
        form.comment.data, form.agreed_rating.data = answer.panel_comment, answer.agreed_rating or ""
    message = None
    if form.validate_on_submit():
        try:
            challenge.review_standard(record, standard_id, current_user, (form.comment.data or "").strip(),
                                      form.agreed_rating.data or None, (form.evidence_request.data or "").strip())
        except rounds.RoundRefused as refused:
            message = refuse(form, refused)
        else:
            flash(_("Panel review of %(standard)s saved.", standard=standard.title_in(language())))
            return redirect(url_for("assurance.submission", submission_id=record.id))
    failed = bool(form.errors or message)
    return render_template("views/assurance/challenge.html", submission=record, standard=standard, answer=answer,
                           form=form, message=message, levels={lv.value: translate(lv.label, language())
                                                               for lv in framework.levels}), 400 if failed else 200
