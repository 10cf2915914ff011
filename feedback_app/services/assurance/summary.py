"""Reports on a round: standards by agency, self versus agreed ratings, heat map, movement since last round.

Agencies are organisations, not people, so small-number rules do not apply to them;
nothing here is drawn from individual staff. The content is a plain dict, so the
page and the CSV always agree.
"""

from feedback_app.queries import assurance as q
from feedback_app.services.assurance import actions as action_service
from feedback_app.services.assurance.challenge import outcome_label
from feedback_app.services.assurance.rounds import definition, status_label
from feedback_app.survey_definitions import translate

MOVES = {1: "up", -1: "down", 0: "same"}


def _final(answer):
    return (answer.agreed_rating or answer.self_rating) if answer else None


def _previous_ratings(round_):
    """agency id -> standard id -> final rating in the previous round."""
    previous = round_.previous_round
    if previous is None:
        return {}
    return {s.agency_id: {a.standard_id: _final(a) for a in s.answers} for s in previous.submissions}


def round_summary(round_, language="en"):
    framework = definition(round_)
    standards = framework.rated_standards()
    previous = _previous_ratings(round_)
    label = {level.value: translate(level.label, language) for level in framework.levels}
    agencies = []
    for submission in sorted(round_.submissions, key=lambda s: s.agency.name.lower()):
        answers = {a.standard_id: a for a in submission.answers}
        cells = []
        for standard in standards:
            answer = answers.get(standard.id)
            final = _final(answer)
            before = previous.get(submission.agency_id, {}).get(standard.id)
            move = None
            if final and before and framework.score(before) and framework.score(final):
                move = MOVES[(framework.score(final) > framework.score(before)) -
                             (framework.score(final) < framework.score(before))]
            cells.append({
                "standard": standard.id, "self": answer.self_rating if answer else None,
                "agreed": answer.agreed_rating if answer else None, "final": final,
                "final_label": label.get(final, ""), "self_label": label.get(answer.self_rating, "") if answer else "",
                "agreed_label": label.get(answer.agreed_rating, "") if answer else "",
                "differs": bool(answer and answer.agreed_rating and answer.agreed_rating != answer.self_rating),
                "previous": before, "previous_label": label.get(before, ""), "movement": move,
            })
        agencies.append({"submission_id": submission.id, "name": submission.agency.name,
                         "status": submission.status.value, "status_label": str(status_label(submission.status)),
                         "outcome": submission.panel_outcome,
                         "outcome_label": str(outcome_label(submission.panel_outcome)),
                         "cells": cells})
    totals = []
    for index, standard in enumerate(standards):
        row = {"standard": standard.id, "title": standard.title_in(language), "counts": {}, "differs": 0}
        for level in framework.levels:
            row["counts"][level.value] = sum(1 for a in agencies if a["cells"][index]["final"] == level.value)
        row["differs"] = sum(1 for a in agencies if a["cells"][index]["differs"])
        row["unrated"] = sum(1 for a in agencies if not a["cells"][index]["final"])
        totals.append(row)
    return {
        "kind": "assurance_round", "subject": round_.id, "title": round_.title,
        "framework": framework.title_in(language), "deadline": round_.deadline.isoformat(),
        "previous_round": round_.previous_round.title if round_.previous_round else None,
        "levels": [{"value": lv.value, "label": label[lv.value], "score": lv.score} for lv in framework.levels],
        "standards": [{"id": s.id, "title": s.title_in(language), "number": i + 1} for i, s in enumerate(standards)],
        "agencies": agencies, "totals": totals,
    }


def agency_report(submission, language="en"):
    round_ = submission.round
    summary = round_summary(round_, language)
    row = next(a for a in summary["agencies"] if a["submission_id"] == submission.id)
    answers = {a.standard_id: a for a in submission.answers}
    framework = definition(round_)
    standards = []
    for standard, cell in zip(framework.rated_standards(), row["cells"], strict=True):
        answer = answers.get(standard.id)
        standards.append({**cell, "title": standard.title_in(language), "evidence": answer.evidence if answer else "",
                          "comment": answer.panel_comment if answer else "",
                          "request": answer.evidence_request if answer else ""})
    actions = [{"description": a.description, "owner": a.owner, "due_on": a.due_on.isoformat(),
                "status": str(action_service.status_label(a.status)), "overdue": action_service.is_overdue(a)}
               for a in q.list_actions_of_agency(submission.agency_id)]
    return {"round": summary["title"], "agency": row["name"], "status_label": row["status_label"],
            "outcome_label": row["outcome_label"], "note": submission.panel_note or "", "standards": standards,
            "actions": actions, "levels": summary["levels"]}


def table(summary):
    """``(headers, rows)``: one row per agency and standard, for CSV."""
    headers = ["agency", "standard", "self_rating", "agreed_rating", "previous_round", "movement", "panel_outcome"]
    rows = []
    for agency in summary["agencies"]:
        for standard, cell in zip(summary["standards"], agency["cells"], strict=True):
            rows.append([agency["name"], standard["title"], cell["self_label"], cell["agreed_label"],
                         cell["previous_label"], cell["movement"] or "", agency["outcome_label"]])
    return headers, rows
