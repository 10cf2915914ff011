"""Survey results: counts per answer for every closed question, suppressed for publication.

The database counts the answers (``services.result_counts``: GROUP BY question, answer, year, cohort
and breakdown answer); percentages and suppression are worked out here.
Every published figure goes through ``services.suppression``. One pattern of
hidden figures per question is used everywhere it appears: the year-on-year
table is suppressed first, with the all-years figures as its totals; a single
year's figures are that table's row, so the two views cannot be subtracted
from each other. Breakdowns (by cohort or by a single-choice question) keep
the figures of the view they belong to as fixed totals. When a survey has
responses in more than one year a breakdown needs a year, so per-year and
all-years breakdowns cannot be played off against each other.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flask_babel import gettext as _

from feedback_app.queries import results as result_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import result_counts
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import breakdown as suppress_breakdown
from feedback_app.services.suppression import percentage, reason, shown, suppress_counts, suppress_table

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
        return bool(self.hidden_reasons)

    @property
    def hidden_reasons(self):
        """Why figures of this item are hidden anywhere on the page: a subset of ``{"small", "protect"}``."""
        figures = [row.count for row in self.rows] + [row.percent for row in self.rows] + [self.total]
        for table in (self.year_table, self.breakdown.table if self.breakdown else None):
            if table is not None:
                figures += list(table.figures())
        return {reason(value) for value in figures if not shown(value)}


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


def survey_years(survey):
    """The years with a response to ``survey``, ascending (one count in the database)."""
    return result_counts.load(survey.id, ()).years


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
                              # Each option at most once per response, even in a row stored with repeats.
                              lambda value: list(dict.fromkeys(str(v) for v in value or [])), additive=False))
        else:
            items.append(Item(question.id, question.id, title, kind, options,
                              lambda value: [] if value is None else [str(value)]))
    return items


def _count(item, values):
    """Counts per option (in option order) and how many answered, from answer values."""
    counts = Counter()
    answered = 0
    for value in values:
        codes = item.codes_of(value)
        if codes:
            answered += 1
            counts.update(codes)
    return [counts.get(code, 0) for code, _label, _opt in item.options], answered


def _rows(item, counts, total):
    return [Row(code, label, count, percentage(count, total), opt_out)
            for (code, label, opt_out), count in zip(item.options, counts, strict=True)]


def _breakdown_groups(key, definition, cohorts, language):
    """``(labels, group_of)`` for a breakdown, ``group_of(cohort_id, breakdown answer)`` a label's index;
    or ``None``."""
    if key == "cohort":
        labels = [cohort.label for cohort in cohorts]
        index = {cohort.id: i for i, cohort in enumerate(cohorts)}
        labels.append(_("No cohort"))
        return labels, lambda cohort_id, _value: index.get(cohort_id, len(cohorts))
    try:
        question = definition.question(key)
    except KeyError:
        return None
    if question.type not in BREAKDOWN_TYPES:
        return None
    choices = question.answer_type.choice_labels(language)
    index = {code: i for i, (code, _label) in enumerate(choices)}
    labels = [label for _code, label in choices] + [_("Not answered")]
    return labels, lambda _cohort_id, value: index.get(str(value), len(choices))


def _breakdown_question(key):
    return None if key in (None, "", "cohort") else key


def breakdown_choices(definition, language):
    choices = [("cohort", _("Cohort"))]
    choices += [(q.id, q.text(language)) for q in definition.questions if q.type in BREAKDOWN_TYPES]
    return choices


def survey_results(survey, year=None, breakdown=None, language="en"):
    version = survey_queries.get_latest_version(survey)
    definition = definition_of(version)
    question_ids = {q.id for q in definition.questions if q.type in CLOSED_TYPES}
    counts = result_counts.load(survey.id, question_ids, _breakdown_question(breakdown))
    years = counts.years
    items = items_for(definition, language, counts.values())

    year_sizes = counts.year_sizes
    year_figures, year_total = suppress_counts([year_sizes[y] for y in years])
    responses_shown = year_total if year is None else (
        year_figures[years.index(year)] if year in years else 0)
    responses = sum(year_sizes.values()) if year is None else year_sizes.get(year, 0)
    drafts = result_queries.count_unsubmitted_drafts(survey.id, *year_bounds(year))
    completion = responses_shown if not shown(responses_shown) else percentage(responses, responses + drafts)

    refused = False
    groups = None
    if breakdown:
        if len(years) > 1 and year is None:
            refused = True
        else:
            groups = _breakdown_groups(breakdown, definition, result_queries.list_cohorts(survey.id), language)
    results = []
    for item in items:
        item_years = result_counts.per_year(item, counts)
        year_table = years_table(item_years, [year_sizes[y] for y in years], item.additive) if years else None
        figures, total = period_figures(year_table, years, year, len(item.options))
        result = ItemResult(item, _rows(item, figures, total), total, years=years,
                            year_table=year_table if len(years) > 1 and year is None else None)
        if groups and item.question_id != breakdown:
            result.breakdown = _breakdown(item, groups, counts, year, [*figures, total])
        results.append(result)
    if groups:
        _mirror_crosstabs(results, breakdown, groups, counts, year)

    sizes = [(y, year_figures[i]) for i, y in enumerate(years)]
    return SurveyResults(survey, definition, years, year, responses_shown, drafts, completion, results, sizes,
                         breakdown if groups else None, breakdown_choices(definition, language), refused)


def years_table(per_year, sizes, additive=True, limit=None):
    """One item's year-on-year table: ``per_year`` is ``[(counts, answered)]`` per year, ``sizes`` responses.

    Its totals row is the all-years distribution and each row a year's: every view of the item
    (all years, one year, year on year) shows figures of this one table, so they agree.
    """
    return suppress_table([c for c, _a in per_year], row_totals=[a for _c, a in per_year], group_sizes=sizes,
                          additive=additive, limit=limit)


def period_figures(table, years, year, width):
    """``(figures, total)`` of one year (or all years, ``year=None``) from ``years_table``."""
    if table is None or (year is not None and year not in years):
        return [0] * width, 0
    if year is None:
        return table.col_totals, table.total
    return table.cells[years.index(year)], table.row_totals[years.index(year)]


def breakdown_table(cells, answered, sizes, published, additive=True, limit=None, hidden=()):
    """``(kept group indexes, table)``: a breakdown of a period whose figures are ``published``.

    Every group is kept, an empty last group ("Not answered", "No cohort") too: leaving it out would say
    that everyone answered the breakdown question, which with the figures shown could give away a hidden
    one (the property tests found it: responses = people answering it).
    """
    keep = list(range(len(sizes)))
    table = suppress_breakdown([cells[i] for i in keep], [answered[i] for i in keep], published,
                               group_sizes=[sizes[i] for i in keep], additive=additive, limit=limit,
                               hidden=hidden)
    return keep, table


def crosstab_pair(forward, reverse):
    """X by Y and Y by X (``breakdown_table`` arguments each) for the same period, with the same cells
    hidden in both: each is suppressed again with the other's hidden cells until neither changes."""
    extra_forward, extra_reverse = set(), set()
    while True:
        _keep, table = breakdown_table(**forward, hidden=extra_forward)
        _keep, other = breakdown_table(**reverse, hidden=extra_reverse)
        shared = [(g, o) for g in range(len(table.cells) - 1) for o in range(len(other.cells) - 1)]
        more_forward = extra_forward | {(g, o) for g, o in shared if not shown(other.cells[o][g])}
        more_reverse = extra_reverse | {(o, g) for g, o in shared if not shown(table.cells[g][o])}
        if more_forward == extra_forward and more_reverse == extra_reverse:
            return table, other
        extra_forward, extra_reverse = more_forward, more_reverse


