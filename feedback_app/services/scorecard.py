"""The Board's quarterly scorecard: the share of people giving chosen answers, by quarter, against a target.

An indicator is a question (or one statement of a grid) and the answers it
counts, e.g. "% of young people who feel safe online" = "agree" or "strongly
agree" to "I feel safe online". Admins and analysts choose indicators on a page;
nothing about them is in code.

Figures follow the results pages exactly. A calendar year's figure is the
results service's figure for that year; the quarters are a breakdown of it,
suppressed by ``suppression.breakdown`` with the year's figures as their
totals. The counted answers are one column: it is shown only when the year's
figures show it (none of its answers hidden, or every hidden answer of the
year among them), so it never gives a hidden answer away.
"""

from datetime import UTC, datetime

from flask_babel import gettext as _

from feedback_app import queries
from feedback_app.queries import results as result_queries
from feedback_app.queries import scorecard as scorecard_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import PROTECT, breakdown, percentage, shown

QUARTERS = (1, 2, 3, 4)
SINGLE = ("single_choice", "agreement", "yes_no", "rating", "grid")


class IndicatorRefused(Exception):
    def __init__(self, field, message):
        super().__init__(str(message))
        self.field, self.message = field, message


def quarter_label(quarter):
    return {1: _("January to March"), 2: _("April to June"), 3: _("July to September"),
            4: _("October to December")}[quarter]


def _items(survey, language):
    version = survey_queries.get_latest_version(survey)
    if version is None:
        return []
    return [item for item in results_service.items_for(definition_of(version), language) if item.type in SINGLE]


def question_choices(language="en"):
    """``[(value, label)]``: every single-answer question (and grid statement) of every survey."""
    return [(f"{survey.id}|{item.key}", f"{survey.title}: {item.title}")
            for survey in survey_queries.list_surveys() for item in _items(survey, language)]


def find_item(value, language="en"):
    """``(survey, item)`` for a question choice, or ``(None, None)``."""
    survey_id, _sep, key = (value or "").partition("|")
    survey = scorecard_queries.get_survey(int(survey_id)) if survey_id.isdigit() else None
    if survey is None:
        return None, None
    item = next((i for i in _items(survey, language) if i.key == key), None)
    return (survey, item) if item else (None, None)


def answer_choices(item):
    return [(code, label) for code, label, _opt in item.options]


def add_indicator(actor, title, question, codes, target, language="en"):
    survey, item = find_item(question, language)
    if item is None:
        raise IndicatorRefused("question", _("Select a question"))
    allowed = {code for code, _label in answer_choices(item)}
    codes = [code for code in codes if code in allowed]
    if not codes:
        raise IndicatorRefused("answers", _("Select the answers to count"))
    if len(codes) == len(allowed):
        raise IndicatorRefused("answers", _("Leave out at least one answer: counting every answer is always 100%"))
    with queries.transaction():
        indicator = scorecard_queries.add_indicator(title.strip(), survey.id, item.key, codes, target)
        audit.add(actor, "scorecard.indicator_added", f"scorecard_indicator:{indicator.id}", title=indicator.title)
    return indicator


def remove_indicator(actor, indicator):
    with queries.transaction():
        audit.add(actor, "scorecard.indicator_removed", f"scorecard_indicator:{indicator.id}", title=indicator.title)
        scorecard_queries.delete_indicator(indicator)


def _counted_shown(figures, chosen, total):
    """Whether the year's count of the chosen answers may be shown: when none of them is hidden, or when
    every hidden answer of the year is among them and the total is shown (then it is the total less the
    answers shown). Otherwise it would give a hidden answer away."""
    hidden = {i for i, figure in enumerate(figures) if not shown(figure)}
    return not hidden & chosen or (hidden <= chosen and shown(total))


def _quarter_of(moment):
    return (moment.month - 1) // 3 + 1


