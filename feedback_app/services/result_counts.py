"""The counts behind the results, from the database's GROUP BY rows instead of every answer.

The database returns, per question, how many responses gave each distinct answer in each year, cohort
and breakdown group (a few hundred rows for 10,000 responses, not 130,000 answers). Each distinct answer
is turned into its codes once (``Item.codes_of``, as for one response) and weighted by its count, so the
tables handed to ``services.suppression`` are the ones counting every response in Python would give.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from feedback_app.queries import results as result_queries
from feedback_app.services.suppression import threshold


def _decoder():
    """``json.loads`` for stored answers, each distinct text decoded once (the rows repeat a few hundred
    distinct answers thousands of times). A fresh one per read: the values it returns are not copied."""
    seen = {}

    def decode(text):
        if text is None:
            return None
        if text not in seen:
            seen[text] = json.loads(text)
        return seen[text]

    return decode


@dataclass
class Counts:
    """One survey's counts: ``years`` (ascending, each with N responses or more), responses per year, and rows;
    ``withheld``: the years with 1 to N-1 responses, left out of every count; ``span``: every year from the
    first response to the last (the database's years are counted over them)."""

    years: list
    year_sizes: Counter
    # (year, cohort_id, breakdown answer, responses)
    groups: list = field(default_factory=list)
    # question_id -> [(value, year, cohort_id, breakdown answer, responses)]
    answers: dict = field(default_factory=dict)
    withheld: list = field(default_factory=list)
    span: list = field(default_factory=list)

    def values(self):
        """``{question_id: [distinct values]}``, for the number questions' bins."""
        return {qid: [row[0] for row in rows] for qid, rows in self.answers.items()}


def load(survey_id, question_ids, breakdown_question=None, limit=None):
    """The counts of the years with ``limit`` (the threshold) responses or more. A year with 1 to N-1 (a new
    year's first responses) is withheld from every table, all years included, until it has N: published, its
    responses would be a small group, and so (the all-years figures less the other years') everything else
    about that year and one other (``Counts.withheld``; the pages say so)."""
    limit = limit or threshold()
    first, last = result_queries.submitted_span(survey_id)
    if first is None:
        return Counts([], Counter())
    candidates = list(range(first.year, last.year + 1))
    _decode = _decoder()
    groups = [(year, cohort, _decode(value), n) for year, cohort, value, n
              in result_queries.count_responses_by_group(survey_id, candidates, breakdown_question)]
    year_sizes = Counter()
    for year, _cohort, _value, n in groups:
        year_sizes[year] += n
    withheld = sorted(y for y, n in year_sizes.items() if 0 < n < limit)
    if withheld:
        groups = [row for row in groups if row[0] not in withheld]
        year_sizes = Counter({y: n for y, n in year_sizes.items() if y not in withheld})
    answers = defaultdict(list)
    if question_ids:
        for qid, value, year, cohort, group, n in result_queries.count_answers_by_group(
                survey_id, question_ids, candidates, breakdown_question):
            if year not in withheld:
                answers[qid].append((_decode(value), year, cohort, _decode(group), n))
    return Counts(sorted(y for y, n in year_sizes.items() if n), year_sizes, groups, dict(answers), withheld,
                  candidates)


def count_weighted(item, rows):
    """Counts per option (in option order) and how many answered, from ``(value, responses)`` pairs."""
    counts = Counter()
    answered = 0
    for value, n in rows:
        codes = item.codes_of(value)
        if codes:
            answered += n
            for code in codes:
                counts[code] += n
    return [counts.get(code, 0) for code, _label, _opt in item.options], answered


def per_year(item, counts):
    """``[(counts, answered)]`` for each of ``counts.years``."""
    by_year = defaultdict(list)
    for value, year, _cohort, _group, n in counts.answers.get(item.question_id, []):
        by_year[year].append((value, n))
    return [count_weighted(item, by_year[year]) for year in counts.years]


def by_group(item, counts, group_of, width, year=None):
    """``(cells, answered, sizes)`` per breakdown group (``group_of(cohort_id, answer)`` -> index) for one
    year or all (``year=None``)."""
    cells = [[0] * len(item.options) for _group in range(width)]
    answered, sizes = [0] * width, group_sizes(counts, group_of, width, year)
    codes_index = {code: i for i, (code, _l, _o) in enumerate(item.options)}
    for value, row_year, cohort, group, n in counts.answers.get(item.question_id, []):
        if year is not None and row_year != year:
            continue
        codes = item.codes_of(value)
        index = group_of(cohort, group)
        if codes:
            answered[index] += n
        for code in codes:
            if code in codes_index:
                cells[index][codes_index[code]] += n
    return cells, answered, sizes


def group_sizes(counts, group_of, width, year=None):
    sizes = [0] * width
    for row_year, cohort, group, n in counts.groups:
        if year is None or row_year == year:
            sizes[group_of(cohort, group)] += n
    return sizes
