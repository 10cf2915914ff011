"""Audit planning: themes become audit proposals, which move through an agreed set of statuses.

proposed → agreed → scheduled → completed; any open proposal can be dropped,
with a reason. A proposal is scheduled only once it has a quarter and a lead
agency, and completed only with its findings. Every change is written to the
audit log in the same transaction as the change itself.

The programme year runs from April to March, as partnerships' yearly reports do:
programme year 2026 is April 2026 to March 2027, and its quarter 1 is April to June.
"""

from dataclasses import dataclass
from datetime import date

import yaml
from flask_babel import lazy_gettext as _l

from feedback_app import queries
from feedback_app.models import ProposalStatus
from feedback_app.models._types import utcnow
from feedback_app.queries import audits as audit_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit, audit_evidence
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of

S = ProposalStatus
TRANSITIONS = {
    S.proposed: (S.agreed, S.dropped),
    S.agreed: (S.scheduled, S.dropped),
    S.scheduled: (S.completed, S.dropped),
    S.completed: (),
    S.dropped: (),
}
STATUS_LABELS = {
    S.proposed: _l("Proposed"), S.agreed: _l("Agreed"), S.scheduled: _l("Scheduled"),
    S.completed: _l("Completed"), S.dropped: _l("Dropped"),
}
STATUS_TAGS = {S.proposed: "govuk-tag--blue", S.agreed: "govuk-tag--turquoise", S.scheduled: "govuk-tag--purple",
               S.completed: "govuk-tag--green", S.dropped: "govuk-tag--grey"}
QUARTERS = {1: _l("April to June"), 2: _l("July to September"), 3: _l("October to December"),
            4: _l("January to March")}


class TransitionRefused(Exception):
    """A change the rules do not allow; ``field`` is the form field the message belongs next to."""

    def __init__(self, message, field="status"):
        super().__init__(str(message))
        self.message, self.field = message, field


def status_label(status):
    return STATUS_LABELS[status]


def target(proposal):
    return f"audit_proposal:{proposal.id}"


def programme_year_of(day):
    return day.year if day.month >= 4 else day.year - 1


def year_label(year):
    return _l("%(start)s to %(end)s", start=year, end=year + 1)


def quarter_label(year, quarter):
    return _l("Quarter %(quarter)s (%(months)s)", quarter=quarter, months=QUARTERS[quarter])


def year_choices(today=None, existing=()):
    current = programme_year_of(today or date.today())
    return sorted(set(range(current - 1, current + 3)) | set(existing))


# --- priority areas -------------------------------------------------------------------------------


def load_priorities(path):
    """Add or update priority areas from a YAML file; those no longer listed stop being offered."""
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    entries = data.get("priorities") or []
    codes = [entry["code"] for entry in entries]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{path}: a priority code is listed twice")
    added = updated = 0
    with queries.transaction():
        for position, entry in enumerate(entries):
            existing = audit_queries.get_priority_by_code(entry["code"])
            if existing is None:
                audit_queries.add_priority(entry["code"], entry["title"], entry.get("description"), position)
                added += 1
            else:
                existing.title, existing.description = entry["title"], entry.get("description")
                existing.position, existing.active = position, True
                updated += 1
        for priority in audit_queries.list_priorities(active_only=False):
            if priority.code not in codes:
                priority.active = False
    return added, updated


def priorities(path):
    """The active priority areas, loaded from ``path`` the first time none exist."""
    if not audit_queries.count_priorities():
        load_priorities(path)
    return audit_queries.list_priorities()


# --- proposals ------------------------------------------------------------------------------------


def promotable_themes(run_id):
    """``[(theme, size)]`` of a run that can become a proposal: not merged away, not excluded."""
    from feedback_app.queries import themes as theme_queries

    return [(theme, size) for theme, size in theme_queries.list_themes(run_id) if not theme.excluded]


