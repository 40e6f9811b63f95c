"""Notebook 03 run the way users run it (papermill with parameters, into a temporary folder)."""

import json
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "03_collocations.ipynb"
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"


def _run(tmp_path, **parameters):
    out = tmp_path / "out"
    papermill.execute_notebook(
        str(NOTEBOOK), str(tmp_path / "03.ipynb"),
        parameters={"output_dir": str(out), "corpus": str(SEED), **parameters},
        cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
    )
    return out, nbformat.read(tmp_path / "03.ipynb", as_version=4)


def _read(path):
    return pd.read_csv(path, keep_default_na=False)


def test_declares_the_parameters_of_issue_4():
    declared = papermill.inspect_notebook(str(NOTEBOOK))
    assert {
        "corpus", "output_dir", "text_column", "skip_cleaning", "stopwords", "top_n", "measure",
        "n", "min_count", "stopword_rule", "node", "window", "explain",
    } <= set(declared)
    assert declared["measure"]["default"] == '"llr"'
    assert declared["stopword_rule"]["inferred_type_name"] == "bool"


def test_default_run_on_the_seed(tmp_path):
    out, executed = _run(tmp_path)
    assert sorted(p.name for p in out.iterdir()) == [
        "collocation_kwic.csv", "collocations.csv", "collocations.png", "collocations.svg",
        "collocations_by_group.csv", "node_collocates.csv", "node_collocates.png",
        "node_collocates.svg", "node_kwic.csv", "word_network.gexf", "word_network.graphml",
        "word_network.png", "word_network.svg", "word_network_edges.csv", "word_network_nodes.csv",
    ]
    by_group = _read(out / "collocations_by_group.csv")  # one group: the corpus table itself
    assert set(by_group["doc_group"]) == {"all"} and by_group.iloc[0]["collocation"] == "united states"
    table = _read(out / "collocations.csv")
    assert list(table.columns) == [
        "collocation", "count", "o11", "o12", "o21", "o22", "e11",
        "pmi", "llr", "t", "chi2", "chi2_yates", "dice", "logdice", "mi3",
    ]
    assert table.iloc[0][["collocation", "count", "o11", "o12", "o21", "o22"]].tolist() == [
        "united states", 8, 8, 1, 0, 978,
    ]
    assert table.iloc[0]["llr"] == pytest.approx(86.699659)
    assert (table["count"] >= 2).all()
    assert table["llr"].is_monotonic_decreasing

    node = _read(out / "node_collocates.csv")
    assert set(node["node"]) == {"russia"} and (node["f_node"] == 14).all()
    assert (node["count"] >= 2).all()

    kwic = _read(out / "collocation_kwic.csv")
    assert len(kwic) == 8 and set(kwic["match"]) == {"United States"}
    assert len(_read(out / "node_kwic.csv")) == 14

    # The teaching view was rendered as Markdown, with the counts of "united states".
    markdown = [
        "".join(o["data"]["text/markdown"])
        for c in executed.cells if c.cell_type == "code"
        for o in c.outputs if "text/markdown" in o.get("data", {})
    ]
    assert any("O11 = 8" in m and "log2(8 / 0.072948)" in m for m in markdown)


def test_trigrams_by_pmi_with_another_node(tmp_path):
    out, executed = _run(
        tmp_path, n=3, measure="pmi", stopword_rule=False, node="US", window=3, top_n=5,
        explain="united states",  # not a trigram: the notebook says so and explains the top row
    )
    table = _read(out / "collocations.csv")
    assert (table["collocation"].str.count(" ") == 2).all()
    ranked = table.sort_values(["pmi", "collocation"], ascending=[False, True], kind="stable")
    assert table["collocation"].tolist() == ranked["collocation"].tolist()
    assert "the united states" in set(table["collocation"])  # no stopword rule
    node = _read(out / "node_collocates.csv")
    assert set(node["node"]) == {"US"}
    text = json.dumps(nbformat.writes(executed))
    assert "is not a row of this table" in text


def test_bad_measure_stops_in_the_check_cell(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="parameter measure must be one of"):
        _run(tmp_path, measure="G2")
