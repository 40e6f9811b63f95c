"""Charts of words and terms: frequencies, collocations, keyness and change over time.

``top_terms`` and ``zipf`` (notebook 01), ``top_collocations`` and ``collocate_scatter`` (notebook
03), ``keyness`` (notebook 04) and ``trends`` (words or actors across the periods of ``group_by``,
notebooks 01 and 02). Measure names in titles come from :data:`textkit.association.LABELS`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from textkit import association
from textkit.plots.base import (
    COLOUR,
    GROUP_COLOURS,
    MAX_BARS,
    NO_GROUP,
    Figure,
    _bars,
    _plain_log_ticks,
    _say,
    _styled,
)


# --------------------------------------------------------------------------------------------
# Word frequencies (notebook 01)
# --------------------------------------------------------------------------------------------


@_styled
def top_terms(terms: pd.DataFrame, *, top_n: int = 20, title: str = "Most frequent terms") -> Figure:
    """Draw a horizontal bar chart of the ``top_n`` first rows of a term table.

    Parameters
    ----------
    terms : pandas.DataFrame
        A table with ``term`` and ``count`` columns, already sorted (see
        :func:`textkit.frequency.table`).
    top_n : int, default 20
        How many rows to draw; the most frequent is at the top.
    title : str, default "Most frequent terms"

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = terms.head(min(top_n, MAX_BARS)).iloc[::-1]
    fig = Figure(figsize=(7, max(2.5, 0.28 * len(rows) + 1)))
    ax = fig.add_subplot()
    _bars(ax, rows["term"], rows["count"], COLOUR)
    ax.set_xlabel("count")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    fig.tight_layout()
    return fig


#: Scatter plots (:func:`collocate_scatter`) draw every point up to this many rows; beyond,
#: only points that can be told apart (:func:`_apart`).
THIN_ABOVE = 2000


def _apart(x, y, *, cells: int = 400) -> np.ndarray:
    """Positions (ascending) of the first point in each cell of a ``cells`` × ``cells`` grid
    over the data's span, x on a log scale: the others would sit under a drawn point."""
    x = np.log10(np.asarray(x, dtype=float))
    y = np.asarray(y, dtype=float)
    grid = [np.floor((v - np.nanmin(v)) / ((np.nanmax(v) - np.nanmin(v)) or 1.0) * cells)
            for v in (x, y)]
    key = np.nan_to_num(grid[0], nan=-1) * (cells + 2) + np.nan_to_num(grid[1], nan=-1)
    return np.sort(np.unique(key, return_index=True)[1])


#: :func:`zipf` draws every point of a term table of up to this many terms and thins a larger
#: one to the points that can be told apart, so the figure (above all its SVG) stays small.
ZIPF_THIN_ABOVE = 2000


@_styled
def zipf(terms: pd.DataFrame, *, title: str = "Rank–frequency (Zipf) plot") -> Figure:
    """Draw count against rank on log–log axes, with the Zipf reference line ``f(1) / rank``.

    A table of up to :data:`ZIPF_THIN_ABOVE` (2,000) terms is drawn point for point. A larger
    one is thinned to what can be seen, so the figure stays small (an SVG of a few hundred KB
    at most) however large the corpus. Call a point *close* to another when it is within
    1/1000 of the axis's span of it both in log rank and in log count (under half a pixel at
    the default size and 100 dpi, a tenth of a marker's width). Going down the ranks:

    1. of each step of the curve (a run of terms that share a count, e.g. the hapaxes) its
       first and last rank are candidates, and inside it ranks spread evenly in log rank
       (2,000 over the whole axis), so that a long step is still a solid row of points;
    2. a candidate close to the last point kept is dropped: in the head, where each count is
       its own, neighbours are that close (so not every count of the head is drawn), and so
       are the points inside a step;
    3. rank 1, the last rank and the last rank of every step longer than 1/1000 of the rank
       axis are always drawn (its first rank too, unless it is close to the point before).

    So every term's point is close to a drawn point, every count that stands apart from the
    next larger one is drawn, and at most about 3,000 points are drawn (in practice under
    1,000: about 800 for 500,000 terms of Zipfian counts). The reference line is straight on log–log axes and is drawn through
    the same ranks.

    Parameters
    ----------
    terms : pandas.DataFrame
        A term table with a ``count`` column sorted by count descending.
    title : str, default "Rank–frequency (Zipf) plot"

    Returns
    -------
    matplotlib.figure.Figure
        The x axis is the position in the sorted table (1, 2, 3, … — ties get consecutive
        positions), the y axis the count.
    """
    counts = terms["count"].to_numpy()
    ranks = range(1, len(counts) + 1)
    if len(counts) > ZIPF_THIN_ABOVE:
        kept = _zipf_points(counts)
        ranks, counts = kept + 1, counts[kept]
    fig = Figure(figsize=(6, 4.5))
    ax = fig.add_subplot()
    ax.loglog(ranks, counts, marker=".", linestyle="none", color=COLOUR, label="terms")
    if len(counts):
        ax.loglog(ranks, [counts[0] / r for r in ranks], color="#999999", linewidth=1,
                  label="Zipf: f(1) / rank")
    _plain_log_ticks(ax.xaxis, ax.yaxis)
    ax.set_xlabel("rank (log scale)")
    ax.set_ylabel("count (log scale)")
    ax.set_title(title)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