def _year_figures(survey, item, year, chosen, language):
    """``{"quarters": [(percent, answered)], "percent", "answered"}`` for one calendar year, suppressed."""
    found = results_service.survey_results(survey, year=year, language=language)
    result = next((r for r in found.items if r.item.key == item.key), None)
    if result is None or year not in found.years:
        return None
    figures = [row.count for row in result.rows]
    start, end = datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)
    responses = result_queries.list_responses(survey.id, start, end)
    answers = {(rid, qid): value for rid, qid, value, _t in result_queries.list_answers(survey.id, start, end)}
    codes = [code for code, _l, _o in item.options]
    cells, answered, sizes = [[0, 0] for _q in QUARTERS], [0] * 4, [0] * 4
    for response in responses:
        q = _quarter_of(response.submitted_at) - 1
        sizes[q] += 1
        given = item.codes_of(answers[(response.id, item.question_id)]) if (
            response.id, item.question_id) in answers else []
        given = [code for code in given if code in codes]
        if given:
            answered[q] += 1
            cells[q][0 if codes.index(given[0]) in chosen else 1] += 1
    total = result.total
    counted = sum(cells[q][0] for q in range(4))
    published_in = counted if _counted_shown(figures, chosen, total) else PROTECT
    published_out = total - counted if shown(published_in) and shown(total) else PROTECT
    table = breakdown(cells, answered, [published_in, published_out, total], group_sizes=sizes)
    quarters = [(percentage(table.cells[q][0], table.row_totals[q]), table.row_totals[q]) for q in range(4)]
    return {"quarters": quarters, "percent": percentage(published_in, total), "answered": total}


def _json(value):
    return value if shown(value) else None


def scorecard(year, language="en"):
    """The scorecard of a calendar year as a report's content (JSON-safe; ``None`` is a hidden figure)."""
    indicators = []
    for indicator in scorecard_queries.list_indicators():
        survey = indicator.survey
        _survey, item = find_item(f"{survey.id}|{indicator.item_key}", language)
        entry = {"title": indicator.title, "survey": survey.title, "question": item.title if item else "",
                 "answers": [], "target": indicator.target, "quarters": [], "percent": None,
                 "previous_percent": None, "answered": None, "missing": item is None}
        if item is not None:
            chosen = {i for i, (code, _l, _o) in enumerate(item.options) if code in indicator.codes}
            entry["answers"] = [label for i, (_c, label, _o) in enumerate(item.options) if i in chosen]
            this = _year_figures(survey, item, year, chosen, language)
            before = _year_figures(survey, item, year - 1, chosen, language)
            for q in QUARTERS:
                percent, answered = this["quarters"][q - 1] if this else (None, 0)
                previous, previous_answered = before["quarters"][q - 1] if before else (None, 0)
                percent = _json(percent) if answered else None
                previous = _json(previous) if previous_answered else None
                entry["quarters"].append({
                    "quarter": q, "label": quarter_label(q), "percent": percent, "answered": _json(answered),
                    "previous": previous,
                    "change": percent - previous if percent is not None and previous is not None else None,
                })
            if this:
                entry["percent"], entry["answered"] = _json(this["percent"]), _json(this["answered"])
            if before:
                entry["previous_percent"] = _json(before["percent"])
        indicators.append(entry)
    return {"kind": "scorecard", "subject": year, "year": year, "title": _("Scorecard %(year)s", year=year),
            "indicators": indicators}


def table(content):
    """``(headers, rows)`` for CSV: one row per indicator and quarter; ``[c]`` for hidden figures."""
    headers = ["indicator", "survey", "question", "answers_counted", "target_percent", "quarter", "percent",
               "answered", "previous_year_percent", "change"]
    rows = []
    for entry in content["indicators"]:
        for quarter in entry["quarters"]:
            rows.append([entry["title"], entry["survey"], entry["question"], "; ".join(entry["answers"]),
                         entry["target"], quarter["label"], _cell(quarter["percent"], quarter["answered"]),
                         _cell(quarter["answered"], True), _cell(quarter["previous"], True),
                         "" if quarter["change"] is None else quarter["change"]])
    return headers, rows


def _cell(value, present):
    if value is None:
        return "[c]" if present else ""
    return value
