"""Exports: every response (CSV, XLSX) and the suppressed summary (CSV).

One row per response, one column per question; coded answers get a code
column and a ``_label`` column. The response exports are raw data for analysts:
their first sheet (and the first line of the CSV) says they are not for
publication. Cells that a spreadsheet would run as a formula (starting ``=``,
``+``, ``-``, ``@``, tab or carriage return) get a leading single quote.

The summary has exactly the figures the results page shows; a hidden figure
is ``[c]`` (the ONS convention), explained in its ``note`` column.
"""

import csv
import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from feedback_app.queries import results as result_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import download, percentage, reason, shown, threshold

CODED_TYPES = ("single_choice", "agreement", "yes_no", "rating")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")



def safe_cell(value):
    """Neutralise spreadsheet formula injection in text cells."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _columns(definition, language):
    """``(header, getter)`` pairs for the question columns; a getter takes ``(value, text)``."""
    columns = []
    for question in definition.questions:
        answer_type = question.answer_type
        if not answer_type.collects_answer:
            continue
        qid = question.id
        labels = dict(answer_type.choice_labels(language))
        if question.type in CODED_TYPES:
            columns.append((qid, lambda v, t: None if v is None else str(v)))
            columns.append((f"{qid}_label", lambda v, t, labels=labels: labels.get(str(v)) if v is not None else None))
        elif question.type == "multiple_choice":
            columns.append((qid, lambda v, t: ";".join(str(c) for c in v) if v else None))
            columns.append((f"{qid}_label", lambda v, t, labels=labels: ";".join(labels.get(str(c), str(c)) for c in v)
                            if v else None))
        elif question.type == "grid":
            for sid, _text in answer_type.statements(language):
                key = f"{qid}.{sid}"
                columns.append((key, lambda v, t, sid=sid: str(v[sid]) if isinstance(v, dict) and v.get(sid) is not None
                                else None))
                columns.append((f"{key}_label", lambda v, t, sid=sid, labels=labels: labels.get(str(v[sid]))
                                if isinstance(v, dict) and v.get(sid) is not None else None))
        elif answer_type.free_text:
            columns.append((qid, lambda v, t: t if t is not None else v))
        elif question.type == "consent":
            columns.append((qid, lambda v, t: "yes" if v else None))
        else:
            columns.append((qid, lambda v, t: v))
    return columns


def response_table(survey, year=None, language="en"):
    """``(headers, rows)``: every response to ``survey`` (in ``year``), oldest first."""
    definition = definition_of(survey_queries.get_latest_version(survey))
    bounds = results_service.year_bounds(year)
    responses = result_queries.list_responses(survey.id, *bounds)
    answers = {(rid, qid): (value, text) for rid, qid, value, text in result_queries.list_answers(survey.id, *bounds)}
    cohorts = {cohort.id: cohort.label for cohort in result_queries.list_cohorts(survey.id)}
    versions = result_queries.version_numbers(survey.id)
    columns = _columns(definition, language)
    headers = ["reference", "submitted_at", "survey_version", "cohort", "language"] + [h for h, _g in columns]
    rows = []
    for response in responses:
        row = [response.reference, response.submitted_at.isoformat(timespec="seconds"),
               versions.get(response.survey_version_id), cohorts.get(response.cohort_id), response.language]
        for header, getter in columns:
            qid = header.split(".")[0].removesuffix("_label")
            value, text = answers.get((response.id, qid), (None, None))
            row.append(getter(value, text) if (value is not None or text is not None) else None)
        rows.append(row)
    return headers, rows


def to_csv(headers, rows, notice=None):
    """CSV bytes with a UTF-8 byte order mark, so Excel reads the accents right.

    With ``notice`` (e.g. not for publication), the first line is that one cell, before the header row.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if notice:
        writer.writerow([notice])
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else safe_cell(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(headers, rows, title, notice=None):
    """An Excel workbook of ``rows``; with ``notice``, a first sheet saying it (e.g. not for publication)."""
    workbook = Workbook()
    sheet = workbook.active
    if notice:
        sheet.title = _("Read first")[:31]
        sheet["A1"] = notice
        sheet["A1"].font = Font(bold=True)
        sheet.column_dimensions["A"].width = 120
        sheet = workbook.create_sheet()
    sheet.title = title[:31]
    sheet.append(headers)
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _figure(value):
    return download(value)


def not_for_publication():
    return _("Not for publication: every response, with small numbers not hidden. For analysis by authorised "
             "staff only. Publish only the suppressed figures from the results pages.")


def _note(value):
    """Why one figure is hidden (ONS: ``[c]`` in the cell, the reason beside it), or ``""`` when shown."""
    if shown(value):
        return ""
    if reason(value) == "small":
        return _("[c] a small group (fewer than %(threshold)s people)", threshold=threshold())
    return _("[c] hidden to protect a small group elsewhere")


def _figures(count, percent, answered):
    """A row's figures, each followed by its own note."""
    return [_figure(count), _figure(percent), _figure(answered), _note(count), _note(percent), _note(answered)]


def summary_table(survey, year=None, breakdown=None, language="en"):
    """``(headers, rows)`` of suppressed counts: the figures the results page shows, each hidden one with
    its own reason in the note column after it."""
    results = results_service.survey_results(survey, year, breakdown, language)
    headers = ["question_id", "question", "group", "code", "label", "count", "percent", "answered",
               "count_note", "percent_note", "answered_note"]
    rows = [["", _("Responses"), "", "", "", _figure(results.responses), "", "", _note(results.responses), "", ""]]
    for result in results.items:
        item = result.item
        for row in result.rows:
            rows.append([item.key, item.title, _("All"), row.code, row.label,
                         *_figures(row.count, row.percent, result.total)])
        if result.breakdown:
            table = result.breakdown.table
            for group, cells, total in zip(result.breakdown.groups, table.cells, table.row_totals, strict=True):
                for (code, label, _opt), count in zip(item.options, cells, strict=True):
                    rows.append([item.key, item.title, group, code, label,
                                 *_figures(count, percentage(count, total), total)])
    return headers, rows, results
