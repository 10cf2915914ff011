"""Reports for the Board: a theme run's summary and the annual audit programme.

A report's content is a plain dict (JSON-safe), worked out from the data by
``theme_summary`` or ``audit_programme``. Staff see it live; publishing stores
a snapshot of it, which is what the viewer role can read. The same dict feeds
the printable page and the CSV, so they always agree. Small numbers are
suppressed (``None`` means hidden: ``[c]`` in the CSV).
"""

from dataclasses import dataclass

from flask_babel import gettext as _

from feedback_app import queries
from feedback_app.models._types import utcnow
from feedback_app.queries import audits as audit_queries
from feedback_app.queries import reports as report_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit, audit_planning, exports, scorecard
from feedback_app.services.suppression import DOWNLOAD_SYMBOL, percentage, shown, suppress_counts

KINDS = ("theme_summary", "audit_programme", "assurance_round", "scorecard")
SUMMARY_QUOTES = 3


class ReportRefused(Exception):
    pass


def _published(value):
    return value if shown(value) else None


def theme_summary(run):
    """The reviewed themes of a finished run, largest first, excluded themes left out."""
    pairs = [(theme, size) for theme, size in theme_queries.list_themes(run.id) if not theme.excluded]
    analysed = audit_queries.count_run_answers(run.id)
    sizes = [size for _theme, size in pairs]
    counts, total = suppress_counts(sizes + [max(analysed - sum(sizes), 0)], analysed)
    proposals = audit_queries.list_proposals_for_run(run.id)
    withheld_texts = alert_queries.withheld_texts()
    themes = []
    for (theme, _size), count in zip(pairs, counts, strict=False):
        quotes = [quote for quote in theme.quotes or [] if (quote or "").strip() not in withheld_texts]
        themes.append({
            "label": theme.label, "answers": _published(count), "share": _published(percentage(count, total)),
            "narrative": theme.narrative or "", "quotes": quotes[:SUMMARY_QUOTES],
            "continues": theme.previous_number is not None,
        })
    return {
        "kind": "theme_summary", "title": _("Themes: %(run)s", run=run.title), "subject": run.id,
        "run_title": run.title, "narrative": run.narrative or "", "analysed": _published(total),
        "finished_at": run.finished_at.isoformat(timespec="minutes") if run.finished_at else None,
        "themes": themes,
        # Answers held back for safeguarding review when the run was made: a count, never words.
        "withheld": (run.original_output or {}).get("withheld", 0),
        "proposals": [{"title": p.title, "status": str(audit_planning.status_label(p.status))} for p in proposals],
    }


def _proposal(proposal, language):
    evidence = proposal.evidence or {}
    generated = (proposal.generated_evidence or {}).get("text") or {}
    follow_up = None
    if proposal.follow_up_survey:
        follow_up = {"survey": proposal.follow_up_survey, "question": proposal.follow_up_question,
                     "label": audit_planning.follow_up_label(proposal, language),
                     "anchor": audit_planning.follow_up_anchor(proposal.follow_up_survey, proposal.follow_up_question,
                                                               language)}
    return {
        "id": proposal.id, "title": proposal.title, "question": proposal.question,
        "status": proposal.status.value, "status_label": str(audit_planning.status_label(proposal.status)),
        "priorities": [p.title for p in proposal.priorities], "lead_agency": proposal.lead_agency or "",
        "quarter": proposal.quarter,
        "evidence": {part: evidence.get(part) for part in ("summary", "audiences", "trend", "quotes", "indicators")},
        "evidence_edited": bool(audit_planning.audit_evidence.changed_parts(generated, evidence)),
        "generated_summary": generated.get("summary", ""),
        "drop_reason": proposal.drop_reason or "", "findings": proposal.findings or "",
        "completed_on": proposal.completed_on.isoformat() if proposal.completed_on else None,
        "actions": [{"description": a.description, "owner": a.owner or "",
                     "due_on": a.due_on.isoformat() if a.due_on else None} for a in proposal.actions],
        "follow_up": follow_up,
    }


def audit_programme(year, language="en"):
    """Every proposal of a programme year, by quarter, with its status, evidence and outcome."""
    groups = []
    for quarter, proposals in audit_planning.programme(year):
        label = (str(audit_planning.quarter_label(year, quarter)) if quarter else _("Not yet given a quarter"))
        groups.append({"quarter": quarter, "label": label, "proposals": [_proposal(p, language) for p in proposals]})
    counts = audit_queries.count_by_status(year)
    return {
        "kind": "audit_programme", "subject": year,
        "title": _("Audit programme %(year)s", year=str(audit_planning.year_label(year))),
        "year": year, "year_label": str(audit_planning.year_label(year)), "quarters": groups,
        "statuses": [{"label": str(audit_planning.status_label(status)), "count": counts.get(status, 0)}
                     for status in audit_planning.TRANSITIONS],
    }


