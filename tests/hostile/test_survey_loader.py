"""Hostile survey files: every broken file is refused with a SurveyDefinitionError, never a crash,
and a load with any bad file in the folder writes nothing at all."""

import copy
import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from feedback_app.extensions import db
from feedback_app.forms.respond import page_form
from feedback_app.models import Survey, SurveyVersion
from feedback_app.survey_definitions import SurveyDefinitionError, definition_from_data, load_file

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "surveys" / "all-types.yaml"
VALID_TEXT = FIXTURE.read_text(encoding="utf-8")
VALID_DATA = yaml.safe_load(VALID_TEXT)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _paths(node, path=()):
    yield path
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _paths(value, (*path, index))


PATHS = [path for path in _paths(VALID_DATA) if path]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(["", "en", "cy", "a" * 5000, "slug-x", "2026-02-30", "single_choice"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=10,
)


def _mutate(data, path, operation, value):
    mutated = copy.deepcopy(data)
    parent = mutated
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if operation == "replace":
        parent[last] = value
    elif operation == "delete":
        del parent[last]
    elif operation == "duplicate" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif operation == "unexpected" and isinstance(parent, dict):
        parent[f"unexpected_{last}"] = value
    else:
        parent[last] = [parent[last], value]
    return mutated


def _check_usable(app, definition):
    """A definition that passes validation can be shown: every page's form builds."""
    with app.test_request_context():
        for page in definition.pages:
            for language in definition.languages:
                page_form(page, {}, language)


@SETTINGS
@given(path=st.sampled_from(PATHS), operation=st.sampled_from(["replace", "delete", "duplicate", "unexpected", "wrap"]),
       value=json_values)
def test_wrong_types_missing_and_unexpected_fields_are_refused_cleanly(app, path, operation, value):
    data = _mutate(VALID_DATA, path, operation, value)
    try:
        definition = definition_from_data(json.loads(json.dumps(data)), "hostile.yaml")
    except SurveyDefinitionError as error:
        assert str(error).startswith("hostile.yaml: ")
    else:
        _check_usable(app, definition)


@SETTINGS
@given(raw=st.binary(max_size=2000))
def test_arbitrary_bytes_are_refused_cleanly(tmp_path, raw):
    path = tmp_path / "all-types.yaml"
    path.write_bytes(raw)
    with pytest.raises(SurveyDefinitionError):
        load_file(path)


@SETTINGS
@given(text=st.text(max_size=500), cut=st.integers(0, len(VALID_TEXT)))
def test_arbitrary_and_truncated_text_is_refused_cleanly(tmp_path, text, cut):
    path = tmp_path / "all-types.yaml"
    for content in (text, VALID_TEXT[:cut] + text, VALID_TEXT[:cut]):
        path.write_bytes(content.encode("utf-8", errors="surrogatepass"))
        try:
            load_file(path)
        except SurveyDefinitionError:
            pass


def test_huge_and_deeply_nested_files_are_refused_cleanly(tmp_path):
    path = tmp_path / "all-types.yaml"
    for content in ("[" * 5000 + "]" * 5000, "a: &a [*a]", "x: " + "y" * 2_000_000, "&a a: [*a, *a, *a]\n" * 3,
                    "slug: all-types\n" + "title: t\n" * 1000, VALID_TEXT + "summary: &s {en: *s}\n",
                    VALID_TEXT + "cohorts: &c [{code: a, label: *c}]\n"):
        path.write_text(content, encoding="utf-8")
        with pytest.raises(SurveyDefinitionError):
            load_file(path)


@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(path=st.sampled_from(PATHS), value=json_values)
def test_a_folder_with_one_bad_file_loads_nothing(app, runner, tmp_path_factory, path, value):
    folder = tmp_path_factory.mktemp("surveys")
    (folder / "all-types.yaml").write_text(VALID_TEXT, encoding="utf-8")
    broken = _mutate(VALID_DATA, path, "replace", value)
    broken["slug"] = "zz-broken"
    (folder / "zz-broken.yaml").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(args=["surveys", "load", "--directory", str(folder)])
    loaded = db.session.scalar(select(func.count()).select_from(Survey))
    if result.exit_code != 0:
        assert "zz-broken.yaml" in result.output
        assert loaded == 0 and db.session.scalar(select(func.count()).select_from(SurveyVersion)) == 0
    else:
        assert loaded == 2
    db.session.rollback()
    for table in ("cohort", "survey_version", "survey"):
        db.session.execute(db.text(f"DELETE FROM {table}"))  # noqa: S608 - fixed table names
    db.session.commit()
