"""Co-occurrence networks: hand-checked actor and word graphs, tables, GraphML/GEXF, figure."""

from collections import Counter
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import yaml

from textkit import actors, association, clean, collocations, files, network, plots
from textkit.errors import ParameterError

SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
ACTORS = Path(__file__).resolve().parents[1] / "seeds" / "actors.yml"

DICTIONARY = """
actors:
  - {name: Joe Biden, type: person, group: United States, aliases: [Biden]}
  - {name: Vladimir Putin, type: person, group: Russia, aliases: [Putin]}
  - {name: NATO, type: organisation, group: Europe}
"""

#: Three actors in two sentences: Biden and Putin in both, NATO in the second only.
TEXT = "Biden called Putin.\n\nBiden, Putin and NATO met again."


@pytest.fixture(scope="module")
def tiny_mentions():
    forms = actors.parse(yaml.compose(DICTIONARY))
    docs = pd.DataFrame({"doc_id": ["a"], "text": [TEXT]})
    return actors.mentions(docs, forms)


@pytest.fixture(scope="module")
def seed():
    docs = clean.corpus(files.read_corpus(SEED))
    mentions = actors.mentions(docs, actors.load(ACTORS))
    return docs, mentions


def _graph_data(graph):
    """Nodes and edges with their attributes, comparable across file formats."""
    nodes = {str(n): dict(d) for n, d in graph.nodes(data=True)}
    edges = {frozenset((str(u), str(v))): {k: v_ for k, v_ in d.items() if k != "id"}
             for u, v, d in graph.edges(data=True)}
    return nodes, edges


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def test_three_actors_in_two_sentences_give_the_hand_counted_edges(tiny_mentions):
    graph = network.actors(actors.co_mentions(tiny_mentions))
    assert list(graph.nodes) == ["Joe Biden", "NATO", "Vladimir Putin"]
    assert sorted(graph.edges(data=True)) == [
        # together in sentences 1 and 2; each in 2 sentences: dice = 2·2 / (2 + 2)
        ("Joe Biden", "NATO", {"together": 1, "dice": 0.666667, "weight": 1}),
        ("Joe Biden", "Vladimir Putin", {"together": 2, "dice": 1.0, "weight": 2}),
        ("NATO", "Vladimir Putin", {"together": 1, "dice": 0.666667, "weight": 1}),
    ]
    # Without counts, "mentions" is the number of sentences mentioning the actor.
    assert dict(graph.nodes(data=True))["NATO"] == {"label": "NATO", "group": "Europe",
                                                    "mentions": 1}
    assert dict(graph.nodes(data="mentions")) == {"Joe Biden": 2, "NATO": 1, "Vladimir Putin": 2}


def test_counts_give_mentions_and_keep_actors_without_a_partner(tiny_mentions):
    counts = actors.counts(tiny_mentions)
    lonely = pd.DataFrame({"actor": ["Olaf Scholz"], "group": ["Europe"], "mentions": [4]})
    graph = network.actors(actors.co_mentions(tiny_mentions),
                           pd.concat([counts, lonely], ignore_index=True))
    assert dict(graph.nodes(data="mentions")) == {
        "Joe Biden": 2, "NATO": 1, "Olaf Scholz": 4, "Vladimir Putin": 2}
    assert graph.degree("Olaf Scholz") == 0


def test_min_together_drops_weak_pairs_and_their_lone_actors(tiny_mentions):
    pairs = actors.co_mentions(tiny_mentions)
    graph = network.actors(pairs, min_together=2)
    assert list(graph.edges) == [("Joe Biden", "Vladimir Putin")]
    assert list(graph.nodes) == ["Joe Biden", "Vladimir Putin"]
    with_counts = network.actors(pairs, actors.counts(tiny_mentions), min_together=2)
    assert list(with_counts.nodes) == ["Joe Biden", "NATO", "Vladimir Putin"]
    assert with_counts.number_of_edges() == 1


@pytest.mark.parametrize("value", [0, -1, 1.5, True, "2"])
def test_min_together_must_be_a_whole_number_of_at_least_one(tiny_mentions, value):
    with pytest.raises(ParameterError, match="parameter min_together must be a whole number"):
        network.actors(actors.co_mentions(tiny_mentions), min_together=value)


def test_wrong_tables_are_named(tiny_mentions):
    with pytest.raises(ParameterError, match=r"needs a table made by textkit.actors.co_mentions"):
        network.actors(tiny_mentions)
    with pytest.raises(ParameterError, match=r"counts= needs a table made by .*actors.counts"):
        network.actors(actors.co_mentions(tiny_mentions), tiny_mentions[["actor"]])


