"""What the DSL sees of an alert: the flagged words highlighted, and the rest of that response.

Only the safeguarding views use this: the original words are for the DSL alone. The other answers in
the response are shown as stored (free text redacted on submit); another flagged answer in the same
response is shown whole, as it has its own alert.
"""

import re
from dataclasses import dataclass

from babel import Locale
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup, escape

from analysis.screening import CATEGORY_LABELS
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.services import journey
from feedback_app.services.safeguarding import NOT_SCREENED


@dataclass(frozen=True)
class ResponseRow:
    question: str
    answer: object  # str, or Markup with <mark> for a flagged answer
    flagged: bool = False
    alert_id: int | None = None
    language: str | None = None
    this_alert: bool = False


def highlight(text, evidence):
    """``text`` escaped, with every piece of ``evidence`` found in it wrapped in ``<mark>``."""
    text = text or ""
    spans = []
    for words in evidence or []:
        words = (words or "").strip()
        if not words:
            continue
        for found in re.finditer(re.escape(words), text, flags=re.IGNORECASE):
            spans.append((found.start(), found.end()))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    out, position = [], 0
    for start, end in merged:
        out.append(escape(text[position:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def language_name(code):
    """A language's name in the interface's language ("Urdu"), or the code itself."""
    try:
        return Locale.parse(str(get_locale() or "en")).languages.get(code, code)
    except (ValueError, TypeError):
        return code


def category_label(category):
    """A screening category for people: "not_screened:ur" is "Not screened: written in Urdu"."""
    if category.startswith(NOT_SCREENED):
        return _("Not screened: written in %(language)s", language=language_name(category[len(NOT_SCREENED):]))
    return str(CATEGORY_LABELS.get(category, category))


def category_labels(categories):
    return [category_label(category) for category in categories or []]


def whole_response(alert, language):
    """Every answer in the alert's response, in the survey's order, as ``ResponseRow`` s."""
    response = alert.response
    definition = journey.definition_of(response.survey_version)
    answers = {answer.question_id: answer for answer in alert_queries.answers_of_response(response.id)}
    flagged = {other.question_id: other for other in alert_queries.alerts_of_response(response.id)}
    shown_language = language if language in definition.languages else definition.languages[0]
    rows = []
    for question in definition.questions:
        answer = answers.get(question.id)
        if answer is None or not question.answer_type.collects_answer:
            continue
        text = question.text(shown_language)
        other = flagged.get(question.id)
        if other is not None:
            rows.append(ResponseRow(text, highlight(other.original_text, other.evidence), True, other.id,
                                    answer.text_language or response.language, other.id == alert.id))
        elif question.answer_type.free_text:
            written = answer.text if answer.text is not None else _("(deleted under the retention policy)")
            rows.append(ResponseRow(text, written, language=answer.text_language or response.language))
        else:
            rows.append(ResponseRow(text, question.answer_type.display(answer.value, shown_language)))
    return rows
