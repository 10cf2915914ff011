"""Framework files: the shipped ones are valid; a bad file's error names the place in it."""

from pathlib import Path

import pytest
import yaml

from feedback_app.frameworks import FrameworkError, framework_files, load_file

FRAMEWORKS = Path(__file__).resolve().parents[3] / "frameworks"


def test_the_shipped_frameworks_are_valid():
    loaded = {d.slug: d for d in map(load_file, framework_files(FRAMEWORKS))}
    assert set(loaded) == {"section-11", "section-175", "case-audit"}
    section_11 = loaded["section-11"]
    assert [s.id for s in section_11.standards] == [
        "leadership", "responsibilities", "accountability", "childrens_views", "training", "safer_recruitment",
        "inter_agency", "information_sharing"]
    assert section_11.scale_kind == "rag" and [lv.value for lv in section_11.levels] == ["red", "amber", "green"]
    assert loaded["case-audit"].scale_kind == "four_grade" and loaded["case-audit"].overall_grade


def _write(tmp_path, change):
    data = yaml.safe_load((FRAMEWORKS / "section-11.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "section-11.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("change", "place", "problem"), [
    (lambda d: d["standards"][1].update(id="leadership"), "standards[1].id", "used twice"),
    (lambda d: d["standards"][2]["questions"][0].update(id="leadership_named"), "standards[2].questions[0].id",
     "used twice"),
    (lambda d: d["rating_scale"].update(kind="four_grade"), "rating_scale.levels", "a four_grade scale has 4 levels"),
    (lambda d: d["standards"][3].pop("questions"), "standards[3]", "'questions' is a required property"),
    (lambda d: d["standards"][0].update(rated="yes"), "standards[0].rated", "is not of type 'boolean'"),
    (lambda d: d.update(languages=["en", "cy"]), "title", "missing translation for cy"),
    (lambda d: d.update(slug="another-name"), "slug", "must match the file name"),
])
def test_a_bad_framework_file_is_refused_naming_the_place(tmp_path, change, place, problem):
    with pytest.raises(FrameworkError) as refused:
        load_file(_write(tmp_path, change))
    assert refused.value.place == place
    assert problem in refused.value.problem


def test_not_yaml_is_refused_with_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("slug: broken\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as refused:
        load_file(path)
    assert refused.value.place.startswith("line ")


def test_flask_frameworks_check_and_load(runner, tmp_path):
    bad = _write(tmp_path, lambda d: d["standards"][1].update(id="leadership"))
    result = runner.invoke(args=["frameworks", "check", str(FRAMEWORKS / "section-11.yaml"), str(bad)])
    assert result.exit_code == 1
    assert "section-11.yaml: valid (section-11, 8 standards)" in result.output
    assert "standards[1].id: standard id 'leadership' is used twice" in result.output
    first = runner.invoke(args=["frameworks", "load", "--directory", str(FRAMEWORKS)])
    assert first.exit_code == 0 and "section-11: created" in first.output
    again = runner.invoke(args=["frameworks", "load", "--directory", str(FRAMEWORKS)])
    assert "section-11: unchanged" in again.output
