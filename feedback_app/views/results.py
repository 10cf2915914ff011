"""Survey results, free text and exports.

Admins and analysts see everything here. Viewers (Board members) see none of
it: they read only what has been published (``views.reports``). Exports and
views of raw free text are written to the audit log.
"""

import re

from flask import (
    Blueprint,
    Response,
    abort,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from feedback_app import jobs
from feedback_app.auth.permissions import roles_required
from feedback_app.forms.results import FreeTextFilterForm, ResultsFilterForm
from feedback_app.queries import results as result_queries
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit, charts, export_files, exports
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import is_small, reason, shown, threshold

bp = Blueprint("results", __name__, url_prefix="/staff/results")
AGGREGATE = ("analyst",)  # live figures, suppressed
RAW = ("analyst",)
PAGE_SIZE = 25
EXPORT_REFRESH_SECONDS = 5
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def current_language():
    return g.get("language", "en")


@bp.app_template_filter("figure")
def figure(value, suffix=""):
    """A published figure, or "hidden" with the mark of its footnote (see ``hidden_notes`` in _results.html)."""
    if shown(value):
        return f"{value}{suffix}"
    return _("hidden [a]") if reason(value) == "small" else _("hidden [b]")


def _survey_or_404(slug):
    return survey_queries.get_survey_by_slug(slug) or abort(404)


def _year_arg():
    value = request.args.get("year", "")
    return int(value) if value.isdigit() else None


def _results(survey, allow_stale=False):
    year = _year_arg()
    breakdown = request.args.get("breakdown") or None
    found = results_service.survey_results(survey, year, breakdown, current_language(), allow_stale=allow_stale)
    if year is not None and year not in found.years and year not in found.withheld:
        abort(404)  # (a withheld year's page says why it shows nothing)
    return found


def _charts(found):
    drawn = []
    for result in found.items:
        chart = charts.distribution_chart(result.item.title, result.rows)
        comparison = None
        if result.year_table is not None:
            series = [(year, [results_service.percentage(c, total) for c in cells])
                      for year, cells, total in zip(found.years, result.year_table.cells,
                                                    result.year_table.row_totals, strict=True)]
            comparison = charts.comparison_chart(_("%(question)s, by year", question=result.item.title),
                                                 [row.label for row in result.rows], series)
        drawn.append((result, chart, comparison))
    return drawn


@bp.route("/")
@roles_required(*AGGREGATE)
def index():
    surveys = [(survey, _("fewer than %(threshold)s", threshold=threshold()) if is_small(count) else count)
               for survey, count in results_service.overview()]
    return render_template("views/results/index.html", surveys=surveys)


@bp.route("/<slug>")
@roles_required(*AGGREGATE)
def survey(slug):
    target = _survey_or_404(slug)
    found = _results(target, allow_stale=True)  # (the page says how old its figures are)
    form = ResultsFilterForm(request.args)
    form.set_choices(found.years, found.breakdown_choices, _("All years"), _("No breakdown"))
    can_read_raw = current_user.has_role(*RAW)
    withheld = alert_queries.count_withheld([target.id], None, *results_service.year_bounds(found.year)) \
        if can_read_raw else 0
    return render_template("views/results/survey.html", survey=target, found=found, items=_charts(found),
                           form=form, can_read_raw=can_read_raw, withheld=withheld)


@bp.route("/<slug>/audit-status.json")
@roles_required(*AGGREGATE)
def audit_status(slug):
    """What a page saying its figures are being prepared polls (``static/export-progress.js``, ``views.errors``):
    ``ready`` once the audit of the survey's breakdowns for its data as it is now is stored."""
    response = jsonify(state="ready" if results_service.audit_ready(_survey_or_404(slug)) else "queued")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/<slug>/report")
@roles_required(*AGGREGATE)
def report(slug):
    target = _survey_or_404(slug)
    found = _results(target)
    return render_template("views/results/report.html", survey=target, found=found, items=_charts(found))


@bp.route("/<slug>/text")
@roles_required(*RAW)
def text(slug):
    target = _survey_or_404(slug)
    definition = definition_of(survey_queries.get_latest_version(target))
    language = current_language()
    questions = [(q.id, q.text(language)) for q in definition.questions if q.answer_type.free_text]
    cohorts = result_queries.list_cohorts(target.id)
    years = results_service.survey_years(target)
    form = FreeTextFilterForm(request.args)
    form.question.choices = [("", _("All questions"))] + questions
    form.cohort.choices = ([("", _("All cohorts"))] + [(str(c.id), c.label) for c in cohorts]
                           + [("none", _("No cohort"))])
    form.year.choices = [("", _("All years"))] + [(str(y), str(y)) for y in years]
    form.validate()
    chosen = [form.question.data] if form.question.data and not form.question.errors else [q for q, _t in questions]
    cohort = None if form.cohort.errors or not form.cohort.data else (
        "none" if form.cohort.data == "none" else int(form.cohort.data))
    year = int(form.year.data) if (form.year.data or "").isdigit() else None
    search = (form.q.data or "").strip()[:200] or None
    page = max(request.args.get("page", 1, type=int), 1)
    filters = {"survey": slug, "question": chosen if form.question.data else None, "cohort": cohort,
               "year": year, "search": search, "page": page}
    args = (target.id, chosen, search, cohort, *results_service.year_bounds(year))
    total = result_queries.count_free_text(*args)
    # Counted without the search words: a count that followed them would hint at a held-back answer's words.
    withheld = alert_queries.count_withheld([target.id], chosen, *results_service.year_bounds(year),
                                            cohort_ids=[cohort] if isinstance(cohort, int) else None,
                                            cohort_none=cohort == "none")
    answers = result_queries.list_free_text(*args, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    audit.record(current_user, "results.free_text_viewed", target=slug, **{k: v for k, v in filters.items()
                                                                            if k != "survey"}, shown=len(answers))
    labels = dict(questions)
    cohort_labels = {c.id: c.label for c in cohorts}
    query = {k: v for k, v in request.args.items() if k != "page"}
    return render_template("views/results/text.html", survey=target, form=form, answers=answers, total=total,
                           labels=labels, cohort_labels=cohort_labels, page=page, query=query,
                           has_next=page * PAGE_SIZE < total, withheld=withheld)


def _filename(survey, suffix):
    return re.sub(r"[^a-z0-9-]", "", survey.slug) + suffix


def _download(data, mimetype, filename):
    response = Response(data, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _nothing_to_export(survey):
    return render_template("views/results/nothing_to_export.html", survey=survey)


@bp.route("/<slug>/export.csv")
@roles_required(*RAW)
def export_csv(slug):
    target = _survey_or_404(slug)
    year = _year_arg()
    rows = exports.count_responses(target, year)
    if not rows:
        return _nothing_to_export(target)
    audit.record(current_user, "results.exported", target=slug, format="csv", rows=rows, year=year)
    headers, data = exports.response_rows(target, year, current_language())
    # Streamed: the first bytes leave at once and the rows are read in batches as they are sent.
    return _download(stream_with_context(exports.csv_chunks(headers, data, notice=exports.not_for_publication())),
                     "text/csv", _filename(target, "-responses.csv"))


@bp.route("/<slug>/export.xlsx", methods=["GET", "POST"])
@roles_required(*RAW)
def export_xlsx(slug):
    """The workbook takes seconds to write, so it is built in the background (``services.export_files``)."""
    target = _survey_or_404(slug)
    year = _year_arg()
    rows = exports.count_responses(target, year)
    if not rows:
        return _nothing_to_export(target)
    if request.method == "POST":
        export = export_files.start(current_user, target, year, current_language())
        return redirect(url_for("results.export_file", token=export.token))
    return render_template("views/results/export_xlsx.html", survey=target, year=year, rows=rows,
                           not_for_publication=exports.not_for_publication())


def _export_file_or_404(token):
    return export_files.find(token, current_user) or abort(404)


@bp.route("/exports/<token>")
@roles_required(*RAW)
def export_file(token):
    export = _export_file_or_404(token)
    target = export_files.survey_of(export)
    state = export_files.state(export)
    return render_template("views/results/export_file.html", export=export, survey=target,
                           state=state, refresh_seconds=EXPORT_REFRESH_SECONDS,
                           nobody_working=state == "queued" and jobs.nobody_working(),
                           filename=_filename(target, "-responses"),
                           not_for_publication=exports.not_for_publication())


@bp.route("/exports/<token>/status.json")
@roles_required(*RAW)
def export_file_status(token):
    """What the page polls while the file is prepared (``static/export-progress.js``)."""
    return jsonify(state=export_files.state(_export_file_or_404(token)))


@bp.route("/exports/<token>/<filename>.xlsx")
@roles_required(*RAW)
def export_file_download(token, filename):
    export = _export_file_or_404(token)
    if export_files.state(export) != export_files.READY:
        abort(404)
    target = export_files.survey_of(export)
    audit.record(current_user, "results.exported", target=target.slug, format="xlsx", rows=export.rows,
                 year=export.year)
    return _download(export_files.content(export), XLSX, _filename(target, "-responses.xlsx"))


@bp.route("/<slug>/summary.csv")
@roles_required(*AGGREGATE)
def summary_csv(slug):
    target = _survey_or_404(slug)
    found_year = _year_arg()
    headers, rows, found = exports.summary_table(target, found_year, request.args.get("breakdown") or None,
                                                 current_language())
    if found_year is not None and found_year not in found.years:
        abort(404)
    if not found.years:
        return _nothing_to_export(target)
    audit.record(current_user, "results.exported", target=slug, format="summary.csv", rows=len(rows),
                 year=found_year, breakdown=found.breakdown_key)
    return _download(exports.to_csv(headers, rows), "text/csv", _filename(target, "-summary.csv"))
