"""Co-occurrence networks: actors mentioned together, words used near each other.

Two graphs, both undirected :class:`networkx.Graph` objects whose nodes are strings:

- :func:`actors` turns :func:`textkit.mentioncounts.co_mentions` (actors mentioned in the same
  sentence or paragraph) into a graph: one node per actor, one edge per pair mentioned together;
- :func:`words` counts the words that occur within ``window`` tokens of each other inside a
  sentence of a :func:`textkit.collocations.sequence`, and scores every pair with the measures
  of :mod:`textkit.association`.

:func:`nodes` and :func:`edges` give the graph back as tables (shown in notebooks, saved with
:func:`textkit.files.write_table`); :func:`textkit.files.write_graph` saves it as GraphML and
GEXF for Gephi, and :func:`textkit.plots.network` draws a small picture of it. Every node has a
``label`` (the node itself) so that Gephi shows names from either file, and every edge a
``weight`` (the co-occurrence count), which Gephi reads as the edge weight.

What the cells of a word pair count
-----------------------------------
The sample is the set of *window pairs*: two token positions ``i < j`` of the same sentence at
most ``window`` tokens apart (``j − i ≤ window``; stopwords take up positions, as in
:func:`textkit.collocations.collocates`). ``N`` is the number of window pairs in the corpus. For
two words ``a`` and ``b``, a window pair either contains ``a`` or not, and either contains
``b`` or not:

- ``o11``: window pairs holding ``a`` and ``b`` (in either order) — the edge's ``count``;
- ``o12``: pairs holding ``a`` but not ``b``; ``R1 = o11 + o12`` pairs hold ``a``;
- ``o21``: pairs holding ``b`` but not ``a``; ``C1 = o11 + o21`` pairs hold ``b``;
- ``o22``: pairs holding neither, so ``o11 + o12 + o21 + o22 = N``.

The table is symmetric (swapping ``a`` and ``b`` swaps ``o12`` and ``o21``, which leaves every
measure unchanged), so an edge has one score whichever end is read first. With ``window=1``
the pairs are the bigram positions of :func:`textkit.collocations.ngrams`, read in both
orders. Every measure of :data:`textkit.association.MEASURES` is stored on the edge; ``llr``
(G², Dunning 1993) is the significance score and is two-sided, so compare ``count`` with
``e11`` to see whether a pair is seen more often than chance.

Worked example, ``window=1``: "a b c. a b." has three window pairs, (a b), (b c), (a b);
``N = 3``; ``a`` is in 2 of them, ``b`` in 3, so the edge a–b has ``o11 = 2``, ``o12 = 0``,
``o21 = 1``, ``o22 = 0`` and ``e11 = 2 × 3 / 3 = 2``: "b" is everywhere, so "a b" is no
surprise (G² = 0).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from textkit import association, collocations, counting, parameters, scoredtable, sequences
from textkit.errors import ParameterError

#: Rules of this module's own parameters (same wording as :mod:`textkit.parameters`).
RULES = {"min_together": parameters.at_least(1)}

#: Columns :func:`actors` needs in its ``co_mentions`` table
#: (:func:`textkit.mentioncounts.co_mentions`).
PAIR_COLUMNS = (
    "actor_a", "actor_b", "group_a", "group_b", "together", "units_a", "units_b", "dice",
)

#: Columns :func:`actors` needs in its ``counts`` table (from
#: :func:`textkit.mentioncounts.counts`).
COUNT_COLUMNS = ("actor", "group", "mentions")

#: The measures stored on every word edge (every measure but ``frequency``, which is ``count``).
WORD_MEASURES = scoredtable.MEASURE_COLUMNS

#: Node attributes in table order; others follow in alphabetical order.
NODE_ATTRIBUTES = ("label", "group", "mentions", "frequency")

#: Edge attributes in table order, of actor and of word graphs; others follow alphabetically.
ACTOR_EDGES = ("together", "dice", "weight")
WORD_EDGES = ("count", "e11", *WORD_MEASURES, "weight")

#: Node attributes that say how big a node is, in the order they are looked for.
SIZES = ("mentions", "frequency")

_DECIMALS = 6


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def _require(table, columns, what: str, source: str) -> None:
    """Raise ParameterError unless ``table`` is a DataFrame with ``columns``."""
    have = list(table.columns) if isinstance(table, pd.DataFrame) else None
    missing = [c for c in columns if have is None or c not in have]
    if missing:
        got = f"columns {have}" if have is not None else f"a {type(table).__name__}"
        raise ParameterError(
            f"{what} needs a table made by {source} (columns {', '.join(columns)}); got {got}."
        )


def actors(co_mentions: pd.DataFrame, counts: pd.DataFrame | None = None, *,
           min_together: int = 1) -> nx.Graph:
    """Make the network of actors mentioned together.

    Parameters
    ----------
    co_mentions : pandas.DataFrame
        A table from :func:`textkit.mentioncounts.co_mentions` (sentence or paragraph scope).
    counts : pandas.DataFrame or None, default None
        A table from :func:`textkit.mentioncounts.counts` of the same mentions. When given,
        every actor in it is a node (also actors never mentioned with another: nodes without
        edges), ``mentions`` is its number of mentions, and pairs with an actor not in it are
        left out; when ``None``, the nodes are the actors of the kept pairs and ``mentions`` is
        the number of units (sentences or paragraphs) that mention them.
    min_together : int, default 1
        Keep the pairs mentioned together in at least this many units.

    Returns
    -------
    networkx.Graph
        Undirected; nodes (actor names) and edges added in alphabetical order. Node attributes:
        ``label`` (str, the name), ``group`` (str), ``mentions`` (int). Edge attributes:
        ``together`` (int, units mentioning both), ``dice`` (float, Dice's coefficient of
        :func:`textkit.mentioncounts.co_mentions`), ``weight`` (int, = ``together``).

    Raises
    ------
    ParameterError
        For a table without the expected columns, or ``min_together`` < 1.

    Examples
    --------
    >>> m = pd.DataFrame({"doc_id": "a", "actor": ["Biden", "Putin", "NATO", "Biden", "NATO"],
    ...     "group": ["US", "RU", "EU", "US", "EU"], "sentence": [1, 1, 1, 2, 2],
    ...     "paragraph": 1})
    >>> from textkit import actors as actor_analysis
    >>> graph = actors(actor_analysis.co_mentions(m))
    >>> sorted(graph.edges(data="together"))
    [('Biden', 'NATO', 2), ('Biden', 'Putin', 1), ('NATO', 'Putin', 1)]
    >>> dict(graph.nodes(data="mentions"))
    {'Biden': 2, 'NATO': 2, 'Putin': 1}
    """
    _require(co_mentions, PAIR_COLUMNS, "network.actors", "textkit.actors.co_mentions")
    _check_min_together(min_together)
    kept = co_mentions[co_mentions["together"] >= min_together]
    nodes = {}
    if counts is not None:
        _require(counts, COUNT_COLUMNS, "network.actors counts=", "textkit.actors.counts")
        nodes = {str(a): (str(g), int(n)) for a, g, n in
                 zip(counts["actor"], counts["group"], counts["mentions"])}
    else:
        for side in ("a", "b"):
            for actor, group, units in zip(kept[f"actor_{side}"], kept[f"group_{side}"],
                                           kept[f"units_{side}"]):
                nodes[str(actor)] = (str(group), int(units))
    graph = nx.Graph()
    for actor in sorted(nodes):
        graph.add_node(actor, label=actor, group=nodes[actor][0], mentions=nodes[actor][1])
    rows = sorted((min(a, b), max(a, b), int(n), float(d)) for a, b, n, d in
                  zip(kept["actor_a"].astype(str), kept["actor_b"].astype(str),
                      kept["together"], kept["dice"]))
    for a, b, together, dice in rows:
        if a in nodes and b in nodes:
            graph.add_edge(a, b, together=together, dice=dice, weight=together)
    return graph


def _check_min_together(value) -> None:
    """Check ``min_together`` with :data:`RULES`, in the words of :func:`parameters.check`."""
    what, test = RULES["min_together"]
    if not test(value):
        raise ParameterError(f"parameter min_together must be {what}, got {value!r}.")


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


def _encode(tokens) -> tuple[np.ndarray, list[str]]:
    """Return codes in alphabetical vocabulary order (``-1`` for BREAK) and the vocabulary."""
    if isinstance(tokens, sequences.Sequence):  # codes already: renumber them alphabetically
        rank = counting.code_point_rank(tokens.words)
        codes = np.where(tokens.codes >= 0, rank[np.maximum(tokens.codes, 0)], -1)
        return codes.astype(tokens.codes.dtype), sorted(tokens.words.tolist())
    if not isinstance(tokens, (list, tuple)) or not all(isinstance(t, str) for t in tokens):
        raise ParameterError(
            "network.words needs word tokens with BREAK at sentence ends, a list of str made "
            f"by textkit.collocations.sequence(documents); got a {type(tokens).__name__}."
        )
    vocabulary = sorted(set(tokens) - {collocations.BREAK})
    index = {word: i for i, word in enumerate(vocabulary)}
    index[collocations.BREAK] = -1
    codes = np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    return codes, vocabulary


def _window_pairs(codes: np.ndarray, window: int, keep: np.ndarray):
    """Count window pairs (see the module docstring).

    Returns the sorted pair keys ``low × size + high`` of two different kept words with their
    counts, the number of window pairs holding each word, and ``N``. Positions are taken a
    block of :data:`textkit.counting.CHUNK` at a time, so temporary arrays stay small.
    """
    size = len(keep)
    sentence = np.cumsum(codes < 0, dtype=np.int32)  # a BREAK starts the next sentence
    holding = np.zeros(size, dtype=np.int64)
    total, keys = 0, []
    for distance in range(1, window + 1):
        for s in range(0, max(len(codes) - distance, 0), counting.CHUNK):
            e = min(s + counting.CHUNK, len(codes) - distance)
            a, b = codes[s:e], codes[s + distance : e + distance]
            valid = (a >= 0) & (b >= 0) & (sentence[s:e] == sentence[s + distance : e + distance])
            a, b = a[valid], b[valid]
            total += len(a)
            holding += np.bincount(a, minlength=size) + np.bincount(b[a != b], minlength=size)
            both = keep[a] & keep[b] & (a != b)
            low = np.minimum(a[both], b[both]).astype(np.int64)
            keys.append(low * size + np.maximum(a[both], b[both]))
    joined = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    pair_keys, pair_counts = np.unique(joined, return_counts=True)
    return pair_keys, pair_counts.astype(np.int64), holding, total


def words(tokens: list[str], *, window: int = 5, min_count: int = 2, top_n: int = 50,
          stopwords=frozenset()) -> nx.Graph:
    """Make the network of words that occur near each other, inside sentences.

    Parameters
    ----------
    tokens : list of str
        Word tokens with :data:`textkit.collocations.BREAK` at sentence ends
        (:func:`textkit.collocations.sequence`).
    window : int, default 5
        Two tokens at most this many tokens apart, in one sentence, co-occur.
    min_count : int, default 2
        Nodes: words seen at least this many times; edges: pairs co-occurring at least this
        many times.
    top_n : int, default 50
        The nodes are the ``top_n`` most frequent words (ties by word) that are not stopwords.
    stopwords : set of str, default empty
        Words that are never nodes (they still take up window positions and count in ``N``).

    Returns
    -------
    networkx.Graph
        Undirected; nodes and edges added in alphabetical order. Node attributes: ``label``
        (str, the word), ``frequency`` (int, occurrences in ``tokens``). Nodes can have no
        edge. Edge attributes (cells as in the module docstring):

        - ``count`` (int): window pairs holding both words (``o11``);
        - ``e11`` (float): the expected count ``R1 × C1 / N``;
        - ``pmi``, ``llr``, ``t``, ``chi2``, ``chi2_yates``, ``dice``, ``logdice``, ``mi3``
          (float): the measures of :mod:`textkit.association` on the cells, rounded to 6
          decimals;
        - ``weight`` (int): = ``count``.

    Raises
    ------
    ParameterError
        For tokens that are not a list of str, or ``window``, ``min_count``, ``top_n`` out of
        range.

    Examples
    --------
    >>> from textkit.collocations import sequence
    >>> graph = words(sequence("Russia warns Ukraine. Russia warns NATO."), window=2)
    >>> sorted(graph.edges(data="count")), dict(graph.nodes(data="frequency"))
    ([('russia', 'warns', 2)], {'russia': 2, 'warns': 2})
    """
    parameters.check(window=window, min_count=min_count, top_n=top_n)
    codes, vocabulary = _encode(tokens)
    frequency = np.bincount(codes[codes >= 0], minlength=len(vocabulary))
    stop = frozenset(stopwords)
    ranked = sorted((i for i, word in enumerate(vocabulary)
                     if frequency[i] >= min_count and word not in stop),
                    key=lambda i: (-frequency[i], vocabulary[i]))[:top_n]
    keep = np.zeros(len(vocabulary), dtype=bool)
    keep[ranked] = True
    keys, o11, holding, total = _window_pairs(codes, window, keep)
    chosen = o11 >= min_count
    keys, o11 = keys[chosen], o11[chosen]
    low, high = keys // max(len(vocabulary), 1), keys % max(len(vocabulary), 1)
    r1, c1 = holding[low], holding[high]
    cells = (o11, r1 - o11, c1 - o11, total - r1 - c1 + o11)
    scores = {"e11": association.expected(*cells)}
    scores |= {m: association.MEASURES[m](*cells) for m in WORD_MEASURES}
    scores = {name: np.round(values, _DECIMALS).tolist() for name, values in scores.items()}
    graph = nx.Graph()
    for i in sorted(ranked):
        graph.add_node(vocabulary[i], label=vocabulary[i], frequency=int(frequency[i]))
    for row, (a, b, n) in enumerate(zip(low.tolist(), high.tolist(), o11.tolist())):
        values = {name: scores[name][row] for name in ("e11", *WORD_MEASURES)}
        graph.add_edge(vocabulary[a], vocabulary[b], count=n, **values, weight=n)
    return graph


# --------------------------------------------------------------------------------------------
# Tables and order
# --------------------------------------------------------------------------------------------


def _ordered_names(seen, preferred) -> list[str]:
    """The attribute names in ``preferred`` order, then the others alphabetically."""
    seen = set(seen)
    return [n for n in preferred if n in seen] + sorted(seen - set(preferred))


def size_attribute(graph: nx.Graph) -> str | None:
    """Return the node attribute that measures a node (``mentions``, ``frequency``), or None.

    Examples
    --------
    >>> size_attribute(nx.Graph([("a", "b")])) is None
    True
    """
    found = {key for _, data in graph.nodes(data=True) for key in data}
    return next((name for name in SIZES if name in found), None)


def nodes(graph: nx.Graph) -> pd.DataFrame:
    """Return the nodes of a graph as a table.

    Parameters
    ----------
    graph : networkx.Graph
        A graph from :func:`actors` or :func:`words` (or read back from GraphML or GEXF).

    Returns
    -------
    pandas.DataFrame
        One row per node, sorted by ``mentions`` or ``frequency`` (whichever the graph has)
        descending, then ``weighted_degree`` descending, then ``node``, with columns

        - ``node`` (str): the node (actor or word);
        - the node attributes: ``group`` (str) and ``mentions`` (int) for :func:`actors`,
          ``frequency`` (int) for :func:`words`, others alphabetically (``label`` is left out
          when it only repeats ``node``);
        - ``degree`` (int): the number of neighbours;
        - ``weighted_degree`` (int or float): the sum of the ``weight`` of its edges.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_node("Putin", label="Putin", group="RU", mentions=3)
    >>> g.add_node("Biden", label="Biden", group="US", mentions=3)
    >>> g.add_edge("Biden", "Putin", together=2, dice=0.5, weight=2)
    >>> nodes(g)
        node group  mentions  degree  weighted_degree
    0  Biden    US         3       1                2
    1  Putin    RU         3       1                2
    """
    seen = {key for _, data in graph.nodes(data=True) for key in data}
    if all(data.get("label") == str(node) for node, data in graph.nodes(data=True)):
        seen.discard("label")
    names = _ordered_names(seen, NODE_ATTRIBUTES)
    rows = [
        (str(node), *(data.get(name) for name in names), graph.degree(node),
         graph.degree(node, weight="weight"))
        for node, data in graph.nodes(data=True)
    ]
    table = pd.DataFrame(rows, columns=["node", *names, "degree", "weighted_degree"])
    size = size_attribute(graph)
    keys = ([size] if size else []) + ["weighted_degree", "node"]
    table = table.sort_values(keys, ascending=[False] * (len(keys) - 1) + [True], kind="stable")
    return table.reset_index(drop=True).astype({"node": object, "degree": "int64"})


def edges(graph: nx.Graph) -> pd.DataFrame:
    """Return the edges of a graph as a table.

    Parameters
    ----------
    graph : networkx.Graph
        A graph from :func:`actors` or :func:`words` (or read back from GraphML or GEXF).

    Returns
    -------
    pandas.DataFrame
        One row per edge, sorted by ``weight`` descending, then ``source``, ``target``, with
        columns

        - ``source``, ``target`` (str): the two ends, ``source`` first alphabetically (for an
          undirected graph);
        - the edge attributes: ``together`` (int) and ``dice`` (float) for :func:`actors`;
          ``count`` (int), ``e11`` and the measures (float) for :func:`words`; then
          ``weight``; other attributes alphabetically.

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("Putin", "Biden", together=1, dice=0.5, weight=1)
    >>> g.add_edge("NATO", "Biden", together=2, dice=0.8, weight=2)
    >>> edges(g)
      source target  together  dice  weight
    0  Biden   NATO         2   0.8       2
    1  Biden  Putin         1   0.5       1
    """
    seen = {key for _, _, data in graph.edges(data=True) for key in data}
    names = _ordered_names(seen, ACTOR_EDGES if "together" in seen else WORD_EDGES)
    rows = []
    for u, v, data in graph.edges(data=True):
        u, v = str(u), str(v)
        if not graph.is_directed() and v < u:
            u, v = v, u
        rows.append((u, v, *(data.get(name) for name in names)))
    table = pd.DataFrame(rows, columns=["source", "target", *names])
    keys = (["weight"] if "weight" in names else []) + ["source", "target"]
    table = table.sort_values(keys, ascending=[False] * (len(keys) - 2) + [True, True],
                              kind="stable")
    return table.reset_index(drop=True).astype({"source": object, "target": object})


def ordered(graph: nx.Graph) -> nx.Graph:
    """Return a copy of ``graph`` with nodes, edges and attributes in a fixed order.

    networkx writes nodes and edges in the order they were added, so two equal graphs built
    differently would give different files. The copy has the nodes sorted (by their text),
    the edges sorted by their ends (for an undirected graph the smaller end first), each
    node's and edge's attributes sorted by name, and Python ``int``/``float`` for NumPy
    numbers. :func:`textkit.files.write_graph` writes this copy.

    Raises
    ------
    ParameterError
        For a multigraph (textkit makes none; its parallel edges have no natural order).

    Examples
    --------
    >>> g = nx.Graph()
    >>> g.add_edge("b", "a", weight=np.int64(2), count=2)
    >>> list(ordered(g).nodes), list(ordered(g).edges(data=True))
    (['a', 'b'], [('a', 'b', {'count': 2, 'weight': 2})])
    """
    if graph.is_multigraph():
        raise ParameterError("write_graph takes a Graph or DiGraph, not a multigraph.")
    copy = graph.__class__()
    copy.graph.update(_plain(graph.graph))
    for node in sorted(graph.nodes, key=str):
        copy.add_node(node, **_plain(graph.nodes[node]))
    ends = []
    for u, v in graph.edges:
        if not graph.is_directed() and str(v) < str(u):
            u, v = v, u
        ends.append((str(u), str(v), u, v))
    for _, _, u, v in sorted(ends, key=lambda row: row[:2]):
        copy.add_edge(u, v, **_plain(graph.edges[u, v]))
    return copy


def _plain(data: dict) -> dict:
    """The attributes sorted by name, NumPy numbers as Python numbers."""
    return {key: value.item() if isinstance(value, np.generic) else value
            for key, value in sorted(data.items())}
