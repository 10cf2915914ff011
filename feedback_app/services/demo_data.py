"""Plausible, repeatable demo responses for every loaded survey (``flask demo-data``).

Each respondent has a hidden "mood" (how positively they answer) drawn from a
beta distribution and shifted by their cohort, the survey year (this year is a
little better than last) and their own earlier answers (see
``demo_phrases.yaml``), so closed answers correlate instead of being uniform.
Free text is put together from themed phrase banks, then screened and
redacted exactly as a real submit is (possible disclosures raise alerts).

Repeatable: one ``random.Random`` per survey, seeded from the seed and the
slug, and dates measured from ``today``: the same seed, count and day give
identical rows.

Idempotent: a survey that already has any responses (demo or real) is
skipped and reported, so running the command twice never doubles the data
and never touches real answers. To regenerate, start from an empty database.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from importlib import resources

from feedback_app import queries
from feedback_app.queries import demo as demo_queries
from feedback_app.queries import responses as response_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit_cache, safeguarding
from feedback_app.services.journey import CODE_ALPHABET, definition_of
from feedback_app.survey_definitions import needs_lists
from feedback_app.survey_definitions.loader import parse_yaml

WINDOW_DAYS = 56  # each annual survey is open for eight weeks
YEAR_TREND = 0.05  # this year's answers are a little more positive than last year's
NO_COHORT_SHARE = 0.08  # respondents who used the survey's open link
OPT_OUTS = ("dont_know", "prefer_not_to_say")


def load_phrases():
    text = resources.files(__package__).joinpath("demo_phrases.yaml").read_text("utf-8")
    return parse_yaml(text, "demo_phrases.yaml")


@dataclass(frozen=True)
class PlannedResponse:
    reference: str
    cohort_code: str | None
    submitted_at: datetime
    answers: dict = field(compare=True)


@dataclass(frozen=True)
class Outcome:
    slug: str
    created: int
    skipped_reason: str | None = None
    alerts: int = 0  # possible disclosures the screen flagged, as on a real submit


def _clamp(value, low=0.02, high=0.98):
    return max(low, min(high, value))


class _Respondent:
    """Answers one survey for one imagined person."""

    def __init__(self, rng, settings, mood):
        self.rng, self.settings, self.mood = rng, settings, mood

    def shift(self, key):
        return self.settings.get("mood", {}).get(key, 0.0)

    def opt_out(self, spec):
        offered = [key for key in OPT_OUTS if spec.get(key)]
        rate = self.settings.get("opt_out_rate", 0.05)
        if offered and self.rng.random() < rate:
            return offered[0] if len(offered) == 1 or self.rng.random() < 0.7 else offered[1]
        return None

    def ordered(self, best_first, mood):
        """Pick from options listed best first: a happier respondent picks nearer the front."""
        target = (1 - _clamp(mood)) * (len(best_first) - 1) + self.rng.gauss(0, 0.7)
        return best_first[max(0, min(len(best_first) - 1, round(target)))]

    def weighted(self, weights):
        values = list(weights)
        return self.rng.choices(values, weights=[weights[v] for v in values])[0]

    def choice(self, question, key_mood):
        spec, answer_type = question.spec, question.answer_type
        opted = self.opt_out(spec)
        if opted:
            return opted
        base = [value for value, _ in answer_type.base_choices("en")]
        weights = self.settings.get("choices", {}).get(question.id)
        if weights:
            return self.weighted({v: weights.get(v, 0.0) for v in base})
        if question.type == "rating":
            best_first = [int(v) for v in reversed(base)]
            return self.ordered(best_first, self.mood + key_mood)
        return self.ordered(base, self.mood + key_mood)

    def multiple(self, question):
        spec, answer_type = question.spec, question.answer_type
        opted = self.opt_out(spec)
        if opted:
            return [opted]
        chances = self.settings.get("multi", {}).get(question.id, {})
        base = [value for value, _ in answer_type.base_choices("en")]
        chosen = [v for v in base if self.rng.random() < chances.get(v, 0.25)]
        if not chosen:
            none = spec.get("none_option")
            chosen = [none["value"]] if none else [self.rng.choice(base)]
        return chosen

    def grid(self, question):
        answer_type = question.answer_type
        scale = [value for value, _ in answer_type.base_choices("en")]
        rating = question.spec.get("scale", "agreement") == "rating"
        best_first = [int(v) for v in reversed(scale)] if rating else scale
        answers = {}
        for sid, _ in answer_type.statements("en"):
            opted = self.opt_out(question.spec)
            mood = self.mood + self.shift(question.id) + self.shift(f"{question.id}.{sid}")
            answers[sid] = opted or self.ordered(best_first, mood)
        return answers

    def free_text(self, question):
        bank = self.settings.get("free_text", {}).get(question.id)
        if not bank:
            return "No comment." if question.required else None
        if not question.required and self.rng.random() >= bank.get("rate", 0.5):
            return None
        themes = list(bank["themes"])
        weights = [bank.get("weights", {}).get(theme, 1.0) for theme in themes]
        picked = self.rng.choices(themes, weights=weights, k=2 if self.rng.random() < 0.3 else 1)
        phrases = []
        for theme in dict.fromkeys(picked):
            phrases.append(self.rng.choice(bank["themes"][theme]).rstrip("."))
        return (". ".join(phrases) + ".")[: question.answer_type.max_length]

    def answer(self, question, window_start):
        kind = question.type
        if kind in ("short_text", "long_text"):
            return self.free_text(question)
        if not question.required and self.rng.random() >= self.settings.get("optional_answer_rate", 0.8):
            return None
        if kind == "multiple_choice":
            return self.multiple(question)
        if kind == "grid":
            return self.grid(question)
        if kind in ("single_choice", "yes_no", "agreement", "rating"):
            value = self.choice(question, self.shift(question.id))
            self.mood = _clamp(self.mood + self.settings.get("mood_by_answer", {}).get(question.id, {}).get(value, 0.0))
            return value
        if kind == "consent":
            return True
        if kind == "number":
            low, high = question.spec.get("min", 0), question.spec.get("max", 10)
            return self.rng.randint(int(low), int(high))
        if kind == "date":
            return (window_start - timedelta(days=self.rng.randint(0, 365))).isoformat()
        return None

    def answer_survey(self, definition, window_start):
        """Walk the pages in order, asking only what show/skip rules show."""
        given = {}
        for page in definition.pages:
            if not page.is_shown(given):
                continue
            for question in page.shown_questions(given):
                if not question.answer_type.collects_answer:
                    continue
                value = self.answer(question, window_start)
                if value is not None:
                    given[question.id] = value
        return definition.visible_answers(given)


def _settings(phrases, slug):
    return {**phrases.get("defaults", {}), **phrases.get("surveys", {}).get(slug, {})}


def _reference(rng, taken):
    while True:
        reference = "".join(rng.choice(CODE_ALPHABET) for _ in range(8))
        if reference not in taken:
            taken.add(reference)
            return reference


def plan_survey(definition, seed, per_year, today, phrases=None):
    """The demo responses for one survey, oldest first: pure, no database.

    ``per_year`` responses (times the survey's ``share``) for each of two
    eight-week survey windows: one ending ``today``, one a year earlier.
    """
    phrases = phrases if phrases is not None else load_phrases()
    settings = _settings(phrases, definition.slug)
    rng = random.Random(f"{seed}:{definition.slug}")  # noqa: S311 - demo data, not secrets
    cohorts = [cohort["code"] for cohort in definition.cohorts]
    sizes = [rng.gammavariate(2.0, 1.0) for _ in cohorts]  # some groups send many more responses
    cohort_mood = settings.get("cohort_mood", {})
    count = max(1, round(per_year * settings.get("share", 1.0)))
    planned, taken = [], set()
    for year_index, years_ago in enumerate((1, 0)):
        window_end = today - timedelta(days=365 * years_ago)
        window_start = window_end - timedelta(days=WINDOW_DAYS)
        for _ in range(count):
            cohort = None
            if cohorts and rng.random() >= NO_COHORT_SHARE:
                cohort = rng.choices(cohorts, weights=sizes)[0]
            mood = _clamp(rng.betavariate(4, 3) + cohort_mood.get(cohort, 0.0) + YEAR_TREND * year_index)
            answers = _Respondent(rng, settings, mood).answer_survey(definition, window_start)
            day = window_start + timedelta(days=int(rng.betavariate(1.3, 2.5) * WINDOW_DAYS))
            moment = datetime.combine(day, time(0), tzinfo=UTC) + timedelta(
                seconds=rng.randint(8 * 3600, 21 * 3600))
            planned.append(PlannedResponse(_reference(rng, taken), cohort, moment, answers))
    return sorted(planned, key=lambda p: p.submitted_at)


def answer_rows(definition, answers):
    """Answer rows as the journey stores them: free text also goes to ``text``."""
    rows = []
    for question in definition.questions:
        if question.id in answers:
            value = answers[question.id]
            text = question.answer_type.text_for_analysis(value)
            rows.append((question.id, value, text, "en" if text else None))
    return rows


def generate(seed=2026, per_year=250, today=None, slugs=None, working_days=1):
    """Fill every loaded survey (or those in ``slugs``) that has no responses yet.

    Answers go through the submit path's screening and redaction: free text is stored redacted, and
    a possible disclosure raises an alert for the DSL, as it would from a real respondent.
    """
    today = today or date.today()
    phrases = load_phrases()
    outcomes = []
    for survey in survey_queries.list_surveys():
        if slugs and survey.slug not in slugs:
            continue
        existing = response_queries.count_responses(survey.id)
        if existing:
            outcomes.append(Outcome(survey.slug, 0, f"already has {existing} responses"))
            continue
        version = survey_queries.get_latest_version(survey)
        definition = definition_of(version)
        if needs_lists(definition.data):  # e.g. training forms: their answers belong to a course session
            outcomes.append(Outcome(survey.slug, 0, "answered only through the links that fill in its lists"))
            continue
        planned = plan_survey(definition, seed, per_year, today, phrases)
        cohort_ids = {cohort.code: cohort.id for cohort in survey.cohorts}
        prepare = _Preparer(definition, version.content_hash)
        prepared = [prepare(answer_rows(definition, item.answers)) for item in planned]
        with queries.transaction():
            clashes = demo_queries.existing_references([p.reference for p in planned])
            used = clashes | {p.reference for p in planned}
            rng = random.Random(f"{seed}:{survey.slug}:references")  # noqa: S311
            rows = []
            for item, (stored, _findings) in zip(planned, prepared, strict=True):
                reference = item.reference if item.reference not in clashes else _reference(rng, used)
                rows.append((reference, cohort_ids.get(item.cohort_code), item.submitted_at, stored))
            responses = demo_queries.add_responses(survey.id, version.id, "en", rows)
            alerts = 0
            for response, (_stored, findings) in zip(responses, prepared, strict=True):
                if findings:
                    alerts += len(safeguarding.add_alerts(response, findings, working_days))
        audit_cache.data_changed(survey.id)
        outcomes.append(Outcome(survey.slug, len(rows), alerts=alerts))
    return outcomes


class _Preparer:
    """The submit path's screening and redaction (``safeguarding.prepare_answers``), once per distinct answer.

    Demo answers repeat the same phrases, so each distinct (question, text) of a survey version (its content hash)
    is screened and redacted once per process and the result reused: exactly what a real submit of that answer
    would store and flag. (The analysis is the same for the life of a process; the tests generate the demo many
    times.)
    """

    def __init__(self, definition, content_hash):
        self.definition = definition
        self.seen = _PREPARED.setdefault(content_hash, {})

    def __call__(self, rows):
        stored, findings = [], []
        for row in rows:
            key = (row[0], row[2]) if row[2] else None
            if key is None:
                stored.append(row)
                continue
            if key not in self.seen:
                self.seen[key] = safeguarding.prepare_answers(self.definition, [row])
            (prepared_row,), found = self.seen[key]
            stored.append(prepared_row)
            findings.extend(found)
        return stored, findings


_PREPARED = {}  # a survey version's content hash -> {(question id, text): prepare_answers' result}
