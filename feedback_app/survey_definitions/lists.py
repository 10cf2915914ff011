"""Lists filled into a survey when it is answered.

A grid question may say ``statements_from: learning_objectives`` instead of
listing its statements: the rows then come from the context a respondent
started in (a course session's learning objectives). The filled-in survey is
validated again like any other, so a bad list is refused the same way.
"""

import copy

from feedback_app.survey_definitions.loader import definition_from_data

LIST_NAMES = ("learning_objectives",)


def needs_lists(data):
    """The list names a survey's questions take their statements from."""
    return sorted({q["statements_from"] for page in data.get("pages", []) for q in page.get("questions", [])
                   if "statements_from" in q})


def fill_lists(data, lists):
    """A copy of survey ``data`` with every ``statements_from`` replaced by the list's items.

    ``lists``: ``{name: [{"id": ..., "text": ...}]}``. A list that is not given is left unfilled.
    """
    filled = copy.deepcopy(data)
    for page in filled["pages"]:
        for question in page["questions"]:
            name = question.get("statements_from")
            if name in (lists or {}):
                question.pop("statements_from")
                question["statements"] = [{"id": item["id"], "text": item["text"]} for item in lists[name]]
    return filled


def with_lists(definition, lists):
    """``definition`` with its lists filled in (itself when there is nothing to fill)."""
    if not lists or not needs_lists(definition.data):
        return definition
    return definition_from_data(fill_lists(definition.data, lists), f"{definition.slug} (filled in)")
