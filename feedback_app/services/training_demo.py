"""A demo course for ``flask demo-data``: three sessions with before, after and follow-up answers.

Repeatable: one seeded ``random.Random``, dates counted back from ``today``.
Idempotent: nothing is added when the training forms already have answers. It runs
before the general demo data, so the training forms (which need a session)
are never filled with answers that belong to no session.
"""

import random
import secrets
from datetime import UTC, date, datetime, time, timedelta

from feedback_app import queries
from feedback_app.queries import responses as response_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.queries import training as training_queries
from feedback_app.services.demo_data import answer_rows
from feedback_app.services.journey import CODE_ALPHABET, definition_of
from feedback_app.services.training_pairing import STAGE_SURVEYS
from feedback_app.survey_definitions import with_lists

TITLE = "Neglect: recognise, respond, record (demo)"
OBJECTIVES = [
    "Spot the early signs of neglect in babies, children and teenagers",
    "Use the Northshire neglect screening tool",
    "Record what you see and share it with the right agency",
    "Know when and how to escalate if nothing changes for the child",
]
SESSIONS = [(150, 18, "in_person", "Northshire Town Hall"), (110, 15, "online", None), (20, 20, "in_person",
                                                                                         "Riverside Centre")]
HOPES = ["Feel more sure about when to refer", "Learn how to use the screening tool",
         "Understand neglect in teenagers", "Know who to talk to in other agencies"]
DO_DIFFERENTLY = ["Use the screening tool at every home visit", "Write down what I see straight away",
                  "Talk to my safeguarding lead sooner", "Ask the child what a normal day is like"]
EXAMPLES = ["I used the screening tool with a family and we agreed a plan together",
            "I escalated a case that had been stuck for months", "I now record the child's own words"]
DIFFERENCES = ["A family got help from early help weeks sooner", "A teenager now has a named adult to talk to",
               "The school and health visitor now share what they see"]
BARRIERS = ["Too many cases to find the time", "Other agencies did not reply", "My manager was not sure of the tool"]


def _new_token():
    token = secrets.token_urlsafe(12)
    while training_queries.token_exists(token):
        token = secrets.token_urlsafe(12)
    return token


def _key(rng):
    return f"{rng.getrandbits(256):064x}"


def _answers(rng, stage, objectives, lift):
    """One attendee's answers: ``lift`` is how much the course helped them."""
    if stage == "before":
        grid = {o["id"]: max(1, min(5, round(rng.gauss(2.4, 0.9)))) for o in objectives}
        return {"confidence": grid, "hopes": rng.choice(HOPES)} if rng.random() < 0.6 else {"confidence": grid}
    if stage == "after":
        grid = {o["id"]: max(1, min(5, round(rng.gauss(2.4 + lift, 0.8)))) for o in objectives}
        answers = {"confidence": grid, "relevance": rng.choice([3, 4, 4, 5, 5, 5]),
                   "delivery": rng.choice([3, 4, 5, 5])}
        if rng.random() < 0.7:
            answers["do_differently"] = rng.choice(DO_DIFFERENTLY)
        return answers
    applied = {o["id"]: rng.choice(["yes", "yes", "partly", "no", "dont_know"]) for o in objectives}
    changed = rng.choice(["a_lot", "a_little", "a_little", "not_at_all", "dont_know"])
    difference = rng.choice(["clear", "some", "some", "not_yet", "dont_know"])
    answers = {"applied": applied, "practice_changed": changed, "difference": difference,
               "barriers": rng.sample(["time", "workload", "manager_support", "other_agencies"], k=rng.randint(1, 2))}
    if changed in ("a_lot", "a_little"):
        answers["practice_example"] = rng.choice(EXAMPLES)
    if difference in ("clear", "some"):
        answers["difference_example"] = rng.choice(DIFFERENCES)
    if rng.random() < 0.5:
        answers["barriers_detail"] = rng.choice(BARRIERS)
    return answers


def add_demo_course(seed=2026, today=None):
    """Add the demo course, its sessions and their answers; returns a line to print."""
    today = today or date.today()
    states = {stage: survey_queries.get_survey_by_slug(slug) for stage, slug in STAGE_SURVEYS.items()}
    if any(survey is None for survey in states.values()):
        return "Training demo: skipped (load the training forms first: flask surveys load)"
    if any(response_queries.count_responses(survey.id) for survey in states.values()):
        return "Training demo: skipped (the training forms already have answers)"
    rng = random.Random(f"{seed}:training")  # noqa: S311 - demo data, not secrets
    versions = {stage: survey_queries.get_latest_version(survey) for stage, survey in states.items()}
    objectives = [{"id": f"o{n}", "text": text} for n, text in enumerate(OBJECTIVES, start=1)]
    added = 0
    with queries.transaction():
        training_queries.delete_orphan_links()
        course = training_queries.add_course(TITLE, objectives, ["neglect", "early_help"], None,
                                             "".join(rng.choice("0123456789abcdef") for _ in range(32)))
        for days_ago, attendance, delivery, venue in SESSIONS:
            held_on = today - timedelta(days=days_ago)
            tokens = {stage: _new_token() for stage in STAGE_SURVEYS}  # links are secrets, even in a demo
            session = training_queries.add_session(course, held_on, delivery, venue, None, attendance, tokens)
            for _person in range(attendance):
                lift = rng.uniform(0.4, 2.0)
                key = _key(rng)
                for stage, chance in (("before", 0.8), ("after", 0.75), ("followup", 0.6 if days_ago > 91 else 0)):
                    if rng.random() >= chance:
                        continue
                    definition = with_lists(definition_of(versions[stage]), {"learning_objectives": objectives})
                    rows = answer_rows(definition, _answers(rng, stage, objectives, lift))
                    reference = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
                    while response_queries.reference_exists(reference):
                        reference = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
                    response = response_queries.add_response(reference, states[stage].id, versions[stage].id,
                                                             None, None, "en", rows)
                    day = held_on + timedelta(days=92 if stage == "followup" else 0)
                    response.submitted_at = datetime.combine(day, time(10 if stage == "before" else 16), tzinfo=UTC)
                    # Most attendees are paired; a few gave no code and changed device.
                    training_queries.add_response_link(response.id, session.id, stage,
                                                       key if rng.random() < 0.8 else _key(rng))
                    added += 1
    return f"Training demo: added a course with {len(SESSIONS)} sessions and {added} answers"
