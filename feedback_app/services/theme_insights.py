"""Figures beside each theme: size, share, share by audience and agency, trend, triangulation.

Shares by audience and by agency go through ``services.suppression`` (groups
under 5 hidden, small counts hidden, complementary figures hidden), as every
published breakdown does. Triangulation uses the results service, so the
closed-question figures are the ones (and as suppressed as) the results pages show.
"""

import re
from collections import Counter
from dataclasses import dataclass

from flask_babel import gettext as _

from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services import results as results_service
from feedback_app.services.journey import definition_of
from feedback_app.services.suppression import SUPPRESSED, is_small, percentage, shown, suppress_counts, suppress_table
from feedback_app.services.theme_sources import audience_label

AGENCY_QUESTION = "agency"


@dataclass
class Trend:
    previous_theme: object
    previous_share: object  # int percent or SUPPRESSED
    share: object
    similarity: float

    @property
    def change(self):
        if not shown(self.share) or not shown(self.previous_share):
            return SUPPRESSED
        return self.share - self.previous_share


@dataclass
class ThemeSummary:
    theme: object
    size: int  # answers whose main theme this is
    share: object  # percent of the run's answers (non-answers left out) in the theme, or SUPPRESSED
    trend: Trend | None
    also: int = 0  # answers whose main theme is another but that also belong to this one

    @property
    def is_other(self):
        return is_other(self.theme)


OTHER_ORIGIN = "other"


def is_other(theme):
    """The "Other answers" group: answers that fit no theme well (not a theme to report as one)."""
    return theme.origin == OTHER_ORIGIN


def secondary_counts(run):
    """``{theme id: answers that also belong to it}`` (their main theme being another), as reviewed now.

    The engine's second themes are kept in the run's output by theme number; a
    theme merged away counts for the theme it went into, and an answer moved
    into one of its second themes no longer counts twice.
    """
    also = (run.original_output or {}).get("secondary") or {}
    if not also:
        return {}
    themes = [t for t, _size in theme_queries.list_themes(run.id, include_merged=True)]
    by_number = {t.number: t for t in themes}
    by_id = {t.id: t for t in themes}

    def final(theme):
        seen = set()
        while theme is not None and theme.merged_into_id is not None and theme.id not in seen:
            seen.add(theme.id)
            theme = by_id.get(theme.merged_into_id)
        return theme

    current = {f.answer_id: f.theme_id for f in theme_queries.run_answer_facts(run.id)}
    counts = Counter()
    for answer_id, numbers in also.items():
        main = current.get(int(answer_id))
        for theme in {final(by_number.get(n)) for n in numbers}:
            if theme is not None and theme.id != main and not is_other(theme):
                counts[theme.id] += 1
    return counts


@dataclass
class GroupRow:
    label: str
    count: object
    total: object
    percent: object


def base_count(run):
    """Answers that could be placed in a theme: all analysed answers but the non-answers."""
    return max(run.answer_count - run.non_answer_count, 0)


def hidden_sizes(run):
    """``{theme id: marker}`` for the themes whose size is hidden: the run's themes (each answer in one main
    theme) with the answers in none of them are one distribution of the run's answers, suppressed as every
    other (small ones hidden, and others where the total less the rest would give a small one away)."""
    pairs = theme_queries.list_themes(run.id)
    sizes = [size for _theme, size in pairs]
    base = max(base_count(run), sum(sizes))
    counts, _total = suppress_counts([*sizes, base - sum(sizes)], base)
    return {theme.id: count for (theme, _size), count in zip(pairs, counts, strict=False) if not shown(count)}


def _share(size, base, theme_id=None, hidden=None):
    """A theme's share, hidden when its size is (``hidden``, from ``hidden_sizes``) or the count is small."""
    if hidden and theme_id in hidden:
        return hidden[theme_id]
    return SUPPRESSED if is_small(size) else percentage(size, base)


def trend(run, theme, size, hidden=None):
    if theme.previous_number is None or run.previous_run_id is None:
        return None
    previous_run = theme_queries.get_run(run.previous_run_id)
    previous = theme_queries.get_theme_by_number(run.previous_run_id, theme.previous_number)
    if previous_run is None or previous is None:
        return None
    previous_size = theme_queries.theme_sizes(previous_run.id).get(previous.id, 0)
    hidden = hidden_sizes(run) if hidden is None else hidden
    return Trend(previous, _share(previous_size, base_count(previous_run), previous.id, hidden_sizes(previous_run)),
                 _share(size, base_count(run), theme.id, hidden), theme.previous_similarity or 0.0)


def summaries(run, include_merged=False):
    """One summary per theme, "Other answers" last. Shares count second themes too (see ``secondary_counts``)."""
    base = base_count(run)
    also = secondary_counts(run)
    hidden = hidden_sizes(run)
    found = [ThemeSummary(theme, size, _share(size + also.get(theme.id, 0), base, theme.id, hidden),
                          trend(run, theme, size, hidden), also.get(theme.id, 0))
             for theme, size in theme_queries.list_themes(run.id, include_merged=include_merged)]
    return sorted(found, key=lambda s: s.is_other)


