"""Pairing codes and the browser's key: normalised, salted per course, never reversible to what was typed."""

import pytest

from feedback_app.services import training_pairing
from tests.feedback_app.test_training_fixtures import make_course, make_session, training_surveys  # noqa: F401


@pytest.mark.parametrize("street, day, code", [
    ("Elm Road", "7", "elm:07"), ("  ELM", " 07 ", "elm:07"), ("St. Mary's", "31", "stm:31"),
    ("Öster", "1", "öst:01"), ("E1", "7", None), ("Elm", "32", None), ("Elm", "0", None), ("", "", None),
    ("Elm", "", None), (None, None, None),
])
def test_codes_are_normalised(street, day, code):
    assert training_pairing.normalise_code(street, day) == code


def test_the_hash_is_salted_per_course_and_secret(app, create_user, training_surveys):  # noqa: F811
    trainer = create_user("trainer")
    course, other = make_course(trainer), make_course(trainer, title="Another")
    first = training_pairing.code_hash(course, "elm:07")
    assert first == training_pairing.code_hash(course, "elm:07")
    assert first != training_pairing.code_hash(other, "elm:07")
    assert first != training_pairing.code_hash(course, "elm:08")
    app.config["TRAINING_PAIRING_SECRET"] = "another secret"
    assert first != training_pairing.code_hash(course, "elm:07")


def test_the_pairing_for_each_stage(app, create_user, training_surveys):  # noqa: F811
    trainer = create_user("trainer")
    session = make_session(trainer, make_course(trainer))
    coded = training_pairing.code_hash(session.course, "elm:07")
    assert training_pairing.pairing_for(session, "after", "elm:07", "kept") == coded
    assert training_pairing.pairing_for(session, "after", None, "kept") == "kept"
    assert training_pairing.pairing_for(session, "followup", None, "kept") == "kept"
    fresh = training_pairing.pairing_for(session, "before", None, "kept")
    assert fresh != "kept" and len(fresh) == 64
    assert training_pairing.pairing_for(session, "after", None, None) != training_pairing.pairing_for(
        session, "after", None, None)


def test_the_cookie_is_signed_and_keeps_recent_sessions(app):
    value = training_pairing.cookie_value({}, 3, "abc")
    assert training_pairing.read_cookie(value) == {"3": "abc"}
    assert training_pairing.read_cookie(value[:-2] + "xx") == {}
    assert training_pairing.read_cookie(None) == {}
    keys = {}
    for session_id in range(15):
        keys = training_pairing.read_cookie(training_pairing.cookie_value(keys, session_id, f"k{session_id}"))
    assert list(keys) == [str(n) for n in range(5, 15)]
