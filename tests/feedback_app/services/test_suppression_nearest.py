"""The audit's linear program (``suppression_nearest``): whole nearest counts, a proof of none, or undecided."""

import numpy as np
from scipy.optimize import LinearConstraint

from feedback_app.services.suppression_nearest import INFEASIBLE, nearest


def test_the_nearest_whole_counts_moving_a_hidden_figure_into_its_window():
    true = np.array([2.0, 3.0, 4.0])
    shown = [LinearConstraint(np.array([[1.0, 1.0, 0.0]]), [5], [5])]  # x0 + x1 shown as 5; x2 free
    found = nearest(true, shown, np.array([1, 0, 0]), 3, 6)
    assert found.tolist() == [3.0, 2.0, 4.0]  # one response moved: the least change


def test_no_counts_put_the_figure_in_its_window():
    true = np.array([2.0, 3.0])
    shown = [LinearConstraint(np.array([[1.0, 1.0]]), [5], [5])]
    assert nearest(true, shown, np.array([1, 0]), 6, 9) == INFEASIBLE


def test_nearest_counts_that_are_not_whole_are_undecided():
    true = np.array([0.0, 0.0])
    halves = [LinearConstraint(np.array([[2.0, 0.0]]), [3], [3])]  # x0 = 1.5: no whole counts, the relaxation has one
    assert nearest(true, halves, np.array([1, 0]), 1, 2) is None
