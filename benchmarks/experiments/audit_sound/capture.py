"""Capture the youth demo's audit arguments and every respondent's answers; then time the audit on them."""
import pickle
import sys

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[3]))
from sqlalchemy import select

from feedback_app import create_app
from feedback_app.extensions import db
from feedback_app.models import Survey
from feedback_app.services import audit_cache, results
from feedback_app.services import suppression_audit as audit

audit_cache.get = lambda key: None
audit_cache.put = lambda key, value: None
captured = {}
def protect(years, counts, questions, limit, family_counts=None, everyone=None, sound=True):
    captured['args'] = (years, questions, limit)
    captured['everyone'] = everyone()
    return {}, set()
audit.protect = protect
app = create_app()
slug = sys.argv[1] if len(sys.argv) > 1 else "youth-voice"
with app.app_context():
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    results.survey_results(survey, year=2026, breakdown="cohort")
years, questions, limit = captured['args']
print(years, limit, [(q.key, q.width, q.multiple, q.item, q.breakdown) for q in questions])
print("patterns", len(captured['everyone']), "responses", sum(captured['everyone'].values()))
pickle.dump(captured, open(f"/tmp/captured_sound_{slug}.pkl", "wb"))