def create_proposal(run, themes, actor, *, title, question, priority_ids, year, quarter, lead_agency,
                    language="en"):
    """Make a proposal from ``themes`` of ``run``, with evidence generated from the data now."""
    evidence = audit_evidence.generate(run, themes, language)
    with queries.transaction():
        proposal = audit_queries.add_proposal(
            title=title, question=question, status=S.proposed, programme_year=year, quarter=quarter,
            lead_agency=lead_agency or None, theme_run_id=run.id, generated_evidence=evidence,
            evidence=dict(evidence["text"]), created_by_id=actor.id if actor else None, status_changed_at=utcnow(),
        )
        proposal.priorities = audit_queries.get_priorities(priority_ids)
        for theme in themes:
            audit_queries.add_proposal_theme(proposal, theme)
        audit.add(actor, "audits.proposal_created", target(proposal), title=title, run_id=run.id,
                  themes=[t.id for t in themes], answers=evidence["figures"]["answers"],
                  share=evidence["figures"]["share"])
    return proposal


EDITABLE = ("title", "question", "programme_year", "quarter", "lead_agency")


def update_proposal(proposal, actor, *, priority_ids, **fields):
    """Change a proposal's details; the audit log records which fields changed, before and after."""
    changes = {}
    with queries.transaction():
        for name in EDITABLE:
            value = fields[name] if fields[name] != "" else None
            if getattr(proposal, name) != value:
                changes[name] = {"before": getattr(proposal, name), "after": value}
                setattr(proposal, name, value)
        before = sorted(p.code for p in proposal.priorities)
        proposal.priorities = audit_queries.get_priorities(priority_ids)
        after = sorted(p.code for p in proposal.priorities)
        if before != after:
            changes["priorities"] = {"before": before, "after": after}
        if proposal.status == S.scheduled and not (proposal.quarter and proposal.lead_agency):
            raise TransitionRefused(_l("A scheduled audit needs a quarter and a lead agency"), field="quarter")
        if changes:
            audit.add(actor, "audits.proposal_updated", target(proposal), changes=changes)
    return changes


def edit_evidence(proposal, actor, edited):
    """Replace the edited evidence; the generated version is kept as it was."""
    changed = audit_evidence.changed_parts(proposal.evidence, edited)
    if not changed:
        return []
    with queries.transaction():
        proposal.evidence = edited
        proposal.evidence_edited_at = utcnow()
        audit.add(actor, "audits.evidence_edited", target(proposal), parts=changed,
                  differs_from_generated=audit_evidence.changed_parts(proposal.generated_evidence.get("text"), edited))
    return changed


def allowed_transitions(proposal):
    return TRANSITIONS[proposal.status]


def change_status(proposal, new_status, actor, reason=None):
    """Move a proposal on; completing goes through ``complete`` (it needs the findings)."""
    try:
        new_status = S(new_status)
    except ValueError:
        raise TransitionRefused(_l("Choose a status from the list")) from None
    if new_status not in TRANSITIONS[proposal.status]:
        raise TransitionRefused(_l("A proposal that is %(before)s cannot be %(after)s",
                                   before=str(STATUS_LABELS[proposal.status]).lower(),
                                   after=str(STATUS_LABELS[new_status]).lower()))
    if new_status == S.completed:
        raise TransitionRefused(_l("Record the audit’s findings to complete it"))
    if new_status == S.scheduled and not (proposal.quarter and proposal.lead_agency):
        raise TransitionRefused(_l("Give the proposal a quarter and a lead agency before scheduling it"))
    reason = (reason or "").strip()
    if new_status == S.dropped and not reason:
        raise TransitionRefused(_l("Say why the proposal is being dropped"), field="reason")
    with queries.transaction():
        _set_status(proposal, new_status, actor, reason=reason or None)
        if new_status == S.dropped:
            proposal.drop_reason = reason


def _set_status(proposal, new_status, actor, **detail):
    before = proposal.status
    proposal.status = new_status
    proposal.status_changed_at = utcnow()
    audit.add(actor, "audits.status_changed", target(proposal), before=before.value, after=new_status.value,
              **{k: v for k, v in detail.items() if v is not None})


