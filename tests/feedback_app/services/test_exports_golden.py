"""The response exports are exactly what they were before they were made fast (issue 23).

``data/exports_golden.json`` was written by the exports as they stood before (two full reads, every cell
through openpyxl's ordinary workbook) on the fixed responses of ``tests.feedback_app.export_data``: for all
years and one year, in English and Welsh, the CSV text and every cell of every sheet (value, type, bold),
the frozen panes and the notice column's width. The exports of today must match it cell for cell.
"""

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from feedback_app.services import exports
from tests.feedback_app import export_data

GOLDEN = json.loads((Path(__file__).parent / "data" / "exports_golden.json").read_text(encoding="utf-8"))
CASES = [(None, "en"), (None, "cy"), (2026, "en"), (2026, "cy")]


def sheets(data):
    """Every sheet as the golden file holds it."""
    workbook = load_workbook(io.BytesIO(data))
    return [{"title": sheet.title, "freeze": sheet.freeze_panes, "width_a": sheet.column_dimensions["A"].width,
             "rows": [[[cell.value, type(cell.value).__name__, bool(cell.font.b)] for cell in row]
                      for row in sheet.iter_rows()]}
            for sheet in workbook.worksheets]


@pytest.fixture
def survey(app, surveys_loaded):
    return export_data.add()


@pytest.mark.parametrize(("year", "language"), CASES)
def test_csv_is_unchanged(survey, year, language):
    expected = GOLDEN[f"{year}-{language}"]
    data = exports.to_csv(*exports.response_table(survey, year, language), notice=exports.not_for_publication())
    assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == list(
        csv.reader(io.StringIO(expected["csv"].removeprefix("\ufeff"))))
    assert data.decode("utf-8") == expected["csv"]
    assert len(list(csv.reader(io.StringIO(expected["csv"])))) == expected["rows"] + 2


@pytest.mark.parametrize(("year", "language"), CASES)
def test_xlsx_is_unchanged(survey, year, language):
    expected = GOLDEN[f"{year}-{language}"]
    headers, rows = exports.response_table(survey, year, language)
    data = exports.to_xlsx(headers, rows, survey.slug, notice=exports.not_for_publication())
    assert sheets(data) == expected["xlsx"]


def test_the_golden_data_covers_what_matters():
    """Formula-like cells escaped, the held-back answer absent, the released one present, accents kept."""
    text = GOLDEN["None-en"]["csv"]
    for escaped in ("'=1+2", "'+44 7700 900000", "'-minus", "'@SUM(A1)", "'\tTab start", "'\rCarriage"):
        assert escaped in text
    assert export_data.HELD_BACK not in text and "Released after review" in text
    assert "Café ☕" in text
    assert GOLDEN["None-en"]["rows"] == 42 and GOLDEN["2026-en"]["rows"] == 22
