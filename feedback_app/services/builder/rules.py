"""Show/skip rules chosen from earlier questions' answers, and their plain-English summary."""

from flask_babel import gettext

from feedback_app.services.builder import editing
from feedback_app.survey_definitions import definition_from_data

# Answer types whose answers a rule can test: one coded answer (or several, for multiple choice).
RULE_TYPES = ("single_choice", "multiple_choice", "yes_no", "agreement", "rating")


def _definition(data):
    return definition_from_data(editing.draft_copy(data), "draft")


def _earlier_pages(data, kind, target_id):
    if kind == "page":
        index = editing.page_index(data, target_id)
    else:
        index = editing.find_question(data, target_id)[0]
    return {page["id"] for page in data["pages"][:index]}


def candidates(data, kind, target_id):
    """Questions on earlier pages a rule for this page or question can depend on."""
    earlier = _earlier_pages(data, kind, target_id)
    definition = _definition(data)
    return [question for page in definition.pages if page.id in earlier
            for question in page.questions if question.type in RULE_TYPES]


def answer_choices(question):
    """``[(form value, label)]`` of a question a rule depends on."""
    return question.answer_type.choice_labels("en")


def stored_value(question, value):
    """An answer as the survey stores it (ratings are numbers)."""
    return int(value) if question.type == "rating" and str(value).isdigit() else value


def condition_for(question, values):
    values = [stored_value(question, value) for value in values]
    if len(values) == 1:
        return {"question": question.id, "equals": values[0]}
    return {"question": question.id, "in": values}


def chosen(condition):
    """``(question id, [form values])`` of a simple rule the builder made, else ``(None, [])``."""
    if not condition or "question" not in condition:
        return None, []
    if "equals" in condition:
        return condition["question"], [str(condition["equals"])]
    if "in" in condition:
        return condition["question"], [str(value) for value in condition["in"]]
    return condition["question"], []


def _quote(text):
    return f"‘{text}’"


def _part(condition, definition, language):
    if "all" in condition or "any" in condition:
        parts = [_part(part, definition, language) for part in condition.get("all", [])]
        joined = gettext(" and ").join(parts)
        if condition.get("any"):
            either = gettext(" or ").join(_part(part, definition, language) for part in condition["any"])
            joined = f"{joined}{gettext(' and ')}({either})" if joined else either
        return joined
    try:
        question = definition.question(condition["question"])
        text = question.text(language)
        labels = dict(question.answer_type.choice_labels(language))
    except KeyError:
        question, text, labels = None, condition["question"], {}

    def named(values):
        return gettext(" or ").join(_quote(labels.get(str(v), str(v))) for v in values)

    multiple = question is not None and question.type == "multiple_choice"
    if "equals" in condition or "in" in condition:
        values = [condition["equals"]] if "equals" in condition else condition["in"]
        if multiple:
            return gettext("%(question)s includes %(answers)s", question=_quote(text), answers=named(values))
        return gettext("%(question)s is %(answers)s", question=_quote(text), answers=named(values))
    if "not_in" in condition:
        return gettext("%(question)s is not %(answers)s", question=_quote(text), answers=named(condition["not_in"]))
    if condition.get("answered") is False:
        return gettext("%(question)s is not answered", question=_quote(text))
    return gettext("%(question)s is answered", question=_quote(text))


def summary(condition, data, language="en"):
    """"Shown only if ‘How safe do you feel at home?’ is ‘A bit unsafe’ or ‘Very unsafe’", or ``None``."""
    if not condition:
        return None
    return gettext("Shown only if %(rule)s", rule=_part(condition, _definition(data), language))
