"""The page's cold audit of a demo survey, no cache: ``python cold.py ROOT SLUG`` (ROOT: the code to time)."""

import sys
import time


def main():
    root, slug = sys.argv[1], sys.argv[2]
    sys.path.insert(0, root)
    from sqlalchemy import select

    from feedback_app import create_app
    from feedback_app.extensions import db
    from feedback_app.models import Survey
    from feedback_app.services import audit_cache, result_audit, results

    audit_cache.get = lambda key: None
    audit_cache.put = lambda key, value: None
    timing = {}
    real = result_audit._audit

    def audit(*args, **kwargs):
        start = time.perf_counter()
        found = real(*args, **kwargs)
        timing["audit"] = time.perf_counter() - start
        timing["further"] = sum(len(cells) for key, cells in found.items() if key[2] is not None)
        return found

    result_audit._audit = audit
    app = create_app()
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == slug))
        start = time.perf_counter()
        results.survey_results(survey, year=2026, breakdown="cohort")
        print(root, slug, f"page {time.perf_counter() - start:.1f} s, audit {timing['audit']:.1f} s,",
              f"further hidden {timing['further']}")


if __name__ == "__main__":
    main()
