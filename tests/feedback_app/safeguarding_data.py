"""A young person's disclosure, submitted through the youth survey's real pages and submit path."""

from pathlib import Path

from sqlalchemy import select

from feedback_app.extensions import db
from feedback_app.models import Cohort, SafeguardingAlert, Survey
from feedback_app.survey_definitions import load_file
from tests.conftest import path_of
from tests.surveys.answers import page_answers

REAL_SURVEYS = Path(__file__).resolve().parents[2] / "surveys"
YOUTH = "youth-voice"
# "trampoline" is the marker: it must never be found outside the safeguarding area.
DISCLOSURE = "my uncle touches me at the trampoline park and says its our secret"
MARKER = "trampoline"


def youth_definition():
    return load_file(REAL_SURVEYS / f"{YOUTH}.yaml")


def submit_youth(client_request, free_text=None, variant=0, cohort=True):
    """Walk the youth survey as a young person would and send it; ``free_text`` answers a question by id.

    Returns the response's survey id. The client's respondent session is ended afterwards.
    """
    definition = youth_definition()
    survey = db.session.scalar(select(Survey).where(Survey.slug == YOUTH))
    query = ""
    if cohort:
        first = db.session.scalars(select(Cohort).where(Cohort.survey_id == survey.id).order_by(Cohort.id)).first()
        query = f"?c={first.token}"
    start = client_request.submit(f"/s/{YOUTH}/start", _form_url=f"/s/{YOUTH}{query}")
    location = path_of(start.location)
    while location.startswith(f"/s/{YOUTH}/q/"):
        page_id = location.rsplit("/", 1)[1]
        form, _values = page_answers(definition.page(page_id), variant)
        for question_id, text in (free_text or {}).items():
            if question_id in form:
                form[question_id] = text
        location = path_of(client_request.submit(location, form).location)
    assert location == f"/s/{YOUTH}/check", location
    done = client_request.submit(f"/s/{YOUTH}/check", {})
    assert path_of(done.location) == f"/s/{YOUTH}/confirmation"
    client_request.client.get("/exit")
    return survey.id


def alerts():
    return list(db.session.scalars(select(SafeguardingAlert).order_by(SafeguardingAlert.id)))
