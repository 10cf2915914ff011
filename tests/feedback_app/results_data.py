"""Responses to the all-types fixture survey, written straight through the queries layer."""

from datetime import UTC, datetime

from feedback_app import queries
from feedback_app.queries import demo as demo_queries
from feedback_app.queries import responses as response_queries
from feedback_app.queries import surveys as survey_queries

SLUG = "all-types"

FULL = {
    "agree": True,
    "age_band": "14_16",
    "worries": ["bullying", "online"],
    "online_detail": "Adverts for vapes and gambling",
    "safe_school": 4,
    "adults_listen": "agree",
    "services": {"police": "disagree", "school": "dont_know"},
    "sessions": 12,
    "last_session": "2025-09-03",
    "told_someone": "yes",
    "do_better": "More youth workers & <b>safe</b> spaces",
}
FREE_TEXT = {"online_detail", "do_better"}


def survey():
    return survey_queries.get_survey_by_slug(SLUG)


def add(count, overrides=None, cohort=None, when=datetime(2025, 6, 1, 12, tzinfo=UTC), start=0, prefix="R"):
    """Add ``count`` responses answering ``FULL`` with ``overrides`` (``None`` values drop the answer)."""
    target = survey()
    version = survey_queries.get_latest_version(target)
    cohort_id = survey_queries.get_cohort_by_code(target, cohort).id if cohort else None
    answers = {**FULL, **(overrides or {})}
    rows = []
    for number in range(start, start + count):
        answer_rows = [(qid, value, value if qid in FREE_TEXT else None, "en" if qid in FREE_TEXT else None)
                       for qid, value in answers.items() if value is not None]
        rows.append((f"{prefix}{when.year}{number:05d}", cohort_id, when, answer_rows))
    with queries.transaction():
        demo_queries.add_responses(target.id, version.id, "en", rows)


def add_drafts(count, when=datetime(2025, 6, 1, tzinfo=UTC)):
    target = survey()
    version = survey_queries.get_latest_version(target)
    with queries.transaction():
        for number in range(count):
            draft = response_queries.add_draft(f"draft-{when.year}-{number}", version.id, None, "en", when)
            draft.created_at = when