def test_seed_graph_carries_every_co_mention_pair(seed):
    _, mentions = seed
    pairs = actors.co_mentions(mentions)
    graph = network.actors(pairs, actors.counts(mentions))
    table = network.edges(graph)
    assert len(table) == len(pairs)
    merged = table.merge(pairs, left_on=["source", "target"], right_on=["actor_a", "actor_b"])
    assert len(merged) == len(pairs)
    assert (merged["together_x"] == merged["together_y"]).all()
    assert (merged["dice_x"] == merged["dice_y"]).all()
    counts = actors.counts(mentions)
    assert set(graph.nodes) == set(counts["actor"])


# --------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------


def test_word_pairs_by_hand():
    # window 1: the window pairs are (kyiv warns) (warns moscow) (kyiv warns); N = 3.
    # kyiv is in 2 pairs, warns in 3, moscow in 1.
    graph = network.words(collocations.sequence("Kyiv warns Moscow. Kyiv warns."),
                          window=1, min_count=1)
    assert dict(graph.nodes(data="frequency")) == {"kyiv": 2, "moscow": 1, "warns": 2}
    table = network.edges(graph).set_index(["source", "target"])
    assert list(table.index) == [("kyiv", "warns"), ("moscow", "warns")]
    assert table.loc[("kyiv", "warns"), "count"] == 2
    assert table.loc[("kyiv", "warns"), "e11"] == 2.0  # 2 × 3 / 3: no surprise, G² = 0
    assert table.loc[("kyiv", "warns"), "llr"] == 0.0
    cells = (1, 0, 2, 0)  # moscow–warns: o11 = 1, R1 = 1, C1 = 3, N = 3
    for measure in network.WORD_MEASURES:
        expected = round(float(association.MEASURES[measure](*cells)), 6)
        assert table.loc[("moscow", "warns"), measure] == expected, measure
    assert ("kyiv", "moscow") not in table.index  # two tokens apart: outside window 1
    wider = network.words(collocations.sequence("Kyiv warns Moscow. Kyiv warns."),
                          window=2, min_count=1)
    assert wider.edges["kyiv", "moscow"]["count"] == 1


def test_no_pair_crosses_a_sentence_end():
    graph = network.words(collocations.sequence("Kyiv warns. Moscow denies."), window=5,
                          min_count=1)
    assert sorted(graph.edges) == [("denies", "moscow"), ("kyiv", "warns")]


def _brute_force(tokens, window):
    """Every window pair, counted with plain loops."""
    pairs, holding, sentence = Counter(), Counter(), []
    total = 0
    for token in [*tokens, collocations.BREAK]:
        if token != collocations.BREAK:
            sentence.append(token)
            continue
        for i, a in enumerate(sentence):
            for b in sentence[i + 1 : i + 1 + window]:
                total += 1
                holding.update({a, b})
                if a != b:
                    pairs[tuple(sorted((a, b)))] += 1
        sentence = []
    return pairs, holding, total


def test_seed_cells_agree_with_plain_loops(seed):
    docs, _ = seed
    tokens = collocations.sequence(docs)
    graph = network.words(tokens, window=3, min_count=2, top_n=60)
    pairs, holding, total = _brute_force(tokens, 3)
    kept = set(graph.nodes)
    expected = {p: n for p, n in pairs.items() if n >= 2 and set(p) <= kept}
    assert {tuple(sorted(e)): d["count"] for *e, d in graph.edges(data=True)} == expected
    for a, b, data in graph.edges(data=True):
        o11 = pairs[tuple(sorted((a, b)))]
        cells = (o11, holding[a] - o11, holding[b] - o11, total - holding[a] - holding[b] + o11)
        assert data["e11"] == round(float(association.expected(*cells)), 6)
        assert data["llr"] == round(float(association.llr(*cells)), 6)


def test_stopwords_are_never_nodes_but_take_up_the_window():
    tokens = collocations.sequence("Kyiv and Moscow. Kyiv and Moscow.")
    graph = network.words(tokens, window=2, min_count=1, stopwords={"and"})
    assert list(graph.nodes) == ["kyiv", "moscow"]
    assert graph.edges["kyiv", "moscow"]["count"] == 2
    narrow = network.words(tokens, window=1, min_count=1, stopwords={"and"})
    assert narrow.number_of_edges() == 0  # "and" sits between them