def _zipf_points(counts: np.ndarray, *, cells: int = 1000) -> np.ndarray:
    """Return the positions (0-based, ascending) of the points :func:`zipf` draws.

    ``counts`` is sorted descending. Candidates are the first and last position of each run of
    equal counts and ``2 * cells + 1`` positions evenly spread in log rank. Going down, a
    candidate is kept when it is at least ``1 / cells`` of the span of log rank or of log count
    away from the last one kept, or when it is the first or last position or the end of a run
    at least ``1 / cells`` of the span of log rank long.
    """
    n = len(counts)
    if n == 0:
        return np.arange(0)
    change = np.flatnonzero(counts[1:] != counts[:-1])
    starts, ends = np.concatenate(([0], change + 1)), np.concatenate((change, [n - 1]))
    x_step = (np.log10(n) or 1.0) / cells
    spread = np.rint(np.logspace(0, np.log10(n), 2 * cells + 1)).astype(np.int64) - 1
    candidates = np.unique(np.concatenate((starts, ends, spread)))
    x = np.log10(candidates + 1.0)
    y = np.log10(np.maximum(counts[candidates].astype(float), np.finfo(float).tiny))
    y_step = (y.max() - y.min() or 1.0) / cells
    long_ends = ends[np.log10(ends + 1.0) - np.log10(starts + 1.0) >= x_step]
    forced = np.isin(candidates, long_ends)
    forced[[0, -1]] = True
    kept = []
    last_x, last_y = -np.inf, np.inf
    for i in range(len(candidates)):
        if forced[i] or abs(x[i] - last_x) >= x_step or abs(y[i] - last_y) >= y_step:
            kept.append(i)
            last_x, last_y = x[i], y[i]
    return candidates[kept]


# --------------------------------------------------------------------------------------------
# Collocations (notebook 03)
# --------------------------------------------------------------------------------------------


@_styled
def top_collocations(table: pd.DataFrame, *, measure: str = "llr", top_n: int = 20,
                     title: str | None = None) -> Figure:
    """Draw the ``top_n`` first rows of a collocation table as bars of their ``measure`` score.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`textkit.collocations.ngrams` (label column ``collocation``) or
        :func:`textkit.collocations.collocates` (label column ``collocate``), already ranked.
    measure : str, default "llr"
        The score column to draw (``"frequency"`` draws ``count``).
    top_n : int, default 20
        How many rows; the first row is at the top. Each bar is labelled with the count.
    title : str or None, default None
        ``None`` gives "Top collocations by <the measure's name>", e.g. "log-likelihood (G²)".

    Returns
    -------
    matplotlib.figure.Figure
    """
    label = "collocation" if "collocation" in table.columns else "collocate"
    column = "count" if measure == "frequency" else measure
    rows = table.head(min(top_n, MAX_BARS)).iloc[::-1]
    fig = Figure(figsize=(7, max(2.5, 0.28 * len(rows) + 1)))
    ax = fig.add_subplot()
    if rows.empty:
        _say(ax, "no rows to show (try a lower min_count)")
    else:
        _bars(ax, rows[label].astype(str), rows[column], COLOUR,
              notes=[f"n={count}" for count in rows["count"]],
              at=[max(score, 0) for score in rows[column]])
        ax.set_xlabel(association.LABELS[measure])
    ax.set_title(title or f"Top collocations by {association.LABELS[measure]}")
    fig.tight_layout()
    return fig


@_styled
def collocate_scatter(table: pd.DataFrame, *, measure: str = "llr", top_n: int = 20,
                      title: str | None = None) -> Figure:
    """Plot each collocate's score against its frequency in the windows, naming the top ones.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`textkit.collocations.collocates`, ranked by ``measure``.
    measure : str, default "llr"
        The score on the y axis (``"frequency"`` plots ``count``).
    top_n : int, default 20
        How many of the first rows get a text label; collocates that share a point share one
        label ("putin, will").
    title : str or None, default None
        ``None`` gives "Collocates of '<node>'".

    Returns
    -------
    matplotlib.figure.Figure
        x: ``count`` (co-occurrences in the windows, log scale); y: the score. Above
        :data:`THIN_ABOVE` collocates, a point within 1/400 of both axes' spans of one already
        drawn (about a pixel; a marker is five wide) is not drawn again, so the SVG stays small.
    """
    column = "count" if measure == "frequency" else measure
    fig = Figure(figsize=(7, 5))
    ax = fig.add_subplot()
    node = table["node"].iloc[0] if len(table) else "?"
    if table.empty:
        _say(ax, "no collocates to show (is the node in the corpus?)")
    else:
        shown = table.iloc[_apart(table["count"], table[column])] if len(table) > THIN_ABOVE else table
        ax.scatter(shown["count"], shown[column], s=14, color=COLOUR, alpha=0.6)
        # Collocates with the same count and score sit on one point: one label names them all.
        labelled = table.head(top_n).groupby(["count", column], sort=True)["collocate"]
        for (x, y), names in labelled:
            ax.annotate(", ".join(sorted(map(str, names))), (x, y), xytext=(3, 2),
                        textcoords="offset points", fontsize=8)
        ax.set_xscale("log")
        _plain_log_ticks(ax.xaxis)
        ax.set_xlabel("co-occurrences in the windows (count, log scale)")
        ax.set_ylabel(association.LABELS[measure])
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or f"Collocates of '{node}'")
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# Keyness (notebook 04)
# --------------------------------------------------------------------------------------------


