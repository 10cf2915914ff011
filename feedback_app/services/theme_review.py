"""Reviewing a run's themes: rename, merge, split, move, exclude, narratives, triangulation; undo.

Each operation runs in one transaction that changes the current rows, adds a
``ThemeReviewEvent`` holding exactly what changed (before and after) and adds
the matching entry to the audit log. ``undo`` reverses the newest event that
has not been undone, so events are undone last-first and each one finds the
state it left. The run's original output is never touched.
"""

from datetime import UTC, datetime

from flask_babel import gettext as _

from analysis.redaction import redact_text
from analysis.themes import ThemePipeline
from feedback_app import queries
from feedback_app.models import RunStatus
from feedback_app.queries import themes as theme_queries
from feedback_app.services import audit

MAX_LABEL = 200
MAX_NARRATIVE = 2000
MAX_QUOTES = 5
MIN_SPLIT_ANSWERS = 4
# Payload keys copied into the audit log entry (ids only, never text), under these names.
AUDITED = {"theme": "theme", "source": "source_theme", "target": "target_theme", "answer": "answer",
           "to": "to_theme", "item_key": "result"}


class ReviewRefused(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field


def _check_run(run):
    if run is None or run.status != RunStatus.complete:
        raise ReviewRefused(_("Only a finished run can be reviewed."))


def _check_theme(run, theme):
    if theme is None or theme.run_id != run.id:
        raise ReviewRefused(_("That theme is not part of this run."))
    if theme.merged_into_id is not None:
        raise ReviewRefused(_("That theme has been merged into another one."))


def _record(run, user, op, payload):
    event = theme_queries.add_review_event(run.id, user, op, payload)
    detail = {name: payload[key] for key, name in AUDITED.items() if key in payload}
    audit.add(user, f"themes.{op}", target=f"theme_run:{run.id}", event=event.id, **detail)
    return event


def rename(run, theme, label, user):
    _check_run(run)
    _check_theme(run, theme)
    label = " ".join((label or "").split())[:MAX_LABEL]
    if not label:
        raise ReviewRefused(_("Enter a name for the theme"), "label")
    if label == theme.label:
        return None
    with queries.transaction():
        before, theme.label = theme.label, label
        return _record(run, user, "rename", {"theme": theme.id, "before": before, "after": label})


def set_excluded(run, theme, excluded, user):
    _check_run(run)
    _check_theme(run, theme)
    if theme.excluded == excluded:
        return None
    with queries.transaction():
        theme.excluded = excluded
        return _record(run, user, "exclude" if excluded else "include",
                       {"theme": theme.id, "before": not excluded, "after": excluded})


def _clean_narrative(text):
    text = (text or "").strip()
    if len(text) > MAX_NARRATIVE:
        raise ReviewRefused(_("The narrative must be %(max)s characters or fewer", max=MAX_NARRATIVE), "narrative")
    # Narratives are published with the themes: keep personal data out of them too.
    return redact_text(text) if text else None


def set_narrative(run, theme, text, user):
    _check_run(run)
    _check_theme(run, theme)
    text = _clean_narrative(text)
    if text == theme.narrative:
        return None
    with queries.transaction():
        before, theme.narrative = theme.narrative, text
        return _record(run, user, "narrative", {"theme": theme.id, "before": before, "after": text})


def set_run_narrative(run, text, user):
    _check_run(run)
    text = _clean_narrative(text)
    if text == run.narrative:
        return None
    with queries.transaction():
        before, run.narrative = run.narrative, text
        return _record(run, user, "run_narrative", {"before": before, "after": text})


def merge(run, source, target, user):
    """Move every answer of ``source`` into ``target``; ``source`` is kept, marked as merged."""
    _check_run(run)
    _check_theme(run, source)
    _check_theme(run, target)
    if source.id == target.id:
        raise ReviewRefused(_("Choose a different theme to merge with"), "target")
    with queries.transaction():
        moved = sorted(theme_queries.assignment_map(run.id, [source.id]))
        theme_queries.set_assignments(run.id, moved, target.id)
        quotes_before = list(target.quotes)
        target.quotes = list(dict.fromkeys(quotes_before + list(source.quotes)))[:MAX_QUOTES + 2]
        source.merged_into_id = target.id
        return _record(run, user, "merge", {"source": source.id, "target": target.id, "answers": moved,
                                            "source_label": source.label, "target_label": target.label,
                                            "target_quotes_before": quotes_before,
                                            "target_quotes_after": list(target.quotes)})


def move(run, answer_id, target, user):
    """Move one answer to another theme."""
    _check_run(run)
    _check_theme(run, target)
    row = theme_queries.get_assignment(run.id, answer_id)
    if row is None:
        raise ReviewRefused(_("That answer is not part of this run."))
    if row.theme_id == target.id:
        return None
    with queries.transaction():
        before = row.theme_id
        theme_queries.set_assignments(run.id, [answer_id], target.id)
        return _record(run, user, "move", {"answer": answer_id, "from": before, "to": target.id})


def split(run, theme, parts, user, seed=0):
    """Re-cluster a theme's answers into ``parts`` themes; the first part stays in the theme."""
    _check_run(run)
    _check_theme(run, theme)
    rows = theme_queries.theme_answers(theme.id)
    if len(rows) < max(MIN_SPLIT_ANSWERS, parts * 2):
        raise ReviewRefused(_("This theme has too few answers to split into %(parts)s.", parts=parts), "parts")
    ids = [answer.id for _row, answer, _response in rows]
    pipeline = ThemePipeline(backend="tfidf", k=parts, seed=seed).fit([redact_text(a.text or "") for _r, a, _s in rows])
    result = pipeline.result_
    found_themes = [t for t in result.themes if not t.other]  # answers that fit no part stay in the theme
    if len(found_themes) < 2:
        raise ReviewRefused(_("These answers are too alike to split."), "parts")
    with queries.transaction():
        number = theme_queries.next_theme_number(run.id)
        quotes_before = list(theme.quotes)
        keep = found_themes[0]
        theme.quotes = list(keep.quotes)
        new = {}
        for offset, found in enumerate(found_themes[1:]):
            row = theme_queries.add_theme(
                run_id=run.id, number=number + offset, label=found.label[:MAX_LABEL],
                original_label=found.label[:MAX_LABEL], terms=list(found.terms), quotes=list(found.quotes),
                origin="split", excluded=theme.excluded)
            new[found.id] = row.id
        moves = {}
        for answer_id, found in zip(ids, result.assignments, strict=True):
            if found in new:
                moves.setdefault(new[found], []).append(answer_id)
        for theme_id, answer_ids in moves.items():
            theme_queries.set_assignments(run.id, answer_ids, theme_id)
        return _record(run, user, "split", {
            "theme": theme.id, "label": theme.label, "new_themes": list(new.values()),
            "moves": {str(k): v for k, v in moves.items()}, "quotes_before": quotes_before,
            "quotes_after": list(theme.quotes)})


def link_result(run, theme, survey, item_key, user):
    """Remember a closed-question result to show beside the theme (triangulation)."""
    _check_run(run)
    _check_theme(run, theme)
    if any(r.survey_id == survey.id and r.item_key == item_key for r in theme_queries.list_triangulations(theme.id)):
        return None
    with queries.transaction():
        row = theme_queries.add_triangulation(theme.id, survey.id, item_key, user)
        return _record(run, user, "link_result", {"theme": theme.id, "row": row.id, "survey_id": survey.id,
                                                  "item_key": item_key})


def unlink_result(run, theme, row, user):
    _check_run(run)
    _check_theme(run, theme)
    if row is None or row.theme_id != theme.id:
        raise ReviewRefused(_("That result is not shown beside this theme."))
    with queries.transaction():
        payload = {"theme": theme.id, "row": row.id, "survey_id": row.survey_id, "item_key": row.item_key}
        theme_queries.delete_triangulation(row.id)
        return _record(run, user, "unlink_result", payload)


# --- undo -------------------------------------------------------------------------------------------


def _theme(theme_id):
    theme = theme_queries.get_theme(theme_id)
    if theme is None:
        raise ReviewRefused(_("This change can no longer be undone."))
    return theme


def _undo_merge(run, p):
    theme_queries.set_assignments(run.id, p["answers"], p["source"])
    _theme(p["source"]).merged_into_id = None
    _theme(p["target"]).quotes = list(p["target_quotes_before"])


def _undo_split(run, p):
    for answer_ids in p["moves"].values():
        theme_queries.set_assignments(run.id, answer_ids, p["theme"])
    for theme_id in p["new_themes"]:
        theme_queries.delete_theme(theme_id)
    _theme(p["theme"]).quotes = list(p["quotes_before"])


def _undo_unlink(run, p):
    theme_queries.add_triangulation(p["theme"], p["survey_id"], p["item_key"], None)


UNDO = {
    "rename": lambda run, p: setattr(_theme(p["theme"]), "label", p["before"]),
    "exclude": lambda run, p: setattr(_theme(p["theme"]), "excluded", p["before"]),
    "include": lambda run, p: setattr(_theme(p["theme"]), "excluded", p["before"]),
    "narrative": lambda run, p: setattr(_theme(p["theme"]), "narrative", p["before"]),
    "run_narrative": lambda run, p: setattr(run, "narrative", p["before"]),
    "merge": _undo_merge,
    "split": _undo_split,
    "move": lambda run, p: theme_queries.set_assignments(run.id, [p["answer"]], p["from"]),
    "link_result": lambda run, p: theme_queries.delete_triangulation_item(p["theme"], p["survey_id"], p["item_key"]),
    "unlink_result": _undo_unlink,
}


def last_change(run):
    return theme_queries.last_undoable_event(run.id)


def undo(run, user):
    """Reverse the newest change not yet undone; returns its event, or ``None`` if there is none."""
    _check_run(run)
    event = theme_queries.last_undoable_event(run.id)
    if event is None:
        return None
    with queries.transaction():
        UNDO[event.op](run, event.payload)
        event.undone_at = datetime.now(UTC)
        event.undone_by_id = user.id if user else None
        audit.add(user, "themes.review_undone", target=f"theme_run:{run.id}", event=event.id, op=event.op)
    return event


def describe(event):
    """One line saying what a review event changed."""
    p = event.payload

    def label(theme_id):
        theme = theme_queries.get_theme(theme_id) if theme_id is not None else None
        return theme.label if theme is not None else _("a theme that no longer exists")

    texts = {
        "rename": lambda: _("Renamed “%(before)s” to “%(after)s”", before=p["before"], after=p["after"]),
        "exclude": lambda: _("Excluded “%(theme)s”", theme=label(p["theme"])),
        "include": lambda: _("Included “%(theme)s” again", theme=label(p["theme"])),
        "narrative": lambda: _("Edited the narrative of “%(theme)s”", theme=label(p["theme"])),
        "run_narrative": lambda: _("Edited the run’s narrative"),
        "merge": lambda: _("Merged “%(source)s” into “%(target)s” (%(count)s answers)", source=p["source_label"],
                           target=p["target_label"], count=len(p["answers"])),
        "split": lambda: _("Split “%(theme)s” into %(parts)s themes", theme=p["label"], parts=len(p["new_themes"]) + 1),
        "move": lambda: _("Moved an answer from “%(source)s” to “%(target)s”", source=label(p["from"]),
                          target=label(p["to"])),
        "link_result": lambda: _("Added a closed-question result beside “%(theme)s”", theme=label(p["theme"])),
        "unlink_result": lambda: _("Removed a closed-question result from “%(theme)s”", theme=label(p["theme"])),
    }
    return texts[event.op]() if event.op in texts else event.op
