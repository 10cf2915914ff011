"""Frozen dataclasses describing a survey once its file has been validated."""

from dataclasses import dataclass, field
from datetime import date

from feedback_app.survey_definitions.conditions import evaluate
from feedback_app.survey_definitions.text import translate


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    spec: dict = field(repr=False, compare=False)
    answer_type: object = field(repr=False, compare=False)

    @property
    def required(self):
        return self.spec.get("required", self.answer_type.required_by_default)

    @property
    def analyse(self):
        return bool(self.spec.get("analyse", False))

    @property
    def screening_kind(self):
        """What the safeguarding screen should know about the question (``trusted_person``), or None."""
        return self.spec.get("screening")

    def text(self, language):
        return translate(self.spec["text"], language)

    def hint(self, language):
        return translate(self.spec.get("hint"), language)

    def is_shown(self, answers):
        return evaluate(self.spec.get("show_if"), answers)


@dataclass(frozen=True)
class Page:
    id: str
    spec: dict = field(repr=False, compare=False)
    questions: tuple = ()

    def title(self, language):
        return translate(self.spec.get("title"), language)

    def is_shown(self, answers):
        if not evaluate(self.spec.get("show_if"), answers):
            return False
        return any(q.is_shown(answers) for q in self.questions)

    def shown_questions(self, answers):
        return [q for q in self.questions if q.is_shown(answers)]


@dataclass(frozen=True)
class SurveyDefinition:
    slug: str
    data: dict = field(repr=False, compare=False)
    pages: tuple = ()
    content_hash: str = ""

    # -- settings -------------------------------------------------------
    @property
    def audience(self):
        return self.data["audience"]

    @property
    def languages(self):
        return tuple(self.data.get("languages", ["en"]))

    @property
    def anonymous(self):
        return self.data.get("anonymous", True)

    @property
    def screening(self):
        return self.data.get("screening", False)

    @property
    def exit_this_page(self):
        return self.data.get("exit_this_page", self.audience == "young_people")

    @property
    def initial_status(self):
        return self.data.get("status", "open")

    @property
    def opens(self):
        value = self.data.get("opens")
        return date.fromisoformat(value) if value else None

    @property
    def closes(self):
        value = self.data.get("closes")
        return date.fromisoformat(value) if value else None

    @property
    def retention_months(self):
        return self.data.get("retention_months", 24)

    @property
    def cohorts(self):
        return self.data.get("cohorts", [])

    def text(self, key, language):
        """A top-level or nested piece of wording, e.g. ``start.purpose``."""
        node = self.data
        for part in key.split("."):
            node = node.get(part) if isinstance(node, dict) and "en" not in node else None
            if node is None:
                return None
        return translate(node, language)

    def title(self, language):
        return translate(self.data["title"], language)

    # -- questions ------------------------------------------------------
    @property
    def questions(self):
        return [q for page in self.pages for q in page.questions]

    def question(self, question_id):
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def page(self, page_id):
        for page in self.pages:
            if page.id == page_id:
                return page
        raise KeyError(page_id)

    @property
    def theme_questions(self):
        return [q for q in self.questions if q.analyse]

    def visible_pages(self, answers):
        return [page for page in self.pages if page.is_shown(answers)]

    def visible_answers(self, answers):
        """The answers that still apply once show/skip rules are re-run.

        Rules are evaluated in page order against the answers kept so far, so
        an answer to a question that is now skipped cannot switch on a later one.
        """
        kept = {}
        for page in self.pages:
            if not page.is_shown(kept):
                continue
            for q in page.shown_questions(kept):
                if q.answer_type.collects_answer and q.id in answers:
                    kept[q.id] = answers[q.id]
        return kept
