"""A survey's outline as the builder shows it: pages, questions and their rules in plain English."""

from dataclasses import dataclass

from feedback_app.services.builder import rules
from feedback_app.services.builder.editing import english


@dataclass(frozen=True)
class QuestionLine:
    id: str
    type: str
    text: str
    required: bool
    rule: str | None


@dataclass(frozen=True)
class PageLine:
    id: str
    number: int
    title: str | None
    rule: str | None
    questions: tuple


def outline(data):
    from feedback_app.answer_types import ANSWER_TYPES

    pages = []
    for number, page in enumerate(data.get("pages", []), start=1):
        questions = []
        for spec in page["questions"]:
            type_class = ANSWER_TYPES[spec["type"]]
            required = type_class.collects_answer and spec.get("required", type_class.required_by_default)
            questions.append(QuestionLine(spec["id"], spec["type"], english(spec["text"]), required,
                                          rules.summary(spec.get("show_if"), data)))
        pages.append(PageLine(page["id"], number, english(page.get("title")),
                              rules.summary(page.get("show_if"), data), tuple(questions)))
    return pages
