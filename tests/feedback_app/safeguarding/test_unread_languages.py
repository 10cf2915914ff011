"""Answers the screen cannot read (Welsh, Urdu) reach a person without burying the possible disclosures.

A Welsh or Urdu youth survey raises an alert for every free-text answer. Each still reaches a DSL, but in
its own part of the queue and in one email a run, not one email each.
"""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback_app import jobs, queries
from feedback_app.extensions import db
from feedback_app.models import OutboxEmail
from feedback_app.queries import safeguarding as alert_queries
from feedback_app.services import safeguarding, survey_loader
from tests.conftest import PASSWORD
from tests.feedback_app.safeguarding_data import DISCLOSURE, REAL_SURVEYS, alerts, submit_youth

WELSH = "Mae fy llystad yn fy nharo i pan mae o wedi meddwi"
URDU = "میرے چچا مجھے مارتے ہیں"


@pytest.fixture
def youth(app):
    survey_loader.load_directory(REAL_SURVEYS)


def _raise(categories_by_text):
    """One response, and an alert on it for each ``text -> categories``, not yet emailed."""
    submit_youth_id = db.session.execute(db.text("select max(id) from response")).scalar()
    survey_id = db.session.execute(db.text("select survey_id from response where id = :id"),
                                   {"id": submit_youth_id}).scalar()
    made = []
    with queries.transaction():
        for text, categories in categories_by_text.items():
            made.append(alert_queries.add_alert(submit_youth_id, survey_id, "biggest_worry", text, categories, [],
                                                datetime.now(UTC) + timedelta(days=1)))
    return [alert.id for alert in made]


def _notify(app):
    with app.app_context():
        return safeguarding.notify_new_alerts()


def test_answers_the_screen_cannot_read_share_one_email_per_dsl(app, youth, client_request, create_user,
                                                               smtp_server):
    create_user("dsl", email="dsl.one@partnership.example")
    create_user("dsl", email="dsl.two@partnership.example")
    submit_youth(client_request, cohort=False)
    jobs.join_all(timeout=30)
    db.session.query(OutboxEmail).delete()
    for alert in alerts():  # only the alerts raised below are new
        alert.mail_queued_at = alert.notified_at = datetime.now(UTC)
    db.session.commit()
    unread = _raise({WELSH: ["not_screened:cy"], URDU: ["not_screened:ur"], URDU + " ۔": ["not_screened:ur"]})
    [disclosure] = _raise({DISCLOSURE: ["sexual_abuse"]})

    assert _notify(app) == (4, 0)
    assert jobs.join_all(timeout=30)

    subjects = sorted((str(m["To"]), str(m["Subject"])) for m in smtp_server.messages)
    assert subjects == [
        ("dsl.one@partnership.example", "A survey answer needs a safeguarding review"),
        ("dsl.one@partnership.example", "Survey answers the safeguarding screen cannot read"),
        ("dsl.two@partnership.example", "A survey answer needs a safeguarding review"),
        ("dsl.two@partnership.example", "Survey answers the safeguarding screen cannot read"),
    ]
    digest = next(m for m in smtp_server.messages if "cannot read" in str(m["Subject"]))
    body = digest.get_content()
    assert "3 free-text answers" in body and "Urdu, Welsh" in body
    assert "/staff/safeguarding/" in body
    assert WELSH not in body and URDU not in body, "never the answers themselves"
    db.session.expire_all()
    for alert in alerts():
        if alert.id in unread or alert.id == disclosure:
            assert alert.notified_at is not None, alert.id
    assert db.session.scalars(select(OutboxEmail)).all() == [], "every email was taken by the mail server"

    assert _notify(app) == (0, 0), "nothing is emailed twice"


def test_a_failing_digest_shows_every_answer_it_covers_as_undelivered(app, youth, client_request, create_user):
    dsl = create_user("dsl", email="dsl@partnership.example")
    submit_youth(client_request, cohort=False)
    jobs.join_all(timeout=30)
    for alert in alerts():
        alert.mail_queued_at = alert.notified_at = datetime.now(UTC)
    db.session.commit()
    unread = _raise({WELSH: ["not_screened:cy"], URDU: ["not_screened:ur"]})
    app.config["MAIL_PORT"] = 9  # nothing listens here
    assert _notify(app) == (2, 0)
    assert jobs.join_all(timeout=30)
    assert set(alert_queries.failing_alert_ids()) == set(unread)
    client_request.submit("/staff/sign-in", {"email": dsl.email, "password": PASSWORD})
    page = client_request.get("/staff/safeguarding/")
    banner = page.select_one(".app-safeguarding-banner")
    assert banner is not None
    assert {item["data-reason"] for item in banner.select(".app-safeguarding-banner__reason")} == {"mail"}


def test_the_queue_lists_them_apart_from_possible_disclosures(youth, client_request, sign_in):
    submit_youth(client_request, {"biggest_worry": DISCLOSURE}, cohort=False)
    [disclosure] = [alert.id for alert in alerts()]
    [welsh] = _raise({WELSH: ["not_screened:cy"]})
    sign_in("dsl")
    page = client_request.get("/staff/safeguarding/")
    tables = page.select("table.govuk-table")
    assert [table.select_one("caption").text.strip() for table in tables] == [
        "Possible disclosures", "Answers the screen cannot read"]
    first, second = ({a["href"] for a in table.select("tbody a")} for table in tables)
    assert first == {f"/staff/safeguarding/{disclosure}"}
    assert second == {f"/staff/safeguarding/{welsh}"}
    assert "Not screened: written in Welsh" in tables[1].select_one("tbody").text


def test_only_unread_languages_count_as_unread():
    class Alert:
        def __init__(self, categories):
            self.categories = categories

    assert safeguarding.unread_only(Alert(["not_screened:cy"]))
    assert safeguarding.unread_only(Alert(["not_screened:cy", "not_screened:ur"]))
    assert not safeguarding.unread_only(Alert(["not_screened:ur", "physical_abuse"])), "a category read in it"
    assert not safeguarding.unread_only(Alert(["self_harm"]))
    assert not safeguarding.unread_only(Alert([]))


def test_overdue_answers_the_screen_cannot_read_are_escalated_in_one_email(app, youth, client_request, create_user,
                                                                           smtp_server, runner):
    create_user("dsl")
    app.config["SAFEGUARDING_ESCALATION_EMAIL"] = "deputy@partnership.example"
    submit_youth(client_request, cohort=False)
    unread = _raise({WELSH: ["not_screened:cy"], URDU: ["not_screened:ur"], URDU + " ۔": ["not_screened:ur"]})
    [disclosure] = _raise({DISCLOSURE: ["sexual_abuse"]})
    for alert in alerts():
        alert.due_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()
    smtp_server.messages.clear()

    result = runner.invoke(args=["safeguarding", "escalate"])
    assert "Escalated 4 alerts" in result.output
    assert jobs.join_all(timeout=30)
    escalations = [m for m in smtp_server.messages if str(m["To"]) == "deputy@partnership.example"]
    assert sorted(str(m["Subject"]) for m in escalations) == [
        "Overdue: a safeguarding alert has not been reviewed",
        "Overdue: survey answers the safeguarding screen cannot read have not been read"]
    digest = next(m for m in escalations if "cannot read" in str(m["Subject"]))
    assert "3 free-text answers" in digest.get_content() and URDU not in digest.get_content()
    db.session.expire_all()
    assert all(alert.escalated_at is not None for alert in alerts() if alert.id in [*unread, disclosure])
    assert "Escalated 0 alerts" in runner.invoke(args=["safeguarding", "escalate"]).output, "escalated once"
