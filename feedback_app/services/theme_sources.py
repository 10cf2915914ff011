"""What a theme run analyses: surveys, questions, years, cohorts and audiences.

A run's ``sources`` is a dict of lists; an empty list means "all":

    {"audiences": ["practitioners"], "surveys": ["workforce"], "questions": ["workforce:what_helps"],
     "years": [2026], "cohorts": [3, 4]}

Only free-text questions marked ``analyse: true`` are analysed. Audiences are
the surveys' own ``audience`` (young people, practitioners, lay members,
partners, training follow-ups). Cohorts narrow only the surveys they belong to.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from analysis.redaction import redact_text
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import themes as theme_queries
from feedback_app.services.journey import definition_of
from feedback_app.services.results import year_bounds

AUDIENCES = {
    "young_people": _l("Young people"),
    "practitioners": _l("Practitioners"),
    "lay_members": _l("Lay members"),
    "partners": _l("Partners"),
    "training": _l("Training follow-ups"),
}
KEYS = ("audiences", "surveys", "questions", "years", "cohorts")


def audience_label(code):
    return str(AUDIENCES.get(code, code))


@dataclass(frozen=True)
class SourceAnswer:
    answer_id: int
    text: str
    survey_id: int


@dataclass(frozen=True)
class Options:
    """What can be chosen: ``surveys`` [(survey, [(question_id, text)])], cohorts, years, audiences."""

    surveys: list
    cohorts: list
    years: list
    audiences: list


def theme_questions(survey, language="en"):
    version = survey_queries.get_latest_version(survey)
    if version is None:
        return []
    return [(q.id, q.text(language)) for q in definition_of(version).theme_questions]


def options(language="en"):
    surveys = [(s, theme_questions(s, language)) for s in theme_queries.list_surveys()]
    surveys = [(s, qs) for s, qs in surveys if qs]
    ids = [s.id for s, _qs in surveys]
    audiences = sorted({s.audience for s, _qs in surveys}, key=lambda a: list(AUDIENCES).index(a)
                       if a in AUDIENCES else len(AUDIENCES))
    return Options(surveys, theme_queries.list_cohorts(ids), theme_queries.response_years(ids), audiences)


def normalise(sources):
    """A clean ``sources`` dict: every key present, values sorted and de-duplicated."""
    sources = sources or {}
    out = {}
    for key in KEYS:
        values = sources.get(key) or []
        if key in ("years", "cohorts"):
            values = sorted({int(v) for v in values})
        else:
            values = sorted({str(v) for v in values})
        out[key] = values
    return out


def chosen_surveys(sources):
    return theme_queries.list_surveys(sources["surveys"] or None, sources["audiences"] or None)


def collect(sources, redact=True):
    """The answers a run analyses, redacted again before analysis, in a stable order.

    Answers held back for safeguarding review are never among them (see ``count_withheld``).

    ``redact=False`` only to count them (the form's check that anything matches).
    """
    sources = normalise(sources)
    wanted_questions = {}
    for item in sources["questions"]:
        slug, _sep, question_id = item.partition(":")
        wanted_questions.setdefault(slug, set()).add(question_id)
    answers = []
    for survey in chosen_surveys(sources):
        questions = [qid for qid, _text in theme_questions(survey)]
        if sources["questions"]:
            questions = [qid for qid in questions if qid in wanted_questions.get(survey.slug, ())]
        if not questions:
            continue
        own_cohorts = {c.id for c in theme_queries.list_cohorts([survey.id])}
        cohorts = [c for c in sources["cohorts"] if c in own_cohorts] or None
        for start, end in [year_bounds(y) for y in sources["years"]] or [(None, None)]:
            for answer_id, text in theme_queries.list_source_answers(survey.id, questions, start, end, cohorts):
                answers.append(SourceAnswer(answer_id, redact_text(text) if redact else text, survey.id))
    answers.sort(key=lambda a: a.answer_id)
    return answers


def count_withheld(sources):
    """How many answers the sources would take in but are held back for safeguarding review."""
    sources = normalise(sources)
    wanted_questions = {}
    for item in sources["questions"]:
        slug, _sep, question_id = item.partition(":")
        wanted_questions.setdefault(slug, set()).add(question_id)
    total = 0
    for survey in chosen_surveys(sources):
        questions = [qid for qid, _text in theme_questions(survey)]
        if sources["questions"]:
            questions = [qid for qid in questions if qid in wanted_questions.get(survey.slug, ())]
        if not questions:
            continue
        own_cohorts = {c.id for c in theme_queries.list_cohorts([survey.id])}
        cohorts = [c for c in sources["cohorts"] if c in own_cohorts] or None
        for start, end in [year_bounds(y) for y in sources["years"]] or [(None, None)]:
            total += alert_queries.count_withheld([survey.id], questions, start, end, cohorts)
    return total


def describe(sources, language="en"):
    """Readable lines saying what a run covers: ``[(heading, text)]``."""
    sources = normalise(sources)
    surveys = chosen_surveys(sources)
    lines = []
    if sources["audiences"]:
        lines.append((_("Audiences"), ", ".join(audience_label(a) for a in sources["audiences"])))
    lines.append((_("Surveys"), ", ".join(s.title for s in surveys) or _("None")))
    if sources["questions"]:
        titles = []
        for survey in surveys:
            texts = dict(theme_questions(survey, language))
            titles += [texts[q.partition(":")[2]] for q in sources["questions"]
                       if q.partition(":")[0] == survey.slug and q.partition(":")[2] in texts]
        lines.append((_("Questions"), "; ".join(titles)))
    else:
        lines.append((_("Questions"), _("Every free-text question marked for analysis")))
    lines.append((_("Years"), ", ".join(str(y) for y in sources["years"]) or _("All years")))
    if sources["cohorts"]:
        labels = [c.label for c in theme_queries.list_cohorts([s.id for s in surveys]) if c.id in sources["cohorts"]]
        lines.append((_("Cohorts"), ", ".join(labels)))
    return lines
