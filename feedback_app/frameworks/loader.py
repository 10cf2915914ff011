"""Read and validate framework files (``frameworks/*.yaml``).

An invalid file is refused with a :class:`FrameworkError` naming the file, the
place in it (``standards[2].questions[0].id``) and the problem, as survey files are.
"""

import json
from importlib import resources
from pathlib import Path

import jsonschema

from feedback_app.frameworks.model import FrameworkDefinition, Level, Prompt, Standard
from feedback_app.survey_definitions.loader import SurveyDefinitionError, _place, content_hash, parse_yaml
from feedback_app.survey_definitions.text import languages_of

SCHEMA = json.loads(resources.files(__package__).joinpath("schema.json").read_text("utf-8"))
TEXT_KEYS = ("title", "summary", "applies_to", "label", "description", "text", "hint", "source")
LEVEL_COUNTS = {"rag": 3, "four_grade": 4}


class FrameworkError(ValueError):
    def __init__(self, source, place, problem):
        self.source, self.place, self.problem = source, place, problem
        super().__init__(f"{source}: {place}: {problem}" if place else f"{source}: {problem}")


def _check_schema(data, source):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise FrameworkError(source, _place(error.absolute_path), error.message)


def _texts(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str | dict) and (isinstance(value, str) or "en" in value):
                yield path + [key], value
            else:
                yield from _texts(value, path + [key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, path + [index])


def _check_meaning(data, source):
    languages = set(data.get("languages", ["en"]))
    for path, text in _texts(data, []):
        missing = languages - languages_of(text)
        if missing:
            raise FrameworkError(source, _place(path), f"missing translation for {', '.join(sorted(missing))}")
    scale = data["rating_scale"]
    wanted = LEVEL_COUNTS[scale["kind"]]
    if len(scale["levels"]) != wanted:
        raise FrameworkError(source, "rating_scale.levels",
                             f"a {scale['kind']} scale has {wanted} levels, not {len(scale['levels'])}")
    for key in ("value", "score"):
        seen = set()
        for index, level in enumerate(scale["levels"]):
            if level[key] in seen:
                raise FrameworkError(source, f"rating_scale.levels[{index}].{key}",
                                     f"{key} '{level[key]}' is used twice")
            seen.add(level[key])
    standards, questions = set(), set()
    for s_index, standard in enumerate(data["standards"]):
        if standard["id"] in standards:
            raise FrameworkError(source, f"standards[{s_index}].id", f"standard id '{standard['id']}' is used twice")
        standards.add(standard["id"])
        for group in ("questions", "supplementary"):
            for q_index, question in enumerate(standard.get(group, [])):
                if question["id"] in questions:
                    raise FrameworkError(source, f"standards[{s_index}].{group}[{q_index}].id",
                                         f"question id '{question['id']}' is used twice")
                questions.add(question["id"])


def _prompts(items):
    return tuple(Prompt(q["id"], q["text"], q.get("hint")) for q in items or [])


def definition_from_data(data, source="(stored framework)"):
    """Validate framework data (from a file or a round's stored copy) into a definition."""
    _check_schema(data, source)
    _check_meaning(data, source)
    levels = tuple(Level(lv["value"], lv["label"], lv["score"], lv.get("description"))
                   for lv in data["rating_scale"]["levels"])
    standards = tuple(
        Standard(id=s["id"], title=s["title"], questions=_prompts(s["questions"]),
                 supplementary=_prompts(s.get("supplementary")), summary=s.get("summary"), source=s.get("source"),
                 rated=s.get("rated", True))
        for s in data["standards"])
    return FrameworkDefinition(slug=data["slug"], data=data, standards=standards, levels=levels,
                               content_hash=content_hash(data))


def load_file(path):
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FrameworkError(source, "", "the file is not UTF-8 text") from None
    except OSError as error:
        raise FrameworkError(source, "", f"cannot be read ({error.strerror})") from None
    try:
        data = parse_yaml(text, source)
    except SurveyDefinitionError as error:
        raise FrameworkError(source, error.place, error.problem.replace("survey", "framework")) from None
    definition = definition_from_data(data, source)
    if path.stem != definition.slug:
        raise FrameworkError(source, "slug", f"slug '{definition.slug}' must match the file name '{path.stem}'")
    return definition


def framework_files(directory):
    return sorted(Path(directory).glob("*.yaml"))
