"""The impact report of a session with known answers: every figure, exactly.

The attendees (by pairing hash) of the session, 12 attended:

* A, B, C: before and after (C opts out of one objective after); A also the follow-up;
* D, G: before only; E: after and follow-up; F: follow-up only;
* X: two people chose the same code and both did the before form, so X pairs
  nothing before; one of them did the after form and the follow-up;
* one before form with no pairing hash at all;
* another session of the same course has an attendee with hash A too: it is
  not counted here and not paired with this session's A.
"""

from decimal import Decimal

import pytest

from feedback_app.services import training_report
from feedback_app.services.suppression import PROTECTED, SUPPRESSED
from feedback_app.services.training_impact import attendees, mean, rate
from tests.feedback_app.test_training_fixtures import add_response, make_course, make_session, training_surveys  # noqa: F401

D = Decimal


def _answers(session, other):
    before = [
        ("A", {"confidence": {"o1": 2, "o2": 3}, "hopes": "Learn about neglect"}),
        ("B", {"confidence": {"o1": 1, "o2": "dont_know"}}),
        ("C", {"confidence": {"o1": 3, "o2": 2}}),
        ("D", {"confidence": {"o1": 4, "o2": 4}}),
        ("X", {"confidence": {"o1": 1, "o2": 1}}),
        ("X", {"confidence": {"o1": 2, "o2": 2}}),
        (None, {"confidence": {"o1": 3}}),
        ("G", {"confidence": {"o1": 1, "o2": 3}}),
    ]
    after = [
        ("A", {"confidence": {"o1": 4, "o2": 5}, "relevance": 5, "delivery": 4,
               "do_differently": "Ask more questions"}),
        ("B", {"confidence": {"o1": 3, "o2": 4}, "relevance": 4, "delivery": 4}),
        ("C", {"confidence": {"o1": "dont_know", "o2": 4}, "relevance": 3, "delivery": 5}),
        ("E", {"confidence": {"o1": 5, "o2": 5}, "relevance": 5, "delivery": 2}),
        ("X", {"confidence": {"o1": 2, "o2": 3}, "relevance": 4, "delivery": 4}),
    ]
    followup = [
        ("A", {"applied": {"o1": "yes", "o2": "yes"}, "practice_changed": "a_lot",
               "practice_example": "I use the screening tool", "difference": "clear",
               "difference_example": "A family got help sooner", "barriers": ["time"], "barriers_detail": "Workload"}),
        ("E", {"applied": {"o1": "dont_know", "o2": "no"}, "practice_changed": "not_at_all",
               "difference": "dont_know", "barriers": ["workload", "manager_support"]}),
        ("F", {"applied": {"o1": "yes"}, "practice_changed": "a_little", "difference": "some",
               "barriers": ["nothing"]}),
        ("X", {"applied": {"o1": "partly", "o2": "yes"}, "practice_changed": "dont_know", "difference": "not_yet",
               "barriers": ["no_chance"]}),
    ]
    for stage, rows in (("before", before), ("after", after), ("followup", followup)):
        for pairing, answers in rows:
            add_response(session, stage, pairing, answers)
    add_response(other, "before", "A", {"confidence": {"o1": 5, "o2": 5}})
    add_response(other, "after", "Z", {"confidence": {"o1": 1, "o2": 1}, "relevance": 1, "delivery": 1})


@pytest.fixture
def known(app, training_surveys, create_user):  # noqa: F811
    trainer = create_user("trainer")
    course = make_course(trainer)
    session = make_session(trainer, course, attendance=12)
    other = make_session(trainer, course, attendance=3)
    _answers(session, other)
    return trainer, course, session, other


def test_means_and_rates_round_half_up():
    assert mean(17, 8) == D("2.13")  # 2.125: half up, not to even
    assert mean(0, 0) is None
    assert rate(8, 12) == 67 and rate(1, 8) == 13 and rate(5, None) is None
    assert rate(SUPPRESSED, 12) is SUPPRESSED


def test_a_code_used_twice_at_one_stage_pairs_nothing_there():
    links = [(1, 9, "before", "X"), (2, 9, "before", "X"), (3, 9, "after", "X"), (4, 9, "after", None)]
    assert attendees(links) == {(9, "X"): {"after": 3}}


