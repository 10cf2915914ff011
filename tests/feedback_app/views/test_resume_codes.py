"""Save-and-return codes work once, and only on their own survey."""

import shutil

import pytest

from tests.conftest import ClientRequest, path_of
from tests.feedback_app.journey import SLUG, answer, page_url, start

OTHER = "other-survey"


@pytest.fixture(autouse=True)
def two_surveys(app, runner, tmp_path):
    """The all-types fixture survey and a copy of it under another slug, both open."""
    source = app.config["SURVEYS_DIR"] / "all-types.yaml"
    shutil.copy(source, tmp_path / "all-types.yaml")
    text = source.read_text(encoding="utf-8").replace(f"slug: {SLUG}", f"slug: {OTHER}", 1)
    (tmp_path / f"{OTHER}.yaml").write_text(text, encoding="utf-8")
    app.config["SURVEYS_DIR"] = tmp_path
    result = runner.invoke(args=["surveys", "load"])
    assert result.exit_code == 0, result.output


def _saved_code(client_request):
    start(client_request)
    for page_id in ("intro", "consent", "age"):
        answer(client_request, page_id)
    response = client_request.submit(page_url("worries"), {"worries": ["online"], "action": "save"})
    return client_request.get(path_of(response.location)).select_one("#resume-code").text.strip()


def test_a_resume_code_works_once(app, client_request):
    code = _saved_code(client_request)
    first = ClientRequest(app.test_client())
    response = first.submit(f"/s/{SLUG}/resume", {"code": code})
    assert path_of(response.location) == f"/s/{SLUG}/next"
    second = ClientRequest(app.test_client())
    page = second.submit(f"/s/{SLUG}/resume", {"code": code}, _expected_status=422)
    assert "We could not find answers saved with that code" in page.select_one(".govuk-error-message").text


def test_a_code_entered_on_another_survey_does_not_sign_the_holder_out(app, client_request):
    code = _saved_code(client_request)
    stranger = ClientRequest(app.test_client())
    stranger.submit(f"/s/{OTHER}/resume", {"code": code}, _expected_status=422)
    # Whoever has the draft open keeps it...
    page = client_request.get(page_url("worries"))
    assert page.select_one("input[value=online]").has_attr("checked")
    # ...and the code still works on its own survey.
    response = ClientRequest(app.test_client()).submit(f"/s/{SLUG}/resume", {"code": code})
    assert path_of(response.location) == f"/s/{SLUG}/next"
