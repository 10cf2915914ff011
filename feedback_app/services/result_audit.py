"""The audit of a survey's breakdowns taken together (``suppression_audit``), from the database's counts.

Every breakdown page of a period must hide the same figures, so the audit covers every breakdown at once (each
single-choice question and the cohorts) whichever page asks: ``further_hidden`` returns the further cells to
hide per ``(item, breakdown, period)``. It is worked out once per survey version and set of counts in this process (the
counts' totals per question, answer, year and cohort, which any page loads, stand for the counts), from one
count of responses per profile (year, cohort and each breakdown question's answer).
"""

import json
import threading
from collections import Counter, OrderedDict

from feedback_app.queries import results as result_queries
from feedback_app.services import suppression_audit
from feedback_app.services.suppression import threshold

COHORT = "cohort"
_CACHE = OrderedDict()
_CACHE_SIZE = 32
_LOCK = threading.Lock()


def _signature(counts):
    """The counts' totals over the breakdown groups: the same on every page of a survey with the same data."""
    groups = Counter()
    for year, cohort, _group, n in counts.groups:
        groups[(year, cohort)] += n
    answers = Counter()
    for qid, rows in counts.answers.items():
        for value, year, cohort, _group, n in rows:
            answers[(qid, json.dumps(value, sort_keys=True), year, cohort)] += n
    return tuple(sorted(groups.items(), key=repr)), tuple(sorted(answers.items(), key=repr))


class _Profiles:
    """Responses per profile and answers per profile, as patterns for the audit's families."""

    def __init__(self, survey_id, years, items, breakdowns, cohorts):
        self.items = {item.key: item for item in items}
        order = list(breakdowns)
        decoded = {}

        def decode(text):
            if text not in decoded:
                decoded[text] = None if text is None else json.loads(text)
            return decoded[text]

        cohort_index = {cohort.id: i for i, cohort in enumerate(cohorts)}
        year_index = {year: i for i, year in enumerate(years)}

        def profile(year, cohort, values):
            """``(year index, {breakdown key: group index or None})``."""
            groups = {key: breakdowns[key].get(str(decode(value))) for key, value in zip(order, values, strict=True)}
            groups[COHORT] = cohort_index.get(cohort)
            return year_index[year], groups

        self.responses = [(*profile(year, cohort, values), n) for year, cohort, *values, n
                          in result_queries.count_responses_by_profile(survey_id, years, order)]
        question_ids = {item.question_id for item in items}
        self.answers = {}
        for qid, value, year, cohort, *rest in result_queries.count_answers_by_profile(
                survey_id, question_ids, years, order):
            self.answers.setdefault(qid, []).append((decode(value), *profile(year, cohort, rest[:-1]), rest[-1]))

    @staticmethod
    def _answer(item, value):
        codes = item.codes_of(value)
        if not codes:
            return None
        codes_index = {code: i for i, (code, _l, _o) in enumerate(item.options)}
        chosen = [codes_index[c] for c in codes if c in codes_index]
        return frozenset(chosen) if not item.additive else (chosen[0] if chosen else None)

    def family(self, keys):
        """``{(year index, item answer, breakdown answers...): responses}`` for ``keys`` (an item, breakdowns)."""
        item, others = self.items[keys[0]], keys[1:]
        counts = Counter()
        for year, groups, n in self.responses:
            counts[(year, None, *(groups[k] for k in others))] += n
        answers = {}
        for value, year, groups, n in self.answers.get(item.question_id, []):
            text = json.dumps(value, sort_keys=True)
            if text not in answers:
                answers[text] = self._answer(item, value)
            answer = answers[text]
            if answer is None:
                continue
            rest = tuple(groups[k] for k in others)
            counts[(year, None, *rest)] -= n
            counts[(year, answer, *rest)] += n
        return {pattern: n for pattern, n in counts.items() if n}


def further_hidden(survey, version, definition, items, counts, cohorts, breakdown_types):
    """``{(item key, breakdown key, period): cells}`` to hide further (``period``: a year's index, or None)."""
    if not counts.years:
        return {}
    limit = threshold()
    key = (survey.id, version.id, limit, _signature(counts))
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    breakdowns = {}
    for question in definition.questions:
        if question.type in breakdown_types:
            choices = question.answer_type.choice_labels("en")
            breakdowns[question.id] = {code: i for i, (code, _label) in enumerate(choices)}
    questions = [suppression_audit.Question(
        item.key, len(item.options), multiple=not item.additive,
        breakdown=item.key in breakdowns, transposable=item.key in breakdowns) for item in items]
    questions.append(suppression_audit.Question(COHORT, len(cohorts), item=False, breakdown=True))
    profiles = _Profiles(survey.id, counts.years, items, breakdowns, cohorts)
    found, _stuck = suppression_audit.protect(len(counts.years), {}, questions, limit, family_counts=profiles.family)
    with _LOCK:
        _CACHE[key] = found
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return found
