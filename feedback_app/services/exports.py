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
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from feedback_app.queries import exports as export_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import download, percentage, reason, shown, threshold

CODED_TYPES = ("single_choice", "agreement", "yes_no", "rating")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CHUNK_ROWS = 500
NO_ANSWER = (None, None)
BOLD = Font(bold=True)


def safe_cell(value):
    """Neutralise spreadsheet formula injection in text cells."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _columns(definition, language):
    """``(question id, header, getter)`` for the question columns; a getter takes ``(value, text)``."""
    columns = []
    for question in definition.questions:
        answer_type = question.answer_type
        if not answer_type.collects_answer:
            continue
        qid = question.id
        labels = dict(answer_type.choice_labels(language))
        if question.type in CODED_TYPES:
            columns.append((qid, qid, lambda v, t: None if v is None else str(v)))
            columns.append((qid, f"{qid}_label", lambda v, t, labels=labels: labels.get(str(v))
                            if v is not None else None))
        elif question.type == "multiple_choice":
            columns.append((qid, qid, lambda v, t: ";".join(str(c) for c in v) if v else None))
            columns.append((qid, f"{qid}_label", lambda v, t, labels=labels: ";".join(labels.get(str(c), str(c))
                                                                                      for c in v) if v else None))
        elif question.type == "grid":
            for sid, _text in answer_type.statements(language):
                key = f"{qid}.{sid}"
                columns.append((qid, key, lambda v, t, sid=sid: str(v[sid])
                                if isinstance(v, dict) and v.get(sid) is not None else None))
                columns.append((qid, f"{key}_label", lambda v, t, sid=sid, labels=labels: labels.get(str(v[sid]))
                                if isinstance(v, dict) and v.get(sid) is not None else None))
        elif answer_type.free_text:
            columns.append((qid, qid, lambda v, t: t if t is not None else v))
        elif question.type == "consent":
            columns.append((qid, qid, lambda v, t: "yes" if v else None))
        else:
            columns.append((qid, qid, lambda v, t: v))
    return columns


def _query_args(survey, year):
    return (survey.id, *results_service.year_bounds(year))


def count_responses(survey, year=None):
    """How many rows the response export of ``survey`` (in ``year``) has."""
    return export_queries.count_responses(*_query_args(survey, year))


def response_rows(survey, year=None, language="en"):
    """``(headers, rows)``: every response to ``survey`` (in ``year``), oldest first; ``rows`` is an iterator
    that reads the database in batches as it is consumed (inside the same app context)."""
    definition = definition_of(survey_queries.get_latest_version(survey))
    columns = _columns(definition, language)
    headers = ["reference", "submitted_at", "survey_version", "cohort", "language"] + [h for _q, h, _g in columns]

    def rows():
        for reference, submitted_at, version, cohort, response_language, answers in export_queries.iter_responses(
                *_query_args(survey, year)):
            found = {qid: (value, text) for qid, value, text in answers}  # a later answer wins, as it always has
            row = [reference, submitted_at.isoformat(timespec="seconds"), version, cohort, response_language]
            for qid, _header, getter in columns:
                value, text = found.get(qid, NO_ANSWER)
                row.append(getter(value, text) if (value is not None or text is not None) else None)
            yield row

    return headers, rows()


def response_table(survey, year=None, language="en"):
    """``(headers, rows)`` with every row read: see ``response_rows``."""
    headers, rows = response_rows(survey, year, language)
    return headers, list(rows)


def _csv_cells(row):
    # safe_cell, inlined: this runs for every cell of every response.
    return ["" if cell is None else "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell
            for cell in row]


def to_csv(headers, rows, notice=None):
    """CSV bytes with a UTF-8 byte order mark, so Excel reads the accents right.

    With ``notice`` (e.g. not for publication), the first line is that one cell, before the header row.
    """
    return b"".join(csv_chunks(headers, rows, notice))


def csv_chunks(headers, rows, notice=None, chunk_rows=CSV_CHUNK_ROWS):
    """``to_csv`` as a stream of byte chunks: the byte order mark, notice and header row at once, then
    ``chunk_rows`` rows at a time as ``rows`` (which may be an iterator) yields them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    buffer.write("\ufeff")
    if notice:
        writer.writerow([notice])
    writer.writerow(headers)
    yield _drain(buffer)
    pending = 0
    for row in rows:
        writer.writerow(_csv_cells(row))
        pending += 1
        if pending == chunk_rows:
            yield _drain(buffer)
            pending = 0
    if pending:
        yield _drain(buffer)


def _drain(buffer):
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data


def to_xlsx(headers, rows, title, notice=None):
    """An Excel workbook of ``rows`` (which may be an iterator); with ``notice``, a first sheet saying it (e.g.
    not for publication). Written in openpyxl's write-only mode: rows go to a temporary file as they come."""
    workbook = Workbook(write_only=True)
    if notice:
        first = workbook.create_sheet(_("Read first")[:31])
        first.column_dimensions["A"].width = 120
        first.append([_bold(first, notice)])
    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    sheet.append([_bold(sheet, header) for header in headers])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _bold(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = BOLD
    return cell


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
