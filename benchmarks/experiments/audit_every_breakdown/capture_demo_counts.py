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
real = audit.protect
def protect(years, counts, questions, limit, family_counts=None):
    captured['args'] = (years, questions, limit)
    keys = [q.key for q in questions]
    captured['full'] = {}
    for q in questions:
        if q.item:
            others = [k for k in keys if k != q.key and next(x for x in questions if x.key==k).breakdown]
            captured['full'][q.key] = family_counts([q.key, *others])
    return real(years, counts, questions, limit, family_counts)
audit.protect = protect
app = create_app()
slug = sys.argv[1] if len(sys.argv) > 1 else "youth-voice"
with app.app_context():
    survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
    results.survey_results(survey, year=2026, breakdown="cohort")
years, questions, limit = captured['args']
print(years, limit, [(q.key, q.width, q.multiple, q.item, q.breakdown) for q in questions])
for k, c in captured['full'].items():
    profiles = {(p[0], *p[2:]) for p in c}
    print(k, "patterns", len(c), "profiles", len(profiles))
pickle.dump(captured, open(f"/tmp/captured_{slug}.pkl", "wb"))