def _breakdown_args(item, groups, counts, year, published):
    labels, group_of = groups
    cells, answered, sizes = result_counts.by_group(item, counts, group_of, len(labels), year)
    return {"cells": cells, "answered": answered, "sizes": sizes, "published": published,
            "additive": item.additive}


def _breakdown(item, groups, counts, year, published):
    keep, table = breakdown_table(**_breakdown_args(item, groups, counts, year, published))
    return Breakdown([groups[0][i] for i in keep], table)


def _transposed(forward, width):
    """Y by X from X by Y (both single choice, each with its "Not answered" group last): the reverse
    table's cells, people answering and group sizes, from the same counts."""
    cells, answered, sizes = forward["cells"], forward["answered"], forward["sizes"]
    y_options = len(cells) - 1
    rows = [[cells[y][x] for y in range(y_options)] for x in range(width)]
    rows.append([sizes[y] - answered[y] for y in range(y_options)])  # answered Y, not X
    group_sizes = [sum(cells[y][x] for y in range(len(cells))) for x in range(width)]
    group_sizes.append(sum(sizes[y] - answered[y] for y in range(len(cells))))
    return rows, [sum(row) for row in rows], group_sizes


def _mirror_crosstabs(results, breakdown, groups, counts, year):
    """A single-choice item X broken down by Y: the cells it shares with Y by X hidden alike (``crosstab_pair``)."""
    by_item = {r.item.key: r for r in results}
    mirrored = by_item.get(breakdown)
    if mirrored is None or mirrored.item.type not in BREAKDOWN_TYPES:
        return
    for result in results:
        item = result.item
        if result.breakdown is None or item.type not in BREAKDOWN_TYPES or item.key != item.question_id:
            continue
        forward = _breakdown_args(item, groups, counts, year, [*(row.count for row in result.rows), result.total])
        cells, answered, sizes = _transposed(forward, len(item.options))
        reverse = {"cells": cells, "answered": answered, "sizes": sizes, "additive": mirrored.item.additive,
                   "published": [*(row.count for row in mirrored.rows), mirrored.total]}
        result.breakdown.table = crosstab_pair(forward, reverse)[0]


def group_response_counts(survey, year, breakdown, language="en"):
    """Responses per breakdown group, suppressed: ``[(label, count)], total``."""
    definition = definition_of(survey_queries.get_latest_version(survey))
    counts = result_counts.load(survey.id, (), _breakdown_question(breakdown))
    groups = _breakdown_groups(breakdown, definition, result_queries.list_cohorts(survey.id), language)
    if groups is None:
        return [], sum(counts.year_sizes.values()) if year is None else counts.year_sizes.get(year, 0)
    labels, group_of = groups
    figures, total = suppress_counts(result_counts.group_sizes(counts, group_of, len(labels), year))
    return list(zip(labels, figures, strict=True)), total
