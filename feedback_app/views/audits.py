"""Audit planning: themes become audit proposals; the annual audit programme.

Admins and analysts plan audits here. Every change goes through
``services.audit_planning``, which writes it to the audit log.
"""

from datetime import date

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app.auth.permissions import roles_required
from feedback_app.forms.audits import (
    CompletionForm,
    EvidenceForm,
    NewProposalForm,
    ProposalDetailsForm,
    StatusForm,
)
from feedback_app.queries import audits as audit_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit_evidence
from feedback_app.services import audit_planning as planning

bp = Blueprint("audits", __name__, url_prefix="/staff/audits")
PLANNERS = ("analyst",)


def _language():
    return g.get("language", "en")


@bp.app_context_processor
def _helpers():
    return {"proposal_status_label": planning.status_label, "proposal_status_tag": planning.STATUS_TAGS.get,
            "quarter_label": planning.quarter_label, "programme_year_label": planning.year_label,
            "figure_text": audit_evidence.figure_text,
            "follow_up_anchor": lambda p: planning.follow_up_anchor(p.follow_up_survey, p.follow_up_question)}


def _proposal_or_404(proposal_id):
    return audit_queries.get_proposal(proposal_id) or abort(404)


def _year_arg(default):
    value = request.args.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else default


@bp.route("/")
@roles_required(*PLANNERS)
def index():
    current = planning.programme_year_of(date.today())
    year = _year_arg(current)
    priority_areas = planning.priorities(current_app.config["PRIORITIES_FILE"])
    priority_id = request.args.get("priority", type=int)
    if priority_id is not None and priority_id not in {p.id for p in priority_areas}:
        priority_id = None
    years = planning.year_choices(existing=audit_queries.list_programme_years() + [year])
    return render_template("views/audits/index.html", year=year, years=years,
                           groups=planning.programme(year, priority_id), priority_areas=priority_areas,
                           priority_id=priority_id)


def _details_choices(form, existing_year=None):
    form.priorities.choices = [(p.id, p.title) for p in planning.priorities(current_app.config["PRIORITIES_FILE"])]
    extra = [existing_year] if existing_year else []
    form.programme_year.choices = [(y, str(planning.year_label(y))) for y in planning.year_choices(existing=extra)]
    form.quarter.choices = [("", _("Not decided yet"))] + [
        (str(q), str(planning.quarter_label(None, q))) for q in (1, 2, 3, 4)]


def _details(form):
    return {"title": form.title.data.strip(), "question": form.question.data.strip(),
            "priority_ids": form.priorities.data, "year": form.programme_year.data,
            "quarter": int(form.quarter.data) if form.quarter.data else None,
            "lead_agency": (form.lead_agency.data or "").strip() or None}


