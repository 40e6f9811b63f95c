"""`textkit verify`: re-execute a run from its manifest and compare every output by SHA-256.

The pure parts are checked on literal tables; the command itself on real runs of the seed
(one `textkit run`, then one re-execution per verify, each some 20 seconds on two cores).
"""

import json
import re
import shutil
from importlib import metadata
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, SEED
from textkit import cli, compare, verify
from textkit.errors import ParameterError

#: One byte of the seed changed: the first "Kremlin" (a counted word and an actor) misspelled.
ORIGINAL, CHANGED = "The Kremlin said", "The Kremlun said"


def _table(**columns) -> pd.DataFrame:
    return pd.DataFrame(columns, dtype=str)


# --------------------------------------------------------------------------------------------
# Pure parts
# --------------------------------------------------------------------------------------------

ACTORS = _table(actor=["Russia", "United States", "Ukraine"], mentions=["32", "22", "15"],
                share=["0.264463", "0.181818", "0.123967"])


@pytest.mark.parametrize("new, expected", [
    (ACTORS.assign(mentions=["32", "22", "14"]),
     "row 3 (actor 'Ukraine'), column mentions: 15 in the run, 14 now"),
    (ACTORS.assign(actor=["Russia", "US", "Ukraine"]),
     "row 2, column actor: 'United States' in the run, 'US' now"),
    (ACTORS.assign(mentions=["31", "22", "14"], share=["0.3", "0.2", "0.1"]),
     "row 1 (actor 'Russia'), column mentions: 32 in the run, 31 now"),  # first cell, row-major
    (ACTORS.head(2),
     "3 rows in the run, 2 now; the first 2 rows are identical"),
    (pd.concat([ACTORS.head(1), _table(actor=["NATO"], mentions=["5"], share=["0.04"]),
                ACTORS.tail(2)], ignore_index=True),
     "3 rows in the run, 4 now; row 2, column actor: 'United States' in the run, 'NATO' now"),
    (ACTORS.drop(columns="share"),
     "column share only in the run"),
    (ACTORS.assign(rank=["1", "2", "3"]),
     "column rank only now"),
    (ACTORS[["mentions", "actor", "share"]],
     "the columns are in another order (mentions, actor, share now)"),
    (ACTORS.copy(),
     "the same cells, different bytes (quoting or line endings)"),
])
def test_table_difference_names_the_first_differing_cell(new, expected):
    assert compare.table_difference(ACTORS, new) == expected


