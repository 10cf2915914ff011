"""Property tests of the audit of tables taken together (``suppression_audit``) beyond its first shapes: a
multiple-choice question wider than four options, and three breakdown questions.

They reuse ``test_suppression_linked.Published``: every table the results service publishes, made with the
audit as ``services.results`` runs it, checked exactly by integer programming over the number of responses per
pattern of answers (year, the set of options chosen, each breakdown's answer).
"""

from hypothesis import HealthCheck, given, settings

from tests.feedback_app.services.test_suppression_linked import _publish, response_sets

WIDE = {"a": 5, "b1": 2, "b2": 2}
THREE = {"a": 3, "b1": 2, "b2": 2, "b3": 2}
EXAMPLES_WIDE = 200
EXAMPLES_THREE = 200


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
