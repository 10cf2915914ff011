"""Abandoned drafts keep no readable free text at rest; the respondent still sees what they typed."""

import pytest
from sqlalchemy import text

from feedback_app.extensions import db
from tests.feedback_app import journey

pytestmark = pytest.mark.usefixtures("surveys_loaded")

TYPED = "My name is Jo Bloggs, 07700 900123, 12 Acacia Avenue"


def test_free_text_in_a_draft_is_not_readable_in_the_database(client_request):
    journey.answer_all(client_request, overrides={"better": {"do_better": TYPED}})
    raw = " ".join(str(value) for row in db.session.execute(text("SELECT * FROM draft")).all() for value in row)
    assert "Jo Bloggs" not in raw and "07700" not in raw and "Acacia" not in raw
    page = client_request.get(journey.page_url("better", change=True))
    assert page.select_one("textarea[name=do_better]").text.strip() == TYPED
    check = client_request.get(f"/s/{journey.SLUG}/check")
    assert "Acacia Avenue" in check.text
