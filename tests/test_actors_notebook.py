"""Run notebooks/02_actor_mentions.ipynb the way users do (papermill, parameters, a fresh output
folder) and check the tables it writes against the hand counts of the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import papermill
import pytest

from test_actors import HAND_COUNT
from test_quotes import HAND_QUOTES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "02_actor_mentions.ipynb"
SEED = ROOT / "seeds" / "ap_2022-01-27_russia_ukraine.txt"
TABLES = (
    "actor_mentions.csv", "actor_counts.csv", "group_counts.csv", "co_mentions.csv", "quotes.csv",
    "share_of_voice.csv", "actor_kwic.csv", "unmatched_names.csv",
)
FIGURES = ("actor_mentions", "actor_dispersion", "co_mentions", "share_of_voice")


def run(folder: Path, **parameters) -> Path:
    out = folder / "out"
    out.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(
        str(NOTEBOOK), str(folder / "executed.ipynb"),
        parameters={"corpus": str(SEED), "actors": str(ROOT / "seeds" / "actors.yml"),
                    "output_dir": str(out), **parameters},
        cwd=str(ROOT / "notebooks"), kernel_name="python3", progress_bar=False,
    )
    return out


def read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, dtype={"speaker": str, "actor": str}, keep_default_na=False)


@pytest.fixture(scope="module")
def defaults(tmp_path_factory):
    return run(tmp_path_factory.mktemp("actors_defaults"))


def test_every_table_and_figure_is_written(defaults):
    for name in TABLES:
        assert (defaults / name).is_file(), name
    for stem in FIGURES:
        assert (defaults / f"{stem}.png").is_file() and (defaults / f"{stem}.svg").is_file()


def test_actor_counts_match_the_hand_count(defaults):
    counts = read(defaults, "actor_counts.csv")
    assert dict(zip(counts["actor"], counts["mentions"])) == {
        a: sum(k.values()) for a, k in HAND_COUNT.items()
    }
    assert {"actor", "group", "mentions"} <= set(counts.columns)
    mentions = read(defaults, "actor_mentions.csv")
    by_kind = mentions.groupby(["actor", "kind"]).size()
    assert {a: {k: int(by_kind.get((a, k), 0)) for k in ("name", "alias", "demonym", "metonym")}
            for a in HAND_COUNT} == HAND_COUNT


def test_quotes_match_the_hand_attribution(defaults):
    table = read(defaults, "quotes.csv")
    assert list(zip(table["actor"], table["verb"], table["attribution"])) == [
        row[:3] for row in HAND_QUOTES
    ]
    assert all(q.startswith(row[3]) for q, row in zip(table["quote"], HAND_QUOTES))


def test_other_tables(defaults):
    co = read(defaults, "co_mentions.csv")
    assert co.iloc[0][["actor_a", "actor_b", "together"]].tolist() == ["Russia", "United States", 13]
    kwic = read(defaults, "actor_kwic.csv")  # kwic_actor empty: the most-mentioned actor
    assert len(kwic) == 32 and "Russia" in set(kwic["match"])
    assert kwic["kind"].value_counts().to_dict() == {"name": 14, "demonym": 10, "metonym": 8}
    unmatched = read(defaults, "unmatched_names.csv")
    assert "Kaliningrad" in set(unmatched["name"]) and "Putin" not in set(unmatched["name"])


def test_parameters_switch_forms_scope_and_dictionary(tmp_path):
    # `textkit run -p actors my_actors.yml` in miniature: another dictionary, switches off.
    mine = tmp_path / "my_actors.yml"
    mine.write_text(
        "actors:\n"
        "  - {name: Russia, type: country, group: East, demonyms: [Russian], metonyms: [Kremlin, Moscow]}\n"
        "  - {name: Dmitry Peskov, type: person, group: East, aliases: [Peskov]}\n"
        "  - {name: Sergei Lavrov, type: person, group: East, aliases: [Lavrov]}\n",
        encoding="utf-8",
    )
    out = run(tmp_path, actors=str(mine), demonyms=False, metonyms=False, scope="paragraph",
              kwic_actor="Dmitry Peskov", width=10, top_n=5)
    counts = read(out, "actor_counts.csv")
    assert dict(zip(counts["actor"], counts["mentions"])) == {
        "Russia": 14, "Dmitry Peskov": 3, "Sergei Lavrov": 2,
    }
    co = read(out, "co_mentions.csv")
    # "Lavrov said senior officials would submit proposals to Putin. Peskov said the Russian
    # reaction would come soon." -- two sentences, one paragraph: together only with
    # scope="paragraph". Peskov's paragraphs never name Russia ("Kremlin spokesman" and
    # "Russian" are switched off), nor do Lavrov's, except "threaten Russia" in his first.
    assert co[["actor_a", "actor_b", "together"]].values.tolist() == [
        ["Dmitry Peskov", "Sergei Lavrov", 1], ["Russia", "Sergei Lavrov", 1],
    ]
    kwic = read(out, "actor_kwic.csv")
    assert (kwic["left"].str.len() <= 10).all() and len(kwic) == 3
    # with metonyms off, "The Kremlin said" is not a dictionary actor, but still the speaker
    quotes = read(out, "quotes.csv")
    assert quotes.iloc[0]["actor"] == "" and quotes.iloc[0]["speaker"] == "Kremlin"


def test_the_seed_dictionary_on_another_corpus_says_so(tmp_path):
    out = run(tmp_path, corpus=str(ROOT / "tests" / "fixtures" / "tiny"), roles=False)
    executed = json.loads((tmp_path / "executed.ipynb").read_text(encoding="utf-8"))
    shown = "".join(
        "".join(o.get("data", {}).get("text/markdown", ""))
        for c in executed["cells"] if c["cell_type"] == "code" for o in c.get("outputs", [])
    )
    assert "was written for" in shown
    assert (out / "actor_counts.csv").is_file()


def test_a_bad_parameter_stops_the_notebook(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="parameter scope must be one of"):
        run(tmp_path, scope="page")


def test_the_committed_notebook_has_no_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code[0]["metadata"].get("tags") == ["parameters"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    assert not any("def " in "".join(c["source"]) or "class " in "".join(c["source"]) for c in code)
