"""Pages an agency's lead or auditor opens through an invitation link: no staff account needed.

The link's token is exchanged for a grant in the session, and the token leaves the
address bar at once. A grant opens one agency's work only: another agency's
self-assessment or case answers are "not found".
"""

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from feedback_app.auth.permissions import public
from feedback_app.forms.assurance import ActionUpdateForm, AgencyActionForm, standard_form
from feedback_app.forms.audits import ConfirmForm
from feedback_app.queries import assurance as q
from feedback_app.services.assurance import actions as action_service
from feedback_app.services.assurance import case_audits, rounds
from feedback_app.views.assurance import agency_bp
from feedback_app.views.assurance.common import language, no_store, refuse, standard_or_404

GRANTS = "assurance_grants"
agency_bp.after_request(no_store)


def _grant(kind, ident):
    grants = dict(session.get(GRANTS, {}))
    grants[kind] = sorted(set(grants.get(kind, [])) | {ident})
    session[GRANTS] = grants


def _granted(kind, ident):
    return ident in session.get(GRANTS, {}).get(kind, [])


@agency_bp.route("/start/<token>")
@public
def start(token):
    submission = rounds.submission_for_token(token)
    if submission is not None:
        _grant("s", submission.id)
        return redirect(url_for("agency.overview", submission_id=submission.id))
    participant = case_audits.participant_for_token(token)
    if participant is not None:
        _grant("c", participant.id)
        return redirect(url_for("agency.cases", participant_id=participant.id))
    return render_template("views/assurance/agency/link_expired.html"), 404


def _submission(submission_id):
    if not _granted("s", submission_id):
        abort(404)
    return q.get_submission(submission_id) or abort(404)


@agency_bp.route("/self-assessment/<int:submission_id>")
@public
def overview(submission_id):
    submission = _submission(submission_id)
    return render_template("views/assurance/agency/overview.html", submission=submission,
                           states=rounds.progress(submission),
                           actions=q.list_actions_of_agency(submission.agency_id),
                           editable=rounds.can_edit(submission))


@agency_bp.route("/self-assessment/<int:submission_id>/standards/<standard_id>", methods=["GET", "POST"])
@public
def standard(submission_id, standard_id):
    submission = _submission(submission_id)
    item = standard_or_404(submission, standard_id)
    framework = rounds.definition(submission.round)
    answer = rounds.answers_by_standard(submission).get(standard_id)
    data = {}
    if answer is not None:
        data = {"rating": answer.self_rating, "evidence": answer.evidence, "links": answer.links}
        data.update({f"sup_{key}": value for key, value in (answer.supplementary or {}).items()})
    form = standard_form(item, framework.levels, request.form if request.method == "POST" else None, **data)
    editable = rounds.can_edit(submission, standard_id)
    if request.method == "POST" and not editable:
        abort(409)
    if form.validate_on_submit():
        supplementary = {p.id: (getattr(form, f"sup_{p.id}").data or "").strip() for p in item.supplementary}
        rounds.save_answer(submission, standard_id, form.rating.data if item.rated else None,
                           form.evidence.data.strip(), (form.links.data or "").strip(), supplementary,
                           _("lead of %(agency)s", agency=submission.agency.name))
        flash(_("Saved: %(standard)s.", standard=item.title_in(language())))
        return redirect(url_for("agency.overview", submission_id=submission.id))
    return render_template("views/assurance/agency/standard.html", submission=submission, standard=item, form=form,
                           answer=answer, editable=editable, levels=framework.levels), 400 if form.errors else 200


@agency_bp.route("/self-assessment/<int:submission_id>/actions/new", methods=["GET", "POST"])
@public
def new_action(submission_id):
    submission = _submission(submission_id)
    form = AgencyActionForm()
    form.standard_id.choices = [("", _("None"))] + [
        (s.id, s.title_in(language())) for s in rounds.definition(submission.round).standards]
    if form.validate_on_submit():
        try:
            action_service.add_action(submission, form.standard_id.data, form.description.data.strip(),
                                      form.owner.data.strip(), form.due_on.data,
                                      _("lead of %(agency)s", agency=submission.agency.name))
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Action added to your action plan."))
            return redirect(url_for("agency.overview", submission_id=submission.id))
    return render_template("views/assurance/agency/new_action.html", submission=submission, form=form), \
        400 if form.errors else 200


@agency_bp.route("/self-assessment/<int:submission_id>/actions/<int:action_id>", methods=["GET", "POST"])
@public
def action(submission_id, action_id):
    submission = _submission(submission_id)
    record = q.get_action(action_id)
    if record is None or record.agency_id != submission.agency_id:
        abort(404)
    form = ActionUpdateForm()
    form.status.choices = [(s.value, str(action_service.status_label(s))) for s in action_service.A]
    if request.method == "GET":
        form.status.data = record.status.value
    if form.validate_on_submit():
        action_service.update_action(record, form.status.data, form.note.data.strip(),
                                     _("lead of %(agency)s", agency=submission.agency.name))
        flash(_("Progress recorded."))
        return redirect(url_for("agency.overview", submission_id=submission.id))
    return render_template("views/assurance/agency/action.html", submission=submission, action=record, form=form), \
        400 if form.errors else 200


@agency_bp.route("/self-assessment/<int:submission_id>/submit", methods=["GET", "POST"])
@public
def submit(submission_id):
    submission = _submission(submission_id)
    form = ConfirmForm()
    message = None
    if form.validate_on_submit():
        try:
            rounds.submit(submission, _("lead of %(agency)s", agency=submission.agency.name))
        except rounds.RoundRefused as refused:
            message = str(refused.message)
        else:
            flash(_("Self-assessment submitted. The partnership's assurance panel will review it."))
            return redirect(url_for("agency.overview", submission_id=submission.id))
    states = rounds.progress(submission)
    return render_template("views/assurance/agency/submit.html", submission=submission, states=states, form=form,
                           message=message,
                           levels={lv.value: lv.label for lv in rounds.definition(submission.round).levels}), \
        400 if message else 200