@dataclass(frozen=True)
class Completion:
    findings: str
    completed_on: date
    actions: list  # (description, owner, due_on)
    follow_up: str | None  # "survey-slug:question_id"


def complete(proposal, actor, completion):
    """Record a scheduled audit's findings and actions, and mark it completed."""
    if S.completed not in TRANSITIONS[proposal.status]:
        raise TransitionRefused(_l("Only a scheduled audit can be completed"))
    survey_slug, question_id = split_question(completion.follow_up)
    with queries.transaction():
        proposal.findings = completion.findings
        proposal.completed_on = completion.completed_on
        proposal.follow_up_survey, proposal.follow_up_question = survey_slug, question_id
        audit_queries.replace_actions(proposal, completion.actions)
        _set_status(proposal, S.completed, actor, actions=len(completion.actions), follow_up=completion.follow_up)


def split_question(value):
    if not value:
        return None, None
    slug, _sep, question_id = value.partition(":")
    return slug, question_id


def follow_up_label(proposal, language="en"):
    """The follow-up question's wording, or ``None``."""
    if not proposal.follow_up_survey:
        return None
    survey = survey_queries.get_survey_by_slug(proposal.follow_up_survey)
    if survey is None:
        return f"{proposal.follow_up_survey}: {proposal.follow_up_question}"
    labels = dict(audit_evidence.survey_questions(language))
    return labels.get(f"{survey.slug}:{proposal.follow_up_question}",
                      f"{survey.title}: {proposal.follow_up_question}")


def follow_up_anchor(slug, question_id, language="en"):
    """The anchor of a question on its survey's results page (``item-N``), or ``None``."""
    survey = survey_queries.get_survey_by_slug(slug) if slug else None
    version = survey_queries.get_latest_version(survey) if survey else None
    if version is None:
        return None
    for index, item in enumerate(results_service.items_for(definition_of(version), language), start=1):
        if item.question_id == question_id:
            return f"item-{index}"
    return None


def programme(year, priority_id=None):
    """``[(quarter or None, [proposal])]`` for a programme year: quarters 1 to 4, then unscheduled."""
    proposals = audit_queries.list_proposals(year=year, priority_id=priority_id)
    groups = [(quarter, [p for p in proposals if p.quarter == quarter]) for quarter in (1, 2, 3, 4)]
    groups.append((None, [p for p in proposals if p.quarter is None]))
    return groups


def history(proposal):
    return audit_queries.list_proposal_events(target(proposal))


# --- demo data (``flask demo-data``) ----------------------------------------------------------------


def add_demo_programme(priorities_file, today=None):
    """Two proposals from the newest finished theme run and a published programme, for ``make run``.

    Does nothing (returns 0) when proposals exist already or there is no finished theme run.
    """
    from feedback_app.queries import themes as theme_queries
    from feedback_app.services import reports

    runs = theme_queries.list_complete_runs()
    if audit_queries.list_programme_years() or not runs:
        return 0
    themes = [theme for theme, _size in promotable_themes(runs[0].id)][:2]
    if not themes:
        return 0
    areas = {p.code: p for p in priorities(priorities_file)}
    year = programme_year_of(today or date.today())
    fallback = [p.id for p in list(areas.values())[:1]]
    plans = [("voice_of_the_child", 2, "Children's social care"), ("early_help", None, None)]
    for theme, (code, quarter, lead) in zip(themes, plans, strict=False):
        proposal = create_proposal(
            runs[0], [theme], None, title=str(_l("Audit: %(theme)s", theme=theme.label)),
            question=str(_l("How well do agencies act on what practitioners tell us about “%(theme)s”?",
                             theme=theme.label)),
            priority_ids=[areas[code].id] if code in areas else fallback, year=year, quarter=quarter,
            lead_agency=lead)
        if quarter:
            change_status(proposal, S.agreed, None)
            change_status(proposal, S.scheduled, None)
    reports.publish("audit_programme", year, None)
    return len(themes)
