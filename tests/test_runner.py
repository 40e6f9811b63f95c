"""`textkit run`: parameters checked before anything runs, results swapped in only on success.

These tests execute real notebooks with papermill (each kernel takes a second or two).
"""

import hashlib
import json
import os
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from conftest import ROOT, SEED
from textkit import cli, runfolder, runner

SEED_SHA256 = "39a208d5291ca275ad547a79aaf461311493eb33898bf500452432f4b9bf86fc"  # sha256sum seeds/*.txt


def _run(*args) -> int:
    return cli.main(["run", "--no-progress", *args])


def _digests(folder: Path) -> dict:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """One run of every notebook on the seed, as `make run` does it (two notebooks at a time)."""
    out = tmp_path_factory.mktemp("runs") / "seed"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        assert _run("--output", str(out), "--jobs", "2") == 0
    return out


def test_run_writes_every_output(seed_run):
    names = {p.name for p in seed_run.iterdir()}
    notebooks = {nb.stem for nb in (ROOT / "notebooks").glob("*.ipynb")}
    assert {f"{stem}.ipynb" for stem in notebooks} | {f"{stem}.html" for stem in notebooks} <= names
    assert {
        "manifest.json", "word_frequencies.csv", "corpus_summary.csv", "cleaning_report.csv",
        "reading_notes.csv", "index.html",
        "top_terms.png", "top_terms.svg", "zipf.png", "zipf.svg",
        "actor_counts.csv", "quotes.csv", "collocations.csv", "node_collocates.csv",
    } <= names
    assert not (seed_run.parent / ".seed.building").exists()
    html = (seed_run / "01_word_frequency.html").read_text(encoding="utf-8")
    assert "<html" in html and "word_frequencies.csv" in html


def test_word_frequencies_on_the_seed(seed_run):
    table = pd.read_csv(seed_run / "word_frequencies.csv", keep_default_na=False).set_index("term")
    assert table.loc["US", "count"] == 9 and table.loc["us", "count"] == 1
    assert table.loc["moscow", "count"] == 5 and table.loc["russia", "count"] == 14
    assert not {"reserved", "redistributed", "elwood"} & set(table.index)
    assert not any("’" in term for term in table.index)


def test_manifest_records_parameters_inputs_outputs_and_versions(seed_run):
    manifest = json.loads((seed_run / "manifest.json").read_text())
    assert manifest["status"] == "succeeded"
    params = manifest["notebooks"]["01_word_frequency.ipynb"]["parameters"]
    assert params["top_n"] == 20 and params["stopwords"] == "default"
    assert params["output_dir"] == str(seed_run)
    seed_key = [k for k in manifest["inputs"] if k.endswith(SEED.name)]
    assert [manifest["inputs"][k] for k in seed_key] == [SEED_SHA256]
    files = {name: digest for group in manifest["outputs"].values() for name, digest in group.items()}
    actual = _digests(seed_run)
    actual.pop("manifest.json")
    assert files == actual
    assert manifest["packages"]["pandas"] == pd.__version__
    assert manifest["python"]["version"].startswith("3.")
    assert set(manifest["git"]) == {"commit", "dirty"}


