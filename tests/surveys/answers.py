"""Valid form data for any survey question, built from its answer type.

``variant`` 0 picks the first real option (and so tends to switch follow-up
pages on); variant 1 picks the last choice offered, which is an opt-out
where the question has one (and so tends to switch them off).
"""

from datetime import date

TEXT_ANSWER = "More youth workers in the evenings & safe spaces to go"


def _pick(choices, variant):
    return choices[0] if variant == 0 else choices[-1]


def _coded(value):
    return int(value) if isinstance(value, str) and value.isdigit() else value


def form_and_value(question, variant):
    """``(form fields, stored value)`` for one question; ``({}, None)`` if it takes no answer."""
    answer_type = question.answer_type
    qid, kind = question.id, question.type
    if not answer_type.collects_answer:
        return {}, None
    if kind in ("short_text", "long_text"):
        text = TEXT_ANSWER[: answer_type.max_length]
        return {qid: f"  {text}  "}, text.strip()
    if kind == "consent":
        return {qid: "y"}, True
    if kind == "number":
        number = int(question.spec.get("min", 0))
        return {qid: str(number)}, number
    if kind == "date":
        day = date.fromisoformat(question.spec.get("earliest", "2020-01-01"))
        parts = {f"{qid}-day": str(day.day), f"{qid}-month": str(day.month), f"{qid}-year": str(day.year)}
        return parts, day.isoformat()
    values = [value for value, _ in answer_type.choice_labels("en")]
    if kind == "multiple_choice":
        base = [value for value, _ in answer_type.base_choices("en")]
        chosen = base[:2] if variant == 0 else [values[-1]]
        return {qid: chosen}, chosen
    if kind == "grid":
        statements = [sid for sid, _ in answer_type.statements("en")]
        chosen = {sid: _pick(values, variant) for sid in statements}
        return {answer_type.field_name(sid): value for sid, value in chosen.items()}, {
            sid: _coded(value) for sid, value in chosen.items()
        }
    value = _pick(values, variant)
    return {qid: value}, (_coded(value) if kind == "rating" else value)


def page_answers(page, variant):
    """Form data for every question on a page and the values they should store."""
    form, values = {}, {}
    for question in page.questions:
        fields, value = form_and_value(question, variant)
        form.update(fields)
        if value is not None:
            values[question.id] = value
    return form, values
