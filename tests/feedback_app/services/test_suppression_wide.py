"""The audit of tables taken together (``suppression_audit``) beyond its first shapes: a multiple-choice question
wider than ``ALL_SUBSETS_UP_TO`` options (audited over profiles, ``suppression_patterns.ChoiceFamily``), and three
breakdown questions (an item with three breakdowns audited as one family when small).

The fixed cases and the property tests reuse ``test_suppression_linked.Published``: every table the results
service publishes, made with the audit as ``services.results`` runs it, checked exactly by integer programming
over the number of responses per pattern of answers (year, the set of options chosen, each breakdown's answer),
independently of the audit's own formulation. ``test_profiles_and_patterns_find_the_same_figures`` runs the audit
both ways (every set of options, or per profile) on the same data: both are exact, so they must hide the same.
"""

from unittest import mock

from hypothesis import HealthCheck, given, settings

from feedback_app.services import suppression_audit
from feedback_app.services.suppression import reason, shown
from tests.feedback_app.services.test_suppression_linked import _publish, response_sets

WIDE = {"a": 5, "b1": 2, "b2": 2}
THREE = {"a": 3, "b1": 2, "b2": 2, "b3": 2}
NARROW_THREE = {"a": 4, "b1": 2, "b2": 2, "b3": 2}
# Kept small for the suite's 15-minute budget (200 examples of three breakdowns took 54 s): the regressions are
# held by the fixed cases above each property test; 1,264 and 191 more random examples of these shapes found
# nothing on the audit (session note, 3 December).
# Derandomized; WIDE 40 and THREE 50 until 7 December (CI time): the examples left out pass on this code.
EXAMPLES_WIDE = 25
EXAMPLES_THREE = 30  # (on these derandomized examples the audit of pairs first fails past 100: the fixed case holds it)
EXAMPLES_SAME = 8


def test_a_wide_multiple_choice_count_bounded_by_its_people_answering_elsewhere():
    """``test_suppression_linked``'s case (seed 9) with five options (two of them chosen): once not audited at all
    (wider than four). In year 2 the one response in ``b2`` 0 that answered ``a`` chose 0 alone (hidden, small);
    everyone answering that year chose 0 (4 of 4) and 3 chose 1, all outside ``b2`` 0, so "people answering at
    least the largest count" left that group's 0 exactly 1. The audit over profiles hides the 0 shown for
    option 1 in that group."""
    rows = [(0, None, None, None)] * 3 + [(0, None, None, 1)] + [(1, frozenset({0, 1}), None, None)] * 3
    rows += [(1, None, None, 0)] * 3 + [(1, frozenset({0}), None, 0)]
    published = _publish(2, rows, True, 3, by="b2", options=WIDE)
    published.check()
    hidden = published.figures[published.where[("a", "by", "b2", 1, 0, 1)]][2]
    assert not shown(hidden) and reason(hidden) == "protect"
    assert not published.stuck


def test_three_breakdowns_together_are_protected():
    """Found by ``test_three_breakdown_questions_give_nothing_away`` on the audit of pairs: the 2 responses that
    answered ``b2`` 0 and not ``b1`` (``b2`` by ``b1``, hidden, small) were pinned by the tables of ``a``, ``b1``,
    ``b2`` and ``b3`` taken together, which no family of an item and two breakdowns holds. ``a`` with all
    three breakdowns is now one family, and it hides one more figure of ``a`` by ``b1``."""
    rows = [(0, None, None, None, None)] + [(0, None, None, 0, None)] * 2 + [(0, None, 0, 0, 0)] * 4
    rows += [(0, frozenset({0}), None, None, 1)] * 3
    published = _publish(1, rows, True, 3, options=THREE)
    published.check()
    assert not published.stuck
    assert not shown(published.figures[published.where[("a", "by", "b1", 0, None, 0)]][2])


@settings(max_examples=EXAMPLES_WIDE, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(response_sets(options=WIDE, multiple=True))
def test_a_wide_multiple_choice_question_gives_nothing_away(data):
    _publish(*data, options=WIDE).check()


@settings(max_examples=EXAMPLES_THREE, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(response_sets(options=THREE))
def test_three_breakdown_questions_give_nothing_away(data):
    _publish(*data, options=THREE).check()


@settings(max_examples=EXAMPLES_SAME, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(response_sets(options=NARROW_THREE, multiple=True))
def test_profiles_and_patterns_find_the_same_figures(data):
    """Four options and three breakdowns: the audit over every set of options and over profiles agree (the first
    is some 15 times slower here, so the examples are few)."""
    found = []
    for bound in (4, 0):  # every multiple-choice question over sets of options, then over profiles
        # (the triple-family limit is raised so that both formulations, of different sizes, audit the same families)
        with mock.patch.object(suppression_audit, "ALL_SUBSETS_UP_TO", bound), \
                mock.patch.object(suppression_audit, "TRIPLES_UP_TO", 2000):
            published = _publish(*data, options=NARROW_THREE)
        found.append((published.extra, published.stuck))
    assert found[0] == found[1]
