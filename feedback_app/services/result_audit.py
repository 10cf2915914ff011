"""The audit of a survey's breakdowns taken together (``suppression_audit``), from the database's counts.

Every breakdown page of a period must hide the same figures, so the audit covers every breakdown at once (each
breakdown question, ``results.breakdown_ids``, and the cohorts) whichever page asks: ``further_hidden`` returns the
further cells to hide per ``(item, breakdown, period)``. It is worked out from one count of responses per profile
(year, cohort and each breakdown question's answer) and of answers per profile, with every respondent's answers for
the sound pass (``suppression_sound``: the youth demo's cold audit takes about 63 s with it), and kept
(``audit_cache``: this process, and Redis when there is one) under the survey's results data version, which the
database moves with every write to what is counted: a page reads that version, not the count rows, to know
whether the data changed.
"""

import json

import numpy as np
from flask import current_app, has_request_context

from feedback_app.queries import results as result_queries
from feedback_app.services import audit_cache, suppression_audit
from feedback_app.services.suppression import threshold

COHORT = "cohort"


class _Profiles:
    """Responses per profile and answers per profile, as patterns for the audit's families."""

    def __init__(self, survey_id, years, items, breakdowns, cohorts, span=None):
        self.items = {item.key: item for item in items}
        self.order = list(breakdowns)
        self.survey_id, self.years, self.breakdowns, self.cohorts = survey_id, years, breakdowns, cohorts
        self.span = span or years  # every year from the first response to the last: the database counts by them
        self.question_ids = {item.question_id for item in items}
        self.response_rows = self.answer_rows = None

    def _read(self):
        if self.response_rows is None:
            published = set(self.years)  # a withheld year's responses (``result_counts.load``) are left out
            self.response_rows = [row for row in result_queries.count_responses_by_profile(
                self.survey_id, self.span, self.order) if row[0] in published]
            self.answer_rows = [row for row in result_queries.count_answers_by_profile(
                self.survey_id, self.question_ids, self.span, self.order) if row[2] in published]

    def decode(self):
        """Each row's year index and group per breakdown as arrays (a group ``g`` as ``g + 1``, 0 not answered)."""
        self._read()
        decoded = {}

        def value_of(text):
            if text not in decoded:
                decoded[text] = None if text is None else json.loads(text)
            return decoded[text]

        cohort_index = {cohort.id: i for i, cohort in enumerate(self.cohorts)}
        year_index = {year: i for i, year in enumerate(self.years)}
        codes = {key: {} for key in self.order}

        def group(key, text):
            if text not in codes[key]:
                found = self.breakdowns[key].get(str(value_of(text)))
                codes[key][text] = 0 if found is None else found + 1
            return codes[key][text]

        def arrays(rows, first):
            """``{key: group codes}``, year indexes and counts of ``rows`` (their profile from column ``first``)."""
            columns = {key: np.array([group(key, row[first + 2 + i]) for row in rows], dtype=np.int64)
                       for i, key in enumerate(self.order)}
            columns[COHORT] = np.array([(lambda c: 0 if c is None else c + 1)(cohort_index.get(row[first + 1]))
                                        for row in rows], dtype=np.int64)
            return columns, np.array([year_index[row[first]] for row in rows], dtype=np.int64), \
                np.array([row[-1] for row in rows], dtype=np.int64)

        self.responses = arrays(self.response_rows, 0)
        self.radix = {key: len(self.breakdowns[key]) + 1 for key in self.order}
        self.radix[COHORT] = len(self.cohorts) + 1
        self.answers = {}
        by_question = {}
        for number, row in enumerate(self.answer_rows):
            by_question.setdefault(row[0], []).append(number)
        for item in self.items.values():
            numbers = by_question.get(item.question_id, [])
            rows = [self.answer_rows[n] for n in numbers]
            answers, ids, index_of = [None], {}, {None: 0}
            codes_of = []
            for row in rows:
                text = row[1]
                if text not in ids:
                    # One code per answer, not per stored text: a grid's rows share one stored answer, so texts
                    # differing in other rows (and a multiple choice's options in another order) are one answer.
                    answer = self._answer(item, value_of(text))
                    if answer not in index_of:
                        index_of[answer] = len(answers)
                        answers.append(answer)
                    ids[text] = index_of[answer]
                codes_of.append(ids[text])
            self.answers[item.key] = (answers, np.array(codes_of, dtype=np.int64), *arrays(rows, 2))

    @staticmethod
    def _answer(item, value):
        codes = item.codes_of(value)
        if not codes:
            return None
        codes_index = {code: i for i, (code, _l, _o) in enumerate(item.options)}
        chosen = [codes_index[c] for c in codes if c in codes_index]
        if not chosen:  # no known option: not answering, as in the tables (``results.items_for``)
            return None
        return frozenset(chosen) if not item.additive else chosen[0]

    def family(self, keys):
        """``{(year index, item answer, breakdown answers...): responses}`` for ``keys`` (an item, breakdowns)."""
        answers, answer_codes, columns, years, counts = self.answers[keys[0]]
        others = keys[1:]
        radix = [len(self.years), len(answers), *(self.radix[k] for k in others)]

        def flat(year_codes, answer, groups):
            code = year_codes * radix[1] + answer
            for key, width in zip(others, radix[2:], strict=True):
                code = code * width + groups[key]
            return code

        response_columns, response_years, response_counts = self.responses
        codes = np.concatenate([flat(response_years, 0, response_columns), flat(years, 0, columns),
                                flat(years, answer_codes, columns)])
        weights = np.concatenate([response_counts, -counts, counts])
        found, inverse = np.unique(codes, return_inverse=True)
        totals = np.bincount(inverse, weights=weights).astype(np.int64)
        kept = totals != 0
        digits = np.unravel_index(found[kept], radix)
        groups = [[None if g == 0 else g - 1 for g in range(width)] for width in radix[2:]]
        columns = [digits[0].tolist(), [answers[a] for a in digits[1].tolist()],
                   *([names[g] for g in column.tolist()] for names, column in zip(groups, digits[2:], strict=True))]
        return dict(zip(zip(*columns, strict=True), totals[kept].tolist(), strict=True))


    def everyone(self, keys):
        """``{(year index, answer to each of keys...): responses}`` over every respondent's answers (the sound audit,
        ``suppression_sound``): ``keys`` the items' keys and ``COHORT``."""
        published = {year: i for i, year in enumerate(self.years)}
        cohort_index = {cohort.id: i for i, cohort in enumerate(self.cohorts)}
        texts = {}
        for response_id, year, cohort_id, question_id, text in result_queries.answers_by_response(
                self.survey_id, self.question_ids, self.span):
            if year in published:
                found = texts.setdefault(response_id, (published[year], cohort_index.get(cohort_id), {}))
                if question_id is not None:
                    found[2][question_id] = text
        decoded, counts = {}, {}
        for year, cohort, answers in texts.values():
            pattern = [year]
            for key in keys:
                if key == COHORT:
                    pattern.append(cohort)
                    continue
                item, text = self.items[key], answers.get(self.items[key].question_id)
                if (key, text) not in decoded:
                    decoded[(key, text)] = None if text is None else self._answer(item, json.loads(text))
                pattern.append(decoded[(key, text)])
            counts[tuple(pattern)] = counts.get(tuple(pattern), 0) + 1
        return counts


