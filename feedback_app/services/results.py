"""Survey results: counts per answer for every closed question, suppressed for publication.

The database counts the answers (``services.result_counts``: GROUP BY question, answer, year, cohort
and breakdown answer); percentages and suppression are worked out here and in ``services.result_tables``.
One grid of hidden figures per question is used everywhere it appears (all years, one year, year on year),
its people not answering a published figure like the rest. Breakdowns (by cohort or by a single-choice
question) keep every total published elsewhere fixed: the question's own figures for the period, and the
groups' sizes (the breakdown question's answers and its "Not answered", or the cohorts' responses). When a
survey has responses in more than one year a breakdown needs a year, so per-year and all-years breakdowns
cannot be played off against each other. A breakdown question (``breakdown_ids``: single choice or yes/no marked
``breakdown: true``, a question about the respondent) is itself never broken down, by another breakdown question
or by cohort: its own table only (``ItemResult.not_broken_down``). Groups crossed with groups (age by gender by
cohort) are where small groups hide, and the audit can then certify every hidden figure of a breakdown question
against all the tables of it together (issue 19).
"""

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from flask_babel import gettext as _

from feedback_app.queries import results as result_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit_cache, result_audit, result_counts, result_tables
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import SMALL, percentage, reason, shown, threshold

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
    not_broken_down: bool = False  # a breakdown question on a page broken down by another: its own table only

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
    age_seconds: float | None = None  # figures made this long ago, shown while the newest are worked out
    withheld: list = field(default_factory=list)  # years with 1 to N-1 responses, in no figure (``result_counts``)


def year_bounds(year):
    if year is None:
        return None, None
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def overview():
    """``(survey, responses)`` for every survey: the responses its results page counts for all years (a year
    with 1 to N-1 responses is withheld from every figure, ``result_counts.load``)."""
    counts = result_queries.response_counts()
    return [(survey, sum(result_counts.load(survey.id, ()).year_sizes.values()) if counts.get(survey.id) else 0)
            for survey in survey_queries.list_surveys()]


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
                                  _known(options, lambda value, sid=sid: [str(value[sid])] if isinstance(value, dict)
                                         and value.get(sid) is not None else [])))
        elif kind == "multiple_choice":
            items.append(Item(question.id, question.id, title, kind, options,
                              # Each option at most once per response, even in a row stored with repeats.
                              _known(options, lambda value: list(dict.fromkeys(str(v) for v in value or []))),
                              additive=False))
        else:
            items.append(Item(question.id, question.id, title, kind, options,
                              _known(options, lambda value: [] if value is None else [str(value)])))
    return items


def _known(options, codes_of):
    """``codes_of`` keeping only the item's options: an answer whose code is none of them (an option since
    removed from the survey, or bad data) is not counted as that option, and an answer with no known option
    counts as not answering, in every table and in the audit of them (``result_audit``) alike."""
    known = {code for code, _label, _opt_out in options}
    return lambda value: [code for code in codes_of(value) if code in known]


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


def breakdown_ids(definition):
    """The ids of the questions results are broken down by (besides the cohorts), in the survey's order."""
    return [q.id for q in definition.questions if q.type in BREAKDOWN_TYPES and q.spec.get("breakdown")]


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
    if question.id not in breakdown_ids(definition):
        return None
    choices = question.answer_type.choice_labels(language)
    index = {code: i for i, (code, _label) in enumerate(choices)}
    labels = [label for _code, label in choices] + [_("Not answered")]
    return labels, lambda _cohort_id, value: index.get(str(value), len(choices))


def _breakdown_question(key):
    return None if key in (None, "", "cohort") else key


def breakdown_choices(definition, language):
    choices = [("cohort", _("Cohort"))]
    breakdowns = breakdown_ids(definition)
    choices += [(q.id, q.text(language)) for q in definition.questions if q.id in breakdowns]
    return choices


READS = 3


NotReady = result_audit.NotReady


def survey_results(survey, year=None, breakdown=None, language="en", allow_stale=False, inline=None):
    """The survey's results, for all years or ``year``, by ``breakdown`` (``"cohort"``, a question id) or not.

    A breakdown page reads the survey's results data version before its counts and checks it after the audit
    (``result_audit.DataChanged``): figures and audit are always of the same data. If a write commits while it
    reads, it reads again; the last time it holds the version (on PostgreSQL, writers to this survey wait).

    The audit of breakdowns is never worked out in a web request (``inline``: see
    ``result_audit.further_hidden``): when none is stored for this data, the background job is asked for it
    (``audit_cache.wanted``) and ``NotReady`` raised, for the page to say the figures are being prepared.
    ``allow_stale`` (the results page, which says so): meanwhile, the figures this process last made for this
    page (figures and audit of one earlier version), with ``age_seconds`` set (``audit_cache.recent_page``)."""
    page_key = None
    if breakdown and allow_stale:
        version = survey_queries.get_latest_version(survey)
        page_key = (survey.id, version.id if version is not None else None, year, breakdown, language, threshold())
    recent = audit_cache.recent_page(page_key) if page_key else None
    for attempt in range(READS):
        stamp = result_audit.data_version(survey.id, hold=attempt == READS - 1) if breakdown else None
        try:
            found = _survey_results(survey, year, breakdown, language, stamp, inline=False if recent else inline)
        except result_audit.DataChanged:
            if attempt == READS - 1:
                raise
            continue
        except result_audit.NotReady as error:
            audit_cache.wanted(survey.id)
            if recent is None:
                error.survey = survey  # (for the page saying its figures are being prepared)
                raise
            age, kept, kept_stamp = recent
            # Made from this very data (its audit since dropped from the caches): current, no notice.
            return replace(kept, survey=survey, age_seconds=None if kept_stamp == stamp else age)
        if page_key:
            audit_cache.keep_page(page_key, replace(found, survey=None), stamp)
        return found
    return None


