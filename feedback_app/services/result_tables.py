"""One question's published tables, suppressed as linked tables (``services.suppression_linked``).

Each question (or grid statement) has one grid per survey: a row per year, a column per answer, then (for
multiple choice) its people answering, then its people not answering; each row adds up to the year's
responses (published by ``responses``), its totals row is all years. "People answering" is shown as the
responses less the people not answering, so it is hidden whenever either is; a few people answering hide the
people not answering (``_primary``). Every view of the question (all years, one year, year on year) shows
figures of this grid, so they agree.

A breakdown of a question by another (or by cohort) for one period is a grid too: a row per group (the other
question's answers and its "Not answered", or the cohorts and "No cohort"), the question's columns, every
total published already (the other question's figures for the period, this question's, the responses). Two
single-choice questions against each other are one grid, read either way round (``breakdown(transpose=...)``),
so X by Y and Y by X hide the same cells.
"""

from dataclasses import dataclass

from feedback_app.services.suppression import PROTECT, SMALL, Table, reason, shown, suppress_counts, threshold
from feedback_app.services.suppression_linked import answering, linked


@dataclass
class ItemGrid:
    """A question's suppressed grid and what a page shows of it (``shown``: answers, people answering)."""

    grid: Table
    shown: Table
    width: int
    additive: bool

    def period(self, index):
        """``(grid figures, responses)`` of one year (its index) or all years (``None``)."""
        if index is None:
            return list(self.grid.col_totals), self.grid.total
        return list(self.grid.cells[index]), self.grid.row_totals[index]

    def figures(self, index):
        """``(answers, people answering)`` as shown for one year (its index) or all years (``None``)."""
        if index is None:
            return list(self.shown.col_totals), self.shown.total
        return list(self.shown.cells[index]), self.shown.row_totals[index]


def columns(counts, answered, size, additive):
    """A group's grid columns: its counts per answer, (multiple choice) its people answering, not answering."""
    return [*counts, *([] if additive else [answered]), size - answered]


def _layout(width, additive):
    """``(free columns, people answering column, not answering column)``."""
    if additive:
        return (), None, width
    return tuple(range(width)), width, width + 1


def _primary(cells, width, additive, limit, rows_too=False):
    """Not answering, to hide where people answering (the rest of the line) are 1 to N-1: rows, their
    total, and with ``rows_too`` (the rows are a question's answers and its not answering) columns too."""
    if not additive:
        return set()
    n_rows = len(cells)
    primary = set()
    for r in range(n_rows):
        if 0 < sum(cells[r][:width]) < limit:
            primary.add((r, width))
    if 0 < sum(sum(row[:width]) for row in cells) < limit:
        primary.add((n_rows, width))
    if rows_too:
        for c in range(width + 1):
            if 0 < sum(cells[r][c] for r in range(n_rows - 1)) < limit:
                primary.add((n_rows - 1, c))
    return primary


def _shown(grid, answered, answered_total, width, additive, limit):
    """What a page shows: the answers' columns, and people answering (the answers' sum when they are all
    shown, else responses less people not answering)."""
    def people(figures, size, not_answering, true):
        if all(shown(f) for f in figures):
            return sum(figures)
        return answering(size, not_answering, true, limit)

    if additive:
        row_totals = [people(grid.cells[r][:width], grid.row_totals[r], grid.cells[r][width], answered[r])
                      for r in range(len(grid.cells))]
        total = people(grid.col_totals[:width], grid.total, grid.col_totals[width], answered_total)
    else:
        row_totals = [row[width] for row in grid.cells]
        total = grid.col_totals[width]
    return Table([row[:width] for row in grid.cells], row_totals, list(grid.col_totals[:width]), total)


def responses(sizes, limit=None):
    """Responses per year (or per group) and in all, as published: ``(figures, total)``."""
    return suppress_counts(sizes, limit=limit)


def group_sizes(sizes, total, limit=None):
    """The responses per cohort (and "No cohort") for a period, as published: they add up to the period's
    responses (``total``, as published in the year table). When that is hidden, so is every group's size
    (zeros too): shown, they would add up to it. Hidden as a small group when the period is one."""
    if shown(total):
        return responses(sizes, limit=limit)[0]
    return [SMALL if reason(total) == "small" else PROTECT for _size in sizes]


def years_grid(per_year, sizes, published, published_total, additive=True, limit=None):
    """A question's grid: ``per_year`` ``[(counts, answered)]``, ``sizes`` the years' responses,
    ``published``/``published_total`` those responses as published (``responses``)."""
    limit = limit or threshold()
    width = len(per_year[0][0]) if per_year else 0
    cells = [columns(c, a, s, additive) for (c, a), s in zip(per_year, sizes, strict=True)]
    free, answering_col, _na = _layout(width, additive)
    grid = linked(cells, rows=list(published), total=published_total, free_cols=free, answering=answering_col,
                  primary=_primary(cells, width, additive, limit), limit=limit)
    answered = [a for _c, a in per_year]
    return ItemGrid(grid, _shown(grid, answered, sum(answered), width, additive, limit), width, additive)


def _transposed(table):
    return Table([list(col) for col in zip(*table.cells, strict=True)], list(table.col_totals),
                 list(table.row_totals), table.total)


def breakdown(cells, answered, sizes, groups, item, total, additive=True, limit=None, transpose=None, extra=()):
    """An item broken down by groups for one period: ``(grid, shown)``.

    ``cells[g]``, ``answered[g]``, ``sizes[g]``: the item's counts, people answering and responses in group g;
    ``groups``: the groups' responses as published (the other question's grid figures, or ``responses``);
    ``item``/``total``: the item's grid figures for the period and the period's responses (``ItemGrid.period``).
    ``transpose``: for two single-choice questions, whether this one is read as the other by this one (True)
    or that one as this by the other (False): the grid is suppressed one way round, the same for both.
    ``extra``: further cells ``(group, grid column)`` to hide, found by the audit of the tables taken together
    (``suppression_audit``); hidden to protect, with whatever more the grid's own cycles then need.
    """
    limit = limit or threshold()
    width = len(cells[0]) if cells else 0
    matrix = [columns(c, a, s, additive) for c, a, s in zip(cells, answered, sizes, strict=True)]
    free, answering_col, _na = _layout(width, additive)
    if transpose is None:
        grid = linked(matrix, rows=list(groups), cols=list(item), total=total, free_cols=free,
                      answering=answering_col, primary=_primary(matrix, width, additive, limit) | set(extra),
                      limit=limit)
    else:  # both single choice: the primary cells of both ways round, in the one grid
        primary = _primary(matrix, width, True, limit, rows_too=True) | set(extra)
        if transpose:
            flipped = [list(col) for col in zip(*matrix, strict=True)]
            flipped_primary = {(c, r) for r, c in primary}
            grid = _transposed(linked(flipped, rows=list(item), cols=list(groups), total=total,
                                      primary=flipped_primary, limit=limit))
        else:
            grid = linked(matrix, rows=list(groups), cols=list(item), total=total, primary=primary, limit=limit)
    return grid, _shown(grid, answered, sum(answered), width, additive, limit)
