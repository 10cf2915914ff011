"""Small-number suppression: primary, group, total and secondary (subtraction) rules."""

import itertools

from feedback_app.services.suppression import PROTECTED, SUPPRESSED, percentage, shown, suppress_counts, suppress_table

S = SUPPRESSED  # hidden: a small group
P = PROTECTED  # hidden: to protect a small group elsewhere


def test_counts_of_five_or_more_and_zero_are_shown():
    assert suppress_counts([5, 0, 12, 30]) == ([5, 0, 12, 30], 47)


def test_a_count_under_five_is_hidden_and_the_next_smallest_too():
    counts, total = suppress_counts([3, 20, 7, 40])
    assert counts == [S, 20, P, 40]
    assert total == 70


def test_subtraction_cannot_recover_a_hidden_count():
    """With the total shown, one hidden count would be total minus the others."""
    counts, total = suppress_counts([2, 10, 15])
    assert sum(1 for c in counts if not shown(c)) >= 2
    visible = sum(c for c in counts if shown(c))
    hidden_sum = total - visible
    # Two or more unknowns share the remainder: the 2 cannot be told apart.
    assert hidden_sum == 12 and counts[0] is S


def test_zero_is_only_hidden_when_nothing_else_is_left():
    assert suppress_counts([3, 0, 9, 50])[0] == [S, 0, P, 50]
    assert suppress_counts([3, 0, 50])[0] == [S, 0, P]


def test_two_small_counts_need_no_more():
    assert suppress_counts([1, 2, 30, 40]) == ([S, S, 30, 40], 73)


def test_nothing_at_all_is_shown_as_zero():
    assert suppress_counts([0, 0]) == ([0, 0], 0)


def test_a_total_under_five_hides_everything():
    assert suppress_counts([1, 3]) == ([S, S], S)
    assert suppress_counts([0, 4]) == ([S, S], S)


def test_multiple_choice_counts_do_not_add_up_so_only_primary():
    assert suppress_counts([3, 20, 7], total=25, additive=False) == ([S, 20, 7], 25)


def test_percentages_of_hidden_figures_are_hidden():
    assert percentage(S, 50) is S
    assert percentage(5, S) is S
    assert percentage(5, 20) == 25
    assert percentage(0, 0) == 0


def _recoverable(cells, table):
    """Every hidden inner cell that a single line's total gives away."""
    rows, cols = len(cells), len(cells[0])
    grid = [row + [t] for row, t in zip(table.cells, table.row_totals, strict=True)]
    grid.append(table.col_totals + [table.total])
    lines = [[(r, c) for c in range(cols + 1)] for r in range(rows + 1)]
    lines += [[(r, c) for r in range(rows + 1)] for c in range(cols + 1)]
    return [line for line in lines if sum(1 for r, c in line if not shown(grid[r][c])) == 1]


def test_breakdown_subtraction_case():
    """Cohort A has 3 'no' answers: neither its row nor its column may give it away."""
    cells = [[3, 20, 10],
             [12, 30, 25],
             [9, 14, 40]]
    table = suppress_table(cells)
    assert table.cells[0][0] is S
    assert not _recoverable(cells, table)
    assert table.total == sum(map(sum, cells))


def test_breakdown_small_group_is_hidden_whole():
    cells = [[2, 1, 0], [20, 30, 25], [9, 14, 40]]
    table = suppress_table(cells, group_sizes=[3, 75, 63])
    assert table.cells[0] == [S, S, S]
    assert table.row_totals[0] is S
    assert not _recoverable(cells, table)


def test_breakdown_keeps_published_totals_and_hides_inner_cells_instead():
    cells = [[3, 20], [12, 30], [9, 14]]
    overall = suppress_counts([24, 64])
    table = suppress_table(cells, fixed_totals=overall[0])
    assert table.col_totals == [24, 64]
    assert table.total == 88
    assert not _recoverable(cells, table)


def test_breakdown_fixed_totals_keep_their_hidden_pattern():
    cells = [[1, 20, 30], [2, 30, 25]]
    overall, total = suppress_counts([3, 50, 55])
    table = suppress_table(cells, fixed_totals=overall)
    assert table.col_totals == overall
    assert not _recoverable(cells, table)


def test_breakdown_random_tables_never_leave_a_single_hidden_figure_in_a_line():
    values = [0, 1, 2, 4, 5, 8, 30]
    for seed, combo in enumerate(itertools.islice(itertools.product(values, repeat=6), 0, None, 97)):
        cells = [list(combo[:3]), list(combo[3:])]
        table = suppress_table(cells)
        assert not _recoverable(cells, table), (seed, cells, table)


def test_empty_table():
    table = suppress_table([])
    assert table.cells == [] and table.total == 0
