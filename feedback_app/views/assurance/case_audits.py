"""Multi-agency case audits: the business unit's pages, moderation, and each agency auditor's form."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import public, roles_required
from feedback_app.forms.assurance import CaseForm, ModerationForm, NewCaseAuditForm, case_return_form
from feedback_app.forms.audits import ConfirmForm
from feedback_app.queries import assurance as q
from feedback_app.services.assurance import case_audits, rounds
from feedback_app.survey_definitions import translate
from feedback_app.views.assurance import agency_bp, bp
from feedback_app.views.assurance.agency import _granted
from feedback_app.views.assurance.common import PLANNERS, READERS, external, invitation_message, refuse


@bp.route("/case-audits/new", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def new_case_audit():
    form = NewCaseAuditForm()
    proposals = q.list_scheduled_proposals()
    form.proposal.choices = [(str(p.id), p.title) for p in proposals]
    form.agencies.choices = [(a.id, a.name) for a in q.list_agencies()]
    form.follows.choices = [("", _("None"))] + [(str(c.id), c.proposal.title) for c in q.list_case_audits()]
    framework = q.get_framework_by_slug("case-audit")
    if form.validate_on_submit() and framework is not None:
        agencies = [a for a in q.list_agencies() if a.id in form.agencies.data]
        agencies += rounds.agencies_by_name((form.new_agencies.data or "").splitlines())
        try:
            record = case_audits.create(q.get_proposal(int(form.proposal.data)), framework,
                                        list(dict.fromkeys(agencies)), form.escalation_name.data.strip(),
                                        form.escalation_email.data.strip(), current_user,
                                        q.get_case_audit(int(form.follows.data)) if form.follows.data else None)
        except rounds.RoundRefused as refused:
            refuse(form, refused)
        else:
            flash(_("Case audit set up. Add the sample of cases, then send each agency its link."))
            return redirect(url_for("assurance.case_audit", case_audit_id=record.id))
    return render_template("views/assurance/new_case_audit.html", form=form, proposals=proposals,
                           framework=framework), 400 if form.errors else 200


def _case_audit_or_404(case_audit_id):
    return q.get_case_audit(case_audit_id) or abort(404)


@bp.route("/case-audits/<int:case_audit_id>", methods=["GET", "POST"])
@roles_required(*READERS)
def case_audit(case_audit_id):
    record = _case_audit_or_404(case_audit_id)
    form = CaseForm()
    form.age_band.choices = [(band, band) for band in case_audits.AGE_BANDS]
    form.agency_ids.choices = [(p.agency_id, p.agency.name) for p in record.agencies]
    if request.method == "POST":
        if not current_user.has_role(*PLANNERS):
            abort(403)
        if form.validate_on_submit():
            try:
                case_audits.add_case(record, form.reference.data, form.age_band.data, form.agency_ids.data,
                                     current_user)
            except rounds.RoundRefused as refused:
                refuse(form, refused)
            else:
                flash(_("Case added to the sample."))
                return redirect(url_for("assurance.case_audit", case_audit_id=record.id))
    counts, learning = case_audits.findings(record)
    framework = case_audits.definition(record)
    return render_template("views/assurance/case_audit.html", case_audit=record, form=form, counts=counts,
                           learning=learning, can_plan=current_user.has_role(*PLANNERS), invite_form=ConfirmForm(),
                           to_check=case_audits.recommendations_to_check(record),
                           levels={lv.value: translate(lv.label, "en") for lv in framework.levels},
                           agencies={p.agency_id: p.agency.name for p in record.agencies}), \
        400 if form.errors else 200


@bp.route("/case-audits/participants/<int:participant_id>/invitation", methods=["POST"])
@roles_required(*PLANNERS)
def case_invite(participant_id):
    participant = q.get_case_audit_agency(participant_id) or abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    token = case_audits.issue_invitation(participant, current_user)
    flash(invitation_message(external("agency.start", token=token)))
    return redirect(url_for("assurance.case_audit", case_audit_id=participant.case_audit_id))


@bp.route("/cases/<int:case_id>", methods=["GET", "POST"])
@roles_required(*READERS)
def moderate_case(case_id):
    case = q.get_case(case_id) or abort(404)
    framework = case_audits.definition(case.case_audit)
    form = ModerationForm()
    form.grade.choices = [(lv.value, translate(lv.label, "en")) for lv in framework.levels]
    if request.method == "GET" and case.moderated_at:
        form.grade.data, form.learning_points.data = case.agreed_grade, case.learning_points
    if form.validate_on_submit():
        case_audits.moderate(case, form.grade.data, form.learning_points.data.strip(), current_user)
        flash(_("Moderation recorded: agreed grade and learning points saved."))
        return redirect(url_for("assurance.case_audit", case_audit_id=case.case_audit_id))
    return render_template("views/assurance/moderate.html", case=case, form=form, framework=framework,
                           columns=case_audits.side_by_side(case), concern_form=ConfirmForm(prefix="concern"),
                           levels={lv.value: translate(lv.label, "en") for lv in framework.levels}), \
        400 if form.errors else 200


@bp.route("/cases/<int:case_id>/concern", methods=["POST"])
@roles_required(*READERS)
def raise_concern(case_id):
    case = q.get_case(case_id) or abort(404)
    if not ConfirmForm(prefix="concern").validate_on_submit():
        abort(400)
    case_audits.raise_concern(case, current_user)
    flash(_("Escalated to %(name)s by email.", name=case.case_audit.escalation_name))
    return redirect(url_for("assurance.moderate_case", case_id=case.id))


def _participant(participant_id):
    if not _granted("c", participant_id):
        abort(404)
    return q.get_case_audit_agency(participant_id) or abort(404)


@agency_bp.route("/case-audit/<int:participant_id>")
@public
def cases(participant_id):
    participant = _participant(participant_id)
    returns = {r.case_id: r for case in case_audits.cases_for(participant) for r in case.returns
               if r.agency_id == participant.agency_id}
    return render_template("views/assurance/agency/cases.html", participant=participant,
                           cases=case_audits.cases_for(participant), returns=returns)


@agency_bp.route("/case-audit/<int:participant_id>/cases/<int:case_id>", methods=["GET", "POST"])
@public
def case_return(participant_id, case_id):
    participant = _participant(participant_id)
    case = q.get_case(case_id)
    if case is None or case not in case_audits.cases_for(participant):
        abort(404)
    framework = case_audits.definition(participant.case_audit)
    row = q.find_return(case.id, participant.agency_id)
    data = {}
    if row is not None:
        data = {"grade": row.grade, "immediate_concern": row.immediate_concern}
        data.update({f"text_{k}": v.get("text") for k, v in row.answers.items()})
        data.update({f"rate_{k}": v.get("grade") for k, v in row.answers.items()})
    form = case_return_form(framework, request.form if request.method == "POST" else None, data)
    warnings = []
    locked = bool(row and row.submitted_at) or case.moderated_at is not None
    if request.method == "POST" and locked:
        abort(409)
    valid = form.validate_on_submit()
    if request.method == "POST":
        answers = {s.id: {"text": (getattr(form, f"text_{s.id}").data or "").strip(),
                          "grade": getattr(form, f"rate_{s.id}").data if s.rated else None}
                   for s in framework.standards}
        warnings = [s for s in framework.standards if case_audits.identifying_kinds(answers[s.id]["text"])]
        for s in warnings:
            getattr(form, f"text_{s.id}").errors = list(getattr(form, f"text_{s.id}").errors) + [
                _("This may name a child or family member. Use the audit reference instead, or tick the box to "
                  "say you have checked")]
        if valid and (not warnings or form.no_names.data):
            sending = "send" in request.form
            try:
                case_audits.save_return(participant, case, answers, form.grade.data, form.immediate_concern.data,
                                        sending, _("auditor for %(agency)s", agency=participant.agency.name))
            except rounds.RoundRefused as refused:
                refuse(form, refused)
            else:
                flash(_("Answers sent for moderation.") if sending else _("Answers saved as a draft."))
                return redirect(url_for("agency.cases", participant_id=participant.id))
    return render_template("views/assurance/agency/case_return.html", participant=participant, case=case,
                           form=form, framework=framework, warnings=warnings, locked=locked), \
        400 if form.errors else 200
