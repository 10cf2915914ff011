"""Survey results: counts per answer for every closed question, suppressed for publication.

Figures are worked out in Python from the rows ``queries.results`` returns.
Every published figure goes through ``services.suppression``. One pattern of
hidden figures per question is used everywhere it appears: the year-on-year
table is suppressed first, with the all-years figures as its totals; a single
year's figures are that table's row, so the two views cannot be subtracted
from each other. Breakdowns (by cohort or by a single-choice question) keep
the figures of the view they belong to as fixed totals. When a survey has
responses in more than one year a breakdown needs a year, so per-year and
all-years breakdowns cannot be played off against each other.
"""

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import gettext as _

from feedback_app.queries import results as result_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import SUPPRESSED, percentage, shown, suppress_counts, suppress_table

CHOICE_TYPES = ("single_choice", "agreement", "yes_no", "rating")
CLOSED_TYPES = (*CHOICE_TYPES, "multiple_choice", "grid", "number")
BREAKDOWN_TYPES = ("single_choice", "yes_no")
NUMBER_BINS = 5


@dataclass
class Item:
    """One thing counted: a question, or one statement of a grid."""

    key: str
    question_id: str
    title: str
    type: str
    options: list  # (code, label, is_opt_out)
    codes_of: object  # value -> list of codes
    additive: bool = True


@dataclass
class Row:
    code: str
    label: str
    count: object
    percent: object
    opt_out: bool


@dataclass
class Breakdown:
    groups: list  # labels
    table: object  # suppression.Table


@dataclass
class ItemResult:
    item: Item
    rows: list
    total: object
    years: list = field(default_factory=list)
    year_table: object = None
    breakdown: Breakdown | None = None

    @property
    def has_hidden(self):
        return any(not shown(row.count) for row in self.rows) or not shown(self.total)


@dataclass
class SurveyResults:
    survey: object
    definition: object
    years: list
    year: int | None
    responses: object
    drafts: int
    completion: object
    items: list
    year_counts: list  # (year, count)
    breakdown_key: str | None
    breakdown_choices: list  # (key, label)
    breakdown_refused: bool = False


def year_bounds(year):
    if year is None:
        return None, None
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def overview():
    """``(survey, responses)`` for every survey."""
    counts = result_queries.response_counts()
    return [(survey, counts.get(survey.id, 0)) for survey in survey_queries.list_surveys()]