def test_second_run_is_byte_identical(seed_run, project_root):
    before = json.loads((seed_run / "manifest.json").read_text())["outputs"]
    assert _run("--output", str(seed_run), "--jobs", "2") == 0
    after = json.loads((seed_run / "manifest.json").read_text())["outputs"]
    assert after == before  # tables, figures, executed notebooks and HTML


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-p", "top_n", "-1"], "parameter top_n must be a whole number from 1 to 1000"),
        (["-p", "window", "1000000000"], "parameter window must be a whole number from 1 to 100"),
        (["-p", "node", "united states"], "parameter node must be one word, or empty for the most frequent content word, got 'united states'"),
        (["-p", "measure", "G2"], "parameter measure must be one of 'frequency', 'pmi', 'llr'"),
        (["-p", "top_n", "ten"], "parameter top_n expects int (a whole number), got 'ten'"),
        (["-p", "no_such_param", "1"], "unknown parameter no_such_param: no selected notebook declares it"),
        (["--corpus", "missing.txt"], "missing.txt: no such file or folder"),
        (["--only", "99"], "--only 99: no such notebook"),
        (["-p", "stopwords", "no/such/list.txt"], "parameter stopwords must be an existing file or one of"),
        (["-p", "skip_cleaning", "bylin"], "unknown cleaning step 'bylin'; the steps are: nfc,"),
    ],
)
def test_bad_input_fails_before_running_and_keeps_results(seed_run, project_root, capsys, args, message):
    before = _digests(seed_run)
    only = "03" if args[1] in {"window", "node", "measure"} else "01"
    assert _run("--only", only, "--output", str(seed_run), *args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and len(err.splitlines()) <= 2
    assert _digests(seed_run) == before
    assert not (seed_run.parent / "seed.failed").exists()


def test_bad_actor_dictionary_fails_before_running(tmp_path, project_root, capsys):
    bad = tmp_path / "my_actors.yml"
    bad.write_text("actors:\n  - name: Vladimir Putin\n    type: persn\n", encoding="utf-8")
    out = tmp_path / "run"
    assert _run("--only", "02", "--output", str(out), "-p", "actors", str(bad)) == 2
    assert f"{bad}: line 3: actor 'Vladimir Putin' has the unknown type 'persn'" in capsys.readouterr().err
    assert _run("--only", "02", "--output", str(out), "-p", "kwic_actor", "Vladimir Putn") == 2
    assert "Did you mean 'Vladimir Putin'?" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "run.failed").exists()