@bp.route("/new", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def new():
    run_id = request.args.get("run", type=int)
    if run_id is None:
        return render_template("views/audits/choose_run.html", runs=theme_queries.list_complete_runs())
    run = theme_queries.get_run(run_id)
    if run is None or run.status.value != "complete":
        abort(404)
    themes = planning.promotable_themes(run.id)
    form = NewProposalForm()
    _details_choices(form)
    form.themes.choices = [(theme.id, _("%(label)s (%(count)s answers)", label=theme.label, count=size))
                           for theme, size in themes]
    if request.method == "GET":
        chosen = [int(v) for v in request.args.getlist("theme") if v.isdigit()]
        form.themes.data = [theme.id for theme, _size in themes if theme.id in chosen]
        form.programme_year.data = planning.programme_year_of(date.today())
        if len(form.themes.data) == 1:
            form.title.data = next(theme.label for theme, _size in themes if theme.id == form.themes.data[0])
    if form.validate_on_submit():
        chosen = [theme for theme, _size in themes if theme.id in form.themes.data]
        details = _details(form)
        proposal = planning.create_proposal(run, chosen, current_user, title=details.pop("title"),
                                            language=_language(), **details)
        flash(_("Audit proposal made. Check the evidence, then share it for agreement."))
        return redirect(url_for("audits.proposal", proposal_id=proposal.id))
    return render_template("views/audits/new.html", run=run, form=form), 400 if form.errors else 200


def _render_proposal(proposal, status_form, status=200):
    choices = [(s.value, str(planning.status_label(s))) for s in planning.allowed_transitions(proposal)
               if s.value != "completed"]
    status_form.status.choices = choices
    return render_template(
        "views/audits/proposal.html", proposal=proposal, status_form=status_form,
        can_complete=planning.S.completed in planning.allowed_transitions(proposal),
        changed=audit_evidence.changed_parts((proposal.generated_evidence or {}).get("text"), proposal.evidence),
        history=planning.history(proposal), follow_up=planning.follow_up_label(proposal, _language()),
    ), status


@bp.route("/<int:proposal_id>")
@roles_required(*PLANNERS)
def proposal(proposal_id):
    return _render_proposal(_proposal_or_404(proposal_id), StatusForm(formdata=None))


@bp.route("/<int:proposal_id>/status", methods=["POST"])
@roles_required(*PLANNERS)
def change_status(proposal_id):
    record = _proposal_or_404(proposal_id)
    form = StatusForm()
    form.status.choices = [(s.value, s.value) for s in planning.S]
    if form.validate_on_submit():
        try:
            planning.change_status(record, form.status.data, current_user, form.reason.data)
        except planning.TransitionRefused as refused:
            getattr(form, refused.field).errors = [str(refused.message)]
        else:
            flash(_("Status changed to %(status)s.", status=str(planning.status_label(record.status)).lower()))
            return redirect(url_for("audits.proposal", proposal_id=record.id))
    return _render_proposal(_proposal_or_404(proposal_id), form, status=400)


@bp.route("/<int:proposal_id>/edit", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def edit(proposal_id):
    record = _proposal_or_404(proposal_id)
    form = ProposalDetailsForm(obj=record if request.method == "GET" else None)
    _details_choices(form, record.programme_year)
    if request.method == "GET":
        form.priorities.data = [p.id for p in record.priorities]
        form.quarter.data = str(record.quarter) if record.quarter else ""
    if form.validate_on_submit():
        details = _details(form)
        try:
            planning.update_proposal(record, current_user, priority_ids=details.pop("priority_ids"),
                                     title=details["title"], question=details["question"],
                                     programme_year=details["year"], quarter=details["quarter"],
                                     lead_agency=details["lead_agency"])
        except planning.TransitionRefused as refused:
            form.quarter.errors.append(str(refused.message))
        else:
            flash(_("Proposal updated."))
            return redirect(url_for("audits.proposal", proposal_id=proposal_id))
        record = _proposal_or_404(proposal_id)
    return render_template("views/audits/edit.html", proposal=record, form=form), 400 if form.errors else 200


@bp.route("/<int:proposal_id>/evidence", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def evidence(proposal_id):
    record = _proposal_or_404(proposal_id)
    form = EvidenceForm()
    if request.method == "GET":
        form.fill(record.evidence or {})
    if form.validate_on_submit():
        changed = planning.edit_evidence(record, current_user, form.evidence())
        flash(_("Evidence updated.") if changed else _("Nothing was changed."))
        return redirect(url_for("audits.proposal", proposal_id=proposal_id))
    return render_template("views/audits/evidence.html", proposal=record, form=form), 400 if form.errors else 200


@bp.route("/<int:proposal_id>/complete", methods=["GET", "POST"])
@roles_required(*PLANNERS)
def complete(proposal_id):
    record = _proposal_or_404(proposal_id)
    if planning.S.completed not in planning.allowed_transitions(record):
        return _render_proposal(record, StatusForm(formdata=None), status=400) if request.method == "POST" \
            else redirect(url_for("audits.proposal", proposal_id=proposal_id))
    form = CompletionForm()
    if request.method == "GET":
        from feedback_app.services.assurance import case_audits

        form.findings.data = case_audits.findings_text(record, _language()) or None
    form.follow_up.choices = [("", _("No question chosen"))] + audit_evidence.survey_questions(_language())
    if form.validate_on_submit():
        completion = planning.Completion(findings=form.findings.data.strip(), completed_on=form.completed_on.data,
                                         actions=form.filled_actions(), follow_up=form.follow_up.data or None)
        planning.complete(record, current_user, completion)
        flash(_("Audit completed. Its findings and actions are in the programme."))
        return redirect(url_for("audits.proposal", proposal_id=proposal_id))
    return render_template("views/audits/complete.html", proposal=record, form=form), 400 if form.errors else 200
