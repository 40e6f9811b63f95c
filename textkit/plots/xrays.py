"""The x-ray (dispersion) plot: where each term or actor occurs in the corpus laid end to end.

:func:`xray` draws :func:`textkit.dispersion.positions` or
:func:`textkit.dispersion.mention_positions` over :func:`textkit.dispersion.layout`: a tick per
occurrence for small corpora, density strips beyond :data:`MAX_BANDS` documents or
:data:`MAX_TICKS` occurrences.
"""

from __future__ import annotations

import pandas as pd
from matplotlib.ticker import MaxNLocator

from textkit.plots.base import COLOUR, MAX_BARS, Figure, _colours_for, _say, _styled

#: Documents up to which an x-ray shows each document as a band; more would be a grey haze.
MAX_BANDS = 60

#: Occurrences up to which an x-ray draws one tick each; beyond, it bins them (and an SVG of
#: ticks would grow by about 100 bytes a tick).
MAX_TICKS = 1000


@_styled
def xray(positions: pd.DataFrame, *, parts: pd.DataFrame, colours: dict | None = None,
         top_n: int = 20, bins: int = 200, title: str = "Where each term appears") -> Figure:
    """Draw an x-ray (dispersion) plot: one row per term, across the corpus laid end to end.

    The x axis is the position in the corpus, in tokens, labelled by document number (or by
    the date of the document at each tick, when ``parts`` has a ``date`` column). With fewer
    than :data:`MAX_BANDS` documents, alternate documents are shaded as light bands. With few
    occurrences (at most :data:`MAX_TICKS`) and few documents each occurrence is a tick;
    otherwise the corpus is cut into ``bins`` equal slices of tokens and each row is a density
    strip: the darker a cell, the more occurrences per 1,000 tokens in that slice, scaled to
    the row's own peak (printed on the right with the count), so a rare term's pattern shows
    as clearly as a common one's. Either way the file stays small at 2,000 documents.

    Parameters
    ----------
    positions : pandas.DataFrame
        :func:`textkit.dispersion.positions` or :func:`textkit.dispersion.mention_positions`
        (columns ``term``, ``position``; ``group`` colours the rows when present).
    parts : pandas.DataFrame
        :func:`textkit.dispersion.layout` of the same corpus (``document``, ``start``,
        ``tokens``, and ``date`` if the axis should show dates).
    colours : dict or None, default None
        Group name → colour, from :func:`group_colours` on the whole dictionary; used when
        ``positions`` has a ``group`` column, otherwise every row is :data:`COLOUR`.
    top_n : int, default 20
        How many terms (the most frequent, ties by term), the most frequent at the top; at most
        :data:`MAX_BARS`.
    bins : int, default 200
        Slices of the corpus for the density strips.
    title : str, default "Where each term appears"

    Returns
    -------
    matplotlib.figure.Figure
    """
    rows = _xray_rows(positions, top_n, colours)
    total = int(parts["tokens"].sum())
    fig = Figure(figsize=(9, max(2.6, 0.32 * len(rows) + 1.7)))
    ax = fig.add_subplot()
    if not rows or total == 0:
        _say(ax, "nothing to show (are the terms in the corpus?)")
        ax.set_title(title)
        return fig
    few = len(parts) < MAX_BANDS
    if few:
        for start, size in zip(parts["start"][1::2], parts["tokens"][1::2]):
            ax.axvspan(start, start + size, color="#f0f0f0", zorder=0, linewidth=0)
    if few and sum(len(xs) for _, xs, _ in rows) <= MAX_TICKS:
        right, note = _xray_ticks(ax, rows), "one tick per occurrence"
    else:
        right, note = _xray_cells(ax, rows, total, bins)
    labels = [term for term, _, _ in rows]
    ax.set_yticks(range(len(rows)), labels[::-1])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    side = ax.secondary_yaxis("right")
    side.set_yticks(range(len(rows)), right[::-1], fontsize=8)
    side.tick_params(length=0)
    _xray_axis(ax, parts, total, few, note)
    ax.spines[["top", "right"]].set_visible(False)
    side.spines["right"].set_visible(False)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def _xray_rows(positions: pd.DataFrame, top_n: int, colours: dict | None) -> list:
    """(term, sorted positions, colour) for the ``top_n`` most frequent terms, top first."""
    counts = positions["term"].value_counts()
    order = sorted(counts.index, key=lambda t: (-counts[t], t))[:min(top_n, MAX_BARS)]
    if "group" in positions.columns:
        palette = _colours_for(positions["group"], colours)
        group_of = dict(zip(positions["term"], positions["group"]))
    chosen = positions[positions["term"].isin(order)]
    where = {t: xs.to_numpy() for t, xs in chosen.groupby("term")["position"]}
    return [(t, where[t], palette[group_of[t]] if "group" in positions.columns else COLOUR)
            for t in order]


def _xray_ticks(ax, rows: list) -> list:
    """One tick per occurrence (x = token position + ½, the middle of the token)."""
    for y, (_, xs, colour) in enumerate(reversed(rows)):
        ax.axhline(y, color="#dddddd", linewidth=0.6, zorder=1)
        ax.scatter(xs + 0.5, [y] * len(xs), marker="|", s=110, linewidths=1.2, color=colour,
                   zorder=2)
    return [f"{len(xs):,}" for _, xs, _ in rows]


def _xray_cells(ax, rows: list, total: int, bins: int) -> list:
    """Density strips: each cell's darkness is occurrences per 1,000 tokens, over the row's peak."""
    import numpy as np
    from matplotlib.colors import to_rgb

    bins = max(1, min(bins, total))
    edges = np.linspace(0, total, bins + 1)
    rates = [np.histogram(xs, bins=edges)[0] / np.diff(edges) * 1000 for _, xs, _ in rows]
    for y, ((_, _, colour), rate) in enumerate(zip(reversed(rows), reversed(rates))):
        cells = np.zeros((1, bins, 4))
        cells[..., :3] = to_rgb(colour)
        peak = rate.max()
        cells[0, :, 3] = np.where(rate > 0, 0.18 + 0.82 * rate / peak, 0) if peak else 0
        ax.axhline(y, color="#e6e6e6", linewidth=0.6, zorder=1)
        ax.imshow(cells, extent=(0, total, y - 0.38, y + 0.38), aspect="auto",
                  interpolation="nearest", zorder=2)
    note = (f"darker: more per 1,000 tokens, each row scaled to its own peak; "
            f"one cell = {total / bins:,.0f} tokens")
    right = [f"{len(xs):,} · peak {rate.max():.3g}/1k" for (_, xs, _), rate in zip(rows, rates)]
    return right, note


def _xray_axis(ax, parts: pd.DataFrame, total: int, few: bool, note: str) -> None:
    """Label x by document number or date: document middles when few, else some starts."""
    import numpy as np

    n, dated = len(parts), "date" in parts.columns
    starts, sizes = parts["start"].to_numpy(), parts["tokens"].to_numpy()
    if few:
        chosen, where = range(1, n + 1), starts + sizes / 2
    elif dated:  # the documents at evenly spaced tokens, so that the dates do not crowd
        at = np.searchsorted(starts, np.linspace(0, total, 8)[:-1], side="right")
        chosen, where = sorted(set(at.tolist())), starts
    else:  # round document numbers
        ticks = MaxNLocator(nbins=8, integer=True).tick_values(1, n)
        chosen, where = sorted({1, *(int(k) for k in ticks if 1 <= k <= n)}), starts
    gap = total / (9 if dated else 20 if few else 14)
    kept = []
    for k in chosen:  # leave out a label too close to the one before
        if not kept or where[k - 1] - where[kept[-1] - 1] >= gap:
            kept.append(k)
    labels = [parts["date"].iloc[k - 1] if dated else str(k) for k in kept]
    ax.set_xticks([where[k - 1] for k in kept], labels, rotation=30 if dated else 0,
                  ha="right" if dated else "center")
    ax.set_xlim(0, total)
    what = "date of the document" if dated else "document"
    ax.set_xlabel(f"{what} ({n:,} documents in corpus order, {total:,} tokens)\n{note}")
