"""Figures: each function takes result DataFrames and returns a matplotlib ``Figure``.

Figures are drawn with the object-oriented API (no global pyplot state is left behind), a fixed
size and fixed colours, so the same tables always give the same picture; save them with
:func:`textkit.files.write_figure`.

Each function returns a :class:`Figure` that Jupyter shows as a PNG image wherever it is the
last expression of a cell: in JupyterLab, in papermill's executed notebooks and so in their
HTML. (A plain ``matplotlib.figure.Figure`` built without pyplot shows only as the text
``<Figure size 700x660 with 1 Axes>``.) Text in figures is never read as mathtext, so a "$" in a
word or a name is drawn as it is.

One module per kind of figure; every public name is re-exported here, so ``plots.top_terms``,
``plots.Figure``, ``plots.COLOUR`` … are the names to call:

``base``      ``Figure``, the text style, ``COLOUR``, ``MAX_BARS`` and the one group → colour
              mapping (``GROUP_COLOURS``, ``NO_GROUP``, ``group_colours``) every chart uses
``words``     ``top_terms``, ``zipf``, ``top_collocations``, ``collocate_scatter``, ``keyness``,
              ``trends``
``actors``    ``actor_mentions``,
              ``co_mention_heatmap``, ``share_of_voice``
``xrays``     ``xray``; ``MAX_BANDS``, ``MAX_TICKS``
``networks``  ``network``; ``NETWORK_SEED``, ``EDGES_PER_NODE``

(The modules ``xrays`` and ``networks`` are plural so that ``plots.xray`` and ``plots.network``
stay the functions.)
"""

from textkit.plots.base import COLOUR, GROUP_COLOURS, MAX_BARS, NO_GROUP, Figure, group_colours
from textkit.plots.words import (
    collocate_scatter,
    keyness,
    top_collocations,
    top_terms,
    trends,
    zipf,
)
from textkit.plots.actors import actor_mentions, co_mention_heatmap, share_of_voice
from textkit.plots.xrays import MAX_BANDS, MAX_TICKS, xray
from textkit.plots.networks import EDGES_PER_NODE, NETWORK_SEED, network

__all__ = [
    "COLOUR", "EDGES_PER_NODE", "GROUP_COLOURS", "MAX_BANDS", "MAX_BARS", "MAX_TICKS",
    "NETWORK_SEED", "NO_GROUP", "Figure", "actor_mentions", "co_mention_heatmap",
    "collocate_scatter", "group_colours", "keyness", "network", "share_of_voice",
    "top_collocations", "top_terms", "trends", "xray", "zipf",
]
