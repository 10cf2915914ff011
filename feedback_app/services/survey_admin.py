"""Running surveys: open, close, re-open and archive; counts; distribution links."""

import hashlib
import io
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import segno
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from feedback_app import queries
from feedback_app.models import SurveyStatus
from feedback_app.queries import survey_admin as admin_queries
from feedback_app.queries import surveys as survey_queries
from feedback_app.services import audit

try:
    LOCAL = ZoneInfo("Europe/London")  # days are counted as the partnership sees them
except ZoneInfoNotFoundError:  # pragma: no cover - a system without time zone data
    LOCAL = UTC

DAYS_SHOWN = 28
RECENT_DAYS = 7
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
CODE_MAX = 60
GENERAL = "general-link"  # never a cohort code: those have no hyphens


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple
    target: SurveyStatus
    label: object
    refusal: object


TRANSITIONS = {t.action: t for t in (
    Transition("open", (SurveyStatus.draft,), SurveyStatus.open, _l("Open survey"),
               _l("Only a draft survey can be opened. This survey is %(status)s.")),
    Transition("close", (SurveyStatus.open,), SurveyStatus.closed, _l("Close survey"),
               _l("Only an open survey can be closed. This survey is %(status)s.")),
    Transition("reopen", (SurveyStatus.closed,), SurveyStatus.open, _l("Re-open survey"),
               _l("Only a closed survey can be re-opened. This survey is %(status)s.")),
    Transition("archive", (SurveyStatus.draft, SurveyStatus.closed), SurveyStatus.archived, _l("Archive survey"),
               _l("Only a draft or closed survey can be archived: close it first. This survey is %(status)s.")),
    Transition("restore", (SurveyStatus.archived,), SurveyStatus.closed, _l("Restore from archive"),
               _l("Only an archived survey can be restored. This survey is %(status)s.")),
)}

STATUS_LABELS = {
    SurveyStatus.draft: _l("Draft"),
    SurveyStatus.open: _l("Open"),
    SurveyStatus.closed: _l("Closed"),
    SurveyStatus.archived: _l("Archived"),
}


class TransitionRefused(Exception):
    """The survey's current status does not allow the change asked for."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class CohortRefused(Exception):
    """A new distribution link cannot be added as asked: ``field`` says which answer to change."""

    def __init__(self, field, message):
        super().__init__(str(message))
        self.field, self.message = field, message


def status_label(status):
    return STATUS_LABELS[status]


def actions_for(status):
    """The transitions a survey in ``status`` allows, in the order shown."""
    return [t for t in TRANSITIONS.values() if status in t.sources]


def change_status(survey, action, actor):
    """Apply ``action`` to ``survey``; the audit row is written in the same transaction."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise TransitionRefused(_l("That is not a change a survey can have."))
    with queries.transaction():
        locked = admin_queries.lock_survey(survey.id)
        if locked.status not in transition.sources:
            status = str(STATUS_LABELS[locked.status]).lower()
            raise TransitionRefused(str(transition.refusal) % {"status": status})
        before = locked.status
        admin_queries.set_status(locked, transition.target)
        audit.add(actor, "survey.status_changed", locked.slug,
                  **{"from": before.value, "to": transition.target.value})
    return locked


# -- counts ----------------------------------------------------------------

def today():
    return datetime.now(LOCAL).date()


def _start_of(day):
    return datetime.combine(day, time.min, tzinfo=LOCAL).astimezone(UTC)


def survey_summaries(surveys, on=None):
    """``[(survey, total responses, responses in the last 7 days)]``."""
    since = _start_of((on or today()) - timedelta(days=RECENT_DAYS - 1))
    counts = admin_queries.response_counts(since)
    return [(survey, *counts.get(survey.id, (0, 0))) for survey in surveys]


def daily_counts(survey, days=DAYS_SHOWN, on=None):
    """``[(date, count)]`` for the last ``days`` days, today first, days with none included."""
    last = on or today()
    first = last - timedelta(days=days - 1)
    counts = {}
    for moment in admin_queries.submission_times(survey.id, _start_of(first)):
        day = moment.astimezone(LOCAL).date()
        counts[day] = counts.get(day, 0) + 1
    return [(day, counts.get(day, 0)) for day in (last - timedelta(days=n) for n in range(days))]


def versions_with_counts(survey):
    counts = admin_queries.counts_by_version(survey.id)
    return [(version, counts.get(version.id, 0)) for version in reversed(survey.versions)]


# -- distribution links ----------------------------------------------------