def test_explain_table_reads_cells_as_text(tmp_path):
    # Read as numbers, 007 and 7 (or an empty cell and "NA") would compare equal.
    (tmp_path / "a.csv").write_text("term,count\nbond,007\nNA,1\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("term,count\nbond,7\nNA,1\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("term,count\nbond,007\n,1\n", encoding="utf-8")
    assert compare.explain_table(tmp_path / "a.csv", tmp_path / "b.csv") == (
        "row 1 (term 'bond'), column count: 007 in the run, 7 now")
    assert compare.explain_table(tmp_path / "a.csv", tmp_path / "c.csv") == (
        "row 2, column term: 'NA' in the run, '' now")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    assert compare.explain_table(tmp_path / "a.csv", tmp_path / "empty.csv") == (
        "could not be read as a table (EmptyDataError)")


def test_compare_gives_one_status_per_file():
    table = compare.compare({"a.csv": "1", "b.png": "2", "c.svg": "3"},
                           {"b.png": "9", "a.csv": "1", "d.html": "4"})
    assert table.to_dict("list") == {
        "file": ["a.csv", "b.png", "c.svg", "d.html"],
        "status": ["identical", "different", "missing", "extra"],
        "detail": ["", "", "", ""],
    }
    assert compare.summary(table) == (
        "4 files: 1 identical, 1 different, 1 missing, 1 extra. Not reproduced.")
    assert not compare.reproduced(compare.compare({}, {}))


def test_changed_packages_names_every_version_that_differs():
    table = verify.changed_packages({"pandas": "3.1.1", "nltk": "3.10.4", "gone": "1.0"},
                                    {"pandas": "3.1.2", "nltk": "3.10.4", "new": "2.0"})
    assert table.to_dict("records") == [
        {"package": "gone", "recorded": "1.0", "current": None},
        {"package": "new", "recorded": None, "current": "2.0"},
        {"package": "pandas", "recorded": "3.1.1", "current": "3.1.2"},
    ]


def test_given_turns_typed_values_back_into_text():
    manifest = {"notebooks": {
        "01.ipynb": {"given": {"corpus": "/c.txt", "top_n": 5, "lowercase": False}},
        "02.ipynb": {"given": {"corpus": "/c.txt", "extra_stopwords": ["said", "told"]}},
    }}
    assert verify.given(manifest) == {"corpus": "/c.txt", "top_n": "5", "lowercase": "false",
                                      "extra_stopwords": ["said", "told"]}


def test_given_refuses_a_parameter_given_two_values():
    manifest = {"notebooks": {"01.ipynb": {"given": {"top_n": 5}},
                              "02.ipynb": {"given": {"top_n": 6}}}}
    with pytest.raises(ParameterError, match="top_n was given as 5 to 01.ipynb but as 6 to 02"):
        verify.given(manifest)


def test_changed_inputs_names_changed_missing_and_notebook_inputs(tmp_path):
    (tmp_path / "corpus.txt").write_text("new text", encoding="utf-8")
    (tmp_path / "01.ipynb").write_text("{}", encoding="utf-8")
    manifest = {"notebooks_dir": str(tmp_path), "notebooks": {"01.ipynb": {}},
                "inputs": {str(tmp_path / "corpus.txt"): "0" * 64,
                           str(tmp_path / "gone.yml"): "1" * 64,
                           str(tmp_path / "01.ipynb"): "2" * 64}}
    table = verify.changed_inputs(manifest)
    assert table[["input", "status"]].to_dict("list") == {
        "input": [str(tmp_path / n) for n in ("corpus.txt", "gone.yml", "01.ipynb")],
        "status": ["changed", "missing", "notebook source changed"],
    }
    assert table["current"].isna().tolist() == [False, True, False]


# --------------------------------------------------------------------------------------------
# Bad input: exit 2 with one line, nothing re-executed
# --------------------------------------------------------------------------------------------


def _manifest(folder: Path, **changes) -> Path:
    """Write a small textkit manifest (one notebook) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"tool": "textkit", "run_dir": str(folder), "notebooks_dir": str(ROOT / "notebooks"),
                "notebooks": {"01_word_frequency.ipynb": {"given": {"corpus": str(SEED)}}},
                "inputs": {str(SEED): "0" * 64}, "outputs": {"tables": {"a.csv": "0" * 64}},
                **changes}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


@pytest.mark.parametrize("make, message", [
    (lambda d: d.mkdir(), "no manifest.json, so this is not a textkit run folder"),
    (lambda d: None, "no such folder"),
    (lambda d: (d.mkdir(), (d / "manifest.json").write_text('{"a": 1}')),
     'not a textkit manifest (no "tool": "textkit" entry)'),
    (lambda d: (d.mkdir(), (d / "manifest.json").write_text("{oops")), "not valid JSON"),
    (lambda d: _manifest(d, notebooks_dir=None), "cannot be re-executed, it records no "
                                                 "notebooks_dir"),
    (lambda d: _manifest(d, notebooks={"01.ipynb": {"given": {"top_n": 5}},
                                       "02.ipynb": {"given": {"top_n": 6}}}),
     "parameter top_n was given as 5 to 01.ipynb but as 6 to 02.ipynb"),
])
def test_bad_run_folder_exits_2_with_one_line(tmp_path, capsys, make, message):
    folder = tmp_path / "run"
    make(folder)
    assert cli.main(["verify", str(folder)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("textkit: ")
    assert message in captured.err


def test_keep_may_not_replace_the_run_being_verified(tmp_path, capsys):
    folder = _manifest(tmp_path / "run")
    assert cli.main(["verify", str(folder), "--keep", str(folder)]) == 2
    assert "--keep" in capsys.readouterr().err and (folder / "manifest.json").is_file()


def test_a_run_that_can_no_longer_be_planned_is_not_reproduced(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    gone = tmp_path / "gone.txt"
    folder = _manifest(tmp_path / "run", inputs={str(gone): "0" * 64},
                       notebooks={"01_word_frequency.ipynb": {"given": {"corpus": str(gone)}}})
    assert cli.main(["verify", str(folder)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("failed     the re-execution: the run can no longer be planned: ")
    assert f"inputs: {gone} missing now" in out
    assert out[-1] == "Not reproduced: the run could not be re-executed."


# --------------------------------------------------------------------------------------------
# End to end: a real run, verified as it is and after one byte of its corpus changed
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """A run of every notebook on a copy of the seed; returns (run folder, corpus copy)."""
    folder = tmp_path_factory.mktemp("verify")
    corpus = folder / SEED.name
    shutil.copyfile(SEED, corpus)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert cli.main(["run", "--no-progress", "--corpus", str(corpus),
                         "--output", str(folder / "run"), "--jobs", "2"]) == 0
    return folder / "run", corpus


def test_verify_reproduces_an_unchanged_run(seed_run, capsys, monkeypatch):
    run, _ = seed_run
    monkeypatch.chdir(ROOT)
    manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
    recorded = compare.outputs(manifest)
    status = cli.main(["verify", str(run), "--jobs", "2"])
    lines = capsys.readouterr().out.splitlines()
    temporary = Path(lines[0].rsplit(" in ", 1)[1])
    count = len(list((ROOT / "notebooks").glob("*.ipynb")))
    assert lines[0].startswith(f"textkit verify: re-executing {run} ({count} notebooks) in ")
    assert not temporary.exists() and not temporary.parent.exists()
    assert {"index.html", "01_word_frequency.html", "word_frequencies.csv", "zipf.svg"} <= set(
        recorded)
    expected = [f"identical  {name}" for name in sorted(recorded)]
    assert status == 0
    assert lines[1:-1] == expected
    assert lines[-1] == (f"{len(recorded)} files: {len(recorded)} identical. Reproduced: every "
                         "file is identical.")


def test_verify_names_the_changed_input_tables_and_packages(seed_run, tmp_path, capsys,
                                                            monkeypatch):
    run, corpus = seed_run
    monkeypatch.chdir(ROOT)
    copy = tmp_path / "copy"  # a copy of the run whose manifest records other package versions
    shutil.copytree(run, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["packages"].update({"pandas": "0.0.1", "textkit-gone": "1.0"})
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    text = corpus.read_bytes()
    assert text.count(ORIGINAL.encode()) == 1
    corpus.write_bytes(text.replace(ORIGINAL.encode(), CHANGED.encode()))
    try:
        status = cli.main(["verify", str(copy), "--jobs", "2", "--keep", str(tmp_path / "kept")])
    finally:
        corpus.write_bytes(text)
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert status == 1
    assert (tmp_path / "kept" / "word_frequencies.csv").is_file()  # --keep keeps the re-run
    assert any(line.startswith(f"inputs: {corpus} changed (sha256 39a208d5… in the run, ")
               for line in lines)
    assert f"packages: pandas 0.0.1 in the run, {metadata.version('pandas')} now" in lines
    assert "packages: textkit-gone 1.0 in the run, not installed now" in lines
    frequencies = next(line for line in lines if line.startswith("different  word_frequencies.csv"))
    assert re.search(r"row \d+.*, column \w+: .+ in the run, .+ now$", frequencies)
    assert any(line.startswith("different  actor_counts.csv: row ") for line in lines)
    assert lines[-1].endswith("different. Not reproduced.")


def test_a_notebook_that_fails_on_re_execution_is_not_reproduced(tmp_path, capsys):
    import nbformat

    notebooks = tmp_path / "project" / "notebooks"
    notebooks.mkdir(parents=True)
    parameters = nbformat.v4.new_code_cell('output_dir: str = "."  # where results go')
    parameters.metadata["tags"] = ["parameters"]
    failing = nbformat.v4.new_code_cell('raise ValueError("the corpus moved")')
    kernel = {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}
    nbformat.write(nbformat.v4.new_notebook(cells=[parameters, failing], metadata=kernel),
                   notebooks / "01_x.ipynb")
    folder = _manifest(tmp_path / "run", notebooks_dir=str(notebooks), inputs={},
                       notebooks={"01_x.ipynb": {"given": {}}})
    assert cli.main(["verify", str(folder), "--jobs", "1"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[1] == ("failed     the re-execution: notebook 01_x.ipynb failed in cell 2 "
                      "(execution count 3): ValueError: the corpus moved")
    assert out[2] == "(re-run with --keep DIR to inspect the executed notebook)"
    assert out[-1] == "Not reproduced: the run could not be re-executed."
