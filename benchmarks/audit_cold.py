"""The audit of breakdowns (``services.suppression_audit``) worked out cold on the demo database.

    make demo && FEEDBACK_APP_ENV=development .venv/bin/python benchmarks/audit_cold.py [--year 2026] [--runs 3]

Opens the youth survey's results for one year by cohort as the results page does, with the audit's caches
turned off, so every run works the audit out inline (as the first breakdown page after a restart without Redis
would). Prints the families audited, and per run the wall and CPU time of the audit (its sound pass included) and
the cells it hid further, whether the sound pass audited every question's family (the breakdown questions' too)
or left figures to the families (its warnings), then the linear and integer programs it solved
(``suppression_nearest``: a linear program before each integer program over a whole family).
"""

import argparse
import collections
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--survey", default="youth-voice")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--triples-up-to", type=int, help="audit three breakdowns together up to this many variables")
    args = parser.parse_args(argv)

    from sqlalchemy import select

    from feedback_app import create_app
    from feedback_app.extensions import db
    from feedback_app.models import Survey
    from feedback_app.services import audit_cache, results
    from feedback_app.services import suppression_audit as audit

    solved = collections.Counter()
    real_milp, real_nearest = audit.milp, audit.nearest

    def milp(*a, **k):
        solved["integer programs"] += 1
        return real_milp(*a, **k)

    def nearest(*a):
        found = real_nearest(*a)
        solved["linear programs: " + ("none" if isinstance(found, str) else "undecided" if found is None
                                      else "whole counts")] += 1
        return found

    audit.milp, audit.nearest = milp, nearest
    audit_cache.get = lambda key: None
    audit_cache.put = lambda key, value: None
    timings, questions_seen = [], []
    real_protect = audit.protect

    def protect(years, counts, questions, limit, family_counts=None, **kwargs):
        wall, cpu = time.perf_counter(), time.process_time()
        found = real_protect(years, counts, questions, limit, family_counts, **kwargs)
        questions_seen.append(questions)
        timings.append((time.perf_counter() - wall, time.process_time() - cpu, sum(map(len, found[0].values())),
                        len(audit.families(questions, years))))
        return found

    audit.protect = protect
    left = []  # the sound pass's warnings: figures it could not audit against every table together

    class Left(logging.Handler):
        def emit(self, record):
            left.append(record.getMessage())

    logging.getLogger("feedback_app.services.suppression_sound").addHandler(Left(logging.WARNING))
    if args.triples_up_to is not None:
        audit.TRIPLES_UP_TO = args.triples_up_to
    app = create_app()
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == args.survey))
        if survey is None:
            sys.exit(f"no survey {args.survey!r}: run `make demo` first")
        for _run in range(args.runs):
            results.survey_results(survey, year=args.year, breakdown="cohort")
    print(f"survey {args.survey}, {args.year} by cohort: {timings[0][3]} families audited")
    for i, (wall, cpu, hidden, _f) in enumerate(timings, 1):
        print(f"run {i}: {wall:.2f} s wall, {cpu:.2f} s CPU, {hidden} further cells hidden")
    print(f"median wall {statistics.median(t[0] for t in timings):.2f} s")
    breakdowns = [q.key for q in questions_seen[0] if q.item and q.breakdown]
    print(f"sound pass: every question's family audited, the breakdown questions' ({', '.join(breakdowns)}) and the "
          "cohorts' too"
          if not left else "sound pass left figures to the families: " + " | ".join(sorted(set(left))))
    for name, count in sorted(solved.items()):
        print(f"{name}: {count // args.runs} per run")


if __name__ == "__main__":
    main()
