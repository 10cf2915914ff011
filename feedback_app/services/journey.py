"""The respondent journey: drafts kept server-side, save and return, one submit."""

import copy
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

from flask import current_app
from sqlalchemy.exc import IntegrityError

from feedback_app import queries
from feedback_app.models import SurveyStatus
from feedback_app.queries import responses as response_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit_cache, safeguarding, training_pairing
from feedback_app.survey_definitions import definition_from_data, needs_lists, with_lists

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I


def _hash(value):
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _now():
    return datetime.now(UTC)


def _code(length):
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(code):
    return "".join(ch for ch in (code or "").upper() if ch in CODE_ALPHABET)


# Parsed definitions, one per survey version per process. A version never changes once stored (a changed
# file becomes a new version), so its id and content hash are the whole key: reading the definition is a
# dictionary look-up, and its JSON is neither fetched from the database nor serialised on a cache hit.
_DEFINITIONS = {}
_DEFINITIONS_LOCK = threading.Lock()


def definition_of(version):
    """The validated definition stored with a survey version, parsed once per version per process."""
    key = (version.id, version.content_hash)
    definition = _DEFINITIONS.get(key)
    if definition is None:
        definition = definition_from_data(copy.deepcopy(version.definition))
        with _DEFINITIONS_LOCK:
            if len(_DEFINITIONS) >= 256:
                _DEFINITIONS.clear()
            _DEFINITIONS[key] = definition
    return definition


@dataclass(frozen=True)
class SurveyState:
    survey: object
    version: object
    definition: object
    availability: str  # "open", "not_yet_open", "closed"


def find_survey(slug, today=None):
    """The survey and its latest version, read afresh on every call (one query): a version loaded with
    ``flask surveys load`` is served at once, while its parsed definition comes from the cache."""
    survey, version = survey_queries.get_survey_with_latest_version(slug)
    if survey is None:
        return None
    today = today or date.today()
    if survey.status in (SurveyStatus.closed, SurveyStatus.archived) or (survey.closes_on and today > survey.closes_on):
        availability = "closed"
    elif survey.status == SurveyStatus.draft or (survey.opens_on and today < survey.opens_on):
        availability = "not_yet_open"
    else:
        availability = "open"
    return SurveyState(survey, version, definition_of(version), availability)


def needs_context(state):
    """Whether the survey fills in lists when answered, so can only be started from a link that gives them."""
    return bool(needs_lists(state.definition.data))


def cohort_for(survey, token):
    return survey_queries.get_cohort_by_token(survey, token)


def start_draft(state, cohort, language, lifetime, context=None):
    """Create a draft; return ``(draft, token)``. Only the token's hash is stored.

    ``context``: what else the draft was started from, e.g. a course session's
    ``{"lists": {...}, "training": {...}}`` (see ``services.training_pairing``).
    """
    token = secrets.token_urlsafe(32)
    with queries.transaction():
        draft = response_queries.add_draft(
            _hash(token), state.version.id, cohort.id if cohort else None, language, _now() + lifetime
        )
        draft.context = context
    return draft, token


def find_draft(token):
    if not token:
        return None
    return response_queries.get_draft_by_token_hash(_hash(token))


def is_expired(draft):
    return draft.expires_at < _now()


_FILLED = {}


def definition_in_context(definition, context):
    """``definition`` with the lists of a draft's context filled in (cached)."""
    lists = (context or {}).get("lists")
    if not lists:
        return definition
    key = (definition.content_hash, json.dumps(lists, sort_keys=True))
    if key not in _FILLED:
        if len(_FILLED) >= 256:
            _FILLED.clear()
        _FILLED[key] = with_lists(definition, lists)
    return _FILLED[key]


def draft_definition(draft):
    return definition_in_context(definition_of(survey_queries.get_version(draft.survey_version_id)), draft.context)