def test_missing_nltk_data_fails_before_running(seed_run, project_root, capsys, monkeypatch, tmp_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # an empty NLTK data folder
    before = _digests(seed_run)
    assert _run("--only", "01", "--output", str(seed_run), "-p", "stopwords", "nltk") == 2
    err = capsys.readouterr().err
    assert "NLTK's stopword list is not installed" in err and "NLTK_DATA" in err
    assert _digests(seed_run) == before


def test_table_corpus_with_named_text_column(tmp_path, project_root):
    table = tmp_path / "articles.csv"
    table.write_text('id,body,outlet\n1,"The US said Kyiv.",AP\n2,"Kyiv said no.",AFP\n', encoding="utf-8")
    out = tmp_path / "run"
    assert _run("--only", "01", "--output", str(out), "--corpus", str(table), "-p", "text_column", "body") == 0
    per_doc = pd.read_csv(out / "document_frequencies.csv")
    assert per_doc[["doc_id", "tokens", "top_terms"]].values.tolist() == [
        ["articles.csv:2", 3, "US, kyiv, said"], ["articles.csv:3", 2, "kyiv, said"],
    ]


def test_parameter_file_and_override(tmp_path, project_root):
    params = tmp_path / "params.yaml"
    params.write_text("top_n: '007'\nextra_stopwords: said, told\nlowercase: no\n")
    out = tmp_path / "run"
    assert _run("--only", "01", "--output", str(out), "-f", str(params), "-p", "lowercase", "yes") == 0
    manifest = json.loads((out / "manifest.json").read_text())
    used = manifest["notebooks"]["01_word_frequency.ipynb"]["parameters"]
    assert used["top_n"] == 7 and used["lowercase"] is True and used["extra_stopwords"] == "said, told"
    table = pd.read_csv(out / "word_frequencies.csv", keep_default_na=False)
    assert "said" not in set(table["term"]) and "russia" in set(table["term"])


def _broken_notebooks(folder: Path) -> Path:
    """A notebooks folder with the real 01 and a 02 that fails in its third cell."""
    folder.mkdir()
    shutil.copy(ROOT / "notebooks" / "01_word_frequency.ipynb", folder)
    _notebook(folder / "02_broken.ipynb", "answer = 6 * 7", "raise ValueError(f'boom {answer}')")
    return folder


def _notebook(path: Path, *cells: str) -> None:
    """Write a notebook: a parameters cell (``corpus``, ``output_dir``), then these code cells."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('corpus: str = "x"  # corpus\noutput_dir: str = "."  # output'),
        *(nbformat.v4.new_code_cell(source) for source in cells),
    ]
    nb.cells[0].metadata["tags"] = ["parameters"]
    nb.metadata["kernelspec"] = {"name": "python3", "language": "python", "display_name": "Python 3"}
    nbformat.write(nb, path)


def test_failing_notebook_keeps_earlier_results(tmp_path, project_root, capsys):
    notebooks = _broken_notebooks(tmp_path / "notebooks")
    out = tmp_path / "run"
    assert _run("--notebooks", str(notebooks), "--only", "01", "--output", str(out), "--corpus", str(SEED)) == 0
    before = _digests(out)

    status = _run("--notebooks", str(notebooks), "--output", str(out), "--corpus", str(SEED), "--jobs", "2")
    err = capsys.readouterr().err
    assert status == 1
    assert "notebook 02_broken.ipynb failed in cell 3" in err and "ValueError: boom 42" in err
    assert f"The earlier results in {out} are unchanged" in err
    assert _digests(out) == before
    failed = tmp_path / "run.failed"
    kept = nbformat.read(failed / "02_broken.ipynb", as_version=4)
    assert kept.cells[-1].outputs[0]["ename"] == "ValueError"
    assert (failed / "word_frequencies.csv").exists()  # 01 ran in parallel and finished
    manifest = json.loads((failed / "manifest.json").read_text())
    assert manifest["status"] == "failed"
    assert manifest["notebooks"]["01_word_frequency.ipynb"]["status"] == "ok"
    assert manifest["notebooks"]["02_broken.ipynb"]["status"] == "failed"


def test_every_notebook_runs_on_a_tiny_corpus(tmp_path, tiny_path, project_root, monkeypatch):
    """Two short documents: too small for collocations, which must say so, not fail."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert _run("--corpus", str(tiny_path), "--jobs", "2") == 0
    run = tmp_path / "outputs" / "tiny"  # the run is named after the corpus
    docs = pd.read_csv(run / "document_frequencies.csv")
    assert docs["doc_id"].tolist() == ["a_talks.txt", "more/b_aid.txt"]
    mentions = pd.read_csv(run / "actor_counts.csv").set_index("actor")["mentions"]
    # "The US and NATO met in Kyiv" / "The US sent aid to Kyiv. Kyiv said ... all of us."
    assert mentions.to_dict() == {"Ukraine": 4, "United States": 2, "NATO": 1}
    assert pd.read_csv(run / "collocations.csv").empty  # every bigram occurs once
    assert "Nothing to work through" in (run / "03_collocations.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# What a person sees: figures as images, the run folder named, user text escaped
# --------------------------------------------------------------------------------------------


def _figure_cells(notebook) -> list:
    """Code cells that show a figure: their last line is a figure made by textkit.plots."""
    made = {line.split("=")[0].strip() for c in notebook.cells if c.cell_type == "code"
            for line in c.source.splitlines() if "= plots." in line and "group_colours" not in line}
    return [c for c in notebook.cells if c.cell_type == "code" and c.source.strip()
            and c.source.strip().splitlines()[-1].strip() in made]


@pytest.mark.parametrize("name", ["01_word_frequency", "02_actor_mentions", "03_collocations", "04_keyness"])
def test_every_figure_cell_shows_an_image(seed_run, name):
    executed = nbformat.read(seed_run / f"{name}.ipynb", as_version=4)
    cells = _figure_cells(executed)
    assert cells, "each notebook draws figures"
    for cell in cells:
        kinds = {kind for output in cell.outputs for kind in output.get("data", {})}
        assert "image/png" in kinds, f"no image for: {cell.source[:60]!r}"
        assert not any("<Figure size" in o.get("data", {}).get("text/plain", "")
                       for o in cell.outputs if "image/png" not in o.get("data", {}))
    html = (seed_run / f"{name}.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") >= len(cells)


def test_executed_notebooks_name_the_run_folder_not_the_build_folder(seed_run):
    for path in seed_run.glob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert f'output_dir = \\"{seed_run}\\"' in text
        assert ".building" not in text


def test_nothing_temporary_is_left_next_to_the_run(seed_run):
    assert sorted(p.name for p in seed_run.parent.iterdir()) == ["seed"]


def test_manifest_marks_the_run_and_lists_every_installed_package(seed_run):
    manifest = json.loads((seed_run / "manifest.json").read_text())
    assert manifest["tool"] == "textkit"
    assert {"psutil", "papermill", "nbclient", "pyzmq"} <= set(manifest["packages"])
    assert len(manifest["packages"]) > 50


def test_a_log_gets_plain_lines_not_progress_bars(tmp_path, project_root, capsys):
    assert _run_logged("--only", "01", "--output", str(tmp_path / "run")) == 0
    err = capsys.readouterr().err
    assert "textkit: 01_word_frequency ok (" in err
    assert "\r" not in err and "\x1b[" not in err


def _run_logged(*args) -> int:
    """As `textkit run` with standard error going to a file (not a terminal)."""
    return cli.main(["run", *args])


def test_markup_in_a_parameter_is_shown_not_run(tmp_path, project_root):
    out = tmp_path / "run"
    attack = "<script>alert(1)</script>"
    assert _run("--only", "03", "--output", str(out), "-p", "explain", attack) == 0
    html = (out / "03_collocations.html").read_text(encoding="utf-8")
    assert attack not in html
    assert "&lt;script&gt;alert" in html


def test_the_log_says_when_the_dictionary_was_made_for_another_corpus(project_root, tiny_path, tmp_path):
    from textkit import runner

    other = runner.plan(corpus=str(tiny_path), only=["02"], output=str(tmp_path / "run"))
    assert len(other.notes) == 1 and "was written for the corpus" in other.notes[0]
    seed = runner.plan(only=["02"], output=str(tmp_path / "run"))
    assert seed.notes == []


def test_every_notebook_runs_on_the_wikinews_example_by_year(tmp_path, project_root):
    """The shipped second corpus, grouped by year: group sums equal the corpus totals."""
    out = tmp_path / "wikinews"
    assert _run("--corpus", "seeds/wikinews/*.csv", "-p", "group_by", "date:year",
                "--output", str(out), "--jobs", "2") == 0
    sizes = pd.read_csv(out / "group_sizes.csv", dtype={"doc_group": str})
    assert sizes[["doc_group", "documents"]].values.tolist() == [["2019", 171], ["2020", 122],
                                                                 ["2021", 2]]
    by_group = pd.read_csv(out / "actor_counts_by_group.csv", dtype={"doc_group": str})
    totals = pd.read_csv(out / "actor_counts.csv").set_index("actor")["mentions"]
    assert by_group.groupby("actor")["count"].sum().to_dict() == totals.to_dict()
    words = pd.read_csv(out / "term_frequencies_by_group.csv", keep_default_na=False,
                        dtype={"doc_group": str})
    corpus = pd.read_csv(out / "word_frequencies.csv", keep_default_na=False)
    assert words.groupby("term")["count"].sum().to_dict() == dict(zip(corpus["term"], corpus["count"]))
    keyness = pd.read_csv(out / "keyness.csv", dtype={"doc_group": str}, keep_default_na=False)
    assert set(keyness["doc_group"]) == {"2019", "2020", "2021"}
    assert (out / "word_trends.png").is_file() and (out / "actor_trends.png").is_file()


def test_kernels_get_the_fixed_hash_seed_and_no_progress_bars(tmp_path, project_root, monkeypatch):
    """The manifest says PYTHONHASHSEED=0: every kernel must really have it (and no bars, whose
    rates would make executed notebooks differ between runs); this process keeps its own."""
    monkeypatch.delenv("PYTHONHASHSEED", raising=False)
    monkeypatch.delenv("TEXTKIT_PROGRESS", raising=False)
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_environment.ipynb",
              "import json, os, pathlib\n"
              "names = ['PYTHONHASHSEED', 'TEXTKIT_PROGRESS']\n"
              "pathlib.Path(output_dir, 'environment.json').write_text("
              "json.dumps({n: os.environ.get(n) for n in names}))")
    out = tmp_path / "run"
    assert _run("--notebooks", str(folder), "--output", str(out), "--corpus", str(SEED)) == 0
    seen = json.loads((out / "environment.json").read_text())
    assert seen == {"PYTHONHASHSEED": "0", "TEXTKIT_PROGRESS": "0"}
    assert json.loads((out / "manifest.json").read_text())["environment"] == seen
    assert "PYTHONHASHSEED" not in os.environ and "TEXTKIT_PROGRESS" not in os.environ


def _fresh_python(script: str) -> list[str]:
    """Run a script in a fresh interpreter (from the project root); return its printed words."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_reading_notebooks_compiles_no_iri_grammars():
    """jsonschema is capped below 4.25 (pyproject.toml): from 4.25 it imports rfc3987_syntax,
    which compiles some 40 Lark grammars (about 2 s) in every process that reads a notebook,
    for an ``iri`` format no notebook schema uses. nbformat still validates, and still rejects
    a malformed notebook."""
    script = (
        "import sys\n"
        "import nbformat, papermill, nbconvert\n"
        "nbformat.validate(nbformat.v4.new_notebook())\n"
        "bad = nbformat.v4.new_notebook(); bad.cells = [{'cell_type': 'code'}]\n"
        "try:\n"
        "    nbformat.validate(bad)\n"
        "except nbformat.ValidationError:\n"
        "    print('rejected')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rfc3987_syntax', 'lark')))\n"
    )
    assert _fresh_python(script) == ["rejected", "[]"]


def test_freed_memory_goes_back_to_the_system():
    """Freed heap memory below a live allocation stays in the process until malloc_trim, which
    memory.give_back calls (the runner once the corpus has been checked, and the steps that
    build large temporary objects): in a fresh process, measured by RSS."""
    script = (
        "from textkit import memory\n"
        "def rss():\n"
        "    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) // 1024\n"
        "held = ['x' * 1000 + str(i) for i in range(200_000)]  # ~200 MB on the C heap\n"
        "pin = 'y' * len(held[0])  # allocated last: the heap cannot simply shrink from its top\n"
        "del held\n"
        "before = rss()\n"
        "memory.give_back()\n"
        "print(before, rss())\n"
    )
    before, after = map(int, _fresh_python(script))
    assert before - after > 150, (before, after)


def _stamping_notebooks(folder: Path, names: list[str]) -> None:
    """Notebooks that each write the time their kernel reached the first cell."""
    folder.mkdir()
    for name in names:
        _notebook(folder / f"{name}.ipynb",
                  "import pathlib, time\n"
                  f"pathlib.Path(output_dir, '{name}.started').write_text(repr(time.time()))")


def test_the_notebook_that_took_longest_last_time_starts_first(tmp_path, project_root):
    """With one kernel at a time, the earlier run's durations decide the start order (the
    longest first); the manifest still lists the notebooks in the plan's order."""
    names = ["01_short", "02_long", "03_new"]
    _stamping_notebooks(tmp_path / "notebooks", names)
    out = tmp_path / "run"
    out.mkdir()
    (out / "manifest.json").write_text(json.dumps({"tool": "textkit", "notebooks": {
        "01_short.ipynb": {"duration_seconds": 2.0}, "02_long.ipynb": {"duration_seconds": 50.0}}}))
    assert _run("--notebooks", str(tmp_path / "notebooks"), "--output", str(out),
                "--corpus", str(SEED), "--jobs", "1") == 0
    started = {name: float((out / f"{name}.started").read_text()) for name in names}
    assert sorted(names, key=started.get) == ["03_new", "02_long", "01_short"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert list(manifest["notebooks"]) == [f"{name}.ipynb" for name in names]
    # The next run goes by this run's own durations: every notebook is known now.
    assert set(runfolder.durations(out)) == {f"{name}.ipynb" for name in names}


@pytest.mark.parametrize("text", ["", "{", "[]", '{"notebooks": []}',
                                  '{"notebooks": {"a.ipynb": {"duration_seconds": "x"}}}'])
def test_an_unreadable_earlier_manifest_gives_no_durations(tmp_path, text):
    (tmp_path / "manifest.json").write_text(text)
    assert runfolder.durations(tmp_path) == {}
    assert runner.start_order(["a.ipynb", "b.ipynb"], {}) == [0, 1]