def audit_ready(survey):
    """Whether the audit of ``survey``'s breakdowns for its data as it is now is stored: what a page saying its
    figures are being prepared polls (cheap: the data version, the years, the cohorts; no counts)."""
    version = survey_queries.get_latest_version(survey)
    stamp = result_audit.data_version(survey.id)
    years = result_counts.load(survey.id, ()).years
    if version is None or not years:
        return True  # no breakdown page needs an audit
    key = audit_cache.key_of(survey.id, version.id, threshold(), stamp, years,
                             [cohort.id for cohort in result_queries.list_cohorts(survey.id)])
    return audit_cache.get(key) is not None


def warm_audit(survey_id):
    """Work out and store the audit of ``survey_id``'s breakdowns for its data as it is now (the background job
    of ``audit_cache``); what a breakdown page would, without the page."""
    survey = survey_queries.get_survey(survey_id)
    version = survey_queries.get_latest_version(survey) if survey is not None else None
    if version is None:
        return
    stamp = result_audit.data_version(survey_id)
    definition = definition_of(version)
    question_ids = {q.id for q in definition.questions if q.type in CLOSED_TYPES}
    counts = result_counts.load(survey_id, question_ids)
    items = items_for(definition, "en", counts.values())
    try:
        result_audit.further_hidden(survey, version, definition, items, counts,
                                    result_queries.list_cohorts(survey_id), breakdown_ids(definition), stamp)
    except result_audit.DataChanged:
        pass  # written to meanwhile: that write queued the next job


def _survey_results(survey, year, breakdown, language, stamp, inline=None):
    version = survey_queries.get_latest_version(survey)
    definition = definition_of(version)
    question_ids = {q.id for q in definition.questions if q.type in CLOSED_TYPES}
    counts = result_counts.load(survey.id, question_ids, _breakdown_question(breakdown))
    years = counts.years
    items = items_for(definition, language, counts.values())

    year_sizes = counts.year_sizes
    sizes = [year_sizes[y] for y in years]
    year_figures, year_total = result_tables.responses(sizes)
    index = None if year is None else (years.index(year) if year in years else -1)
    responses_shown = year_total if year is None else (year_figures[index] if index >= 0 else 0)
    if year in counts.withheld:  # fewer than N: nothing of the year is shown, so its items neither
        responses_shown, items = SMALL, []
    responses = sum(year_sizes.values()) if year is None else year_sizes.get(year, 0)
    drafts = result_queries.count_unsubmitted_drafts(survey.id, *year_bounds(year))
    if year is None:  # a withheld year's responses are in no figure: nor are its unfinished drafts
        drafts -= sum(result_queries.count_unsubmitted_drafts(survey.id, *year_bounds(y)) for y in counts.withheld)
    completion = responses_shown if not shown(responses_shown) else percentage(responses, responses + drafts)

    refused = False
    groups = None
    audit = {}
    if breakdown:
        if len(years) > 1 and year is None:
            refused = True
        else:
            cohorts = result_queries.list_cohorts(survey.id)
            groups = _breakdown_groups(breakdown, definition, cohorts, language)
            if groups:
                audit = result_audit.further_hidden(survey, version, definition, items, counts, cohorts,
                                                    breakdown_ids(definition), stamp, inline=inline)
    grids = {item.key: result_tables.years_grid(result_counts.per_year(item, counts), sizes, year_figures,
                                                year_total, item.additive) for item in items} if years else {}
    results, breakdowns = [], breakdown_ids(definition)
    for item in items:
        grid = grids.get(item.key)
        if grid is None or index == -1:
            figures, total = [0] * len(item.options), 0
        else:
            figures, total = grid.figures(index)
        result = ItemResult(item, _rows(item, figures, total), total, years=years,
                            year_table=grid.shown if grid is not None and len(years) > 1 and year is None else None)
        if groups and grid is not None and index != -1 and item.question_id != breakdown:
            if item.question_id in breakdowns:
                result.not_broken_down = True
            else:
                extra = audit.get((item.key, breakdown, index), ())
                result.breakdown = _breakdown(item, groups, counts, year, index, grids, breakdown, extra)
        results.append(result)

    year_counts = [(y, year_figures[i]) for i, y in enumerate(years)]
    return SurveyResults(survey, definition, years, year, responses_shown, drafts, completion, results, year_counts,
                         breakdown if groups else None, breakdown_choices(definition, language), refused,
                         withheld=counts.withheld)


def _breakdown(item, groups, counts, year, index, grids, key, extra=()):
    """``item`` by the breakdown ``key`` for one period (``index``: of the year, ``None`` for all years)."""
    labels, group_of = groups
    cells, answered, sizes = result_counts.by_group(item, counts, group_of, len(labels), year)
    return Breakdown(labels, breakdown_table(item, key, index, grids, cells, answered, sizes, extra))


def breakdown_table(item, key, index, grids, cells, answered, sizes, extra=()):
    """The shown table of ``item`` (no breakdown question) by ``key`` from its counts per group: the groups'
    totals are those published elsewhere, the breakdown question's own figures (its answers and its not
    answering) or the cohorts' responses. ``extra``: the further cells the audit of every breakdown taken
    together hides (``result_audit``)."""
    figures, total = grids[item.key].period(index)
    if key in grids:
        published = grids[key].period(index)[0]
    else:
        published = result_tables.group_sizes(sizes, total)
    return result_tables.breakdown(cells, answered, sizes, published, figures, total, item.additive,
                                   extra=extra)[1]