def build(kind, subject, language="en"):
    """The live content of a report, or ``ReportRefused`` when there is nothing to report on."""
    if kind == "theme_summary":
        run = theme_queries.get_run(subject)
        if run is None or run.status.value != "complete":
            raise ReportRefused(_("Only a finished theme run can be reported on"))
        return theme_summary(run)
    if kind == "audit_programme":
        return audit_programme(subject, language)
    if kind == "assurance_round":
        from feedback_app.queries import assurance as assurance_queries
        from feedback_app.services.assurance import summary

        round_ = assurance_queries.get_round(subject)
        if round_ is None:
            raise ReportRefused(_("There is no such report"))
        return summary.round_summary(round_, language)
    if kind == "scorecard":
        if not 2000 <= subject <= 2100:
            raise ReportRefused(_("There is no such report"))
        return scorecard.scorecard(subject, language)
    raise ReportRefused(_("There is no such report"))


def publish(kind, subject, actor, language="en"):
    """Store a snapshot of a report for the Board; the audit log records who published what."""
    content = build(kind, subject, language)
    with queries.transaction():
        report = report_queries.add_report(kind, content["title"], content, actor, subject)
        audit.add(actor, "reports.published", f"published_report:{report.id}", kind=kind, subject=subject,
                  title=content["title"], version=report.version)
    return report


@dataclass
class ReportVersions:
    """A report as the list shows it: its current version, and the earlier ones beneath."""

    current: object
    earlier: list


def versions(reports):
    """Group ``reports`` (newest first) by what they report on: ``[ReportVersions]``, newest current first.

    The current version is the newest one not withdrawn (the newest withdrawn one if all are).
    """
    groups = {}
    for report in reports:
        key = (report.kind, report.subject) if report.subject is not None else ("report", report.id)
        groups.setdefault(key, []).append(report)
    listed = []
    for group in groups.values():
        group.sort(key=lambda r: (r.version, r.id), reverse=True)
        current = next((r for r in group if r.withdrawn_at is None), group[0])
        listed.append(ReportVersions(current, [r for r in group if r is not current]))
    listed.sort(key=lambda v: (v.current.published_at, v.current.id), reverse=True)
    return listed


def withdraw(report, actor):
    with queries.transaction():
        report.withdrawn_at = utcnow()
        audit.add(actor, "reports.withdrawn", f"published_report:{report.id}", kind=report.kind, title=report.title)


def _download(value):
    """A figure of a report's content for a download: ``None`` (hidden) is ``[c]``, the ONS symbol."""
    return DOWNLOAD_SYMBOL if value is None else value


def _lines(values):
    return "\n".join(values or [])


def table(content):
    """``(headers, rows)`` of a report, for CSV."""
    if content["kind"] == "assurance_round":
        from feedback_app.services.assurance import summary

        return summary.table(content)
    if content["kind"] == "scorecard":
        return scorecard.table(content)
    if content["kind"] == "theme_summary":
        headers = ["theme", "answers", "percent_of_answers", "narrative", "quotes"]
        rows = [[t["label"], _download(t["answers"]), _download(t["share"]), t["narrative"], _lines(t["quotes"])]
                for t in content["themes"]]
        return headers, rows
    headers = ["quarter", "title", "status", "priorities", "lead_agency", "audit_question", "evidence",
               "evidence_by_audience", "trend", "linked_indicators", "drop_reason", "findings", "actions",
               "follow_up_question"]
    rows = []
    for group in content["quarters"]:
        for p in group["proposals"]:
            evidence = p["evidence"]
            actions = [f"{a['description']} ({a['owner']}{', ' + a['due_on'] if a['due_on'] else ''})"
                       for a in p["actions"]]
            rows.append([group["label"], p["title"], p["status_label"], "; ".join(p["priorities"]), p["lead_agency"],
                         p["question"], evidence.get("summary") or "", _lines(evidence.get("audiences")),
                         evidence.get("trend") or "", _lines(evidence.get("indicators")), p["drop_reason"],
                         p["findings"], _lines(actions), p["follow_up"]["label"] if p["follow_up"] else ""])
    return headers, rows


def to_csv(content):
    headers, rows = table(content)
    return exports.to_csv(headers, rows)
