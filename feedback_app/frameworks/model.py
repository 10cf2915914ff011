"""A validated standards framework: frozen dataclasses built from a framework file."""

from dataclasses import dataclass, field

from feedback_app.survey_definitions.text import translate


@dataclass(frozen=True)
class Level:
    value: str
    label: object
    score: int
    description: object = None


@dataclass(frozen=True)
class Prompt:
    id: str
    text: object
    hint: object = None


@dataclass(frozen=True)
class Standard:
    id: str
    title: object
    questions: tuple
    supplementary: tuple = ()
    summary: object = None
    source: object = None
    rated: bool = True

    def title_in(self, language="en"):
        return translate(self.title, language)


@dataclass(frozen=True)
class FrameworkDefinition:
    slug: str
    data: dict = field(compare=False, repr=False)
    standards: tuple = ()
    levels: tuple = ()
    content_hash: str = ""

    @property
    def kind(self):
        return self.data["kind"]

    @property
    def scale_kind(self):
        return self.data["rating_scale"]["kind"]

    @property
    def overall_grade(self):
        return self.data.get("overall_grade", False)

    def title_in(self, language="en"):
        return translate(self.data["title"], language)

    def standard(self, standard_id):
        return next((s for s in self.standards if s.id == standard_id), None)

    def level(self, value):
        return next((level for level in self.levels if level.value == value), None)

    def score(self, value):
        level = self.level(value)
        return level.score if level else None

    def rated_standards(self):
        return [s for s in self.standards if s.rated]

    @property
    def low_scores(self):
        """The scores that count as a concern: the lowest level, and the next for four grades."""
        ordered = sorted(level.score for level in self.levels)
        return set(ordered[:2]) if len(ordered) == 4 else set(ordered[:1])
