"""Read and validate survey files.

An invalid file is refused with a :class:`SurveyDefinitionError` naming the
file, the place in it and the problem.
"""

import copy
import hashlib
import json
import threading
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from feedback_app.answer_types import ANSWER_TYPES
from feedback_app.survey_definitions.conditions import referenced_questions
from feedback_app.survey_definitions.model import Page, Question, SurveyDefinition
from feedback_app.survey_definitions.text import languages_of

SCHEMA = json.loads(resources.files(__package__).joinpath("schema.json").read_text("utf-8"))
TEXT_KEYS = ("text", "hint", "title", "summary", "purpose", "privacy", "help", "body",
             "label", "time_to_complete", "section", "agree_label", "dont_know_label",
             "prefer_not_to_say_label")


class SurveyDefinitionError(ValueError):
    def __init__(self, source, place, problem):
        self.source, self.place, self.problem = source, place, problem
        where = f"{source}: {place}: " if place else f"{source}: "
        super().__init__(where + problem)


class _StrictLoader(yaml.SafeLoader):
    """YAML 1.2-like: ``yes``/``no``/``on`` stay strings and dates stay text."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false)$"), list("tf")
)


def _place(path):
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def parse_yaml(text, source):
    """The mapping a YAML text holds (YAML 1.2-like: :class:`_StrictLoader`), or a :class:`SurveyDefinitionError`.

    A text of at most ``_PARSED_TEXT_LIMIT`` characters parsed before in this process is not parsed again (survey
    and framework files are read at each load; the pure-Python parser takes most of it): the caller gets its own
    copy. (libyaml's parser would be quicker but crashes the process on deeply nested input, and builder uploads
    are parsed here.)
    """
    if len(text) > _PARSED_TEXT_LIMIT:
        return _parse_yaml(text, source)
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    with _PARSED_LOCK:
        data = _PARSED.get(key)
    if data is None:
        data = _parse_yaml(text, source)
        with _PARSED_LOCK:
            if len(_PARSED) >= _PARSED_LIMIT:
                _PARSED.pop(next(iter(_PARSED)))
            _PARSED[key] = data
    try:
        return copy.deepcopy(data)
    except RecursionError:
        raise SurveyDefinitionError(source, "", "nested too deeply to be a survey") from None


_PARSED = {}  # the SHA-256 of a text -> its mapping, oldest first
_PARSED_LOCK = threading.Lock()
_PARSED_LIMIT = 64
_PARSED_TEXT_LIMIT = 256 * 1024


def _parse_yaml(text, source):
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        place = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise SurveyDefinitionError(source, place, f"not valid YAML ({error.problem})") from None
    except yaml.YAMLError as error:
        raise SurveyDefinitionError(source, "", f"not valid YAML ({error})") from None
    except RecursionError:
        raise SurveyDefinitionError(source, "", "nested too deeply to be a survey") from None
    if not isinstance(data, dict):
        raise SurveyDefinitionError(source, "", "the file must hold a mapping of survey settings")
    return data


def _check_schema(data, source):
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        raise SurveyDefinitionError(source, _place(error.absolute_path), error.message)


def _walk_texts(node, path):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and (isinstance(value, str) or (isinstance(value, dict) and "en" in value)):
                yield path + [key], value
            elif key == "labels" and isinstance(value, dict):
                for point, label in value.items():
                    if isinstance(label, str | dict):  # other types are refused by the answer type's schema
                        yield path + [key, point], label
            else:
                yield from _walk_texts(value, path + [key])
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk_texts(value, path + [index])


def _build(data, source):
    languages = set(data.get("languages", ["en"]))
    for path, text in _walk_texts(data, []):
        if path[:1] == ["cohorts"]:
            continue
        missing = languages - languages_of(text)
        if missing:
            raise SurveyDefinitionError(
                source, _place(path), f"missing translation for {', '.join(sorted(missing))}"
            )
    if data.get("opens") and data.get("closes"):
        if date.fromisoformat(data["closes"]) < date.fromisoformat(data["opens"]):
            raise SurveyDefinitionError(source, "closes", "the close date is before the open date")
    seen_pages, seen_questions, pages = set(), {}, []
    earlier = set()  # questions on earlier pages: rules are evaluated on those
    for p_index, page_data in enumerate(data["pages"]):
        place = f"pages[{p_index}]"
        if page_data["id"] in seen_pages:
            raise SurveyDefinitionError(source, place + ".id", f"page id '{page_data['id']}' is used twice")
        seen_pages.add(page_data["id"])
        for ref in referenced_questions(page_data.get("show_if")):
            if ref not in earlier:
                raise SurveyDefinitionError(
                    source, place + ".show_if", f"refers to '{ref}', which is not on an earlier page"
                )
        questions = []
        for q_index, q_data in enumerate(page_data["questions"]):
            q_place = f"{place}.questions[{q_index}]"
            type_class = ANSWER_TYPES.get(q_data["type"])
            if type_class is None:
                known = ", ".join(sorted(ANSWER_TYPES))
                raise SurveyDefinitionError(
                    source, q_place + ".type", f"unknown answer type '{q_data['type']}' (known: {known})"
                )
            problem = type_class.check_spec(q_data)
            if problem:
                sub_place, message = problem
                raise SurveyDefinitionError(source, q_place + (f".{sub_place}" if sub_place else ""), message)
            if q_data["id"] in seen_questions:
                raise SurveyDefinitionError(source, q_place + ".id", f"question id '{q_data['id']}' is used twice")
            for ref in referenced_questions(q_data.get("show_if")):
                if ref not in earlier:
                    raise SurveyDefinitionError(
                        source, q_place + ".show_if", f"refers to '{ref}', which is not on an earlier page"
                    )
            question = Question(id=q_data["id"], type=q_data["type"], spec=q_data,
                                answer_type=type_class(q_data))
            seen_questions[question.id] = question
            questions.append(question)
        earlier.update(q.id for q in questions)
        pages.append(Page(id=page_data["id"], spec=page_data, questions=tuple(questions)))
    return pages


def content_hash(data):
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def definition_from_data(data, source="(stored definition)"):
    _check_schema(data, source)
    pages = _build(data, source)
    return SurveyDefinition(slug=data["slug"], data=data, pages=tuple(pages), content_hash=content_hash(data))


def load_file(path):
    """Read, parse and validate one survey file."""
    path = Path(path)
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SurveyDefinitionError(source, "", "the file is not UTF-8 text") from None
    except OSError as error:
        raise SurveyDefinitionError(source, "", f"cannot be read ({error.strerror})") from None
    data = parse_yaml(text, source)
    definition = definition_from_data(data, source)
    if path.stem != definition.slug:
        raise SurveyDefinitionError(source, "slug", f"slug '{definition.slug}' must match the file name '{path.stem}'")
    return definition


def survey_files(directory):
    return sorted(Path(directory).glob("*.yaml"))
