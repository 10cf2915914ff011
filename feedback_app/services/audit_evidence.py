"""The evidence behind an audit proposal, worked out from a theme run when a theme becomes a proposal.

``generate`` returns ``{"figures": ..., "text": ...}``. The figures are what
the data said (with small numbers suppressed: a hidden figure is ``None``);
the text is the same evidence in words, which staff may then edit. Both are
kept on the proposal so the Board can see what was changed.

Counts are of analysed answers, leaving out non-answers ("nothing", "n/a").
Quotes are the themes' own quotes: copies of stored answers, which are
redacted when submitted.
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from feedback_app.models._types import utcnow
from feedback_app.queries import audits as audit_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import percentage, shown, suppress_counts, suppress_table

MAX_QUOTES = 5
AUDIENCES = {
    "young_people": _l("Young people"),
    "practitioners": _l("Practitioners"),
    "lay_members": _l("Lay members"),
    "partners": _l("Partner agencies"),
    "training": _l("Course attendees"),
}


def audience_label(code):
    return str(AUDIENCES.get(code, code))


def _published(value):
    """A figure for JSON: ``None`` when suppressed."""
    return value if shown(value) else None


def _share_of(run_id, theme_ids):
    """``(answers, analysed, share)`` suppressed, plus the pattern used (for the audience table's totals)."""
    answers = audit_queries.count_theme_answers(run_id, theme_ids)
    analysed = audit_queries.count_run_answers(run_id)
    (themed, rest), total = suppress_counts([answers, analysed - answers], analysed)
    return themed, total, percentage(themed, total), [themed, rest]


def _audiences(run_id, theme_ids, fixed):
    """Answers in the themes by audience. None when the themes' own count is hidden: nothing to break down."""
    if not shown(fixed[0]):
        return []
    counts = audit_queries.answer_counts_by_audience(run_id, theme_ids)
    order = list(AUDIENCES)
    codes = sorted(counts, key=lambda code: (order.index(code) if code in order else len(order), code))
    if not codes:
        return []
    table = suppress_table([[counts[c][0], counts[c][1] - counts[c][0]] for c in codes],
                           row_totals=[counts[c][1] for c in codes], group_sizes=[counts[c][1] for c in codes],
                           fixed_totals=fixed)
    rows = []
    for index, code in enumerate(codes):
        themed, total = table.cells[index][0], table.row_totals[index]
        rows.append({"audience": code, "label": audience_label(code), "answers": _published(themed),
                     "analysed": _published(total), "share": _published(percentage(themed, total))})
    return rows


def _trend(run, themes, share):
    """The same themes in the run this one was matched to, or ``None``."""
    if run.previous_run_id is None:
        return None
    previous = []
    for theme in themes:
        if theme.previous_number is not None:
            found = audit_queries.get_theme_by_number(run.previous_run_id, theme.previous_number)
            if found is not None and found.id not in {p.id for p in previous}:
                previous.append(found)
    if not previous:
        return None
    answers, analysed, previous_share, _pattern = _share_of(run.previous_run_id, [t.id for t in previous])
    change = share - previous_share if shown(share) and shown(previous_share) else None
    return {"run_id": run.previous_run_id, "run_title": previous[0].run.title,
            "labels": [t.label for t in previous], "answers": _published(answers),
            "analysed": _published(analysed), "share": _published(previous_share), "change": change}


def _quotes(themes):
    """Up to ``MAX_QUOTES`` quotes, taking each theme's quotes in turn."""
    withheld = alert_queries.withheld_texts()
    pools = [[q for q in theme.quotes or [] if (q or "").strip() not in withheld] for theme in themes]
    quotes = []
    while any(pools) and len(quotes) < MAX_QUOTES:
        for pool in pools:
            if pool and len(quotes) < MAX_QUOTES:
                quote = pool.pop(0)
                if quote and quote not in quotes:
                    quotes.append(quote)
    return quotes


def _run_year(run):
    years = (run.sources or {}).get("years") or []
    return years[0] if len(years) == 1 else None


def _indicators(run, themes, language):
    """Closed-question results linked to the themes (triangulation), with suppressed percentages."""
    indicators, seen, results = [], set(), {}
    for theme in themes:
        for link in theme_queries.list_triangulations(theme.id):
            if (link.survey_id, link.item_key) in seen:
                continue
            seen.add((link.survey_id, link.item_key))
            survey = link.survey
            if survey.id not in results:
                results[survey.id] = results_service.survey_results(survey, _run_year(run), None, language)
            found = next((r for r in results[survey.id].items if r.item.key == link.item_key), None)
            if found is None:
                continue
            indicators.append({
                "survey": survey.slug, "survey_title": survey.title, "item_key": link.item_key,
                "question": found.item.title, "answered": _published(found.total),
                "rows": [{"label": row.label, "count": _published(row.count), "percent": _published(row.percent)}
                         for row in found.rows if not row.opt_out],
            })
    return indicators


def figure_text(value, suffix=""):
    """A figure from a report's content: ``None`` is a hidden figure."""
    return _("hidden") if value is None else f"{value}{suffix}"


def _summary_text(run, figures):
    if figures["answers"] is None:
        return _("How many of the %(total)s answers analysed in “%(run)s” are about this is hidden, to protect a "
                 "small group.",
                 total=figure_text(figures["analysed"]), run=run.title)
    return _("%(answers)s of the %(total)s answers analysed in “%(run)s” (%(share)s) are about this.",
             answers=figures["answers"], total=figure_text(figures["analysed"]), run=run.title,
             share=figure_text(figures["share"], "%"))


def _audience_text(row):
    return _("%(audience)s: %(answers)s of %(total)s answers (%(share)s)", audience=row["label"],
             answers=figure_text(row["answers"]), total=figure_text(row["analysed"]),
             share=figure_text(row["share"], "%"))


def _trend_text(trend):
    if trend is None:
        return ""
    if trend["change"] is None:
        return _("In “%(run)s” the matching theme (%(labels)s) had %(answers)s answers (%(share)s).",
                 run=trend["run_title"], labels=", ".join(trend["labels"]), answers=figure_text(trend["answers"]),
                 share=figure_text(trend["share"], "%"))
    if trend["change"] > 0:
        direction = _("up %(points)s percentage points", points=trend["change"])
    elif trend["change"] < 0:
        direction = _("down %(points)s percentage points", points=-trend["change"])
    else:
        direction = _("no change")
    return _("In “%(run)s” the matching theme (%(labels)s) had %(answers)s answers (%(share)s): %(direction)s.",
             run=trend["run_title"], labels=", ".join(trend["labels"]), answers=figure_text(trend["answers"]),
             share=figure_text(trend["share"], "%"), direction=direction)


def indicator_text(indicator):
    rows = "; ".join(f"{row['label']} {figure_text(row['percent'], '%')}" for row in indicator["rows"])
    return _("%(survey)s: %(question)s: %(rows)s", survey=indicator["survey_title"], question=indicator["question"],
             rows=rows)


def generate(run, themes, language="en"):
    """The evidence for a proposal made from ``themes`` (of ``run``): figures and editable text."""
    theme_ids = [theme.id for theme in themes]
    answers, analysed, share, pattern = _share_of(run.id, theme_ids)
    figures = {
        "run_id": run.id, "run_title": run.title,
        "themes": [{"id": t.id, "label": t.label} for t in themes],
        "answers": _published(answers), "analysed": _published(analysed), "share": _published(share),
        "audiences": _audiences(run.id, theme_ids, pattern),
        "trend": None, "quotes": _quotes(themes), "indicators": _indicators(run, themes, language),
        "generated_at": utcnow().isoformat(timespec="seconds"),
    }
    figures["trend"] = _trend(run, themes, share)
    return {"figures": figures, "text": evidence_text(run, figures)}


def evidence_text(run, figures):
    return {
        "summary": _summary_text(run, figures),
        "audiences": [_audience_text(row) for row in figures["audiences"]],
        "trend": _trend_text(figures["trend"]),
        "quotes": list(figures["quotes"]),
        "indicators": [indicator_text(i) for i in figures["indicators"]],
    }


EVIDENCE_PARTS = ("summary", "audiences", "trend", "quotes", "indicators")


def changed_parts(generated_text, edited):
    """The parts of the evidence staff changed from what was generated."""
    return [part for part in EVIDENCE_PARTS if (generated_text or {}).get(part) != (edited or {}).get(part)]


def survey_questions(language="en"):
    """``(value, label)`` of every closed question of every loaded survey: "slug:question_id"."""
    choices = []
    for survey in survey_queries.list_surveys():
        version = survey_queries.get_latest_version(survey)
        if version is None:
            continue
        definition = definition_of(version)
        for question in definition.questions:
            if question.type in results_service.CLOSED_TYPES:
                choices.append((f"{survey.slug}:{question.id}", f"{survey.title}: {question.text(language)}"))
    return choices
