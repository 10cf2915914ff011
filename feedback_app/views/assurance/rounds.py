"""Staff pages for rounds: new round, the round's agencies and invitations, reopening, actions, reports."""

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.assurance import (
    ActionUpdateForm,
    AddAgencyForm,
    CloseRoundForm,
    NewRoundForm,
    PriorityForm,
    ReasonForm,
)
from feedback_app.forms.audits import ConfirmForm, PublishForm
from feedback_app.queries import assurance as q
from feedback_app.services import audit_planning as planning
from feedback_app.services import exports
from feedback_app.services.assurance import actions as action_service
from feedback_app.services.assurance import rounds, summary
from feedback_app.views.assurance import bp
from feedback_app.views.assurance.common import (
    PLANNERS,
    READERS,
    external,
    helpers,
    invitation_message,
    language,
    refuse,
    round_or_404,
    submission_or_404,
)

bp.app_context_processor(helpers)


@bp.route("/")
@roles_required(*READERS)
def index():
    return render_template("views/assurance/index.html", rounds=q.list_rounds(), case_audits=q.list_case_audits(),
                           can_plan=current_user.has_role(*PLANNERS))


@bp.route("/rounds/new", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def new_round():
    form = NewRoundForm()
    frameworks = q.list_frameworks("self_assessment")
    form.framework.choices = [(str(f.id), f.title) for f in frameworks]
    form.agencies.choices = [(a.id, a.name) for a in q.list_agencies()]
    earlier = q.list_rounds()
    form.previous_round.choices = [("", _("None"))] + [(str(r.id), r.title) for r in earlier]
    if form.validate_on_submit():
        framework = q.get_framework(int(form.framework.data))
        previous = q.get_round(int(form.previous_round.data)) if form.previous_round.data else None
        agencies = [a for a in q.list_agencies() if a.id in form.agencies.data]
        agencies += rounds.agencies_by_name((form.new_agencies.data or "").splitlines())
        try:
            round_ = rounds.create_round(framework, form.title.data.strip(), form.deadline.data,
                                         list(dict.fromkeys(agencies)), current_user, previous)
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Round created. Send each agency its invitation link."))
            return redirect(url_for("assurance.round_page", round_id=round_.id))
    return render_template("views/assurance/new_round.html", form=form, frameworks=frameworks), \
        400 if form.errors else 200


@bp.route("/rounds/<int:round_id>")
@roles_required(*READERS)
def round_page(round_id):
    round_ = round_or_404(round_id)
    return render_template("views/assurance/round.html", round=round_, counts=rounds.counts(round_),
                           can_plan=current_user.has_role(*PLANNERS), invite_form=ConfirmForm())


@bp.route("/submissions/<int:submission_id>/invitation", methods=["POST"])
@roles_required(*PLANNERS)
def invite(submission_id):
    submission = submission_or_404(submission_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = rounds.issue_invitation(submission, current_user)
    flash(invitation_message(external("agency.start", token=token)))
    return redirect(url_for("assurance.round_page", round_id=submission.round_id))


@bp.route("/submissions/<int:submission_id>/invitation/withdraw", methods=["POST"])
@roles_required(*PLANNERS)
def withdraw_invitation(submission_id):
    submission = submission_or_404(submission_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        rounds.withdraw_invitation(submission, current_user)
    except rounds.RoundRefused as refused:
        flash(str(refused.message), "error")
    else:
        flash(_("Invitation link withdrawn: %(agency)s's link no longer works.", agency=submission.agency.name))
    return redirect(url_for("assurance.round_page", round_id=submission.round_id))


@bp.route("/rounds/<int:round_id>/agencies/new", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def add_agency(round_id):
    round_ = round_or_404(round_id)
    taking_part = {s.agency_id for s in round_.submissions}
    form = AddAgencyForm()
    form.agency.choices = [("", _("Choose an agency"))] + [
        (str(a.id), a.name) for a in q.list_agencies() if a.id not in taking_part]
    if form.validate_on_submit():
        name = " ".join((form.new_agency.data or "").split())
        chosen = q.get_agency(int(form.agency.data)) if form.agency.data.isdigit() else None
        if chosen is None and not name:
            form.agency.errors = [_("Choose an agency, or enter the name of a new one")]
        elif chosen is not None and name:
            form.new_agency.errors = [_("Choose an agency from the list or enter a new one, not both")]
        else:
            agency = chosen or rounds.agencies_by_name([name])[0]
            try:
                rounds.add_agency(round_, agency, current_user)
            except rounds.RoundRefused as refused:
                field = form.new_agency if name else form.agency
                field.errors = [str(refused.message)]
            else:
                flash(_("%(agency)s added to the round. Send it an invitation link.", agency=agency.name))
                return redirect(url_for("assurance.round_page", round_id=round_.id))
    return render_template("views/assurance/add_agency.html", round=round_, form=form), \
        400 if (form.errors or form.agency.errors or form.new_agency.errors) else 200


@bp.route("/rounds/<int:round_id>/close", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def close_round(round_id):
    round_ = round_or_404(round_id)
    closing = round_.closed_at is None
    form = CloseRoundForm()
    if form.validate_on_submit():
        change = rounds.close_round if closing else rounds.reopen_round
        try:
            change(round_, current_user, form.reason.data.strip())
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Round closed: agencies can no longer change their answers.") if closing
                  else _("Round reopened: agencies can change answers that are not submitted."))
            return redirect(url_for("assurance.round_page", round_id=round_.id))
    return render_template("views/assurance/close_round.html", round=round_, form=form, closing=closing,
                           waiting=rounds.not_submitted(round_)), 400 if form.errors else 200


@bp.route("/submissions/<int:submission_id>/reopen", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def reopen(submission_id):
    submission = submission_or_404(submission_id)
    form = ReasonForm()
    if form.validate_on_submit():
        try:
            rounds.reopen(submission, current_user, form.reason.data.strip())
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Reopened: the agency can change its answers and submit again."))
            return redirect(url_for("assurance.submission", submission_id=submission.id))
    return render_template("views/assurance/reopen.html", submission=submission, form=form), \
        400 if form.errors else 200


@bp.route("/rounds/<int:round_id>/actions")
@roles_required(*READERS)
def actions(round_id):
    round_ = round_or_404(round_id)
    return render_template("views/assurance/actions.html", round=round_, actions=action_service.round_actions(round_),
                           agencies={s.agency_id: s.agency.name for s in round_.submissions},
                           can_plan=current_user.has_role(*PLANNERS))


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def action(action_id):
    record = q.get_action(action_id) or abort(404)
    form = ActionUpdateForm()
    form.status.choices = [(s.value, str(action_service.status_label(s))) for s in action_service.A]
    if request.method == "GET":
        form.status.data = record.status.value
    if form.validate_on_submit():
        action_service.update_action(record, form.status.data, form.note.data.strip(), current_user.email,
                                     current_user)
        flash(_("Progress recorded."))
        return redirect(url_for("assurance.action", action_id=record.id))
    return render_template("views/assurance/action.html", action=record, form=form), 400 if form.errors else 200


@bp.route("/rounds/<int:round_id>/priorities", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def priorities(round_id):
    round_ = round_or_404(round_id)
    framework = rounds.definition(round_)
    form = PriorityForm()
    form.standard_id.choices = [("", _("None"))] + [(s.id, s.title_in(language())) for s in framework.standards]
    proposals = q.list_open_proposals()
    form.proposal.choices = [("", _("None"))] + [(str(p.id), p.title) for p in proposals]
    areas = {str(a.id): a for a in planning.priorities(current_app.config["PRIORITIES_FILE"])}
    form.priority_area.choices = [("", _("None"))] + [(key, a.title) for key, a in areas.items()]
    if form.validate_on_submit():
        proposal = q.get_proposal(int(form.proposal.data)) if form.proposal.data else None
        action_service.add_priority(round_, form.standard_id.data, form.title.data.strip(),
                                    (form.description.data or "").strip(), proposal, current_user,
                                    areas.get(form.priority_area.data))
        flash(_("Priority added."))
        return redirect(url_for("assurance.priorities", round_id=round_id))
    return render_template("views/assurance/priorities.html", round=round_, form=form,
                           candidates=action_service.priority_candidates(round_),
                           priorities=q.list_priorities(round_.id)), 400 if form.errors else 200


@bp.route("/rounds/<int:round_id>/summary")
@roles_required(*READERS)
def round_summary(round_id):
    content = summary.round_summary(round_or_404(round_id), language())
    publish_form = PublishForm(formdata=None, kind="assurance_round", subject=str(round_id)) \
        if current_user.has_role(*PLANNERS) else None
    return render_template("views/assurance/summary.html", content=content, round_id=round_id,
                           publish_form=publish_form)


@bp.route("/rounds/<int:round_id>/summary.csv")
@roles_required(*READERS)
def round_summary_csv(round_id):
    headers, rows = summary.table(summary.round_summary(round_or_404(round_id)))
    response = Response(exports.to_csv(headers, rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="assurance-round-{round_id}.csv"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/submissions/<int:submission_id>/report")
@roles_required(*READERS)
def agency_report(submission_id):
    submission = submission_or_404(submission_id)
    return render_template("views/assurance/agency_report.html", submission=submission,
                           content=summary.agency_report(submission, language()))