def save_answers(draft, page_id, values, lifetime):
    """Store one page's answers (``None`` removes an answer) and extend the draft's life."""
    answers = dict(draft.answers or {})
    for qid, value in values.items():
        if value is None:
            answers.pop(qid, None)
        else:
            answers[qid] = value
    visited = list(draft.visited_pages or [])
    if page_id not in visited:
        visited.append(page_id)
    with queries.transaction():
        draft.answers = answers
        draft.visited_pages = visited
        draft.updated_at = _now()
        draft.expires_at = _now() + lifetime
        written = queries.loaded_values(draft)
    queries.keep_values(draft, written)


def create_resume_code(draft):
    """A fresh code for save and return; the previous code stops working."""
    code = _code(12)
    with queries.transaction():
        draft.resume_code_hash = _hash(code)
    return "-".join(code[i:i + 4] for i in range(0, 12, 4))


def resume(code, lifetime, slug=None):
    """Swap a resume code for a new session token, or ``(None, None)``.

    A code works once (saving again gives a new one), and only on its own survey: a code entered
    on another survey's page changes nothing, so whoever has the draft open keeps it."""
    draft = response_queries.get_draft_by_resume_hash(_hash(normalise_code(code)))
    if draft is None or is_expired(draft) or (slug is not None and draft_definition(draft).slug != slug):
        return None, None
    token = secrets.token_urlsafe(32)
    with queries.transaction():
        draft.token_hash = _hash(token)
        draft.resume_code_hash = None
        draft.expires_at = _now() + lifetime
    return draft, token


def incomplete_page(definition, draft):
    """The first shown page that still needs an answer, or ``None`` when ready to submit."""
    answers = definition.visible_answers(draft.answers or {})
    for page in definition.visible_pages(answers):
        if page.id not in (draft.visited_pages or []):
            return page
        for question in page.shown_questions(answers):
            if question.answer_type.collects_answer and question.required and question.id not in answers:
                return page
    return None


def response_for(draft):
    """The response a draft became, if it was sent (loaded with the draft by ``find_draft``)."""
    return draft.response


def submit(draft):
    """Turn a draft into exactly one response, however often this is called."""
    existing = response_queries.get_response_for_draft(draft.id)
    if existing is not None:
        return existing
    definition = draft_definition(draft)
    version = survey_queries.get_version(draft.survey_version_id)
    answers = definition.visible_answers(draft.answers or {})
    rows = []
    for question in definition.questions:
        if question.id not in answers:
            continue
        value = answers[question.id]
        text = question.answer_type.text_for_analysis(value)
        rows.append((question.id, value, text, draft.language if text else None))
    rows, findings = safeguarding.prepare_answers(definition, rows)
    try:
        with queries.transaction():
            locked = response_queries.lock_draft(draft.id)
            existing = response_queries.get_response_for_draft(locked.id)
            if existing is not None:
                return existing
            reference = _code(8)
            while response_queries.reference_exists(reference):
                reference = _code(8)
            response = response_queries.add_response(
                reference, version.survey_id, version.id, locked.cohort_id, locked.id, locked.language, rows
            )
            safeguarding.add_alerts(response, findings, current_app.config["SAFEGUARDING_REVIEW_WORKING_DAYS"])
            training_pairing.record_response(response, locked.context)
            locked.context = None
            # The draft no longer needs the answers: keep only what stops a resubmit.
            locked.answers = {}
            locked.resume_code_hash = None
        audit_cache.data_changed(version.survey_id)  # the breakdowns' audit, worked out in the background
        if findings:
            # The DSL is emailed in the background: the respondent never waits for the mail server.
            safeguarding.notify_in_background()
        return response
    except IntegrityError:
        return response_queries.get_response_for_draft(draft.id)


def discard_draft(draft):
    """Delete an unsent draft and its answers (a bot's, caught by the honeypot)."""
    with queries.transaction():
        response_queries.delete_draft(draft)


def purge_expired_drafts():
    with queries.transaction():
        return response_queries.delete_expired_drafts(_now())