def _number_bins(question, values):
    spec = question.answer_type.spec
    numbers = [v for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
    low = spec.get("min", min(numbers, default=0))
    high = spec.get("max", max(numbers, default=0))
    width = max(1, math.ceil((high - low + 1) / NUMBER_BINS))
    bins = []
    start = low
    while start <= high:
        end = min(start + width - 1, high)
        bins.append((start, end))
        start = end + 1

    def label(start, end):
        return str(start) if start == end else f"{start}–{end}"

    def codes_of(value):
        for start, end in bins:
            if isinstance(value, int | float) and start <= value <= end:
                return [label(start, end)]
        return []

    return [(label(s, e), label(s, e), False) for s, e in bins], codes_of


def items_for(definition, language, answers_by_question=None):
    """The countable items of a survey: closed questions, grid statements one each."""
    items = []
    for question in definition.questions:
        kind = question.type
        if kind not in CLOSED_TYPES:
            continue
        answer_type = question.answer_type
        title = question.text(language)
        if kind == "number":
            values = (answers_by_question or {}).get(question.id, [])
            options, codes_of = _number_bins(question, values)
            items.append(Item(question.id, question.id, title, kind, options, codes_of))
            continue
        opt_outs = {code for code, _label in answer_type.opt_out_choices(language)}
        options = [(code, label, code in opt_outs) for code, label in answer_type.choice_labels(language)]
        if kind == "grid":
            for sid, text in answer_type.statements(language):
                items.append(Item(f"{question.id}.{sid}", question.id, f"{title}: {text}", kind, options,
                                  lambda value, sid=sid: [str(value[sid])] if isinstance(value, dict)
                                  and value.get(sid) is not None else []))
        elif kind == "multiple_choice":
            items.append(Item(question.id, question.id, title, kind, options,
                              lambda value: [str(v) for v in value or []], additive=False))
        else:
            items.append(Item(question.id, question.id, title, kind, options,
                              lambda value: [] if value is None else [str(value)]))
    return items


def _count(item, values):
    """Counts per option (in option order) and how many answered, from ``(answer value, responses)`` pairs."""
    counts = Counter()
    answered = 0
    for value, responses in values:
        codes = item.codes_of(value)
        if codes:
            answered += responses
            for code in codes:
                counts[code] += responses
    return [counts.get(code, 0) for code, _label, _opt in item.options], answered


def _rows(item, counts, total):
    return [Row(code, label, count, percentage(count, total), opt_out)
            for (code, label, opt_out), count in zip(item.options, counts, strict=True)]


def _breakdown_groups(key, definition, cohorts, language):
    """``(labels, group_of)`` for a breakdown, or ``None``: ``group_of(cohort_id, breakdown answer as JSON
    text)`` is the group's index."""
    if key == "cohort":
        labels = [cohort.label for cohort in cohorts]
        index = {cohort.id: i for i, cohort in enumerate(cohorts)}
        labels.append(_("No cohort"))
        return labels, lambda cohort_id, _answer: index.get(cohort_id, len(cohorts))
    question = _breakdown_question(key, definition)
    if question is None:
        return None
    choices = question.answer_type.choice_labels(language)
    index = {code: i for i, (code, _label) in enumerate(choices)}
    labels = [label for _code, label in choices] + [_("Not answered")]
    return labels, lambda _cohort, answer: index.get(str(None if answer is None else json.loads(answer)),
                                                     len(choices))


def _breakdown_question(key, definition):
    try:
        question = definition.question(key)
    except KeyError:
        return None
    return question if question.type in BREAKDOWN_TYPES else None


def _counted(survey_id, definition, breakdown=None, question_ids=()):
    """The database's counts: ``(years, response groups, answer groups)`` (see ``queries.results``)."""
    first, last = result_queries.submitted_span(survey_id)
    if first is None:
        return [], [], []
    span = list(range(first.year, last.year + 1))
    key = breakdown if breakdown and _breakdown_question(breakdown, definition) is not None else None
    response_groups = result_queries.count_responses_by_group(survey_id, span, key)
    answer_groups = [(qid, json.loads(value), year, cohort, group, count) for qid, value, year, cohort, group, count
                     in result_queries.count_answers_by_group(survey_id, question_ids, span, key)] \
        if question_ids else []
    return sorted({year for year, *_rest in response_groups}), response_groups, answer_groups


def breakdown_choices(definition, language):
    choices = [("cohort", _("Cohort"))]
    choices += [(q.id, q.text(language)) for q in definition.questions if q.type in BREAKDOWN_TYPES]
    return choices


def response_years(survey):
    """The years in which a survey has responses, counted in the database."""
    return _counted(survey.id, None)[0]


def survey_results(survey, year=None, breakdown=None, language="en"):
    version = survey_queries.get_latest_version(survey)
    definition = definition_of(version)
    closed = [q.id for q in definition.questions if q.type in CLOSED_TYPES]
    years, response_groups, answer_groups = _counted(survey.id, definition, breakdown, closed)
    year_sizes = Counter()
    for response_year, _cohort, _group, count in response_groups:
        year_sizes[response_year] += count
    responses = year_sizes[year] if year is not None else sum(year_sizes.values())

    by_question = defaultdict(list)
    for qid, value, response_year, cohort, group, count in answer_groups:
        by_question[qid].append((value, response_year, cohort, group, count))
    items = items_for(definition, language, {qid: [row[0] for row in rows] for qid, rows in by_question.items()})

    year_figures, year_total = suppress_counts([year_sizes[y] for y in years])
    responses_shown = year_total if year is None else (
        year_figures[years.index(year)] if year in years else 0)
    drafts = result_queries.count_unsubmitted_drafts(survey.id, *year_bounds(year))
    completion = SUPPRESSED if not shown(responses_shown) else percentage(responses, responses + drafts)

    refused = False
    groups = None
    if breakdown:
        if len(years) > 1 and year is None:
            refused = True
        else:
            groups = _breakdown_groups(breakdown, definition, result_queries.list_cohorts(survey.id), language)
    results = []
    for item in items:
        rows = by_question.get(item.question_id, [])
        overall, answered = _count(item, [(value, count) for value, *_rest, count in rows])
        figures, total = suppress_counts(overall, answered, additive=item.additive)
        per_year = [_count(item, [(value, count) for value, row_year, _c, _g, count in rows if row_year == y])
                    for y in years]
        year_table = suppress_table([c for c, _a in per_year], row_totals=[a for _c, a in per_year],
                                    group_sizes=[year_sizes[y] for y in years], fixed_totals=figures,
                                    additive=item.additive) if years else None
        if year is not None:
            if year in years:
                figures, total = year_table.cells[years.index(year)], year_table.row_totals[years.index(year)]
            else:
                figures, total = [0] * len(item.options), 0
        result = ItemResult(item, _rows(item, figures, total), total, years=years,
                            year_table=year_table if len(years) > 1 and year is None else None)
        if groups and item.question_id != breakdown:
            result.breakdown = _breakdown(item, groups, year, response_groups, rows, figures)
        results.append(result)

    sizes = [(y, year_figures[i]) for i, y in enumerate(years)]
    return SurveyResults(survey, definition, years, year, responses_shown, drafts, completion, results, sizes,
                         breakdown if groups else None, breakdown_choices(definition, language), refused)


def _breakdown(item, groups, year, response_groups, rows, fixed):
    labels, group_of = groups
    cells = [[0] * len(item.options) for _label in labels]
    answered = [0] * len(labels)
    sizes = [0] * len(labels)
    codes_index = {code: i for i, (code, _l, _o) in enumerate(item.options)}
    for response_year, cohort, group, count in response_groups:
        if year is None or response_year == year:
            sizes[group_of(cohort, group)] += count
    for value, response_year, cohort, group, count in rows:
        if year is not None and response_year != year:
            continue
        index = group_of(cohort, group)
        codes = item.codes_of(value)
        if codes:
            answered[index] += count
        for code in codes:
            if code in codes_index:
                cells[index][codes_index[code]] += count
    keep = [i for i, size in enumerate(sizes) if size or i < len(labels) - 1]
    table = suppress_table([cells[i] for i in keep], row_totals=[answered[i] for i in keep],
                           group_sizes=[sizes[i] for i in keep], fixed_totals=fixed, additive=item.additive)
    return Breakdown([labels[i] for i in keep], table)


def group_response_counts(survey, year, breakdown, language="en"):
    """Responses per breakdown group, suppressed: ``[(label, count)], total``."""
    definition = definition_of(survey_queries.get_latest_version(survey))
    _years, response_groups, _answers = _counted(survey.id, definition, breakdown)
    in_year = [(cohort, group, count) for response_year, cohort, group, count in response_groups
               if year is None or response_year == year]
    total = sum(count for *_key, count in in_year)
    groups = _breakdown_groups(breakdown, definition, result_queries.list_cohorts(survey.id), language)
    if groups is None:
        return [], total
    labels, group_of = groups
    sizes = Counter()
    for cohort, group, count in in_year:
        sizes[group_of(cohort, group)] += count
    figures, total = suppress_counts([sizes.get(i, 0) for i in range(len(labels))])
    return list(zip(labels, figures, strict=True)), total
