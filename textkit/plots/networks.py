"""The co-occurrence network figure (:func:`network`) of :mod:`textkit.network`'s graphs.

A seeded spring layout per connected part (:data:`NETWORK_SEED`), the heaviest edges
(:data:`EDGES_PER_NODE` per node shown), node names placed where they cover the least.
"""

from __future__ import annotations

from textkit.plots.base import COLOUR, MAX_BARS, Figure, _colours_for, _styled

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
