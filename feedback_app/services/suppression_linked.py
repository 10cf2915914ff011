"""Suppression of a table whose totals are figures published elsewhere: part of the one engine (``suppression``).

A question's figures are linked to others. Its people answering and its people not answering add up to the
responses, which are published, so "not answering" is a published figure too (responses less people
answering) and is suppressed as one: a column of its own. A breakdown's groups are another question's
answers, and its "Not answered" group is that question's responses less its people answering, so both a
breakdown's rows and its columns add up to figures published elsewhere (each question's own table). ``linked``
suppresses such a table: the figures published elsewhere are fixed totals (shown, or hidden there), a line
whose total is hidden there is hidden whole here, and every hidden figure of the table is protected by the
cycle check of ``suppression`` over its own figures and the hidden totals.

Every line (a row or a column) is a group: a line whose total is under the threshold is hidden whole
(zeros too), whichever way round the table is read, so X by Y and Y by X are the same table transposed.
"""

from feedback_app.services.suppression import PROTECT, SMALL, Table, _Grid, _protect, reason, shown, threshold


def linked(cells, rows=None, cols=None, total=None, free_cols=(), answering=None, primary=(), limit=None):
    """Suppress ``cells`` (a list of rows of counts) with totals published elsewhere.

    The rows' totals are the sums over the columns not in ``free_cols``; the columns' totals their sums.
    ``rows``, ``cols``, ``total``: those totals as published elsewhere (ints or markers), or ``None`` when
    this table decides them. ``free_cols`` and ``answering``: a multiple-choice question's options (outside
    the rows' sums) and its people answering column (at least the largest option). ``primary``: cells to
    hide besides the small ones (each row's not answering when its people answering are few).
    Returns a ``suppression.Table`` whose totals are the published ones where given.
    """
    limit = limit or threshold()
    n_rows = len(cells)
    n_cols = len(cells[0]) if n_rows else 0
    summed = [c for c in range(n_cols) if c not in free_cols]
    values = {(r, c): cells[r][c] for r in range(n_rows) for c in range(n_cols)}
    values.update({(r, n_cols): sum(cells[r][c] for c in summed) for r in range(n_rows)})
    values.update({(n_rows, c): sum(cells[r][c] for r in range(n_rows)) for c in range(n_cols)})
    values[(n_rows, n_cols)] = sum(values[(r, n_cols)] for r in range(n_rows))
    published = {}
    if rows is not None:
        published.update({(r, n_cols): rows[r] for r in range(n_rows)})
    if cols is not None:
        published.update({(n_rows, c): cols[c] for c in range(n_cols)})
    if total is not None:
        published[(n_rows, n_cols)] = total
    inner = {(r, c) for r in range(n_rows) for c in range(n_cols)}
    own = set(values) - set(published)

    def line(pos):
        """A total's line: the figures it adds up (all of the table's own for the grand total)."""
        r, c = pos
        if r < n_rows:
            return {(r, k) for k in range(n_cols)}
        if c < n_cols:
            return {(k, c) for k in range(n_rows)}
        return set(own)

    margins = [pos for pos in values if pos not in inner]
    known = set()
    for pos in margins:  # a line adding up to a zero shown is all zeros, for everyone to see
        if values[pos] == 0 and shown(published.get(pos, 0)):
            known |= line(pos) | ({pos} & own)
    small = {pos for pos in own if 0 < values[pos] < limit}
    hidden_whole = set()
    for pos in margins:
        if 0 < values[pos] < limit:  # a small group: every figure about it
            small |= line(pos) | ({pos} & own)
        elif pos in published and not shown(published[pos]):
            hidden_whole |= line(pos)  # hidden there: nothing here may narrow it down
    small -= known
    outer = {pos for pos, value in published.items() if not shown(value)}
    hidden = (small | hidden_whole | ({tuple(pos) for pos in primary} - set(published))) - known
    grid = _Grid(values, n_rows, n_cols, free_cols=free_cols, answering=answering)
    # Hidden totals published elsewhere are protected there, by that table's cycles: not checked here.
    hidden, stuck = _protect(grid, hidden | outer, set(published) | known, checked=lambda pos: pos not in outer)
    hidden -= outer
    if stuck:  # nothing short of hiding every figure of its own protects it
        hidden = own - known

    def figure(pos):
        if pos in published:
            return published[pos]
        if pos not in hidden:
            return values[pos]
        return SMALL if pos in small else PROTECT

    return Table(
        cells=[[figure((r, c)) for c in range(n_cols)] for r in range(n_rows)],
        row_totals=[figure((r, n_cols)) for r in range(n_rows)],
        col_totals=[figure((n_rows, c)) for c in range(n_cols)],
        total=figure((n_rows, n_cols)),
    )


def answering(size, not_answering, true, limit=None):
    """People answering (``true``) shown when the group's size and its people not answering both are, else
    hidden: a small group when they are 1 to N-1, else to protect one (the not answering, or the size)."""
    if shown(size) and shown(not_answering):
        return true  # (= size - not_answering)
    return SMALL if 0 < true < (limit or threshold()) else PROTECT


__all__ = ["answering", "linked", "reason"]