def code_from_label(label):
    """``"Youth Forum (North)"`` becomes ``youth_forum_north``."""
    code = re.sub(r"[^a-z0-9]+", "_", (label or "").lower()).strip("_")
    if code and not code[0].isalpha():
        code = "link_" + code
    return code[:CODE_MAX].rstrip("_")


def links(survey):
    """``[(cohort or None, responses)]``: the general link first, then each cohort's."""
    counts = admin_queries.counts_by_cohort(survey.id)
    cohorts = admin_queries.list_cohorts(survey.id)
    return [(None, counts.get(None, 0))] + [(cohort, counts.get(cohort.id, 0)) for cohort in cohorts]


def find_link(survey, code):
    """``(True, cohort or None)`` for the general link or a cohort's code, else ``(False, None)``."""
    if code == GENERAL:
        return True, None
    cohort = survey_queries.get_cohort_by_code(survey, code)
    return cohort is not None, cohort


SHORT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L or U: nothing to mistake when typed
SHORT_LENGTH = 6


def short_code(slug, token):
    """A poster's short code for a survey's general link (``token`` None) or a cohort's: six characters
    from ``SHORT_ALPHABET``, worked out from the link (nothing stored), the same for as long as the link."""
    number = int.from_bytes(hashlib.sha256(f"{slug}\n{token or ''}".encode()).digest()[:8], "big")
    code = ""
    for _i in range(SHORT_LENGTH):
        number, digit = divmod(number, len(SHORT_ALPHABET))
        code += SHORT_ALPHABET[digit]
    return code


def find_short_link(code):
    """``(slug, token or None)`` of the link whose short code is ``code`` (any case), else ``None``."""
    code = (code or "").strip().upper()
    if len(code) != SHORT_LENGTH or any(ch not in SHORT_ALPHABET for ch in code):
        return None
    found = [key for key in survey_queries.list_link_keys() if short_code(*key) == code]
    return found[0] if len(found) == 1 else None  # two links sharing a code: neither is guessed at


def _new_token():
    token = secrets.token_urlsafe(9)
    while admin_queries.token_exists(token):
        token = secrets.token_urlsafe(9)
    return token


def add_cohort(survey, label, code, actor):
    """Add a distribution link; raise ``CohortRefused`` for an empty or duplicate one."""
    label = (label or "").strip()
    if not label:
        raise CohortRefused("label", _l("Enter a name for the group"))
    given = bool((code or "").strip())
    code = (code or "").strip() if given else code_from_label(label)
    if not code:
        raise CohortRefused("label", _l("Enter a name with at least one letter or number, or choose a code"))
    if not CODE_PATTERN.match(code) or len(code) > CODE_MAX:
        raise CohortRefused("code", _l("The code must start with a letter and use only lowercase letters, "
                                       "numbers and underscores"))
    if survey_queries.get_cohort_by_code(survey, code) is not None:
        if given:
            raise CohortRefused("code", _l("This survey already has a link with the code %(code)s", code=code))
        raise CohortRefused("label", _l("This survey already has a link with the code %(code)s. "
                                        "Change the name or choose a different code", code=code))
    if admin_queries.cohort_with_label(survey.id, label) is not None:
        raise CohortRefused("label", _l("This survey already has a link called %(label)s", label=label))
    try:
        with queries.transaction():
            cohort = survey_queries.add_cohort(survey, code, label, _new_token())
            audit.add(actor, "survey.cohort_added", survey.slug, code=code, label=label)
    except IntegrityError:  # someone else added the same code at the same moment
        raise CohortRefused("code", _l("This survey already has a link with the code %(code)s", code=code)) from None
    return cohort


def qr_svg(url, title, standalone=True):
    """A QR code for ``url`` as SVG markup, named by ``title`` for screen readers; the link is its description.

    ``standalone`` adds the XML declaration for a file; without it the SVG can sit inside a page.
    """
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=8, border=4, dark="#0b0c0c", light="#ffffff",
                                    title=title, desc=url, xmldecl=standalone, svgclass="app-qr", omitsize=True)
    svg = out.getvalue().decode("utf-8")
    size = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    # A file keeps its size; inside a page the style sheet sizes it. Both scale by the view box.
    attributes = f'width="{size[1]}" height="{size[2]}" ' if standalone else ""
    # segno escapes the title and description, so the SVG is safe to put in a page as it is.
    return Markup(svg.replace("<svg ", f'<svg role="img" {attributes}', 1))  # noqa: S704