def _group_rows(labels, in_theme, totals, size, base):
    """Rows of (group, answers in the theme, group's answers, percent), suppressed as one table."""
    cells = [[in_theme[i], totals[i] - in_theme[i]] for i in range(len(labels))]
    table = suppress_table(cells, row_totals=totals, group_sizes=totals, fixed_totals=[size, base - size])
    rows = []
    for i, label in enumerate(labels):
        count, total = table.cells[i][0], table.row_totals[i]
        rows.append(GroupRow(label, count, total, percentage(count, total)))
    return rows


def _facts(run):
    return [f for f in theme_queries.run_answer_facts(run.id) if not f.non_answer]


def by_audience(run, theme):
    facts = _facts(run)
    audiences = sorted({f.audience for f in facts})
    totals = Counter(f.audience for f in facts)
    inside = Counter(f.audience for f in facts if f.theme_id == theme.id)
    return _group_rows([audience_label(a) for a in audiences], [inside[a] for a in audiences],
                       [totals[a] for a in audiences], sum(inside.values()), len(facts))


def _agency_labels(run, language):
    labels = {}
    for survey_id in theme_queries.survey_ids_of_run(run.id):
        survey = theme_queries.get_survey(survey_id)
        definition = definition_of(survey_queries.get_latest_version(survey))
        try:
            question = definition.question(AGENCY_QUESTION)
        except KeyError:
            continue
        labels.setdefault(survey_id, dict(question.answer_type.choice_labels(language)))
    return labels


def by_agency(run, theme, language="en"):
    """Share by agency, for answers from surveys that ask for agency; ``None`` if none do."""
    labels_of = _agency_labels(run, language)
    if not labels_of:
        return None
    values = theme_queries.response_values(run.id, AGENCY_QUESTION)
    facts = [f for f in _facts(run) if f.survey_id in labels_of]
    not_answered = _("Not answered")

    def group(fact):
        value = values.get(fact.response_id)
        return labels_of[fact.survey_id].get(str(value), not_answered) if value is not None else not_answered

    order = list(dict.fromkeys(label for labels in labels_of.values() for label in labels.values()))
    order.append(not_answered)
    totals = Counter(group(f) for f in facts)
    inside = Counter(group(f) for f in facts if f.theme_id == theme.id)
    order = [label for label in order if totals[label]]
    if not order:
        return None
    return _group_rows(order, [inside[g] for g in order], [totals[g] for g in order], sum(inside.values()),
                       len(facts))


# --- triangulation ----------------------------------------------------------------------------------


def _words(text):
    return {w for w in re.findall(r"[a-z]{4,}", (text or "").lower())}


def _run_year(run):
    years = (run.sources or {}).get("years") or []
    return years[0] if len(years) == 1 else None


def result_choices(theme, language="en"):
    """``[(value, label)]`` of every closed-question result, those sharing words with the theme first."""
    wanted = _words(" ".join([theme.label, *theme.terms]))
    choices = []
    for survey in survey_queries.list_surveys():
        version = survey_queries.get_latest_version(survey)
        if version is None:
            continue
        for item in results_service.items_for(definition_of(version), language):
            score = len(wanted & _words(item.title))
            choices.append((-score, survey.title, f"{survey.id}|{item.key}", f"{survey.title}: {item.title}"))
    choices.sort(key=lambda c: (c[0], c[1]))
    return [(value, label) for _score, _title, value, label in choices]


def parse_choice(value):
    """``(survey, item_key)`` for a choice value, or ``(None, None)``."""
    survey_id, _sep, key = (value or "").partition("|")
    if not survey_id.isdigit() or not key:
        return None, None
    survey = theme_queries.get_survey(int(survey_id))
    if survey is None:
        return None, None
    version = survey_queries.get_latest_version(survey)
    keys = {item.key for item in results_service.items_for(definition_of(version), "en")}
    return (survey, key) if key in keys else (None, None)


@dataclass
class LinkedResult:
    row: object
    survey: object
    result: object  # results_service.ItemResult, or None if the question is gone
    year: int | None


def triangulation(run, theme, language="en"):
    year = _run_year(run)
    found = {}
    linked = []
    for row in theme_queries.list_triangulations(theme.id):
        survey = row.survey
        if survey.id not in found:
            results = results_service.survey_results(survey, language=language)
            use_year = year if year in results.years else None
            if use_year is not None:
                results = results_service.survey_results(survey, year=use_year, language=language)
            found[survey.id] = (results, use_year)
        results, use_year = found[survey.id]
        item = next((r for r in results.items if r.item.key == row.item_key), None)
        linked.append(LinkedResult(row, survey, item, use_year))
    return linked
