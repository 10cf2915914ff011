"""Small-number suppression for every published table: one engine, no database.

The rules (threshold ``N``, 5 unless the partnership sets ``SUPPRESSION_THRESHOLD``):

* primary: a count of 1 to N-1 is hidden (0 is shown as 0); so is every figure
  of a breakdown group with fewer than N people, and every figure of a table
  whose total is under N. These are hidden for a **small group** (``SMALL``),
  and each of them is truly under N;
* secondary: a hidden figure must not be worked out from the figures that are
  shown. A table is a grid with its totals in an extra last row and column; the
  figures shown pin a hidden one exactly when no "cycle" of hidden figures runs
  through it (raise it by one, lower a figure in the same row, raise one in that
  figure's column, ... back to the start, never taking a figure below zero). For
  each hidden figure without such a cycle the cheapest one is found (the fewest
  and smallest figures added) and its figures hidden **to protect a small group
  elsewhere** (``PROTECT``); repeated until every hidden figure has a cycle.
  For a table with all its totals this check is exact: a figure with a cycle has
  at least two values consistent with everything shown, one without has one.
* tables that share figures (a year's distribution is also the totals row of
  that year's breakdowns) are kept apart by ``breakdown``: a column whose total
  is hidden in the year's table is hidden whole in the breakdown, so the
  breakdown says nothing about it that the year's table does not already say;
  the breakdown's own hidden figures are protected as if every total were shown.

Hidden figures read "hidden" on pages with one footnote per reason, and ``[c]``
in downloads (the ONS convention).
"""

import heapq
from dataclasses import dataclass

DEFAULT_THRESHOLD = 5
THRESHOLD = DEFAULT_THRESHOLD  # kept for callers that only need the default
DOWNLOAD_SYMBOL = "[c]"
_ZERO_COST = 10**6  # a zero is hidden only when nothing else will do


class Hidden:
    """A hidden figure, with why: ``"small"`` (under the threshold) or ``"protect"`` (secondary)."""

    def __init__(self, reason):
        self.reason = reason

    def __repr__(self):
        return "SUPPRESSED" if self.reason == "small" else "PROTECTED"

    def __reduce__(self):
        return "SUPPRESSED" if self.reason == "small" else "PROTECTED"


SUPPRESSED = SMALL = Hidden("small")
PROTECTED = PROTECT = Hidden("protect")