def test_every_figure_of_a_session_report(known):
    _trainer, course, session, _other = known
    found = training_report.report([session], suppress=False)
    impact = found.impact

    assert not impact.suppressed
    assert [(row.session.id, row.attendance, row.responses) for row in impact.sessions] == [
        (session.id, 12, {"before": 8, "after": 5, "followup": 4})]
    reach = impact.reach
    assert reach.attendance == 12
    assert reach.responses == {"before": 8, "after": 5, "followup": 4}
    assert reach.rates == {"before": 67, "after": 42, "followup": 33}
    assert (reach.before_after, reach.after_followup, reach.all_three) == (3, 3, 1)

    [figures] = impact.courses
    assert figures.course.id == course.id
    confidence = [(c.objective_id, c.text, c.before_n, c.before_mean, c.after_n, c.after_mean, c.pairs,
                   c.paired_before, c.paired_after, c.change) for c in figures.confidence]
    assert confidence == [
        ("o1", "Spot the signs of neglect", 8, D("2.13"), 4, D("3.50"), 2, D("1.50"), D("3.50"), D("2.00")),
        ("o2", "Use the neglect screening tool", 6, D("2.50"), 5, D("4.20"), 2, D("2.50"), D("4.50"), D("2.00")),
    ]
    assert [(a.objective_id, a.counts, a.answered) for a in figures.applied] == [
        ("o1", [("yes", 2), ("partly", 1), ("no", 0), ("dont_know", 1)], 4),
        ("o2", [("yes", 2), ("partly", 0), ("no", 1), ("dont_know", 0)], 3),
    ]

    relevance, delivery = impact.reaction["relevance"], impact.reaction["delivery"]
    assert (relevance.counts, relevance.answered, relevance.mean) == (
        [(1, 0), (2, 0), (3, 1), (4, 2), (5, 2)], 5, D("4.20"))
    assert (delivery.counts, delivery.answered, delivery.mean) == (
        [(1, 0), (2, 1), (3, 0), (4, 3), (5, 1)], 5, D("3.80"))

    followup = impact.followup
    assert (followup["practice_changed"].counts, followup["practice_changed"].answered) == (
        [("a_lot", 1), ("a_little", 1), ("not_at_all", 1), ("dont_know", 1)], 4)
    assert (followup["difference"].counts, followup["difference"].answered) == (
        [("clear", 1), ("some", 1), ("not_yet", 1), ("dont_know", 1)], 4)
    assert (followup["barriers"].counts, followup["barriers"].answered) == (
        [("time", 1), ("workload", 1), ("manager_support", 1), ("agency_rules", 0), ("other_agencies", 0),
         ("no_chance", 1), ("other", 0), ("nothing", 1)], 4)

    assert impact.texts == {
        "hopes": ["Learn about neglect"], "do_differently": ["Ask more questions"],
        "practice_example": ["I use the screening tool"], "difference_example": ["A family got help sooner"],
        "barriers_detail": ["Workload"],
    }
    assert set(found.levels) == {"reaction", "learning", "behaviour", "results"}
    assert found.confidence_charts[0] is not None and "<svg" in found.confidence_charts[0]


def test_a_course_report_adds_up_its_sessions_and_hides_small_figures(known):
    _trainer, course, session, other = known
    impact = training_report.report([session, other], suppress=True).impact
    assert impact.suppressed
    assert impact.reach.attendance == 15
    # 9 before, 6 after, 4 follow-up (under 5, hidden). The other session has fewer than 5 answers, so
    # all its figures are hidden, and so are this session's where they would give them away.
    assert impact.reach.responses == {"before": 9, "after": 6, "followup": SUPPRESSED}
    assert impact.reach.rates == {"before": 60, "after": 40, "followup": SUPPRESSED}
    # This session's figures are hidden to protect the other's, and marked so (not as a small group).
    assert [row.responses for row in impact.sessions] == [
        {"before": PROTECTED, "after": PROTECTED, "followup": SUPPRESSED},
        {"before": SUPPRESSED, "after": SUPPRESSED, "followup": SUPPRESSED},
    ]
    # Pairs stay within a session: the other session's A is not this session's A.
    assert (impact.reach.before_after, impact.reach.after_followup, impact.reach.all_three) == (
        SUPPRESSED, SUPPRESSED, SUPPRESSED)
    o1 = impact.courses[0].confidence[0]
    assert (o1.before_n, o1.before_mean, o1.pairs, o1.paired_before) == (9, D("2.44"), SUPPRESSED, SUPPRESSED)
    assert impact.reaction["relevance"].mean == D("3.67")