def test_top_n_and_min_count_choose_the_nodes():
    tokens = collocations.sequence("Kyiv warns Moscow today. Kyiv warns Moscow. Kyiv warns. Kyiv.")
    assert list(network.words(tokens, top_n=2, min_count=1).nodes) == ["kyiv", "warns"]
    assert list(network.words(tokens, min_count=3).nodes) == ["kyiv", "warns"]
    graph = network.words(tokens, min_count=3, window=3)
    assert list(graph.edges(data="count")) == [("kyiv", "warns", 3)]
    assert list(network.words(tokens, min_count=2).edges) == [
        ("kyiv", "moscow"), ("kyiv", "warns"), ("moscow", "warns")]


@pytest.mark.parametrize("tokens", ["Kyiv warns.", pd.DataFrame({"text": ["x"]}), [1, 2]])
def test_words_wants_a_token_sequence(tokens):
    with pytest.raises(ParameterError, match="collocations.sequence"):
        network.words(tokens)


def test_words_checks_the_shared_parameters():
    with pytest.raises(ParameterError, match="parameter window"):
        network.words(["a"], window=0)
    with pytest.raises(ParameterError, match="parameter top_n"):
        network.words(["a"], top_n=0)


def test_empty_input_gives_an_empty_graph():
    assert network.words([]).number_of_nodes() == 0
    assert network.nodes(nx.Graph()).columns.tolist() == ["node", "degree", "weighted_degree"]
    assert network.edges(nx.Graph()).columns.tolist() == ["source", "target"]


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


def test_tables_have_the_documented_columns_and_order(tiny_mentions):
    graph = network.actors(actors.co_mentions(tiny_mentions), actors.counts(tiny_mentions))
    nodes = network.nodes(graph)
    assert nodes.columns.tolist() == ["node", "group", "mentions", "degree", "weighted_degree"]
    assert nodes["node"].tolist() == ["Joe Biden", "Vladimir Putin", "NATO"]
    assert nodes["weighted_degree"].tolist() == [3, 3, 2]
    edges = network.edges(graph)
    assert edges.columns.tolist() == ["source", "target", "together", "dice", "weight"]
    assert edges[["source", "target"]].values.tolist() == [
        ["Joe Biden", "Vladimir Putin"], ["Joe Biden", "NATO"], ["NATO", "Vladimir Putin"]]
    words = network.words(collocations.sequence("Kyiv warns Moscow. Kyiv warns."), min_count=1)
    assert network.edges(words).columns.tolist() == [
        "source", "target", "count", "e11", *collocations.MEASURE_COLUMNS, "weight"]
    assert network.nodes(words).columns.tolist() == ["node", "frequency", "degree",
                                                     "weighted_degree"]


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graphs(tiny_mentions, seed):
    docs, mentions = seed
    return {
        "tiny": network.actors(actors.co_mentions(tiny_mentions), actors.counts(tiny_mentions)),
        "seed_actors": network.actors(actors.co_mentions(mentions), actors.counts(mentions)),
        "seed_words": network.words(collocations.sequence(docs), top_n=40, min_count=1),
    }


@pytest.mark.parametrize("name", ["tiny", "seed_actors", "seed_words"])
def test_graphml_and_gexf_read_back_the_same_graph(graphs, tmp_path, name):
    graph = graphs[name]
    graphml, gexf = files.write_graph(graph, tmp_path, name)
    assert (graphml.name, gexf.name) == (f"{name}.graphml", f"{name}.gexf")
    want = _graph_data(graph)
    assert _graph_data(nx.read_graphml(graphml)) == want
    assert _graph_data(nx.read_gexf(gexf)) == want  # GEXF reads weight back as float: 2.0 == 2
    assert network.edges(nx.read_graphml(graphml)).equals(network.edges(graph))
    pd.testing.assert_frame_equal(network.nodes(nx.read_graphml(graphml)), network.nodes(graph))


def test_two_writes_are_byte_identical_whatever_the_order_or_the_day(graphs, tmp_path,
                                                                     monkeypatch):
    graph = graphs["seed_actors"]
    first = [p.read_bytes() for p in files.write_graph(graph, tmp_path / "1", "g")]
    shuffled = nx.Graph()
    rng = np.random.default_rng(3)
    for node in rng.permutation(list(graph.nodes)):
        shuffled.add_node(node, **dict(reversed(list(graph.nodes[node].items()))))
    for i in rng.permutation(graph.number_of_edges()):
        u, v, data = list(graph.edges(data=True))[i]
        shuffled.add_edge(v, u, **{k: np.float64(x) if isinstance(x, float) else x
                                   for k, x in reversed(list(data.items()))})
    import networkx.readwrite.gexf as gexf_module

    monkeypatch.setattr(gexf_module.time, "strftime", lambda *_: "1999-12-31")
    second = [p.read_bytes() for p in files.write_graph(shuffled, tmp_path / "2", "g")]
    assert first == second
    assert b"lastmodifieddate" not in first[1] and b"<creator>textkit</creator>" in first[1]
    assert b"NetworkX" not in first[1]