class DataChanged(Exception):
    """The survey's counted data changed while a page was reading it: read it again."""


def data_version(survey_id, hold=False):
    """The survey's results data version (see ``queries.results.data_version``)."""
    return result_queries.data_version(survey_id, hold)


class NotReady(Exception):  # noqa: N818 - a state, as DataChanged
    """The audit of this data is not worked out yet, and the caller said not to work it out inline."""


def further_hidden(survey, version, definition, items, counts, cohorts, breakdown_ids, stamp=None, inline=None):
    """``{(item key, breakdown key, period): cells}`` to hide further (``period``: a year's index, or None);
    ``breakdown_ids``: the breakdown questions (``results.breakdown_ids``).

    ``stamp``: the survey's results data version read before ``counts`` were. Raises ``DataChanged`` if it has
    moved since (``counts`` and this audit could be of different data); the result is stored only when it has
    not. Without ``stamp``, it is read here. When no audit of this data is stored, ``inline=False`` raises
    ``NotReady`` rather than work it out; the default, ``None``, works it out except in a web request (a cold
    audit can take minutes: the caller has the background job work it out, ``audit_cache.wanted``)."""
    if inline is None:
        inline = not has_request_context()
    if stamp is None:
        stamp = data_version(survey.id)
    if not counts.years:
        return {}
    limit = threshold()
    key = audit_cache.key_of(survey.id, version.id, limit, stamp, counts.years, [cohort.id for cohort in cohorts])
    found = audit_cache.get(key)
    if found is None and not inline:
        raise NotReady
    if found is None:
        with audit_cache.working_on(key):  # one at a time here: a second page waits for the first's
            found = audit_cache.get(key)
            if found is None:
                found = _audit(survey, definition, items, counts, cohorts, breakdown_ids, limit)
                if data_version(survey.id) != stamp:
                    raise DataChanged
                audit_cache.put(key, found)
    elif data_version(survey.id) != stamp:
        raise DataChanged
    return found


def _audit(survey, definition, items, counts, cohorts, breakdown_ids, limit):
    breakdowns = {}
    for question in definition.questions:
        if question.id in breakdown_ids:
            choices = question.answer_type.choice_labels("en")
            breakdowns[question.id] = {code: i for i, (code, _label) in enumerate(choices)}
    profiles = _Profiles(survey.id, counts.years, items, breakdowns, cohorts, counts.span)
    profiles.decode()
    # A breakdown question is published with its own table only (``services.results``: never broken down).
    questions = [suppression_audit.Question(
        item.key, len(item.options), multiple=not item.additive, breakdown=item.key in breakdowns,
        transposable=item.key in breakdowns, broken_down=item.key not in breakdowns) for item in items]
    questions.append(suppression_audit.Question(COHORT, len(cohorts), item=False, breakdown=True))
    found, stuck = suppression_audit.protect(len(counts.years), {}, questions, limit, family_counts=profiles.family,
                                             everyone=lambda: profiles.everyone([q.key for q in questions]))
    if stuck:  # a figure hiding breakdown cells cannot protect: for whoever maintains suppression (issue 19)
        current_app.logger.warning("suppression audit: survey %s: figures pinned whatever breakdowns hide, in %s",
                                   survey.id, sorted(stuck))
    return found
