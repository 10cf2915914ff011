"""`flask surveys load` keeps a version made live in the builder unless the file is newer (issue 21)."""

import os
import shutil
import time
from pathlib import Path

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Survey, SurveyVersion
from tests.feedback_app.views.builder_steps import BASE, make_live, translate_missing

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "surveys" / "all-types.yaml"


def _versions():
    db.session.expire_all()
    return list(db.session.scalars(select(SurveyVersion).order_by(SurveyVersion.number)))


def test_the_builder_version_wins_unless_the_file_is_newer(runner, client_request, sign_in, tmp_path):
    path = tmp_path / "all-types.yaml"
    shutil.copy(FIXTURE, path)
    old = time.time() - 3600
    os.utime(path, (old, old))
    assert "all-types: created (version 1)" in runner.invoke(
        args=["surveys", "load", "--directory", str(tmp_path)]).output
    sign_in("admin")
    settings = client_request.get(f"{BASE}/all-types/settings")
    data = {field["name"]: field.get("value", "") for field in settings.select("input[type=text]")}
    data.update({textarea["name"]: textarea.text.strip() for textarea in settings.select("textarea")})
    data.update({"title": "Every answer type, changed in the browser", "audience": "young_people",
                 "closes-day": "31", "closes-month": "12", "closes-year": "2031"})
    client_request.submit(f"{BASE}/all-types/settings", data)
    translate_missing(client_request, "all-types", "cy", "Pob math o ateb, wedi newid yn y porwr")
    make_live(client_request, "all-types")
    assert [(v.number, v.source) for v in _versions()] == [(1, "file"), (2, "builder")]

    # The file is older than the builder's version: loading it keeps the builder's wording and dates.
    path.write_text(path.read_text(encoding="utf-8").replace("Thank you.", "Thank you very much."), encoding="utf-8")
    os.utime(path, (old, old))
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "all-types: kept builder version (version 2); kept the version made in the survey builder by " \
           "admin@partnership.example" in result.output
    survey = db.session.scalar(select(Survey).where(Survey.slug == "all-types"))
    assert survey.title == "Every answer type, changed in the browser" and str(survey.closes_on) == "2031-12-31"
    assert len(_versions()) == 2

    # Once the file is changed after that, the file wins and the command says so.
    os.utime(path, None)
    result = runner.invoke(args=["surveys", "load", "--directory", str(tmp_path)])
    assert "all-types: new version (version 3)" in result.output
    db.session.expire_all()
    survey = db.session.scalar(select(Survey).where(Survey.slug == "all-types"))
    assert survey.title == "Every answer type" and survey.closes_on is None
    assert _versions()[-1].source == "file"
