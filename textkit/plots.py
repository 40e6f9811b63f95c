"""Figures: each function takes result DataFrames and returns a matplotlib ``Figure``.

Figures are drawn with the object-oriented API (no global pyplot state is left behind), a fixed
size and fixed colours, so the same tables always give the same picture; save them with
:func:`textkit.files.write_figure`.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

#: One colour for single-series charts, so figures look alike across notebooks.
COLOUR = "#31688e"


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
    rows = terms.head(top_n).iloc[::-1]
    fig = Figure(figsize=(7, max(2.5, 0.28 * len(rows) + 1)))
    ax = fig.add_subplot()
    ax.barh(rows["term"], rows["count"], color=COLOUR)
    for y, count in enumerate(rows["count"]):
        ax.annotate(str(count), (count, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_xlabel("count")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def zipf(terms: pd.DataFrame, *, title: str = "Rank–frequency (Zipf) plot") -> Figure:
    """Draw count against rank on log–log axes, with the Zipf reference line ``f(1) / rank``.

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
    fig = Figure(figsize=(6, 4.5))
    ax = fig.add_subplot()
    ax.loglog(ranks, counts, marker=".", linestyle="none", color=COLOUR, label="terms")
    if len(counts):
        ax.loglog(ranks, [counts[0] / r for r in ranks], color="#999999", linewidth=1,
                  label="Zipf: f(1) / rank")
    ax.set_xlabel("rank (log scale)")
    ax.set_ylabel("count (log scale)")
    ax.set_title(title)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig
