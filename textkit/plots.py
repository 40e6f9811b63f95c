"""Figures: each function takes result DataFrames and returns a matplotlib ``Figure``.

Figures are drawn with the object-oriented API (no global pyplot state is left behind), a fixed
size and fixed colours, so the same tables always give the same picture; save them with
:func:`textkit.files.write_figure`.

Each function returns a :class:`Figure` that Jupyter shows as a PNG image wherever it is the
last expression of a cell: in JupyterLab, in papermill's executed notebooks and so in their
HTML. (A plain ``matplotlib.figure.Figure`` built without pyplot shows only as the text
``<Figure size 700x660 with 1 Axes>``.) Text in figures is never read as mathtext, so a "$" in a
word or a name is drawn as it is.
"""

from __future__ import annotations

import functools
import io

import matplotlib
import pandas as pd
from matplotlib.figure import Figure as _MatplotlibFigure
from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

from textkit import association

#: One colour for single-series charts, so figures look alike across notebooks.
COLOUR = "#31688e"

#: Bars a chart draws at most, whatever ``top_n`` says; beyond this labels cannot be read.
MAX_BARS = 50

#: Text sizes, readable at the default figure size.
_STYLE = {"font.size": 10, "axes.titlesize": 12, "axes.labelsize": 10, "xtick.labelsize": 9,
          "ytick.labelsize": 9, "legend.fontsize": 9, "text.parse_math": False}


class Figure(_MatplotlibFigure):
    """A matplotlib figure that Jupyter displays as a PNG image (``_repr_png_``).

    The PNG is the same one :func:`textkit.files.write_figure` saves (100 dpi, no software
    version in its metadata), so executed notebooks stay byte-identical between runs.
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
        return buffer.getvalue()


def _plain_log_ticks(*axes) -> None:
    """Label log axes 1, 10, 100 as plain text (their default labels are mathtext, off here)."""
    for axis in axes:
        axis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axis.set_minor_formatter(NullFormatter())


def _styled(draw):
    """Build the figure under textkit's text style (sizes, no mathtext)."""
    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        with matplotlib.rc_context(_STYLE):
            return draw(*args, **kwargs)
    return wrapper


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
    ax.barh(rows["term"], rows["count"], color=COLOUR)
    for y, count in enumerate(rows["count"]):
        ax.annotate(str(count), (count, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_xlabel("count")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


@_styled
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
    _plain_log_ticks(ax.xaxis, ax.yaxis)
    ax.set_xlabel("rank (log scale)")
    ax.set_ylabel("count (log scale)")
    ax.set_title(title)
    ax.legend(frameon=False)
    fig.tight_layout()
    return fig


# --------------------------------------------------------------------------------------------
# Actor mentions (notebook 02)
# --------------------------------------------------------------------------------------------

#: Colours for actor groups, given to the groups in alphabetical order (tab10, colour-blind
#: friendly enough and the same on every run).
GROUP_COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
)


#: The colour of mentions or quotations with no group (e.g. "(unattributed)").
NO_GROUP = "#999999"


def group_colours(groups) -> dict:
    """Map each group name to a colour: alphabetical order, cycling through GROUP_COLOURS.

    Make the mapping once from the whole dictionary (``group_colours(dictionary["group"])``)
    and pass it to every chart, so a group has one colour in every figure of a run, whichever
    groups a chart happens to show.

    >>> group_colours(["Ukraine", "Russia", "Ukraine"])
    {'Russia': '#1f77b4', 'Ukraine': '#d62728'}
    """
    names = sorted(set(groups))
    return {g: GROUP_COLOURS[i % len(GROUP_COLOURS)] for i, g in enumerate(names)}


def _colours_for(groups, colours: dict | None) -> dict:
    """The given mapping (or one made from ``groups``), with unknown groups in grey."""
    colours = dict(colours) if colours is not None else group_colours(groups)
    return {**{g: NO_GROUP for g in set(groups)}, **colours}


def _group_legend(ax, colours: dict) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=c, label=g) for g, c in colours.items()]
    ax.legend(handles=handles, title="group", frameon=False, fontsize=8, title_fontsize=8,
              loc="lower right")


