"""The impact of training: figures for a session, a course, or every course in a year.

Organised by the Kirkpatrick levels: reaction (relevance and delivery ratings),
learning (confidence before and after, per learning objective), behaviour
(what attendees applied and changed, and what got in the way) and results
(the difference for children and families). Every figure is exact: counts,
means to 2 decimal places and whole percentages, both rounded half up.

Pairing: within a session, the responses that share a pairing hash are one
attendee's. A hash found on more than one response of the same stage (two
people who chose the same code, or a shared computer) pairs nothing at that
stage. Paired means use only attendees with both answers; unpaired means use
every answer and are shown beside them.

A report for a course or a year is broken down by session, so small groups
are suppressed there (``services.suppression``); a trainer's own session
report shows its counts as they are.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from feedback_app.models.training import STAGES
from feedback_app.queries import training as training_queries
from feedback_app.services.suppression import SUPPRESSED, is_small, shown, suppress_counts, suppress_table

RATINGS = ("relevance", "delivery")
FOLLOWUP_CHOICES = ("practice_changed", "difference", "barriers")
TEXTS = {"before": ("hopes",), "after": ("do_differently",),
         "followup": ("practice_example", "difference_example", "barriers_detail")}
APPLIED = ("yes", "partly", "no", "dont_know")  # "Have you used ...?" (the follow-up's ``scale: used``)


def mean(total, count):
    """``total / count`` to 2 decimal places, rounded half up; ``None`` for no answers."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rate(count, base):
    """A whole-number percentage rounded half up; ``None`` without a base, hidden if the count is."""
    if not base:
        return None
    if not shown(count):
        return SUPPRESSED
    return int((Decimal(100 * count) / Decimal(base)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


@dataclass
class SessionRow:
    session: object
    attendance: int | None
    responses: dict  # stage -> count (or SUPPRESSED)


@dataclass
class Reach:
    attendance: int | None  # None when a session has no attendance entered
    responses: dict  # stage -> count
    rates: dict  # stage -> percent, None or SUPPRESSED
    before_after: object  # attendees paired before and after
    after_followup: object
    all_three: object


@dataclass
class Confidence:
    objective_id: str
    text: str
    before_n: object
    before_mean: object
    after_n: object
    after_mean: object
    pairs: object
    paired_before: object
    paired_after: object
    change: object


@dataclass
class Applied:
    objective_id: str
    text: str
    counts: list  # per APPLIED code
    answered: object


@dataclass
class CourseFigures:
    course: object
    confidence: list
    applied: list


@dataclass
class Distribution:
    question_id: str
    counts: list  # (code, count)
    answered: object
    mean: object = None


@dataclass
class Impact:
    sessions: list
    reach: Reach
    courses: list
    reaction: dict  # question id -> Distribution
    followup: dict  # question id -> Distribution
    texts: dict = field(default_factory=dict)  # question id -> [text]
    suppressed: bool = False

    @property
    def has_hidden(self):
        return self.suppressed


# -- pairing ---------------------------------------------------------------------

def attendees(links):
    """``{(session_id, hash): {stage: response_id}}`` for hashes used once per stage of a session."""
    seen = defaultdict(lambda: defaultdict(list))
    for response_id, session_id, stage, pairing_hash in links:
        if pairing_hash:
            seen[(session_id, pairing_hash)][stage].append(response_id)
    return {key: {stage: ids[0] for stage, ids in stages.items() if len(ids) == 1}
            for key, stages in seen.items()}


def _paired(people, *stages):
    return [person for person in people.values() if all(stage in person for stage in stages)]


# -- figures -------------------------------------------------------------------------

def _numbers(values):
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]


def _hide_small(count, suppress):
    return SUPPRESSED if suppress and is_small(count) else count


def _hide_mean(total, count, suppress):
    return SUPPRESSED if suppress and count < 5 and count else mean(total, count)


def _confidence(course, responses_by_stage, answers, people, suppress):
    rows = []
    pairs = _paired(people, "before", "after")
    for objective in course.objectives:
        oid = objective["id"]

        def value(response_id, oid=oid):
            grid = answers.get((response_id, "confidence"))
            return grid.get(oid) if isinstance(grid, dict) else None

        before = _numbers(value(rid) for rid in responses_by_stage["before"])
        after = _numbers(value(rid) for rid in responses_by_stage["after"])
        matched = [(value(p["before"]), value(p["after"])) for p in pairs]
        matched = [(b, a) for b, a in matched if _numbers([b]) and _numbers([a])]
        rows.append(Confidence(
            oid, objective["text"],
            _hide_small(len(before), suppress), _hide_mean(sum(before), len(before), suppress),
            _hide_small(len(after), suppress), _hide_mean(sum(after), len(after), suppress),
            _hide_small(len(matched), suppress),
            _hide_mean(sum(b for b, _a in matched), len(matched), suppress),
            _hide_mean(sum(a for _b, a in matched), len(matched), suppress),
            _hide_mean(sum(a - b for b, a in matched), len(matched), suppress),
        ))
    return rows


def _applied(course, followups, answers, suppress):
    rows = []
    for objective in course.objectives:
        counts = Counter()
        for rid in followups:
            grid = answers.get((rid, "applied"))
            if isinstance(grid, dict) and grid.get(objective["id"]) in APPLIED:
                counts[grid[objective["id"]]] += 1
        figures = [counts.get(code, 0) for code in APPLIED]
        answered = sum(figures)
        if suppress:
            figures, answered = suppress_counts(figures, answered)
        rows.append(Applied(objective["id"], objective["text"], list(zip(APPLIED, figures, strict=True)), answered))
    return rows


def _distribution(question_id, codes, values, suppress, numeric=False, additive=True):
    counts = Counter()
    answered = 0
    for value in values:
        chosen = value if isinstance(value, list) else [value]
        chosen = [str(v) for v in chosen if v is not None]
        if chosen:
            answered += 1
            counts.update(chosen)
    figures = [counts.get(str(code), 0) for code in codes]
    numbers = _numbers(values) if numeric else []
    average = mean(sum(numbers), len(numbers)) if numeric else None
    if suppress:
        figures, answered_shown = suppress_counts(figures, answered, additive=additive)
        average = SUPPRESSED if numeric and len(numbers) < 5 and numbers else average
        answered = answered_shown
    return Distribution(question_id, list(zip(codes, figures, strict=True)), answered, average)


def _session_rows(sessions, counts, suppress):
    cells = [[counts[s.id][stage] for stage in STAGES] for s in sessions]
    if suppress and sessions:
        table = suppress_table(cells, row_totals=[sum(row) for row in cells], additive=False)
        cells, totals = table.cells, table.col_totals
    else:
        totals = [sum(row[i] for row in cells) for i in range(len(STAGES))]
    rows = [SessionRow(s, s.attendance, dict(zip(STAGES, row, strict=True))) for s, row in zip(sessions, cells,
                                                                                                strict=True)]
    return rows, dict(zip(STAGES, totals, strict=True))


def compute(sessions, links, answer_rows, choice_codes, suppress=False):
    """The impact figures for ``sessions``, from their response links and answers (no database)."""
    session_ids = {s.id for s in sessions}
    links = [link for link in links if link[1] in session_ids]
    answers = {(rid, qid): value for rid, qid, value, _text in answer_rows}
    texts = defaultdict(list)
    for rid, qid, _value, text in answer_rows:
        if text:
            texts[qid].append((rid, text))
    stage_of = {rid: stage for rid, _sid, stage, _h in links}
    counts = defaultdict(Counter)
    by_course_stage = defaultdict(lambda: defaultdict(list))
    course_of = {s.id: s.course for s in sessions}
    for rid, sid, stage, _h in links:
        counts[sid][stage] += 1
        by_course_stage[course_of[sid].id][stage].append(rid)
    people = attendees(links)

    rows, totals = _session_rows(sessions, counts, suppress)
    attendance = None if any(s.attendance is None for s in sessions) or not sessions else sum(
        s.attendance for s in sessions)
    reach = Reach(
        attendance, totals, {stage: rate(totals[stage], attendance) for stage in STAGES},
        _hide_small(len(_paired(people, "before", "after")), suppress),
        _hide_small(len(_paired(people, "after", "followup")), suppress),
        _hide_small(len(_paired(people, "before", "after", "followup")), suppress),
    )
    courses = []
    for course in dict.fromkeys(s.course for s in sessions):
        by_stage = by_course_stage[course.id]
        course_people = {key: person for key, person in people.items() if course_of[key[0]].id == course.id}
        courses.append(CourseFigures(course, _confidence(course, by_stage, answers, course_people, suppress),
                                     _applied(course, by_stage["followup"], answers, suppress)))

    def values(stage, qid):
        return [answers.get((rid, qid)) for rid, _s, st, _h in links if st == stage and (rid, qid) in answers]

    reaction = {qid: _distribution(qid, list(range(1, 6)), values("after", qid), suppress, numeric=True)
                for qid in RATINGS}
    followup = {qid: _distribution(qid, choice_codes.get(qid, []), values("followup", qid), suppress,
                                   additive=qid != "barriers")
                for qid in FOLLOWUP_CHOICES}
    kept_texts = {qid: [text for rid, text in texts.get(qid, []) if stage_of.get(rid) == stage]
                  for stage, qids in TEXTS.items() for qid in qids}
    return Impact(rows, reach, courses, reaction, followup, kept_texts, suppress)


def impact(sessions, choice_codes, suppress=False):
    """Gather the rows for ``sessions`` and compute their figures."""
    links = training_queries.response_links([s.id for s in sessions])
    answer_rows = training_queries.answers_for({link[0] for link in links})
    return compute(sessions, links, answer_rows, choice_codes, suppress)