def threshold():
    """The partnership's threshold: ``SUPPRESSION_THRESHOLD`` in the app's config, else 5."""
    try:
        from flask import current_app, has_app_context  # noqa: PLC0415 (usable without an app)
    except ImportError:  # pragma: no cover
        return DEFAULT_THRESHOLD
    if has_app_context():
        return int(current_app.config.get("SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD))
    return DEFAULT_THRESHOLD


def is_small(count, limit=None):
    return 0 < count < (limit or threshold())


def shown(value):
    return not isinstance(value, Hidden)


def reason(value):
    """``"small"``, ``"protect"`` or ``None`` (shown)."""
    return None if shown(value) else value.reason


def download(value):
    """A figure for a download: the figure, or ``[c]``."""
    return value if shown(value) else DOWNLOAD_SYMBOL


@dataclass
class Table:
    """A suppressed table: ``cells[row][col]``, ``row_totals``, ``col_totals``, ``total``.

    Each figure is an int or a ``Hidden`` marker (``SMALL`` or ``PROTECT``).
    """

    cells: list
    row_totals: list
    col_totals: list
    total: object

    def figures(self):
        yield from (v for row in self.cells for v in row)
        yield from self.row_totals
        yield from self.col_totals
        yield self.total


# -- the grid and its cycles ----------------------------------------------------------------------------

class _Grid:
    """Figures ``values[(r, c)]`` for r in 0..rows, c in 0..cols; row ``rows`` and column ``cols`` are totals.

    ``row_lines``: each row adds up to its total (False for multiple choice);
    ``col_totals``: there is a totals row (False for a single distribution);
    ``free_cols``: columns outside the rows' sums (a multiple-choice question's options beside its people
    answering and not answering), and ``answering``: the column of people answering, at least the largest of
    them (``cols``, the row totals, when ``row_lines`` is False).
    """

    def __init__(self, values, rows, cols, row_lines=True, col_totals=True, free_cols=(), answering=None):
        self.values, self.rows, self.cols = values, rows, cols
        self.row_lines, self.col_totals = row_lines, col_totals
        self.free_cols = frozenset(free_cols)
        self.answering = cols if answering is None else answering

    def sign(self, pos):
        r, c = pos
        return -1 if (r == self.rows) != (c == self.cols) else 1

    def ends(self, pos):
        """``(row node, column node)``; nodes without a line are one free node ``"U"``."""
        r, c = pos
        row_node = ("r", r) if self.row_lines and c not in self.free_cols else "U"
        col_node = ("c", c) if self.col_totals else "U"
        return row_node, col_node

    def steps(self, pos):
        """Directed steps along a figure: ``(from, to, change to the figure)``."""
        row_node, col_node = self.ends(pos)
        s = self.sign(pos)
        return [(row_node, col_node, s), (col_node, row_node, -s)]

    def usable(self, pos, change):
        return change > 0 or self.values[pos] >= 1

    def edges(self, positions, hidden):
        """Directed steps of ``positions``: ``{from: [(to, cost, figure)]}``; hidden figures cost nothing."""
        edges = {}
        for pos in positions:
            cost = 0 if pos in hidden else (_ZERO_COST if self.values[pos] == 0 else 1 + self.values[pos])
            for start, end, change in self.steps(pos):
                if start != end and self.usable(pos, change):
                    edges.setdefault(start, []).append((end, cost, pos))
        return edges

    def cheapest_cycle(self, target, hidden, edges):
        """The shown figures to hide so ``target`` lies on a cycle (``[]`` if it already does), or ``None``."""
        best = None
        for start, end, change in self.steps(target):
            if not self.usable(target, change):
                continue
            found = _path(edges, end, start, target, hidden)
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        return None if best is None else best[1]


def _path(edges, source, goal, target, hidden):
    """Dijkstra from ``source`` to ``goal`` not using ``target``: ``(cost, shown figures on the way)``."""
    if source == goal:
        return 0, []
    queue = [(0, 0, source)]
    best = {source: (0, None, None)}
    counter = 1
    while queue:
        cost, _n, node = heapq.heappop(queue)
        if node == goal:
            path, at = [], goal
            while best[at][1] is not None:
                _c, previous, pos = best[at]
                if pos not in hidden:
                    path.append(pos)
                at = previous
            return cost, path
        if cost > best[node][0]:
            continue
        for end, step_cost, pos in edges.get(node, ()):
            if pos == target:
                continue
            total = cost + step_cost
            if end not in best or total < best[end][0]:
                best[end] = (total, node, pos)
                heapq.heappush(queue, (total, counter, end))
                counter += 1
    return None


def _protect(grid, hidden, fixed, checked=None):
    """Hide more figures until every hidden figure (for which ``checked`` is true) lies on a cycle.

    ``fixed``: figures that must stay as they are (shown or hidden) because they are published
    elsewhere. Returns the hidden set and the figures that could not be protected.
    """
    hidden = set(hidden)
    stuck = set()
    while True:
        if not grid.row_lines or grid.free_cols:
            hidden |= _multiple_choice_rows(grid, hidden, fixed)
        own = grid.edges(hidden, hidden)
        todo = [pos for pos in sorted(hidden) if (checked is None or checked(pos)) and pos not in stuck]
        open_ = [pos for pos in todo if grid.cheapest_cycle(pos, hidden, own) is None]
        if not open_:
            return hidden, stuck
        allowed = [pos for pos in grid.values if pos not in hidden and pos not in fixed]
        extra = grid.cheapest_cycle(open_[0], hidden, grid.edges([*hidden, *allowed], hidden))
        if extra is None:
            stuck.add(open_[0])
        else:
            hidden.update(extra)


def _multiple_choice_rows(grid, hidden, fixed):
    """Multiple choice: the people answering are at least the largest count (and at most the sum of the
    counts), so a hidden total equal to a count shown beside it is pinned from below. Hide that count as
    well: its column then moves both together. The other way round, a hidden count equal to the people
    answering shown beside it cannot rise (nor fall, when the other counts are zeros): hide those too."""
    extra = set()
    columns = sorted(grid.free_cols) if grid.free_cols else range(grid.cols)
    for r in range(grid.rows + 1):
        total = (r, grid.answering)
        if total not in hidden:
            if total not in fixed and any((r, c) in hidden and grid.values[(r, c)] == grid.values[total] > 0
                                          for c in columns):
                extra.add(total)
            continue
        for c in columns:
            pos = (r, c)
            if pos not in hidden and pos not in fixed and grid.values[pos] == grid.values[total] > 0:
                extra.add(pos)
                break
    return extra


def _marked(values, hidden, small):
    def figure(pos):
        if pos not in hidden:
            return values[pos]
        return SMALL if pos in small else PROTECT
    return figure


# -- single distributions -----------------------------------------------------------------------------

def suppress_counts(counts, total=None, additive=True, limit=None):
    """Suppress one distribution: ``counts`` (list of ints) adding up to ``total``.

    ``additive=False`` for multiple choice, where counts do not add up to the
    total, so there is nothing to subtract from and only the primary rule applies.
    Returns ``(counts, total)`` with hidden figures replaced by markers.
    """
    limit = limit or threshold()
    counts = list(counts)
    total = sum(counts) if total is None else total
    n = len(counts)
    values = {(0, i): v for i, v in enumerate(counts)}
    values[(0, n)] = total
    small = {pos for pos, v in values.items() if 0 < v < limit}
    if 0 < total < limit:
        small = set(values)
    hidden = set(small)
    if additive and hidden and len(small) < len(values):
        hidden, stuck = _protect(_Grid(values, 1, n, col_totals=False), hidden, set())
        hidden = set(values) if stuck else hidden
    figure = _marked(values, hidden, small)
    return [figure((0, i)) for i in range(n)], figure((0, n))


# -- tables ---------------------------------------------------------------------------------------------

def _grid_values(cells, row_totals, col_totals):
    rows = len(cells)
    cols = len(cells[0]) if rows else 0
    row_totals = list(row_totals) if row_totals is not None else [sum(r) for r in cells]
    if col_totals is None:
        col_totals = [sum(cells[r][c] for r in range(rows)) for c in range(cols)]
    values = {(r, c): cells[r][c] for r in range(rows) for c in range(cols)}
    values.update({(r, cols): row_totals[r] for r in range(rows)})
    values.update({(rows, c): col_totals[c] for c in range(cols)})
    values[(rows, cols)] = sum(row_totals)
    return values, rows, cols


def _table(values, rows, cols, hidden, small):
    figure = _marked(values, hidden, small)
    return Table(
        cells=[[figure((r, c)) for c in range(cols)] for r in range(rows)],
        row_totals=[figure((r, cols)) for r in range(rows)],
        col_totals=[figure((rows, c)) for c in range(cols)],
        total=figure((rows, cols)),
    )


def _known_rows(values, rows, cols, group_sizes, limit):
    """Figures of groups that are all zeros for everyone to see: a group of no one, or one (not small)
    where no one answered. They say nothing about anyone and are never hidden."""
    sizes = group_sizes if group_sizes is not None else [values[(r, cols)] for r in range(rows)]
    return {(r, c) for r in range(rows) for c in range(cols + 1)
            if sizes[r] == 0 or (values[(r, cols)] == 0 and not 0 < sizes[r] < limit)}


def suppress_table(cells, row_totals=None, col_totals=None, group_sizes=None, fixed_totals=None,
                   additive=True, limit=None):
    """Suppress a table: rows are groups (or years), columns are answers, with both totals.

    ``row_totals`` default to the row sums (the group's answers), ``col_totals``
    to the column sums. ``group_sizes`` (responses per group) hide every figure
    of a group under the threshold. ``fixed_totals``: the column totals as
    already published (ints or markers, e.g. a year's distribution under its
    breakdown): see ``breakdown``. ``additive=False`` (multiple choice) means the
    cells of a row do not add up to the row total, so only columns are checked.
    """
    if fixed_totals is not None:
        return breakdown(cells, row_totals, fixed_totals, col_totals=col_totals, group_sizes=group_sizes,
                         additive=additive, limit=limit)
    limit = limit or threshold()
    values, rows, cols = _grid_values(cells, row_totals, col_totals)
    small = {pos for pos, v in values.items() if 0 < v < limit}
    for r in range(rows):
        size = group_sizes[r] if group_sizes is not None else values[(r, cols)]
        if 0 < size < limit:
            small.update((r, c) for c in range(cols + 1))
    known = _known_rows(values, rows, cols, group_sizes, limit)
    if 0 < values[(rows, cols)] < limit:
        small = set(values) - known
    hidden = set(small)
    if hidden and len(hidden) < len(values):
        hidden, stuck = _protect(_Grid(values, rows, cols, row_lines=additive), hidden, known)
        hidden = set(values) - known if stuck else hidden
    return _table(values, rows, cols, hidden, small)


def breakdown(cells, row_totals, published, col_totals=None, group_sizes=None, additive=True, limit=None,
              hidden=()):
    """Suppress a breakdown of a distribution already published as ``published`` (its column totals).

    ``published``: the distribution's figures (ints or markers) and, optionally,
    its total as one more item. A column hidden there is hidden whole here, so
    nothing here narrows it down; when the published total is hidden, the whole
    breakdown is hidden. The breakdown's own hidden figures are protected as if
    every column total were known. ``hidden``: cells ``(row, col)`` hidden elsewhere (the same cell of a
    cross-tab the other way round), hidden here too and protected as this table's own.
    """
    limit = limit or threshold()
    values, rows, cols = _grid_values(cells, row_totals, col_totals)
    published = list(published)
    total_marker = published[cols] if len(published) > cols else values[(rows, cols)]
    outer_hidden = {(rows, c) for c in range(cols) if not shown(published[c])}
    outer_small = {(rows, c) for c in range(cols) if reason(published[c]) == "small"}
    inner = {pos for pos in values if pos[0] < rows}
    # A column whose published total is 0 is all zeros: nothing to hide (nor to protect) there.
    known = {(r, c) for r in range(rows) for c in range(cols) if shown(published[c]) and published[c] == 0}
    if shown(total_marker) and total_marker == 0:
        known |= inner
    known |= _known_rows(values, rows, cols, group_sizes, limit)
    if not shown(total_marker):
        outer_hidden.add((rows, cols))
        if reason(total_marker) == "small":
            outer_small.add((rows, cols))
    if 0 < values[(rows, cols)] < limit:
        # Nothing of it can be shown: its totals row stays as published, which it cannot narrow down.
        return _table(values, rows, cols, (inner - known) | outer_hidden | {(rows, cols)},
                      (inner - known) | outer_small | {(rows, cols)})
    small = {pos for pos, v in values.items() if 0 < v < limit and pos[0] < rows}
    for r in range(rows):
        size = group_sizes[r] if group_sizes is not None else values[(r, cols)]
        if 0 < size < limit:
            small.update((r, c) for c in range(cols + 1))
    # (The groups' totals add up to the published total: when that is hidden, so are they.)
    whole_columns = {(r, c) for r in range(rows) for _r, c in outer_hidden} - known
    small -= known
    hidden = small | whole_columns | ({tuple(pos) for pos in hidden} - known)
    fixed = {(rows, c) for c in range(cols + 1)} | known
    grid = _Grid(values, rows, cols, row_lines=additive)
    # The hidden totals are unknown here too, but only the year's figures protect them: not checked here.
    hidden, stuck = _protect(grid, hidden | outer_hidden, fixed, checked=lambda pos: pos not in outer_hidden)
    hidden -= outer_hidden
    if stuck:  # nothing short of hiding it all protects it
        hidden = inner - known
    # Cells of a column hidden in the published distribution are small when that column is.
    small |= {(r, c) for r, c in whole_columns if (rows, c) in outer_small}
    return _table(values, rows, cols, hidden | outer_hidden, small | outer_small)


def percentage(count, base):
    """A whole-number percentage, or the count's (or base's) marker when either figure is hidden."""
    if not shown(count):
        return count
    if not shown(base):
        return base
    return round(100 * count / base) if base else 0