@_styled
def actor_mentions(counts: pd.DataFrame, *, top_n: int = 20, title: str = "Mentions per actor",
                   colours: dict | None = None) -> Figure:
    """Draw mentions per actor as horizontal bars coloured by group.

    The full bar is every mention; the darker inner bar is ``direct`` (names and aliases
    only), so the part added by demonyms and metonyms shows as the lighter end.

    Parameters
    ----------
    counts : pandas.DataFrame
        :func:`textkit.actors.counts` (columns ``actor``, ``group``, ``mentions``, ``direct``).
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
    ax.barh(rows["actor"], rows["mentions"], color=bar_colours, alpha=0.45)
    ax.barh(rows["actor"], rows["direct"], color=bar_colours)
    for y, count in enumerate(rows["mentions"]):
        ax.annotate(str(count), (count, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_xlabel("mentions (dark: names and aliases; light: demonyms and metonyms)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    _group_legend(ax, {g: colours[g] for g in sorted(set(rows["group"]))})
    fig.tight_layout()
    return fig


@_styled
def dispersion(mentions: pd.DataFrame, documents: pd.DataFrame, *, top_n: int = 20,
               title: str = "Where each actor appears", colours: dict | None = None) -> Figure:
    """Draw an x-ray (dispersion) plot: one row per actor, one tick per mention.

    The x axis is the position in the corpus, as a character offset into the documents laid
    end to end in corpus order (dotted lines separate documents).

    Parameters
    ----------
    mentions : pandas.DataFrame
        :func:`textkit.actors.mentions`.
    documents : pandas.DataFrame
        The cleaned corpus the mentions come from (``doc_id``, ``text``).
    top_n : int, default 20
        How many actors (the most mentioned, ties by name), the most mentioned at the top.
    title : str, default "Where each actor appears"
    colours : dict or None, default None
        Group name → colour, from :func:`group_colours` on the whole dictionary (one colour
        per group across every chart); ``None`` makes one from this table's groups.

    Returns
    -------
    matplotlib.figure.Figure
    """
    offsets, total = {}, 0
    for doc_id, text in zip(documents["doc_id"], documents["text"]):
        offsets[doc_id] = total
        total += len(text)
    sizes = mentions.groupby("actor").size()
    order = sorted(sizes.index, key=lambda a: (-sizes[a], a))[:top_n]
    colours = _colours_for(mentions["group"], colours)
    group_of = dict(zip(mentions["actor"], mentions["group"]))
    fig = Figure(figsize=(9, max(2.5, 0.3 * len(order) + 1.2)))
    ax = fig.add_subplot()
    for y, actor in enumerate(reversed(order)):
        rows = mentions[mentions["actor"] == actor]
        xs = [offsets[d] + s for d, s in zip(rows["doc_id"], rows["start"])]
        ax.scatter(xs, [y] * len(xs), marker="|", s=120, color=colours[group_of[actor]])
    for start in list(offsets.values())[1:]:
        ax.axvline(start, color="#999999", linestyle=":", linewidth=0.8)
    ax.set_yticks(range(len(order)), list(reversed(order)))
    ax.set_xlim(0, max(total, 1))
    ax.set_xlabel("position in the text (characters)")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


@_styled
def co_mention_heatmap(grid: pd.DataFrame, *, title: str = "Actors mentioned together") -> Figure:
    """Draw a co-mention matrix as a heatmap with the counts written in the cells.

    Parameters
    ----------
    grid : pandas.DataFrame
        :func:`textkit.actors.matrix` (square, actors as index and columns).
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
        ax.barh(rows["actor"], rows[column], color=bar_colours)
        for y, value in enumerate(rows[column]):
            ax.annotate(str(value), (value, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
        ax.set_xlabel(label)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
        ax.spines[["top", "right"]].set_visible(False)
    _group_legend(quotes_ax, {g: colours[g] for g in sorted(set(rows["group"]))})
    fig.suptitle(title)
    fig.tight_layout()
    return fig


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
        ax.text(0.5, 0.5, "no rows to show (try a lower min_count)", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.barh(rows[label].astype(str), rows[column], color=COLOUR)
        for y, (score, count) in enumerate(zip(rows[column], rows["count"])):
            ax.annotate(f"n={count}", (max(score, 0), y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=8)
        ax.set_xlabel(association.LABELS[measure])
        ax.spines[["top", "right"]].set_visible(False)
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
        x: ``count`` (co-occurrences in the windows, log scale); y: the score.
    """
    column = "count" if measure == "frequency" else measure
    fig = Figure(figsize=(7, 5))
    ax = fig.add_subplot()
    node = table["node"].iloc[0] if len(table) else "?"
    if table.empty:
        ax.text(0.5, 0.5, "no collocates to show (is the node in the corpus?)", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
    else:
        ax.scatter(table["count"], table[column], s=14, color=COLOUR, alpha=0.6)
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
# Dispersion: x-ray plot (textkit.dispersion)
# --------------------------------------------------------------------------------------------

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
        ax.text(0.5, 0.5, "nothing to show (are the terms in the corpus?)", ha="center",
                va="center", transform=ax.transAxes)
        ax.set_axis_off()
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


# --------------------------------------------------------------------------------------------
# Networks (textkit.network)
# --------------------------------------------------------------------------------------------

#: The seed of the network layout, so the same graph is always drawn the same way.
NETWORK_SEED = 7

#: A network figure draws the heaviest edges, this many per node shown (and each node's heaviest).
EDGES_PER_NODE = 3


@_styled
def network(graph, *, colours: dict | None = None, top_n: int = 30,
            title: str | None = None) -> Figure:
    """Draw a co-occurrence network: its ``top_n`` largest nodes and the edges between them.

    Each connected part is laid out with a spring layout (Fruchterman–Reingold) with a fixed
    seed, the largest part first, so the same graph always gives the same picture. The layout
    ignores the weights (heavy edges would pull the hubs on top of each other); an edge's
    width and darkness show its ``weight``, a node's area its ``mentions`` (actor graphs) or
    ``frequency`` (word graphs). Every node is named, beside its disc where the name covers
    the fewest other names and discs. Only the heaviest edges are drawn, :data:`EDGES_PER_NODE`
    times as many as the nodes shown, plus each node's heaviest edge, so that a dense word graph
    stays readable.

    Parameters
    ----------
    graph : networkx.Graph
        :func:`textkit.network.actors` or :func:`textkit.network.words`.
    colours : dict or None, default None
        Group name → colour, from :func:`group_colours` on the whole dictionary; nodes whose
        group is not in it are :data:`NO_GROUP` grey. Nodes without a ``group`` (word graphs)
        are :data:`COLOUR`.
    top_n : int, default 30
        How many nodes: the largest (ties by weighted degree, then name), at most
        :data:`MAX_BARS`.
    title : str or None, default None
        ``None`` gives "Actors mentioned together" or "Words used near each other".

    Returns
    -------
    matplotlib.figure.Figure
        A note under the picture says what was drawn and what was left out (nodes without an
        edge to another of the largest nodes, weaker edges).
    """
    import textwrap

    from textkit import network as networks

    table = networks.nodes(graph).head(min(top_n, MAX_BARS))
    shown, isolated, dropped = _network_part(graph, list(table["node"]))
    actors = "group" in table.columns
    fig = Figure(figsize=(9, 7))
    ax = fig.add_subplot()
    ax.set_axis_off()
    fig.subplots_adjust(left=0.02, right=0.8 if actors else 0.98, top=0.93, bottom=0.08)
    ax.set_title(title or ("Actors mentioned together" if actors else "Words used near each other"))
    if not len(shown):
        ax.text(0.5, 0.5, "no edges to draw (lower min_count or min_together, or raise top_n)",
                ha="center", va="center", transform=ax.transAxes)
        return fig
    where = _network_layout(shown)
    _network_edges(ax, shown, where)
    size = networks.size_attribute(graph)
    _network_nodes(ax, shown, where, size, colours if actors else None, actors)
    what = size or "degree"
    note = (f"{len(shown)} of {graph.number_of_nodes()} nodes (the largest by {what}), "
            f"{shown.number_of_edges()} edges; area: {what}; width: "
            f"{'units mentioning both' if actors else 'co-occurrences'}")
    if isolated:
        note += f"; {isolated} without an edge among them left out"
    if dropped:
        note += f"; {dropped} weaker edges left out"
    fig.text(0.5, 0.015, textwrap.fill(note, 120), ha="center", fontsize=8, color="#555555")
    return fig


def _network_part(graph, names: list):
    """The drawn graph (nodes in order, strongest edges), nodes left out, edges left out."""
    from textkit import network as networks

    part = graph.subgraph(names)
    rows = sorted(part.edges(data="weight", default=1),
                  key=lambda e: (-e[2], *sorted(map(str, e[:2]))))
    keep = {frozenset(e[:2]) for e in rows[:EDGES_PER_NODE * len(names)]}
    for name in names:  # every node keeps its heaviest edge
        first = next((e for e in rows if name in e[:2]), None)
        if first:
            keep.add(frozenset(first[:2]))
    drawn = part.edge_subgraph([e[:2] for e in rows if frozenset(e[:2]) in keep])
    isolated = sum(1 for name in names if name not in drawn)
    return networks.ordered(drawn), isolated, len(rows) - len(keep)


def _network_layout(graph) -> dict:
    """Spring layout per connected part, the parts packed in rows, largest first."""
    import networkx as nx

    from textkit import network as networks

    parts = sorted((sorted(c, key=str) for c in nx.connected_components(graph)),
                   key=lambda c: (-len(c), str(c[0])))
    where, x, y, row = {}, 0.0, 0.0, 0.0
    limit = 2.2 * len(parts[0]) ** 0.5
    for part in parts:
        side = len(part) ** 0.5  # a part's box has an area in proportion to its nodes
        # ordered: a small subgraph view lists its nodes in set order, which varies by run
        pos = nx.spring_layout(networks.ordered(graph.subgraph(part)), k=2.0 / side,
                               seed=NETWORK_SEED, weight=None, iterations=200, method="force")
        if x > 0 and x + side > limit:
            x, y, row = 0.0, y - row - 0.4, 0.0
        for node in part:
            px, py = pos[node]
            where[node] = (x + side / 2 * (1 + px), y - side / 2 * (1 - py))
        x, row = x + side + 0.4, max(row, side)
    return where


def _network_edges(ax, graph, where: dict) -> None:
    """Edges as lines, the heaviest on top; width and darkness grow with the weight."""
    from matplotlib.collections import LineCollection

    rows = sorted(graph.edges(data="weight", default=1), key=lambda e: (e[2], str(e[0]), str(e[1])))
    top = max(w for _, _, w in rows) or 1
    share = [w / top for _, _, w in rows]
    ax.add_collection(LineCollection(
        [(where[u], where[v]) for u, v, _ in rows],
        linewidths=[0.5 + 5.5 * s for s in share],
        colors=[(0.3, 0.3, 0.3, 0.2 + 0.5 * s) for s in share], zorder=1,
    ))


def _network_nodes(ax, graph, where: dict, size, colours, actors: bool) -> None:
    """Nodes as discs (area by size) coloured by group, named, with the group legend."""
    names = list(graph.nodes)
    values = [graph.nodes[n].get(size, 1) if size else graph.degree(n) for n in names]
    top = max(values) or 1
    areas = [30 + 800 * v / top for v in values]
    groups = [graph.nodes[n].get("group") for n in names]
    palette = _colours_for(groups, colours) if actors else {}
    xy = [where[n] for n in names]
    ax.scatter([x for x, _ in xy], [y for _, y in xy], s=areas, edgecolors="white",
               c=[palette[g] for g in groups] if actors else COLOUR, linewidths=0.8, zorder=2)
    xs, ys = [x for x, _ in xy], [y for _, y in xy]
    pad_x, pad_y = 0.12 * (max(xs) - min(xs) or 1), 0.1 * (max(ys) - min(ys) or 1)
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    order = sorted(range(len(names)), key=lambda i: (-values[i], str(names[i])))
    _network_labels(ax, [str(names[i]) for i in order], [xy[i] for i in order],
                    [areas[i] for i in order])
    if actors:
        from matplotlib.patches import Patch

        handles = [Patch(color=palette[g], label=g) for g in sorted(set(groups), key=str)]
        ax.legend(handles=handles, title="group", frameon=False, fontsize=8, title_fontsize=8,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _network_labels(ax, names: list, xy: list, areas: list, fontsize: float = 8) -> None:
    """Name each node below, above, right or left of its disc: where it overlaps least.

    Names are placed largest node first; a candidate box's cost is its overlap (in pixels²)
    with the names already placed and with every disc, so ties keep the first position (below).
    """
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    dpi = ax.figure.dpi
    measure = RendererAgg(10, 10, dpi).get_text_width_height_descent
    font = FontProperties(size=fontsize)
    centres = ax.transData.transform(xy)
    radii = [(a ** 0.5 / 1.7725) * dpi / 72 for a in areas]  # √(area / π) points, in pixels
    discs = [(cx - r, cy - r, cx + r, cy + r) for (cx, cy), r in zip(centres, radii)]
    placed = []
    for name, point, (cx, cy), r in zip(names, xy, centres, radii):
        w, h, _ = measure(name, font, ismath=False)
        h += 2
        gap = r + 2
        boxes = {  # (box, offset in pixels, ha, va)
            "below": ((cx - w / 2, cy - gap - h, cx + w / 2, cy - gap), (0, -gap), "center",
                      "top"),
            "above": ((cx - w / 2, cy + gap, cx + w / 2, cy + gap + h), (0, gap), "center",
                      "bottom"),
            "right": ((cx + gap, cy - h / 2, cx + gap + w, cy + h / 2), (gap, 0), "left",
                      "center"),
            "left": ((cx - gap - w, cy - h / 2, cx - gap, cy + h / 2), (-gap, 0), "right",
                     "center"),
        }
        cost = {side: sum(_overlap(box, other) for other in placed + discs)
                for side, (box, *_) in boxes.items()}
        box, (dx, dy), ha, va = boxes[min(boxes, key=lambda side: cost[side])]
        placed.append(box)
        ax.annotate(name, point, xytext=(dx * 72 / dpi, dy * 72 / dpi),
                    textcoords="offset points", ha=ha, va=va, fontsize=fontsize, zorder=3,
                    bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none",
                          "alpha": 0.75})


def _overlap(a, b) -> float:
    """The area shared by two boxes ``(x0, y0, x1, y1)``."""
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


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
        ax.text(0.5, 0.5, "no significant differences", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
    else:
        values = rows[measure].astype(float)
        colours = [COLOUR if v > 0 else NO_GROUP for v in values]
        ax.barh([str(x) for x in rows[label]], values, color=colours)
        for y, (value, a, b) in enumerate(zip(values, rows["a"], rows["b"])):
            ax.annotate(f"{a} vs {b}", (value, y), xytext=(3 if value >= 0 else -3, 0),
                        textcoords="offset points", va="center", fontsize=8,
                        ha="left" if value >= 0 else "right")
        ax.axvline(0, color="#333333", linewidth=0.8)
        name = {"log_ratio": "Log Ratio (log2 of the ratio of relative frequencies)"}
        ax.set_xlabel(name.get(measure, measure))
        ax.set_title("bar labels: count in the target vs in the reference", fontsize=8,
                     loc="right", color="#555555")
        ax.spines[["top", "right"]].set_visible(False)
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
        ax.text(0.5, 0.5, "one group only: set group_by to a date period (e.g. date:month)",
                ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
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