@_styled
def keyness(table: pd.DataFrame, *, measure: str = "log_ratio", top_n: int = 15,
            label: str = "term", title: str = "Key terms", by: str = "doc_group",
            group: str | None = None) -> Figure:
    """Draw the most over- and under-used terms as diverging bars (over right, under left).

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`textkit.keyness.table` (one comparison), with ``direction``, ``significant`` and
        the ``measure`` column; its ``term`` column holds the terms (or actors).
    measure : str, default "log_ratio"
        The effect size drawn: ``log_ratio`` (binary log of the ratio of the two relative
        frequencies), or a signed column such as ``g2_signed``.
    top_n : int, default 15
        Terms drawn on each side (significant ones only; at most :data:`MAX_BARS` in all).
    label : str, default "term"
        The column naming the bars.
    title : str, default "Key terms"
    by : str, default "doc_group"
        For a stacked table (:func:`textkit.keyness.compare`): the column naming each target.
    group : str or None, default None
        Which target to draw; ``None`` draws the first. The title names it.

    Returns
    -------
    matplotlib.figure.Figure
        Over-used terms in :data:`COLOUR`, under-used in grey; each bar labelled with ``a`` (the
        count in the target) and ``b`` (in the reference).
    """
    side = min(top_n, MAX_BARS // 2)
    if by in table.columns and len(table):
        group = table[by].iloc[0] if group is None else group
        table = table[table[by] == group]
        title = f"{title}: {group}"
    chosen = table[table["significant"].astype(bool)]
    over = chosen[chosen["direction"] == "over"].head(side)
    under = chosen[chosen["direction"] == "under"].tail(side)
    rows = pd.concat([under, over.iloc[::-1]])
    fig = Figure(figsize=(7.5, max(2.5, 0.28 * len(rows) + 1.4)))
    ax = fig.add_subplot()
    if rows.empty:
        _say(ax, "no significant differences")
    else:
        values = rows[measure].astype(float)
        colours = [COLOUR if v > 0 else NO_GROUP for v in values]
        _bars(ax, [str(x) for x in rows[label]], values, colours,
              notes=[f"{a} vs {b}" for a, b in zip(rows["a"], rows["b"])])
        ax.axvline(0, color="#333333", linewidth=0.8)
        name = {"log_ratio": "Log Ratio (log2 of the ratio of relative frequencies)"}
        ax.set_xlabel(name.get(measure, measure))
        ax.set_title("bar labels: count in the target vs in the reference", fontsize=8,
                     loc="right", color="#555555")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# Change over time (notebooks 01 and 02)
# --------------------------------------------------------------------------------------------


@_styled
def trends(table: pd.DataFrame, *, key: str = "actor", value: str = "per_1000",
           colours: dict | None = None, title: str = "Over time") -> Figure:
    """Draw one line per key across the groups (periods) of a :func:`textkit.pergroup.trend` table.

    Parameters
    ----------
    table : pandas.DataFrame
        ``doc_group``, ``key`` and ``value`` columns, groups in order.
    key : str, default "actor"
    value : str, default "per_1000"
        Drawn on the y axis ("per 1,000 tokens" for ``per_1000``).
    colours : dict or None
        Key → colour; ``None`` uses the tab10 colours in the order of the keys.
    title : str, default "Over time"

    Returns
    -------
    matplotlib.figure.Figure
    """
    fig = Figure(figsize=(8, 4.5))
    ax = fig.add_subplot()
    labels = list(dict.fromkeys(table["doc_group"].astype(str))) if len(table) else []
    if len(labels) < 2:
        _say(ax, "one group only: set group_by to a date period (e.g. date:month)")
    else:
        for i, (name, rows) in enumerate(table.groupby(key, sort=False)):
            colour = (colours or {}).get(name, GROUP_COLOURS[i % len(GROUP_COLOURS)])
            ax.plot(range(len(rows)), rows[value], marker="o", markersize=3, color=colour,
                    label=str(name))
        step = max(1, len(labels) // 12)
        ax.set_xticks(range(0, len(labels), step), labels[::step], rotation=45, ha="right")
        ax.set_ylabel("per 1,000 tokens" if value == "per_1000" else value)
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title)
    fig.tight_layout()
    return fig