def test_write_graph_refuses_unknown_formats_and_multigraphs(graphs, tmp_path):
    with pytest.raises(ParameterError, match="'graphml' and 'gexf'"):
        files.write_graph(graphs["tiny"], tmp_path, "g", formats=("gml",))
    with pytest.raises(ParameterError, match="multigraph"):
        files.write_graph(nx.MultiGraph([("a", "b"), ("a", "b")]), tmp_path, "g")
    written = files.write_graph(graphs["tiny"], tmp_path, "g", formats=("gexf",))
    assert written == [tmp_path / "g.gexf"]


# --------------------------------------------------------------------------------------------
# Figure
# --------------------------------------------------------------------------------------------


def _node_colours(figure):
    """The face colours of the node discs, as hex, in drawing order."""
    from matplotlib.colors import to_hex

    discs = figure.axes[0].collections[-1]
    return [to_hex(c) for c in discs.get_facecolors()]


def test_figure_is_a_deterministic_png(graphs, tmp_path):
    colours = plots.group_colours(actors.load(ACTORS)["group"])
    figure = plots.network(graphs["seed_actors"], colours=colours)
    assert isinstance(figure, plots.Figure)
    png = figure._repr_png_()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert plots.network(graphs["seed_actors"], colours=colours)._repr_png_() == png
    again = [p.read_bytes() for p in files.write_figure(figure, tmp_path, "net")]
    assert again == [p.read_bytes() for p in files.write_figure(
        plots.network(graphs["seed_actors"], colours=colours), tmp_path / "2", "net")]


def test_figure_colours_groups_and_greys_unknown_ones(graphs):
    figure = plots.network(graphs["tiny"], colours={"Russia": "#d62728"})
    # nodes drawn in name order: Joe Biden (United States: not in colours), NATO, Vladimir Putin
    assert _node_colours(figure) == [plots.NO_GROUP, plots.NO_GROUP, "#d62728"]
    words = plots.network(graphs["seed_words"], top_n=10)
    assert set(_node_colours(words)) == {plots.COLOUR}
    labels = {t.get_text() for t in words.axes[0].texts}
    assert labels == set(network.nodes(graphs["seed_words"]).head(10)["node"])


def test_figure_draws_the_top_nodes_and_says_what_it_left_out(graphs):
    figure = plots.network(graphs["seed_words"], top_n=12)
    drawn = {t.get_text() for t in figure.axes[0].texts}
    top = network.nodes(graphs["seed_words"]).head(12)["node"]
    assert drawn <= set(top)
    note = figure.texts[-1].get_text()
    assert f"of {graphs['seed_words'].number_of_nodes()} nodes" in note


def test_figure_of_a_graph_without_edges_says_so():
    figure = plots.network(nx.Graph())
    assert "no edges to draw" in figure.axes[0].texts[0].get_text()
    assert figure._repr_png_().startswith(b"\x89PNG")


def test_figure_and_files_do_not_depend_on_the_hash_seed(tmp_path):
    """Sets iterate in another order in every process: nothing drawn or written may follow one.

    The graph has several parts: networkx lists the nodes of a small subgraph view in set order.
    """
    import os
    import subprocess
    import sys

    script = (
        "import hashlib\n"
        "from textkit import collocations, files, network, plots\n"
        "def digest(folder):\n"
        "    text = 'Kyiv warns Moscow. Paris and Berlin talk. Rome waits for Madrid. ' * 3\n"
        "    graph = network.words(collocations.sequence(text), min_count=1, stopwords={'and'})\n"
        "    paths = files.write_graph(graph, folder, 'g')\n"
        "    png = plots.network(graph)._repr_png_()\n"
        "    return hashlib.sha256(png + b''.join(p.read_bytes() for p in paths)).hexdigest()\n"
    )
    here = {}
    exec(script, here)  # this process: a random hash seed (unless PYTHONHASHSEED is set)
    child = subprocess.run(
        [sys.executable, "-c", script + "import sys; print(digest(sys.argv[1]))",
         str(tmp_path / "child")],
        capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert child.stdout.strip() == here["digest"](tmp_path / "here")
