"""Surveys as YAML files: export one that ``flask surveys check`` accepts, import one with its errors placed."""

import re

import yaml

from feedback_app.survey_definitions import SurveyDefinitionError, definition_from_data
from feedback_app.survey_definitions.loader import _StrictLoader, parse_yaml

MAX_BYTES = 512 * 1024
HEADER = "# Survey definition: check with `flask surveys check {slug}.yaml`, load with `flask surveys load`.\n"


class _Dumper(yaml.SafeDumper):
    """Block style, long wording kept readable, keys in the order the survey gives them."""

    def ignore_aliases(self, data):  # wording shared by several questions is written out each time
        return True


def _text(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def export(data):
    """The survey as YAML text, in the order of its definition."""
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return HEADER.format(slug=data["slug"]) + body


def _path(place):
    """``pages[2].questions[0].options`` -> ``["pages", 2, "questions", 0, "options"]``."""
    parts = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", place or ""):
        parts.append(int(index) if index else name)
    return parts


def line_of(text, place):
    """The line in ``text`` where ``place`` is (the deepest part of it found), or ``None``."""
    try:
        node = yaml.compose(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return None
    line = node.start_mark.line + 1 if node is not None else None
    for part in _path(place):
        if isinstance(node, yaml.MappingNode):
            match = next(((key, value) for key, value in node.value if key.value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


class ImportProblem(ValueError):
    def __init__(self, place, line, problem):
        where = ", ".join(str(part) for part in (place, f"line {line}" if line else None) if part)
        super().__init__(f"{where}: {problem}" if where else problem)
        self.place, self.line, self.problem = place, line, problem


def read(raw, name="upload.yaml"):
    """Parse and validate an uploaded survey file; return its data or raise ``ImportProblem``."""
    if len(raw) > MAX_BYTES:
        raise ImportProblem("", None, "the file is larger than 512 KB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportProblem("", None, "the file is not UTF-8 text") from None
    try:
        data = parse_yaml(text, name)
        definition_from_data(data, name)
    except SurveyDefinitionError as error:
        line = line_of(text, error.place) if error.place and not error.place.startswith("line ") else None
        raise ImportProblem(error.place, line, error.problem) from None
    return data
