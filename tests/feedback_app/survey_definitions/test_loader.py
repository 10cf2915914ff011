"""Survey files: validation with messages that name the file, the place and the problem."""

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Answer, Cohort, Response, Survey, SurveyVersion
from feedback_app.survey_definitions import SurveyDefinitionError, load_file
from tests.feedback_app.journey import answer_all, submit

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "surveys" / "all-types.yaml"


def _write(tmp_path, data, name=None):
    path = tmp_path / f"{name or data['slug']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _fixture():
    return yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_is_valid():
    definition = load_file(FIXTURE)
    assert definition.slug == "all-types"
    assert definition.languages == ("en", "cy")
    assert definition.anonymous is True
    assert definition.screening is True
    assert definition.exit_this_page is True
    assert [q.id for q in definition.theme_questions] == ["do_better"]
    types = {q.type for q in definition.questions}
    assert types == {"statement", "consent", "single_choice", "multiple_choice", "short_text", "rating",
                     "agreement", "grid", "number", "date", "yes_no", "long_text"}


def _mutate(change):
    data = _fixture()
    change(data)
    return data


INVALID = [
    (lambda d: d.pop("title"), "(top level)", "'title' is a required property"),
    (lambda d: d.update(audience="everyone"), "audience", "'everyone' is not one of"),
    (lambda d: d["pages"][2]["questions"][0].update(type="slider"), "pages[2].questions[0].type",
     "unknown answer type 'slider'"),
    (lambda d: d["pages"][2]["questions"][0]["options"][0].pop("value"), "pages[2].questions[0].options.0",
     "'value' is a required property"),
    (lambda d: d["pages"][10]["questions"][0].pop("max_length"), "pages[10].questions[0]",
     "'max_length' is a required property"),
    (lambda d: d["pages"][1]["questions"][0]["text"].pop("cy"), "pages[1].questions[0].text",
     "missing translation for cy"),
    (lambda d: d["pages"][5]["questions"][0]["labels"]["2"].pop("cy"), "pages[5].questions[0].labels.2",
     "missing translation for cy"),
    (lambda d: d["pages"][1]["questions"][0]["agree_label"].pop("cy"), "pages[1].questions[0].agree_label",
     "missing translation for cy"),
    (lambda d: d["pages"][3].update(id="age"), "pages[3].id", "page id 'age' is used twice"),
    (lambda d: d["pages"][2].update(show_if={"question": "sessions", "equals": 1}), "pages[2].show_if",
     "not on an earlier page"),
    (lambda d: d["pages"][5]["questions"][0].update(max=9), "pages[5].questions[0].style",
     "a faces scale has exactly 5 points"),
    (lambda d: d.update(opens="2026-05-01", closes="2026-04-01"), "closes", "the close date is before the open date"),
    (lambda d: d.update(opens="2026-13-45"), "opens", "is not a 'date'"),
    (lambda d: d["pages"][7]["questions"][0].update(min=10, max=1), "pages[7].questions[0].max",
     "max must not be less than min"),
]


@pytest.mark.parametrize(("change", "place", "problem"), INVALID)
def test_invalid_file_is_refused_naming_file_place_and_problem(tmp_path, change, place, problem):
    path = _write(tmp_path, _mutate(change), name="all-types")
    with pytest.raises(SurveyDefinitionError) as error:
        load_file(path)
    assert error.value.source == str(path)
    assert error.value.place == place
    assert problem in error.value.problem
    assert str(error.value).startswith(str(path))


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("slug: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(SurveyDefinitionError) as error:
        load_file(path)
    assert error.value.place.startswith("line ")
    assert "not valid YAML" in error.value.problem


def test_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("slug: latin\ntitle: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SurveyDefinitionError, match="not UTF-8"):
        load_file(path)


def test_slug_must_match_file_name(tmp_path):
    path = _write(tmp_path, _fixture(), name="other-name")
    with pytest.raises(SurveyDefinitionError, match="must match the file name"):
        load_file(path)


def test_yes_and_no_stay_strings(tmp_path):
    data = _fixture()
    data["pages"][2]["questions"][0]["options"][0]["value"] = "yes"
    path = tmp_path / "all-types.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False).replace("value: 'yes'", "value: yes"), encoding="utf-8")
    assert load_file(path).question("age_band").spec["options"][0]["value"] == "yes"


def test_check_command_validates_without_loading(runner, tmp_path):
    bad = _write(tmp_path, _mutate(lambda d: d.pop("pages")), name="all-types")
    result = runner.invoke(args=["surveys", "check", str(FIXTURE), str(bad)])
    assert result.exit_code == 1
    assert "valid (all-types, 12 questions)" in result.output
    assert f"{bad}: (top level): 'pages' is a required property" in result.output
    assert db.session.scalars(select(Survey)).all() == []


def test_load_is_idempotent(runner):
    first = runner.invoke(args=["surveys", "load"])
    second = runner.invoke(args=["surveys", "load"])
    assert "all-types: created (version 1)" in first.output
    assert "all-types: unchanged (version 1)" in second.output
    assert len(db.session.scalars(select(SurveyVersion)).all()) == 1
    assert len(db.session.scalars(select(Cohort)).all()) == 2


def test_invalid_file_loads_nothing(runner, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "all-types.yaml")
    _write(tmp_path, {"slug": "bad", "title": "Bad", "audience": "practitioners", "pages": []})
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert result.exit_code == 1
    assert "bad.yaml: pages" in result.output
    assert db.session.scalars(select(Survey)).all() == []


def test_changed_file_makes_a_new_version_and_responses_keep_theirs(runner, client_request, tmp_path):
    shutil.copy(FIXTURE, tmp_path / "all-types.yaml")
    runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    answer_all(client_request)
    submit(client_request)
    # A draft started on version 1 ...
    answer_all(client_request)

    data = _fixture()
    data["pages"][10]["questions"][0]["text"] = {"en": "What one thing should change?", "cy": "Beth ddylai newid?"}
    _write(tmp_path, data)
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert "all-types: new version (version 2)" in result.output

    # ... is finished on version 1, and a new respondent gets version 2.
    submit(client_request)
    client_request.client.get("/exit")
    answer_all(client_request)
    check = client_request.get("/s/all-types/check")
    assert "What one thing should change?" in check.text
    submit(client_request)

    versions = {v.number: v.id for v in db.session.scalars(select(SurveyVersion))}
    responses = db.session.scalars(select(Response).order_by(Response.id)).all()
    assert [r.survey_version_id for r in responses] == [versions[1], versions[1], versions[2]]
    assert len(db.session.scalars(select(Answer).where(Answer.question_id == "do_better")).all()) == 3


def test_a_text_parsed_again_gives_its_caller_a_copy_of_its_own():
    """Parsed texts are kept per process (survey files are read at each load): what one caller changes, the next
    does not see, and a bad text is refused every time, naming its own file."""
    from feedback_app.survey_definitions.loader import parse_yaml

    text = "slug: kept\nquestions:\n  - id: a\n    text: {en: A}\n"
    first = parse_yaml(text, "one.yaml")
    first["questions"][0]["text"]["en"] = "changed"
    first["slug"] = "changed"
    assert parse_yaml(text, "two.yaml") == {"slug": "kept", "questions": [{"id": "a", "text": {"en": "A"}}]}
    for source in ("one.yaml", "two.yaml"):
        with pytest.raises(SurveyDefinitionError, match=source):
            parse_yaml("slug: [unclosed\n", source)
