"""The source notebooks follow the notebook contract, and run under plain papermill.

Contract: committed without outputs; the first code cell is tagged `parameters` and declares one
parameter per line as `name: type = default  # help` (so `papermill --help-notebook` documents
it); every notebook declares `corpus` and `output_dir`; no `def` or `class` (logic lives in
textkit); nothing downloads.
"""

import ast
import subprocess
import sys

import nbformat
import pandas as pd
import papermill
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert [nb.name for nb in NOTEBOOKS][:1] == ["01_word_frequency.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_source_notebook_is_clean(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert "papermill" not in nb.metadata
    assert code[0].metadata.get("tags") == ["parameters"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_parameter_is_declared_with_type_and_help(path):
    nb = nbformat.read(path, as_version=4)
    source = next(c for c in nb.cells if c.cell_type == "code").source
    assignments = [n for n in ast.parse(source).body]
    assert all(isinstance(n, ast.AnnAssign) for n in assignments), "one `name: type = default` per line"
    declared = papermill.inspect_notebook(str(path))
    # papermill silently skips lines it cannot parse (e.g. a second '=' in the help text)
    assert sorted(declared) == sorted(n.target.id for n in assignments)
    for name, spec in declared.items():
        assert spec["inferred_type_name"] in {"str", "int", "float", "bool"}, name
        assert spec["help"].strip(), f"{name} has no help comment"
    assert {"corpus", "output_dir"} <= set(declared)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_holds_no_logic_and_downloads_nothing(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            tree = ast.parse(cell.source)
            defs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))]
            assert not defs, f"logic belongs in textkit: {cell.source[:60]!r}"
            assert "download" not in cell.source


def test_word_frequency_notebook_with_plain_papermill(tmp_path, tiny_path):
    """The README's papermill command, on the tiny two-document corpus."""
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/01_word_frequency.ipynb",
         str(tmp_path / "01.ipynb"), "--cwd", "notebooks", "--no-progress-bar",
         "-p", "corpus", str(tiny_path), "-p", "output_dir", str(out), "-p", "top_n", "5"],
        cwd=ROOT, check=True, capture_output=True,
    )
    terms = pd.read_csv(out / "word_frequencies.csv", keep_default_na=False)
    assert terms.head(3)[["term", "count", "documents"]].values.tolist() == [
        ["kyiv", 4, 2], ["US", 2, 2], ["talks", 2, 1],
    ]
    per_doc = pd.read_csv(out / "document_frequencies.csv")
    assert per_doc[["doc_id", "tokens", "types"]].values.tolist() == [
        ["a_talks.txt", 8, 6], ["more/b_aid.txt", 8, 7],
    ]
    removals = pd.read_csv(out / "cleaning_removals.csv", keep_default_na=False)
    removed = removals.set_index(["doc_id", "step"])["removed"]
    assert removed[("a_talks.txt", "dateline")] == "KYIV, Ukraine (AP) —"
    assert removed[("a_talks.txt", "headline_suffix")] == "| News"
    assert removed[("a_talks.txt", "copyright")] == (
        "Copyright 2022 The Associated Press. All rights reserved.")
    report = pd.read_csv(out / "cleaning_report.csv", keep_default_na=False).set_index("step")
    assert report.loc["dateline", "documents"] == 1 and report.loc["copyright", "edits"] == 1


def test_plain_papermill_from_the_project_root_writes_inside_the_project(tmp_path):
    """A student's `papermill notebooks/01_….ipynb out.ipynb -p corpus …`, no output_dir."""
    import shutil

    project = tmp_path / "project"
    shutil.copytree(ROOT / "notebooks", project / "notebooks")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    subprocess.run(
        [sys.executable, "-m", "papermill", "notebooks/01_word_frequency.ipynb", "executed.ipynb",
         "--no-progress-bar", "-p", "corpus", "seeds/ap_2022-01-27_russia_ukraine.txt"],
        cwd=project, check=True, capture_output=True,
    )
    assert (project / "outputs" / "lab" / "word_frequencies.csv").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]  # nothing above it
