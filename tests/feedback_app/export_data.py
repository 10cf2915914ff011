"""Fixed responses to the all-types survey for the export golden test: every answer type, answers left out,
formula-like text, accents, cohorts over two years and an answer held back."""

from datetime import UTC, datetime, timedelta

from feedback_app import queries
from feedback_app.extensions import db
from feedback_app.models import AlertStatus, Answer, Response, SafeguardingAlert
from tests.feedback_app import results_data

VARIANTS = [
    ({}, None),
    ({"do_better": "=1+2", "age_band": None}, "school_a"),
    ({"do_better": "+44 7700 900000", "online_detail": "-minus"}, "youth_forum"),
    ({"do_better": "@SUM(A1)", "worries": ["online"], "safe_school": 1}, None),
    ({"do_better": "\tTab start", "online_detail": "\rCarriage"}, "school_a"),
    ({"do_better": "Café ☕, “quotes”, a\nnew line; semi;colons", "services": {"police": "agree"}}, None),
    ({"worries": [], "services": {}, "sessions": 0, "agree": False}, "youth_forum"),
    ({"told_someone": "no", "adults_listen": "strongly_disagree", "last_session": None}, None),
    ({"worries": ["bullying", "not_a_code"], "safe_school": 5, "sessions": 3}, "school_a"),
    ({key: None for key in results_data.FULL}, None),
]
HELD_BACK = "I am held back for review"


def add():
    """Responses in 2025 and 2026; one ``do_better`` answer withheld (alert new), one released (no concern)."""
    start = 0
    for year in (2025, 2026):
        for number, (overrides, cohort) in enumerate(VARIANTS):
            when = datetime(year, 3, 1, 9, tzinfo=UTC) + timedelta(days=number, minutes=number * 7)
            results_data.add(2, overrides, cohort=cohort, when=when, start=start)
            start += 2
    results_data.add(1, {"do_better": HELD_BACK}, when=datetime(2026, 5, 1, tzinfo=UTC), start=start)
    results_data.add(1, {"do_better": "Released after review"}, when=datetime(2026, 5, 2, tzinfo=UTC),
                     start=start + 1)
    survey = results_data.survey()
    with queries.transaction():
        for text, status in ((HELD_BACK, AlertStatus.new), ("Released after review", AlertStatus.no_concern)):
            answer = db.session.scalars(db.select(Answer).where(Answer.text == text)).one()
            db.session.add(SafeguardingAlert(response_id=answer.response_id, survey_id=survey.id,
                                             question_id="do_better", original_text=text, status=status,
                                             due_at=datetime(2026, 5, 3, tzinfo=UTC)))
        db.session.flush()
        assert db.session.get(Response, answer.response_id) is not None
    return survey
