"""Charts of actors (notebook 02): mentions, co-mentions, share of voice.

Bars are coloured by the actor's group with the one mapping of
:func:`textkit.plots.base.group_colours`, passed as ``colours=``. Where actors appear is drawn
by :func:`textkit.plots.xrays.xray`.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from textkit.plots.base import MAX_BARS, Figure, _bars, _colours_for, _group_legend, _styled

@_styled
def actor_mentions(counts: pd.DataFrame, *, top_n: int = 20, title: str = "Mentions per actor",
                   colours: dict | None = None) -> Figure:
    """Draw mentions per actor as horizontal bars coloured by group.

    The full bar is every mention; the darker inner bar is ``direct`` (names and aliases
    only), so the part added by demonyms and metonyms shows as the lighter end.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`textkit.mentioncounts.counts` (columns ``actor``, ``group``, ``mentions``,
        ``direct``).
    top_n : int, default 20
        How many actors to draw, the most mentioned at the top.
    title : str, default "Mentions per actor"
    colours : dict or None, default None
        Group name → colour, from :func:`group_colours` on the whole dictionary (one colour
        per group across every chart); ``None`` makes one from this table's groups.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = counts.head(min(top_n, MAX_BARS)).iloc[::-1]
    colours = _colours_for(counts["group"], colours)
    fig = Figure(figsize=(7.5, max(2.5, 0.3 * len(rows) + 1.2)))
    ax = fig.add_subplot()
    bar_colours = [colours[g] for g in rows["group"]]
    _bars(ax, rows["actor"], rows["mentions"], bar_colours, alpha=0.45)
    ax.barh(rows["actor"], rows["direct"], color=bar_colours)
    ax.set_xlabel("mentions (dark: names and aliases; light: demonyms and metonyms)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    _group_legend(ax, {g: colours[g] for g in sorted(set(rows["group"]))})
    fig.tight_layout()
    return fig


@_styled
def co_mention_heatmap(grid: pd.DataFrame, *, title: str = "Actors mentioned together") -> Figure:
    """Draw a co-mention matrix as a heatmap with the counts written in the cells.

    Parameters
    ----------
    grid : pandas.DataFrame
        :func:`textkit.mentioncounts.matrix` (square, actors as index and columns).
    title : str, default "Actors mentioned together"

    Returns
    -------
    matplotlib.figure.Figure
    """
    n = len(grid)
    size = max(4.0, 0.42 * n + 2.5)
    fig = Figure(figsize=(size + 1, size))
    ax = fig.add_subplot()
    values = grid.to_numpy()
    image = ax.imshow(values, cmap="Blues", vmin=0)
    ax.set_xticks(range(n), list(grid.columns), rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), list(grid.index), fontsize=8)
    top = values.max() if n else 0
    for i in range(n):
        for j in range(n):
            if values[i, j]:
                ax.text(j, i, str(values[i, j]), ha="center", va="center", fontsize=7,
                        color="white" if values[i, j] > top / 2 else "black")
    fig.colorbar(image, ax=ax, shrink=0.7, label="units mentioning both")
    ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def share_of_voice(voice: pd.DataFrame, *, top_n: int = 20, title: str = "Share of voice",
                   colours: dict | None = None) -> Figure:
    """Draw quoted words and quotations per speaker, side by side, coloured by group.

    Parameters
    ----------
    voice : pandas.DataFrame
        :func:`textkit.quotes.voice` with ``by="actor"`` (columns ``actor``, ``group``,
        ``quotes``, ``words``).
    top_n : int, default 20
        How many speakers, in the table's order (most quoted words at the top).
    title : str, default "Share of voice"
    colours : dict or None, default None
        Group name → colour, from :func:`group_colours` on the whole dictionary (one colour
        per group across every chart); ``None`` makes one from this table's groups.

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = voice.head(min(top_n, MAX_BARS)).iloc[::-1]
    colours = _colours_for(voice["group"], colours)
    fig = Figure(figsize=(9, max(2.5, 0.3 * len(rows) + 1.2)))
    words_ax, quotes_ax = fig.subplots(1, 2, sharey=True)
    bar_colours = [colours[g] for g in rows["group"]]
    for ax, column, label in ((words_ax, "words", "quoted words"), (quotes_ax, "quotes", "quotations")):
        _bars(ax, rows["actor"], rows[column], bar_colours)
        ax.set_xlabel(label)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
    _group_legend(quotes_ax, {g: colours[g] for g in sorted(set(rows["group"]))})
    fig.suptitle(title)
    fig.tight_layout()
    return fig
