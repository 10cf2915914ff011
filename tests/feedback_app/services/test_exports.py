"""Exports: one row per response, codes and labels, formula injection, suppressed summary."""

import csv
import io

import pytest
from openpyxl import load_workbook

from feedback_app.services import exports
from tests.feedback_app import results_data


@pytest.fixture
def survey(app, surveys_loaded):
    return results_data.survey()


def test_safe_cell_neutralises_formulas():
    assert exports.safe_cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    for start in "+-@":
        assert exports.safe_cell(start + "1") == "'" + start + "1"
    assert exports.safe_cell("fine") == "fine"
    assert exports.safe_cell(12) == 12


def test_response_table_has_codes_and_labels(survey):
    results_data.add(1, cohort="school_a")
    headers, rows = exports.response_table(survey)
    assert headers[:5] == ["reference", "submitted_at", "survey_version", "cohort", "language"]
    row = dict(zip(headers, rows[0], strict=True))
    assert row["reference"] == "R202500000"
    assert row["submitted_at"] == "2025-06-01T12:00:00+00:00"
    assert row["survey_version"] == 1
    assert row["cohort"] == "School A"
    assert row["agree"] == "yes"
    assert (row["age_band"], row["age_band_label"]) == ("14_16", "14 to 16")
    assert (row["worries"], row["worries_label"]) == ("bullying;online", "Bullying;Things online")
    assert (row["safe_school"], row["safe_school_label"]) == ("4", "Safe")
    assert (row["services.police"], row["services.police_label"]) == ("disagree", "Disagree")
    assert (row["services.school"], row["services.school_label"]) == ("dont_know", "Don't know")
    assert row["sessions"] == 12
    assert row["last_session"] == "2025-09-03"
    assert row["do_better"] == "More youth workers & <b>safe</b> spaces"
    assert "intro_text" not in headers


def test_csv_has_a_bom_and_escapes_formulas(survey):
    results_data.add(1, {"do_better": "=1+2", "age_band": None})
    data = exports.to_csv(*exports.response_table(survey))
    assert data.startswith(b"\xef\xbb\xbf")
    reader = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    row = dict(zip(reader[0], reader[1], strict=True))
    assert row["do_better"] == "'=1+2"
    assert row["age_band"] == "" and row["age_band_label"] == ""
    assert row["told_someone_label"] == "Yes"


def test_xlsx_cells(survey):
    results_data.add(2, {"do_better": "@SUM(A1)"})
    headers, rows = exports.response_table(survey)
    sheet = load_workbook(io.BytesIO(exports.to_xlsx(headers, rows, "Every answer type"))).active
    assert [cell.value for cell in sheet[1]] == headers
    assert sheet.max_row == 3
    values = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert values["do_better"] == "'@SUM(A1)"
    assert values["sessions"] == 12
    assert values["worries_label"] == "Bullying;Things online"


def test_summary_is_suppressed(survey):
    results_data.add(20)
    results_data.add(3, {"told_someone": "no"}, start=100)
    headers, rows, _results = exports.summary_table(survey)
    told = {row[3]: row for row in rows if row[0] == "told_someone"}
    assert told["yes"][5] == "[c]" and told["no"][5] == "[c]"
    assert told["no"][6] == "[c]"
    assert told["no"][8] == "[c] a small group (fewer than 5 people)" and told["no"][9] == told["no"][8]
    assert told["yes"][8] == "[c] hidden to protect a small group elsewhere"
    assert told["yes"][10] == ""  # the 23 answering are shown: no note for them
    assert told["dont_know"][5] == 0 and told["dont_know"][8] == ""
    assert told["yes"][7] == 23


def test_summary_notes_say_why_each_figure_is_hidden(survey):
    """A count and the people answering beside it each carry their own reason (they were once noted together,
    "a small group; hidden to protect", not saying which was which)."""
    results_data.add(10, cohort="youth_forum")
    results_data.add(3, {"adults_listen": "disagree"}, cohort="youth_forum", start=100)
    results_data.add(12, {"adults_listen": "disagree"}, cohort="school_a", start=200)
    results_data.add(2, start=300)
    headers, rows, _results = exports.summary_table(survey, breakdown="cohort")
    assert headers[5:] == ["count", "percent", "answered", "count_note", "percent_note", "answered_note"]
    listen = {(row[2], row[3]): dict(zip(headers, row, strict=True)) for row in rows if row[0] == "adults_listen"}
    small, protect = "[c] a small group (fewer than 5 people)", "[c] hidden to protect a small group elsewhere"
    youth_no = listen[("Youth forum", "disagree")]  # 3 of 13: the count small, the 13 answering shown
    assert (youth_no["count"], youth_no["count_note"]) == ("[c]", small)
    assert (youth_no["answered"], youth_no["answered_note"]) == (13, "")
    school_dont_know = listen[("School A", "dont_know")]  # 0 shown; its group's answering hidden to protect
    assert (school_dont_know["count"], school_dont_know["count_note"]) == (0, "")
    assert (school_dont_know["answered"], school_dont_know["answered_note"]) == ("[c]", protect)
    assert (school_dont_know["percent"], school_dont_know["percent_note"]) == ("[c]", protect)
    no_cohort = listen[("No cohort", "agree")]  # a group of 2: everything about it small
    assert no_cohort["count_note"] == small and no_cohort["answered_note"] == small
