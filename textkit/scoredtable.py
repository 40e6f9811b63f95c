"""The scored table: how counts become a collocation table, and the options every table takes.

:func:`textkit.collocations.ngrams` and :func:`textkit.collocations.collocates` count with
:mod:`textkit.counting` (``o11`` and the marginals ``R1``, ``C1``, ``N``) and hand the counts to
:func:`_scored_table`, which makes the 2×2 cells (``o11``, ``o12``, ``o21``, ``o22``), the
expected count ``e11`` and one column per measure of :data:`MEASURE_COLUMNS` (every measure of
:data:`textkit.association.MEASURES` but ``frequency``, which is the ``count`` column). Scores
are rounded to 6 decimals, then rows are sorted by the chosen ``measure`` (descending) and then
by the n-gram or collocate (ascending, by code point), so ties are broken the same way every
time. :func:`_frame` wraps the columns in a DataFrame without copying them; :func:`_empty` is
the table with no rows.

The options are checked here too: :data:`RULES` holds the rules of ``n`` (:data:`NGRAM_SIZES`),
``window`` (at most :data:`MAX_WINDOW` tokens on a side) and ``node``; :func:`_check` validates
``measure``, ``min_count`` and ``top_n``, and :func:`_window` reads ``window`` as
``(left, right)`` for the collocates and for :func:`textkit.collocations.concordance` alike.

What the cells count is in :mod:`textkit.collocations`, which re-exports the names of this
module that notebooks and tests use (``collocations.RULES``, ``collocations.MAX_WINDOW``, …).
"""

from __future__ import annotations

import pandas as pd

from textkit import association, counting, parameters
from textkit.counting import CELLS
from textkit.errors import ParameterError

#: One column per measure (``frequency`` is the ``count`` column).
MEASURE_COLUMNS = tuple(m for m in association.MEASURES if m != "frequency")

#: The n-gram sizes the ``n`` parameter takes.
NGRAM_SIZES = (2, 3)

#: The widest ``window``: no sentence needs more tokens on one side of the node; the bound
#: keeps a mistyped ``window 1000000000`` from trying to allocate a window that long.
MAX_WINDOW = 100

#: Rules of the collocation parameters (read by :func:`textkit.parameters.check`).
RULES = {
    "n": parameters.one_of(*NGRAM_SIZES),
    "window": parameters.between(1, MAX_WINDOW, "tokens on each side of the node"),
    "node": parameters.one_word(empty="the most frequent content word"),
}

#: What :func:`_scored_table` computes for every row: ``e11`` and one column per measure.
_SCORES = {"e11": association.expected, **{m: association.MEASURES[m] for m in MEASURE_COLUMNS}}


def _check(*, n=None, measure, min_count, top_n):
    """Validate the options shared by :func:`textkit.collocations.ngrams` and
    :func:`textkit.collocations.collocates` (one rule each)."""
    values = {"measure": measure, "min_count": min_count}
    if n is not None:
        values["n"] = n
    if top_n is not None:  # None: every row
        values["top_n"] = top_n
    parameters.check(**values)


def _window(window) -> tuple[int, int]:
    """Return ``(left, right)`` from ``window``, or raise ParameterError."""
    if not isinstance(window, (tuple, list)):
        parameters.check(window=window)
        return window, window
    pair = window
    try:
        left, right = pair
        ok = all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= MAX_WINDOW
                 for v in pair)
    except (TypeError, ValueError):
        ok = False
    if not ok or left + right < 1:
        raise ParameterError(
            f"parameter window must be {RULES['window'].what} or a pair (left, right) of such "
            f"numbers (one may be 0), got {window!r}."
        )
    return left, right


def _scored_table(text, counts: dict, *, measure, top_n, extra=None):
    """Build a sorted, scored table from counts and marginals (one array element per row).

    ``counts`` holds ``o11``, ``r1``, ``c1``, ``total`` and ``ties`` (the tie-break keys) and
    is emptied here, so that each array is freed as soon as it is used. ``text`` is a function
    of the row order that returns ``(name, object array)`` pairs, so strings are made only for
    the rows kept, already in order. Arrays are replaced one at a time and the measures are
    computed in blocks: the peak memory stays close to the size of the finished table.
    """
    o11, o12, o21, o22 = counting.cells(
        counts.pop("o11"), counts.pop("r1"), counts.pop("c1"), counts.pop("total")
    )
    if measure == "frequency":
        score = o11
    else:
        score = counting.score(o11, o12, o21, o22, [measure])[measure]
    order = counting.order(score, counts.pop("ties"), top_n=top_n)
    del score
    columns = dict(text(order))
    o11, o12, o21, o22 = o11[order], o12[order], o21[order], o22[order]
    columns["count"] = o11  # the same array: the frequency measure is O11
    for name, values in (extra or {}).items():
        columns[name] = values[order]
    del order
    columns.update({"o11": o11, "o12": o12, "o21": o21, "o22": o22})
    columns.update(counting.score(o11, o12, o21, o22, _SCORES))
    return columns


def _frame(columns: dict, names) -> pd.DataFrame:
    """Wrap the column arrays in a DataFrame without copying them; text columns stay object."""
    return pd.DataFrame(
        {
            name: pd.Series(columns[name], dtype=object, copy=False)
            if columns[name].dtype == object
            else columns[name]
            for name in names
        },
        copy=False,
    )


def _empty(names) -> pd.DataFrame:
    """Return an empty table with the right columns and dtypes."""
    numbers = (*CELLS, *MEASURE_COLUMNS)
    dtypes = {"o11": "int64", "o12": "int64", "o21": "int64", "o22": "int64", "count": "int64",
              "f_node": "int64", "f_collocate": "int64"}
    return pd.DataFrame({
        name: pd.Series([], dtype=dtypes.get(name, "float64" if name in numbers else object))
        for name in names
    })
