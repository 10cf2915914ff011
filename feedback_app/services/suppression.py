"""Small-number suppression for published counts.

Pure functions, no database. The rules (threshold 5):

* primary: a count of 1 to 4 is shown as "fewer than 5" (0 is shown as 0);
* groups: a whole breakdown group (a cohort, an agency) with fewer than 5
  responses is suppressed, total included;
* totals: a total under 5 is suppressed;
* secondary (complementary): wherever a line of figures adds up to a total that
  is shown, a line with exactly one hidden figure would give it away by
  subtraction, so the next smallest figure in that line is hidden too; this is
  repeated until no line has exactly one hidden figure.

A table is worked on as a grid with its totals in an extra last row and column,
so "cells add up to their total" is the same check for every line, totals included.
"""

from dataclasses import dataclass

THRESHOLD = 5


class _Suppressed:
    """The marker for a hidden figure: falsy-safe, printable, one instance."""

    def __repr__(self):
        return "SUPPRESSED"

    def __reduce__(self):
        return "SUPPRESSED"


SUPPRESSED = _Suppressed()


def is_small(count):
    return 0 < count < THRESHOLD


def shown(value):
    return value is not SUPPRESSED


@dataclass
class Table:
    """A suppressed table: ``cells[row][col]``, ``row_totals``, ``col_totals``, ``total``.

    Each figure is an int or ``SUPPRESSED``.
    """

    cells: list
    row_totals: list
    col_totals: list
    total: object


def _secondary(values, hidden, lines, fixed):
    """Hide more figures until no line has exactly one hidden figure.

    ``lines``: lists of positions whose first figures add up to the last.
    ``fixed``: positions already published elsewhere, never hidden here.
    """
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden_here = [pos for pos in line if pos in hidden]
            if len(hidden_here) != 1:
                continue
            candidates = [pos for pos in line if pos not in hidden and pos not in fixed]
            if not candidates:
                continue
            # The smallest non-zero figure; a zero only if nothing else is left.
            choice = min(candidates, key=lambda pos: (values[pos] == 0, values[pos]))
            hidden.add(choice)
            changed = True
    return hidden


def suppress_counts(counts, total=None, additive=True):
    """Suppress one distribution: ``counts`` (list of ints) adding up to ``total``.

    ``additive=False`` for multiple choice, where counts do not add up to the
    total, so there is nothing to subtract from and only the primary rule applies.
    Returns ``(counts, total)`` with hidden figures replaced by ``SUPPRESSED``.
    """
    counts = list(counts)
    total = sum(counts) if total is None else total
    values = {("c", i): n for i, n in enumerate(counts)}
    values["t"] = total
    hidden = {pos for pos, n in values.items() if is_small(n)}
    if 0 < total < THRESHOLD:
        hidden = set(values)
    elif additive:
        hidden = _secondary(values, hidden, [[("c", i) for i in range(len(counts))] + ["t"]], set())
    out = [SUPPRESSED if ("c", i) in hidden else n for i, n in enumerate(counts)]
    return out, SUPPRESSED if "t" in hidden else total


def suppress_table(cells, row_totals=None, col_totals=None, group_sizes=None, fixed_totals=None,
                   additive=True):
    """Suppress a breakdown: rows are groups, columns are answers.

    ``row_totals`` default to the row sums (the group's answers), ``col_totals``
    to the column sums. ``group_sizes`` (responses per group) hide every figure
    of a group under the threshold. ``fixed_totals``: the column totals as
    already published (ints or ``SUPPRESSED``, e.g. the question's overall
    distribution shown on the same page): they keep exactly that pattern and are
    never chosen for secondary suppression, so the tables cannot be played off
    against each other. ``additive=False`` (multiple choice) means the cells of a
    row do not add up to the row total, so only columns are checked.
    """
    rows = len(cells)
    cols = len(cells[0]) if rows else 0
    row_totals = list(row_totals) if row_totals is not None else [sum(r) for r in cells]
    if col_totals is None:
        col_totals = [sum(cells[r][c] for r in range(rows)) for c in range(cols)]
    total = sum(row_totals)
    values = {(r, c): cells[r][c] for r in range(rows) for c in range(cols)}
    values.update({(r, cols): row_totals[r] for r in range(rows)})
    values.update({(rows, c): col_totals[c] for c in range(cols)})
    values[(rows, cols)] = total

    hidden = {pos for pos, n in values.items() if is_small(n)}
    for r in range(rows):
        size = group_sizes[r] if group_sizes is not None else row_totals[r]
        if size < THRESHOLD:
            hidden.update((r, c) for c in range(cols + 1))
    fixed = set()
    if fixed_totals is not None:
        fixed = {(rows, c) for c in range(cols)} | {(rows, cols)}
        hidden -= fixed
        hidden.update((rows, c) for c, v in enumerate(fixed_totals) if not shown(v))
    if 0 < total < THRESHOLD:
        hidden = set(values)

    lines = [[(r, c) for r in range(rows + 1)] for c in range(cols)]
    if additive:
        lines += [[(r, c) for c in range(cols + 1)] for r in range(rows + 1)]
    lines.append([(r, cols) for r in range(rows + 1)])
    hidden = _secondary(values, hidden, lines, fixed)

    def figure(pos):
        return SUPPRESSED if pos in hidden else values[pos]

    return Table(
        cells=[[figure((r, c)) for c in range(cols)] for r in range(rows)],
        row_totals=[figure((r, cols)) for r in range(rows)],
        col_totals=[figure((rows, c)) for c in range(cols)],
        total=figure((rows, cols)),
    )


def percentage(count, base):
    """A whole-number percentage, or ``SUPPRESSED`` when either figure is hidden."""
    if not shown(count) or not shown(base):
        return SUPPRESSED
    return round(100 * count / base) if base else 0
