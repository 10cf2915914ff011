"""Theme runs for audit-planning tests, written straight through the queries layer.

Two surveys share the all-types definition: ``all-types`` (young people) and
``all-types-staff`` (practitioners). ``two_runs()`` makes last year's run and
this year's, matched to it, with known numbers of answers in each theme.
"""

from datetime import UTC, datetime

from feedback_app import queries
from feedback_app.models import RunStatus
from feedback_app.queries import demo as demo_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import themes as theme_queries

STAFF_SLUG = "all-types-staff"
FULL = {"agree": True, "age_band": "14_16", "safe_school": 4, "adults_listen": "agree"}

# label, number, previous number, excluded, {survey slug: answers}, quotes
CURRENT = [
    ("Online safety", 0, 0, False, {"all-types": 15, STAFF_SLUG: 6},
     ["People I don't know message me", "[name] sent me pictures", "Nobody checks the apps"]),
    ("Youth workers", 1, 1, False, {"all-types": 10, STAFF_SLUG: 8}, ["More youth workers please"]),
    ("Buses", 2, None, False, {"all-types": 6}, ["The bus stops at six"]),
    ("Transport", 3, None, False, {"all-types": 3}, ["No trains"]),
    ("Noise", 4, None, True, {"all-types": 5}, ["asdf"]),
]
CURRENT_NON_ANSWERS = 3
PREVIOUS = [
    ("Online worries", 0, None, False, {"all-types": 6}, ["Online chats"]),
    ("Youth clubs", 1, None, False, {"all-types": 14}, ["Clubs closed"]),
]


def staff_survey():
    """A second survey with the all-types questions, answered by practitioners."""
    existing = survey_queries.get_survey_by_slug(STAFF_SLUG)
    if existing:
        return existing
    base = survey_queries.get_survey_by_slug("all-types")
    version = survey_queries.get_latest_version(base)
    with queries.transaction():
        survey = survey_queries.add_survey(STAFF_SLUG, "All types (practitioners)", "practitioners", "open", None,
                                           None, "all-types-staff.yaml")
        survey_queries.add_version(survey, 1, version.content_hash, version.definition)
    return survey


def _answers(slug, prefix, texts, when):
    """Add one response per text (answering ``do_better``); return the new answers' ids in order."""
    survey = survey_queries.get_survey_by_slug(slug)
    version = survey_queries.get_latest_version(survey)
    before = {answer_id for answer_id, _t in theme_queries.list_source_answers(survey.id, ["do_better"])}
    rows = []
    for number, text in enumerate(texts):
        answers = [(qid, value, None, None) for qid, value in FULL.items()]
        answers.append(("do_better", text, text, "en"))
        rows.append((f"{prefix}{number:04d}", None, when, answers))
    demo_queries.add_responses(survey.id, version.id, "en", rows)
    return [answer_id for answer_id, _t in theme_queries.list_source_answers(survey.id, ["do_better"])
            if answer_id not in before]


def add_run(title, spec, non_answers=0, previous=None, when=datetime(2025, 6, 1, 12, tzinfo=UTC), prefix="T"):
    """A finished run whose themes hold the answers ``spec`` says; returns ``(run, {label: theme})``."""
    staff_survey()
    themes = {}
    with queries.transaction():
        run = theme_queries.add_run(title=title, sources={"surveys": ["all-types", STAFF_SLUG],
                                                          "questions": ["all-types:do_better"]},
                                    status=RunStatus.complete, progress=100, finished_at=when,
                                    previous_run_id=previous.id if previous else None)
        assignments = []
        total = 0
        for label, number, previous_number, excluded, per_survey, quotes in spec:
            theme = theme_queries.add_theme(run_id=run.id, number=number, label=label, original_label=label,
                                            terms=[label.lower()], quotes=quotes, excluded=excluded,
                                            previous_number=previous_number)
            themes[label] = theme
            for slug, count in per_survey.items():
                texts = [f"{label} answer {i}" for i in range(count)]
                ids = _answers(slug, f"{prefix}{run.id}-{number}-{slug[-5:]}-", texts, when)
                assignments += [(answer_id, theme.id, False) for answer_id in ids]
                total += count
        for answer_id in _answers("all-types", f"{prefix}{run.id}-none-", ["nothing"] * non_answers, when):
            assignments.append((answer_id, None, True))
        theme_queries.add_assignments(run.id, assignments)
        run.answer_count = total + non_answers
        run.non_answer_count = non_answers
    return run, themes


def two_runs(previous_when=datetime(2024, 6, 1, 12, tzinfo=UTC), current_when=datetime(2025, 6, 1, 12, tzinfo=UTC)):
    """Last year's run and this year's, matched to it: ``(previous, current, {label: theme})``.

    The runs are matched through ``previous_run_id``, whatever the answers' dates.
    """
    previous, _old = add_run("Youth voice 2024", PREVIOUS, when=previous_when, prefix="P")
    current, themes = add_run("Youth voice 2025", CURRENT, non_answers=CURRENT_NON_ANSWERS, previous=previous,
                              when=current_when)
    return previous, current, themes
